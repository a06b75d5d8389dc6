"""Reading SPSS (``.sav``, ``.zsav``) and Stata (``.dta``) files as carevoice tables.

Survey data in social research often lives in SPSS or Stata files rather than CSV: answers are
stored as numeric codes with *value labels* (1 = "Foster care", 2 = "Residential"), non-answers
as *user-missing* codes (-99 = "Not answered"), and scales as ordinal variables. Read as a CSV
export of the codes, a report would show "1" and "2" and count -99 as an answer. So these files
are read with their labels applied (the reader sees "Foster care"), user-defined missing codes
as no answer, and the order of each labelled question's answers kept as the order of its codes
(:class:`LabelledColumn`), which :mod:`carevoice._labelled` uses when it types the answers.
The files also say what each variable is (:class:`FileVariables`): its question wording
(variable label), whether it is a string variable without value labels (typed answers, so free
text), a question answered from value labels (closed by construction) or a scale (numbers).
The readers record these in ``frame.attrs`` (:data:`WORDING_ATTR`, :data:`LABELLED_ATTR`,
:data:`TEXT_ATTR`), where the free-text check finds them (:func:`file_hints`).

Reading needs `pyreadstat <https://github.com/Roche/pyreadstat>`_ (``pip install
"carevoice[spss]"``), imported only when such a file is read. Nothing here writes these formats.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import InputError

__all__ = ["LABELLED_ATTR", "STAT_SUFFIXES", "TEXT_ATTR", "WORDING_ATTR", "FileVariables",
           "LabelledColumn", "file_hints", "read_stat_file", "renamed_attrs"]

#: Suffixes read by :func:`read_stat_file`, and which program writes them.
STAT_SUFFIXES: dict[str, str] = {".sav": "spss", ".zsav": "spss", ".dta": "stata"}


@dataclass(frozen=True)
class LabelledColumn:
    """A question whose answers carry value labels in an SPSS or Stata file.

    Parameters
    ----------
    levels : tuple of str
        The answers in the order of their codes (1 before 2 before 10), each once: the labels
        of the codes answered and of any codes between them, never of a user-missing code,
        and the numeric codes answered without a label, as the code ("7"), in their place.
    ordered : bool
        Whether the file marks the question as ordinal (SPSS's measurement level "ordinal";
        Stata has no such mark, so its questions are never ordered by this alone).
    complete : bool
        Whether every answer given in the file has a label (an unlabelled code is kept as
        the code, "7").
    measure : str, default "unknown"
        SPSS's measurement level: ``"nominal"``, ``"ordinal"``, ``"scale"`` or
        ``"unknown"`` (always ``"unknown"`` for Stata).
    codes : mapping of str to tuple of str, default {}
        Each label and the codes it names, as text (``{"Don't know": ("99",)}``), so that a
        missing-value code given as a number finds its label.
    numeric : bool, default False
        Whether the answers are read as numbers, not labels: a question SPSS measures as
        *scale* whose labels name only some of its codes (0 = "None", 10 = "10 or more",
        the codes between unlabelled, or answers given without a label).
    """

    levels: tuple[str, ...]
    ordered: bool
    complete: bool
    measure: str = "unknown"
    codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    numeric: bool = False


#: ``frame.attrs`` keys under which the readers record what an SPSS or Stata file says about
#: its questions (see :class:`FileVariables`).
WORDING_ATTR = "question_wording"
LABELLED_ATTR = "value_labelled"
TEXT_ATTR = "text_variables"
#: ``frame.attrs`` key of the questions a user vouched for as closed when converting
#: (``not_free_text``), remembered in the respondents' schema side file.
VOUCHED_ATTR = "not_free_text"


@dataclass(frozen=True)
class FileVariables:
    """What an SPSS or Stata file says about its variables besides their values.

    Parameters
    ----------
    labelled : mapping of str to LabelledColumn, default {}
        The questions whose answers carry value labels: closed by construction (unless
        also in ``text``).
    wording : mapping of str to str, default {}
        The variable labels: each question's wording ("Where do you live now?").
    text : frozenset of str, default frozenset()
        The string variables without value labels, or with labels that leave some answers
        unlabelled: typed answers, free text unless the user vouches for them as closed
        questions.

    Examples
    --------
    >>> v = FileVariables(wording={"placement": "Where do you live now?"},
    ...                   text=frozenset({"placement_other"}))
    >>> v.renamed({"placement": "placement_type"}).wording
    {'placement_type': 'Where do you live now?'}
    >>> FileVariables.from_json(v.to_json()) == v
    True
    """

    labelled: Mapping[str, LabelledColumn] = field(default_factory=dict)
    wording: Mapping[str, str] = field(default_factory=dict)
    text: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.labelled or self.wording or self.text)

    @property
    def closed(self) -> frozenset[str]:
        """The questions answered from value labels alone: closed by construction."""
        return frozenset(c for c in self.labelled if c not in self.text)

    def renamed(self, mapping: Mapping[str, str]) -> FileVariables:
        """The same, with columns renamed as ``frame.rename(columns=mapping)`` renames them."""
        if not mapping:
            return self
        new = {str(k): str(v) for k, v in mapping.items()}
        return FileVariables({new.get(c, c): s for c, s in self.labelled.items()},
                             {new.get(c, c): w for c, w in self.wording.items()},
                             frozenset(new.get(c, c) for c in self.text))

    def attrs(self, columns: Iterable[Any]) -> dict[str, Any]:
        """The ``frame.attrs`` entries for these columns: only those the file says anything
        about, and no key whose value would be empty."""
        names = [str(c) for c in columns]
        out: dict[str, Any] = {
            WORDING_ATTR: {c: self.wording[c] for c in names if c in self.wording},
            LABELLED_ATTR: [c for c in names if c in self.closed],
            TEXT_ATTR: [c for c in names if c in self.text]}
        return {k: v for k, v in out.items() if v}

    def to_json(self) -> str:
        """The variables as JSON text (for a batch run's staged copy of the file)."""
        return json.dumps({
            "labelled": {c: {**asdict(s), "levels": list(s.levels),
                             "codes": {k: list(v) for k, v in s.codes.items()}}
                         for c, s in self.labelled.items()},
            "wording": dict(self.wording), "text": sorted(self.text)})

    @classmethod
    def from_json(cls, text: str) -> FileVariables:
        """Read back what :meth:`to_json` wrote."""
        data = json.loads(text)
        labelled = {c: LabelledColumn(tuple(s["levels"]), bool(s["ordered"]),
                                      bool(s["complete"]), str(s["measure"]),
                                      {k: tuple(v) for k, v in s["codes"].items()},
                                      bool(s["numeric"]))
                    for c, s in data["labelled"].items()}
        return cls(labelled, dict(data["wording"]), frozenset(data["text"]))


def file_hints(frame: pd.DataFrame, wording: Mapping[str, str] | None = None,
               text_variables: Iterable[str] | None = None,
               value_labelled: Iterable[str] | None = None,
               ) -> tuple[Mapping[str, str], set[Any], set[Any]]:
    """What the free-text check knows of a frame's columns from an SPSS or Stata file.

    Each argument given is used as it is; each one not given is read from ``frame.attrs``
    (:data:`WORDING_ATTR`, :data:`TEXT_ATTR`, :data:`LABELLED_ATTR`), where the readers
    record them, and is empty when the frame has none.

    Examples
    --------
    >>> frame = pd.DataFrame({"placement_other": ["Rosewood House"]})
    >>> frame.attrs["text_variables"] = ["placement_other"]
    >>> file_hints(frame)
    ({}, {'placement_other'}, set())
    """
    attrs = frame.attrs
    collections = list | tuple | set | frozenset
    if wording is None:
        given = attrs.get(WORDING_ATTR)
        wording = given if isinstance(given, Mapping) else {}
    if text_variables is None:
        given = attrs.get(TEXT_ATTR)
        text_variables = given if isinstance(given, collections) else ()
    if value_labelled is None:
        given = attrs.get(LABELLED_ATTR)
        value_labelled = given if isinstance(given, collections) else ()
    return wording, set(text_variables), set(value_labelled)


def renamed_attrs(attrs: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    """``frame.attrs`` for ``frame.rename(columns=mapping)``: the columns the SPSS or Stata
    entries name renamed too.

    Examples
    --------
    >>> renamed_attrs({"question_wording": {"q1": "How old are you?"}}, {"q1": "age"})
    {'question_wording': {'age': 'How old are you?'}}
    """
    out = dict(attrs)
    new = {str(k): str(v) for k, v in mapping.items()}
    if isinstance(out.get(WORDING_ATTR), Mapping):
        out[WORDING_ATTR] = {new.get(c, c): w for c, w in out[WORDING_ATTR].items()}
    for key in (LABELLED_ATTR, TEXT_ATTR, VOUCHED_ATTR):
        if isinstance(out.get(key), list | tuple):
            out[key] = [new.get(c, c) for c in out[key]]
    return out


def _import_pyreadstat(name: str, kind: str) -> Any:
    try:
        import pyreadstat
    except ImportError as e:
        program = "SPSS" if kind == "spss" else "Stata"
        raise InputError(
            f"{name} is an {program} file; reading it needs the pyreadstat package: "
            "pip install 'carevoice[spss]' (or save the data as CSV or XLSX from "
            f"{program}).") from e
    return pyreadstat


def _label_text(value: Any) -> str:
    return " ".join(str(value).split())


def _code_key(code: Any) -> tuple[int, float, str]:
    """Codes sort as numbers where they are numbers, then as text."""
    if isinstance(code, int | float) and not (isinstance(code, float) and math.isnan(code)):
        return (0, float(code), "")
    return (1, 0.0, str(code))


def _in_ranges(code: Any, ranges: Any) -> bool:
    """Whether a code is one of a column's user-missing values (SPSS ``missing_ranges``)."""
    for r in ranges:
        lo, hi = r.get("lo"), r.get("hi")
        try:
            if lo is not None and hi is not None and lo <= code <= hi:
                return True
        except TypeError:  # a text code against numeric ranges, or the reverse
            if code in (lo, hi):
                return True
    return False


def _code_text(code: Any) -> str:
    """A code as text, as a CSV of the codes would show it: 8.0 as "8"."""
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)


def _is_number(code: Any) -> bool:
    return isinstance(code, int | float) and not (isinstance(code, float) and math.isnan(code))


def _labels_some_codes(labels: Mapping[Any, Any], ranges: Any, complete: bool) -> bool:
    """Whether value labels name only some of a question's codes: an answer without a label,
    or whole-number codes between the lowest and highest labelled one left unlabelled."""
    if not complete:
        return True
    codes = [c for c in labels if not _in_ranges(c, ranges)]
    if not codes or not all(_is_number(c) and float(c).is_integer() for c in codes):
        return False
    whole = {int(c) for c in codes}
    return len(whole) < max(whole) - min(whole) + 1


def _labelled_columns(frame: pd.DataFrame, raw: pd.DataFrame, meta: Any,
                      ) -> dict[str, LabelledColumn]:
    """The labelled questions of a file read with and without its labels applied."""
    measures = getattr(meta, "variable_measure", None) or {}
    missing = getattr(meta, "missing_ranges", None) or {}
    out = {}
    for column, labels in (meta.variable_value_labels or {}).items():
        if column not in frame.columns or not labels:
            continue
        ranges = missing.get(column, ())
        codes = raw[column].dropna()
        answered = sorted(set(codes), key=_code_key)
        # The label of a user-missing code ("Not answered") is no answer, not a level; nor is
        # an unused label outside the codes answered (a -99 or 99 "Not answered" that the file
        # does not mark missing), while an unused label between them stays (a scale point
        # nobody chose). Codes answered without a label take their place among the labels.
        used = [c for c in answered if c in labels]
        kept = [code for code in labels if not _in_ranges(code, ranges)
                and (code in used or (used and _code_key(used[0]) <= _code_key(code)
                                      <= _code_key(used[-1])))]
        # (numbers only: an unlabelled text answer may be free text, kept out of the record)
        order = sorted({*kept, *(c for c in answered if c not in labels and _is_number(c))},
                       key=_code_key)
        levels = dict.fromkeys(_label_text(labels[c]) if c in labels else _code_text(c)
                               for c in order)
        by_label: dict[str, list[str]] = {}
        for code in sorted(labels, key=_code_key):
            by_label.setdefault(_label_text(labels[code]), []).append(_code_text(code))
        complete = bool(codes.isin(list(labels)).all())
        measure = str(measures.get(column) or "unknown")
        numeric = (measure == "scale" and all(map(_is_number, answered))
                   and _labels_some_codes(labels, ranges, complete))
        out[str(column)] = LabelledColumn(
            tuple(v for v in levels if v), measure == "ordinal", complete, measure,
            {k: tuple(v) for k, v in by_label.items()}, numeric)
    return out


# SPSS's N format (restricted numeric: "0001") and Stata's %0wf show whole numbers with
# leading zeros; such a variable is an identifier, read as the program shows it.
_ZERO_PADDED = re.compile(r"^N(\d+)$|^%0(\d+)\.0f$")


def _padded(value: Any, width: int) -> Any:
    if _is_number(value) and float(value).is_integer() and value >= 0:
        return str(int(value)).zfill(width)
    return value


def read_stat_file(path: Path, name: str, kind: str,
                   ) -> tuple[pd.DataFrame, list[int], FileVariables]:
    """Read an SPSS or Stata file: values as objects (labels applied), rows, what it says.

    User-defined missing codes (SPSS) and Stata's extended missing values are no answer; codes
    with a value label read as the label; codes without one as the code; a number SPSS shows
    with leading zeros (format N4: "0001") as the text it shows.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    name : str
        Its name, for messages.
    kind : {"spss", "stata"}
        Which reader (:data:`STAT_SUFFIXES`).

    Returns
    -------
    frame : pandas.DataFrame
        The cells as read (numbers, text, dates; missing as NaN/NaT), file column order.
    rows : list of int
        Each row's 1-based position in the file.
    variables : FileVariables
        The questions that carry value labels, the question wording (variable labels) and
        the string variables without value labels.

    Raises
    ------
    InputError
        If pyreadstat is not installed, or the file is not a readable file of that kind.
    """
    pyreadstat = _import_pyreadstat(name, kind)
    reader = pyreadstat.read_sav if kind == "spss" else pyreadstat.read_dta
    try:
        # SPSS's user-defined missing codes are read as written, to learn which they are (the
        # file's metadata lists them only then), and made missing below; Stata's extended
        # missing values (.a to .z) are missing as read.
        options = {"user_missing": True} if kind == "spss" else {}
        raw, meta = reader(str(path), apply_value_formats=False, **options)
    except Exception as e:  # pyreadstat raises its own ReadstatError / PyreadstatError
        program = "SPSS" if kind == "spss" else "Stata"
        raise InputError(f"{name} is not a readable {program} file ({type(e).__name__}); "
                         f"re-save it from {program}, or save the data as CSV or XLSX.") from e
    for column, ranges in (getattr(meta, "missing_ranges", None) or {}).items():
        if column in raw.columns:
            gone = [_in_ranges(v, ranges) for v in raw[column]]
            raw[column] = raw[column].astype(object).mask(gone, None)
    labelled = pyreadstat.set_value_labels(raw, meta, formats_as_category=False)
    labelled = labelled.astype(object).where(labelled.notna(), None)
    # SPSS and Stata store a missing text answer as "": no answer, as an empty CSV cell is
    labelled = labelled.map(lambda v: None if isinstance(v, str) and not v.strip() else v)
    value_labels = meta.variable_value_labels or {}
    for column in labelled.columns:
        if column in value_labels:
            labelled[column] = [v if not isinstance(v, str) else _label_text(v)
                                for v in labelled[column]]
    for column, fmt in (getattr(meta, "original_variable_types", None) or {}).items():
        padded = _ZERO_PADDED.match(str(fmt))
        if padded and column in labelled.columns and not value_labels.get(column):
            width = int(padded.group(1) or padded.group(2))
            labelled[column] = [_padded(v, width) for v in labelled[column]]
    questions = _labelled_columns(labelled, raw, meta)
    wording = {str(c): _label_text(w)
               for c, w in (getattr(meta, "column_names_to_labels", None) or {}).items()
               if c in labelled.columns and isinstance(w, str) and w.strip()}
    # A string variable is typed answers unless value labels name every answer given (a
    # label on a missing code alone leaves the rest free text).
    text = frozenset(str(c) for c, t in
                     (getattr(meta, "readstat_variable_types", None) or {}).items()
                     if t == "string" and c in labelled.columns
                     and not (str(c) in questions and questions[str(c)].complete))
    return (labelled, list(range(1, len(labelled) + 1)),
            FileVariables(questions, wording, text))
