"""Closed answers as read: missing-value codes, and which answers a message may show.

Internal helpers of :func:`carevoice.corpus.type_answers` and
:func:`carevoice.corpus.free_text_columns` (see :mod:`carevoice._answers`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError

#: The ``missing_values`` argument: codes that mean "no answer" in every column (``["don't
#: know", -99]``), or per column (``{"times_moved": ["-99"], "*": ["don't know"]}``; ``"*"``
#: covers every column not named).
MissingValues = Sequence[str | float] | Mapping[str, Sequence[str | float]]

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _code_key(value: str) -> str:
    """A code or answer as matched: stripped, spaces collapsed, any case, any apostrophe."""
    return re.sub(r"\s+", " ", value.strip()).casefold().translate(_APOSTROPHES)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return None if math.isnan(number) else number
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return float(value)
    return None


class _Codes:
    """The missing-value codes of a column; calling it on an answer says if it is one."""

    def __init__(self, codes: Sequence[Any]) -> None:
        self.texts = {_code_key(str(c)) for c in codes}
        self.numbers = {n for n in map(_as_number, codes) if n is not None}

    def __call__(self, value: Any) -> bool:
        if isinstance(value, str) and _code_key(value) in self.texts:
            return True
        number = _as_number(value) if self.numbers else None
        return number is not None and number in self.numbers


def _code_list(codes: Any, where: str) -> list[Any]:
    """The codes as a list; an error naming the argument if they are not a list of codes."""
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable) \
            or isinstance(codes, Mapping):
        example = f"[{codes!r}]" if isinstance(codes, (str, int, float)) else "[\"don't know\"]"
        raise InputError(f"The 'missing_values' argument{where} must be a list of codes, e.g. "
                         f"{example}. Got {type(codes).__name__} instead.")
    out = list(codes)
    for code in out:
        if not (isinstance(code, str) or _as_number(code) is not None):
            raise InputError(f"The 'missing_values' argument{where} must hold text or numbers "
                             f"such as \"don't know\" or -99. Got {code!r} instead.")
    return out


def _codes_by_column(missing_values: MissingValues | None,
                     columns: Sequence[Any]) -> dict[Any, _Codes]:
    """The codes of each column that has some; checks the argument first."""
    if missing_values is None:
        return {}
    if not isinstance(missing_values, Mapping):
        every = _Codes(_code_list(missing_values, ""))
        return {c: every for c in columns} if every.texts else {}
    given = {k: _code_list(v, f" for column {k!r}" if k != "*" else " for '*'")
             for k, v in missing_values.items()}
    unknown = [c for c in given if c != "*" and c not in set(columns)]
    if unknown:
        raise InputError(f"The 'missing_values' argument names columns that are not closed "
                         f"answers here: {unknown}. Check the spelling against the file's "
                         "header, or use '*' for every column.")
    every = _Codes(given.pop("*", []))
    out = {}
    for column in columns:
        codes = _Codes(given[column]) if column in given else every
        if codes.texts:
            out[column] = codes
    return out


def _drop_codes(values: pd.Series, codes: _Codes) -> tuple[pd.Series, int]:
    """``values`` (from :func:`_answers`) with the answers that are codes made missing."""
    try:
        found = {v for v in pd.unique(values.dropna()) if codes(v)}
        hits = values.isin(found) if found else pd.Series(False, index=values.index)
    except TypeError:  # unhashable answers in a frame built in memory
        hits = values.map(codes).astype(bool)
    return values.where(~hits, None), int(hits.sum())


def _shown_answers(others: pd.Series) -> str:
    """The answers a warning may show: those given by two respondents or more, counted else.

    An answer given by one respondent only ("Kayleigh") can identify them, so it is counted,
    never shown; a code such as "don't know" is given by several. Answers are counted as codes
    are matched (any case, spaces or apostrophe) and shown as most people wrote them; at most
    five of at most 20 characters are shown.

    Examples
    --------
    >>> _shown_answers(pd.Series(["dk", "DK ", "Kayleigh", "not sure", "Not  sure", "n/a"]))
    "'dk', 'not sure' and 2 answers given once, not shown"
    """
    keys = others.astype(str).map(_code_key)
    counts = keys.value_counts(sort=False)
    spelt = others.astype(str).groupby(keys.to_numpy(), sort=False).agg(
        lambda v: v.value_counts().index[0])
    repeated = sorted((k for k in counts.index if counts[k] >= 2), key=lambda k: -counts[k])
    items = [repr(spelt[k]) for k in repeated if len(spelt[k]) <= 20][:5]
    hidden, once = len(repeated) - len(items), int((counts == 1).sum())
    if hidden:
        items.append(f"{hidden} more" if items else f"{hidden} distinct, not shown")
    if once:
        items.append(f"{once} answer{'s' if once > 1 else ''} given once, not shown")
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _answers(values: pd.Series) -> pd.Series:
    """Object copy with strings stripped and blank or missing cells as ``None``."""
    out = values.astype(object).where(values.notna(), None)
    out = out.map(lambda v: (v.strip() or None) if isinstance(v, str) else v)
    return out.where(out.notna(), None)
