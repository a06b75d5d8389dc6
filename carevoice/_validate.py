"""Validate comments and respondents frames: ids, required columns, links between them.

The public names are re-exported by :mod:`carevoice.corpus`. Every check runs before one
:class:`~carevoice.errors.ValidationError` lists every problem, by ``comment_id`` or
``respondent_id`` and, for a row without an id, by its 1-based line in the file (or position in
a frame); never by quoting a comment.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._argnames import in_command, typed_as
from ._files import Table, describe_columns
from .errors import InputError, Problem, ValidationError
from .schema import COMMENT_COLUMNS, COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT, Corpus

logger = logging.getLogger("carevoice.corpus")

_MOJIBAKE = re.compile("(?:Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201d\u2122]|Â[\u00a0-\u00bf])")
_INTEGRAL_FLOAT_TEXT = re.compile(r"-?\d+\.0+")
_STAT_SUFFIXES = (".sav", ".zsav", ".dta")


def _wide_hint(name: str) -> str:
    """How to turn a wide survey export (one row per respondent) into the long files."""
    return (f"If {name} is a survey export with one row per respondent and a column per "
            "question, turn it into a comments file and a respondents file first: carevoice "
            "convert EXPORT --id-column ID --text-column QUESTION -o FOLDER (read_survey in "
            "Python)")


def _rename_hint(reader: str, example: dict[str, str], what: str = "the columns") -> str:
    """How to give a file the columns carevoice needs, in the terms of who reads it.

    In Python the reader's ``columns=`` mapping; on the command line the option that maps
    columns where the command has one (``pseudonymise --column``), else renaming them in the
    file: no other command can map them, so it is not told of ``columns=``.
    """
    option = typed_as("columns")
    if option is not None:
        pairs = " ".join(f"{option} {old}={new}" for old, new in example.items())
        return f"Rename the columns in the file, or map them with {option} (e.g. {pairs})"
    if in_command():
        return f"Rename {what} in the file's header and save it again"
    return (f"Rename {what} in the file, or map {'it' if what.endswith('column') else 'them'} "
            f"when reading ({reader}(..., columns={example!r}) in Python)")


def _id_hint(name: str) -> str:
    """How to give a respondents file its respondent_id column."""
    if name.lower().endswith(_STAT_SUFFIXES):
        program = "Stata (rename ID respondent_id)" if name.lower().endswith(".dta") else \
            "SPSS (RENAME VARIABLES (ID = respondent_id).)"
        return (f"Rename the id variable in {program} and save the file again; or turn the "
                "export into long files with carevoice convert EXPORT --id-column ID ..., "
                "whose respondents file has a respondent_id column"
                + ("" if in_command() else "; or map it when reading (read_respondents(..., "
                   "columns={'ID': 'respondent_id'}) in Python)"))
    return _rename_hint("read_respondents", {"ID": RESPONDENT_ID}, "the id column")


# --------------------------------------------------------------------------------------------
# Ids
# --------------------------------------------------------------------------------------------
def _id_cell(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return pd.NA
    if isinstance(value, float | np.floating):
        return pd.NA if np.isnan(value) else float(value)
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    text = str(value).strip()
    return text or pd.NA


def normalise_ids(ids: pd.Series) -> pd.Series:
    """Turn an id column into strings, the same however the file stored them.

    Surrounding spaces are removed and a blank id is missing. Numbers become whole-number
    strings when the whole column holds whole numbers stored as decimals (``12.0`` from Excel or
    a pandas float column, as numbers or as text), so that ``"12.0"`` matches ``"12"``; text
    such as ``"007"`` or ``"12.50"`` is never changed.

    Parameters
    ----------
    ids : pandas.Series
        The ids, of any dtype.

    Returns
    -------
    pandas.Series
        Object dtype, ``str`` or ``<NA>``, with the input's index.

    Examples
    --------
    >>> import pandas as pd
    >>> normalise_ids(pd.Series([12.0, 13.0, None])).tolist()
    ['12', '13', <NA>]
    >>> normalise_ids(pd.Series(["12.0", " 7.0 "])).tolist()
    ['12', '7']
    >>> normalise_ids(pd.Series(["007", "12.50", "  "])).tolist()
    ['007', '12.50', <NA>]
    """
    cells = [_id_cell(v) for v in ids.astype(object).tolist()]
    present = [c for c in cells if c is not pd.NA]
    if any(isinstance(c, float) for c in present):
        whole = all(isinstance(c, float) and c.is_integer() for c in present)
        cells = [(str(int(c)) if whole else str(c)) if isinstance(c, float) else c
                 for c in cells]
    elif present and all(_INTEGRAL_FLOAT_TEXT.fullmatch(c) for c in present):
        cells = [c if c is pd.NA else c.split(".")[0] for c in cells]
    return pd.Series(cells, index=ids.index, dtype=object)


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------
def _duplicates(values: pd.Series) -> tuple[str, ...]:
    dup = values[values.duplicated(keep=False) & values.notna()]
    return tuple(dict.fromkeys(str(v) for v in dup))


def _duplicate_columns(frame: pd.DataFrame, what: str) -> list[Problem]:
    dups = list(dict.fromkeys(str(c) for c in frame.columns[frame.columns.duplicated()]))
    if not dups:
        return []
    return [Problem("duplicate_column", f"{what} has more than one column named "
                    f"{', '.join(map(repr, dups))}; give each column its own name.")]


def _id_problems(ids: pd.Series, column: str, table: Table) -> list[Problem]:
    """Missing and duplicate ids in one normalised id column."""
    problems = []
    missing = np.flatnonzero(ids.isna().to_numpy())
    if len(missing):
        problems.append(Problem(
            "missing_id", f"rows with no {column} (blank, only spaces or missing); give every "
            f"row an id or delete the empty rows ({table.counting}):", column=column,
            rows=table.where(missing)))
    dups = _duplicates(ids)
    if dups:
        problems.append(Problem("duplicate_id", f"{column} values must be unique.",
                                column=column, ids=dups))
    return problems


def no_rows_problem(argument: str, name: str, rows: str = "comment") -> Problem:
    """The problem of an input with a header but no rows under it: nothing to analyse.

    The one rule for every reader of comments (:func:`carevoice.read_comments`,
    :func:`carevoice.read_corpus` and a batch run's input), of a wide survey
    (:func:`carevoice.read_survey`, ``carevoice convert``) and of respondents
    (:func:`carevoice.read_respondents`): a file that holds only its header is refused, most
    likely the wrong file or sheet exported. A file whose rows are all blank answers is not
    this case (it has rows) and is read as before. A frame in memory is not checked.

    Parameters
    ----------
    argument : str
        How the message names what gave the file: ``"COMMENTS"``, ``"The 'path' argument"``,
        ``"The [input] comments setting"``.
    name : str
        The file's name.
    rows : str, default "comment"
        What a row would have been: ``"comment"``, or ``"respondent"`` for a wide survey or
        a respondents file.

    Returns
    -------
    Problem

    Examples
    --------
    >>> print(no_rows_problem("COMMENTS", "none.csv"))  # doctest: +ELLIPSIS
    no_rows: COMMENTS (none.csv) has a header but no comment rows, so there is nothing ...
    """
    return Problem("no_rows", f"{argument} ({name}) has a header but no {rows} rows, so there "
                   f"is nothing to analyse. Check that it is the file (or, in a workbook, the "
                   f"sheet) that holds the {rows}s, one per row under the header.")


def _is_text(value: Any) -> bool:
    return (value is pd.NA or value is None or isinstance(value, str)
            or (isinstance(value, float) and np.isnan(value)))


def _check_comments(comments: pd.DataFrame, required: Sequence[str],
                    table: Table) -> tuple[list[Problem], pd.DataFrame | None]:
    """Every problem of a comments frame, and its cleaned copy (``None`` without the columns)."""
    required = tuple(dict.fromkeys((COMMENT_ID, *required)))
    problems = _duplicate_columns(comments, table.name)
    missing = [c for c in required if c not in comments.columns]
    if missing:
        problems.append(Problem(
            "missing_column",
            f"comments need the columns {list(required)}; missing {missing}; "
            f"{describe_columns(comments.columns, expected=required, frame=comments)}. "
            f"{_rename_hint('read_comments', {'ID': COMMENT_ID, 'Answer': TEXT})}"
            + (f". {_wide_hint(table.name)}." if COMMENT_ID in missing else "."),
        ))
    if problems:
        return problems, None
    out = comments.copy()
    for col in (COMMENT_ID, RESPONDENT_ID, QUESTION_ID):
        if col in out:
            out[col] = normalise_ids(out[col])
    ids = out[COMMENT_ID]
    problems += _id_problems(ids, COMMENT_ID, table)
    bad = ~comments[TEXT].map(_is_text).to_numpy(dtype=bool) if TEXT in comments else \
        np.zeros(len(comments), dtype=bool)
    if bad.any():
        problems.append(Problem(
            "non_text", "text must be a string or missing; convert these values or fix "
            "the column mapping.", column=TEXT, ids=tuple(ids[bad].dropna().astype(str))))
    if RESPONDENT_ID in required:
        no_resp = out[RESPONDENT_ID].isna().to_numpy()
        if no_resp.any():
            has_id = ids.notna().to_numpy()
            problems.append(Problem(
                "missing_id", f"these comments have no respondent_id (unnamed ones are given "
                f"by {table.counting}).", column=RESPONDENT_ID,
                ids=tuple(ids[no_resp & has_id].astype(str)),
                rows=table.where(np.flatnonzero(no_resp & ~has_id))))
    for col in (COMMENT_ID, RESPONDENT_ID, QUESTION_ID):
        if col in out:
            out[col] = out[col].astype("string")
    if TEXT not in out:  # a caller that needs only the ids (e.g. linking)
        return problems, out
    text = out[TEXT].map(lambda v: v if isinstance(v, str) and v.strip() else pd.NA)
    out[TEXT] = text.astype("string")
    garbled = out[TEXT].fillna("").str.contains(_MOJIBAKE).to_numpy(dtype=bool)
    if garbled.any():
        logger.warning("comments %s look double-encoded (UTF-8 read as Windows-1252 before "
                       "export); check the export settings",
                       ", ".join(out.loc[garbled, COMMENT_ID].astype(str).head(20)))
    return problems, out


def _check_respondents(respondents: pd.DataFrame,
                       table: Table) -> tuple[list[Problem], pd.DataFrame | None]:
    problems = _duplicate_columns(respondents, table.name)
    if RESPONDENT_ID not in respondents.columns:
        found = describe_columns(respondents.columns, expected=[RESPONDENT_ID],
                                 frame=respondents)
        problems.append(Problem("missing_column", f"respondents need a {RESPONDENT_ID!r} "
                                f"column; {found}. {_id_hint(table.name)}."))
    if problems:
        return problems, None
    out = respondents.copy()
    out[RESPONDENT_ID] = normalise_ids(out[RESPONDENT_ID])
    problems += _id_problems(out[RESPONDENT_ID], RESPONDENT_ID, table)
    out[RESPONDENT_ID] = out[RESPONDENT_ID].astype("string")
    return problems, out


def _orphans(comments: pd.DataFrame | None, respondents: pd.DataFrame | None) -> list[Problem]:
    """Comments whose respondent_id is not among the respondents."""
    if comments is None or respondents is None or RESPONDENT_ID not in comments:
        return []
    known = set(respondents[RESPONDENT_ID].dropna())
    rid = comments[RESPONDENT_ID]
    orphan = (rid.notna() & ~rid.isin(known)).to_numpy(dtype=bool)
    ids = comments.loc[orphan, COMMENT_ID].dropna()
    if not len(ids):
        return []
    return [Problem("missing_respondent", "these comments' respondent_id is not in "
                    "respondents; add the respondents or drop the comments.",
                    column=RESPONDENT_ID, ids=tuple(ids.astype(str)))]


def _need_frame(value: Any, argument: str) -> None:
    if not isinstance(value, pd.DataFrame):
        raise InputError(f"The {argument!r} argument must be a pandas DataFrame; got "
                         f"{type(value).__name__}.")


def validate_comments(comments: pd.DataFrame,
                      required: Sequence[str] = (COMMENT_ID, TEXT)) -> pd.DataFrame:
    """Check a comments frame and return a cleaned copy.

    Checks: required columns present (once each), ``comment_id`` present and unique, ``text``
    a string or missing. Every problem is collected before raising. The returned copy has
    string ids (see :func:`normalise_ids`), whitespace-only answers set to ``<NA>`` ("no
    answer") and the input's index.

    Parameters
    ----------
    comments : pandas.DataFrame
        The comments.
    required : sequence of str, default ("comment_id", "text")
        Columns that must be present.

    Returns
    -------
    pandas.DataFrame
        A validated copy (the input is never modified).

    Raises
    ------
    ValidationError
        Listing every problem with column names and ``comment_id`` values (rows without an
        id by their position in the frame, counted from 1), never comment text.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a", "b"], "text": ["hi", "  "]})
    >>> validate_comments(frame)["text"].tolist()
    ['hi', <NA>]
    """
    _need_frame(comments, "comments")
    problems, out = _check_comments(comments, required, Table.of_frame(comments))
    if problems or out is None:
        raise ValidationError("comments", problems)
    return out


def validate_respondents(respondents: pd.DataFrame) -> pd.DataFrame:
    """Check a respondents frame: ``respondent_id`` present, non-missing and unique.

    Parameters
    ----------
    respondents : pandas.DataFrame
        One row per respondent.

    Returns
    -------
    pandas.DataFrame
        A copy with ``respondent_id`` as strings (see :func:`normalise_ids`).

    Raises
    ------
    ValidationError
        Listing every problem.

    Examples
    --------
    >>> import pandas as pd
    >>> validate_respondents(pd.DataFrame({"respondent_id": [7.0, 8.0]}))["respondent_id"].tolist()
    ['7', '8']
    """
    _need_frame(respondents, "respondents")
    problems, out = _check_respondents(respondents, Table.of_frame(respondents))
    if problems or out is None:
        raise ValidationError("respondents", problems)
    return out


def validate_corpus(comments: pd.DataFrame, respondents: pd.DataFrame) -> Corpus:
    """Validate comments and respondents together and return a :class:`Corpus`.

    Besides the checks of :func:`validate_comments` and :func:`validate_respondents`, every
    comment's ``respondent_id`` must exist in ``respondents``. All problems of both frames are
    reported in one error.

    Parameters
    ----------
    comments, respondents : pandas.DataFrame
        The two halves.

    Returns
    -------
    Corpus
        Validated copies.

    Raises
    ------
    ValidationError
        Listing every problem found in either frame.
    """
    _need_frame(comments, "comments")
    _need_frame(respondents, "respondents")
    problems, com = _check_comments(comments, COMMENT_COLUMNS, Table.of_frame(comments,
                                                                                "comments"))
    resp_problems, resp = _check_respondents(respondents, Table.of_frame(respondents,
                                                                         "respondents"))
    problems += resp_problems + _orphans(com, resp)
    if problems or com is None or resp is None:
        raise ValidationError("corpus", problems)
    return Corpus(com, resp)
