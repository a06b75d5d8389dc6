"""The order of closed answers: known scales, ranges, given levels, and levels as tables show them.

Internal helpers of :func:`carevoice.corpus.type_answers`; :func:`level_label`,
:func:`level_labels` and :func:`answer_levels` are used by the link tables and plots (see
:mod:`carevoice._answers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._answer_codes import _APOSTROPHES
from .errors import InputError

#: Ordered answer scales recognised when typing closed answers. A column whose values all belong
#: to one scale (ignoring case, spaces, hyphens and the kind of apostrophe: "Don't know" and
#: "Don’t know" are one answer) becomes an ordered categorical in this order. Pass ``levels=``
#: to override.
KNOWN_SCALES: tuple[tuple[str, ...], ...] = (
    ("never", "hardly_ever", "sometimes", "mostly", "always"),
    ("never", "rarely", "sometimes", "often", "always"),
    ("no_contact", "too_little", "just_right", "too_much"),
    ("strongly_disagree", "disagree", "neither", "agree", "strongly_agree"),
    ("very_unhappy", "unhappy", "ok", "happy", "very_happy"),
    ("no", "not_sure", "yes"),
    ("no", "unsure", "yes"),
    ("no", "don't_know", "yes"),
    ("no", "dont_know", "yes"),
    ("no", "yes"),
)

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$|^\s*(\d+)\s*\+\s*$")


def _level_orders(levels: Mapping[str, Sequence[Any]] | None,
                  columns: Sequence[Any]) -> dict[Any, list[str]]:
    """The ``levels`` argument checked: each column's order as stripped strings.

    An error names the argument and the column, never a level: a column that is not an
    answer column here (a misspelt name is not silently ignored, as in ``missing_values``),
    an order that is not a list, or a level given twice.
    """
    if levels is None:
        return {}
    if not isinstance(levels, Mapping):
        raise InputError("The 'levels' argument must be a mapping of column to its answers in "
                         "order, e.g. {\"age_group\": [\"8-11\", \"12-15\", \"16-17\"]}. Got "
                         f"{type(levels).__name__} instead.")
    unknown = [c for c in levels if c not in set(columns)]
    if unknown:
        raise InputError(f"The 'levels' argument names columns that are not closed answers "
                         f"here: {unknown}. Check the spelling against the file's header.")
    out = {}
    for column, order in levels.items():
        if isinstance(order, (str, bytes)) or not isinstance(order, Iterable):
            raise InputError(f"The 'levels' argument for column {column!r} must be a list of "
                             f"its answers in order. Got {type(order).__name__} instead.")
        out[column] = [str(v).strip() for v in order]
        if len(set(out[column])) < len(out[column]):
            raise InputError(f"The 'levels' argument gives a level twice for column "
                             f"{column!r}; give each answer once, in order.")
    return out


def _norm_level(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower().translate(_APOSTROPHES))


def _range_key(value: str) -> float | None:
    m = _RANGE.match(value)
    if not m:
        return None
    return float(m.group(1) or m.group(3))


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


def _natural(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that reads digits as numbers: "2" before "10", "wave 2" before "wave 10"."""
    return tuple((0, int(part)) if part.isdecimal() else (1, part)
                 for part in re.split(r"(\d+)", value) if part)


def level_label(value: Any) -> str:
    """An answer as the level a table shows it under: its text, a whole number without ".0".

    Examples
    --------
    >>> level_label(8.0), level_label(8.5), level_label("8-10")
    ('8', '8.5', '8-10')
    """
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def level_labels(series: pd.Series) -> np.ndarray:
    """Each answer's :func:`level_label`, or None where there is no answer (an object array)."""
    return np.array([None if pd.isna(v) else level_label(v) for v in series.astype(object)],
                    dtype=object)


def answer_levels(series: pd.Series) -> list[str]:
    """The levels an answer column has, in the order tables show them.

    A categorical's own order; numbers by value (8, 10, 12, not "10", "12", "8"); other text
    in natural order ("wave 2" before "wave 10"), as :func:`type_answers` orders categories.

    Examples
    --------
    >>> answer_levels(pd.Series([12, 8, None, 10, 8], dtype="Int64"))
    ['8', '10', '12']
    >>> answer_levels(pd.Series(["wave 10", "wave 2"]))
    ['wave 2', 'wave 10']
    """
    labels = level_labels(series)
    present = {label for label in labels if label is not None}
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [label for label in dict.fromkeys(map(level_label, series.cat.categories))
                if label in present]
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        value = {label: float(v) for label, v in zip(labels, series, strict=True)
                 if label is not None}
        return sorted(value, key=lambda label: (value[label], label))
    return sorted(present, key=lambda label: (_natural(label), label))
