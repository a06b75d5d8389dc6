"""Read, validate and write survey data: wide exports, long comments, respondents.

A *wide* export has one row per respondent with some free-text columns and many closed questions
(what SmartSurvey, Qualtrics, Microsoft Forms or a spreadsheet give you). carevoice works on the
*long* form: a ``comments`` frame with one row per respondent and question
(``comment_id``, ``respondent_id``, ``question_id``, ``text``) and a ``respondents`` frame with the
closed answers, typed. Readers accept CSV, XLSX and Parquet, detect UTF-8, UTF-8 with a BOM and
Excel's cp1252, and collect every problem into one :class:`~carevoice.errors.ValidationError`.
Empty or whitespace-only answers are kept as ``<NA>`` ("no answer"), never dropped.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, Problem, ValidationError
from .schema import COMMENT_COLUMNS, COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT, Corpus

__all__ = [
    "KNOWN_SCALES",
    "read_comments",
    "read_corpus",
    "read_respondents",
    "read_survey",
    "read_table",
    "type_answers",
    "validate_comments",
    "validate_corpus",
    "validate_respondents",
    "write_corpus",
    "write_table",
]

logger = logging.getLogger(__name__)

#: Ordered answer scales recognised when typing closed answers. A column whose values all belong
#: to one scale becomes an ordered categorical in this order. Pass ``levels=`` to override.
KNOWN_SCALES: tuple[tuple[str, ...], ...] = (
    ("never", "hardly_ever", "sometimes", "mostly", "always"),
    ("never", "rarely", "sometimes", "often", "always"),
    ("no_contact", "too_little", "just_right", "too_much"),
    ("strongly_disagree", "disagree", "neither", "agree", "strongly_agree"),
    ("very_unhappy", "unhappy", "ok", "happy", "very_happy"),
    ("no", "not_sure", "yes"),
    ("no", "unsure", "yes"),
    ("no", "yes"),
)

_SUFFIXES = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
             ".parquet": "parquet", ".pq": "parquet"}
_MOJIBAKE = re.compile("(?:Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201d\u2122]|Â[\u00a0-\u00bf])")
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$|^\s*(\d+)\s*\+\s*$")


# --------------------------------------------------------------------------------------------
# Low-level reading
# --------------------------------------------------------------------------------------------
def _format_of(path: Path) -> str:
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"The 'path' argument must name a .csv, .xlsx or .parquet file; got a "
            f"{path.suffix or 'suffix-less'} file ({path.name}). Save it as CSV or XLSX first."
        )
    return fmt


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes, detecting UTF-8, UTF-8 with BOM and Windows-1252.

    Parameters
    ----------
    data : bytes
        The raw file content.
    encoding : str or None
        Force an encoding instead of detecting it.

    Returns
    -------
    (str, str)
        The text and the encoding used (``"utf-8"``, ``"utf-8-sig"`` or ``"cp1252"``).

    Raises
    ------
    InputError
        If the bytes are neither UTF-8 nor Windows-1252, naming the first bad byte offset.

    Examples
    --------
    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfid")
    ('id', 'utf-8-sig')
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as e:
            raise InputError(
                f"The file is not valid {encoding} (byte {e.start}); pass encoding=None to "
                "detect it, or the encoding it was saved with."
            ) from e
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as e:
            raise InputError(
                f"The file is neither UTF-8 (bad byte at {utf8_error.start}) nor Windows-1252 "
                f"(bad byte at {e.start}). Re-save it from Excel as 'CSV UTF-8'."
            ) from e


def read_table(path: str | Path, *, encoding: str | None = None,
               sheet_name: str | int = 0) -> pd.DataFrame:
    """Read a CSV, XLSX or Parquet file with every cell as a string (or ``<NA>``).

    Typing happens later (:func:`type_answers`), so ids such as ``007`` keep their zeros.

    Parameters
    ----------
    path : str or pathlib.Path
        The file; its suffix picks the reader.
    encoding : str or None
        For CSV: force an encoding; by default UTF-8, UTF-8 with BOM and cp1252 are detected.
        The encoding used is stored in ``frame.attrs["encoding"]``.
    sheet_name : str or int, default 0
        For XLSX: the sheet to read.

    Returns
    -------
    pandas.DataFrame
        Columns as in the file, values as ``str`` or ``<NA>``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"The 'path' argument names no file: {path} does not exist.")
    fmt = _format_of(path)
    if fmt == "csv":
        text, used = decode_bytes(path.read_bytes(), encoding)
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                            na_values=[], skip_blank_lines=True)
        frame = frame.replace({"": pd.NA})
        frame.attrs["encoding"] = used
        if used == "cp1252":
            logger.info("%s was decoded as Windows-1252 (Excel's default CSV encoding)", path.name)
    elif fmt == "xlsx":
        # Only empty cells are missing: "NA", "NULL", "None" are answers (or ids) as typed.
        raw = pd.read_excel(path, sheet_name=sheet_name, dtype=object, engine="openpyxl",
                            keep_default_na=False, na_values=[])
        raw = raw.replace({"": pd.NA})
        frame = raw.map(_cell_to_str)
        frame.attrs["encoding"] = "xlsx"
    else:
        raw = pd.read_parquet(path)
        frame = raw.astype(object).where(raw.notna(), pd.NA).map(_cell_to_str)
        frame.attrs["encoding"] = "parquet"
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.astype("string").astype(object).where(lambda f: f.notna(), pd.NA)


def _cell_to_str(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return pd.NA
    if isinstance(value, bool | np.bool_):
        return str(value)
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------
def _duplicates(values: pd.Series) -> tuple[str, ...]:
    dup = values[values.duplicated(keep=False) & values.notna()]
    return tuple(dict.fromkeys(str(v) for v in dup))


def _id_problems(ids: pd.Series, column: str, rows: list[str]) -> list[Problem]:
    """Missing and duplicate ids in one id column; ``rows`` names the rows for missing ones."""
    problems = []
    missing = ids.isna().to_numpy()
    if missing.any():
        where = [r for r, m in zip(rows, missing, strict=True) if m]
        problems.append(Problem("missing_id", f"rows {where[:20]} have no {column}.",
                                column=column))
    dups = _duplicates(ids.astype("string"))
    if dups:
        problems.append(Problem("duplicate_id", f"{column} values must be unique.",
                                column=column, ids=dups))
    return problems


def _comment_problems(comments: pd.DataFrame, required: Sequence[str]) -> list[Problem]:
    required = tuple(dict.fromkeys((COMMENT_ID, TEXT, *required)))
    problems = []
    missing = [c for c in required if c not in comments.columns]
    if missing:
        problems.append(Problem(
            "missing_column",
            f"comments need the columns {list(required)}; missing {missing}; found "
            f"{list(comments.columns)[:20]}. Rename yours or pass a column mapping.",
        ))
        return problems
    problems += _id_problems(comments[COMMENT_ID], COMMENT_ID, [str(i) for i in comments.index])
    bad = comments[TEXT].map(lambda v: not (v is pd.NA or v is None or isinstance(v, str)
                                            or (isinstance(v, float) and np.isnan(v))))
    if bad.any():
        problems.append(Problem(
            "non_text", "text must be a string or missing; convert these values or fix "
            "the column mapping.", column=TEXT,
            ids=tuple(str(i) for i in comments.loc[bad, COMMENT_ID])))
    if RESPONDENT_ID in required:
        missing_resp = comments[RESPONDENT_ID].isna()
        if missing_resp.any():
            ids = tuple(str(i) for i in comments.loc[missing_resp, COMMENT_ID])
            problems.append(Problem("missing_id", "these comments have no respondent_id.",
                                    column=RESPONDENT_ID, ids=ids))
    return problems


def validate_comments(comments: pd.DataFrame,
                      required: Sequence[str] = (COMMENT_ID, TEXT)) -> pd.DataFrame:
    """Check a comments frame and return a cleaned copy.

    Checks: required columns present, ``comment_id`` present and unique, ``text`` a string or
    missing. Every problem is collected before raising. The returned copy has string ids,
    whitespace-only answers set to ``<NA>`` ("no answer") and the input's index.

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
        Listing every problem with column names and ``comment_id`` values, never comment text.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a", "b"], "text": ["hi", "  "]})
    >>> validate_comments(frame)["text"].tolist()
    ['hi', <NA>]
    """
    if not isinstance(comments, pd.DataFrame):
        raise InputError(f"The 'comments' argument must be a pandas DataFrame; got "
                         f"{type(comments).__name__}.")
    problems = _comment_problems(comments, required)
    if problems:
        raise ValidationError("comments", problems)
    return _clean_comments(comments)


def _clean_comments(comments: pd.DataFrame) -> pd.DataFrame:
    out = comments.copy()
    for col in (COMMENT_ID, RESPONDENT_ID, QUESTION_ID):
        if col in out:
            out[col] = out[col].map(lambda v: pd.NA if v is None or v is pd.NA or
                                    (isinstance(v, float) and np.isnan(v)) else str(v))
            out[col] = out[col].astype("string")
    text = out[TEXT].map(lambda v: v if isinstance(v, str) and v.strip() else pd.NA)
    out[TEXT] = text.astype("string")
    garbled = out[TEXT].fillna("").str.contains(_MOJIBAKE)
    if garbled.any():
        logger.warning("comments %s look double-encoded (UTF-8 read as Windows-1252 before "
                       "export); check the export settings",
                       ", ".join(out.loc[garbled, COMMENT_ID].astype(str).head(20)))
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
        A copy with ``respondent_id`` as strings.

    Raises
    ------
    ValidationError
        Listing every problem.
    """
    problems = []
    if RESPONDENT_ID not in respondents.columns:
        problems.append(Problem("missing_column", f"respondents need a {RESPONDENT_ID!r} column; "
                                f"found {list(respondents.columns)[:20]}."))
    else:
        problems += _id_problems(respondents[RESPONDENT_ID], RESPONDENT_ID,
                                 [str(i) for i in respondents.index])
    if problems:
        raise ValidationError("respondents", problems)
    out = respondents.copy()
    out[RESPONDENT_ID] = out[RESPONDENT_ID].map(str).astype("string")
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
    problems = _comment_problems(comments, COMMENT_COLUMNS)
    try:
        resp = validate_respondents(respondents)
    except ValidationError as e:
        problems.extend(e.problems)
        resp = None
    if problems:
        raise ValidationError("corpus", problems)
    known = set(resp[RESPONDENT_ID]) if resp is not None else set()
    orphans = comments[~comments[RESPONDENT_ID].astype(str).isin(known)]
    if len(orphans):
        raise ValidationError("corpus", [Problem(
            "missing_respondent", "these comments' respondent_id is not in respondents; add the "
            "respondents or drop the comments.", column=RESPONDENT_ID,
            ids=tuple(orphans[COMMENT_ID].astype(str)))])
    return Corpus(_clean_comments(comments), resp)


# --------------------------------------------------------------------------------------------
# Typing closed answers
# --------------------------------------------------------------------------------------------
def _norm_level(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


def _range_key(value: str) -> float | None:
    m = _RANGE.match(value)
    if not m:
        return None
    return float(m.group(1) or m.group(3))


def type_answers(respondents: pd.DataFrame,
                 levels: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Type closed answers: numbers where numeric, ordered categoricals where the order is known.

    Parameters
    ----------
    respondents : pandas.DataFrame
        String-valued answers (as read by :func:`read_table`); ``respondent_id`` is left as is.
    levels : mapping of str to sequence of str, optional
        Level order per column, overriding detection. Values not in the list are an error.

    Returns
    -------
    pandas.DataFrame
        A typed copy: ``Int64`` / ``Float64`` for numeric columns; ordered ``category`` for
        columns matching ``levels``, one of :data:`KNOWN_SCALES` or numeric ranges such as
        ``"8-10"``, ``"11-13"``, ``"22+"``; unordered ``category`` otherwise.

    Examples
    --------
    >>> import pandas as pd
    >>> df = type_answers(pd.DataFrame({"respondent_id": ["1", "2"],
    ...                                 "age_group": ["11-13", "8-10"],
    ...                                 "feels_safe": ["always", "sometimes"],
    ...                                 "score": ["7", "5"]}))
    >>> list(df["age_group"].cat.categories), str(df["score"].dtype)
    (['8-10', '11-13'], 'Int64')
    """
    levels = dict(levels or {})
    out = respondents.copy()
    problems = []
    for col in out.columns:
        if col == RESPONDENT_ID:
            continue
        values = out[col]
        present = values.dropna().astype(str)
        if col in levels:
            order = [str(v) for v in levels[col]]
            unknown = sorted(set(present) - set(order))
            if unknown:
                problems.append(Problem(
                    "unknown_level", f"levels {unknown[:10]} are not in the given order {order}.",
                    column=str(col), ids=tuple(out.loc[present.index[~present.isin(order)],
                                                       RESPONDENT_ID].astype(str))
                    if RESPONDENT_ID in out else ()))
                continue
            out[col] = pd.Categorical(values.astype(object).where(values.notna(), None),
                                      categories=order, ordered=True)
            continue
        if present.empty:
            out[col] = values.astype(object).where(values.notna(), None).astype("string")
            continue
        numeric = pd.to_numeric(present, errors="coerce")
        if numeric.notna().all():
            full = pd.to_numeric(values.astype(object).where(values.notna(), None), errors="coerce")
            if np.all(np.mod(numeric, 1) == 0):
                out[col] = full.astype("Int64")
            else:
                out[col] = full.astype("Float64")
            continue
        uniq = list(dict.fromkeys(present))
        order = _known_order(uniq)
        obj = values.astype(object).where(values.notna(), None)
        if order is not None:
            out[col] = pd.Categorical(obj, categories=order, ordered=True)
        else:
            out[col] = pd.Categorical(obj, categories=sorted(uniq), ordered=False)
    if problems:
        raise ValidationError("respondents", problems)
    return out


def _known_order(uniq: list[str]) -> list[str] | None:
    keys = [_range_key(u) for u in uniq]
    if len(uniq) > 1 and all(k is not None for k in keys):
        return [u for _, u in sorted(zip(keys, uniq, strict=True))]
    normed = {_norm_level(u): u for u in uniq}
    if len(normed) != len(uniq):
        return None
    for scale in KNOWN_SCALES:
        if set(normed) <= set(scale) and len(normed) > 1:
            return [normed[s] for s in scale if s in normed]
    return None


# --------------------------------------------------------------------------------------------
# Public readers
# --------------------------------------------------------------------------------------------
def read_survey(path: str | Path, *, text_columns: Sequence[str] | Mapping[str, str],
                id_column: str, closed_columns: Sequence[str] | None = None,
                levels: Mapping[str, Sequence[str]] | None = None,
                encoding: str | None = None, sheet_name: str | int = 0) -> Corpus:
    """Turn a wide survey export (one row per respondent) into a :class:`Corpus`.

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
        The closed questions to keep; by default every other column.
    levels : mapping, optional
        Level order per closed column (see :func:`type_answers`).
    encoding : str, optional
        Force the CSV encoding; detected by default.
    sheet_name : str or int, default 0
        The XLSX sheet.

    Returns
    -------
    Corpus
        ``comments`` has one row per respondent and text column, ``comment_id`` =
        ``"{respondent_id}-{question_id}"``; blank answers are kept as ``<NA>``.

    Raises
    ------
    ValidationError
        Every problem at once: missing columns, duplicate or missing respondent ids.

    Examples
    --------
    >>> import carevoice as cv
    >>> corpus = cv.read_survey(cv.demo_path("survey_export.csv"),
    ...                         text_columns={"What would make your life better?": "better"},
    ...                         id_column="Respondent ID")  # doctest: +SKIP
    """
    wide = read_table(path, encoding=encoding, sheet_name=sheet_name)
    return survey_from_frame(wide, text_columns=text_columns, id_column=id_column,
                             closed_columns=closed_columns, levels=levels)


def survey_from_frame(wide: pd.DataFrame, *, text_columns: Sequence[str] | Mapping[str, str],
                      id_column: str, closed_columns: Sequence[str] | None = None,
                      levels: Mapping[str, Sequence[str]] | None = None) -> Corpus:
    """Like :func:`read_survey`, from a wide DataFrame already in memory.

    Parameters
    ----------
    wide : pandas.DataFrame
        One row per respondent.
    text_columns, id_column, closed_columns, levels
        As in :func:`read_survey`.

    Returns
    -------
    Corpus
        The validated corpus.
    """
    mapping = (dict(text_columns) if isinstance(text_columns, Mapping)
               else {str(c): str(c) for c in text_columns})
    if isinstance(text_columns, str):
        raise InputError("The 'text_columns' argument must be a list or mapping of column names, "
                         f"not a single string; did you mean text_columns=[{text_columns!r}]?")
    wanted = [id_column, *mapping]
    if closed_columns is not None:
        wanted += list(closed_columns)
    missing = [c for c in wanted if c not in wide.columns]
    problems = []
    if missing:
        problems.append(Problem("missing_column", f"the export has no columns {missing}; it has "
                                f"{list(wide.columns)[:30]}."))
    if not mapping:
        problems.append(Problem("missing_column", "'text_columns' is empty: name at least one "
                                "free-text column."))
    if len(set(mapping.values())) != len(mapping):
        problems.append(Problem("duplicate_id", "two text columns map to the same question_id."))
    if problems:
        raise ValidationError("survey export", problems)
    ids = wide[id_column].astype("string")
    # rows as a spreadsheet numbers them: a header row, then 1-based
    resp_problems = _id_problems(ids, id_column, [str(i + 2) for i in range(len(wide))])
    if resp_problems:
        raise ValidationError("survey export", resp_problems)
    closed = (list(closed_columns) if closed_columns is not None
              else [c for c in wide.columns if c != id_column and c not in mapping])
    respondents = wide[[id_column, *closed]].rename(columns={id_column: RESPONDENT_ID})
    respondents = type_answers(respondents.reset_index(drop=True), levels)
    parts = []
    for column, qid in mapping.items():
        part = pd.DataFrame({
            COMMENT_ID: ids + f"-{qid}",
            RESPONDENT_ID: ids,
            QUESTION_ID: qid,
            TEXT: wide[column],
        })
        parts.append(part)
    comments = pd.concat(parts, ignore_index=True)
    order = {rid: i for i, rid in enumerate(ids)}
    comments["_r"] = comments[RESPONDENT_ID].map(order)
    comments["_q"] = comments[QUESTION_ID].map({q: i for i, q in enumerate(mapping.values())})
    comments = comments.sort_values(["_r", "_q"], kind="stable").drop(columns=["_r", "_q"])
    return validate_corpus(comments.reset_index(drop=True), respondents)


def read_comments(path: str | Path, *, columns: Mapping[str, str] | None = None,
                  required: Sequence[str] = (COMMENT_ID, TEXT),
                  encoding: str | None = None) -> pd.DataFrame:
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

    Returns
    -------
    pandas.DataFrame
        Validated comments; other columns pass through as strings.
    """
    frame = read_table(path, encoding=encoding)
    if columns:
        frame = frame.rename(columns=dict(columns))
    out = validate_comments(frame, required=required)
    out.attrs["encoding"] = frame.attrs.get("encoding")
    return out


def read_respondents(path: str | Path, *, levels: Mapping[str, Sequence[str]] | None = None,
                     columns: Mapping[str, str] | None = None,
                     encoding: str | None = None) -> pd.DataFrame:
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

    Returns
    -------
    pandas.DataFrame
        Validated, typed respondents.
    """
    frame = read_table(path, encoding=encoding)
    if columns:
        frame = frame.rename(columns=dict(columns))
    frame = validate_respondents(frame)
    sidecar = _schema_path(Path(path))
    stored = json.loads(sidecar.read_text("utf-8")) if sidecar.is_file() else {}
    given = dict(levels or {})
    merged = {**{c: v["levels"] for c, v in stored.items() if v["type"] == "ordered"}, **given}
    typed = type_answers(frame, merged)
    for col, spec in stored.items():
        if col in given or col not in typed.columns:
            continue
        if spec["type"] == "category":
            typed[col] = pd.Categorical(typed[col].astype(object).where(typed[col].notna(), None),
                                        categories=spec["levels"], ordered=False)
        elif spec["type"] in {"Int64", "Float64", "string"}:
            typed[col] = typed[col].astype(object).where(typed[col].notna(), None)
            if spec["type"] == "string":
                typed[col] = typed[col].astype("string")
            else:
                typed[col] = pd.to_numeric(typed[col]).astype(spec["type"])
    return typed


def read_corpus(comments: str | Path, respondents: str | Path, *,
                levels: Mapping[str, Sequence[str]] | None = None,
                encoding: str | None = None) -> Corpus:
    """Read a long-form corpus: a comments file and a respondents file.

    Parameters
    ----------
    comments, respondents : str or pathlib.Path
        The two files (CSV, XLSX or Parquet).
    levels : mapping, optional
        Level order per closed column.
    encoding : str, optional
        Force the CSV encoding of both files.

    Returns
    -------
    Corpus
        Validated; every comment's respondent must exist.
    """
    com = read_table(comments, encoding=encoding)
    resp = read_respondents(respondents, levels=levels, encoding=encoding)
    return validate_corpus(com, resp)


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------
def _schema_path(path: Path) -> Path:
    return path.with_name(path.stem + ".schema.json")


def _column_schema(series: pd.Series) -> dict[str, Any]:
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return {"type": "ordered" if dtype.ordered else "category",
                "levels": [str(v) for v in dtype.categories]}
    if pd.api.types.is_integer_dtype(dtype):
        return {"type": "Int64"}
    if pd.api.types.is_float_dtype(dtype):
        return {"type": "Float64"}
    return {"type": "string"}


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a frame as CSV (UTF-8), XLSX or Parquet, chosen by the suffix.

    Parameters
    ----------
    frame : pandas.DataFrame
        The frame; its index is not written.
    path : str or pathlib.Path
        The destination.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    fmt = _format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    elif fmt == "xlsx":
        _write_xlsx(frame, path)
    else:
        frame.to_parquet(path, index=False)
    return path


def _write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    """Write a frame to XLSX with every string kept as text, never as a formula.

    openpyxl stores a string that starts with ``=`` as a formula, which reads back as missing
    and which Excel would evaluate (formula injection); such cells are written as text. Control
    characters that the XLSX format cannot hold are reported by column and row id (the cell's
    text is never echoed).
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    id_column = next((c for c in (COMMENT_ID, RESPONDENT_ID) if c in frame.columns), None)
    problems: list[str] = []
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
            continue
        bad = values.map(lambda v: isinstance(v, str) and bool(ILLEGAL_CHARACTERS_RE.search(v)))
        if bad.any():
            rows = (frame.loc[bad, id_column].astype(str).tolist() if id_column
                    else [str(i) for i in frame.index[bad]])
            label = f"{id_column}s" if id_column else "rows"
            problems.append(f"column {column!r} ({label} {', '.join(rows[:20])}"
                            f"{' ...' if len(rows) > 20 else ''})")
    if problems:
        raise InputError("XLSX cannot hold control characters (other than tab and newline) "
                         "found in " + "; ".join(problems) + ". Write CSV or Parquet instead, "
                         "or remove those characters.")
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False)
        for sheet in writer.sheets.values():
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"


def write_corpus(corpus: Corpus, folder: str | Path, *, format: str = "csv") -> dict[str, Path]:
    """Write a corpus as ``comments.<fmt>`` and ``respondents.<fmt>`` in a folder.

    The respondents' column types (categorical levels and their order, integer or decimal) are
    kept in a ``respondents.schema.json`` side file, so :func:`read_corpus` restores the same
    types from any format.

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
    folder = Path(folder)
    paths = {"comments": write_table(corpus.comments, folder / f"comments.{format}"),
             "respondents": write_table(corpus.respondents, folder / f"respondents.{format}")}
    schema = {str(c): _column_schema(corpus.respondents[c])
              for c in corpus.respondents.columns if c != RESPONDENT_ID}
    _schema_path(paths["respondents"]).write_text(json.dumps(schema, indent=1), "utf-8")
    return paths
