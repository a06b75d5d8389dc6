"""The report's words around its figures: the reading guide and the notes under the tables.

Written here so that :mod:`carevoice.report.build` stays a readable size; every function takes
the settings the report was made with, so that what the notes say matches what was done.
"""

from __future__ import annotations

from ..disclosure import DisclosureConfig

__all__: list[str] = []


def _attribution_note(disclosure: DisclosureConfig) -> str:
    """The footnote on quote attributions; never an empty list of details."""
    order = list(disclosure.effective_drop_order)
    if not order:
        return ("Quotes are attributed to \"a young person\", without other details "
                "(no attribution column was given or found).")
    order = [c.replace("_", " ") for c in order]
    return (f"Attributions describe at least {disclosure.k} young people in the survey; details "
            f"are dropped in this order when needed: {', '.join(order)}.")


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


def _methods_note() -> str:
    """The footnote on percentages, intervals and odds ratios."""
    return ("Percentages are of young people who answered at least one free-text question; 95% "
            "confidence intervals are Wilson score intervals. Odds ratios compare young people "
            "giving an answer with the others who answered the same question (0.5 added to "
            "every cell when one is zero).")


def _reading_guide(disclosure: DisclosureConfig, max_q: float, weighted: bool) -> list[str]:
    """The "How to read this report" notes: what each figure means, in plain words."""
    who = (f"Each quote's description (such as \"care leaver, aged 18-21\") fits at least "
           f"{disclosure.k} young people in the survey, so that it cannot point to one."
           if disclosure.attributes else "Quotes are attributed to \"a young person\" only.")
    zeros = (" (or zero)" if disclosure.suppress_zeros else "")
    shown_zeros = "" if disclosure.suppress_zeros else " Counts of 0 are shown."
    guide = [
        ("Percentages are of the young people who answered at least one free-text question: "
         "\"31% (26 of 84)\" means 26 of those 84 young people wrote about the theme."),
        ("A 95% confidence interval (CI), given with a percentage, an odds ratio or a "
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
         "(\"pre-specified\") are the findings."),
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
                        "population; the counts beside them are numbers of young people.")
    return guide
