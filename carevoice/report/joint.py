"""Joint displays: each theme's numbers beside what young people wrote about it.

A joint display is the mixed-methods table that puts the quantitative result (how many raised
the theme, which answers go with it) next to the qualitative one (quotes). Here it is a
DataFrame per theme with four columns: ``kind`` and ``finding`` (the numbers, suppressed where
small), ``quote`` and ``attribution``. A quote is only ever put beside a finding it
illustrates: the theme's overall quotes beside how many raised it, and the quotes chosen for
one answer (:func:`carevoice.quotes.select_quotes` with ``by``) beside the finding that those
giving that answer raised the theme more often. Other findings have no quote.
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
from ..schema import COMMENT_ID, TEXT
from .tables import fmt_ci, fmt_count, fmt_mean, fmt_or, fmt_p, fmt_pct, fmt_signed, level_label

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
        return (f"Not shown {config.symbol}: how many of the {fmt_count(row['base'])} young "
                f"people who answered raised it is a number from which a count of fewer than "
                f"{config.threshold} could be worked out.")
    ci = fmt_ci(row["ci_low"], row["ci_high"])
    return (f"Raised by {fmt_pct(row['share'])} of young people who answered "
            f"({fmt_count(row['n'])} of {fmt_count(row['base'])}; 95% CI {ci}).")


def _association_finding(row: pd.Series) -> str:
    more = "More" if row["odds_ratio"] >= 1 else "Less"
    return (f"{more} often raised by those answering {level_label(row['variable'], row['level'])}"
            f": {fmt_pct(row['share_level'])} ({fmt_count(row['raised_level'])} of "
            f"{fmt_count(row['n_level'])}) vs {fmt_pct(row['share_rest'])} of the others; odds "
            f"ratio {fmt_or(row['odds_ratio'], row['or_ci_low'], row['or_ci_high'])}, "
            f"{_q(row['q_value'])}.")


def _difference_finding(row: pd.Series) -> str:
    difference = fmt_signed(row["difference"])
    # a difference that rounds to zero is neither higher nor lower as printed
    direction = "higher" if difference.startswith("+") else \
        "lower" if difference.startswith("-") else "about the same"
    return (f"{str(row['variable']).replace('_', ' ').capitalize()} {direction} among those "
            f"who raised it: mean {fmt_mean(row['mean_raised'])} vs "
            f"{fmt_mean(row['mean_not'])} (difference {difference}, 95% CI "
            f"{fmt_signed(row['ci_low'])} to {fmt_signed(row['ci_high'])}; "
            f"{_q(row['q_value'])}).")


def joint_display(result: LinkResult, quotes: pd.DataFrame, theme: str, *,
                  config: DisclosureConfig | None = None, max_q: float = 0.05,
                  max_associations: int = _MAX_ASSOCIATIONS) -> pd.DataFrame:
    """The joint display of one theme.

    Parameters
    ----------
    result : LinkResult
        From :func:`carevoice.link.link`.
    quotes : pandas.DataFrame
        From :func:`carevoice.quotes.select_quotes`. The overall quotes of ``theme`` go beside
        how many raised it; the quotes chosen for one answer (``select_quotes(..., by=...)``)
        beside the finding that those giving it raised the theme more often. A quote already
        shown in the display is not shown again.
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
        (``prevalence``, ``association``, ``difference``, ``note``), in order, each with the
        quotes that illustrate it: one row per quote, the finding repeated on each, or one row
        with an empty ``quote`` when it has none. Rows are never filled by position.
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


def _shown_associations(associations: pd.DataFrame, theme: str, max_q: float,
                       max_associations: int = _MAX_ASSOCIATIONS) -> pd.DataFrame:
    """The associations a joint display of ``theme`` lists (marked by
    :func:`carevoice.disclosure.suppress_associations`; lowest q first, none suppressed)."""
    mine = associations[(associations["theme"] == theme) & (associations["q_value"] <= max_q)]
    mine = mine.sort_values(["q_value", "p_value"], kind="stable")
    return mine[~mine["suppressed"].astype(bool)].head(max_associations)


def _quotes_of(quotes: pd.DataFrame, theme: str, variable: str, level: str) -> pd.DataFrame:
    """The quotes chosen for one theme and group (``all``/``all`` for the overall ones)."""
    if not len(quotes) or not {"theme", "variable", "level", TEXT} <= set(quotes):
        return pd.DataFrame(columns=["theme", "variable", "level", TEXT, "attribution"])
    mine = quotes[(quotes["theme"].astype(str) == theme)
                  & (quotes["variable"].astype(str) == variable)
                  & (quotes["level"].astype(str) == level)]
    return mine.sort_values("rank", kind="stable") if "rank" in mine else mine


def _display(marked: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame], quotes: pd.DataFrame,
             theme: str, config: DisclosureConfig, max_q: float,
             max_associations: int) -> pd.DataFrame:
    prev, assoc, numeric = marked
    overall = prev[(prev["theme"] == theme) & (prev["variable"] == ALL)]
    # each finding with the group its quotes come from (None: no quote illustrates it)
    findings: list[tuple[str, str, tuple[str, str] | None]] = []
    if len(overall):
        findings.append(("prevalence", _prevalence_finding(overall.iloc[0], config), (ALL, ALL)))
    mine = assoc[(assoc["theme"] == theme) & (assoc["q_value"] <= max_q)]
    shown = _shown_associations(assoc, theme, max_q, max_associations)
    # quotes from young people who gave an answer illustrate "more often", not "less often"
    findings += [("association", _association_finding(r),
                  (str(r["variable"]), str(r["level"])) if r["odds_ratio"] >= 1 else None)
                 for _, r in shown.iterrows()]
    hidden = int(mine["suppressed"].sum())
    diffs = numeric[(numeric["theme"] == theme) & (numeric["q_value"] <= max_q)
                    & ~numeric["suppressed"]]
    findings += [("difference", _difference_finding(r), None)
                 for _, r in diffs.sort_values("q_value").iterrows()]
    if hidden:
        findings.append(("note", (f"{hidden} further association(s) with q <= {max_q} involve "
                                  f"fewer than {config.threshold} young people in a cell and "
                                  f"are not shown {config.symbol}; group answers to report "
                                  "them."), None))
    rows, seen = [], set()
    for kind, finding, group in findings:
        picked = _quotes_of(quotes, theme, *group) if group is not None else pd.DataFrame()
        added = False
        for _, quote in picked.iterrows():
            key = str(quote[COMMENT_ID]) if COMMENT_ID in quote else str(quote[TEXT])
            if key in seen:
                continue
            seen.add(key)
            rows.append({"kind": kind, "finding": finding, "quote": str(quote[TEXT]),
                         "attribution": str(quote["attribution"])})
            added = True
        if not added:
            rows.append({"kind": kind, "finding": finding, "quote": "", "attribution": ""})
    return pd.DataFrame(rows, columns=list(JOINT_COLUMNS))


def _quote_groups(result: LinkResult, config: DisclosureConfig | None = None, *,
                 max_q: float = 0.05) -> list[tuple[str, str, str]]:
    """The ``(theme, variable, level)`` groups whose quotes the joint displays would show.

    One per association a joint display lists with an odds ratio of 1 or more ("more often
    raised by those answering ..."): pass them to :func:`carevoice.quotes.select_quotes`
    (``by`` the variables, ``only_levels`` these) to quote young people of that group beside
    it. :func:`carevoice.report.make_report` does this unless given ``quotes_by``.

    Parameters
    ----------
    result : LinkResult
        From :func:`carevoice.link.link` (its prevalence may come marked).
    config : DisclosureConfig, optional
        Disclosure settings.
    max_q : float, default 0.05
        As for :func:`joint_displays`.

    Returns
    -------
    list of tuple
        ``(theme, variable, level)``, as strings.
    """
    config = config or DisclosureConfig()
    _, assoc, _ = _marked(result, config)
    groups = []
    for theme in dict.fromkeys(assoc["theme"].astype(str)):
        shown = _shown_associations(assoc, theme, max_q)
        groups += [(theme, str(r["variable"]), str(r["level"])) for _, r in shown.iterrows()
                   if r["odds_ratio"] >= 1]
    return groups


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
        ``theme, label, findings, quotes`` (findings and quotes joined by newlines; a finding
        with several quotes is listed once).

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
        findings = "\n".join(dict.fromkeys(f for f in frame["finding"] if f))
        quotes = "\n".join(f'"{q}" ({a})' for q, a in zip(frame["quote"], frame["attribution"],
                                                           strict=True) if q)
        rows.append({"theme": theme, "label": labels.get(theme, theme), "findings": findings,
                     "quotes": quotes})
    return pd.DataFrame(rows, columns=["theme", "label", "findings", "quotes"])
