"""The table of pre-specified hypotheses, suppressed and formatted.

Re-exported by :mod:`carevoice.report.tables`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..disclosure import DisclosureConfig, _marked_prevalence, suppress_associations
from .cells import (
    Q_ADJUSTED,
    _level_words,
    _q_adjusted,
    _share,
    ci_level_of,
    ci_words,
    fmt_or,
    fmt_p,
)

__all__ = ["hypothesis_label", "hypothesis_table", "observed_direction"]


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
