"""The report's words around its figures: the reading guide and the notes under the tables.

Written here so that :mod:`carevoice.report.build` stays a readable size; every function takes
the settings the report was made with, so that what the notes say matches what was done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from ..disclosure import DisclosureConfig
from ..errors import InputError
from ..link import WaveComparison
from .tables import change_table, ci_level_of

__all__: list[str] = []


def _attribution_note(disclosure: DisclosureConfig) -> str:
    """The footnote on quote attributions; never an empty list of details."""
    order = list(disclosure.effective_drop_order)
    if not order:
        return ("Quotes are attributed to \"a young person\", without other details "
                "(no attribution column was given or found).")
    order = [c.replace("_", " ") for c in order]
    return (f"Attributions describe at least {disclosure.k} young people who raised the theme "
            "(and gave the answer a quote is shown beside); when one quote of a list needs it, "
            "every quote of that list leaves out details, in this order: "
            f"{', '.join(order)}.")


def _chance_share(max_q: float) -> str:
    """``max_q`` as a share in words: 0.05 -> "1 in 20", 0.1 -> "1 in 10", 0.03 -> "3 in 100".

    Examples
    --------
    >>> _chance_share(0.05), _chance_share(0.1), _chance_share(0.03), _chance_share(1)
    ('1 in 20', '1 in 10', '3 in 100', 'all')
    """
    if max_q >= 1:
        return "all"
    inverse = 1 / max_q
    if abs(inverse - round(inverse)) < 1e-9:
        return f"1 in {round(inverse):,}"
    return f"{max_q * 100:g} in 100"


def _pct(level: float) -> str:
    """A confidence level as a percentage: 0.9 -> ``"90%"``."""
    return f"{round(float(level) * 100, 6):g}%"


def _methods_note(min_group: int = 5, weighted: bool = False, level: float = 0.95) -> str:
    """The footnote on percentages, intervals, odds ratios and mean differences: every method
    behind a figure, named; ``level``: the intervals' confidence level."""
    pct = _pct(level)
    if weighted:
        odds = ("Odds ratios compare young people giving an answer with the others who "
                "answered the same question, from survey-weighted logistic regressions, with "
                f"{pct} Wald intervals from sandwich (robust) standard errors (from the weighted "
                "table with 0.5 added to every cell, Woolf's logit interval, when a weighted "
                "cell is empty).")
        means = "weighted means (weights rescaled to Kish's effective sample size)"
    else:
        odds = ("Odds ratios compare young people giving an answer with the others who "
                "answered the same question (0.5 added to every cell when one is zero), with "
                f"{pct} Woolf (logit) confidence intervals.")
        means = "means"
    return ("Percentages are of young people who answered at least one free-text question; "
            f"their {pct} confidence intervals are Wilson score intervals. " + odds + " For a "
            f"question answered with a number, the difference in {means} between young people "
            f"who raised a theme and the others has a {pct} confidence interval and a p value "
            "from Welch's t test (unequal variances); it is tested only when each group has at "
            f"least {min_group} answers and the answers in each group are not all the same.")


def _weights_note(name: str, unweighted_changes: bool = False) -> str:
    """The footnote of a weighted report: what the ``name`` weights apply to.

    ``unweighted_changes``: the report has a change between waves table, which
    :func:`carevoice.link.compare_waves` does not weight; the note says so rather than claim
    that every percentage is weighted.

    Examples
    --------
    >>> _weights_note("w")[:60]
    'Weighted: percentages, confidence intervals and odds ratios '
    >>> "change between waves" in _weights_note("w", unweighted_changes=True)
    True
    """
    which = ("percentages, confidence intervals and odds ratios, except those of the change "
             "between waves," if unweighted_changes else
             "percentages, confidence intervals and odds ratios")
    changes = (" The change between waves is not weighted: its percentages, intervals and "
               "tests are of young people, counted alike, so a wave's percentage there can "
               "differ from the weighted one in the tables above." if unweighted_changes else "")
    return (f"Weighted: {which} use the {name} survey weights (intervals with Kish's effective "
            "sample size); the counts beside them (\"raised by\", \"young people who "
            "answered\") are numbers of young people, unweighted, so a percentage is not their "
            "ratio." + changes)


def _test_words(test: str, weighted: bool) -> str:
    """The association test, in words."""
    if weighted:
        return ("survey-weighted logistic regressions with sandwich standard errors; Pearson's "
                "chi-square on the weighted table where a weighted cell is empty")
    return {"fisher": "Fisher's exact test", "chi2": "chi-square with Yates' correction",
            "auto": "Fisher's exact test where an expected count is under 5, otherwise "
                    "chi-square with Yates' correction"}.get(test, test)


def _untested_words(n_untested: int, one: str = "comparison",
                    many: str = "comparisons") -> str:
    """The sentence on the comparisons with no p value, which no family counts.

    Examples
    --------
    >>> _untested_words(0)
    ''
    >>> _untested_words(2)[:56]
    ' 2 comparisons were not tested and are not counted: ther'
    """
    if not n_untested:
        return ""
    what = (f"1 {one} was not tested and is" if n_untested == 1 else
            f"{n_untested:,} {many} were not tested and are")
    return (f" {what} not counted: there was nothing to compare (for example, a theme that "
            "no young person who answered the question raised, or that every one raised).")


def _association_note(n_tests: int, test: str, weighted: bool, level: float = 0.95,
                      n_untested: int = 0) -> str:
    """The note above the exploratory associations: the tests, their number and family.

    ``n_tests`` is the number of comparisons with a p value, the family Benjamini-Hochberg
    adjusts over (:func:`carevoice.link.bh`); ``n_untested`` the comparisons without one.
    """
    return ("One-vs-rest comparisons of each theme with each answer to each closed question: "
            f"{n_tests:,} tests ({_test_words(test, weighted)}), odds ratios with {_pct(level)} "
            "confidence intervals (see the notes), q-values adjusted by Benjamini-Hochberg over "
            "these tests, a family of their own (the numeric answers and the pre-specified "
            "hypotheses are adjusted separately)." + _untested_words(n_untested) +
            " Exploratory: read them as leads, and the pre-specified hypotheses as findings.")


def _hypotheses_note(n_tests: int, test: str, weighted: bool, level: float = 0.95,
                     n_untested: int = 0) -> str:
    """The note above the pre-specified hypotheses; empty when there are none.

    ``n_tests`` is the number of hypotheses with a p value (the family their q values are
    adjusted over); ``n_untested`` the hypotheses without one.
    """
    if not n_tests:
        if not n_untested:
            return ""
        return ("None of the hypotheses written down before the analysis could be tested."
                + _untested_words(n_untested, "hypothesis", "hypotheses"))
    which = ("1 hypothesis written down before the analysis, comparing" if n_tests == 1 else
             f"{n_tests:,} hypotheses written down before the analysis, each comparing")
    family = ("its q value adjusted by Benjamini-Hochberg over this hypothesis only (so equal "
              "to its p value)" if n_tests == 1 else "q-values adjusted by Benjamini-Hochberg "
              f"over these {n_tests:,} hypotheses only")
    one_sided = ("" if test == "fisher" and not weighted else
                 " (a one-sided hypothesis: the one-sided Wald test)" if weighted else
                 " (a one-sided hypothesis: Fisher's exact test)")
    return (f"{which} the young people giving the answers it names with the others who "
            f"answered the question: {_test_words(test, weighted)}{one_sided}, odds ratios "
            f"with {_pct(level)} confidence intervals (see the notes), {family}."
            + _untested_words(n_untested, "hypothesis", "hypotheses"))


def _differences_note(n_tested: int, untested: Sequence[str], level: float = 0.95) -> str:
    """The note above the numeric-answer table: the test, the family and what was not tested
    (``untested``: the ``reason`` of each comparison that was not); empty with no numeric
    answer."""
    if not n_tested and not untested:
        return ""
    reasons = "; ".join(f"{reason}: {count:,}" for reason, count in
                        sorted(Counter(untested).items()))
    untested_words = (f" {len(untested):,} comparisons were not tested ({reasons})."
                      if untested else "")
    return ("The mean answer to each question answered with a number, of the young people who "
            f"raised each theme minus that of the others: the difference, its {_pct(level)} "
            "confidence interval and p value from Welch's t test (unequal variances); "
            f"{n_tested:,} tests, q-values adjusted by Benjamini-Hochberg over these tests only, "
            f"a family separate from the associations.{untested_words}")


def _reading_guide(disclosure: DisclosureConfig, max_q: float, weighted: bool,
                   level: float = 0.95, q_adjusted: bool = False,
                   unweighted_changes: bool = False) -> list[str]:
    """The "How to read this report" notes: what each figure means, in plain words
    (``q_adjusted``: a table's q values were adjusted for a hidden row, which they say;
    ``unweighted_changes``: a weighted report's change between waves is not weighted)."""
    hidden_q = (" Where a row is hidden, the q values of the rows shown beside it are worked "
                "out as if its p value were 1, so that they say nothing about it (they can "
                "only be higher)." if q_adjusted else "")
    who = (f"Each quote's description (such as \"care leaver, aged 18-21\") fits at least "
           f"{disclosure.k} young people who raised the theme, so that it cannot point to one."
           if disclosure.attributes else "Quotes are attributed to \"a young person\" only.")
    zeros = (" (or zero)" if disclosure.suppress_zeros else "")
    shown_zeros = "" if disclosure.suppress_zeros else " Counts of 0 are shown."
    guide = [
        ("Percentages are of the young people who answered at least one free-text question: "
         "\"31% (26 of 84)\" means 26 of those 84 young people wrote about the theme."),
        (f"A {_pct(level)} confidence interval (CI), given with a percentage, an odds ratio or a "
         "difference, is the range the true value is likely to lie in; it is wide when few "
         "young people answered."),
        ("An odds ratio compares the young people who gave one answer to a question with the "
         "others who answered it (those who left it blank are not counted): above 1, they "
         "raised the theme more often; below 1, less often; 1, no difference. When one of the "
         "four counts is zero, 0.5 is added to each so that it can be worked out. For a "
         "question answered with a number, the difference is the mean answer of those who "
         "raised the theme minus that of those who did not."),
        ("A q value is a p value adjusted for the many comparisons made (the Benjamini-Hochberg "
         f"method). The report lists the results with q of {max_q} or less; of these, no more "
         f"than about {_chance_share(max_q)} is expected to be a chance finding. The exploratory "
         "results are leads to check; the hypotheses written down before the analysis "
         f"(\"pre-specified\") are the findings.{hidden_q}"),
        (f"{disclosure.symbol} marks a figure not shown to protect confidentiality: a count of "
         f"fewer than {disclosure.threshold}{zeros} young people, or a figure from which such a "
         f"count could be worked out.{shown_zeros}"),
        ("Quotes are pseudonymised: names and places in them are replaced by tags numbered "
         "within each quote, so the same tag in two quotes need not be the same person. Each "
         "quote is shown once, beside the finding it illustrates: beside how many raised a "
         "theme (when that number is shown), quotes from young people who raised it; beside "
         "an answer that went with the theme more often, quotes from young people who gave "
         f"that answer. {who}"),
    ]
    if weighted:
        guide.insert(1, "Percentages, intervals and odds ratios are weighted to the survey's "
                        "population; the counts beside them are numbers of young people."
                     + (" The change between waves is the exception: it is not weighted."
                        if unweighted_changes else ""))
    return guide


def _safeguarding_note(withheld: int, *, reviewed: bool, threshold: int = 5) -> str:
    """The notes' line on the comments withheld from quoting for safeguarding.

    The count is published only when it is ``threshold`` or more: "2 comments were withheld",
    beside a ``[c]`` against "Feeling safe", would tell readers of a small survey that one or
    two of the young people behind it disclosed harm. Below the threshold (zero included, so
    that none and a few read the same) the note says that such comments are withheld, without
    a number; the exact count is the analyst's (``analyst.json``, not for publication).

    Examples
    --------
    >>> _safeguarding_note(2, reviewed=False)[:80]
    "Safeguarding: comments flagged by carevoice's safeguarding screen are withheld f"
    >>> _safeguarding_note(12, reviewed=True)[:60]
    'Safeguarding: 12 comments named in the safeguarding flags gi'
    """
    how = ("named in the safeguarding flags given to the report" if reviewed else
           "flagged by carevoice's safeguarding screen")
    lead = ("Comments that disclose harm or risk go to the designated safeguarding lead, not "
            "into a report.")
    if withheld < threshold:
        return (f"Safeguarding: comments {how} are withheld from quoting. How many is not "
                f"published when it is fewer than {threshold}, so that it cannot point to the "
                f"young people who wrote them. {lead}")
    return (f"Safeguarding: {withheld:,} comments {how} were withheld from quoting. {lead}")


def _changes(waves: WaveComparison | pd.DataFrame | None, labels: Mapping[str, str],
             disclosure: DisclosureConfig, *, published: pd.DataFrame | None = None,
             earlier: Sequence[pd.DataFrame] = (),
             weighted: bool = False) -> tuple[pd.DataFrame, str]:
    """The formatted table of change between waves and the note on how it was made
    (``weighted``: the rest of the report is weighted, and the note says that the change
    between waves is not, since :func:`carevoice.link.compare_waves` takes no weights)."""
    if waves is None:
        return pd.DataFrame(), ""
    if isinstance(waves, WaveComparison):
        table, prevalence = waves.changes, waves.prevalence
    elif isinstance(waves, pd.DataFrame):
        table, prevalence = waves, None
    else:
        raise InputError("The 'waves' argument of make_report must be a WaveComparison or a "
                         f"table of changes. Got {type(waves).__name__} instead.")
    independent = (table[table["analysis"].astype(str) == "independent"]
                   if "analysis" in table else table)
    tests = set(independent["test"].astype(str)) if "test" in table else set()
    # the test the independent rows used, as the associations' note words it
    test = _test_words("auto" if {"chi2", "fisher"} <= tests else
                       "chi2" if "chi2" in tests else "fisher", weighted=False)
    note = ("Change in percentage points from the earlier wave to the later one, with "
            f"{_pct(ci_level_of(table))} confidence intervals. 'All young people' compares "
            "everyone who answered each "
            f"wave as two separate samples (Newcombe's interval, {test})")
    if "paired" in set(table.get("analysis", pd.Series(dtype=str)).astype(str)):
        note += ("; young people who answered both waves are in both samples, which makes "
                 "that test cautious. 'Answered both waves' follows the same young people "
                 "from one wave to the next (Newcombe's paired interval, McNemar's exact "
                 "test)")
    note += (". q-values are Benjamini-Hochberg adjusted across themes within each kind of "
             "comparison.")
    if weighted:
        note += (" Not weighted: unlike the rest of this report, these percentages, intervals "
                 "and tests count every young person alike (comparisons of waves take no "
                 "survey weights), so a wave's percentage here can differ from the weighted one "
                 "in the tables above.")
    return change_table(table, labels, disclosure, prevalence=prevalence, published=published,
                        earlier=earlier), note
