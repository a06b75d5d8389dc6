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

__all__ = ["free_text_answers", "identifier_answers", "type_text_answers"]

_LEVELS = re.compile(r"^carevoice levels \((ordered|unordered)\): (\[.*\])$", re.DOTALL)
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_ISO_DATETIME = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
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
    """Whether an answer column is free text rather than a closed question.

    The same judgement as :func:`carevoice.corpus.free_text_columns`, which ``convert``,
    ``link`` and ``report`` use to refuse such columns, made on the column as a whole (its
    name is its question) and on its answers as read, before they are typed: a question that
    asks for free text or a name ("Other (please specify)", ``gender_self``, ``first_name``),
    long answers given once, answers that nearly all differ, and a question that asks for
    identifiers answered with numbers or dates of six digits or more (``date_of_birth``,
    ``nhs_number``, ``mobile``). Besides, a text column with an answer that holds an ``@`` or
    a run of six digits or more (an e-mail address, a phone number) is free text: no closed
    answer holds one. A closed question with long labels ("White - English, Welsh, Scottish,
    Northern Irish or British", "I don't have a social worker") is not free text, and
    neither is an ordered categorical, nor any other number, date or date and time.

    Examples
    --------
    >>> import pandas as pd
    >>> is_free_text(pd.Series(pd.Categorical(["trans boy", "agender"]), name="gender_self"))
    True
    >>> is_free_text(pd.Series(pd.Categorical(["I don't have a social worker", "Yes"] * 3),
    ...                        name="trust_sw"))
    False
    >>> is_free_text(pd.Series(["2009-03-04", "2007-01-02"], name="date_of_birth"))
    True
    """
    import pandas as pd

    from .._answers import free_text_columns
    from .._wording import all_dates

    if isinstance(series.dtype, pd.CategoricalDtype) and series.dtype.ordered:
        return False
    if free_text_columns(series.to_frame()):
        return True
    if variable_type(series) != "Text":
        return False
    present = pd.Series(series.dropna().unique()).astype(str)
    if all_dates(present):  # dates and times in any form, not phone numbers
        return False
    return any("@" in v or _DIGIT_RUN.search(v) for v in present)


def free_text_answers(respondents: pd.DataFrame | None,
                      free_text: Sequence[str] | None = None, *,
                      not_free_text: Sequence[str] = ()) -> list[str]:
    """The answer columns that :func:`carevoice.qda.export_qdpx` treats as free text.

    Parameters
    ----------
    respondents : pandas.DataFrame or None
        ``respondent_id`` and the survey answers.
    free_text : sequence of str, optional
        Free-text columns, named. Those that look like free text (:func:`is_free_text`: any
        column :func:`carevoice.corpus.free_text_columns` flags, or one with an e-mail
        address or a phone number among its answers) are found as well: naming one column
        never makes another that looks like free text a closed question.
    not_free_text : sequence of str, default ()
        Columns vouched for as closed questions although they look like free text: never
        found as free text (a column can not be in both lists).

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
    trusted = [not_free_text] if isinstance(not_free_text, str) else list(not_free_text)
    unknown = [str(c) for c in trusted if c not in columns]
    both = [str(c) for c in trusted if c in set(free_text or ())]
    if unknown or both:
        raise InputError(f"The 'not_free_text' argument names columns that are not answers in "
                         f"'respondents': {', '.join(unknown)}." if unknown else
                         f"The 'not_free_text' argument names {', '.join(both)}, which the "
                         "'free_text' argument names too; a column is free text or not.")
    named = set(free_text or ())
    return [c for c in columns if c in named or (
        c not in set(trusted) and is_free_text(respondents[c]))]


def identifier_answers(respondents: pd.DataFrame | None, free: Sequence[Any]) -> list[Any]:
    """The free-text columns that :func:`carevoice.qda.export_qdpx` leaves out of a project.

    A column among ``free`` that :func:`carevoice.corpus.free_text_columns` flags although
    its answers are numbers, dates or dates and times (a date of birth, an NHS number, a
    phone number whose leading zero a spreadsheet dropped): the pseudonymiser finds such
    values in sentences, not as bare numbers, so neither writing them as given nor
    pseudonymising them is safe. Judged on the answers as read, before they are typed.

    Parameters
    ----------
    respondents : pandas.DataFrame or None
        ``respondent_id`` and the survey answers, as read.
    free : sequence
        The free-text columns (:func:`free_text_answers`).

    Returns
    -------
    list
        Column names, in the order of ``free``.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"respondent_id": ["r1", "r2"],
    ...                         "date_of_birth": ["2009-03-04", "2007-01-02"],
    ...                         "nhs_number": [9434765919, 9434765870]})
    >>> identifier_answers(answers, free_text_answers(answers))
    ['date_of_birth', 'nhs_number']
    """
    from .._answers import free_text_columns

    if respondents is None or not len(free):
        return []
    typed = type_text_answers(respondents[list(free)])
    flagged = free_text_columns(respondents, list(free))
    return [c for c in free if str(c) in flagged and variable_type(typed[c]) != "Text"]


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
    """Type answer columns read as text that hold only true/false, ISO dates or date-times.

    :func:`carevoice.read_respondents` makes such columns categories; for a REFI-QDA project
    they are Boolean (``true``/``false`` in any case), Date (``YYYY-MM-DD``) and DateTime
    (``YYYY-MM-DDTHH:MM[:SS]``, or with a space for the ``T``, as SPSS date-times and Excel
    date cells are read; a column whose every time is midnight is a Date) variables.
    ``yes``/``no`` answers stay categories: surveys often add "not sure" in a later wave.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Typed respondents as :func:`carevoice.read_respondents` returns them. Not modified.

    Returns
    -------
    pandas.DataFrame
        A copy with those columns as ``boolean`` and ``datetime64`` columns (in UTC when an
        answer gives its offset from UTC).

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"respondent_id": ["r1", "r2"],
    ...                         "has_pa": pd.Categorical(["TRUE", "false"]),
    ...                         "surveyed": pd.Categorical(["2024-05-01", "2024-06-30"]),
    ...                         "started": pd.Categorical(["2024-03-01T18:03:00",
    ...                                                    "2024-03-02 09:15:00"])})
    >>> typed = type_text_answers(answers)
    >>> typed["has_pa"].tolist(), typed["surveyed"].dt.strftime("%d/%m/%Y").tolist()
    ([True, False], ['01/05/2024', '30/06/2024'])
    >>> variable_type(typed["started"]), typed["started"].dt.hour.tolist()
    ('DateTime', [18, 9])
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
        elif present.str.fullmatch(_ISO_DATETIME).all():
            texts = obj.map(lambda v: None if v is None else str(v).strip())
            utc = bool(present.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$").any())
            moments = pd.to_datetime(texts, format="ISO8601", errors="coerce", utc=utc)
            if moments.notna().sum() == len(present):
                out[col] = moments
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
