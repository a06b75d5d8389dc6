"""Exports from survey platforms: their extra header rows and their metadata columns.

Qualtrics, SurveyMonkey, Microsoft Forms and Google Forms export one row per respondent, with
their own additions around the answers:

- **Header rows.** A Qualtrics CSV or XLSX export has three header rows: the column names
  (``Q1``, ``StartDate``), the question text ("How old are you?") and the import ids
  (``{"ImportId":"QID1"}``). A SurveyMonkey export has two: the questions, and under them
  "Response", "Open-Ended Response" or, for a tick-all-that-apply question, each option's
  text above a column of its own (:func:`platform_header_rows`).
- **Metadata.** Submission times, durations, progress, status, language and the platform's
  own ids are not survey answers (:func:`platform_metadata`): tested level by level they add
  a test per respondent and dilute every q-value, and a submission time to the second picks
  out a young person. Columns that identify who answered or where from (IP address,
  location, recipient) are refused by the free-text check instead
  (:func:`carevoice._wording.platform_identifier`).
- **Partial responses.** Qualtrics keeps the rows of young people who stopped part-way
  (``Finished`` False, ``Progress`` below 100): :func:`note_partial_responses` says how many.

Internal helpers of :mod:`carevoice._files` (the readers) and :mod:`carevoice.corpus`
(``convert``) and :mod:`carevoice.link` (the default variables). No message quotes a cell.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._wording import all_dates, camel_words
from .errors import InputError

logger = logging.getLogger("carevoice.corpus")

__all__ = ["METADATA_NAMES", "left_out_by_default", "note_metadata", "note_partial_responses",
           "option_columns_message", "platform_header_rows", "platform_metadata",
           "unnamed_option_columns"]

_IMPORT_ID = re.compile(r'\s*\{\s*"ImportId"\s*:')
_SURVEYMONKEY_SUBHEADERS = frozenset({"response", "open-ended response"})

#: Headers of survey platforms' metadata columns, as :func:`_name_key` reads them (CamelCase
#: split, any case, punctuation as spaces): Qualtrics, SurveyMonkey, Microsoft Forms, Google
#: Forms, and the submission times and record numbers of JISC Online surveys and SmartSurvey
#: exports as their users describe them (not checked against the platforms' own
#: documentation). ``status``, ``finished``, ``progress``, the ids and the one-word times
#: (``started``, ``completed`` ...) count only when their answers look like the platform's
#: (:func:`platform_metadata`).
METADATA_NAMES: frozenset[str] = frozenset({
    # Qualtrics
    "start date", "end date", "recorded date", "duration in seconds", "distribution channel",
    "user language", "response id", "response type", "status", "progress", "finished",
    # SurveyMonkey
    "respondent id", "collector id",
    # Microsoft Forms
    "id", "start time", "completion time", "last modified time",
    # Google Forms
    "timestamp",
    # JISC Online surveys, SmartSurvey (and others): submission times, record numbers
    "started", "ended", "completed", "submitted", "date started", "date ended",
    "date completed", "date submitted", "completion date", "submission date",
    "time started", "time completed", "time submitted", "user no", "unique id",
})
#: Metadata names that are also words a survey question could be headed by: metadata only
#: when every answer is a date or date and time.
_TIME_WORDS = frozenset({"started", "ended", "completed", "submitted"})
#: Metadata names of record numbers: metadata only when every answer differs.
_ID_NAMES = frozenset({"id", "user no", "unique id"})
_QUALTRICS_STATUS = frozenset({"ip address", "survey preview", "survey test", "imported",
                               "spam", "offline", "synthetic", "0", "1", "2", "4", "8", "9",
                               "12", "16", "17"})
# Qualtrics' own embedded fields: Q_RecaptchaScore, Q_RelevantIDDuplicate, Q_TotalDuration...
_QUALTRICS_FIELD = re.compile(r"Q_[A-Z][A-Za-z]+")


def _name_key(column: object) -> str:
    """A header as the metadata names are matched: ``StartDate``, "Start Date" and
    ``start_date`` alike, "Duration (in seconds)" as "duration in seconds"."""
    words = re.findall(r"[a-z0-9]+", camel_words(str(column)).casefold())
    return " ".join(words)


def _blank(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or bool(pd.isna(value))


# --------------------------------------------------------------------------------------------
# Header rows
# --------------------------------------------------------------------------------------------
def _import_id_row(cells: Sequence[Any]) -> bool:
    """Nearly every filled cell is a Qualtrics import id (``{"ImportId":"QID1"}``)."""
    filled = [c for c in cells if not _blank(c)]
    hits = sum(1 for c in filled if isinstance(c, str) and _IMPORT_ID.match(c))
    return hits >= 2 and hits >= 0.8 * len(filled)


def _question_row(columns: Sequence[str], cells: Sequence[Any]) -> bool:
    """Qualtrics' question-text row: its metadata columns labelled in words ("Start Date"
    under ``StartDate``, "Response ID" under ``ResponseId``)."""
    spelt = sum(1 for col, cell in zip(columns, cells, strict=True)
                if isinstance(cell, str) and cell.strip() != col
                and " " in cell.strip() and _name_key(cell) == _name_key(col))
    return spelt >= 2


def _surveymonkey_row(columns: Sequence[str], cells: Sequence[Any]) -> bool:
    """SurveyMonkey's second header row: "Response" or "Open-Ended Response" under its
    questions, blank under its metadata (the respondent id included)."""
    subs = sum(1 for c in cells if isinstance(c, str)
               and c.strip().casefold() in _SURVEYMONKEY_SUBHEADERS)
    return subs >= 2 or (subs == 1 and _blank(cells[0]))


def _cells(frame: pd.DataFrame, position: int) -> list[Any]:
    row = frame.iloc[position].astype(object)
    return row.where(row.notna(), None).tolist()


def _candidates(frame: pd.DataFrame, columns: Sequence[str]) -> list[int]:
    """The positions of rows that may be Qualtrics header rows, found column by column so
    that a large file is not walked cell by cell: an import id in one of the first or last
    three columns (a header row has one in nearly every cell), or a CamelCase metadata
    column's name spelt out in words under it ("Start Date" under ``StartDate``)."""
    hits = np.zeros(len(frame), dtype=bool)
    edges = list(dict.fromkeys([*columns[:3], *columns[-3:]]))
    camel = [c for c in columns if " " not in c.strip() and " " in _name_key(c)]
    for col in dict.fromkeys([*edges, *camel]):
        values = frame[col]
        present = values.notna().to_numpy()
        text = values[present].astype(str)
        found = text.str.contains('"ImportId"', regex=False).to_numpy(dtype=bool, copy=True)
        if col in camel:
            squeezed = text.str.casefold().str.replace(r"[^a-z0-9]+", "", regex=True)
            found = found | (squeezed == _name_key(col).replace(" ", "")).to_numpy(dtype=bool)
        hits[np.flatnonzero(present)[found]] = True
    return [int(i) for i in np.flatnonzero(hits)]


def _where(rows: Sequence[int], unit: str) -> str:
    noun = "line" if unit == "line" else "row"
    numbers = [str(r) for r in rows]
    if len(numbers) == 1:
        return f"{noun} {numbers[0]}"
    return f"{noun}s {', '.join(numbers[:-1])} and {numbers[-1]}"


def _combined_names(columns: Sequence[str], cells: Sequence[Any]) -> list[str]:
    """SurveyMonkey's two header rows as one: "Question - Option" for an option's column."""
    names, question = [], ""
    for col, cell in zip(columns, cells, strict=True):
        unnamed = col.startswith("Unnamed: ")
        if not unnamed:
            question = col
        sub = "" if _blank(cell) else str(cell).strip()
        if not sub or sub.casefold() in _SURVEYMONKEY_SUBHEADERS:
            names.append(col)
        else:
            names.append(f"{question} - {sub}" if question else sub)
    return names


def platform_header_rows(frame: pd.DataFrame, rows: Sequence[int], name: str, unit: str,
                         ) -> tuple[pd.DataFrame, list[int], dict[str, str]]:
    """Recognise a survey platform's extra header rows under the column names.

    - Qualtrics: the question-text row and the import-id row (``{"ImportId": ...}`` in
      nearly every cell) are skipped, the question text kept as each column's wording; so is
      either row alone, when the other was deleted. An import-id or question-text row further
      down (rows sorted in a spreadsheet) is an error naming its line: it is not a respondent.
    - SurveyMonkey: the second header row ("Response", "Open-Ended Response", the options of
      a tick-all-that-apply question) is combined with the first into the column names: an
      option's column is named "Question - Option" ("What do you do in your free time? -
      Sport"), its answers being the option's text when ticked and blank when not.

    A warning on the ``carevoice.corpus`` logger says which rows were read so.

    Parameters
    ----------
    frame : pandas.DataFrame
        The cells as read (strings or ``<NA>``), headed by the first row.
    rows : sequence of int
        Each row's line (CSV) or row (XLSX) number.
    name : str
        The file name, for messages.
    unit : {"line", "row"}
        What ``rows`` count.

    Returns
    -------
    tuple
        The frame without the header rows (columns renamed for SurveyMonkey), their numbers,
        and the question wording by column (Qualtrics; else empty).

    Raises
    ------
    InputError
        If Qualtrics' header rows are found among the respondents.

    Examples
    --------
    >>> frame = pd.DataFrame({"ResponseId": ["Response ID", '{"ImportId":"_recordId"}', "R_1"],
    ...                       "StartDate": ["Start Date", '{"ImportId":"startDate"}', "2026"],
    ...                       "Q1": ["How old are you?", '{"ImportId":"QID1"}', "8-10"]})
    >>> kept, numbers, wording = platform_header_rows(frame, [2, 3, 4], "q.csv", "line")
    >>> kept["Q1"].tolist(), numbers, wording["Q1"]
    (['8-10'], [4], 'How old are you?')
    """
    rows = list(rows)
    columns = [str(c) for c in frame.columns]
    if frame.empty or len(columns) < 2:
        return frame, rows, {}
    head = frame.iloc[:2].astype(object)
    cells = head.where(head.notna(), None).to_numpy().tolist()
    wording: dict[str, str] = {}
    skip = 0
    if _import_id_row(cells[0]):
        skip = 1
    elif (len(cells) > 1 and _import_id_row(cells[1])) or _question_row(columns, cells[0]):
        skip = 2 if len(cells) > 1 and _import_id_row(cells[1]) else 1
        wording = {col: str(cell).strip() for col, cell in zip(columns, cells[0], strict=True)
                   if not _blank(cell) and str(cell).strip() != col}
    elif _surveymonkey_row(columns, cells[0]):
        names = _combined_names(columns, cells[0])
        renamed = sum(a != b for a, b in zip(columns, names, strict=True))
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise InputError(
                f"{name}: {_where(rows[:1], unit)} looks like SurveyMonkey's second header row "
                "(answer options, 'Response', 'Open-Ended Response'), but combined with the "
                f"first it names {len(duplicated)} column(s) twice. Delete "
                f"{_where(rows[:1], unit)} and give each column a name of its own.")
        logger.warning(
            "%s: %s is SurveyMonkey's second header row (answer options, 'Response', "
            "'Open-Ended Response'), not a respondent: it is combined with the first into the "
            "column names (%d renamed), an option's column named 'Question - Option'; its "
            "answers are the option's text when ticked and blank when not.",
            name, _where(rows[:1], unit), renamed)
        out = frame.iloc[1:].reset_index(drop=True)
        out.columns = names
        return out, rows[1:], {}
    if skip:
        logger.warning(
            "%s: %s %s Qualtrics' header %s (%s), not %s: skipped%s.", name,
            _where(rows[:skip], unit), "are" if skip == 2 else "is",
            "rows" if skip == 2 else "row",
            "the question text and the import ids" if skip == 2
            else ("the import ids" if not wording else "the question text"),
            "respondents" if skip == 2 else "a respondent",
            ", the question text kept as each column's wording" if wording else "")
    stray = [i for i in _candidates(frame, columns) if i >= skip
             and (_import_id_row(_cells(frame, i)) or _question_row(columns, _cells(frame, i)))]
    if stray:
        raise InputError(
            f"{name}: {_where([rows[i] for i in stray[:10]], unit)} "
            f"{'look' if len(stray) > 1 else 'looks'} like Qualtrics' header rows (the question "
            "text, or import ids such as {\"ImportId\": ...}), not respondents. Delete "
            f"{'them' if len(stray) > 1 else 'it'}, or export the file again from Qualtrics: "
            "carevoice skips these rows itself when they come straight under the column names.")
    return frame.iloc[skip:].reset_index(drop=True), rows[skip:], wording


_UNNAMED = re.compile(r"Unnamed: \d+")


def unnamed_option_columns(frame: pd.DataFrame, columns: Iterable[Any]) -> dict[str, list[str]]:
    """Columns without a header that look like SurveyMonkey's option columns, by question.

    SurveyMonkey exports a tick-all-that-apply question as one column per option, the
    question in the first header row above the first of them and each option's text in the
    second header row (:func:`platform_header_rows`). With that second row deleted by hand,
    the other option columns have no header (``Unnamed: 5``, as pandas and carevoice name
    them) and each holds one option's text where it was ticked, blank where not. Such a
    column is recognised when it follows (directly or after other such columns) a named
    column, and that column or one of the unnamed columns holds the same answer in every
    filled cell, given by two respondents or more (an option's text); the others may hold
    several (the "Other (please specify)" write-ins).

    Parameters
    ----------
    frame : pandas.DataFrame
        The export, in its column order.
    columns : iterable
        The columns that would be read as closed answers (the others are not looked at, nor
        reported).

    Returns
    -------
    dict
        ``{question column: [its unnamed columns]}``, in frame order; empty if none.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["1", "2", "3"], "Free time?": ["Sport", None, "Sport"],
    ...                       "Unnamed: 2": ["Music", "Music", None], "age": ["8", "9", "9"]})
    >>> unnamed_option_columns(frame, ["Free time?", "Unnamed: 2", "age"])
    {'Free time?': ['Unnamed: 2']}
    """
    wanted = {str(c) for c in columns}
    groups: dict[str, list[str]] = {}
    question: str | None = None
    for name in (str(c) for c in frame.columns):
        if not _UNNAMED.fullmatch(name):
            question = name
        elif question is not None and name in wanted:
            groups.setdefault(question, []).append(name)
    return {question: unnamed for question, unnamed in groups.items()
            if any(_one_option(frame[c]) for c in [question, *unnamed])}


def _one_option(values: pd.Series) -> bool:
    """The same answer in every filled cell, given by two respondents or more."""
    present = values.dropna().astype(str).str.strip()
    present = present[present != ""]
    return len(present) >= 2 and present.nunique() == 1


def option_columns_message(groups: dict[str, list[str]], *, declare: str, leave_out: str,
                           ) -> str:
    """The sentence that names unnamed option columns (:func:`unnamed_option_columns`) and
    says what to do, in the caller's words for declaring a question (``declare``, with
    ``{question}``, ``{quoted}`` (in double quotes), ``{columns}`` (joined by commas) and
    ``{listed}`` (a list in double quotes) to fill) and leaving columns out
    (``leave_out``)."""
    listed = "; ".join(
        f"{', '.join(repr(c) for c in unnamed)} after {question!r}"
        for question, unnamed in groups.items())
    question, unnamed = next(iter(groups.items()))
    example = declare.format(question=question, quoted=json.dumps(question),
                             columns=",".join([question, *unnamed]),
                             listed=json.dumps([question, *unnamed]))
    return (
        f"columns without a header look like the option columns of a tick-all-that-apply "
        f"question whose second header row (its options) was deleted, as in a SurveyMonkey "
        f"export with row 2 removed: {listed}. Each holds one option's text where it was "
        "ticked and is blank where not, so read as it is each would be a question of one "
        "answer (never tested), and an 'Other (please specify)' column would lose the header "
        "that marks it as free text. Export the file again with both header rows (carevoice "
        "reads them itself and names each column 'Question - Option'), or declare the "
        f"question with its columns ({example}), or leave them out ({leave_out}).")


# --------------------------------------------------------------------------------------------
# Metadata columns
# --------------------------------------------------------------------------------------------
def _answers_key(values: pd.Series) -> set[str]:
    present = values.dropna().astype(str).str.strip()
    return set(present[present != ""].str.casefold())


def _looks_like(key: str, values: pd.Series) -> bool:
    """For the ambiguous names, whether the answers are the platform's."""
    answers = _answers_key(values)
    if key == "status":
        return answers <= _QUALTRICS_STATUS
    if key == "finished":
        return answers <= {"true", "false", "1", "0"}
    if key == "progress":
        numbers = pd.to_numeric(pd.Series(sorted(answers), dtype=object), errors="coerce")
        return bool(numbers.notna().all() and numbers.between(0, 100).all())
    if key in _ID_NAMES:
        present = values.dropna()
        return bool(present.astype(str).is_unique)
    if key in _TIME_WORDS:
        present = values.dropna().astype(str)
        return bool(len(present)) and all_dates(present)
    return True


def platform_metadata(frame: pd.DataFrame, columns: Iterable[Any] | None = None) -> list[str]:
    """The columns that are a survey platform's metadata, not survey answers.

    Submission times (``StartDate``, ``EndDate``, ``RecordedDate``, "Start time", "Completion
    time", "Last modified time", "Timestamp", SurveyMonkey's "Start Date"), ``Duration (in
    seconds)``, ``DistributionChannel``, ``UserLanguage``, the platform's ids
    (``ResponseId``, "Respondent ID", "Collector ID", Microsoft Forms' ``ID`` when every
    answer differs) and Qualtrics' ``Status``, ``Progress`` and ``Finished`` when their
    answers are Qualtrics' (so a survey question headed "Status" is not one); also Qualtrics'
    own fields (``Q_RecaptchaScore``, ``Q_TotalDuration``), and the times and record numbers
    of other platforms' exports ("Date submitted", "Completion date"; "Started", "Ended",
    "Completed", "Submitted" when every answer is a date; "Unique ID", "UserNo" when every
    answer differs). Matched by name, CamelCase and spaces alike.

    Parameters
    ----------
    frame : pandas.DataFrame
        The answers.
    columns : iterable, optional
        The columns to look at; by default all.

    Returns
    -------
    list of str
        The metadata columns, in frame order.

    Examples
    --------
    >>> frame = pd.DataFrame({"StartDate": ["2026-03-01 10:00:00"], "Status": ["IP Address"],
    ...                       "Completion time": ["2026-03-01T10:09:00"], "Q1": ["8-10"]})
    >>> platform_metadata(frame)
    ['StartDate', 'Status', 'Completion time']
    """
    out = []
    for column in frame.columns if columns is None else columns:
        key = _name_key(column)
        if (key in METADATA_NAMES and _looks_like(key, frame[column])) \
                or _QUALTRICS_FIELD.fullmatch(str(column)):
            out.append(str(column))
    return out


def left_out_by_default(respondents: pd.DataFrame) -> dict[str, str]:
    """The answer columns that default analyses leave out, and why.

    A survey platform's metadata (:func:`platform_metadata`) is not a survey answer; and a
    categorical column in which every answer differs (eight answers or more, each given by
    one respondent: submission times, the platform's ids) would be tested level by level with
    one young person per level, which can never give a finding but adds a test per level to
    the false-discovery-rate adjustment, and prints one young person per row.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Typed answers, with ``respondent_id``.

    Returns
    -------
    dict
        ``{column: reason}`` in frame order.

    Examples
    --------
    >>> answers = pd.DataFrame({"respondent_id": list("abcdefgh"),
    ...                         "Completion time": [f"2026-03-01T10:0{i}:00" for i in range(8)],
    ...                         "nickname_code": list("qrstuvwx"), "age": ["8-10"] * 8})
    >>> left_out_by_default(answers)  # doctest: +NORMALIZE_WHITESPACE
    {'Completion time': "a survey platform's metadata",
     'nickname_code': 'every answer differs (one respondent per level)'}
    """
    answers = [c for c in respondents.columns if c != "respondent_id"]
    out = dict.fromkeys(platform_metadata(respondents, answers), "a survey platform's metadata")
    for column in answers:
        values = respondents[column]
        if column in out or (pd.api.types.is_numeric_dtype(values)
                             and not pd.api.types.is_bool_dtype(values)):
            continue
        present = values.dropna().astype(str)
        if len(present) >= 8 and present.is_unique:
            out[str(column)] = "every answer differs (one respondent per level)"
    return out


def note_metadata(columns: Sequence[str], source: str, *, left_out_of: str, keep: str) -> None:
    """Warn that ``columns`` are a survey platform's metadata and were left out.

    Parameters
    ----------
    columns : sequence of str
        The metadata columns (:func:`platform_metadata`).
    source : str
        The file, for the message.
    left_out_of : str
        What they were left out of ("the respondents file", "the answers").
    keep : str
        How to keep one, after "name it" ("in [input] not_free_text = [...]").
    """
    logger.warning(
        "%s: %s a survey platform's metadata, not survey answers (submission times, "
        "durations, progress, the platform's ids), and left out of %s: %s. To keep one, name "
        "it %s.", source, "1 column is" if len(columns) == 1 else f"{len(columns)} columns are",
        left_out_of, ", ".join(repr(c) for c in columns), keep)


def note_partial_responses(frame: pd.DataFrame, source: str) -> int:
    """Warn how many respondents did not finish the survey (Qualtrics' ``Finished`` False,
    or ``Progress`` below 100); return how many.

    Such rows are kept, as respondents who answered some questions, and count in every
    denominator; the warning says how to leave them out.

    Parameters
    ----------
    frame : pandas.DataFrame
        The export or the respondents (as read or typed).
    source : str
        The file, for the message.

    Returns
    -------
    int
        The partial responses (0 when the frame says nothing of them).
    """
    by_name = {_name_key(c): c for c in frame.columns}
    column, partial = None, None
    if "finished" in by_name and _looks_like("finished", frame[by_name["finished"]]):
        column = by_name["finished"]
        values = frame[column].dropna().astype(str).str.strip().str.casefold()
        partial = int(values.isin({"false", "0"}).sum())
    elif "progress" in by_name and _looks_like("progress", frame[by_name["progress"]]):
        column = by_name["progress"]
        numbers = pd.to_numeric(frame[column].astype(object), errors="coerce")
        partial = int((numbers < 100).sum())
    if column is None or not partial:
        return 0
    logger.warning(
        "%s: %d of %d respondents did not finish the survey (%r says so): they are kept, "
        "with the answers they gave, and count in every denominator. To analyse finished "
        "responses only, delete the other rows before converting (see 'Exports from survey "
        "platforms' in the data docs).", source, partial, len(frame), str(column))
    return partial
