"""Survey answers as REFI-QDA variables: their types, values and descriptions, both ways.

Errors and messages name variables (columns) and respondent ids, never answers.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem
from ..schema import RESPONDENT_ID

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["free_text_answers", "type_text_answers"]

_LEVELS = re.compile(r"^carevoice levels \((ordered|unordered)\): (\[.*\])$", re.DOTALL)
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_DIGIT_RUN = re.compile(r"\d(?:[ -]?\d){5,}")
#: A category with this many distinct answers or more, most of them given once, is free text.
_MANY_LEVELS = 20
_BOOLEAN_TEXT = {"true": True, "false": False, "1": True, "0": False}


def variable_type(series: pd.Series) -> str:
    """The REFI-QDA ``typeOfVariable`` of an answer column, from its dtype."""
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "Boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Integer"
    if pd.api.types.is_float_dtype(dtype):
        return "Float"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        values = series.dropna()
        if len(values) and (values.dt.normalize() == values).all() and values.dt.tz is None:
            return "Date"
        return "DateTime"
    return "Text"


def is_free_text(series: pd.Series) -> bool:
    """Whether a Text answer column looks like free text rather than a closed question.

    Free text: strings that are not a categorical; or an unordered categorical with an answer of
    five words or more, of 40 characters or more, with an ``@`` or with six digits or more (a
    phone number), or with more than 20 distinct answers, most of them given once; or any
    column :func:`carevoice.corpus.free_text_columns` (which ``convert`` uses to refuse such
    columns) flags. The rules here are stricter: on export, when in doubt the answers are
    pseudonymised.
    """
    import pandas as pd

    from .._answers import free_text_columns as flagged_on_reading

    if variable_type(series) != "Text":
        return False
    if flagged_on_reading(series.to_frame()):
        return True
    dtype = series.dtype
    if not isinstance(dtype, pd.CategoricalDtype):
        return bool(series.notna().any())
    if dtype.ordered:
        return False
    values = [str(v) for v in series.dropna().unique()]
    if any(len(v.split()) >= 5 or len(v) >= 40 or "@" in v or _DIGIT_RUN.search(v)
           for v in values):
        return True
    return len(values) > _MANY_LEVELS and len(values) > series.notna().sum() / 2


def free_text_answers(respondents: pd.DataFrame | None,
                      free_text: Sequence[str] | None = None) -> list[str]:
    """The answer columns that :func:`carevoice.qda.export_qdpx` treats as free text.

    Parameters
    ----------
    respondents : pandas.DataFrame or None
        ``respondent_id`` and the survey answers.
    free_text : sequence of str, optional
        Free-text columns, named. Those that look like free text (strings that are not
        categories, or categories with long, contact-like or mostly unique answers, or any
        column :func:`carevoice.corpus.free_text_columns` flags) are found as well: naming one
        column never makes another that looks like free text a closed question.

    Returns
    -------
    list of str
        Column names, in the frame's order.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2"],
    ...     "placement": pd.Categorical(["foster", "residential"]),
    ...     "anything_else": pd.Categorical(["ask for my PA on 07700 900123", "no"])})
    >>> free_text_answers(answers)
    ['anything_else']
    """
    if respondents is None:
        return []
    columns = [c for c in respondents.columns if c != RESPONDENT_ID]
    if free_text is not None:
        if isinstance(free_text, str):
            free_text = [free_text]
        unknown = [str(c) for c in free_text if c not in columns]
        if unknown:
            raise InputError(f"The 'free_text' argument names columns that are not answers in "
                             f"'respondents': {', '.join(unknown)}. Answer columns: "
                             f"{', '.join(map(str, columns))}.")
    named = set(free_text or ())
    return [c for c in columns if c in named or is_free_text(respondents[c])]


def variable_description(series: pd.Series, free: bool) -> str | None:
    """The levels of a categorical answer, in the marker line the reader parses back."""
    import pandas as pd

    if not free and isinstance(series.dtype, pd.CategoricalDtype):
        kind = "ordered" if series.dtype.ordered else "unordered"
        levels = [str(v) for v in series.dtype.categories]
        return f"carevoice levels ({kind}): {json.dumps(levels, ensure_ascii=False)}"
    return None


def value_text(kind: str, value: Any) -> str | None:
    """An answer as the text of a ``<kind>Value`` element; None when it cannot be written."""
    if kind == "Boolean":
        return "true" if bool(value) else "false"
    if kind == "Integer":
        return str(int(value))
    if kind == "Float":
        if not math.isfinite(float(value)):
            return None
        return format(Decimal(repr(float(value))), "f")
    if kind == "Date":
        return value.date().isoformat()
    if kind == "DateTime":
        return value.isoformat()
    return str(value)


def type_text_answers(respondents: pd.DataFrame) -> pd.DataFrame:
    """Type answer columns read as text that hold only true/false or only ISO dates.

    :func:`carevoice.read_respondents` makes such columns categories; for a REFI-QDA project
    they are Boolean (``true``/``false`` in any case) and Date (``YYYY-MM-DD``) variables.
    ``yes``/``no`` answers stay categories: surveys often add "not sure" in a later wave.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Typed respondents as :func:`carevoice.read_respondents` returns them. Not modified.

    Returns
    -------
    pandas.DataFrame
        A copy with those columns as ``boolean`` and ``datetime64`` columns.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"respondent_id": ["r1", "r2"],
    ...                         "has_pa": pd.Categorical(["TRUE", "false"]),
    ...                         "surveyed": pd.Categorical(["2024-05-01", "2024-06-30"])})
    >>> typed = type_text_answers(answers)
    >>> typed["has_pa"].tolist(), typed["surveyed"].dt.strftime("%d/%m/%Y").tolist()
    ([True, False], ['01/05/2024', '30/06/2024'])
    """
    import pandas as pd

    out = respondents.copy()
    for col in out.columns:
        series = out[col]
        if col == RESPONDENT_ID or variable_type(series) != "Text":
            continue
        present = series.dropna().astype(str).str.strip()
        if present.empty:
            continue
        lower = present.str.lower()
        obj = series.astype(object).where(series.notna(), None)
        if lower.isin({"true", "false"}).all():
            flags = obj.map(lambda v: None if v is None else str(v).strip().lower() == "true")
            out[col] = flags.astype("boolean")
        elif present.str.fullmatch(_ISO_DATE).all():
            dates = pd.to_datetime(present, format="%Y-%m-%d", errors="coerce")
            if dates.notna().all():
                out[col] = pd.to_datetime(obj.map(lambda v: None if v is None else
                                                  str(v).strip()), format="%Y-%m-%d")
    return out


def _datetimes(series: pd.Series, name: str) -> pd.Series:
    """Parse ISO 8601 dates and times; mixed UTC offsets (GMT and BST) come out in UTC."""
    import pandas as pd

    try:
        return pd.to_datetime(series, errors="coerce", format="ISO8601")
    except (ValueError, TypeError, OverflowError):
        pass
    try:  # mixed offsets, or offsets mixed with local times: read them all in UTC
        return pd.to_datetime(series, errors="coerce", format="ISO8601", utc=True)
    except (ValueError, TypeError, OverflowError) as e:
        from ._xml import RefiQdaError

        raise RefiQdaError(f"The values of the variable {name!r} cannot be read as dates and "
                           f"times ({type(e).__name__}).") from e


def typed_variable(values: list[Any], kind: str, description: str | None, name: str,
                   case_ids: Sequence[str], problems: list[Problem]) -> Any:
    """A variable's values as a typed column; a value that does not fit its type is a problem.

    A value that is not a number, a boolean (``true``/``false``/``1``/``0``) or an ISO 8601
    date where the variable's type asks for one is added to ``problems``, naming the variable
    and the cases.
    """
    import pandas as pd

    series = pd.Series([None if v is None or not str(v).strip() else str(v).strip()
                        for v in values], dtype=object)
    given = series.notna().to_numpy()
    if kind in {"Integer", "Float"}:
        out = pd.to_numeric(series, errors="coerce")
        bad = given & out.isna().to_numpy()
        if kind == "Integer":
            bad |= given & out.notna().to_numpy() & (out.fillna(0) % 1 != 0).to_numpy()
        expected = "whole numbers" if kind == "Integer" else "numbers"
        typed = out.where(~bad, None) if bad.any() else out
        typed = (typed.astype("Int64") if kind == "Integer" else typed.astype("Float64"))
    elif kind == "Boolean":
        mapped = series.map(lambda v: None if v is None else _BOOLEAN_TEXT.get(v.lower(), "?"))
        bad = (mapped == "?").to_numpy()
        typed = mapped.where(~bad, None).astype("boolean")
        expected = "true or false"
    elif kind in {"Date", "DateTime"}:
        typed = _datetimes(series, name)
        bad = given & typed.isna().to_numpy()
        expected = "ISO 8601 dates (YYYY-MM-DD)" if kind == "Date" else (
            "ISO 8601 dates and times")
    else:
        raw = pd.Series([None if v is None else str(v) for v in values], dtype=object)
        found = _LEVELS.match(description or "")
        if found:
            try:
                levels = json.loads(found.group(2))
            except ValueError:
                levels = None
            if isinstance(levels, list) and set(raw.dropna()) <= set(map(str, levels)):
                return pd.Categorical(raw, categories=levels, ordered=found.group(1) == "ordered")
        return raw.astype("string")
    if bad.any():
        problems.append(Problem(
            "bad_variable_value", f"the variable {name!r} is of type {kind}, but some of its "
            f"values are not {expected}", name,
            tuple(str(c) for c, b in zip(case_ids, bad, strict=True) if b)))
    return typed
