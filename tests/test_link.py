"""Linkage statistics checked against hand computations and statsmodels' / scipy's own results."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from carevoice.errors import InputError, ValidationError
from carevoice.link import (
    ALL,
    Hypothesis,
    associations,
    group_levels,
    hypothesis_tests,
    link,
    logistic,
    numeric_differences,
    prevalence,
    respondent_themes,
)


def _frames(a: int, b: int, c: int, d: int, theme: str = "safety",
            variable: str = "feels_safe", level: str = "sometimes", other: str = "always"):
    """Indicators and respondents whose one-vs-rest 2x2 table is [[a, b], [c, d]]."""
    raised = [True] * a + [False] * b + [True] * c + [False] * d
    answers = [level] * (a + b) + [other] * (c + d)
    ids = [f"r{i:03d}" for i in range(len(raised))]
    ind = pd.DataFrame({theme: raised}, index=pd.Index(ids, name="respondent_id"))
    resp = pd.DataFrame({"respondent_id": ids, variable: pd.Categorical(answers)})
    return ind, resp


@pytest.fixture(scope="module")
def demo_gold():
    from carevoice.demo import load_demo, load_demo_gold

    corpus = load_demo()
    gold = load_demo_gold()
    codes = gold.explode("themes").dropna(subset=["themes"]).rename(columns={"themes": "theme"})
    return corpus, codes[["comment_id", "theme"]].reset_index(drop=True)


@pytest.fixture(scope="module")
def demo_result(demo_gold):
    corpus, codes = demo_gold
    return link(corpus.comments, codes, corpus.respondents)


# -- indicators ------------------------------------------------------------------------------
def test_respondent_raises_theme_when_any_comment_is_assigned_it():
    comments = pd.DataFrame({"comment_id": ["c1", "c2", "c3", "c4"],
                             "respondent_id": ["r1", "r1", "r2", "r3"],
                             "text": ["a", "b", "c", None]})
    codes = pd.DataFrame({"comment_id": ["c1", "c2", "c2", "c3", "c3"],
                          "theme": ["money", "money", "safety", "safety", "no_theme"],
                          "assigned": ["false", "true", "false", "1", "true"]})
    ind = respondent_themes(comments, codes)
    assert ind.index.tolist() == ["r1", "r2"]  # r3 answered no free-text question
    assert ind.columns.tolist() == ["money", "safety"]
    assert ind.loc["r1"].tolist() == [True, False]
    assert ind.loc["r2"].tolist() == [False, True]


def test_base_all_keeps_respondents_without_comments_and_extra_themes():
    comments = pd.DataFrame({"comment_id": ["c1"], "respondent_id": ["r1"]})
    codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]})
    resp = pd.DataFrame({"respondent_id": ["r1", "r2"]})
    ind = respondent_themes(comments, codes, resp, themes=["safety", "money"], base="all")
    assert ind.index.tolist() == ["r1", "r2"]
    assert ind.columns.tolist() == ["safety", "money"]
    assert ind["money"].tolist() == [True, False]
    assert not ind["safety"].any()


def test_unknown_comment_ids_are_listed_without_text():
    comments = pd.DataFrame({"comment_id": ["c1"], "respondent_id": ["r1"],
                             "text": ["my name is Secretname"]})
    codes = pd.DataFrame({"comment_id": ["c1", "zz9"], "theme": ["money", "money"]})
    with pytest.raises(ValidationError) as info:
        respondent_themes(comments, codes)
    assert "zz9" in str(info.value) and "Secretname" not in str(info.value)


# -- prevalence ------------------------------------------------------------------------------
def test_prevalence_wilson_interval_matches_the_formula():
    ind, resp = _frames(5, 6, 2, 87)
    prev = prevalence(ind, resp)
    overall = prev[prev["variable"] == ALL].iloc[0]
    n, x, z = 100, 7, stats.norm.ppf(0.975)
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert (overall["n"], overall["base"]) == (7, 100)
    assert overall["ci_low"] == pytest.approx(centre - half)
    assert overall["ci_high"] == pytest.approx(centre + half)
    level = prev[(prev["variable"] == "feels_safe") & (prev["level"] == "sometimes")].iloc[0]
    assert (level["n"], level["base"]) == (5, 11)
    assert level["share"] == pytest.approx(5 / 11)


def test_weights_of_one_change_nothing_and_weights_move_the_share():
    ind, resp = _frames(5, 6, 2, 87)
    plain = prevalence(ind, resp, by=[])
    resp = resp.assign(w=1.0)
    same = prevalence(ind, resp, by=[], weights="w")
    assert same["share"].iloc[0] == pytest.approx(plain["share"].iloc[0])
    assert same["ci_low"].iloc[0] == pytest.approx(plain["ci_low"].iloc[0])
    heavy = resp.assign(w=np.where(ind["safety"].to_numpy(), 3.0, 1.0))
    weighted = prevalence(ind, heavy, by=[], weights="w")
    assert weighted["share"].iloc[0] == pytest.approx(21 / (21 + 93))
    assert weighted["n"].iloc[0] == 7  # counts stay unweighted (for disclosure control)
    assert weighted["n_eff"].iloc[0] < 100


def test_bad_weights_name_the_respondents():
    ind, resp = _frames(3, 3, 3, 3)
    resp = resp.assign(w=[1.0] * 11 + [-1.0])
    with pytest.raises(ValidationError, match="r011"):
        prevalence(ind, resp, weights="w")


# -- associations ----------------------------------------------------------------------------
@pytest.mark.parametrize("a,b,c,d", [(12, 8, 10, 30), (5, 6, 2, 87), (20, 15, 25, 40)])
def test_odds_ratio_and_woolf_interval_by_hand(a, b, c, d):
    ind, resp = _frames(a, b, c, d)
    row = associations(ind, resp).set_index("level").loc["sometimes"]
    odds = a * d / (b * c)
    se = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    assert row["odds_ratio"] == pytest.approx(odds)
    assert row["or_ci_low"] == pytest.approx(math.exp(math.log(odds) - 1.959964 * se), rel=1e-5)
    assert row["or_ci_high"] == pytest.approx(math.exp(math.log(odds) + 1.959964 * se),
                                              rel=1e-5)
    assert row["p_value"] == pytest.approx(stats.fisher_exact([[a, b], [c, d]])[1])
    assert (row["raised_level"], row["n_level"], row["raised_rest"], row["n_rest"]) == \
        (a, a + b, c, c + d)
    assert row["min_cell"] == min(a, b, c, d)


def test_zero_cell_gets_haldane_correction():
    ind, resp = _frames(4, 6, 0, 90)
    row = associations(ind, resp).set_index("level").loc["sometimes"]
    assert row["odds_ratio"] == pytest.approx((4.5 * 90.5) / (6.5 * 0.5))
    assert math.isfinite(row["or_ci_high"])


def test_chi2_and_cramers_v_match_scipy():
    ind, resp = _frames(12, 8, 10, 30)
    row = associations(ind, resp, test="chi2").iloc[0]
    table = np.array([[12, 8], [10, 30]])
    assert row["p_value"] == pytest.approx(stats.chi2_contingency(table, correction=True)[1])
    chi2 = stats.chi2_contingency(table, correction=False)[0]
    assert row["cramers_v"] == pytest.approx(math.sqrt(chi2 / 60))
    assert row["test"] == "chi2"


def test_q_values_are_benjamini_hochberg_over_the_whole_table():
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(1)
    ids = [f"r{i}" for i in range(120)]
    ind = pd.DataFrame({"a": rng.random(120) < 0.3, "b": rng.random(120) < 0.5},
                       index=pd.Index(ids, name="respondent_id"))
    resp = pd.DataFrame({"respondent_id": ids, "survey": "in_care",
                         "x": pd.Categorical(rng.choice(["p", "q", "r"], 120)),
                         "y": pd.Categorical(rng.choice(["s", "t"], 120))})
    table = associations(ind, resp)
    assert len(table) == 2 * (3 + 2)  # survey is a design variable: not tested by default
    assert set(table["variable"]) == {"x", "y"}
    expected = multipletests(table["p_value"], method="fdr_bh")[1]
    assert np.allclose(table["q_value"], expected)
    assert len(associations(ind, resp, exclude=())) == 2 * (3 + 2 + 0)  # one level: no test


def test_weighted_association_with_unit_weights_is_the_woolf_wald_test():
    ind, resp = _frames(12, 8, 10, 30)
    plain = associations(ind, resp).set_index("level").loc["sometimes"]
    weighted = associations(ind, resp.assign(w=1.0), weights="w").set_index("level").loc[
        "sometimes"]
    assert weighted["odds_ratio"] == pytest.approx(plain["odds_ratio"])
    assert weighted["test"] == "wald_hc0"
    # by hand: log OR and Woolf's standard error sqrt(1/a + 1/b + 1/c + 1/d)
    log_or, se = math.log(12 * 30 / (8 * 10)), math.sqrt(1 / 12 + 1 / 8 + 1 / 10 + 1 / 30)
    assert weighted["p_value"] == pytest.approx(2 * stats.norm.sf(log_or / se), rel=1e-6)
    assert weighted["or_ci_low"] == pytest.approx(math.exp(log_or - 1.959964 * se), rel=1e-5)
    assert weighted["or_ci_high"] == pytest.approx(plain["or_ci_high"], rel=1e-6)


def test_weighted_association_matches_the_linearisation_variance_by_hand():
    ind, resp = _frames(12, 8, 10, 30)
    w = np.resize([0.5, 1.0, 2.0, 3.0], len(resp))
    row = associations(ind, resp.assign(w=w), weights="w").set_index("level").loc["sometimes"]
    y = ind["safety"].to_numpy()
    g = (resp["feels_safe"] == "sometimes").to_numpy()

    def logit_var(mask):  # sandwich variance of a weighted group log-odds
        p = (w[mask] * y[mask]).sum() / w[mask].sum()
        return (w[mask] ** 2 * (y[mask] - p) ** 2).sum() / (w[mask].sum() * p * (1 - p)) ** 2

    a, b = (w[g & y]).sum(), (w[g & ~y]).sum()
    c, d = (w[~g & y]).sum(), (w[~g & ~y]).sum()
    log_or = math.log(a * d / (b * c))
    se = math.sqrt(logit_var(g) + logit_var(~g))
    assert row["odds_ratio"] == pytest.approx(math.exp(log_or), rel=1e-6)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(abs(log_or) / se), rel=1e-5)
    assert row["or_ci_high"] == pytest.approx(math.exp(log_or + 1.959964 * se), rel=1e-5)
    assert row["raised_level"] == 12  # counts stay unweighted


def test_weighted_association_with_an_empty_cell_falls_back_to_the_table():
    ind, resp = _frames(0, 8, 10, 30)
    row = associations(ind, resp.assign(w=2.0), weights="w").set_index("level").loc[
        "sometimes"]
    assert row["test"] == "chi2_kish"
    assert row["odds_ratio"] == pytest.approx((0.5 * 30.5) / (8.5 * 10.5))


# -- grouping and hypotheses -----------------------------------------------------------------
def test_group_levels_merges_and_keeps_order():
    resp = pd.DataFrame({"respondent_id": list("abcd"), "knows_advocate": pd.Categorical(
        ["yes", "no", "not_sure", "no"], categories=["no", "not_sure", "yes"], ordered=True)})
    out = group_levels(resp, {"knows_advocate": {"no_or_not_sure": ["no", "not_sure"]}})
    assert list(out["knows_advocate"].cat.categories) == ["no_or_not_sure", "yes"]
    assert out["knows_advocate"].tolist() == ["yes", "no_or_not_sure", "no_or_not_sure",
                                              "no_or_not_sure"]
    assert resp["knows_advocate"].tolist()[1] == "no"  # the caller's frame is untouched
    with pytest.raises(InputError, match="maybe"):
        group_levels(resp, {"knows_advocate": {"x": ["maybe"]}})


def test_hypothesis_groups_levels_and_adjusts_over_its_family():
    ind, resp = _frames(6, 4, 3, 27, variable="knows_advocate", level="no", other="yes")
    resp["knows_advocate"] = pd.Categorical(
        ["no"] * 5 + ["not_sure"] * 5 + ["yes"] * 30)
    hyps = [Hypothesis("safety", "knows_advocate", ("no", "not_sure"), alternative="greater"),
            Hypothesis("safety", "knows_advocate", "yes")]
    out = hypothesis_tests(ind, resp, hyps)
    first = out.iloc[0]
    assert first["levels"] == "no + not_sure" and first["n_level"] == 10
    assert first["p_value"] == pytest.approx(
        stats.fisher_exact([[6, 4], [3, 27]], alternative="greater")[1])
    from statsmodels.stats.multitest import multipletests

    assert np.allclose(out["q_value"], multipletests(out["p_value"], method="fdr_bh")[1])
    with pytest.raises(InputError, match="sometimes"):
        hypothesis_tests(ind, resp, [Hypothesis("safety", "knows_advocate", "sometimes")])


def test_hypothesis_rejects_bad_alternative():
    with pytest.raises(InputError, match="alternative"):
        Hypothesis("a", "b", "c", alternative="bigger")


# -- numeric and regression ------------------------------------------------------------------
def test_numeric_difference_is_welch():
    from statsmodels.stats.weightstats import ttest_ind

    ids = [f"r{i}" for i in range(12)]
    x1 = [3, 4, 5, 4, 2, 6]
    x0 = [8, 7, 9, 8, 6, 10]
    ind = pd.DataFrame({"wellbeing": [True] * 6 + [False] * 6},
                       index=pd.Index(ids, name="respondent_id"))
    resp = pd.DataFrame({"respondent_id": ids,
                         "life_satisfaction": pd.array(x1 + x0, dtype="Int64")})
    row = numeric_differences(ind, resp).iloc[0]
    assert row["difference"] == pytest.approx(np.mean(x1) - np.mean(x0))
    assert row["p_value"] == pytest.approx(ttest_ind(x1, x0, usevar="unequal")[1])
    welch = stats.ttest_ind(x1, x0, equal_var=False)
    ci = welch.confidence_interval(0.95)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((ci.low, ci.high))


def test_weighted_numeric_differences_do_not_depend_on_the_weights_scale():
    # Found with normalised survey weights: statsmodels reads weights as frequencies, so a group
    # whose weights summed below 1 gave a negative variance (a warning and a NaN interval).
    ids = [f"r{i}" for i in range(12)]
    ind = pd.DataFrame({"wellbeing": [True] * 6 + [False] * 6},
                       index=pd.Index(ids, name="respondent_id"))
    resp = pd.DataFrame({"respondent_id": ids, "life_satisfaction": pd.array(
        [3, 4, 5, 4, 2, 6, 8, 7, 9, 8, 6, 10], dtype="Int64"),
        "w": np.resize([0.5, 1.0, 2.0], 12)})
    big = numeric_differences(ind, resp.assign(w=resp["w"] * 100), weights="w").iloc[0]
    small = numeric_differences(ind, resp.assign(w=resp["w"] / 100), weights="w").iloc[0]
    for name in ("difference", "ci_low", "ci_high", "p_value"):
        assert np.isfinite(small[name]) and small[name] == pytest.approx(big[name])
    unit = numeric_differences(ind, resp.assign(w=1.0), weights="w")
    plain = numeric_differences(ind, resp.drop(columns="w"))
    assert unit["variable"].tolist() == ["life_satisfaction"]  # the weights are not an answer
    assert unit["p_value"].iloc[0] == pytest.approx(plain["p_value"].iloc[0])


def test_logistic_matches_statsmodels_logit():
    import statsmodels.formula.api as smf

    rng = np.random.default_rng(3)
    n = 300
    ids = [f"r{i}" for i in range(n)]
    group = rng.choice(["foster", "residential", "kinship"], n)
    x = rng.normal(size=n)
    logit = -1 + 1.2 * (group == "residential") + 0.8 * x
    y = rng.random(n) < 1 / (1 + np.exp(-logit))
    resp = pd.DataFrame({"respondent_id": ids, "placement_type": pd.Categorical(group),
                         "score": x})
    ind = pd.DataFrame({"family_contact": y}, index=pd.Index(ids, name="respondent_id"))
    fit = logistic(ind, resp, "family_contact ~ placement_type + score").set_index("term")
    ref = smf.logit("y ~ placement_type + score",
                    data=pd.DataFrame({"y": y.astype(int), "placement_type": group,
                                       "score": x})).fit(disp=0)
    assert np.allclose(fit["coef"].to_numpy(), ref.params.to_numpy(), atol=1e-6)
    assert np.allclose(fit["odds_ratio"].to_numpy(), np.exp(ref.params.to_numpy()), atol=1e-6)
    assert np.allclose(fit[["ci_low", "ci_high"]].to_numpy(), np.exp(ref.conf_int().to_numpy()),
                       atol=1e-5)
    one_sided = logistic(ind, resp, "~ score", theme="family_contact")
    assert one_sided["term"].tolist() == ["Intercept", "score"]
    weighted = logistic(ind, resp.assign(w=1.0), "family_contact ~ score", weights="w")
    assert weighted.set_index("term").loc["score", "coef"] == pytest.approx(
        one_sided.set_index("term").loc["score", "coef"])


def test_logistic_reports_a_bad_formula():
    ind, resp = _frames(5, 5, 5, 5)
    with pytest.raises(InputError, match="no_such_column"):
        logistic(ind, resp, "safety ~ no_such_column")


# -- the demo corpus's planted associations ------------------------------------------------
@pytest.mark.parametrize("theme,variable,level", [
    ("family_contact", "see_family", "too_little"),
    ("family_contact", "placement_type", "residential"),
    ("advocacy", "knows_advocate", "no"),
    ("stigma", "treated_differently", "yes"),
    ("safety", "feels_safe", "sometimes"),
    ("staff_turnover", "included_decisions", "hardly_ever"),
])
def test_demo_planted_associations_are_found(demo_result, theme, variable, level):
    table = demo_result.associations.set_index(["theme", "variable", "level"])
    row = table.loc[(theme, variable, level)]
    assert row["odds_ratio"] > 1.5
    assert row["q_value"] < 0.05


def test_demo_planted_numeric_differences(demo_result):
    table = demo_result.numeric.set_index(["theme", "variable"])
    for theme in ("wellbeing", "safety"):
        assert table.loc[(theme, "life_satisfaction"), "difference"] < -0.5
        assert table.loc[(theme, "life_satisfaction"), "q_value"] < 0.05
    assert table.loc[("placement_stability", "n_placements"), "difference"] > 1


def test_demo_table_shape(demo_result, demo_gold):
    corpus, _ = demo_gold
    from carevoice.link import categorical_variables

    levels = sum(corpus.respondents[v].nunique() for v in
                 categorical_variables(corpus.respondents, exclude=("survey",)))
    assert len(demo_result.associations) == 18 * levels
    assert demo_result.associations["q_value"].between(0, 1).all()


def test_weighted_one_sided_hypothesis_halves_the_wald_p_value():
    ind, resp = _frames(12, 8, 10, 30)
    w = np.resize([0.5, 1.0, 2.0, 3.0], len(resp))
    two = hypothesis_tests(ind, resp.assign(w=w),
                           [Hypothesis("safety", "feels_safe", "sometimes")], weights="w")
    more = hypothesis_tests(ind, resp.assign(w=w), [Hypothesis(
        "safety", "feels_safe", "sometimes", alternative="greater")], weights="w")
    less = hypothesis_tests(ind, resp.assign(w=w), [Hypothesis(
        "safety", "feels_safe", "sometimes", alternative="less")], weights="w")
    assert more["test"].iloc[0] == "wald_hc0" and more["odds_ratio"].iloc[0] > 1
    assert more["p_value"].iloc[0] == pytest.approx(two["p_value"].iloc[0] / 2)
    assert less["p_value"].iloc[0] == pytest.approx(1 - more["p_value"].iloc[0])


def test_weighted_means_are_reported_even_when_a_group_is_too_small_to_test():
    ids = ["a", "b", "c", "d"]
    ind = pd.DataFrame({"money": [True, False, False, False]},
                       index=pd.Index(ids, name="respondent_id"))
    resp = pd.DataFrame({"respondent_id": ids, "score": [4.0, 2.0, 6.0, 10.0],
                         "w": [1.0, 3.0, 1.0, 0.0]})
    row = numeric_differences(ind, resp, weights="w").iloc[0]
    assert math.isnan(row["p_value"])  # one young person raised it: nothing to test
    assert row["mean_raised"] == 4.0
    assert row["mean_not"] == pytest.approx((3 * 2 + 6) / 4)  # weighted, the 0 weight ignored


def test_assigned_values_are_read_alike_and_unknown_ones_named():
    """link, agreement, discovery and export read 'assigned' with one parser: spreadsheet
    spellings are understood, anything else is an error naming the comment, not a silent
    False."""
    from carevoice.errors import InputError
    from carevoice.link import respondent_themes

    comments = pd.DataFrame({"comment_id": ["c1", "c2", "c3", "c4"],
                             "respondent_id": ["r1", "r2", "r3", "r4"]})
    codes = pd.DataFrame({"comment_id": ["c1", "c2", "c3", "c4"], "theme": "money",
                          "assigned": ["TRUE", "1.0", "yes", "0"]})
    assert respondent_themes(comments, codes)["money"].tolist() == [True, True, True, False]
    codes.loc[3, "assigned"] = "maybe"
    with pytest.raises(InputError, match="c4"):
        respondent_themes(comments, codes)


def test_numeric_differences_make_no_degenerate_welch_test():
    """Two young people who both answered 9 gave p = 1e-12 (Welch, zero variance in a group)."""
    ids = [f"r{i:02d}" for i in range(40)]
    ind = pd.DataFrame({"tiny": [True] * 2 + [False] * 38, "flat": [True] * 8 + [False] * 32,
                        "fine": [True, False] * 20},
                       index=pd.Index(ids, name="respondent_id"))
    happy = [9] * 8 + [(i * 7) % 11 for i in range(32)]
    resp = pd.DataFrame({"respondent_id": ids, "happy": happy})
    out = numeric_differences(ind, resp).set_index("theme")
    assert math.isnan(out.at["tiny", "p_value"]) and math.isnan(out.at["tiny", "q_value"])
    assert out.at["tiny", "reason"] == "fewer than 5 answers in a group"
    assert out.at["tiny", "mean_raised"] == 9.0  # the means stay in the analysis table
    assert math.isnan(out.at["flat", "p_value"])
    assert out.at["flat", "reason"] == "every answer in a group is the same"
    assert 0 < out.at["fine", "p_value"] <= 1 and pd.isna(out.at["fine", "reason"])
    assert out.at["fine", "q_value"] == out.at["fine", "p_value"]  # the only test made
    assert numeric_differences(ind, resp, min_group=2).set_index("theme").at[
        "tiny", "reason"] == "every answer in a group is the same"
    with pytest.raises(InputError, match="min_group"):
        numeric_differences(ind, resp, min_group=1)


def test_an_id_that_reads_like_text_is_not_echoed_in_errors():
    """Found by an audit: a row shifted by a stray comma put a comment's words in respondent_id,
    and the unknown_respondent error printed them."""
    from carevoice.link import link

    secret = "Zebedee Quorn lives at 4 Elm Rd"
    comments = pd.DataFrame({"comment_id": ["a1", "a2"], "respondent_id": ["r1", secret],
                             "text": ["ok", "fine"]})
    codes = pd.DataFrame({"comment_id": ["a1", "a2"], "theme": "money", "assigned": True})
    respondents = pd.DataFrame({"respondent_id": ["r1"], "age_group": ["8-10"]})
    with pytest.raises(ValidationError) as info:
        link(comments, codes, respondents)
    assert "Zebedee" not in str(info.value) and "31-character value" in str(info.value)


@pytest.mark.parametrize("ages", [
    pd.array([12, 8, 10, 8, None, 12], dtype="Int64"),  # as read_respondents types whole numbers
    [12.0, 8.0, 10.0, 8.0, np.nan, 12.0],  # a float column, as pandas reads one with a gap
    ["12", "8", "10", "8", None, "12"],  # numbers left as text
])
def test_levels_of_a_number_column_are_in_numeric_order_without_a_decimal_point(ages):
    """An age in years or a wave number: 8, 10, 12, not "10", "12", "8" (or "8.0")."""
    ids = [f"r{i}" for i in range(6)]
    ind = pd.DataFrame({"money": [True, False, True, True, False, False]},
                       index=pd.Index(ids, name="respondent_id"))
    resp = pd.DataFrame({"respondent_id": ids, "age": ages})
    table = prevalence(ind, resp, by=["age"])
    rows = table[table["variable"] == "age"]
    assert rows["level"].tolist() == ["8", "10", "12"]
    assert rows["n"].tolist() == [1, 1, 1] and rows["base"].tolist() == [2, 1, 2]
    grouped = group_levels(resp, {"age": {"young": ["8", "10"]}})
    assert grouped["age"].cat.categories.tolist() == ["young", "12"]
    h = Hypothesis("money", "age", ("8",))
    assert hypothesis_tests(ind, resp, [h])["n_level"].tolist() == [2]
    with pytest.raises(InputError, match=r"Levels: \['8', '10', '12'\]"):
        group_levels(resp, {"age": {"x": ["9"]}})


# -- free text among the answers -------------------------------------------------------------
def _answers_with_free_text():
    """Fictional answers: two closed questions, a free-text one, a name, a repeated "other"."""
    n = 12
    ids = [f"r{i:02d}" for i in range(n)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "respondent_id": ids,
                             "text": ["I want to see my mum more"] * n})
    codes = pd.DataFrame({"comment_id": [f"c{i}" for i in range(0, n, 2)],
                          "theme": "family_contact"})
    resp = pd.DataFrame({
        "respondent_id": ids, "survey": "in_care",
        "placement_type": ["foster", "residential", "kinship"] * 4,
        "feels_safe": ["always", "sometimes"] * 6,
        "first_name": ["Zebedee", "Quorn", "Marigold"] * 4,
        "other_specify": ["my worker is Zebedee Quorn", None, "I live in Barnsley"] * 4,
        "anything_else": [f"Zebedee says hi number {i}" for i in range(n)]})
    return comments, codes, resp


def test_link_refuses_answers_that_look_like_free_text_naming_only_the_columns():
    comments, codes, resp = _answers_with_free_text()
    before = resp.copy()
    with pytest.raises(ValidationError) as info:
        link(comments, codes, resp)
    [problem] = info.value.problems
    assert problem.check == "free_text_column"
    for column in ("first_name", "other_specify", "anything_else"):
        assert repr(column) in problem.message
    assert "placement_type" not in problem.message and "feels_safe" not in problem.message
    assert "respondents.drop(columns=" in problem.message and "closed_columns=" in problem.message
    assert "Zebedee" not in str(info.value) and "Barnsley" not in str(info.value)
    pd.testing.assert_frame_equal(resp, before)  # the caller's frame is not changed


def test_leaving_free_text_out_keeps_it_out_of_every_table():
    comments, codes, resp = _answers_with_free_text()
    result = link(comments, codes, resp.drop(columns=["first_name", "other_specify",
                                                      "anything_else"]))
    kept = link(comments, codes, resp, closed_columns=["survey", "placement_type",
                                                       "feels_safe"])
    for r in (result, kept):
        tables = pd.concat([r.prevalence.astype(str), r.associations.astype(str)])
        text = tables.to_csv()
        assert "Zebedee" not in text and "Barnsley" not in text and "first_name" not in text
        assert set(r.associations["variable"]) == {"placement_type", "feels_safe"}
    assert kept.settings["closed_columns"] == ["survey", "placement_type", "feels_safe"]
    # closed_columns vouches for a column that looks like free text
    trusted = link(comments, codes, resp, closed_columns=["first_name"])
    assert set(trusted.associations["variable"]) == {"first_name"}
    with pytest.raises(ValidationError, match="nope"):
        link(comments, codes, resp, closed_columns=["nope"])


def test_not_free_text_vouches_for_a_column_and_keeps_the_others(caplog):
    """not_free_text keeps one column and every other (still checked); closed_columns keeps
    only its columns, and a warning says how many and which columns it leaves out."""
    comments, codes, resp = _answers_with_free_text()
    resp = resp.assign(why_moved=["Too far from school", "My carer was ill"] * 5
                       + ["I asked to move", "Too far from school"])
    with pytest.raises(ValidationError) as info:
        link(comments, codes, resp.drop(columns=["first_name", "other_specify",
                                                 "anything_else"]))
    assert "'why_moved'" in str(info.value) and "not_free_text=[...]" in str(info.value)
    with pytest.raises(ValidationError, match="first_name"):  # the others are still checked
        link(comments, codes, resp, not_free_text=["why_moved"])
    kept = link(comments, codes, resp.drop(columns=["other_specify", "anything_else"]),
                not_free_text=["why_moved", "first_name"])
    assert set(kept.associations["variable"]) == {"placement_type", "feels_safe", "why_moved",
                                                  "first_name"}
    assert kept.settings["not_free_text"] == ["why_moved", "first_name"]
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        only = link(comments, codes, resp, closed_columns=["why_moved"])
    assert set(only.associations["variable"]) == {"why_moved"}
    assert ("so 6 of 7 answer columns are left out: 'survey', 'placement_type', 'feels_safe', "
            "'first_name', 'other_specify', 'anything_else'") in " ".join(caplog.text.split())
    with pytest.raises(ValidationError, match="conflicting_columns"):
        link(comments, codes, resp, closed_columns=["why_moved"], not_free_text=["first_name"])
