"""Joint displays: each theme's numbers beside what young people wrote about it.

A joint display is the mixed-methods table that puts the quantitative result (how many raised
the theme, which answers go with it) next to the qualitative one (quotes). Here it is a
DataFrame per theme with four columns: ``kind`` and ``finding`` (the numbers, suppressed where
small) on the left, ``quote`` and ``attribution`` on the right.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..disclosure import (
    DisclosureConfig,
    _marked_prevalence,
    suppress_associations,
    suppress_differences,
)
from ..link import ALL, LinkResult
from .tables import fmt_ci, fmt_or, fmt_p, fmt_pct, level_label

__all__ = ["JOINT_COLUMNS", "joint_display", "joint_displays", "joint_summary"]

#: The columns of a joint display.
JOINT_COLUMNS: tuple[str, ...] = ("kind", "finding", "quote", "attribution")


#: How many associations a joint display shows by default (lowest q first).
_MAX_ASSOCIATIONS = 3


def _q(q: float) -> str:
    text = fmt_p(q)
    return f"q {text[0]} {text[1:]}" if text.startswith("<") else f"q = {text}"


def _prevalence_finding(row: pd.Series, config: DisclosureConfig) -> str:
    if row["suppressed"]:
        return (f"Not shown {config.symbol}: how many of the {int(row['base'])} young people "
                f"who answered raised it is a number from which a count of fewer than "
                f"{config.threshold} could be worked out.")
    ci = fmt_ci(row["ci_low"], row["ci_high"])
    return (f"Raised by {fmt_pct(row['share'])} of young people who answered "
            f"({int(row['n'])} of {int(row['base'])}; 95% CI {ci}).")


def _association_finding(row: pd.Series) -> str:
    more = "More" if row["odds_ratio"] >= 1 else "Less"
    return (f"{more} often raised by those answering {level_label(row['variable'], row['level'])}"
            f": {fmt_pct(row['share_level'])} ({int(row['raised_level'])} of "
            f"{int(row['n_level'])}) vs {fmt_pct(row['share_rest'])} of the others; odds ratio "
            f"{fmt_or(row['odds_ratio'], row['or_ci_low'], row['or_ci_high'])}, "
            f"{_q(row['q_value'])}.")


def _difference_finding(row: pd.Series) -> str:
    direction = "higher" if row["difference"] > 0 else "lower"
    return (f"{str(row['variable']).replace('_', ' ').capitalize()} {direction} among those "
            f"who raised it: mean {row['mean_raised']:.1f} vs {row['mean_not']:.1f} "
            f"(difference {row['difference']:+.1f}, 95% CI {row['ci_low']:+.1f} to "
            f"{row['ci_high']:+.1f}; {_q(row['q_value'])}).")


def joint_display(result: LinkResult, quotes: pd.DataFrame, theme: str, *,
                  config: DisclosureConfig | None = None, max_q: float = 0.05,
                  max_associations: int = _MAX_ASSOCIATIONS) -> pd.DataFrame:
    """The joint display of one theme.

    Parameters
    ----------
    result : LinkResult
        From :func:`carevoice.link.link`.
    quotes : pandas.DataFrame
        From :func:`carevoice.quotes.select_quotes`; the overall quotes of ``theme`` are used.
    theme : str
        The theme id.
    config : DisclosureConfig, optional
        Disclosure settings; suppressed associations are left out and counted in a note.
    max_q : float, default 0.05
        Associations and differences with a q-value up to this are shown.
    max_associations : int, default 3
        At most this many associations (lowest q first).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`JOINT_COLUMNS`: the quantitative findings in ``kind``/``finding``
        (``prevalence``, ``association``, ``difference``, ``note``) and the quotes beside them,
        row by row.
    """
    config = config or DisclosureConfig()
    return _display(_marked(result, config), quotes, theme, config, max_q, max_associations)


def _marked(result: LinkResult,
            config: DisclosureConfig) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The prevalence, association and difference tables with their suppression marks.

    ``result.prevalence`` may come already marked (see :func:`make_report`): then it is used
    as it is.
    """
    prev = _marked_prevalence(result.prevalence, config)
    return (prev, suppress_associations(result.associations, prev, config),
            suppress_differences(result.numeric, prev, config))


def _display(marked: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame], quotes: pd.DataFrame,
             theme: str, config: DisclosureConfig, max_q: float,
             max_associations: int) -> pd.DataFrame:
    prev, assoc, numeric = marked
    overall = prev[(prev["theme"] == theme) & (prev["variable"] == ALL)]
    findings: list[tuple[str, str]] = []
    if len(overall):
        findings.append(("prevalence", _prevalence_finding(overall.iloc[0], config)))
    mine = assoc[(assoc["theme"] == theme) & (assoc["q_value"] <= max_q)]
    mine = mine.sort_values(["q_value", "p_value"], kind="stable")
    shown = mine[~mine["suppressed"]].head(max_associations)
    findings += [("association", _association_finding(r)) for _, r in shown.iterrows()]
    hidden = int(mine["suppressed"].sum())
    diffs = numeric[(numeric["theme"] == theme) & (numeric["q_value"] <= max_q)
                    & ~numeric["suppressed"]]
    findings += [("difference", _difference_finding(r))
                 for _, r in diffs.sort_values("q_value").iterrows()]
    if hidden:
        findings.append(("note", (f"{hidden} further association(s) with q <= {max_q} involve "
                                  f"fewer than {config.threshold} young people in a cell and "
                                  f"are not shown {config.symbol}; group answers to report "
                                  "them.")))
    mine_quotes = quotes[(quotes["theme"] == theme) & (quotes["variable"] == ALL)] \
        if len(quotes) else quotes
    mine_quotes = mine_quotes.sort_values("rank") if len(mine_quotes) else mine_quotes
    n = max(len(findings), len(mine_quotes))
    rows = []
    for i in range(n):
        kind, finding = findings[i] if i < len(findings) else ("", "")
        quote = mine_quotes.iloc[i] if i < len(mine_quotes) else None
        rows.append({"kind": kind, "finding": finding,
                     "quote": "" if quote is None else str(quote["text"]),
                     "attribution": "" if quote is None else str(quote["attribution"])})
    return pd.DataFrame(rows, columns=list(JOINT_COLUMNS))


def joint_displays(result: LinkResult, quotes: pd.DataFrame, *,
                   config: DisclosureConfig | None = None,
                   max_q: float = 0.05) -> dict[str, pd.DataFrame]:
    """The joint display of every theme, most prevalent first.

    Parameters
    ----------
    result : LinkResult
        From :func:`carevoice.link.link`.
    quotes : pandas.DataFrame
        From :func:`carevoice.quotes.select_quotes`.
    config : DisclosureConfig, optional
        Disclosure settings.
    max_q : float, default 0.05
        See :func:`joint_display`.

    Returns
    -------
    dict of str to pandas.DataFrame
        Theme id to its joint display.
    """
    config = config or DisclosureConfig()
    marked = _marked(result, config)  # once for every theme
    overall = result.prevalence[result.prevalence["variable"] == ALL]
    order = overall.sort_values(["share", "theme"], ascending=[False, True])["theme"]
    return {str(t): _display(marked, quotes, str(t), config, max_q, _MAX_ASSOCIATIONS)
            for t in order}


def joint_summary(displays: Mapping[str, pd.DataFrame],
                  labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per theme: its findings and its quotes side by side (for a one-page overview).

    Parameters
    ----------
    displays : mapping
        From :func:`joint_displays`.
    labels : mapping, optional
        Theme id to label.

    Returns
    -------
    pandas.DataFrame
        ``theme, label, findings, quotes`` (findings and quotes joined by newlines).

    Examples
    --------
    >>> d = {"money": pd.DataFrame({"kind": ["prevalence"], "finding": ["Raised by 10%."],
    ...                             "quote": ["need more money"], "attribution": ["in care"]})}
    >>> joint_summary(d)["quotes"].tolist()
    ['"need more money" (in care)']
    """
    labels = dict(labels or {})
    rows = []
    for theme, frame in displays.items():
        findings = "\n".join(f for f in frame["finding"] if f)
        quotes = "\n".join(f'"{q}" ({a})' for q, a in zip(frame["quote"], frame["attribution"],
                                                           strict=True) if q)
        rows.append({"theme": theme, "label": labels.get(theme, theme), "findings": findings,
                     "quotes": quotes})
    return pd.DataFrame(rows, columns=["theme", "label", "findings", "quotes"])
