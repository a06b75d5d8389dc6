"""Publishable tables: linkage results formatted as text, with small cells suppressed.

Every function takes the analysis frames of :mod:`carevoice.link`, applies
:mod:`carevoice.disclosure` and returns a frame of strings ready to print: suppressed figures
hold the symbol (``[c]``). Nothing here fits a model.

This module holds the prevalence, subgroup and association tables; the hypothesis table is in
:mod:`carevoice.report.hypotheses`, the tables of differences in numeric answers and of
changes between waves in :mod:`carevoice.report.comparisons`, and the cell formatting in
:mod:`carevoice.report.cells`. All are re-exported here, where they were written first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ..disclosure import (
    DisclosureConfig,
    _marked_prevalence,
    suppress_associations,
)
from ..link import ALL
from .cells import (
    Q_ADJUSTED,
    _hidden_rows,
    _level_headers,
    _q_adjusted,
    _share,
    ci_level_of,
    ci_words,
    fmt_ci,
    fmt_count,
    fmt_mean,
    fmt_or,
    fmt_p,
    fmt_pct,
    fmt_points,
    fmt_ratio,
    fmt_signed,
    level_label,
)
from .comparisons import change_table, difference_table, fmt_difference
from .hypotheses import hypothesis_label, hypothesis_table

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
