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
    is_small,
    suppress_associations,
    suppress_changes,
    suppress_differences,
)
from ..errors import InputError
from ..link import ALL, CHANGE_COLUMNS

__all__ = [
    "association_table",
    "change_table",
    "difference_table",
    "fmt_ci",
    "fmt_or",
    "fmt_p",
    "fmt_pct",
    "fmt_points",
    "hypothesis_table",
    "level_label",
    "prevalence_table",
    "subgroup_table",
]


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


def fmt_or(odds: float, low: float, high: float) -> str:
    """Format an odds ratio with its interval.

    Examples
    --------
    >>> fmt_or(10.54, 3.33, 33.4)
    '10.5 (3.3 to 33.4)'
    """
    if any(v is None or math.isnan(v) for v in (odds, low, high)):
        return ""

    def one(v: float) -> str:
        return f"{v:.2f}" if v < 1 else f"{v:.1f}" if v < 100 else f"{v:.0f}"

    return f"{one(odds)} ({one(low)} to {one(high)})"


def fmt_p(p: float) -> str:
    """Format a p- or q-value.

    Examples
    --------
    >>> fmt_p(0.0043), fmt_p(0.00001), fmt_p(0.2345)
    ('0.004', '<0.001', '0.23')
    """
    if p is None or math.isnan(p):
        return ""
    if p < 0.001:
        return "<0.001"
    return f"{p:.3f}" if p < 0.01 else f"{p:.2f}"


def level_label(variable: str, level: str) -> str:
    """Word a variable and level for a reader.

    Examples
    --------
    >>> level_label("contact_mum", "too_little")
    'contact mum: too little'
    """
    if variable == ALL:
        return "all respondents"
    return f"{variable.replace('_', ' ')}: {str(level).replace('_', ' ')}"


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
    rows = []
    for _, r in overall.iterrows():
        hide = bool(r["suppressed"])
        rows.append({
            "Theme": labels.get(r["theme"], r["theme"]),
            "Raised by": config.symbol if hide else f"{int(r['n'])}",
            "Of": f"{int(r['base'])}",
            "Share": config.symbol if hide else fmt_pct(r["share"]),
            "95% CI": config.symbol if hide else fmt_ci(r["ci_low"], r["ci_high"]),
        })
    return pd.DataFrame(rows, columns=["Theme", "Raised by", "Of", "Share", "95% CI"])


def subgroup_table(prevalence: pd.DataFrame, variable: str,
                   labels: Mapping[str, str] | None = None,
                   config: DisclosureConfig | None = None) -> pd.DataFrame:
    """Prevalence of every theme by the levels of one variable: ``"31% (26)"`` per cell.

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
        per level.

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": "t", "variable": ["all", "v", "v"],
    ...                      "level": ["all", "a", "b"], "n": [12, 3, 9], "base": [40, 20, 20],
    ...                      "share": [0.3, 0.15, 0.45], "ci_low": 0.1, "ci_high": 0.5})
    >>> subgroup_table(prev, "v").iloc[1].tolist()
    ['t', '[c]', '[c]']
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked = _marked_prevalence(prevalence, config)
    part = marked[marked["variable"] == variable]
    levels = list(dict.fromkeys(part["level"]))
    sizes = part.drop_duplicates("level").set_index("level")
    head = {"Theme": "Respondents"}
    for lev in levels:
        head[lev] = config.symbol if sizes.at[lev, "base_suppressed"] else \
            str(int(sizes.at[lev, "base"]))
    rows = [head]
    for theme, cells in part.groupby("theme", sort=False):
        row = {"Theme": labels.get(str(theme), str(theme))}
        for _, c in cells.iterrows():
            row[c["level"]] = config.symbol if c["suppressed"] else \
                f"{fmt_pct(c['share'])} ({int(c['n'])})"
        rows.append(row)
    return pd.DataFrame(rows, columns=["Theme", *levels]).fillna("")


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
        counts them.
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked_prev = _marked_prevalence(prevalence, config) if prevalence is not None else None
    marked = suppress_associations(associations, marked_prev, config)
    shown = marked[marked["q_value"] <= max_q]
    if themes is not None:
        shown = shown[shown["theme"].isin(list(themes))]
    # A suppressed row is never listed as a finding (its place in a "q <= max_q" list would
    # say what its figures hide); the count is kept for a note.
    n_hidden = int(shown["suppressed"].sum())
    shown = shown[~shown["suppressed"].astype(bool)]
    shown = shown.sort_values(["q_value", "p_value", "theme"], kind="stable")
    rows = []
    for _, r in shown.iterrows():
        hide = bool(r["suppressed"])
        s = config.symbol
        rows.append({
            "Theme": labels.get(r["theme"], r["theme"]),
            "Answer": level_label(r["variable"], r["level"]),
            "Raised (answer)": s if hide else
            f"{fmt_pct(r['share_level'])} ({int(r['raised_level'])} of {int(r['n_level'])})",
            "Raised (others)": s if hide else
            f"{fmt_pct(r['share_rest'])} ({int(r['raised_rest'])} of {int(r['n_rest'])})",
            "Odds ratio (95% CI)": s if hide else fmt_or(r["odds_ratio"], r["or_ci_low"],
                                                         r["or_ci_high"]),
            "q": s if hide else fmt_p(r["q_value"]),
        })
    out = pd.DataFrame(rows, columns=["Theme", "Answer", "Raised (answer)", "Raised (others)",
                                      "Odds ratio (95% CI)", "q"])
    out.attrs["suppressed"] = n_hidden
    return out


def hypothesis_table(hypotheses: pd.DataFrame, labels: Mapping[str, str] | None = None,
                     config: DisclosureConfig | None = None, *,
                     prevalence: pd.DataFrame | None = None) -> pd.DataFrame:
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

    Returns
    -------
    pandas.DataFrame
        ``Hypothesis, Raised (answer), Raised (others), Odds ratio (95% CI), p, q``.
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked_prev = _marked_prevalence(prevalence, config) if prevalence is not None else None
    marked = suppress_associations(hypotheses.drop(columns=["level"], errors="ignore"),
                                   marked_prev, config)
    rows = []
    for _, r in marked.iterrows():
        hide = bool(r["suppressed"])
        s = config.symbol
        answer = f"{r['variable'].replace('_', ' ')}: {r['levels'].replace('_', ' ')}"
        rows.append({
            "Hypothesis": f"{labels.get(r['theme'], r['theme'])} ~ {answer}"
            + ("" if r["alternative"] == "two-sided" else f" ({r['alternative']})"),
            "Raised (answer)": s if hide else
            f"{fmt_pct(r['share_level'])} ({int(r['raised_level'])} of {int(r['n_level'])})",
            "Raised (others)": s if hide else
            f"{fmt_pct(r['share_rest'])} ({int(r['raised_rest'])} of {int(r['n_rest'])})",
            "Odds ratio (95% CI)": s if hide else fmt_or(r["odds_ratio"], r["or_ci_low"],
                                                         r["or_ci_high"]),
            "p": s if hide else fmt_p(r["p_value"]),
            "q": s if hide else fmt_p(r["q_value"]),
        })
    return pd.DataFrame(rows, columns=["Hypothesis", "Raised (answer)", "Raised (others)",
                                       "Odds ratio (95% CI)", "p", "q"])


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
        rows are left out; ``attrs["suppressed"]`` counts them.
    """
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked_prev = _marked_prevalence(prevalence, config) if prevalence is not None else None
    marked = suppress_differences(numeric, marked_prev, config)
    shown = marked[marked["q_value"] <= max_q].sort_values("q_value", kind="stable")
    n_hidden = int(shown["suppressed"].sum())  # never listed as findings (see above)
    shown = shown[~shown["suppressed"].astype(bool)]
    rows = []
    for _, r in shown.iterrows():
        hide = bool(r["suppressed"])
        s = config.symbol
        rows.append({
            "Theme": labels.get(r["theme"], r["theme"]),
            "Answer": str(r["variable"]).replace("_", " "),
            "Mean (raised)": s if hide else f"{r['mean_raised']:.1f} (n={int(r['n_raised'])})",
            "Mean (others)": s if hide else f"{r['mean_not']:.1f} (n={int(r['n_not'])})",
            "Difference (95% CI)": s if hide else
            f"{r['difference']:+.1f} ({r['ci_low']:+.1f} to {r['ci_high']:+.1f})",
            "q": s if hide else fmt_p(r["q_value"]),
        })
    out = pd.DataFrame(rows, columns=["Theme", "Answer", "Mean (raised)", "Mean (others)",
                                      "Difference (95% CI)", "q"])
    out.attrs["suppressed"] = n_hidden
    return out


def _share_of(row: pd.Series, side: str) -> str:
    """``"31% (26 of 84)"`` for one side of a change; empty when nobody was asked."""
    base = row[f"base_{side}"]
    if pd.isna(base) or not base:
        return ""
    return f"{fmt_pct(float(row[f'share_{side}']))} ({int(row[f'n_{side}'])} of {int(base)})"


def change_table(changes: pd.DataFrame, labels: Mapping[str, str] | None = None,
                 config: DisclosureConfig | None = None, *,
                 prevalence: pd.DataFrame | None = None) -> pd.DataFrame:
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
    ['33% (30 of 90)', '+18 (+6 to +30)', '0.02']
    """
    missing = [c for c in CHANGE_COLUMNS if c not in changes]
    if missing:
        raise InputError("The 'changes' argument must be a table of changes between waves "
                         f"(carevoice.link.wave_changes); it lacks the columns {missing}.")
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked = suppress_changes(changes, prevalence, config).reset_index(drop=True)
    text = marked[["theme", "variable", "level", "wave_from", "wave_to", "analysis"]].astype(str)
    rank = {c: {v: i for i, v in enumerate(dict.fromkeys(text[c]))} for c in text}
    order = pd.DataFrame({
        "waves": (text["wave_from"] + "\x1f" + text["wave_to"]).map(
            {v: i for i, v in enumerate(dict.fromkeys(text["wave_from"] + "\x1f"
                                                        + text["wave_to"]))}),
        "subgroup": (text["variable"] != ALL).astype(int),
        **{c: text[c].map(rank[c]) for c in ("variable", "theme", "level", "analysis")}})
    rows = []
    s = config.symbol
    for i in order.sort_values(list(order.columns), kind="stable").index:
        r, t = marked.loc[i], text.loc[i]
        hide = bool(r["suppressed"])
        if t["analysis"] == "paired":
            size = r["overlap"]
            who = "answered both waves" + ("" if hide or pd.isna(size) or is_small(
                [float(size)], config.threshold, config.suppress_zeros)[0] else
                f" ({int(size)})")
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
            "Change in points (95% CI)": s if hide else change,
            "q": s if hide else fmt_p(float(r["q_value"])),
        })
    return pd.DataFrame(rows, columns=["Theme", "Waves", "Young people", "Before", "After",
                                       "Change in points (95% CI)", "q"])
