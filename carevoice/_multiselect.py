"""Tick-all-that-apply questions: one ticked / not-ticked answer per option.

Survey platforms export a question where a respondent may tick several options in one of two
layouts:

- *joined*: one column, the ticked options joined in one cell (Qualtrics ``"Music,Gaming"``,
  Microsoft Forms ``"Sport;Youth club;"``, Google Forms ``"Sport, Gaming"``); Microsoft and
  Google Forms put the "Other" write-in in the same cell;
- *one column per option* (SurveyMonkey): the option's text when ticked, blank otherwise.

Read as they are, the first gives one level per combination of options and the second one
level per column, which is skipped from the tests. :func:`split_multi_select` turns either into
one ``"no"`` / ``"yes"`` answer per option, named ``"QUESTION: option"``, typed as carevoice
types other yes/no answers (an ordered ``no < yes`` category), so that each option is an
ordinary binary answer in :func:`carevoice.link`, the reports and the REFI-QDA export.

The rules (documented in ``docs/data.md``, "Tick-all-that-apply questions"):

- a respondent who ticked nothing of the question (a blank cell, or every option column blank)
  has no answer to any of its options, since nothing tells "none apply" from "skipped"; one
  who ticked something has ``"no"`` for each option not ticked;
- when the options are given (``levels=``), they are the options, in that order, and any
  other answer is a write-in however many gave it;
- otherwise the options are the answers given by two respondents or more (matched ignoring
  case, runs of spaces and the kind of apostrophe, spelt as most people wrote them), most
  ticked first, the first seen first on a tie. Where the platform puts the write-in at the
  end of the cell (every cell ends with the separator, as Microsoft Forms writes them, or the
  answers are joined by ", ", as Google Forms joins them), an answer must also come before
  another answer in some cell (or start with "Other"): one that only ever comes last is taken
  for a write-in, since a write-in repeated by a few respondents ("fishing with Carl") must
  not become an option; nor does an answer that reads as a person's name ("Jayden",
  :func:`carevoice._answer_names.person_named`), however many gave it;
- a write-in (an answer that is not an option, or the text written after "Other:" in the
  same cell) is free text: never an option. It is left out with a warning naming the column,
  or kept as the comment of the question when the column is also a text column.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ._answer_names import person_named
from ._wording import written_like
from .errors import InputError

logger = logging.getLogger("carevoice.corpus")

__all__ = ["MULTI_SELECT_ATTR", "MultiSelect", "MultiSelectQuestion", "SplitAnswers",
           "multi_select_questions", "resolve_questions", "split_multi_select",
           "undeclared_write_ins"]

#: The ``multi_select`` argument of the readers: the columns of joined answers (their separator
#: detected), or a mapping of each such column to its separator (None: detected), or of a
#: question name to the list of its option columns (SurveyMonkey's layout).
MultiSelect = Sequence[str] | Mapping[str, str | Sequence[str] | None]

#: Where a frame's ``attrs`` (and the respondents' schema side file) record which question and
#: option each ticked / not-ticked column stands for: ``{column: {"question", "option"}}``.
MULTI_SELECT_ATTR = "multi_select"

#: The answers of a ticked / not-ticked column, in order.
TICKED_LEVELS = ("no", "yes")

#: Separators tried, in order, when none is given: the first found in some answer is used.
_SEPARATORS = (";", "|", ",")

#: "Other: fishing", "Other (please specify) - fishing": the option, then the write-in.
_OTHER = re.compile(r"^\s*(other\b[^:;\-\u2013]*?)\s*[:\-\u2013]\s*(\S.*)$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_UNNAMED = re.compile(r"^Unnamed: \d+$")
#: The cells of an option column coded ticked / not ticked rather than holding the option's
#: text (``1`` / ``0``, "Selected" / "Not selected"), as some platforms export them.
_TICKED_CODES = frozenset({"1", "1.0", "true", "yes", "selected", "ticked", "checked"})
_UNTICKED_CODES = frozenset({"0", "0.0", "false", "no", "not selected", "unselected",
                             "not ticked", "unticked", "not checked", "unchecked"})


def _key(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip()).casefold().translate(_APOSTROPHES)


@dataclass(frozen=True)
class MultiSelectQuestion:
    """One tick-all-that-apply question.

    Parameters
    ----------
    name : str
        The question: the column of joined answers, or the name given to option columns.
    columns : tuple of str
        Its column (joined answers) or its option columns.
    sep : str, optional
        The separator of joined answers; None: detected (``;``, ``|``, then ``,``).
    """

    name: str
    columns: tuple[str, ...]
    sep: str | None = None

    @property
    def joined(self) -> bool:
        """Whether the options ticked are joined in one column."""
        return self.columns == (self.name,)


def multi_select_questions(multi_select: MultiSelect | None) -> list[MultiSelectQuestion]:
    """The questions a ``multi_select`` argument declares, checked.

    Parameters
    ----------
    multi_select : sequence of str, or mapping, optional
        ``["Q4"]`` (joined answers, separator detected), ``{"Q4": ","}`` (joined by ``,``),
        ``{"Free time": ["Sport", "Music", "Gaming"]}`` (one column per option).

    Returns
    -------
    list of MultiSelectQuestion

    Raises
    ------
    InputError
        A single string, an empty separator or column list, a column in two questions.

    Examples
    --------
    >>> [(q.name, q.columns, q.sep) for q in multi_select_questions({"Q4": ",",
    ...                                                               "Free": ["A", "B"]})]
    [('Q4', ('Q4',), ','), ('Free', ('A', 'B'), None)]
    """
    if multi_select is None:
        return []
    if isinstance(multi_select, str):
        raise InputError("The 'multi_select' argument must be a list of column names or a "
                         "mapping, not a single string; did you mean "
                         f"multi_select=[{multi_select!r}]?")
    items = (multi_select.items() if isinstance(multi_select, Mapping)
             else ((c, None) for c in multi_select))
    out: list[MultiSelectQuestion] = []
    for name, value in items:
        name = str(name)
        if value is None or isinstance(value, str):
            if value == "":
                raise InputError(f"The 'multi_select' argument gives question {name!r} an "
                                 "empty separator; give the character that joins its "
                                 "answers, such as ';' or ',', or None to detect it.")
            # ", " and "," split alike: each answer is stripped of spaces.
            out.append(MultiSelectQuestion(name, (name,), value and (value.strip() or value)))
        elif isinstance(value, Sequence):
            columns = tuple(dict.fromkeys(str(c) for c in value))
            if not columns:
                raise InputError(f"The 'multi_select' argument gives question {name!r} no "
                                 "option columns.")
            out.append(MultiSelectQuestion(name, columns))
        else:
            raise InputError(f"The 'multi_select' argument must map each question to a "
                             f"separator or a list of option columns. Got "
                             f"{type(value).__name__} for question {name!r} instead.")
    seen: dict[str, str] = {}
    for question in out:
        for column in question.columns:
            if seen.setdefault(column, question.name) != question.name:
                raise InputError(f"The 'multi_select' argument puts column {column!r} in two "
                                 f"questions ({seen[column]!r} and {question.name!r}).")
    return out


@dataclass(frozen=True)
class SplitAnswers:
    """What :func:`split_multi_select` returns.

    Parameters
    ----------
    frame : pandas.DataFrame
        The answers with each question's columns replaced, where its first column was, by
        one ``"no"`` / ``"yes"`` column per option (None: the question not answered).
    options : dict
        ``{column: {"question": ..., "option": ...}}`` for each new column.
    write_ins : dict
        ``{question: Series}``: each respondent's write-ins joined by ``"; "``, or None.
    """

    frame: pd.DataFrame
    options: dict[str, dict[str, str]]
    write_ins: dict[str, pd.Series]

    @property
    def levels(self) -> dict[str, list[str]]:
        """The level order of the new columns (``no``, ``yes``), for the typing."""
        return {c: list(TICKED_LEVELS) for c in self.options}


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _detect(cells: list[str]) -> str:
    return next((s for s in _SEPARATORS if any(s in c for c in cells)), ",")


def _pieces(cell: str | None, sep: str) -> tuple[list[str], list[str]]:
    """The answers of a cell, and the text written after "Other:" in it."""
    if cell is None:
        return [], []
    answers, written = [], []
    for piece in (p.strip() for p in cell.split(sep)):
        if not piece:
            continue
        other = _OTHER.match(piece)
        if other:
            answers.append(other.group(1).strip())
            written.append(other.group(2).strip())
        else:
            answers.append(piece)
    return answers, written


def _counts(answers: list[list[str]]) -> tuple[dict[str, str], dict[str, int], set[str]]:
    """Each answer's key -> its most common spelling, -> how many respondents gave it; and
    the keys of answers that come before another answer in some cell."""
    spelt: dict[str, dict[str, int]] = {}
    respondents: dict[str, int] = {}
    before: set[str] = set()
    for row in answers:
        for key in dict.fromkeys(_key(a) for a in row):
            respondents[key] = respondents.get(key, 0) + 1
        before.update(_key(a) for a in row[:-1])
        for a in row:
            counts = spelt.setdefault(_key(a), {})
            counts[a] = counts.get(a, 0) + 1
    return ({k: max(v, key=lambda s, v=v: v[s]) for k, v in spelt.items()},  # type: ignore[misc]
            respondents, before)


def _writes_in(cells: list[str], sep: str) -> bool:
    """Whether a platform may have put a write-in at the end of these cells: Microsoft Forms
    ends every cell with ";", Google Forms joins the options with ", " (Qualtrics with ",",
    its write-ins in a column of their own)."""
    if not cells:
        return False
    if all(c.rstrip().endswith(sep) for c in cells):
        return True
    return sep == "," and any(", " in c for c in cells) \
        and not any(re.search(r",\S", c) for c in cells)


#: How many respondents may give the same answer for it to count as written in, not ticked,
#: in :func:`undeclared_write_ins` ("fishing with Tariq" written by two or three friends).
FEW = 3


def _recombined(cells: Mapping[tuple[str, ...], int], counts: Mapping[str, int]) -> bool:
    """Whether answers are options ticked in different combinations: some answer given by
    two respondents or more is a whole cell on its own, and comes with another that is in
    two different combinations ("Gaming"; "Gaming, Music"; "Sport, Gaming, Music"). The
    parts of single answers with commas inside are not: "Yes, every week"; "White -
    English, Welsh, Scottish, Northern Irish or British" (no part of it is an answer on its
    own); "Foster carers" and "Foster carers, and their children" ("and their children"
    comes in one combination only)."""
    alone = {keys[0] for keys in cells if len(keys) == 1 and counts[keys[0]] >= 2}
    combinations: dict[str, int] = {}
    for keys in cells:
        for k in keys:
            combinations[k] = combinations.get(k, 0) + 1
    return any(combinations[b] >= 2 and counts[b] >= 2
               for keys in cells if len(keys) > 1 and alone.intersection(keys)
               for b in keys if b not in alone or len(alone.intersection(keys)) > 1)


def undeclared_write_ins(present: pd.Series) -> tuple[str, int] | None:
    """Whether a column not declared as tick-all-that-apply holds one with write-ins.

    The answers are taken for options joined in one cell, as Microsoft and Google Forms
    export them, when every cell ends with the separator (Microsoft Forms) or when options
    are ticked in different combinations (an answer given on its own, and together with
    another that comes in two combinations or more). A part of a cell is then written in
    when it is text written after "Other:", when it reads as a person's name
    (:func:`carevoice._answer_names.person_named`, however many gave it), or when it is
    given by :data:`FEW` respondents or fewer, reads as words of one's own
    (:func:`carevoice._wording.written_like`; a small letter first counts only when the
    answers given by more respondents start with a capital) and, where the platform puts
    write-ins at the end of the cell, never comes before another answer.

    Parameters
    ----------
    present : pandas.Series
        A column's answers, as text, without missing ones.

    Returns
    -------
    (str, int) or None
        The separator and how many answers hold a write-in; None for a column that is not
        a joined tick-all-that-apply question, or has no write-in.

    Examples
    --------
    >>> ticked = ["Sport;Music;", "Music;", "Sport;Gaming;", "Gaming;Music;", "Sport;"] * 2
    >>> undeclared_write_ins(pd.Series(ticked)) is None
    True
    >>> undeclared_write_ins(pd.Series([*ticked, "Music;fishing with Tariq;"]))
    (';', 1)
    """
    cells = present.astype(str).str.strip()
    cells = cells[cells != ""].value_counts(sort=False)
    for sep in _SEPARATORS:
        if not any(sep in c for c in cells.index):
            continue
        split = {c: _pieces(c, sep) for c in cells.index}
        counts: dict[str, int] = {}
        spelling: dict[str, str] = {}
        before: set[str] = set()
        combos: dict[tuple[str, ...], int] = {}
        for cell, (answers, _) in split.items():
            for answer in answers:
                spelling.setdefault(_key(answer), answer)
            keys = tuple(dict.fromkeys(_key(a) for a in answers))
            for key in keys:
                counts[key] = counts.get(key, 0) + int(cells[cell])
            before.update(_key(a) for a in answers[:-1])
            combos[keys] = combos.get(keys, 0) + int(cells[cell])
        trailing = all(c.endswith(sep) for c in cells.index)
        if not (trailing or _recombined(combos, counts)):
            continue
        last_only = _writes_in(list(cells.index), sep)
        # A small letter first reads as one's own words where the options start with a
        # capital: most of those given by more than FEW (or, in a small survey, by two or
        # more) respondents.
        common = ([k for k in counts if counts[k] > FEW]
                  or [k for k in counts if counts[k] >= 2] or list(counts))
        capitals = 2 * sum(spelling[k][:1].isupper() or spelling[k][:1].isdigit()
                           for k in common) > len(common)
        written = {k for k in counts if counts[k] <= FEW and not (last_only and k in before)
                   and written_like(spelling[k], lower_case=capitals)}
        # a person's name is written in however many typed it, wherever it comes
        written.update(_key(a) for a in person_named([spelling[k] for k in counts]))
        n = sum(int(cells[c]) for c, (answers, other) in split.items()
                if other or any(_key(a) in written for a in answers))
        return (sep, n) if n else None
    return None


def _joined(question: MultiSelectQuestion, column: pd.Series,
            given: Sequence[str] | None,
            ) -> tuple[list[str], list[set[str] | None], list[list[str]]]:
    """The options of a joined column, each row's ticked options, each row's write-ins."""
    cells = [_text(v) for v in column]
    answered = [c for c in cells if c]
    sep = question.sep or _detect(answered)
    split = [_pieces(c, sep) for c in cells]
    spelling, counts, before = _counts([answers for answers, _ in split])
    if given is not None:
        options = {_key(str(o)): str(o).strip() for o in given}
    else:
        # A write-in comes last in its cell where the platform puts it there; an option
        # comes before another answer somewhere (or is the "Other" option itself).
        last_only = _writes_in(answered, sep)
        keys = sorted(counts, key=lambda k: -counts[k])  # stable: the first seen on a tie
        named = {_key(a) for a in person_named([spelling[k] for k in keys])}
        options = {k: spelling[k] for k in keys if counts[k] >= 2 and k not in named and (
            not last_only or k in before or k.startswith("other"))}
    ticked: list[set[str] | None] = []
    written: list[list[str]] = []
    for cell, (answers, other) in zip(cells, split, strict=True):
        ticked.append(None if cell is None or not (answers or other)
                      else {options[_key(a)] for a in answers if _key(a) in options})
        written.append([*(a for a in answers if _key(a) not in options), *other])
    return list(options.values()), ticked, written


def _by_column(question: MultiSelectQuestion, frame: pd.DataFrame,
               ) -> tuple[list[str], list[set[str] | None], list[list[str]]]:
    """The options of one-column-per-option answers, as :func:`_joined`."""
    names: list[str] = []
    written_in: set[str] = set()
    cells = {c: [_text(v) for v in frame[c]] for c in question.columns}
    labels = _header_options(question.columns)
    keys_given = {_key(v) for values in cells.values() for v in values if v is not None}
    coded = bool(keys_given & _UNTICKED_CODES) and keys_given <= _TICKED_CODES | _UNTICKED_CODES
    if coded:  # 1 / 0 under each option's header: "0" is not ticked, the header names it
        cells = {c: [None if v is None or _key(v) in _UNTICKED_CODES else v for v in values]
                 for c, values in cells.items()}
    for i, (column, values) in enumerate(cells.items(), 1):
        present = [v for v in values if v is not None]
        keys = {_key(v) for v in present}
        if coded:
            name = labels.get(column, column)
        elif labels:  # the platform's own label of each option, in the header
            name = labels[column]
            if keys - {_key(name)}:  # answers other than the option: written in
                written_in.add(column)
        elif len(keys) == 1 and len(present) >= 2:
            name = max(set(present), key=present.count)
        elif len(keys) > 1:  # several different answers: an "Other (please specify)" column
            name = "Other (written in)" if _UNNAMED.match(column) else column
            written_in.add(column)
        else:  # ticked by one respondent: its text may be a write-in, so it is not shown
            name = column if not _UNNAMED.match(column) and i > 1 else f"option {i}"
            written_in.add(column)
        while name in names:
            name = f"{name} ({i})"
        names.append(name)
    ticked: list[set[str] | None] = []
    written: list[list[str]] = []
    for row in range(len(frame)):
        row_cells = {c: cells[c][row] for c in question.columns}
        on = {name for (c, v), name in zip(row_cells.items(), names, strict=True)
              if v is not None}
        ticked.append(on or None)
        written.append([v for c, v in row_cells.items() if v is not None and c in written_in])
    return names, ticked, written


def _header_options(columns: Sequence[str]) -> dict[str, str]:
    """Each column's option from headers ``"Question - Option"`` sharing the question (as
    carevoice names SurveyMonkey's option columns from its second header row); {} if not."""
    parts = [re.match(r"^(.+?) - (.+)$", str(c)) for c in columns]
    if len(columns) < 2 or not all(parts) or len({m.group(1) for m in parts if m}) != 1:
        return {}
    return {c: m.group(2).strip() for c, m in zip(columns, parts, strict=True) if m}


def resolve_questions(questions: Sequence[MultiSelectQuestion],
                      columns: Sequence[Any]) -> list[MultiSelectQuestion]:
    """The questions with a joined question that names no column, but whose option columns
    are named ``"QUESTION - Option"`` (SurveyMonkey's two header rows combined on reading),
    read as those option columns.

    Examples
    --------
    >>> q = resolve_questions(multi_select_questions(["Free time?"]),
    ...                       ["id", "Free time? - Sport", "Free time? - Music"])
    >>> q[0].columns
    ('Free time? - Sport', 'Free time? - Music')
    """
    out = []
    present = [str(c) for c in columns]
    for question in questions:
        options = tuple(c for c in present if c.startswith(f"{question.name} - "))
        if question.joined and question.name not in present and options:
            out.append(MultiSelectQuestion(question.name, options))
        else:
            out.append(question)
    return out


def _why_written(question: MultiSelectQuestion, options: Mapping[str, Any]) -> str:
    if not question.joined:
        return ("text in an option column other than its option, as in an 'Other (please "
                "specify)' column, or in a column ticked by one respondent only")
    if question.name in options:
        return "one not in the options given"
    return ("one given by a single respondent, only ever last in its cell where the platform "
            "puts write-ins, or written after 'Other:'")


def split_multi_select(frame: pd.DataFrame, questions: Sequence[MultiSelectQuestion], *,
                       options: Mapping[str, Sequence[str]] | None = None,
                       kept_as_text: Sequence[str] = (), source: str = "respondents",
                       ) -> SplitAnswers:
    """Turn tick-all-that-apply questions into one ``"no"`` / ``"yes"`` answer per option.

    Parameters
    ----------
    frame : pandas.DataFrame
        The answers as read (text), one row per respondent. Not modified.
    questions : sequence of MultiSelectQuestion
        From :func:`multi_select_questions`; their columns must be in ``frame``.
    options : mapping of str to sequence of str, optional
        The options of a joined question, in order (``levels=`` of the readers): any other
        answer is a write-in, however many gave it.
    kept_as_text : sequence of str, default ()
        Questions whose write-ins the caller keeps as comments (named in ``text_columns``);
        the warning says so instead of "left out".
    source : str, default "respondents"
        The file, for the messages.

    Returns
    -------
    SplitAnswers

    Raises
    ------
    InputError
        If a new column's name is already a column of ``frame``.

    Examples
    --------
    >>> wide = pd.DataFrame({"id": ["1", "2", "3", "4"],
    ...                      "Q4": ["Music,Gaming", "Music", None, "Gaming"]})
    >>> split = split_multi_select(wide, multi_select_questions(["Q4"]))
    >>> split.frame.values.tolist()
    [['1', 'yes', 'yes'], ['2', 'yes', 'no'], ['3', None, None], ['4', 'no', 'yes']]
    >>> list(split.frame.columns)
    ['id', 'Q4: Music', 'Q4: Gaming']
    """
    options = dict(options or {})
    new: dict[str, pd.DataFrame] = {}
    made: dict[str, dict[str, str]] = {}
    write_ins: dict[str, pd.Series] = {}
    for question in questions:
        if question.joined:
            names, ticked, written = _joined(question, frame[question.name],
                                             options.get(question.name))
        else:
            names, ticked, written = _by_column(question, frame)
        columns = {f"{question.name}: {name}": name for name in names}
        taken = [c for c in columns if c in frame.columns and c not in question.columns]
        if taken:
            raise InputError(f"The 'multi_select' argument makes columns named as columns "
                             f"{source} already has: {taken}. Rename those first.")
        new[question.name] = pd.DataFrame(
            {column: [None if t is None else ("yes" if name in t else "no") for t in ticked]
             for column, name in columns.items()}, index=frame.index, dtype=object)
        made.update({c: {"question": question.name, "option": n} for c, n in columns.items()})
        write_ins[question.name] = pd.Series(["; ".join(w) if w else None for w in written],
                                             index=frame.index, dtype=object)
        n_written = sum(1 for w in written if w)
        if n_written:
            logger.warning(
                "%s: column %r is a tick-all-that-apply question; %d respondent(s) wrote in "
                "an answer that is not one of its %d options (%s). A write-in is free text, "
                "never an option: %s. If an option was taken for a write-in, give the "
                "options in order (levels={column: [...]}; --levels 'COLUMN=OPTION,...' on "
                "the command line; [input.levels] in a batch run).", source, question.name,
                n_written, len(names), _why_written(question, options),
                "kept as the comments of its text column"
                if question.name in kept_as_text else
                "left out (to analyse the write-ins, name the column as a text column too: "
                "text_columns=..., --text-column)")
        if not names:
            logger.warning("%s: column %r is a tick-all-that-apply question, but no option was "
                           "ticked by two respondents or more, so it has no options.", source,
                           question.name)
    parts: list[pd.DataFrame] = []
    firsts = {q.columns[0]: q.name for q in questions}
    gone = {c for q in questions for c in q.columns}
    for column in frame.columns:
        if column in firsts:
            parts.append(new[firsts[column]])
        elif column not in gone:
            parts.append(frame[[column]])
    out = pd.concat(parts, axis=1) if parts else frame.iloc[:, :0]
    out.attrs = dict(frame.attrs)
    return SplitAnswers(out, made, write_ins)
