"""Read, validate and write survey data: wide exports, long comments, respondents.

A *wide* export has one row per respondent with some free-text columns and many closed questions
(what SmartSurvey, Qualtrics, Microsoft Forms or a spreadsheet give you). carevoice works on the
*long* form: a ``comments`` frame with one row per respondent and question
(``comment_id``, ``respondent_id``, ``question_id``, ``text``) and a ``respondents`` frame with the
closed answers, typed. Readers accept CSV, XLSX and Parquet, detect UTF-8, UTF-8 with a BOM and
Excel's cp1252 (and refuse a file that mixes them), detect the separator (comma, semicolon, tab),
and collect every problem into one :class:`~carevoice.errors.ValidationError` that points at rows
by id or by 1-based file line. Empty or whitespace-only answers are kept as ``<NA>`` ("no
answer"), never dropped; an id that is blank or only spaces is a missing id.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._answers import (
    KNOWN_SCALES,
    MissingValues,
    _codes_by_column,
    _level_orders,
    closed_answers,
    free_text_columns,
    note_left_out,
    type_answers,
)
from ._argnames import file_argument, phrase
from ._decimals import comma_number, from_decimal_comma
from ._files import (
    SEPARATORS,
    Table,
    check_output_path,
    check_table_cells,
    decode_bytes,
    describe_columns,
    detect_separator,
    read_file,
    read_table,
    write_table,
)
from ._flags import _flag
from ._labelled import (
    _file_levels,
    _from_codes,
    _order_as_file,
    _set_file_attrs,
    _stored_variables,
    respondents_schema,
    type_closed,
)
from ._multiselect import (
    MULTI_SELECT_ATTR,
    MultiSelect,
    multi_select_questions,
    resolve_questions,
    split_multi_select,
)
from ._platforms import (
    note_metadata,
    note_partial_responses,
    option_columns_message,
    platform_metadata,
    unnamed_option_columns,
)
from ._stat_files import STAT_SUFFIXES, VOUCHED_ATTR
from ._validate import (
    _check_comments,
    _check_respondents,
    _duplicate_columns,
    _id_problems,
    _need_frame,
    _orphans,
    no_rows_problem,
    normalise_ids,
    validate_comments,
    validate_corpus,
    validate_respondents,
)
from .errors import InputError, Problem, ValidationError
from .schema import COMMENT_COLUMNS, COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT, Corpus

logger = logging.getLogger("carevoice.corpus")

__all__ = [
    "KNOWN_SCALES",
    "SEPARATORS",
    "MissingValues",
    "check_output_path",
    "closed_answers",
    "decode_bytes",
    "describe_columns",
    "detect_separator",
    "free_text_columns",
    "normalise_ids",
    "read_codes",
    "read_comments",
    "read_corpus",
    "read_respondents",
    "read_survey",
    "read_table",
    "survey_from_frame",
    "type_answers",
    "validate_comments",
    "validate_corpus",
    "validate_respondents",
    "write_corpus",
    "write_table",
]

# --------------------------------------------------------------------------------------------
# Wide exports
# --------------------------------------------------------------------------------------------
def read_survey(path: str | Path, *, text_columns: Sequence[str] | Mapping[str, str],
                id_column: str, closed_columns: Sequence[str] | None = None,
                drop_columns: Sequence[str] = (),
                levels: Mapping[str, Sequence[str]] | None = None,
                encoding: str | None = None, sheet_name: str | int = 0,
                sep: str | None = None,
                missing_values: MissingValues | None = None,
                not_free_text: Sequence[str] = (),
                multi_select: MultiSelect | None = None,
                decimal_comma: bool = True) -> Corpus:
    """Turn a wide survey export (one row per respondent) into a :class:`Corpus`.

    Every column that is neither the id nor a text column becomes a closed answer in
    ``respondents``, which is never pseudonymised. A column that looks like free text there
    (see :func:`free_text_columns`) is refused: name it in ``text_columns`` or
    ``drop_columns``, or, if it is a closed question after all, in ``not_free_text``.
    Questions with a given order (``levels``, an ordinal SPSS question whose every answer
    has a value label) are closed and not checked. A survey platform's metadata columns
    (submission times, ``Duration (in seconds)``, ``Progress``, ``Finished``, the platform's
    ids; see :func:`carevoice._platforms.platform_metadata`) are not survey answers: they are
    left out with a warning naming them, unless named in ``not_free_text`` or
    ``closed_columns``. Partial responses (``Finished`` False) are kept, with a warning
    saying how many.

    Parameters
    ----------
    path : str or pathlib.Path
        A CSV, XLSX or Parquet export.
    text_columns : sequence of str or mapping of str to str
        The free-text columns. A mapping gives each column its ``question_id`` (e.g.
        ``{"What would make your life better?": "better"}``); a sequence uses the column names.
    id_column : str
        The column holding the respondent id.
    closed_columns : sequence of str, optional
        The only closed questions to keep, trusted to be closed: every other column is left
        out (a warning names them). By default every other column not in ``drop_columns`` is
        kept and checked for free text.
    drop_columns : sequence of str, default ()
        Columns to leave out (free text you do not analyse, names, e-mail addresses).
    levels : mapping, optional
        Level order per closed column (see :func:`type_answers`); these columns are not
        checked for free text.
    encoding : str, optional
        Force the CSV encoding; detected by default.
    sheet_name : str or int, default 0
        The XLSX sheet.
    sep : str, optional
        The CSV separator; detected by default.
    missing_values : sequence or mapping, optional
        Closed answers that mean "no answer" ("don't know", -99), made missing before the
        answers are typed and before the free-text check; a list for every closed column or
        ``{column: [codes]}`` (see :func:`type_answers`). None by default.
    not_free_text : sequence of str, default ()
        Closed questions you vouch for: kept and not checked for free text, while every
        other column is kept and checked (the way to keep a question refused by mistake).
    multi_select : sequence of str or mapping, optional
        Tick-all-that-apply questions, each turned into one ``"no"`` / ``"yes"`` answer per
        option named ``"QUESTION: option"`` (see ``docs/data.md``, "Tick-all-that-apply
        questions"): the columns whose cells join the options ticked (``["Q4"]``, separator
        detected), a mapping of such a column to its separator (``{"Q4": ","}``), or of a
        question name to its option columns (SurveyMonkey: ``{"Free time": ["Q9",
        "Unnamed: 13", ...]}``). ``levels`` of a joined column gives its options in order;
        otherwise they are the answers given by two respondents or more. Write-ins are never
        options: left out with a warning, or, when the column is also in ``text_columns``,
        its comments. The questions are recorded in ``respondents.attrs["multi_select"]``
        and in the schema side file.
    decimal_comma : bool, default True
        In a ``;``-separated file, read a column whose answers are all numbers, some written
        with a decimal comma (``6,5``, as Excel saves them where the comma is the decimal
        mark), as numbers, with a notice naming it. False keeps such columns as text
        (``--no-decimal-comma``; ``[input] decimal_comma = false`` in a batch run): for codes
        such as ``"1,5"`` that are not numbers. See ``docs/data.md``, "Decimal commas".

    Returns
    -------
    Corpus
        ``comments`` has one row per respondent and text column, ``comment_id`` =
        ``"{respondent_id}-{question_id}"``; blank answers are kept as ``<NA>``.

    Raises
    ------
    ValidationError
        Every problem at once: missing or duplicate columns, free-text columns left as closed
        ones, duplicate or missing respondent ids (by 1-based line of the file), a file with
        a header but no respondent rows (the wrong file or sheet, most likely).

    Examples
    --------
    >>> import carevoice as cv
    >>> corpus = cv.read_survey(cv.demo_path("survey_export.csv"),
    ...                         text_columns={"What would make your life better?": "better"},
    ...                         id_column="Respondent ID")  # doctest: +SKIP
    """
    table = read_file(path, encoding=encoding, sheet_name=sheet_name, sep=sep)
    return _survey(table, text_columns, id_column, closed_columns, drop_columns, levels,
                   missing_values, not_free_text, multi_select, decimal_comma,
                   file_argument(path, phrase("path")))


def survey_from_frame(wide: pd.DataFrame, *, text_columns: Sequence[str] | Mapping[str, str],
                      id_column: str, closed_columns: Sequence[str] | None = None,
                      drop_columns: Sequence[str] = (),
                      levels: Mapping[str, Sequence[str]] | None = None,
                      missing_values: MissingValues | None = None,
                      not_free_text: Sequence[str] = (),
                      multi_select: MultiSelect | None = None,
                      decimal_comma: bool = True) -> Corpus:
    """Like :func:`read_survey`, from a wide DataFrame already in memory.

    Parameters
    ----------
    wide : pandas.DataFrame
        One row per respondent.
    text_columns, id_column, closed_columns, drop_columns, levels, missing_values
        As in :func:`read_survey`.
    not_free_text, multi_select, decimal_comma : optional
        As in :func:`read_survey` (a decimal comma is read as one when ``wide.attrs``
        records a ``;`` separator, as :func:`read_table` does).

    Returns
    -------
    Corpus
        The validated corpus.

    Raises
    ------
    ValidationError
        As :func:`read_survey`; rows are counted by position in ``wide`` from 1.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"id": ["1", "2"], "Q": ["hi", None], "age": ["8-10", "11-13"],
    ...                      "Anything else?": ["my nan's dog", None]})
    >>> survey_from_frame(wide, text_columns=["Q"], id_column="id")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.ValidationError: 1 problem(s) in the frame:
      - free_text_column: these columns look like free text, ...
    >>> survey_from_frame(wide, text_columns=["Q"], id_column="id",
    ...                   drop_columns=["Anything else?"])
    Corpus(2 comments (1 answered), 2 respondents, 1 closed questions)
    """
    _need_frame(wide, "wide")
    return _survey(Table.of_frame(wide), text_columns, id_column, closed_columns, drop_columns,
                   levels, missing_values, not_free_text, multi_select, decimal_comma)


def _names(value: Any, argument: str) -> list[str]:
    if isinstance(value, str):
        raise InputError(f"The {argument!r} argument must be a list of column names, not a "
                         f"single string; did you mean {argument}=[{value!r}]?")
    return [str(c) for c in value]


def _survey(table: Table, text_columns: Sequence[str] | Mapping[str, str], id_column: str,
            closed_columns: Sequence[str] | None, drop_columns: Sequence[str],
            levels: Mapping[str, Sequence[str]] | None,
            missing_values: MissingValues | None = None,
            not_free_text: Sequence[str] = (),
            multi_select: MultiSelect | None = None, decimal_comma: bool = True,
            argument: str | None = None) -> Corpus:
    """The work of :func:`read_survey` and :func:`survey_from_frame`; ``argument`` names
    what gave a file (a frame in memory has none): a file of only a header is refused."""
    wide = table.frame
    questions = resolve_questions(multi_select_questions(multi_select), list(wide.columns))
    if isinstance(text_columns, str):
        raise InputError("The 'text_columns' argument must be a list or mapping of column names, "
                         f"not a single string; did you mean text_columns=[{text_columns!r}]?")
    mapping = ({str(k): str(v) for k, v in text_columns.items()}
               if isinstance(text_columns, Mapping) else {str(c): str(c) for c in text_columns})
    drop = _names(drop_columns, "drop_columns")
    closed = None if closed_columns is None else _names(closed_columns, "closed_columns")
    trusted = _names(not_free_text, "not_free_text")
    problems = _duplicate_columns(wide, table.name)
    roles = {"id_column": [id_column], "text_columns": list(mapping),
             "closed_columns": closed or [], "drop_columns": drop,
             "multi_select": [c for q in questions for c in q.columns]}
    wanted = list(dict.fromkeys([*(c for names in roles.values() for c in names), *trusted]))
    missing = [c for c in wanted if c not in wide.columns]
    if missing:
        found = describe_columns(wide.columns, expected=wanted, frame=wide)
        problems.append(Problem("missing_column", f"the export has no columns {missing}; "
                                f"{found}."))
    claimed: dict[str, list[str]] = {}
    for role, names in roles.items():
        for c in dict.fromkeys(names):
            claimed.setdefault(c, []).append(role)
    for c in trusted:  # vouched for as closed: only a closed answer, kept with the others
        if c in claimed and claimed[c] != ["closed_columns"]:
            claimed[c].append("not_free_text")
        elif closed is not None and c not in claimed:
            claimed[c] = ["not_free_text", "left out by closed_columns"]
    # A tick-all-that-apply column named as a text column too: its write-ins are comments.
    clashes = {c: r for c, r in claimed.items()
               if len(r) > 1 and r != ["text_columns", "multi_select"]}
    if clashes:
        problems.append(Problem("conflicting_columns", "a column can have only one role; "
                                + "; ".join(f"{c!r} is in {' and '.join(r)}"
                                            for c, r in clashes.items()) + "."))
    if not mapping:
        problems.append(Problem("missing_column", "'text_columns' is empty: name at least one "
                                "free-text column."))
    if len(set(mapping.values())) != len(mapping):
        problems.append(Problem("duplicate_id", "two text columns map to the same question_id."))
    if argument is not None and not len(wide):  # the wrong file or sheet, as in read_comments
        problems.append(no_rows_problem(argument, table.name, "respondent"))
    if problems:
        raise ValidationError(table.name, problems)
    ids = normalise_ids(wide[id_column])
    problems += _id_problems(ids, id_column, table)
    note_partial_responses(wide, table.name)
    if closed is None:
        closed = [c for c in wide.columns if c not in claimed]
        # A platform's metadata (submission times, progress, its own ids) is not an answer.
        metadata = [c for c in platform_metadata(wide, closed)
                    if c not in trusted and c not in (levels or {})]
        if metadata:
            note_metadata(metadata, table.name, left_out_of="the respondents file",
                          keep="with --not-free-text COLUMN (not_free_text=[...])")
            closed = [c for c in closed if c not in set(metadata)]
        # A given order (levels=, an ordinal SPSS question) says the question is closed.
        ordered = {*_file_levels(table, closed, missing_values), *(levels or {}), *trusted}
        unnamed = unnamed_option_columns(wide, [c for c in closed if c not in ordered])
        if unnamed:
            problems.append(Problem("unnamed_columns", option_columns_message(
                unnamed, leave_out="drop_columns=..., --drop-column",
                declare="multi_select={{{quoted}: {listed}}}, or "
                        "--multi-select-columns '{question}={columns}'")))
            closed = [c for c in closed if c not in {u for g in unnamed.values() for u in g}]
        flagged = free_text_columns(wide, [c for c in closed if c not in ordered],
                                    missing_values=missing_values)
        if flagged:
            problems.append(Problem("free_text_column", (
                "these columns look like free text, not closed answers: "
                + "; ".join(f"{c!r} ({why})" for c, why in flagged.items())
                + ". Closed answers are copied to the respondents file without "
                "pseudonymisation, so a name written there would be kept. Analyse each as a "
                "text column (text_columns=..., --text-column) or leave it out "
                "(drop_columns=..., --drop-column); if one is a closed question after all, "
                "vouch for it (not_free_text=..., --not-free-text): the other columns are "
                "kept and checked as before (closed_columns=..., --closed-column, would keep "
                "only the columns it lists). A tick-all-that-apply question whose cells join "
                "the options ticked is declared with multi_select=... (--multi-select).")))
    if problems:
        raise ValidationError(table.name, problems)
    if closed_columns is not None:
        note_left_out([c for c in wide.columns if c not in claimed],
                      len([c for c in wide.columns if c not in claimed or c in closed]),
                      table.name)
    names = [q.name for q in questions]
    if levels is not None and not isinstance(levels, Mapping):
        _level_orders(levels, [])  # the error that names the argument
    options = _level_orders({k: v for k, v in (levels or {}).items() if k in names}, names)
    split = split_multi_select(wide, questions, options=options, source=table.name,
                               kept_as_text=[q.name for q in questions
                                             if any(c in mapping for c in q.columns)])
    kept = [c for c in split.frame.columns if c in set(closed) or c in split.options]
    respondents = split.frame[[id_column, *kept]].assign(**{id_column: ids})
    respondents = respondents.rename(columns={id_column: RESPONDENT_ID})
    respondents = type_closed(respondents.reset_index(drop=True), table.variables,
                              {**{k: v for k, v in (levels or {}).items() if k not in names},
                               **split.levels}, missing_values, decimal_comma)
    vouched = [c for c in trusted if c in respondents.columns]
    if vouched:  # remembered in the side file, so that later commands do not refuse them
        respondents.attrs[VOUCHED_ATTR] = vouched
    if split.options:
        respondents.attrs[MULTI_SELECT_ATTR] = split.options
    written_in = {c: split.write_ins[q.name] for q in questions for c in q.columns}
    parts = []
    for column, qid in mapping.items():
        parts.append(pd.DataFrame({COMMENT_ID: ids + f"-{qid}", RESPONDENT_ID: ids,
                                   QUESTION_ID: qid,
                                   TEXT: written_in.get(column, wide[column])}))
    comments = pd.concat(parts, ignore_index=True)
    order = {rid: i for i, rid in enumerate(ids)}
    comments["_r"] = comments[RESPONDENT_ID].map(order)
    comments["_q"] = comments[QUESTION_ID].map({q: i for i, q in enumerate(mapping.values())})
    comments = comments.sort_values(["_r", "_q"], kind="stable").drop(columns=["_r", "_q"])
    return validate_corpus(comments.reset_index(drop=True), respondents)


# --------------------------------------------------------------------------------------------
# Long-form files
# --------------------------------------------------------------------------------------------
def _read_comments(path: str | Path, columns: Mapping[str, str] | None,
                   required: Sequence[str], encoding: str | None, sep: str | None,
                   argument: str = "path",
                   ) -> tuple[list[Problem], pd.DataFrame | None, Table]:
    table = read_file(path, encoding=encoding, sep=sep)
    frame = table.frame.rename(columns=dict(columns)) if columns else table.frame
    problems, out = _check_comments(frame, required, table)
    if not len(frame):  # only a header: the wrong file or sheet exported, most likely
        problems.append(no_rows_problem(file_argument(path, phrase(argument)), table.name))
    if out is not None:
        out.attrs["encoding"] = table.frame.attrs.get("encoding")
    return problems, out, table


def read_comments(path: str | Path, *, columns: Mapping[str, str] | None = None,
                  required: Sequence[str] = (COMMENT_ID, TEXT),
                  encoding: str | None = None, sep: str | None = None) -> pd.DataFrame:
    """Read long-form comments (one row per comment).

    Parameters
    ----------
    path : str or pathlib.Path
        CSV, XLSX or Parquet with at least ``comment_id`` and ``text``.
    columns : mapping of str to str, optional
        Rename columns first, e.g. ``{"ID": "comment_id", "Answer": "text"}``.
    required : sequence of str, default ("comment_id", "text")
        Columns that must be present.
    encoding : str, optional
        Force the CSV encoding; detected by default.
    sep : str, optional
        The CSV separator; detected by default.

    Returns
    -------
    pandas.DataFrame
        Validated comments; other columns pass through as strings.

    Raises
    ------
    InputError
        If the file cannot be read (see :func:`read_table`).
    ValidationError
        Every problem of the comments at once, by ``comment_id`` or 1-based line of the file.
    """
    problems, out, table = _read_comments(path, columns, required, encoding, sep)
    if problems or out is None:
        raise ValidationError(table.name, problems)
    return out


def _stored_types(sidecar: Path) -> dict[str, dict[str, Any]]:
    if not sidecar.is_file():
        return {}
    try:
        stored = json.loads(sidecar.read_text("utf-8"))
        if not all(isinstance(v, dict) and "type" in v for v in stored.values()):
            raise ValueError("every column needs a 'type'")
    except (ValueError, AttributeError) as e:
        raise InputError(f"{sidecar.name} (the column types written with the respondents) is "
                         f"not valid ({type(e).__name__}); delete it to type the answers "
                         "afresh.") from e
    return stored


def _apply_stored(typed: pd.DataFrame, stored: Mapping[str, Mapping[str, Any]],
                  given: Mapping[str, Any]) -> list[Problem]:
    """Restore the column types a side file recorded; problems for answers that do not fit."""
    problems = []
    ids = typed[RESPONDENT_ID].astype(str)
    for col, spec in stored.items():
        if col in given or col not in typed.columns or spec["type"] == "ordered":
            continue
        values = typed[col].astype(object).where(typed[col].notna(), None)
        if spec["type"] == "category":
            out = pd.Categorical(values, categories=spec.get("levels", []), ordered=False)
            lost = values.notna().to_numpy() & pd.isna(out)
            typed[col] = out
            what = "answers outside the levels recorded in the schema side file"
        elif spec["type"] in {"Int64", "Float64"}:
            numbers = pd.to_numeric(values, errors="coerce")
            lost = (values.notna() & numbers.isna()).to_numpy()
            typed[col] = numbers.astype(spec["type"]) if not lost.any() else typed[col]
            what = "answers that are not numbers, as the schema side file says they are"
        else:
            typed[col] = values.astype("string")
            continue
        if lost.any():
            problems.append(Problem("unknown_level", what + "; fix them or delete the side "
                                    "file.", column=str(col), ids=tuple(ids[lost])))
    return problems


def _read_respondents(path: str | Path, levels: Mapping[str, Sequence[str]] | None,
                      columns: Mapping[str, str] | None, encoding: str | None,
                      sep: str | None, missing_values: MissingValues | None = None,
                      multi_select: MultiSelect | None = None, decimal_comma: bool = True,
                      argument: str = "path",
                      ) -> tuple[list[Problem], pd.DataFrame | None, Table]:
    table = read_file(path, encoding=encoding, sep=sep).renamed(columns)
    problems, out = _check_respondents(table.frame, table)
    if not len(table.frame):  # only a header, refused as a comments file of only a header is
        problems.append(no_rows_problem(file_argument(path, phrase(argument)), table.name,
                                        "respondent"))
    if out is None:
        return problems, None, table
    # An SPSS or Stata file carries its own types; a side file beside it belongs to a
    # respondents file of the same name written by write_corpus.
    stored = {} if Path(path).suffix.lower() in STAT_SUFFIXES else _stored_types(
        _schema_path(Path(path)))
    stored = {dict(columns or {}).get(c, c): spec for c, spec in stored.items()}
    variables = table.variables or _stored_variables(stored)
    out, split, levels = _split_answers(out, stored, multi_select, levels, table.name)
    answer_columns = [c for c in out.columns if c != RESPONDENT_ID]
    codes = _codes_by_column(missing_values, answer_columns)
    # A column with missing-value codes among its answers is typed afresh (a side file written
    # without the codes may call it a category), and its recorded order loses the codes.
    coded = {c for c, is_code in codes.items() if out[c].dropna().map(is_code).any()}
    given = _level_orders(levels, answer_columns)
    file_levels = _file_levels(table.variables, answer_columns, missing_values)
    merged = {**file_levels,
              **{c: [v for v in spec.get("levels", []) if not (c in codes and codes[c](v))]
                 for c, spec in stored.items()
                 if spec["type"] == "ordered" and c in answer_columns},
              **given, **split}
    try:
        typed = type_answers(_from_codes(out, table.variables, missing_values), merged,
                             missing_values=missing_values, decimal_comma=decimal_comma)
    except ValidationError as e:
        return problems + list(e.problems), out, table
    problems += _apply_stored(typed, stored, {**dict.fromkeys(coded), **given})
    _order_as_file(typed, table.variables, {*merged, *stored})
    _set_file_attrs(typed, variables)
    vouched = [c for c, spec in stored.items()
               if spec.get("not_free_text") is True and c in typed.columns]
    if vouched:
        typed.attrs[VOUCHED_ATTR] = vouched
    recorded = {**{c: dict(spec[MULTI_SELECT_ATTR]) for c, spec in stored.items()
                   if isinstance(spec.get(MULTI_SELECT_ATTR), Mapping) and c in typed.columns},
                **out.attrs.get(MULTI_SELECT_ATTR, {})}
    if recorded:
        typed.attrs[MULTI_SELECT_ATTR] = recorded
    return problems, typed, table


def _split_answers(answers: pd.DataFrame, stored: Mapping[str, Mapping[str, Any]],
                   multi_select: MultiSelect | None,
                   levels: Mapping[str, Sequence[str]] | None, source: str,
                   ) -> tuple[pd.DataFrame, dict[str, list[str]], Any]:
    """The answers with their tick-all-that-apply questions split (see :func:`read_survey`),
    the level order of the new columns, and ``levels`` less the questions' options.

    A question the schema side file records as already split (``carevoice convert
    --multi-select`` wrote one column per option) is read as it was written.
    """
    questions = resolve_questions(multi_select_questions(multi_select), list(answers.columns))
    if not questions:
        return answers, {}, levels  # checked by the caller
    recorded = {spec[MULTI_SELECT_ATTR].get("question") for spec in stored.values()
                if isinstance(spec.get(MULTI_SELECT_ATTR), Mapping)}
    todo = [q for q in questions
            if not (q.name in recorded and not set(q.columns) & set(answers.columns))]
    missing = [c for q in todo for c in q.columns if c not in answers.columns]
    if missing:
        raise InputError(f"The 'multi_select' argument names columns that {source} lacks: "
                         f"{missing}; check the spelling against the file's header.")
    names = [q.name for q in questions]
    if levels is not None and not isinstance(levels, Mapping):
        _level_orders(levels, [])  # the error that names the argument
    options = _level_orders({k: v for k, v in (levels or {}).items() if k in names}, names)
    split = split_multi_select(answers, todo, options=options, source=source)
    split.frame.attrs[MULTI_SELECT_ATTR] = split.options
    return split.frame, split.levels, {k: v for k, v in (levels or {}).items()
                                       if k not in names}


def read_respondents(path: str | Path, *, levels: Mapping[str, Sequence[str]] | None = None,
                     columns: Mapping[str, str] | None = None,
                     encoding: str | None = None, sep: str | None = None,
                     missing_values: MissingValues | None = None,
                     multi_select: MultiSelect | None = None,
                     decimal_comma: bool = True) -> pd.DataFrame:
    """Read respondents' closed answers (one row per respondent) and type them.

    Parameters
    ----------
    path : str or pathlib.Path
        CSV, XLSX or Parquet with a ``respondent_id`` column.
    levels : mapping, optional
        Level order per column (see :func:`type_answers`).
    columns : mapping of str to str, optional
        Rename columns first.
    encoding : str, optional
        Force the CSV encoding.
    sep : str, optional
        The CSV separator; detected by default.
    missing_values : sequence or mapping, optional
        Answers that mean "no answer" ("don't know", -99), made missing before typing; a list
        for every column or ``{column: [codes]}`` with the renamed column names (see
        :func:`type_answers`). A column holding such codes is typed afresh, not as the
        schema side file recorded it (a recorded level order is kept, less the codes). None
        by default.
    multi_select : sequence of str or mapping, optional
        Tick-all-that-apply questions to split into one ``"no"`` / ``"yes"`` answer per
        option, as in :func:`read_survey`. A question that ``carevoice convert`` already
        split (recorded in the schema side file) is read as written.
    decimal_comma : bool, default True
        In a ``;``-separated file, read a column whose answers are all numbers, some written
        with a decimal comma (``6,5``, as Excel saves them where the comma is the decimal
        mark), as numbers, with a notice naming it. False keeps such columns as text
        (``--no-decimal-comma``; ``[input] decimal_comma = false`` in a batch run): for codes
        such as ``"1,5"`` that are not numbers. See ``docs/data.md``, "Decimal commas".

    Returns
    -------
    pandas.DataFrame
        Validated, typed respondents. For an SPSS or Stata file (or a respondents file that
        :func:`write_corpus` or ``carevoice convert`` wrote from one), ``attrs`` records what
        the file says of its questions, by the (renamed) column names:
        ``attrs["question_wording"]``, each question's wording (the variable labels, {column:
        wording}); ``attrs["value_labelled"]``, the questions answered from value labels
        (closed by construction); ``attrs["text_variables"]``, the string variables without
        value labels (free text unless vouched for, see :func:`free_text_columns`);
        ``attrs["not_free_text"]``, the questions vouched for as closed when the file was
        converted (``not_free_text``, ``--not-free-text``), which
        :func:`carevoice.corpus.closed_answers` does not check again.

    Raises
    ------
    ValidationError
        Every problem at once, by ``respondent_id`` or 1-based line of the file; a file with a
        header but no respondent rows is refused, as :func:`read_comments` refuses one
        without comment rows.
    InputError
        If the file cannot be read, or ``missing_values`` is malformed or names a column the
        file lacks.
    """
    problems, typed, table = _read_respondents(path, levels, columns, encoding, sep,
                                               missing_values, multi_select, decimal_comma)
    if problems or typed is None:
        raise ValidationError(table.name, problems)
    return typed


def read_corpus(comments: str | Path, respondents: str | Path, *,
                levels: Mapping[str, Sequence[str]] | None = None,
                encoding: str | None = None, sep: str | None = None,
                missing_values: MissingValues | None = None,
                multi_select: MultiSelect | None = None,
                decimal_comma: bool = True) -> Corpus:
    """Read a long-form corpus: a comments file and a respondents file.

    Parameters
    ----------
    comments, respondents : str or pathlib.Path
        The two files (CSV, XLSX or Parquet).
    levels : mapping, optional
        Level order per closed column.
    encoding : str, optional
        Force the CSV encoding of both files.
    sep : str, optional
        The CSV separator of both files; detected by default.
    missing_values, multi_select : sequence or mapping, optional
        As in :func:`read_respondents`.
    decimal_comma : bool, default True
        As in :func:`read_respondents`.

    Returns
    -------
    Corpus
        Validated; every comment's respondent must exist.

    Raises
    ------
    ValidationError
        Every problem of both files and between them, in one error; either file with a
        header but no rows is refused.
    """
    problems, com, com_table = _read_comments(comments, None, COMMENT_COLUMNS, encoding, sep,
                                              argument="comments")
    resp_problems, resp, resp_table = _read_respondents(respondents, levels, None, encoding,
                                                        sep, missing_values, multi_select,
                                                        decimal_comma, argument="respondents")
    # with no respondents at all, every comment would be an orphan: the no_rows problem says why
    problems += resp_problems + (_orphans(com, resp) if resp is not None and len(resp) else [])
    if problems or com is None or resp is None:
        raise ValidationError(f"{com_table.name} and {resp_table.name}", problems)
    return Corpus(com, resp)


def read_codes(path: str | Path, *, encoding: str | None = None,
               sep: str | None = None) -> pd.DataFrame:
    """Read a codes file (``comment_id``, ``theme``, optional ``score`` and ``assigned``).

    Parameters
    ----------
    path : str or pathlib.Path
        A CODES file as written by ``carevoice code``, or human codes.
    encoding, sep : str, optional
        As in :func:`read_table`.

    Returns
    -------
    pandas.DataFrame
        ``comment_id`` normalised (:func:`normalise_ids`), ``theme`` stripped, ``score`` as
        float when present (in a ``;``-separated file, as Excel saves one where the comma is
        the decimal mark, ``0,42`` is read as 0.42); other columns as read.

    Raises
    ------
    ValidationError
        A missing column, a row without ``comment_id`` or ``theme``, or a score that is not a
        number, by 1-based line of the file; rows of one comment and theme (and ``user``, if
        there is that column) whose ``assigned`` values disagree, by ``comment_id``.
    """
    table = read_file(path, encoding=encoding, sep=sep)
    frame = table.frame
    problems = _duplicate_columns(frame, table.name)
    need = [COMMENT_ID, "theme"]
    missing = [c for c in need if c not in frame.columns]
    if missing:
        problems.append(Problem("missing_column", f"codes need the columns {need}; missing "
                                f"{missing}; {describe_columns(frame.columns, expected=need)}. "
                                "Give the codes written by 'carevoice code', or rename the "
                                "columns in the file."))
    if problems:
        raise ValidationError(table.name, problems)
    out = frame.copy()
    out[COMMENT_ID] = normalise_ids(out[COMMENT_ID])
    out["theme"] = out["theme"].map(lambda v: v.strip() or pd.NA if isinstance(v, str) else v)
    for col in need:
        blank = np.flatnonzero(out[col].isna().to_numpy())
        if len(blank):
            problems.append(Problem("missing_id", f"rows with no {col} ({table.counting}):",
                                    column=col, rows=table.where(blank)))
    if "score" in out.columns:
        score = out["score"].map(lambda v: v.strip() or None if isinstance(v, str) else v)
        if frame.attrs.get("separator") == ";":  # Excel's decimal comma: 0,42
            score = score.map(from_decimal_comma)
        numbers = pd.to_numeric(score, errors="coerce")
        bad = np.flatnonzero((score.notna() & numbers.isna()).to_numpy())
        if len(bad):
            comma = ("; they are written with a decimal comma (0,42), which is read as one only "
                     "in a ;-separated file, as Excel saves one where the comma is the decimal "
                     "mark: write them with a decimal point (0.42) or save the file from Excel "
                     "as CSV with ; between values" if score.iloc[bad].map(comma_number).any()
                     else "")
            problems.append(Problem("non_numeric", f"scores must be numbers between 0 and 1; "
                                    f"these were not read as numbers{comma} ({table.counting}):",
                                    column="score", rows=table.where(bad)))
        out["score"] = numbers.astype(float)
    if not problems:
        problems += _contradictory_codes(out)
    if problems:
        raise ValidationError(table.name, problems)
    return out


def _contradictory_codes(codes: pd.DataFrame) -> list[Problem]:
    """Rows of one comment and theme (and user, if given) that say both assigned and not.

    Any "true" would win downstream (agreement would count the coders as agreeing), so such
    a file, hand-edited or merged, is refused. Repeated rows that agree are kept: a project
    read back by ``import-qdpx`` has a row per coded span. An ``assigned`` value that is
    neither true nor false is left to the reader that parses it, which names it.
    """
    if "assigned" not in codes.columns:
        return []
    keys = [COMMENT_ID, "theme"] + (["user"] if "user" in codes.columns else [])
    flags = codes["assigned"].astype(object).map(_flag)
    known = codes.loc[flags.notna().to_numpy(), keys].astype(str)
    known["flag"] = flags[flags.notna()].astype(bool).to_numpy()
    mixed = known.groupby(keys, sort=False)["flag"].nunique() > 1
    ids = tuple(dict.fromkeys(str(key[0]) for key in mixed.index[mixed.to_numpy()]))
    if not ids:
        return []
    return [Problem("contradictory_codes", "rows for the same comment_id and theme"
                    + (" (and user)" if "user" in keys else "") + " say both assigned and "
                    "not assigned; keep one row for each comment and theme:",
                    column="assigned", ids=ids)]


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------
def _schema_path(path: Path) -> Path:
    return path.with_name(path.stem + ".schema.json")


def write_corpus(corpus: Corpus, folder: str | Path, *, format: str = "csv") -> dict[str, Path]:
    """Write a corpus as ``comments.<fmt>`` and ``respondents.<fmt>`` in a folder.

    The respondents' column types (categorical levels and their order, integer or decimal) are
    kept in a ``respondents.schema.json`` side file, so :func:`read_corpus` restores the same
    types from any format; so are the question wording and the value-labelled questions of
    an SPSS or Stata file (``attrs``, see :func:`read_respondents`).

    Parameters
    ----------
    corpus : Corpus
        The corpus.
    folder : str or pathlib.Path
        Created if missing.
    format : {"csv", "xlsx", "parquet"}, default "csv"
        The file format.

    Returns
    -------
    dict
        ``{"comments": path, "respondents": path}``.
    """
    if format not in {"csv", "xlsx", "parquet"}:
        raise InputError(f"The 'format' argument of write_corpus must be one of 'csv', 'xlsx', "
                         f"'parquet'. Got {format!r} instead.")
    folder = check_output_path(folder, argument="folder", kind="folder")
    for name in ("comments", "respondents"):  # both checked before either is written
        check_table_cells(getattr(corpus, name), folder / f"{name}.{format}")
    paths = {"comments": write_table(corpus.comments, folder / f"comments.{format}"),
             "respondents": write_table(corpus.respondents, folder / f"respondents.{format}")}
    schema = respondents_schema(corpus.respondents)
    _schema_path(paths["respondents"]).write_text(json.dumps(schema, indent=1), "utf-8")
    return paths
