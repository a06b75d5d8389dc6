"""Closed survey answers: typing them, and telling them from free text.

The public names (:data:`KNOWN_SCALES`, :func:`type_answers`, :func:`free_text_columns`) are
re-exported by :mod:`carevoice.corpus`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import Problem, ValidationError
from .schema import RESPONDENT_ID

#: Ordered answer scales recognised when typing closed answers. A column whose values all belong
#: to one scale (ignoring case, spaces and hyphens) becomes an ordered categorical in this
#: order. Pass ``levels=`` to override.
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

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$|^\s*(\d+)\s*\+\s*$")
# Question wordings that ask for free text ("Other (please specify)", "Anything else?").
_FREE_TEXT_QUESTION = re.compile(
    r"specify|anything else|what else|comment|explain|describe|tell us|own words|free[ -]?text|"
    r"\bwhy\b|\bdetails?\b|\bnotes?\b|^\s*other\b", re.IGNORECASE)


def _norm_level(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


def _range_key(value: str) -> float | None:
    m = _RANGE.match(value)
    if not m:
        return None
    return float(m.group(1) or m.group(3))


def _answers(values: pd.Series) -> pd.Series:
    """Object copy with strings stripped and blank or missing cells as ``None``."""
    out = values.astype(object).where(values.notna(), None)
    out = out.map(lambda v: (v.strip() or None) if isinstance(v, str) else v)
    return out.where(out.notna(), None)


def _known_order(present: Sequence[str]) -> tuple[list[str], dict[str, str]] | None:
    """The natural order of a column's answers, if they are ranges or on a known scale.

    Returns the levels in order and a map from each answer as written to its level: answers
    that differ only in case, spaces or hyphens are one level, spelt as most people wrote it.
    """
    uniq = list(dict.fromkeys(present))
    keys = [_range_key(u) for u in uniq]
    if len(uniq) > 1 and all(k is not None for k in keys):
        return [u for _, u in sorted(zip(keys, uniq, strict=True))], {u: u for u in uniq}
    counts = pd.Series(list(present), dtype=object).value_counts(sort=False)
    spellings: dict[str, str] = {}
    for value in uniq:  # the most common spelling of each level; the first seen on a tie
        key = _norm_level(value)
        if key not in spellings or counts[value] > counts[spellings[key]]:
            spellings[key] = value
    for scale in KNOWN_SCALES:
        if set(spellings) <= set(scale) and len(spellings) > 1:
            return ([spellings[s] for s in scale if s in spellings],
                    {u: spellings[_norm_level(u)] for u in uniq})
    return None


def type_answers(respondents: pd.DataFrame,
                 levels: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Type closed answers: numbers where numeric, ordered categoricals where the order is known.

    Answers are stripped of surrounding spaces first, and blank answers are missing, so that
    ``"Always "`` and ``"always"`` are one level and a blank cell does not turn a number column
    into text. Known scales and given levels are matched ignoring case.

    Parameters
    ----------
    respondents : pandas.DataFrame
        String-valued answers (as read by :func:`carevoice.corpus.read_table`);
        ``respondent_id`` is left as is.
    levels : mapping of str to sequence of str, optional
        Level order per column, overriding detection. Values not in the list (ignoring case)
        are an error.

    Returns
    -------
    pandas.DataFrame
        A typed copy: ``Int64`` / ``Float64`` for numeric columns; ordered ``category`` for
        columns matching ``levels``, one of :data:`KNOWN_SCALES` or numeric ranges such as
        ``"8-10"``, ``"11-13"``, ``"22+"``; unordered ``category`` otherwise.

    Raises
    ------
    ValidationError
        If answers are not in the levels given for their column.

    Examples
    --------
    >>> import pandas as pd
    >>> df = type_answers(pd.DataFrame({"respondent_id": ["1", "2", "3"],
    ...                                 "age_group": ["11-13", "8-10", "8-10"],
    ...                                 "feels_safe": ["always", "sometimes", "Always "],
    ...                                 "score": ["7", "5", " "]}))
    >>> list(df["age_group"].cat.categories), list(df["feels_safe"].cat.categories)
    (['8-10', '11-13'], ['sometimes', 'always'])
    >>> df["score"].tolist()
    [7, 5, <NA>]
    """
    levels = dict(levels or {})
    out = respondents.copy()
    problems = []
    for col in out.columns:
        if col == RESPONDENT_ID:
            continue
        values = _answers(out[col])
        present = values.dropna().astype(str)
        if col in levels:
            order = [str(v).strip() for v in levels[col]]
            folded: dict[str, str] = {}
            for level in order:
                folded.setdefault(level.casefold(), level)
            mapped = present.map(lambda v, o=order, f=folded: v if v in o
                                 else f.get(v.casefold(), v))
            outside = ~mapped.isin(order)
            if outside.any():
                problems.append(Problem(
                    "unknown_level", f"levels {sorted(set(mapped[outside]))[:10]} are not in "
                    f"the given order {order}.", column=str(col),
                    ids=tuple(out.loc[mapped.index[outside], RESPONDENT_ID].astype(str))
                    if RESPONDENT_ID in out else ()))
                continue
            values.loc[mapped.index] = mapped
            out[col] = pd.Categorical(values, categories=order, ordered=True)
            continue
        if present.empty:
            out[col] = values.astype("string")
            continue
        numeric = pd.to_numeric(present, errors="coerce")
        if numeric.notna().all():
            full = pd.to_numeric(values, errors="coerce")
            out[col] = full.astype("Int64" if np.all(np.mod(numeric, 1) == 0) else "Float64")
            continue
        known = _known_order(present.tolist())
        if known is not None:
            order, spelling = known
            values.loc[present.index] = present.map(spelling)
            out[col] = pd.Categorical(values, categories=order, ordered=True)
        else:
            values.loc[present.index] = present
            out[col] = pd.Categorical(values, categories=sorted(set(present)), ordered=False)
    if problems:
        raise ValidationError("respondents", problems)
    return out


def free_text_columns(frame: pd.DataFrame,
                      columns: Iterable[str] | None = None) -> dict[str, str]:
    """Find columns that hold free text (or values unique to a respondent), not closed answers.

    A wide export's other columns become closed answers in ``respondents``, which is never
    pseudonymised; this finds the ones that must not: answers over several lines, long
    answers, a question that asks for free text ("Other (please specify)", "Anything else?",
    "Why?") with answers that vary (or only a few answers), or answers that nearly all differ
    from each other. Numeric columns, age bands and answers on a known scale are never
    flagged.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per respondent, values as read.
    columns : iterable of str, optional
        The columns to check; by default all.

    Returns
    -------
    dict
        ``{column: reason}`` for each column that looks like free text.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"age": ["8-10", "11-13"],
    ...                      "Other (please specify)": ["my nan", None]})
    >>> free_text_columns(wide)
    {'Other (please specify)': 'its question asks for free text'}
    """
    found = {}
    for col in frame.columns if columns is None else columns:
        present = _answers(frame[col]).dropna().astype(str)
        if present.empty or pd.to_numeric(present, errors="coerce").notna().all():
            continue
        if _known_order(present.tolist()) is not None:
            continue
        n, distinct = len(present), present.str.casefold().nunique()
        if present.str.contains(r"[\r\n]").any():
            found[str(col)] = "answers run over several lines"
        elif (present.str.len() > 80).any() or (present.str.split().str.len() >= 12).any():
            found[str(col)] = "some answers are long"
        elif (_FREE_TEXT_QUESTION.search(str(col))
              and (present.str.casefold() != str(col).strip().casefold()).any()
              and (n < 5 or distinct > 0.2 * n)):
            found[str(col)] = "its question asks for free text"
        elif (n >= 20 and distinct >= 0.5 * n) or (n >= 8 and distinct == n):
            found[str(col)] = "nearly every answer differs from the others"
    return found
