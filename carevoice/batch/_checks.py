"""Small checks of batch settings that collect problems instead of raising one at a time.

Every section of :mod:`carevoice.batch.config` checks its values with these in its
``__post_init__``, so that :func:`carevoice.batch.config.load_config` can list every problem
of a settings file at once.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .._argnames import ordinal
from ..errors import Problem, ValidationError

__all__ = ["check", "is_int", "is_locale", "is_num", "levels_problems", "missing_values_ok",
           "path_or_none", "raise_problems"]


def is_int(v: Any) -> bool:
    """Whether ``v`` is an int (not a bool)."""
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v: Any) -> bool:
    """Whether ``v`` is an int or a float (not a bool)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check(problems: list[Problem], ok: bool, section: str, key: str, expected: str,
          value: Any) -> None:
    """Add a ``bad_setting`` problem naming ``[section] key`` to ``problems`` unless ``ok``.

    Examples
    --------
    >>> found = []
    >>> check(found, False, "run", "seed", "an int", "x")
    >>> found[0].message
    "[run] seed must be an int. Got 'x' instead."
    """
    if not ok:
        problems.append(Problem("bad_setting", f"[{section}] {key} must be {expected}. "
                                f"Got {value!r} instead.", column=f"{section}.{key}"))


def raise_problems(section: str, problems: list[Problem]) -> None:
    """Raise one :class:`carevoice.errors.ValidationError` listing ``problems``, if any."""
    if problems:
        raise ValidationError(f"the [{section}] settings", problems)


def path_or_none(v: Any) -> bool:
    """Whether ``v`` is None or a path (str or :class:`pathlib.Path`)."""
    return v is None or isinstance(v, (str, Path))


def is_locale(v: Any) -> bool:
    """Whether ``v`` is a Faker locale (Faker is imported only for one other than en_GB).

    Examples
    --------
    >>> is_locale("en_GB"), is_locale("en_XX"), is_locale(3)
    (True, False, False)
    """
    if not isinstance(v, str) or not v:
        return False
    if v == "en_GB":
        return True
    from faker.config import AVAILABLE_LOCALES

    return v in AVAILABLE_LOCALES


def _is_code(v: Any) -> bool:
    return isinstance(v, str) or (is_num(v) and not math.isnan(v))


def missing_values_ok(v: Any) -> bool:
    """Whether ``v`` is a tuple of codes, or of (column, tuple of codes) pairs."""
    if not isinstance(v, tuple):
        return False
    if all(isinstance(x, tuple) for x in v):
        return all(len(x) == 2 and isinstance(x[0], str) and isinstance(x[1], tuple)
                   and all(_is_code(c) for c in x[1]) for x in v)
    return all(_is_code(x) for x in v)


def levels_problems(v: Any) -> list[Problem]:
    """Problems with ``[input] levels``: a tuple of (column, tuple of levels) pairs.

    Each problem names the setting and the column, and a level by its position only.

    Examples
    --------
    >>> [p.message for p in levels_problems((("age", ("8-11", "", "8-11")),))]
    ["[input] levels gives an empty level (the 2nd of 3) for column 'age'."]
    >>> levels_problems((("age", ("8-11", "12-15")),))
    []
    """
    example = '[input.levels] then a line such as age_group = ["8-11", "12-15", "16-17"]'
    if not isinstance(v, tuple) or not all(
            isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) for x in v):
        return [Problem("bad_setting", f"[input] levels must be a table of lists, one per "
                        f"column: {example}. Got {type(v).__name__} instead.",
                        column="input.levels")]
    out = []
    for column, order in v:
        if not isinstance(order, tuple) or not all(isinstance(x, str) for x in order):
            out.append(Problem("bad_setting", f"[input] levels for column {column!r} must be "
                               "a list of its answers in order, each in quotes (text, even "
                               f"for numbers): {example}.", column="input.levels"))
            continue
        levels = [x.strip() for x in order]
        empty = [n for n, level in enumerate(levels, 1) if not level]
        seen: dict[str, int] = {}
        twice = next(((seen[k], n) for n, k in enumerate((x.casefold() for x in levels), 1)
                      if seen.setdefault(k, n) != n), None)
        what = ("no levels" if not levels else
                f"an empty level (the {ordinal(empty[0])} of {len(levels)})" if empty else
                f"the same level twice (the {ordinal(twice[0])} and {ordinal(twice[1])} of "
                f"{len(levels)}, ignoring case)" if twice else "")
        if what:
            out.append(Problem("bad_setting", f"[input] levels gives {what} for column "
                               f"{column!r}.", column="input.levels"))
    return out
