"""Prevalence and one-vs-rest association tables, and pre-specified hypotheses."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._answers import answer_levels, level_labels
from .._disclosure_links import CELLS, LINKS, answer_cells, linked_levels
from ..errors import InputError
from ..schema import RESPONDENT_ID
from .indicators import (
    ALL,
    ALTERNATIVES,
    DEFAULT_EXCLUDE,
    TESTS,
    _is_numeric,
    _joined,
    _kish,
    _weights,
    bh,
    categorical_variables,
    check_alpha,
    ci_level,
    group_levels,
)

_log = logging.getLogger("carevoice.link")

__all__ = ["Hypothesis", "associations", "hypothesis_tests", "prevalence"]


# --------------------------------------------------------------------------------------------
# Prevalence
# --------------------------------------------------------------------------------------------
def _wilson(count: float, nobs: float, alpha: float) -> tuple[float, float]:
    from statsmodels.stats.proportion import proportion_confint

    if nobs <= 0:
        return (math.nan, math.nan)
    low, high = proportion_confint(count, nobs, alpha=alpha, method="wilson")
    # Rounding can leave the interval just short of the estimate at 0 of n and n of n
    # (7e-18 instead of 0); the interval always contains the share.
    share = min(max(count / nobs, 0.0), 1.0)
    return min(max(float(low), 0.0), share), max(min(float(high), 1.0), share)


def _prevalence_row(theme: str, variable: str, level: str, y: np.ndarray,
                    w: np.ndarray | None, alpha: float) -> dict[str, Any]:
    n, base = int(y.sum()), len(y)
    if w is None or base == 0:
        share = n / base if base else math.nan
        n_eff = float(base)
    else:
        total = float(w.sum())
        share = float(w[y].sum()) / total if total > 0 else math.nan
        n_eff = _kish(w)
    low, high = _wilson(share * n_eff, n_eff, alpha) if base else (math.nan, math.nan)
    return {"theme": theme, "variable": variable, "level": level, "n": n, "base": base,
            "share": share, "ci_low": low, "ci_high": high, "n_eff": n_eff}


def prevalence(indicators: pd.DataFrame, respondents: pd.DataFrame | None = None,
               by: Sequence[str] | None = None, *, weights: str | pd.Series | None = None,
               alpha: float = 0.05) -> pd.DataFrame:
    """Prevalence of each theme, overall and by subgroup, with Wilson confidence intervals.

    Parameters
    ----------
    indicators : pandas.DataFrame
        From :func:`respondent_themes`.
    respondents : pandas.DataFrame, optional
        Needed for subgroups and for weights given by column name.
    by : sequence of str, optional
        Subgroup variables. Default: every categorical column of ``respondents``; ``[]`` gives
        the overall rows only. Respondents with a missing answer are left out of that
        variable's rows.
    weights : str or pandas.Series, optional
        Survey weights: a respondents column name, or a Series indexed by ``respondent_id``.
        The share is then weighted and its interval uses Kish's effective sample size.
    alpha : float, default 0.05
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        ``theme, variable, level, n, base, share, ci_low, ci_high, ci_level, n_eff``: ``n``
        respondents of ``base`` raised the theme (unweighted counts); ``share`` and the
        interval are proportions in [0, 1]; ``ci_level`` is the interval's confidence level
        (``1 - alpha``, 0.95 by default). The overall rows have ``variable == level == "all"``.
        Its ``attrs`` record which levels nest inside a level of another variable (age bands
        inside a survey) and the combinations of answers given, so that
        :func:`carevoice.disclosure.suppress_prevalence` protects the sums across tables
        without hiding what no sum gives away; a table read back from a file has lost them.

    Examples
    --------
    >>> ind = pd.DataFrame({"money": [True, False, True, False]},
    ...                    index=pd.Index(["a", "b", "c", "d"], name="respondent_id"))
    >>> row = prevalence(ind).iloc[0]
    >>> int(row["n"]), int(row["base"]), round(float(row["ci_low"]), 3)
    (2, 4, 0.15)
    """
    check_alpha(alpha, "prevalence")
    index = indicators.index.astype(str)
    w = _weights(respondents, weights, index)
    rows = []
    labels: dict[str, np.ndarray] = {}
    for theme in indicators.columns:
        y = indicators[theme].to_numpy(dtype=bool)
        rows.append(_prevalence_row(str(theme), ALL, ALL, y, w, alpha))
    if respondents is not None:
        answers = _joined(indicators, respondents)
        variables = categorical_variables(respondents) if by is None else list(by)
        for variable in variables:
            if variable not in answers:
                raise InputError(f"The 'by' argument names {variable!r}, which is not a "
                                 f"respondents column. Columns: {list(answers.columns)}.")
            col = answers[variable]
            values = level_labels(col)
            labels[variable] = values
            for level in answer_levels(col):
                mask = values == level
                for theme in indicators.columns:
                    y = indicators[theme].to_numpy(dtype=bool)[mask]
                    rows.append(_prevalence_row(str(theme), variable, level, y,
                                                None if w is None else w[mask], alpha))
    elif by:
        raise InputError("prevalence(by=...) needs the 'respondents' argument.")
    out = pd.DataFrame(rows, columns=["theme", "variable", "level", "n", "base", "share",
                                      "ci_low", "ci_high", "n_eff"])
    out.insert(out.columns.get_loc("ci_high") + 1, "ci_level", ci_level(alpha))
    # the levels that nest (age bands inside survey), for disclosure control's linked tables
    out.attrs[LINKS] = linked_levels(labels)
    out.attrs[CELLS] = answer_cells(labels)
    return out


# --------------------------------------------------------------------------------------------
# 2x2 tables
# --------------------------------------------------------------------------------------------
def _odds_ratio(table: np.ndarray, alpha: float) -> tuple[float, float, float]:
    """Odds ratio and CI from statsmodels' Table2x2, adding 0.5 to every cell if one is zero."""
    from statsmodels.stats.contingency_tables import Table2x2

    t = np.asarray(table, dtype=float)
    if (t.sum(axis=0) == 0).any() or (t.sum(axis=1) == 0).any():
        return (math.nan, math.nan, math.nan)
    if (t == 0).any():
        t = t + 0.5  # Haldane-Anscombe correction
    tab = Table2x2(t, shift_zeros=False)
    low, high = tab.oddsratio_confint(alpha=alpha)
    return float(tab.oddsratio), float(low), float(high)


def _weighted_wald(y: np.ndarray, in_level: np.ndarray, w: np.ndarray, alpha: float,
                   alternative: str) -> tuple[float, float, float, float, str] | None:
    """Design-based odds ratio, CI and Wald p-value for a weighted one-vs-rest comparison.

    A logistic regression of the theme on the level indicator fitted by pseudo-maximum
    likelihood (statsmodels GLM, ``var_weights``) with sandwich (HC0) standard errors, as
    :func:`carevoice.link.logistic` does with weights. The odds ratio equals the weighted
    table's cross-product ratio. None when a weighted cell is empty (the estimate would be
    infinite): the caller falls back to the table-based method.
    """
    import statsmodels.api as sm
    from scipy.stats import norm

    if _two_by_two(y, in_level, w, 1.0).min() <= 0:
        return None
    keep = w > 0
    y, g, w = y[keep], in_level[keep], w[keep]
    x = np.column_stack([np.ones(len(y)), g.astype(float)])
    fit = sm.GLM(y.astype(float), x, family=sm.families.Binomial(),
                 var_weights=w).fit(cov_type="HC0")
    b, se = float(fit.params[1]), float(fit.bse[1])
    z_crit = float(norm.ppf(1 - alpha / 2))
    if alternative == "two-sided":
        p = float(fit.pvalues[1])
    else:
        z = b / se
        p = float(norm.sf(z) if alternative == "greater" else norm.cdf(z))
    return (math.exp(b), math.exp(b - z_crit * se), math.exp(b + z_crit * se), p, "wald_hc0")


def _compare(y: np.ndarray, in_level: np.ndarray, w: np.ndarray | None, table: np.ndarray,
             alpha: float, test: str, alternative: str) -> tuple[float, float, float, float, str]:
    """Odds ratio, interval, p-value and test name of one comparison (weighted or not)."""
    design = None if w is None else _weighted_wald(y, in_level, w, alpha, alternative)
    if design is not None:
        return design
    odds, low, high = _odds_ratio(table, alpha)
    p, used = _p_value(table, test, alternative, w is not None)
    return odds, low, high, p, used


def _p_value(table: np.ndarray, test: str, alternative: str,
             weighted: bool) -> tuple[float, str]:
    from scipy.stats import chi2_contingency, fisher_exact

    t = np.asarray(table, dtype=float)
    if (t.sum(axis=0) == 0).any() or (t.sum(axis=1) == 0).any():
        return math.nan, "none"
    if weighted:
        # Rao-Scott-style first-order correction: the weighted table is scaled to Kish's
        # effective sample size before Pearson's test (no continuity correction).
        if alternative != "two-sided":
            from scipy.stats import norm

            stat, _, _, _ = chi2_contingency(t, correction=False)
            z = math.sqrt(stat)
            direction = np.sign(t[0, 0] * t[1, 1] - t[0, 1] * t[1, 0])
            z = z if direction >= 0 else -z
            p = float(norm.sf(z) if alternative == "greater" else norm.cdf(z))
            return p, "chi2_kish"
        return float(chi2_contingency(t, correction=False)[1]), "chi2_kish"
    if test == "auto":
        expected = np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()
        test = "fisher" if (expected < 5).any() else "chi2"
    if test == "chi2" and alternative == "two-sided":
        return float(chi2_contingency(t, correction=True)[1]), "chi2"
    counts = np.rint(t).astype(int)
    return float(fisher_exact(counts, alternative=alternative)[1]), "fisher"


def _cramers_v(levels_by_raised: np.ndarray) -> float:
    from scipy.stats import chi2_contingency
    from scipy.stats.contingency import association

    t = np.asarray(levels_by_raised, dtype=float)
    t = t[t.sum(axis=1) > 0]
    if t.shape[0] < 2 or (t.sum(axis=0) == 0).any():
        return math.nan
    if np.allclose(t, np.rint(t)):
        return float(association(np.rint(t).astype(int), method="cramer"))
    stat = chi2_contingency(t, correction=False)[0]  # weighted tables: same formula
    return float(math.sqrt(stat / (t.sum() * (min(t.shape) - 1))))


def _check_test(test: str, alternative: str, where: str) -> None:
    if test not in TESTS:
        raise InputError(f"The 'test' argument of {where} must be one of {list(TESTS)}. "
                         f"Got {test!r} instead.")
    if alternative not in ALTERNATIVES:
        raise InputError(f"The 'alternative' argument of {where} must be one of "
                         f"{list(ALTERNATIVES)}. Got {alternative!r} instead.")


def _two_by_two(y: np.ndarray, in_level: np.ndarray, w: np.ndarray | None,
                scale: float) -> np.ndarray:
    weight = np.ones(len(y)) if w is None else w * scale
    a = weight[in_level & y].sum()
    b = weight[in_level & ~y].sum()
    c = weight[~in_level & y].sum()
    d = weight[~in_level & ~y].sum()
    return np.array([[a, b], [c, d]], dtype=float)


_ASSOC_COLUMNS = ["theme", "variable", "level", "n_level", "raised_level", "share_level",
                  "n_rest", "raised_rest", "share_rest", "odds_ratio", "or_ci_low", "or_ci_high",
                  "ci_level", "p_value", "test", "cramers_v", "q_value", "min_cell"]


def _warn_untested(variable: Any, n_levels: int, everyone: pd.Series,
                   analysed: np.ndarray) -> None:
    """Warn that an answer column is left out of the tests for having one level or none.

    ``everyone``: the column's answers of every respondent; ``analysed``: which of them are
    the rows tested (by default those who wrote a comment). What the warning says of the
    others is true of them: a column answered only by respondents who wrote no comment is
    not one that "no respondent answered".
    """
    others = everyone[~analysed]
    n_others = int(others.notna().sum())
    if n_levels:
        why = ("every respondent analysed who answered it gave the same answer"
               if len(answer_levels(everyone)) > n_levels
               else "every respondent who answered it gave the same answer")
    elif n_others:
        why = (f"none of the respondents analysed answered it ({n_others} who did are not "
               "analysed: by default only respondents who wrote a comment are)")
    else:
        why = "no respondent answered it"
    _log.warning(
        "associations: column %r is not tested: %s, so there is nothing to compare. A "
        "tick-all-that-apply question exported one column per option (the option when "
        "ticked, blank otherwise, as SurveyMonkey writes it) reads this way: declare it "
        "(multi_select={question: [columns]}; --multi-select-columns; [input.multi_select] "
        "in a batch run) so that a blank counts as not ticked.", str(variable), why)


def associations(indicators: pd.DataFrame, respondents: pd.DataFrame,
                 variables: Sequence[str] | None = None, *, test: str = "fisher",
                 groups: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
                 exclude: Iterable[str] = DEFAULT_EXCLUDE,
                 weights: str | pd.Series | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """One-vs-rest associations between every theme and every level of categorical answers.

    For each theme, variable and level, the 2x2 table *raised the theme* x *gave this answer /
    gave another answer* gives an odds ratio with a confidence interval (statsmodels
    ``Table2x2``; 0.5 is added to every cell when one is zero) and a p-value. Cramer's V
    (scipy) measures the strength of the whole theme x variable table. q-values are
    Benjamini-Hochberg adjusted over every row of the returned table.

    Parameters
    ----------
    indicators : pandas.DataFrame
        From :func:`respondent_themes`.
    respondents : pandas.DataFrame
        Typed closed answers with ``respondent_id``.
    variables : sequence of str, optional
        The categorical variables to test. Default: every categorical column except
        ``exclude``.
    test : {"fisher", "chi2", "auto"}, default "fisher"
        Fisher's exact test, Pearson's chi-square with Yates' correction, or chi-square unless
        an expected count is below 5. Ignored with weights.
    groups : mapping, optional
        Level grouping applied first, see :func:`group_levels`.
    exclude : iterable of str, default :data:`DEFAULT_EXCLUDE`
        Columns not tested when ``variables`` is None.
    weights : str or pandas.Series, optional
        Survey weights (column name or Series by ``respondent_id``). Each comparison is then a
        design-based logistic regression of the theme on the answer (pseudo-maximum likelihood,
        sandwich HC0 standard errors; statsmodels GLM): weighted odds ratio, Wald interval and
        p-value (``test == "wald_hc0"``). When a weighted cell is empty the odds ratio comes
        from the table with 0.5 added to every cell, scaled to Kish's effective sample size,
        and the p-value from Pearson's chi-square on it (``test == "chi2_kish"``).
    alpha : float, default 0.05
        1 - confidence level of the odds-ratio intervals.

    Returns
    -------
    pandas.DataFrame
        One row per theme x variable x level: ``theme, variable, level, n_level,
        raised_level, share_level, n_rest, raised_rest, share_rest, odds_ratio, or_ci_low,
        or_ci_high, ci_level, p_value, test, cramers_v, q_value, min_cell`` (``ci_level``: the
        odds-ratio interval's confidence level, ``1 - alpha``; ``min_cell``: the smallest
        unweighted cell of the 2x2 table, for disclosure control).

    Examples
    --------
    >>> ind = pd.DataFrame({"safety": [True] * 6 + [False] * 14},
    ...                    index=pd.Index([f"r{i}" for i in range(20)], name="respondent_id"))
    >>> resp = pd.DataFrame({"respondent_id": ind.index,
    ...                      "feels_safe": ["sometimes"] * 5 + ["always"] * 15})
    >>> row = associations(ind, resp).set_index("level").loc["sometimes"]
    >>> bool(row["odds_ratio"] > 1), bool(row["p_value"] < 0.001)
    (True, True)
    """
    check_alpha(alpha, "associations")
    _check_test(test, "two-sided", "associations")
    if groups:
        respondents = group_levels(respondents, groups)
    answers = _joined(indicators, respondents)
    if variables is None:
        variables = categorical_variables(respondents, exclude=exclude)
    index = indicators.index.astype(str)
    w = _weights(respondents, weights, index)
    rows: list[dict[str, Any]] = []
    for variable in variables:
        if variable not in answers:
            raise InputError(f"The 'variables' argument names {variable!r}, which is not a "
                             f"respondents column. Columns: {list(answers.columns)}.")
        col = answers[variable]
        if _is_numeric(col):
            raise InputError(f"The variable {variable!r} is numeric; use numeric_differences "
                             "for it, or pass it as a categorical column.")
        answered = col.notna().to_numpy()
        values = level_labels(col)[answered]
        levels = answer_levels(col)
        if len(levels) < 2:
            _warn_untested(variable, len(levels), respondents[variable].reset_index(drop=True),
                           respondents[RESPONDENT_ID].astype(str).isin(set(index)).to_numpy())
        ww = None if w is None else w[answered]
        scale = 1.0 if ww is None or ww.sum() == 0 else _kish(ww) / float(ww.sum())
        for theme in indicators.columns:
            y = indicators[theme].to_numpy(dtype=bool)[answered]
            # with weights, V of the weighted table, as the shares and odds ratios are
            weight = np.ones(len(y)) if ww is None else ww
            by_level = np.array([[weight[(values == lev) & y].sum(),
                                  weight[(values == lev) & ~y].sum()]
                                 for lev in levels], dtype=float).reshape(-1, 2)
            v = _cramers_v(by_level)
            for level in levels:
                in_level = values == level
                if in_level.all():
                    continue  # a level with no rest to compare with
                counts = _two_by_two(y, in_level, None, 1.0)
                table = counts if ww is None else _two_by_two(y, in_level, ww, scale)
                odds, low, high, p, used = _compare(y, in_level, ww, table, alpha, test,
                                                    "two-sided")
                n_level = int(in_level.sum())
                n_rest = int((~in_level).sum())
                share = table[0, 0] / table[0].sum() if table[0].sum() else math.nan
                share_rest = table[1, 0] / table[1].sum() if table[1].sum() else math.nan
                rows.append({
                    "theme": str(theme), "variable": variable, "level": level,
                    "n_level": n_level, "raised_level": int(counts[0, 0]),
                    "share_level": float(share), "n_rest": n_rest,
                    "raised_rest": int(counts[1, 0]), "share_rest": float(share_rest),
                    "odds_ratio": odds, "or_ci_low": low, "or_ci_high": high,
                    "ci_level": ci_level(alpha), "p_value": p, "test": used, "cramers_v": v,
                    "min_cell": int(counts.min()),
                })
    out = pd.DataFrame(rows, columns=[c for c in _ASSOC_COLUMNS if c != "q_value"])
    out.insert(out.columns.get_loc("cramers_v") + 1, "q_value", bh(out["p_value"]))
    return out


# --------------------------------------------------------------------------------------------
# Pre-specified hypotheses
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hypothesis:
    """A pre-specified association: a theme is more (or less) common among some answers.

    Parameters
    ----------
    theme : str
        The theme id.
    variable : str
        The closed question.
    levels : tuple of str
        The answers grouped together and compared with every other answer, e.g.
        ``("no", "not_sure")``. A single string is accepted.
    alternative : {"two-sided", "greater", "less"}, default "two-sided"
        ``"greater"``: the theme is more common among ``levels``.
    label : str, default ""
        How the report words it; default ``"theme ~ variable = a + b"``.

    Examples
    --------
    >>> Hypothesis("advocacy", "knows_advocate", ("no", "not_sure")).name
    'advocacy ~ knows_advocate = no + not_sure'
    """

    theme: str
    variable: str
    levels: tuple[str, ...] | str
    alternative: str = "two-sided"
    label: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.levels, str):
            object.__setattr__(self, "levels", (self.levels,))
        object.__setattr__(self, "levels", tuple(str(v) for v in self.levels))
        if not self.levels:
            raise InputError("The 'levels' parameter of Hypothesis must name at least one level.")
        if self.alternative not in ALTERNATIVES:
            raise InputError("The 'alternative' parameter of Hypothesis must be one of "
                             f"{list(ALTERNATIVES)}. Got {self.alternative!r} instead.")

    @property
    def name(self) -> str:
        """The label, or ``"theme ~ variable = level + level"``."""
        return self.label or f"{self.theme} ~ {self.variable} = {' + '.join(self.levels)}"


def hypothesis_tests(indicators: pd.DataFrame, respondents: pd.DataFrame,
                     hypotheses: Sequence[Hypothesis], *, test: str = "fisher",
                     weights: str | pd.Series | None = None,
                     alpha: float = 0.05) -> pd.DataFrame:
    """Test pre-specified hypotheses; q-values are adjusted over these hypotheses only.

    Pre-specifying a few hypotheses (before looking at the data) is how confirmatory findings
    are reported: the false-discovery-rate adjustment then runs over that short family instead
    of the whole exploratory table of :func:`associations`.

    Parameters
    ----------
    indicators : pandas.DataFrame
        From :func:`respondent_themes`.
    respondents : pandas.DataFrame
        Typed closed answers.
    hypotheses : sequence of Hypothesis
        The family of hypotheses.
    test : {"fisher", "chi2", "auto"}, default "fisher"
        As in :func:`associations`; a one-sided alternative always uses Fisher's test.
    weights : str or pandas.Series, optional
        Survey weights, as in :func:`associations`.
    alpha : float, default 0.05
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per hypothesis: ``hypothesis, theme, variable, levels, alternative, n_level,
        raised_level, share_level, n_rest, raised_rest, share_rest, odds_ratio, or_ci_low,
        or_ci_high, ci_level, p_value, test, q_value, min_cell`` (``ci_level``: the odds-ratio
        interval's confidence level, ``1 - alpha``).

    Examples
    --------
    >>> ind = pd.DataFrame({"advocacy": [True] * 8 + [False] * 12},
    ...                    index=pd.Index([f"r{i}" for i in range(20)], name="respondent_id"))
    >>> resp = pd.DataFrame({"respondent_id": ind.index, "knows_advocate":
    ...                      ["no"] * 4 + ["not_sure"] * 3 + ["yes"] * 13})
    >>> h = Hypothesis("advocacy", "knows_advocate", ("no", "not_sure"), alternative="greater")
    >>> row = hypothesis_tests(ind, resp, [h]).iloc[0]
    >>> row["levels"], int(row["raised_level"]), int(row["n_level"]), bool(row["q_value"] < 0.01)
    ('no + not_sure', 7, 7, True)
    """
    check_alpha(alpha, "hypothesis_tests")
    _check_test(test, "two-sided", "hypothesis_tests")
    answers = _joined(indicators, respondents)
    w = _weights(respondents, weights, indicators.index.astype(str))
    rows = []
    for h in hypotheses:
        if h.theme not in indicators:
            raise InputError(f"The hypothesis {h.name!r} names the theme {h.theme!r}, which is "
                             f"not in the indicators. Themes: {list(indicators.columns)}.")
        if h.variable not in answers:
            raise InputError(f"The hypothesis {h.name!r} names the variable {h.variable!r}, "
                             "which is not a respondents column.")
        col = answers[h.variable]
        known = answer_levels(col)
        unknown = [lev for lev in h.levels if lev not in known]
        if unknown:
            raise InputError(f"The hypothesis {h.name!r} names levels {unknown} of "
                             f"{h.variable!r} that nobody gave. Levels: {known}.")
        answered = col.notna().to_numpy()
        values = level_labels(col)[answered]
        y = indicators[h.theme].to_numpy(dtype=bool)[answered]
        in_level = np.isin(values, list(h.levels))
        ww = None if w is None else w[answered]
        scale = 1.0 if ww is None or ww.sum() == 0 else _kish(ww) / float(ww.sum())
        counts = _two_by_two(y, in_level, None, 1.0)
        table = counts if ww is None else _two_by_two(y, in_level, ww, scale)
        odds, low, high, p, used = _compare(
            y, in_level, ww, table, alpha,
            "fisher" if h.alternative != "two-sided" else test, h.alternative)
        rows.append({
            "hypothesis": h.name, "theme": h.theme, "variable": h.variable,
            "levels": " + ".join(h.levels), "alternative": h.alternative,
            "n_level": int(in_level.sum()), "raised_level": int(counts[0, 0]),
            "share_level": table[0, 0] / table[0].sum() if table[0].sum() else math.nan,
            "n_rest": int((~in_level).sum()), "raised_rest": int(counts[1, 0]),
            "share_rest": table[1, 0] / table[1].sum() if table[1].sum() else math.nan,
            "odds_ratio": odds, "or_ci_low": low, "or_ci_high": high,
            "ci_level": ci_level(alpha), "p_value": p, "test": used,
            "min_cell": int(counts.min()),
        })
    cols = ["hypothesis", "theme", "variable", "levels", "alternative", "n_level",
            "raised_level", "share_level", "n_rest", "raised_rest", "share_rest", "odds_ratio",
            "or_ci_low", "or_ci_high", "ci_level", "p_value", "test", "min_cell"]
    out = pd.DataFrame(rows, columns=cols)
    out.insert(out.columns.get_loc("test") + 1, "q_value", bh(out["p_value"]))
    return out
