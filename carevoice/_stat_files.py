"""Reading SPSS (``.sav``, ``.zsav``) and Stata (``.dta``) files as carevoice tables.

Survey data in social research often lives in SPSS or Stata files rather than CSV: answers are
stored as numeric codes with *value labels* (1 = "Foster care", 2 = "Residential"), non-answers
as *user-missing* codes (-99 = "Not answered"), and scales as ordinal variables. Read as a CSV
export of the codes, a report would show "1" and "2" and count -99 as an answer. So these files
are read with their labels applied (the reader sees "Foster care"), user-defined missing codes
as no answer, and the order of each labelled question's answers kept as the order of its codes
(:class:`LabelledColumn`), which :mod:`carevoice.corpus` uses when it types the answers.

Reading needs `pyreadstat <https://github.com/Roche/pyreadstat>`_ (``pip install
"carevoice[spss]"``), imported only when such a file is read. Nothing here writes these formats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import InputError

__all__ = ["STAT_SUFFIXES", "LabelledColumn", "read_stat_file"]

#: Suffixes read by :func:`read_stat_file`, and which program writes them.
STAT_SUFFIXES: dict[str, str] = {".sav": "spss", ".zsav": "spss", ".dta": "stata"}


@dataclass(frozen=True)
class LabelledColumn:
    """A question whose answers carry value labels in an SPSS or Stata file.

    Parameters
    ----------
    levels : tuple of str
        The labels in the order of their codes (1 before 2 before 10), each once: those of
        the codes answered and of any codes between them, never of a user-missing code.
    ordered : bool
        Whether the file marks the question as ordinal (SPSS's measurement level "ordinal";
        Stata has no such mark, so its questions are never ordered by this alone).
    complete : bool
        Whether every answer given in the file has a label (an unlabelled code is kept as
        the code, "7").
    """

    levels: tuple[str, ...]
    ordered: bool
    complete: bool


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


def _labelled_columns(frame: pd.DataFrame, raw: pd.DataFrame, meta: Any,
                      ) -> dict[str, LabelledColumn]:
    """The labelled questions of a file read with and without its labels applied."""
    measures = getattr(meta, "variable_measure", None) or {}
    missing = getattr(meta, "missing_ranges", None) or {}
    out = {}
    for column, labels in (meta.variable_value_labels or {}).items():
        if column not in frame.columns or not labels:
            continue
        codes = raw[column].dropna()
        # The label of a user-missing code ("Not answered") is no answer, not a level; nor is
        # an unused label outside the codes answered (a -99 or 99 "Not answered" that the file
        # does not mark missing), while an unused label between them stays (a scale point
        # nobody chose).
        used = sorted((c for c in set(codes) if c in labels), key=_code_key)
        answers = [code for code in labels if not _in_ranges(code, missing.get(column, ()))
                   and (code in used or (used and _code_key(used[0]) <= _code_key(code)
                                         <= _code_key(used[-1])))]
        levels = list(dict.fromkeys(_label_text(labels[code])
                                    for code in sorted(answers, key=_code_key)))
        complete = bool(codes.isin(list(labels)).all())
        out[str(column)] = LabelledColumn(tuple(v for v in levels if v), measures.get(column)
                                          == "ordinal", complete)
    return out


def read_stat_file(path: Path, name: str, kind: str,
                   ) -> tuple[pd.DataFrame, list[int], dict[str, LabelledColumn]]:
    """Read an SPSS or Stata file: values as objects (labels applied), rows, labelled columns.

    User-defined missing codes (SPSS) and Stata's extended missing values are no answer; codes
    with a value label read as the label; codes without one as the code.

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
    labelled : dict of str to LabelledColumn
        The questions that carry value labels.

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
    for column in labelled.columns:
        if column in (meta.variable_value_labels or {}):
            labelled[column] = [v if not isinstance(v, str) else _label_text(v)
                                for v in labelled[column]]
    return labelled, list(range(1, len(labelled) + 1)), _labelled_columns(labelled, raw, meta)
