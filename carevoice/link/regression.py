"""Numeric answers and logistic regression of a theme on several answers."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError
from .indicators import (
    _is_numeric,
    _joined,
    _kish,
    _weights,
    bh,
    check_alpha,
    ci_level,
    numeric_variables,
)

__all__ = ["logistic", "numeric_differences"]


# --------------------------------------------------------------------------------------------
# Numeric answers
# --------------------------------------------------------------------------------------------
def numeric_differences(indicators: pd.DataFrame, respondents: pd.DataFrame,
                        variables: Sequence[str] | None = None, *,
                        weights: str | pd.Series | None = None,
                        alpha: float = 0.05, min_group: int = 5) -> pd.DataFrame:
    """Differences in numeric answers between respondents who raised a theme and the others.

    The difference in means (raised minus not raised) with a Welch confidence interval and
    t-test p-value (statsmodels ``CompareMeans``, unequal variances), weighted when weights are
    given (rescaled within each group to sum to its Kish effective sample size, since
    statsmodels reads weights as frequencies; so the result does not depend on the weights'
    scale); q-values are Benjamini-Hochberg adjusted over the returned table.

    No test is made (``p_value`` and the interval are NaN, ``reason`` says why) when a group
    has fewer than ``min_group`` answers, or when every answer in a group is the same: Welch's
    test needs each group's variance, and a variance of zero from two answers gave p-values
    such as 1e-12 for two young people who both answered 9. Such rows do not count in the
    Benjamini-Hochberg adjustment.

    Parameters
    ----------
    indicators : pandas.DataFrame
        From :func:`respondent_themes`.
    respondents : pandas.DataFrame
        Typed closed answers.
    variables : sequence of str, optional
        Numeric columns; default every numeric column.
    weights : str or pandas.Series, optional
        Survey weights.
    alpha : float, default 0.05
        1 - confidence level.
    min_group : int, default 5
        The fewest answers in each group for a test (at least 2); 5 is the report's default
        disclosure threshold, below which a group's figures are suppressed anyway.

    Returns
    -------
    pandas.DataFrame
        ``theme, variable, n_raised, mean_raised, n_not, mean_not, difference, ci_low,
        ci_high, ci_level, p_value, q_value, reason`` (``ci_level``: the interval's confidence
        level, ``1 - alpha``; ``reason``: why no test was made; missing when one was).

    Examples
    --------
    >>> ind = pd.DataFrame({"wellbeing": [True] * 5 + [False] * 5},
    ...                    index=pd.Index(list("abcdefghij"), name="respondent_id"))
    >>> resp = pd.DataFrame({"respondent_id": list("abcdefghij"),
    ...                      "life_satisfaction": [3, 4, 5, 4, 4, 8, 7, 9, 8, 8]})
    >>> float(numeric_differences(ind, resp)["difference"].iloc[0])
    -4.0
    """
    from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

    check_alpha(alpha, "numeric_differences")
    if isinstance(min_group, bool) or not isinstance(min_group, int) or min_group < 2:
        raise InputError("The 'min_group' argument of numeric_differences must be an int in "
                         f"the range [2, inf). Got {min_group!r} instead.")
    answers = _joined(indicators, respondents)
    if variables is None:  # every numeric answer, except the weights themselves
        variables = [v for v in numeric_variables(respondents)
                     if not (isinstance(weights, str) and v == weights)]
    w = _weights(respondents, weights, indicators.index.astype(str))
    rows = []
    for variable in variables:
        if variable not in answers or not _is_numeric(answers[variable]):
            raise InputError(f"The 'variables' argument names {variable!r}, which is not a "
                             "numeric respondents column.")
        x = pd.to_numeric(answers[variable], errors="coerce").astype(float).to_numpy()
        ok = np.isfinite(x)
        for theme in indicators.columns:
            y = indicators[theme].to_numpy(dtype=bool)
            m1, m0 = ok & y, ok & ~y
            # statsmodels treats weights as frequencies (n = their sum): survey weights are
            # rescaled within each group to sum to its Kish effective sample size.
            ww1 = None if w is None else _effective(w[m1])
            ww0 = None if w is None else _effective(w[m0])
            row: dict[str, Any] = {"theme": str(theme), "variable": variable,
                                   "n_raised": int(m1.sum()), "n_not": int(m0.sum()),
                                   "reason": None}
            if min(m1.sum(), m0.sum()) < min_group:
                row["reason"] = f"fewer than {min_group} answers in a group"
            elif w is not None and not (ww1.sum() > 1.5 and ww0.sum() > 1.5):  # type: ignore
                row["reason"] = "too little weight in a group"
            elif np.ptp(x[m1]) == 0 or np.ptp(x[m0]) == 0:
                row["reason"] = "every answer in a group is the same"
            if row["reason"] is None:
                d1, d0 = DescrStatsW(x[m1], weights=ww1), DescrStatsW(x[m0], weights=ww0)
                cm = CompareMeans(d1, d0)
                # A variable with no spread in either group has no t statistic: NaN, no warning.
                with np.errstate(divide="ignore", invalid="ignore"):
                    low, high = cm.tconfint_diff(alpha=alpha, usevar="unequal")
                    p = cm.ttest_ind(usevar="unequal")[1]
                row.update(mean_raised=float(d1.mean), mean_not=float(d0.mean),
                           difference=float(d1.mean - d0.mean), ci_low=float(low),
                           ci_high=float(high), p_value=float(p))
            else:
                row.update(mean_raised=_mean(x[m1], ww1), mean_not=_mean(x[m0], ww0),
                           difference=math.nan, ci_low=math.nan, ci_high=math.nan,
                           p_value=math.nan)
            rows.append(row)
    cols = ["theme", "variable", "n_raised", "mean_raised", "n_not", "mean_not", "difference",
            "ci_low", "ci_high", "p_value"]
    out = pd.DataFrame(rows, columns=[*cols, "reason"])
    out.insert(len(cols), "q_value", bh(out["p_value"]))
    out.insert(out.columns.get_loc("ci_high") + 1, "ci_level", ci_level(alpha))
    return out


# --------------------------------------------------------------------------------------------
# Logistic regression
# --------------------------------------------------------------------------------------------
def _mean(x: np.ndarray, w: np.ndarray | None) -> float:
    """The (weighted) mean, NaN for no values or weights summing to zero."""
    if not len(x) or (w is not None and w.sum() <= 0):
        return math.nan
    return float(np.average(x, weights=w))


def _effective(w: np.ndarray) -> np.ndarray:
    """Weights rescaled to sum to their Kish effective sample size (zeros if they sum to 0)."""
    total = float(w.sum())
    return w * (_kish(w) / total) if total > 0 else np.zeros_like(w)


def logistic(indicators: pd.DataFrame, respondents: pd.DataFrame, formula: str, *,
             theme: str | None = None, weights: str | pd.Series | None = None,
             alpha: float = 0.05) -> pd.DataFrame:
    """Logistic regression of a theme on several answers at once, from a formula.

    Fits a binomial GLM with statsmodels' formula interface. Categorical answers enter as
    treatment contrasts against their first level (use ``C(x, Treatment("level"))`` to choose
    another). With survey weights the model is fitted by pseudo-maximum likelihood
    (``var_weights``) with sandwich (HC0) standard errors.

    Parameters
    ----------
    indicators : pandas.DataFrame
        From :func:`respondent_themes`.
    respondents : pandas.DataFrame
        Typed closed answers.
    formula : str
        ``"family_contact ~ placement_type + age_group"``, or ``"~ placement_type"`` with
        ``theme`` given. Theme columns enter as 0/1.
    theme : str, optional
        The outcome when ``formula`` has no left-hand side.
    weights : str or pandas.Series, optional
        Survey weights.
    alpha : float, default 0.05
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per model term: ``term, odds_ratio, ci_low, ci_high, coef, std_err,
        p_value``. ``attrs`` holds ``formula``, ``n`` and any fitting ``warnings`` (such as
        perfect separation) as text.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> ids = [f"r{i}" for i in range(200)]
    >>> resp = pd.DataFrame({"respondent_id": ids, "x": rng.normal(size=200)})
    >>> ind = pd.DataFrame({"t": rng.random(200) < 1 / (1 + np.exp(-2 * resp["x"].to_numpy()))},
    ...                    index=pd.Index(ids, name="respondent_id"))
    >>> fit = logistic(ind, resp, "t ~ x")
    >>> bool(fit.set_index("term").loc["x", "odds_ratio"] > 3)
    True
    """
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    check_alpha(alpha, "logistic")
    if not isinstance(formula, str) or "~" not in formula:
        raise InputError("The 'formula' argument of logistic must be a string like "
                         f"'theme ~ a + b'. Got {formula!r} instead.")
    lhs, rhs = formula.split("~", 1)
    outcome = lhs.strip() or theme
    if not outcome:
        raise InputError("logistic needs an outcome: write 'theme ~ ...' or pass theme=.")
    if outcome not in indicators:
        raise InputError(f"The outcome {outcome!r} of logistic is not a theme column. "
                         f"Themes: {list(indicators.columns)}.")
    answers = _joined(indicators, respondents)
    clash = sorted(set(indicators.columns) & set(answers.columns))
    if clash:
        raise InputError(f"Theme ids {clash} are also respondents columns; rename one.")
    data = answers.copy()
    for col in indicators.columns:
        data[col] = indicators[col].to_numpy(dtype=int)
    for col in data.columns:
        if isinstance(data[col].dtype, pd.CategoricalDtype):
            data[col] = data[col].cat.remove_unused_categories()
        elif pd.api.types.is_extension_array_dtype(data[col]) and _is_numeric(data[col]):
            data[col] = data[col].astype(float)
    full = f"{outcome} ~ {rhs.strip()}"
    w = _weights(respondents, weights, indicators.index.astype(str))
    kwargs: dict[str, Any] = {}
    if w is not None:
        data["_weight"] = w
        kwargs["var_weights"] = data["_weight"]
    caught: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as records:
            warnings.simplefilter("always")
            model = smf.glm(full, data=data, family=sm.families.Binomial(), **kwargs)
            fit = model.fit(cov_type="HC0" if w is not None else "nonrobust")
            conf = np.asarray(fit.conf_int(alpha=alpha))
        caught = sorted({str(r.message).splitlines()[0] for r in records})
    except Exception as e:  # patsy / statsmodels errors: report which formula failed
        raise InputError(f"The formula {full!r} could not be fitted ({type(e).__name__}: "
                         f"{str(e).splitlines()[0] if str(e) else ''}). Check the column "
                         "names and that each covariate has at least two values.") from e
    params = np.asarray(fit.params)
    with np.errstate(over="ignore"):
        out = pd.DataFrame({
            "term": list(fit.model.exog_names),
            "odds_ratio": np.exp(params),
            "ci_low": np.exp(conf[:, 0]),
            "ci_high": np.exp(conf[:, 1]),
            "coef": params,
            "std_err": np.asarray(fit.bse),
            "p_value": np.asarray(fit.pvalues),
        })
    out.attrs.update(formula=full, n=int(fit.nobs), warnings=caught)
    return out
