"""Tables that compare: differences in numeric answers, and changes between survey waves.

Re-exported by :mod:`carevoice.report.tables`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from ..disclosure import (
    DisclosureConfig,
    _marked_prevalence,
    is_small,
    suppress_changes,
    suppress_differences,
)
from ..errors import InputError
from ..link import ALL
from ..link.waves import missing_change_columns
from .cells import (
    Q_ADJUSTED,
    _answers,
    _hidden_rows,
    _q_adjusted,
    ci_level_of,
    ci_words,
    fmt_count,
    fmt_mean,
    fmt_p,
    fmt_pct,
    fmt_points,
    fmt_signed,
    level_label,
)

__all__ = ["change_table", "difference_table", "fmt_difference"]


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
