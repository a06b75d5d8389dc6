"""Joint displays: each theme's numbers beside what young people wrote about it.

A joint display is the mixed-methods table that puts the quantitative result (how many raised
the theme, which answers go with it) next to the qualitative one (quotes). Here it is a
DataFrame per theme with four columns: ``kind`` and ``finding`` (the numbers, suppressed where
small), ``quote`` and ``attribution``. A quote is only ever put beside a finding it
illustrates: the theme's overall quotes beside how many raised it (never beside a count that
is not shown: how many quotes there are would tell it), and the quotes chosen for one answer
(:func:`carevoice.quotes.select_quotes` with ``by``) beside the finding that those giving that
answer raised the theme more often, pre-specified or exploratory. Other findings have no quote.
A comment is shown once in all the displays together: a comment beside two findings would let a
reader combine what both say of its author.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..disclosure import (
    DisclosureConfig,
    _marked_prevalence,
    suppress_associations,
    suppress_differences,
)
from ..errors import InputError, format_ids
from ..link import ALL, LinkResult
from ..schema import COMMENT_ID, LANGUAGE, TEXT
from .cells import (
    _level_words,
    ci_words,
    fmt_ci,
    fmt_count,
    fmt_mean,
    fmt_or,
    fmt_p,
    fmt_pct,
    fmt_signed,
    level_label,
)
from .hypotheses import _DIRECTION, observed_direction

__all__ = ["JOINT_COLUMNS", "MAX_ASSOCIATIONS", "joint_display", "joint_displays",
           "joint_summary"]

#: The columns of a joint display.
JOINT_COLUMNS: tuple[str, ...] = ("kind", "finding", "quote", "attribution")


_BCP47 = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _languages(comments: pd.DataFrame) -> dict[str, str] | None:
    """comment_id to language tag from the comments' ``language`` column (blank: the
    report's own, English), or None without the column; a tag that is not BCP 47-shaped is
    an error naming its comment_ids."""
    if LANGUAGE not in comments.columns:
        return None
    tags = comments[LANGUAGE].fillna("").astype(str).str.strip()
    bad = comments.loc[(tags != "") & ~tags.str.fullmatch(_BCP47.pattern), COMMENT_ID]
    if len(bad):
        raise InputError(
            "The 'language' column of the comments must hold BCP 47 language tags such as "
            f"'cy', 'pl' or 'pt-BR', or be blank for English. Comments {format_ids(bad)} do "
            "not.")
    return dict(zip(comments[COMMENT_ID].astype(str), tags, strict=True))


#: How many exploratory associations a joint display shows by default (lowest q first).
MAX_ASSOCIATIONS = 3

#: Marks the exploratory findings of a joint display (the pre-specified ones say so first).
_EXPLORATORY = " (exploratory)"


def _q(q: float) -> str:
    text = fmt_p(q)
    return f"q {text[0]} {text[1:]}" if text.startswith("<") else f"q = {text}"


def _ci(row: pd.Series) -> str:
    """``"95% CI"`` at the row's own confidence level (its ``ci_level``; 0.95 without)."""
    level = row.get("ci_level", 0.95)
    return ci_words(0.95 if level is None or pd.isna(level) else float(level))


def _prevalence_finding(row: pd.Series, config: DisclosureConfig) -> str:
    if row["suppressed"]:
        return (f"Not shown {config.symbol}: how many of the {fmt_count(row['base'])} young "
                f"people who answered raised it is a number from which a count of fewer than "
                f"{config.threshold} could be worked out.")
    ci = fmt_ci(row["ci_low"], row["ci_high"])
    if not row["n"]:  # "Raised by 0%" reads as a figure; none is plainer
        return (f"Raised by none of the {fmt_count(row['base'])} young people who answered "
                f"({_ci(row)} {ci}).")
    return (f"Raised by {fmt_pct(row['share'])} of young people who answered "
            f"({fmt_count(row['n'])} of {fmt_count(row['base'])}; {_ci(row)} {ci}).")


def _more_often(row: pd.Series) -> bool:
    """Whether a result says "more often": the group's share above the others' (as for a
    hypothesis; equal shares, an odds ratio of 1, are "as often")."""
    return observed_direction(row) == "more often"


def _association_finding(row: pd.Series) -> str:
    more = observed_direction(row).split()[0].capitalize()
    return (f"{more} often raised by those answering {level_label(row['variable'], row['level'])}"
            f": {fmt_pct(row['share_level'])} ({fmt_count(row['raised_level'])} of "
            f"{fmt_count(row['n_level'])}) vs {fmt_pct(row['share_rest'])} of the others; odds "
            f"ratio {fmt_or(row['odds_ratio'], row['or_ci_low'], row['or_ci_high'])}, "
            f"{_q(row['q_value'])}{_EXPLORATORY}.")


def _difference_finding(row: pd.Series) -> str:
    difference = fmt_signed(row["difference"])
    # a difference that rounds to zero is neither higher nor lower as printed
    direction = "higher" if difference.startswith("+") else \
        "lower" if difference.startswith("-") else "about the same"
    # the question as the tables name it, not a capitalised column name ("N placements")
    return (f"Answers to \u201c{str(row['variable']).replace('_', ' ')}\u201d were "
            f"{direction} among those who raised it: mean {fmt_mean(row['mean_raised'])} vs "
            f"{fmt_mean(row['mean_not'])} (difference {difference}, {_ci(row)} "
            f"{fmt_signed(row['ci_low'])} to {fmt_signed(row['ci_high'])}; "
            f"{_q(row['q_value'])}){_EXPLORATORY}.")


def _hypothesis_finding(row: pd.Series, config: DisclosureConfig) -> str:
    answers = " or ".join(_level_words(v.strip()) for v in str(row["levels"]).split(" + "))
    said = (f"Pre-specified hypothesis: raised "
            f"{_DIRECTION.get(str(row['alternative']), str(row['alternative']))} by those "
            f"answering {str(row['variable']).replace('_', ' ')}: {answers}.")
    if row["suppressed"]:
        return f"{said} Result not shown {config.symbol}: a group in it is too small."
    return (f"{said} Result: raised {observed_direction(row)} by them, "
            f"{fmt_pct(row['share_level'])} ({fmt_count(row['raised_level'])} of "
            f"{fmt_count(row['n_level'])}) vs {fmt_pct(row['share_rest'])} of the others; odds "
            f"ratio {fmt_or(row['odds_ratio'], row['or_ci_low'], row['or_ci_high'])}, "
            f"{_q(row['q_value'])} (adjusted over the pre-specified hypotheses).")


def joint_display(result: LinkResult, quotes: pd.DataFrame, theme: str, *,
                  config: DisclosureConfig | None = None, max_q: float = 0.05,
                  max_associations: int = MAX_ASSOCIATIONS) -> pd.DataFrame:
    """The joint display of one theme.

    Parameters
    ----------
    result : LinkResult
        From :func:`carevoice.link.link`.
    quotes : pandas.DataFrame
        From :func:`carevoice.quotes.select_quotes`. The overall quotes of ``theme`` go beside
        how many raised it, when that count is shown; the quotes chosen for one answer
        (``select_quotes(..., by=...)``) beside the finding that those giving it raised the
        theme more often. A quote already shown in the display is not shown again.
    theme : str
        The theme id.
    config : DisclosureConfig, optional
        Disclosure settings; suppressed associations are left out and counted in a note.
    max_q : float, default 0.05
        Associations and differences with a q-value up to this are shown.
    max_associations : int, default 3
        At most this many exploratory associations (lowest q first); a note counts the
        others, which the table of associations lists.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`JOINT_COLUMNS`: the quantitative findings in ``kind``/``finding``
        (``prevalence``, ``hypothesis``, ``association``, ``difference``, ``note``), in
        order, each with the quotes that illustrate it: one row per quote, the finding
        repeated on each, or one row with an empty ``quote`` when it has none. Rows are never
        filled by position. The pre-specified hypotheses of the theme say so; the other
        findings are marked exploratory.
    """
    config = config or DisclosureConfig()
    _check_max_associations(max_associations)
    return _display(_marked(result, config), quotes, theme, config, max_q, max_associations,
                    set())[0]


def _check_max_associations(max_associations: object) -> None:
    if isinstance(max_associations, bool) or not isinstance(max_associations, int) or \
            max_associations < 0:
        raise InputError("The 'max_associations' argument must be an int in the range "
                         f"[0, inf). Got {max_associations!r} instead.")


_Marked = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]


def _marked(result: LinkResult, config: DisclosureConfig) -> _Marked:
    """The prevalence, association, difference and hypothesis tables with their suppression
    marks.

    ``result.prevalence`` may come already marked (see :func:`make_report`): then it is used
    as it is.
    """
    prev = _marked_prevalence(result.prevalence, config)
    hypotheses = result.hypotheses
    if hypotheses is None or not len(hypotheses):
        hypotheses = pd.DataFrame(columns=["theme", "variable", "levels", "suppressed"])
    else:  # as the table of hypotheses marks them
        hypotheses = suppress_associations(hypotheses.drop(columns=["level"], errors="ignore"),
                                           prev, config)
    return (prev, suppress_associations(result.associations, prev, config),
            suppress_differences(result.numeric, prev, config), hypotheses)


def _shown_associations(associations: pd.DataFrame, theme: str, max_q: float,
                       max_associations: int = MAX_ASSOCIATIONS) -> pd.DataFrame:
    """The associations a joint display of ``theme`` lists (marked by
    :func:`carevoice.disclosure.suppress_associations`; lowest q first, none suppressed)."""
    mine = associations[(associations["theme"] == theme) & (associations["q_value"] <= max_q)]
    mine = mine.sort_values(["q_value", "p_value"], kind="stable")
    return mine[~mine["suppressed"].astype(bool)].head(max_associations)


def _illustrated(row: pd.Series, max_q: float) -> bool:
    """Whether quotes of the young people in a hypothesis' group go beside it: a result
    shown, in the direction "more often", with q up to ``max_q``."""
    return (not row["suppressed"]) and _more_often(row) and row["q_value"] <= max_q


def _quotes_of(quotes: pd.DataFrame, theme: str, variable: str, level: str) -> pd.DataFrame:
    """The quotes chosen for one theme and group (``all``/``all`` for the overall ones)."""
    if not len(quotes) or not {"theme", "variable", "level", TEXT} <= set(quotes):
        return pd.DataFrame(columns=["theme", "variable", "level", TEXT, "attribution"])
    mine = quotes[(quotes["theme"].astype(str) == theme)
                  & (quotes["variable"].astype(str) == variable)
                  & (quotes["level"].astype(str) == level)]
    return mine.sort_values("rank", kind="stable") if "rank" in mine else mine


def _display(marked: _Marked, quotes: pd.DataFrame, theme: str, config: DisclosureConfig,
             max_q: float, max_associations: int,
             seen: set[str]) -> tuple[pd.DataFrame, list[Any]]:
    """One theme's display and the index labels of the quotes it shows; ``seen`` holds the
    comments (and texts) already shown in the report, and gets this display's added."""
    prev, assoc, numeric, hyp = marked
    overall = prev[(prev["theme"] == theme) & (prev["variable"] == ALL)]
    # each finding with the group its quotes come from (None: no quote illustrates it)
    findings: list[tuple[str, str, tuple[str, str] | None]] = []
    if len(overall):
        row = overall.iloc[0]
        # quotes beside a count not shown would tell it (one quote: one young person)
        findings.append(("prevalence", _prevalence_finding(row, config),
                         None if row["suppressed"] else (ALL, ALL)))
    for _, r in hyp[hyp["theme"].astype(str) == theme].iterrows():
        findings.append(("hypothesis", _hypothesis_finding(r, config),
                         (str(r["variable"]), str(r["levels"])) if _illustrated(r, max_q)
                         else None))
    mine = assoc[(assoc["theme"] == theme) & (assoc["q_value"] <= max_q)]
    shown = _shown_associations(assoc, theme, max_q, max_associations)
    # quotes from young people who gave an answer illustrate "more often", not "less often"
    findings += [("association", _association_finding(r),
                  (str(r["variable"]), str(r["level"])) if _more_often(r) else None)
                 for _, r in shown.iterrows()]
    hidden = int(mine["suppressed"].sum())
    more = int((~mine["suppressed"].astype(bool)).sum()) - len(shown)
    diffs = numeric[(numeric["theme"] == theme) & (numeric["q_value"] <= max_q)
                    & ~numeric["suppressed"]]
    findings += [("difference", _difference_finding(r), None)
                 for _, r in diffs.sort_values("q_value").iterrows()]
    if more:
        these = ("1 further exploratory association" if more == 1 else
                 f"{more:,} further exploratory associations")
        findings.append(("note", (f"{these} with q of {max_q} or less "
                                  f"{'is' if more == 1 else 'are'} not shown here; the table of "
                                  "exploratory associations lists "
                                  f"{'it' if more == 1 else 'them'}."), None))
    if hidden:
        these = ("1 further association" if hidden == 1 else
                 f"{hidden:,} further associations")
        findings.append(("note", (f"{these} with q of {max_q} or less "
                                  f"{'is' if hidden == 1 else 'are'} not shown "
                                  f"{config.symbol}: a group in "
                                  f"{'it' if hidden == 1 else 'them'} has fewer than "
                                  f"{config.threshold} young people."), None))
    rows, used = [], []
    for kind, finding, group in findings:
        picked = _quotes_of(quotes, theme, *group) if group is not None else pd.DataFrame()
        added = False
        for index, quote in picked.iterrows():
            keys = {"text:" + " ".join(str(quote[TEXT]).casefold().split())}
            if COMMENT_ID in quote:
                keys.add(f"id:{quote[COMMENT_ID]}")
            if keys & seen:  # a comment, or the same words, shown once in the report
                continue
            seen.update(keys)
            used.append(index)
            rows.append({"kind": kind, "finding": finding, "quote": str(quote[TEXT]),
                         "attribution": str(quote["attribution"]),
                         LANGUAGE: str(quote.get(LANGUAGE, ""))})
            added = True
        if not added:
            rows.append({"kind": kind, "finding": finding, "quote": "", "attribution": "",
                         LANGUAGE: ""})
    # a quote's language only when the comments give one (a ``language`` column)
    columns = [*JOINT_COLUMNS, *([LANGUAGE] if LANGUAGE in quotes.columns else [])]
    return pd.DataFrame(rows, columns=columns), used


def _quote_groups(result: LinkResult, config: DisclosureConfig | None = None, *,
                 max_q: float = 0.05, max_associations: int = MAX_ASSOCIATIONS
                 ) -> list[tuple[str, str, str | tuple[str, ...]]]:
    """The ``(theme, variable, level)`` groups whose quotes the joint displays would show.

    One per pre-specified hypothesis whose result is shown "more often" with q up to
    ``max_q`` (its levels as a tuple), and one per exploratory association a joint display
    lists with an odds ratio of 1 or more ("more often raised by those answering ..."), in
    the order of the displays: pass them to :func:`carevoice.quotes.select_quotes` (``by``
    the variables, ``only_levels`` these) to quote young people of that group beside it.
    :func:`carevoice.report.make_report` does this.

    Parameters
    ----------
    result : LinkResult
        From :func:`carevoice.link.link` (its prevalence may come marked).
    config : DisclosureConfig, optional
        Disclosure settings.
    max_q : float, default 0.05
        As for :func:`joint_displays`.
    max_associations : int, default 3
        As for :func:`joint_displays`.

    Returns
    -------
    list of tuple
        ``(theme, variable, level)``, as strings (a tuple of strings for a group of answers).
    """
    config = config or DisclosureConfig()
    _, assoc, _, hyp = _marked(result, config)
    groups: list[tuple[str, str, str | tuple[str, ...]]] = []
    themes = dict.fromkeys([*hyp["theme"].astype(str), *assoc["theme"].astype(str)])
    for theme in themes:
        groups += [(theme, str(r["variable"]), tuple(str(r["levels"]).split(" + ")))
                   for _, r in hyp[hyp["theme"].astype(str) == theme].iterrows()
                   if _illustrated(r, max_q)]
        shown = _shown_associations(assoc, theme, max_q, max_associations)
        groups += [(theme, str(r["variable"]), str(r["level"])) for _, r in shown.iterrows()
                   if _more_often(r)]
    return groups


def _quoted_themes(result: LinkResult, config: DisclosureConfig | None = None) -> list[str]:
    """The themes whose overall quotes a joint display shows: those whose count is shown."""
    prev = _marked_prevalence(result.prevalence, config or DisclosureConfig())
    overall = prev[prev["variable"] == ALL]
    return [str(t) for t in overall.loc[~overall["suppressed"].astype(bool), "theme"]]


def joint_displays(result: LinkResult, quotes: pd.DataFrame, *,
                   config: DisclosureConfig | None = None,
                   max_q: float = 0.05,
                   max_associations: int = MAX_ASSOCIATIONS) -> dict[str, pd.DataFrame]:
    """The joint display of every theme, most prevalent first.

    A comment is shown once in all the displays together (and the same words from two young
    people once): the first display that can show it does.

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
    max_associations : int, default 3
        See :func:`joint_display`.

    Returns
    -------
    dict of str to pandas.DataFrame
        Theme id to its joint display.
    """
    return _joint(result, quotes, config=config, max_q=max_q,
                  max_associations=max_associations)[0]


def _joint(result: LinkResult, quotes: pd.DataFrame, *, config: DisclosureConfig | None,
           max_q: float, max_associations: int
           ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """:func:`joint_displays` and the rows of ``quotes`` they show, in the order shown."""
    config = config or DisclosureConfig()
    _check_max_associations(max_associations)
    marked = _marked(result, config)  # once for every theme
    overall = result.prevalence[result.prevalence["variable"] == ALL]
    order = overall.sort_values(["share", "theme"], ascending=[False, True])["theme"]
    seen: set[str] = set()
    displays, used = {}, []
    for theme in order:
        displays[str(theme)], mine = _display(marked, quotes, str(theme), config, max_q,
                                              max_associations, seen)
        used += mine
    return displays, quotes.loc[used] if len(used) else quotes.iloc[:0]


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
