"""Publishable tables: linkage results formatted as text, with small cells suppressed.

Every function takes the analysis frames of :mod:`carevoice.link`, applies
:mod:`carevoice.disclosure` and returns a frame of strings ready to print: suppressed figures
hold the symbol (``[c]``). Nothing here fits a model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ..disclosure import (
    DisclosureConfig,
    _marked_prevalence,
    _word,
    answer_wording,
    is_small,
    suppress_associations,
    suppress_changes,
    suppress_differences,
)
from ..errors import InputError
from ..link import ALL
from ..link.waves import missing_change_columns

__all__ = [
    "association_table",
    "change_table",
    "ci_level_of",
    "ci_words",
    "difference_table",
    "fmt_ci",
    "fmt_count",
    "fmt_difference",
    "fmt_mean",
    "fmt_or",
    "fmt_p",
    "fmt_pct",
    "fmt_points",
    "fmt_ratio",
    "fmt_signed",
    "hypothesis_label",
    "hypothesis_table",
    "level_label",
    "prevalence_table",
    "subgroup_table",
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


def prevalence_table(prevalence: pd.DataFrame, labels: Mapping[str, str] | None = None,
                     config: DisclosureConfig | None = None) -> pd.DataFrame:
    """The overall prevalence of each theme, suppressed and formatted.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        From :func:`carevoice.link.prevalence`, or as marked by
        :func:`carevoice.disclosure.suppress_prevalence` with the same ``config`` (then its
        marks are used as they are).
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.

    Returns
    -------
    pandas.DataFrame
        ``Theme, Raised by, Of, Share, 95% CI``, most common first.

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": ["a", "b"], "variable": "all", "level": "all",
    ...                      "n": [12, 3], "base": 40, "share": [0.3, 0.075],
    ...                      "ci_low": [0.18, 0.03], "ci_high": [0.45, 0.2]})
    >>> prevalence_table(prev)["Raised by"].tolist()
    ['12', '[c]']
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked = _marked_prevalence(prevalence, config)
    overall = marked[marked["variable"] == ALL].sort_values(["share", "theme"],
                                                             ascending=[False, True])
    ci = ci_words(ci_level_of(overall))
    rows = []
    for _, r in overall.iterrows():
        hide = bool(r["suppressed"])
        rows.append({
            "Theme": labels.get(r["theme"], r["theme"]),
            "Raised by": config.symbol if hide else fmt_count(r["n"]),
            "Of": fmt_count(r["base"]),
            "Share": config.symbol if hide else fmt_pct(r["share"]),
            ci: config.symbol if hide else fmt_ci(r["ci_low"], r["ci_high"]),
        })
    return pd.DataFrame(rows, columns=["Theme", "Raised by", "Of", "Share", ci])


def _subgroup_cell(cell: pd.Series) -> str:
    """``"31% (26 of 84; 95% CI 22% to 42%)"``: a shown cell with its interval (the interval
    left out when the frame has none)."""
    counts = f"{fmt_count(cell['n'])} of {fmt_count(cell['base'])}"
    if pd.isna(cell["share"]):  # weights that sum to 0: no weighted share, said in words
        return f"no share: weights sum to 0 ({counts})"
    ci = fmt_ci(cell["ci_low"], cell["ci_high"]) if {"ci_low", "ci_high"} <= set(
        cell.index) else ""
    if not ci:
        return f"{fmt_pct(cell['share'])} ({counts})"
    level = cell.get("ci_level", 0.95)
    level = 0.95 if level is None or pd.isna(level) else float(level)
    return f"{fmt_pct(cell['share'])} ({counts}; {level * 100:g}% CI {ci})"


def subgroup_table(prevalence: pd.DataFrame, variable: str,
                   labels: Mapping[str, str] | None = None,
                   config: DisclosureConfig | None = None) -> pd.DataFrame:
    """Prevalence of every theme by the levels of one variable:
    ``"31% (26 of 84; 95% CI 22% to 42%)"`` per cell.

    A cell the disclosure rules hide is the suppression symbol alone, its interval included
    (an interval would give its count back). A shown cell's interval is the Wilson interval of
    the share and base it shows (with weights: of the weighted share, over Kish's effective
    sample size), so it tells a reader nothing the cell does not.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        From :func:`carevoice.link.prevalence` with ``variable`` among its subgroups, or as
        marked by :func:`carevoice.disclosure.suppress_prevalence` with the same ``config``.
    variable : str
        The subgroup variable.
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.

    Returns
    -------
    pandas.DataFrame
        One row per theme plus a first ``Respondents`` row with the level sizes; one column
        per level, headed as quote attributions word it (``foster`` is "foster care",
        ``care_leaver`` "care leaver", an age group "aged 11-13").

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": "t", "variable": ["all", "v", "v", "v"],
    ...                      "level": ["all", "a", "b", "c"], "n": [22, 3, 9, 10],
    ...                      "base": [60, 20, 20, 20], "share": [0.37, 0.15, 0.45, 0.5],
    ...                      "ci_low": 0.1, "ci_high": 0.6})
    >>> subgroup_table(prev, "v").iloc[1].tolist()
    ['t', '[c]', '[c]', '50% (10 of 20; 95% CI 10% to 60%)']
    >>> placements = prev.assign(variable=["all"] + ["placement_type"] * 3,
    ...                          level=["all", "foster", "kinship", "residential"])
    >>> subgroup_table(placements, "placement_type").columns.tolist()
    ['Theme', 'foster care', 'kinship care', 'residential care']
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked = _marked_prevalence(prevalence, config)
    part = marked[marked["variable"] == variable]
    # themes in the overall table's order (most often raised first), so that a reader finds a
    # theme in the same place in every table
    overall = marked[marked["variable"] == ALL].sort_values(["share", "theme"],
                                                             ascending=[False, True])
    rank = {t: i for i, t in enumerate(dict.fromkeys(overall["theme"]))}
    part = part.assign(_rank=part["theme"].map(rank).fillna(len(rank))).sort_values(
        "_rank", kind="stable").drop(columns="_rank")
    levels = list(dict.fromkeys(marked.loc[marked["variable"] == variable, "level"]))
    sizes = part.drop_duplicates("level").set_index("level")
    headers = _level_headers(variable, levels)
    head = {"Theme": "Respondents"}
    for lev in levels:
        head[headers[lev]] = config.symbol if sizes.at[lev, "base_suppressed"] else \
            fmt_count(sizes.at[lev, "base"])
    rows = [head]
    for theme, cells in part.groupby("theme", sort=False):
        row = {"Theme": labels.get(str(theme), str(theme))}
        for _, c in cells.iterrows():
            # the base is published in the Respondents row whenever a cell is shown
            row[headers[c["level"]]] = config.symbol if c["suppressed"] else _subgroup_cell(c)
        rows.append(row)
    return pd.DataFrame(rows, columns=["Theme", *headers.values()]).fillna("")


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


def association_table(associations: pd.DataFrame, prevalence: pd.DataFrame | None = None,
                      labels: Mapping[str, str] | None = None,
                      config: DisclosureConfig | None = None, *, max_q: float = 0.05,
                      themes: Sequence[str] | None = None) -> pd.DataFrame:
    """The associations with ``q_value <= max_q``, suppressed and formatted.

    Parameters
    ----------
    associations : pandas.DataFrame
        From :func:`carevoice.link.associations`.
    prevalence : pandas.DataFrame, optional
        The prevalence of the same data, so that suppression is consistent with it (unmarked,
        or marked by :func:`carevoice.disclosure.suppress_prevalence` with the same
        ``config``).
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.
    max_q : float, default 0.05
        Show rows with a q-value at most this (1.0 shows all).
    themes : sequence of str, optional
        Only these themes.

    Returns
    -------
    pandas.DataFrame
        ``Theme, Answer, Raised (answer), Raised (others), Odds ratio (95% CI), q`` sorted by
        q. Suppressed rows are left out (never listed as findings); ``attrs["suppressed"]``
        counts them, whatever their q value (of ``themes`` only, when given).
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked_prev = _marked_prevalence(prevalence, config) if prevalence is not None else None
    marked = suppress_associations(associations, marked_prev, config)
    mine = marked if themes is None else marked[marked["theme"].isin(list(themes))]
    shown = mine[mine["q_value"] <= max_q]
    # A suppressed row is never listed as a finding (its place in a "q <= max_q" list would
    # say what its figures hide); the count is kept for a note.
    n_hidden = _hidden_rows(mine)
    shown = shown[~shown["suppressed"].astype(bool)]
    shown = shown.sort_values(["q_value", "p_value", "theme"], kind="stable")
    odds = f"Odds ratio ({ci_words(ci_level_of(associations))})"
    rows = []
    for _, r in shown.iterrows():
        hide = bool(r["suppressed"])
        s = config.symbol
        rows.append({
            "Theme": labels.get(r["theme"], r["theme"]),
            "Answer": level_label(r["variable"], r["level"]),
            "Raised (answer)": s if hide else _share(r, "raised_level", "n_level", "share_level"),
            "Raised (others)": s if hide else _share(r, "raised_rest", "n_rest", "share_rest"),
            odds: s if hide else fmt_or(r["odds_ratio"], r["or_ci_low"], r["or_ci_high"]),
            "q": s if hide else fmt_p(r["q_value"]),
        })
    out = pd.DataFrame(rows, columns=["Theme", "Answer", "Raised (answer)", "Raised (others)",
                                      odds, "q"])
    out.attrs["suppressed"] = n_hidden
    out.attrs[Q_ADJUSTED] = _q_adjusted(marked)
    return out


#: How a hypothesis' direction is worded.
_DIRECTION = {"greater": "more often", "less": "less often", "two-sided": "more or less often"}


def observed_direction(row: pd.Series) -> str:
    """How often the group raised the theme against the others, as the shares show it:
    "more often", "less often" or "as often".

    Examples
    --------
    >>> observed_direction(pd.Series({"share_level": 0.1, "share_rest": 0.3}))
    'less often'
    """
    level, rest = float(row["share_level"]), float(row["share_rest"])
    return "more often" if level > rest else "less often" if level < rest else "as often"


def hypothesis_label(theme: str, variable: str, levels: str, alternative: str) -> str:
    """A pre-specified hypothesis in words.

    Parameters
    ----------
    theme : str
        The theme's label.
    variable : str
        The question.
    levels : str
        The answers, joined by ``" + "`` as :func:`carevoice.link.hypothesis_tests` writes them.
    alternative : {"greater", "less", "two-sided"}
        The direction tested.

    Examples
    --------
    >>> hypothesis_label("Family contact", "see_family", "too_little + no_contact", "greater")
    'Family contact raised more often by those answering see family: too little or no contact'
    """
    answers = " or ".join(_level_words(v.strip()) for v in str(levels).split(" + "))
    direction = _DIRECTION.get(str(alternative), f"({alternative})")
    return (f"{theme} raised {direction} by those answering "
            f"{str(variable).replace('_', ' ')}: {answers}")


def hypothesis_table(hypotheses: pd.DataFrame, labels: Mapping[str, str] | None = None,
                     config: DisclosureConfig | None = None, *,
                     prevalence: pd.DataFrame | None = None,
                     level: float = 0.95) -> pd.DataFrame:
    """Pre-specified hypotheses, suppressed and formatted.

    Parameters
    ----------
    hypotheses : pandas.DataFrame
        From :func:`carevoice.link.hypothesis_tests`.
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.

    prevalence : pandas.DataFrame, optional
        The prevalence of the same data (unmarked, or marked by
        :func:`carevoice.disclosure.suppress_prevalence` with the same ``config``). Give it
        whenever prevalence tables are published too: a hypothesis counting a level
        suppressed there is suppressed, so that its counts cannot give the suppressed cell
        back by subtraction.
    level : float, default 0.95
        The confidence level the odds ratio's header names when ``hypotheses`` has no
        ``ci_level`` (or no row: the table is then its header alone, as the report's other
        tables are when empty).

    Returns
    -------
    pandas.DataFrame
        ``Hypothesis, Raised (answer), Raised (others), Odds ratio (95% CI), p, q``.

    Examples
    --------
    >>> list(hypothesis_table(pd.DataFrame(), level=0.9).columns)
    ['Hypothesis', 'Raised (answer)', 'Raised (others)', 'Odds ratio (90% CI)', 'p', 'q']
    """
    odds = f"Odds ratio ({ci_words(ci_level_of(hypotheses, default=level))})"
    columns = ["Hypothesis", "Raised (answer)", "Raised (others)", odds, "p", "q"]
    if not len(hypotheses):  # none written down: the header alone, as the other tables
        return pd.DataFrame(columns=columns)
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked_prev = _marked_prevalence(prevalence, config) if prevalence is not None else None
    marked = suppress_associations(hypotheses.drop(columns=["level"], errors="ignore"),
                                   marked_prev, config)
    rows = []
    for _, r in marked.iterrows():
        hide = bool(r["suppressed"])
        s = config.symbol
        label = hypothesis_label(labels.get(r["theme"], r["theme"]), r["variable"],
                                 r["levels"], r["alternative"])
        if str(r["alternative"]) == "two-sided" and not hide:
            # tested either way; the shares shown say which way it went
            label = label.replace(f" {_DIRECTION['two-sided']} ",
                                  f" {observed_direction(r)} ", 1) + " (tested both ways)"
        rows.append({
            "Hypothesis": label,
            "Raised (answer)": s if hide else _share(r, "raised_level", "n_level", "share_level"),
            "Raised (others)": s if hide else _share(r, "raised_rest", "n_rest", "share_rest"),
            odds: s if hide else fmt_or(r["odds_ratio"], r["or_ci_low"], r["or_ci_high"]),
            "p": s if hide else fmt_p(r["p_value"]),
            "q": s if hide else fmt_p(r["q_value"]),
        })
    out = pd.DataFrame(rows, columns=columns)
    out.attrs[Q_ADJUSTED] = _q_adjusted(marked)
    return out


def fmt_difference(difference: float, low: float, high: float) -> str:
    """Format a difference in means with its interval (one decimal, signed, never "-0.0").

    Examples
    --------
    >>> fmt_difference(-0.04, -0.21, 0.18)
    '0.0 (-0.2 to +0.2)'
    """
    text = fmt_signed(difference)
    if text and not any(v is None or math.isnan(v) for v in (low, high)):
        text += f" ({fmt_signed(low)} to {fmt_signed(high)})"
    return text


def difference_table(numeric: pd.DataFrame, labels: Mapping[str, str] | None = None,
                     config: DisclosureConfig | None = None, *,
                     max_q: float = 0.05,
                     prevalence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Differences in numeric answers with ``q_value <= max_q``, formatted.

    Means of groups with fewer than ``threshold`` respondents are suppressed, and so are
    rows from which a small count of those who left the question blank could be worked out
    (:func:`carevoice.disclosure.suppress_differences`; give ``prevalence`` for that).

    Parameters
    ----------
    numeric : pandas.DataFrame
        From :func:`carevoice.link.numeric_differences`.
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.
    max_q : float, default 0.05
        Show rows with a q-value at most this.
    prevalence : pandas.DataFrame, optional
        The prevalence of the same data (its overall rows; unmarked, or marked by
        :func:`carevoice.disclosure.suppress_prevalence` with the same ``config``).

    Returns
    -------
    pandas.DataFrame
        ``Theme, Answer, Mean (raised), Mean (others), Difference (95% CI), q``. Suppressed
        rows are left out; ``attrs["suppressed"]`` counts them, whatever their q value.
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked_prev = _marked_prevalence(prevalence, config) if prevalence is not None else None
    marked = suppress_differences(numeric, marked_prev, config)
    shown = marked[marked["q_value"] <= max_q].sort_values("q_value", kind="stable")
    n_hidden = _hidden_rows(marked)  # never listed as findings (see above)
    shown = shown[~shown["suppressed"].astype(bool)]
    difference = f"Difference ({ci_words(ci_level_of(numeric))})"
    rows = []
    for _, r in shown.iterrows():
        hide = bool(r["suppressed"])
        s = config.symbol
        rows.append({
            "Theme": labels.get(r["theme"], r["theme"]),
            "Answer": str(r["variable"]).replace("_", " "),
            "Mean (raised)": s if hide else
            f"{fmt_mean(r['mean_raised'])} ({_answers(r['n_raised'])})",
            "Mean (others)": s if hide else
            f"{fmt_mean(r['mean_not'])} ({_answers(r['n_not'])})",
            difference: s if hide else fmt_difference(r["difference"], r["ci_low"],
                                                      r["ci_high"]),
            "q": s if hide else fmt_p(r["q_value"]),
        })
    out = pd.DataFrame(rows, columns=["Theme", "Answer", "Mean (raised)", "Mean (others)",
                                      difference, "q"])
    out.attrs["suppressed"] = n_hidden
    out.attrs[Q_ADJUSTED] = _q_adjusted(marked)
    return out


def _share_of(row: pd.Series, side: str) -> str:
    """``"31% (26 of 84)"`` for one side of a change; empty when nobody was asked."""
    base = row[f"base_{side}"]
    if pd.isna(base) or not base:
        return ""
    return (f"{fmt_pct(float(row[f'share_{side}']))} ({fmt_count(row[f'n_{side}'])} of "
            f"{fmt_count(base)})")


def change_table(changes: pd.DataFrame, labels: Mapping[str, str] | None = None,
                 config: DisclosureConfig | None = None, *,
                 prevalence: pd.DataFrame | None = None,
                 published: pd.DataFrame | None = None,
                 earlier: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """The change in each theme between survey waves, suppressed and formatted.

    Parameters
    ----------
    changes : pandas.DataFrame
        From :func:`carevoice.link.wave_changes` (``WaveComparison.changes``), or that table
        read back from the file ``carevoice compare-waves`` wrote.
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.
    prevalence : pandas.DataFrame, optional
        Each wave's prevalence (``WaveComparison.prevalence``), so that suppression is
        consistent with it; default worked out from ``changes``
        (:func:`carevoice.disclosure.suppress_changes`).
    published : pandas.DataFrame, optional
        The prevalence table of the report that prints this table (one wave's data): the two
        are suppressed together (:func:`carevoice.disclosure.suppress_changes`).
    earlier : sequence of pandas.DataFrame, optional
        The marks of earlier reports (:attr:`carevoice.report.ReportContent.cells`): what they
        hid stays hidden.

    Returns
    -------
    pandas.DataFrame
        ``Theme, Waves, Young people, Before, After, Change in points (95% CI), q``: for each
        comparison, the rows of all young people and of those who answered both waves, theme
        by theme, then the subgroups. A suppressed row shows the symbol in every figure.

    Examples
    --------
    >>> changes = pd.DataFrame({"theme": "money", "variable": "all", "level": "all",
    ...     "wave_from": "2024", "wave_to": "2025", "analysis": "independent",
    ...     "n_from": [12], "base_from": [80], "share_from": [0.15], "n_to": [30],
    ...     "base_to": [90], "share_to": [1 / 3], "overlap": None, "both": None,
    ...     "from_only": None, "to_only": None, "neither": None, "difference": [0.1833],
    ...     "ci_low": [0.06], "ci_high": [0.3], "p_value": [0.005], "test": "fisher",
    ...     "q_value": [0.02]})
    >>> change_table(changes).iloc[0, 1:4].tolist()
    ['2024 to 2025', 'all young people', '15% (12 of 80)']
    >>> change_table(changes).iloc[0, 4:].tolist()
    ['33% (30 of 90)', '+18 (+6 to +30)', '0.020']
    """
    missing = missing_change_columns(changes.columns)  # ci_level: not in older tables
    if missing:
        raise InputError("The 'changes' argument must be a table of changes between waves "
                         f"(carevoice.link.wave_changes); it lacks the columns {missing}.")
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked = suppress_changes(changes, prevalence, config, published=published,
                              earlier=earlier).reset_index(drop=True)
    text = marked[["theme", "variable", "level", "wave_from", "wave_to", "analysis"]].astype(str)
    rank = {c: {v: i for i, v in enumerate(dict.fromkeys(text[c]))} for c in text}
    order = pd.DataFrame({
        "waves": (text["wave_from"] + "\x1f" + text["wave_to"]).map(
            {v: i for i, v in enumerate(dict.fromkeys(text["wave_from"] + "\x1f"
                                                        + text["wave_to"]))}),
        "subgroup": (text["variable"] != ALL).astype(int),
        **{c: text[c].map(rank[c]) for c in ("variable", "theme", "level", "analysis")}})
    points = f"Change in points ({ci_words(ci_level_of(changes))})"
    rows = []
    s = config.symbol
    for i in order.sort_values(list(order.columns), kind="stable").index:
        r, t = marked.loc[i], text.loc[i]
        hide = bool(r["suppressed"])
        if t["analysis"] == "paired":
            size = r["overlap"]
            who = "answered both waves" + ("" if hide or pd.isna(size) or is_small(
                [float(size)], config.threshold, config.suppress_zeros)[0] else
                f" ({fmt_count(size)})")
        else:
            who = "all young people" if t["variable"] == ALL else level_label(t["variable"],
                                                                              t["level"])
        change = fmt_points(r["difference"])
        if change:
            change += f" ({fmt_points(r['ci_low'])} to {fmt_points(r['ci_high'])})"
        rows.append({
            "Theme": labels.get(t["theme"], t["theme"]),
            "Waves": f"{t['wave_from']} to {t['wave_to']}", "Young people": who,
            "Before": s if hide else _share_of(r, "from"),
            "After": s if hide else _share_of(r, "to"),
            points: s if hide else change,
            # 0 of both groups: nothing to test, said in words rather than an empty cell
            "q": s if hide else "not tested" if pd.isna(r["q_value"]) else
            fmt_p(float(r["q_value"])),
        })
    out = pd.DataFrame(rows, columns=["Theme", "Waves", "Young people", "Before", "After",
                                      points, "q"])
    out.attrs[Q_ADJUSTED] = _q_adjusted(marked)
    return out
