"""The cells of the publishable tables: numbers and answers in the words a table prints.

The formatting :mod:`carevoice.report.tables` and the other table modules share (counts,
percentages, intervals, odds ratios, p values, the words for an answer), and what a formatted
table records of its hidden rows. Re-exported by :mod:`carevoice.report.tables`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ..disclosure import _word, answer_wording
from ..errors import InputError
from ..link import ALL

__all__ = [
    "Q_ADJUSTED",
    "ci_level_of",
    "ci_words",
    "fmt_ci",
    "fmt_count",
    "fmt_mean",
    "fmt_or",
    "fmt_p",
    "fmt_pct",
    "fmt_points",
    "fmt_ratio",
    "fmt_signed",
    "level_label",
]


def fmt_count(n: float) -> str:
    """Format a count of young people (or answers) with thousands separators.

    Examples
    --------
    >>> fmt_count(1720), fmt_count(84.0)
    ('1,720', '84')
    """
    return f"{int(n):,}"


def fmt_signed(x: float, decimals: int = 1) -> str:
    """Format a difference with its sign, never as "-0.0" or "+0.0".

    Examples
    --------
    >>> fmt_signed(0.24), fmt_signed(-2.31), fmt_signed(-0.04), fmt_signed(1234.5)
    ('+0.2', '-2.3', '0.0', '+1,234.5')
    """
    if x is None or math.isnan(x):
        return ""
    shown = round(float(x), decimals)
    if shown == 0:
        return f"{0:.{decimals}f}"
    return f"{shown:+,.{decimals}f}"


def fmt_mean(x: float, decimals: int = 1) -> str:
    """Format a mean (one decimal, thousands separators, never "-0.0").

    Examples
    --------
    >>> fmt_mean(4.62), fmt_mean(12500.0), fmt_mean(-0.01)
    ('4.6', '12,500.0', '0.0')
    """
    if x is None or math.isnan(x):
        return ""
    shown = round(float(x), decimals)
    return f"{0.0 if shown == 0 else shown:,.{decimals}f}"


def fmt_pct(x: float) -> str:
    """Format a proportion as a whole percentage.

    Halves round up, as the Government Statistical Service advises (1 of 8 is 13%, not the
    12% of Python's round-half-to-even), and a share that is not exactly 0 or 1 never shows
    as 0% or 100% ("<1%", ">99%").

    Examples
    --------
    >>> fmt_pct(0.3095), fmt_pct(1 / 8), fmt_pct(29 / 200)
    ('31%', '13%', '15%')
    >>> fmt_pct(0.995), fmt_pct(0.001), fmt_pct(0.0), fmt_pct(1.0)
    ('>99%', '<1%', '0%', '100%')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    value = float(x)
    # Through the shortest decimal text of the float, so that 29/200 = 0.145 counts as a half.
    whole = int((Decimal(repr(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if whole <= 0 < value:
        return "<1%"
    if whole >= 100 and value < 1:
        return ">99%"
    return f"{whole}%"


def fmt_points(x: float) -> str:
    """Format a difference of two proportions in whole percentage points, with its sign.

    Halves round away from zero, as :func:`fmt_pct` rounds them up; a difference under one
    point keeps one decimal, so that an interval ending just above zero does not read as
    touching it.

    Examples
    --------
    >>> fmt_points(0.125), fmt_points(-0.031), fmt_points(0.0015), fmt_points(0.0)
    ('+13', '-3', '+0.2', '0')
    >>> fmt_points(-0.0004), fmt_points(0.00001)
    ('-0.04', '0')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    points = Decimal(repr(float(x))) * 100
    whole = int(points.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if whole or not points:
        return f"{whole:+d}" if whole else "0"
    for step in ("0.1", "0.01"):  # never "-0.0": its sign would be unreadable
        shown = points.quantize(Decimal(step), rounding=ROUND_HALF_UP)
        if shown:
            return f"{shown:+}"
    return "0"


def fmt_ci(low: float, high: float, pct: bool = True) -> str:
    """Format a confidence interval.

    Examples
    --------
    >>> fmt_ci(0.21, 0.42)
    '21% to 42%'
    """
    if any(v is None or math.isnan(v) for v in (low, high)):
        return ""
    if pct:
        return f"{fmt_pct(low)} to {fmt_pct(high)}"
    return f"{low:.2g} to {high:.2g}" if max(abs(low), abs(high)) < 10 else \
        f"{low:.0f} to {high:.0f}"


def fmt_ratio(x: float) -> str:
    """Format a ratio for readers: two significant figures below 10 (trailing zeros kept, so
    that "3.0" shows its precision), whole numbers with thousands separators from 10, and
    "<0.001" for a positive value below 0.001. Tables for analysts keep full precision.

    Examples
    --------
    >>> fmt_ratio(0.0277), fmt_ratio(0.4502), fmt_ratio(3.0), fmt_ratio(9.96)
    ('0.028', '0.45', '3.0', '10')
    >>> fmt_ratio(33.4), fmt_ratio(81589.0), fmt_ratio(0.00001), fmt_ratio(0.0)
    ('33', '81,589', '<0.001', '0')
    """
    if x is None or math.isnan(x):
        return ""
    value = float(x)
    if value == 0:
        return "0"
    if 0 < value < 0.001:
        return "<0.001"
    text = f"{value:#.2g}".rstrip(".")
    if "e" in text or abs(float(text)) >= 10:
        return f"{round(value):,}"
    return text


def fmt_or(odds: float, low: float, high: float) -> str:
    """Format an odds ratio with its interval, each number as :func:`fmt_ratio` writes it
    (two significant figures below 10, whole numbers from 10), so that "0.0277 (0.0017 to
    0.4502)" reads "0.028 (0.0017 to 0.45)".

    Examples
    --------
    >>> fmt_or(10.54, 3.33, 33.4)
    '11 (3.3 to 33)'
    >>> fmt_or(1.1, 0.37, 3.0), fmt_or(0.0277, 0.0017, 0.4502)
    ('1.1 (0.37 to 3.0)', '0.028 (0.0017 to 0.45)')
    >>> fmt_or(1537.2, 29.0, 81589.0)
    '1,537 (29 to 81,589)'
    """
    values = [odds, low, high]
    if any(v is None or math.isnan(v) for v in values):
        return ""
    return f"{fmt_ratio(odds)} ({fmt_ratio(low)} to {fmt_ratio(high)})"


def fmt_p(p: float) -> str:
    """Format a p- or q-value: two significant figures, "<0.001" below 0.001.

    A value just below 0.05, which two significant figures would round up to it, is written
    with the digits that keep it below (0.0499, rounded down), so that 0.05 printed is never
    a value under 0.05; above 0.05, 0.0549 is "0.055", not "0.05".

    Examples
    --------
    >>> fmt_p(0.0043), fmt_p(0.00001), fmt_p(0.2345), fmt_p(0.031), fmt_p(1.0)
    ('0.0043', '<0.001', '0.23', '0.031', '1.0')
    >>> fmt_p(0.0449), fmt_p(0.0499), fmt_p(0.05), fmt_p(0.0549), fmt_p(0.00999)
    ('0.045', '0.0499', '0.050', '0.055', '0.010')
    """
    if p is None or math.isnan(p):
        return ""
    if p < 0.001:
        return "<0.001"
    text = f"{p:#.2g}"
    if p < 0.05 <= float(text):  # 0.0495 to 0.05 would read 0.050
        return f"{math.floor(p * 10_000) / 10_000:.4f}"
    return text


def ci_level_of(frame: pd.DataFrame | None, default: float = 0.95) -> float:
    """The confidence level of a frame's intervals, from its ``ci_level`` column.

    ``default`` (0.95) for a frame without the column (one written by an earlier carevoice)
    or without a row; a frame mixing levels is refused, as one header cannot name them all.

    Examples
    --------
    >>> ci_level_of(pd.DataFrame({"ci_level": [0.9, 0.9]})), ci_level_of(pd.DataFrame())
    (0.9, 0.95)
    """
    if frame is None or "ci_level" not in getattr(frame, "columns", ()):
        return default
    levels = sorted({float(v) for v in frame["ci_level"].dropna()})
    if not levels:
        return default
    if len(levels) > 1:
        raise InputError("The table's 'ci_level' column mixes confidence levels "
                         f"({', '.join(f'{v:g}' for v in levels)}); a report gives one.")
    return levels[0]


def ci_words(level: float = 0.95) -> str:
    """A confidence level as the report's headers write it: 0.9 -> ``"90% CI"``.

    Examples
    --------
    >>> ci_words(0.95), ci_words(0.9), ci_words(0.99)
    ('95% CI', '90% CI', '99% CI')
    """
    return f"{round(float(level) * 100, 6):g}% CI"


def _level_words(level: object) -> str:
    """An answer as the attributions word it ("foster" -> "foster care", "in_care" ->
    "in care")."""
    return answer_wording(level)


def level_label(variable: str, level: str) -> str:
    """Word a variable and level for a reader, as quote attributions word the answers.

    Examples
    --------
    >>> level_label("contact_mum", "too_little")
    'contact mum: too little'
    >>> level_label("placement_type", "residential")
    'placement type: residential care'
    """
    if variable == ALL:
        return "all respondents"
    return f"{variable.replace('_', ' ')}: {_level_words(level)}"


def _level_headers(variable: str, levels: Sequence[object]) -> dict[object, str]:
    """Column headers for the levels of a subgroup table, worded as attributions word them
    ("foster care", "care leaver", "aged 11-13"); plainer wordings when two would clash."""
    for word in (lambda v: _word(variable, v), lambda v: str(v).replace("_", " "), str):
        headers = {lev: word(lev) for lev in levels}
        if len(set(headers.values())) == len(headers) and "Theme" not in headers.values():
            return headers
    return {lev: str(lev) for lev in levels}


def _answers(n: float) -> str:
    """How many answers a mean is of, in words ("97 answers"), not "n=97".

    Examples
    --------
    >>> _answers(97), _answers(1)
    ('97 answers', '1 answer')
    """
    return f"{fmt_count(n)} answer{'' if int(n) == 1 else 's'}"


def _share(row: pd.Series, n: str, base: str, share: str) -> str:
    """``"31% (26 of 84)"``: the share, count and base of one side of a comparison."""
    return f"{fmt_pct(row[share])} ({fmt_count(row[n])} of {fmt_count(row[base])})"


#: Where a formatted table records, in its ``attrs``, whether its q values were adjusted for a
#: hidden row (:func:`carevoice.disclosure.shown_q_values`): the report then says how.
Q_ADJUSTED = "carevoice_q_adjusted"


def _q_adjusted(marked: pd.DataFrame) -> bool:
    """Whether a marked table hides a tested row, so that its shown q values were adjusted as
    if the hidden p values were 1."""
    if not {"suppressed", "p_value"} <= set(marked):
        return False
    return bool((marked["suppressed"].astype(bool)
                 & pd.to_numeric(marked["p_value"], errors="coerce").notna()).any())


def _hidden_rows(marked: pd.DataFrame) -> int:
    """How many rows of a marked table are hidden, whatever their q value.

    A hidden row keeps its q over the true p values
    (:func:`carevoice.disclosure.shown_q_values` adjusts only the shown rows): counting only
    the hidden rows with ``q_value <= max_q`` would tell a reader how a small group's result
    came out. Which rows are hidden depends on the size of their groups (as the ``[c]`` marks
    of the report's tables do), never on a test's result.
    """
    return int(marked["suppressed"].astype(bool).sum())
