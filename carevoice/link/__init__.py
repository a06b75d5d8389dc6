"""Link themes to survey answers: respondent indicators, prevalence, associations, regression.

The qualitative half of a survey (what young people wrote, coded into themes) meets the
quantitative half (their closed answers) at the respondent: a respondent *raises* a theme when
any of their comments is assigned it. From that indicator this module computes

* prevalence of each theme, overall and by subgroup, with Wilson confidence intervals
  (:func:`prevalence`);
* one-vs-rest associations between each theme and each level of each categorical answer: odds
  ratio with a confidence interval, Fisher exact or chi-square p-value, Cramer's V and
  Benjamini-Hochberg q-values over the whole table (:func:`associations`);
* pre-specified hypotheses, with levels grouped the way a report words them (:class:`Hypothesis`,
  :func:`hypothesis_tests`);
* differences in numeric answers between respondents who raised a theme and those who did not
  (:func:`numeric_differences`);
* logistic regression of a theme on several covariates from a formula (:func:`logistic`);
* the change in each theme's prevalence between survey waves, for independent samples and for
  the young people who answered both waves (:func:`compare_waves`, :func:`wave_changes`).

Every statistic comes from scipy or statsmodels (Newcombe's interval for a paired difference is
assembled from statsmodels' Wilson intervals); this module only arranges the tables. Outputs are
analysis tables for the research team: they hold small counts. Apply
:mod:`carevoice.disclosure` (the report does) before publishing anything.
"""

from .indicators import (
    ALL,
    DEFAULT_EXCLUDE,
    categorical_variables,
    group_levels,
    numeric_variables,
    respondent_themes,
)
from .linkage import LinkResult, link
from .regression import logistic, numeric_differences
from .tables import Hypothesis, associations, hypothesis_tests, prevalence
from .waves import (
    CHANGE_COLUMNS,
    WaveComparison,
    compare_waves,
    paired_difference_ci,
    wave_changes,
)

__all__ = [
    "ALL",
    "CHANGE_COLUMNS",
    "DEFAULT_EXCLUDE",
    "Hypothesis",
    "LinkResult",
    "WaveComparison",
    "associations",
    "categorical_variables",
    "compare_waves",
    "group_levels",
    "hypothesis_tests",
    "link",
    "logistic",
    "numeric_differences",
    "numeric_variables",
    "paired_difference_ci",
    "prevalence",
    "respondent_themes",
    "wave_changes",
]
