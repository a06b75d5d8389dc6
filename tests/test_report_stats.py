"""What the report prints around its statistics: the number of tests in the notes, the
wording of weighted reports, the summary's direction, the p values' rounding.

The figures themselves are checked in ``test_link.py``; these tests check that the words and
counts beside them say what was done (findings of the statistics audit)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from carevoice import HashingEmbedder
from carevoice.link import Hypothesis


def _coded(n: int, raised: np.ndarray, seed: int = 0):
    """``n`` fictional young people, one comment each; 'family_contact' coded where
    ``raised``, 'money' coded for nobody (a row per comment, as a coder writes)."""
    rng = np.random.default_rng(seed)
    ids = [f"r{i}" for i in range(n)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "respondent_id": ids,
                             "text": ["I want to see my mum more."] * n})
    codes = pd.DataFrame({"comment_id": list(comments["comment_id"]) * 2,
                          "theme": ["family_contact"] * n + ["money"] * n,
                          "assigned": list(raised) + [False] * n, "score": 0.9})
    respondents = pd.DataFrame({"respondent_id": ids,
                                "feels_safe": rng.choice(["always", "sometimes", "never"], n),
                                "age_group": rng.choice(["8-10", "11-13", "14-17"], n)})
    return comments, codes, respondents


def _report(comments, codes, respondents, **options):
    from carevoice.report import make_report

    return make_report(comments, codes, respondents=respondents, text_is_pseudonymised=True,
                       timestamp=False, quotes_by=[], embedder=HashingEmbedder(), **options)


def test_notes_count_the_tests_made_not_the_rows():
    """A theme nobody raised has a row per answer but no test (p NaN): the note said "12
    tests" where Benjamini-Hochberg adjusted over 6, and the hypotheses note counted a
    hypothesis on that theme as one of the family."""
    rng = np.random.default_rng(0)
    comments, codes, respondents = _coded(60, rng.random(60) < 0.4)
    hyps = [Hypothesis("family_contact", "feels_safe", ("never",)),
            Hypothesis("family_contact", "age_group", ("14-17",)),
            Hypothesis("money", "feels_safe", ("never",))]
    content = _report(comments, codes, respondents, themes=["family_contact", "money"],
                      hypotheses=hyps)
    assoc = content.link_result.associations
    tested = int(assoc["p_value"].notna().sum())
    assert (len(assoc), tested) == (12, 6)
    assert re.search(r"\d[\d,]* tests", content.association_note).group(0) == "6 tests"
    assert "6 comparisons were not tested and are not counted" in content.association_note
    assert content.link_result.hypotheses["p_value"].notna().sum() == 2
    assert "over these 2 hypotheses only" in content.hypotheses_note
    assert "3 hypotheses" not in content.hypotheses_note
    assert "1 hypothesis was not tested and is not counted" in content.hypotheses_note


def test_notes_when_every_comparison_was_tested_or_none_was():
    from carevoice.report.notes import _association_note, _hypotheses_note

    assert "not tested" not in _association_note(4, "fisher", False)
    assert _hypotheses_note(0, "fisher", False) == ""
    none = _hypotheses_note(0, "fisher", False, n_untested=2)
    assert none.startswith("None of the hypotheses") and "2 hypotheses were not" in none
    assert "over this hypothesis only" in _hypotheses_note(1, "fisher", False, n_untested=1)


def _wave(seed: int, share: float, n: int = 80):
    """One fictional wave: raisers weigh 0.3, so weighted and unweighted shares differ."""
    rng = np.random.default_rng(seed)
    ids = [f"r{i}" for i in range(n)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "respondent_id": ids,
                             "text": ["I want to see my mum more."] * n})
    raised = rng.random(n) < share
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact",
                          "assigned": raised, "score": 0.9})
    respondents = pd.DataFrame({"respondent_id": ids,
                                "age_group": rng.choice(["11-13", "14-17"], n),
                                "w": np.where(raised, 0.3, 1.0)})
    return comments, codes, respondents


def test_weighted_report_says_its_change_between_waves_is_unweighted():
    """compare_waves takes no weights: a weighted report printed the unweighted change (45%
    for 2025) under a footnote saying every percentage was weighted, beside a weighted 20%."""
    from carevoice.link import compare_waves

    before, after = _wave(1, 0.3), _wave(2, 0.5)
    waves = compare_waves({"2024": before, "2025": after}, themes=["family_contact"])
    content = _report(*after, themes=["family_contact"], weights="w", waves=waves)
    assert content.prevalence.loc[0, "Share"] == "20%"          # weighted
    assert content.changes.loc[0, "After"].startswith("45%")    # unweighted
    assert "Not weighted" in content.changes_note
    weighted = next(f for f in content.footnotes if f.startswith("Weighted:"))
    assert "except those of the change between waves" in weighted
    assert "The change between waves is not weighted" in weighted
    assert any("The change between waves is the exception" in g for g in content.guide)
    # without weights, or without waves, nothing is said of it
    plain = _report(*after, themes=["family_contact"], waves=waves)
    assert "weighted" not in plain.changes_note.lower()
    alone = _report(*after, themes=["family_contact"], weights="w")
    weighted = next(f for f in alone.footnotes if f.startswith("Weighted:"))
    assert "change between waves" not in weighted
    assert not any("change between waves" in g for g in alone.guide)


#: The summary's sentence on the weighted association of ``_allowance``, as the table goes.
WEIGHTED_POINT = ("Young people who answered \u201cgets allowance: no\u201d wrote about money "
                  "more often: 30 in every 100, compared with 17 in every 100 others.")


def _allowance():
    """80 fictional young people: unweighted, those answering "yes" raised money more often
    (20 of 40 against 12 of 40); their weights reverse it (17% against 30%)."""
    ids = [f"r{i}" for i in range(80)]
    answer = np.array(["yes"] * 40 + ["no"] * 40)
    raised = np.r_[np.arange(40) < 20, np.arange(40) < 12]
    respondents = pd.DataFrame({"respondent_id": ids, "gets_allowance": answer,
                                "age_group": ["11-13", "14-17"] * 40,
                                "w": np.where((answer == "yes") & raised, 0.2, 1.0)})
    indicators = pd.DataFrame({"money": raised}, index=pd.Index(ids, name="respondent_id"))
    return indicators, respondents


def test_weighted_summary_goes_the_way_of_the_table():
    """The summary's "more often" took its direction and figures from the unweighted counts:
    "“gets allowance: yes” ... more often: 20 of 40, compared with 12 of 40 others" beside a
    table printing 17% against 30% and an odds ratio of 0.47."""
    from carevoice.link import associations, prevalence
    from carevoice.report.summary import key_points
    from carevoice.report.tables import association_table, prevalence_table

    indicators, respondents = _allowance()
    table = association_table(associations(indicators, respondents, ["gets_allowance"],
                                           weights="w"),
                              prevalence(indicators, respondents, weights="w"), max_q=1.0)
    assert table["Raised (answer)"].tolist() == ["30% (12 of 40)", "17% (20 of 40)"]
    prev = prevalence_table(prevalence(indicators, respondents, weights="w"))
    points = key_points(prev, table, symbol="[c]", threshold=5, weighted=True)
    more = [p for p in points if "more often" in p]
    assert more == [WEIGHTED_POINT]
    assert "These figures count each young person by their survey weight." in points
    # told nothing of the weights, the summary still follows the odds ratio, and never
    # prints counts that go the other way
    unsaid = [p for p in key_points(prev, table, symbol="[c]", threshold=5)
              if "more often" in p]
    assert unsaid == more


def test_weighted_report_summary_uses_the_weighted_figures():
    indicators, respondents = _allowance()
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(80)],
                             "respondent_id": respondents["respondent_id"],
                             "text": ["I get no money for the bus."] * 80})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money",
                          "assigned": indicators["money"].to_numpy(), "score": 0.9})
    content = _report(comments, codes, respondents, themes=["money"], weights="w", max_q=1.0)
    more = [p for p in content.key_points if "more often" in p]
    assert more == [WEIGHTED_POINT]


def _money_and_advocacy():
    """80 fictional young people: 20 raised money, 30 others advocacy; those raising money
    weigh 3, the rest 1, so money's weighted share (50%) is twice advocacy's (25%) while
    fewer young people raised it."""
    ids = [f"r{i}" for i in range(80)]
    i = np.arange(80)
    money, advocacy = i < 20, (i >= 20) & (i < 50)
    indicators = pd.DataFrame({"money": money, "advocacy": advocacy},
                              index=pd.Index(ids, name="respondent_id"))
    respondents = pd.DataFrame({"respondent_id": ids, "age_group": ["11-13", "14-17"] * 40,
                                "w": np.where(money, 3.0, 1.0)})
    return indicators, respondents


def test_weighted_summary_names_the_most_raised_theme_by_weighted_share():
    """The table ranks themes by weighted share, and the summary named its first row with the
    unweighted count: "Money was what they wrote about most: 20 of 80 young people." then
    "Advocacy: 30 of 80 young people." It now gives the weighted percentages the table
    prints, and says they are weighted."""
    from carevoice.link import prevalence
    from carevoice.report.summary import key_points
    from carevoice.report.tables import prevalence_table

    indicators, respondents = _money_and_advocacy()
    prev = prevalence_table(prevalence(indicators, respondents, [], weights="w"),
                            {"money": "Money", "advocacy": "Advocacy"})
    assert prev[["Theme", "Raised by", "Share"]].values.tolist() == [
        ["Money", "20", "50%"], ["Advocacy", "30", "25%"]]
    points = key_points(prev, pd.DataFrame(), symbol="[c]", threshold=5, weighted=True)
    assert points[1:3] == [
        ("Money was what they wrote about most: 50 in every 100 young people, counting each "
         "young person by their survey weight."),
        "Advocacy: 25 in every 100 young people."]
    assert not any(" of 80 young people" in p for p in points)
    # unweighted, the counts and the shares go the same way: counts as before
    plain = prevalence_table(prevalence(indicators, respondents, []),
                             {"money": "Money", "advocacy": "Advocacy"})
    assert key_points(plain, pd.DataFrame(), symbol="[c]", threshold=5)[1:3] == [
        "Advocacy was what they wrote about most: 30 of 80 young people.",
        "Money: 20 of 80 young people."]


def test_weighted_report_summary_names_themes_by_weighted_share():
    indicators, respondents = _money_and_advocacy()
    ids = respondents["respondent_id"]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(80)], "respondent_id": ids,
                             "text": ["I want more say in my plan."] * 80})
    codes = pd.DataFrame({"comment_id": list(comments["comment_id"]) * 2,
                          "theme": ["money"] * 80 + ["advocacy"] * 80,
                          "assigned": np.r_[indicators["money"], indicators["advocacy"]],
                          "score": 0.9})
    content = _report(comments, codes, respondents, themes=["money", "advocacy"],
                      weights="w", subgroups=[])
    most = [p for p in content.key_points if "wrote about most" in p]
    assert most == [("Money was what they wrote about most: 50 in every 100 young people, "
                     "counting each young person by their survey weight.")]


def test_summary_takes_its_direction_from_the_odds_ratio():
    from carevoice.report.summary import key_points

    table = pd.DataFrame({"Theme": ["Money"], "Answer": ["gets allowance: no"],
                          "Raised (answer)": ["30% (12 of 40)"],
                          "Raised (others)": ["15% (6 of 40)"],
                          "Odds ratio (95% CI)": ["2.4 (0.80 to 7.3)"], "q": ["0.03"]})
    prev = pd.DataFrame({"Theme": ["Money"], "Raised by": ["18"], "Of": ["80"]})
    more = [p for p in key_points(prev, table, symbol="[c]", threshold=5) if "more often" in p]
    assert more == [("Young people who answered \u201cgets allowance: no\u201d wrote about "
                     "money more often: 12 of 40, compared with 6 of 40 others.")]
    less = table.assign(**{"Odds ratio (95% CI)": ["<0.001 (<0.001 to 0.50)"]})
    assert not [p for p in key_points(prev, less, symbol="[c]", threshold=5)
                if "more often" in p]
    # 0.5 added to a table with an empty cell can put the odds ratio above 1 while the
    # shares go the other way: the table shows less often, and so does the summary
    flipped = table.assign(**{"Raised (answer)": ["0% (0 of 5)"],
                              "Raised (others)": ["5% (5 of 100)"],
                              "Odds ratio (95% CI)": ["1.6 (0.08 to 32)"]})
    assert not [p for p in key_points(prev, flipped, symbol="[c]", threshold=5)
                if "more often" in p]


def test_subgroup_whose_weights_sum_to_zero_says_it_has_no_share():
    """Printed " (5 of 10)": a blank where the percentage goes."""
    from carevoice.link import prevalence
    from carevoice.report.tables import subgroup_table

    ids = [f"r{i}" for i in range(20)]
    indicators = pd.DataFrame({"t": [i % 2 == 0 for i in range(20)]},
                              index=pd.Index(ids, name="respondent_id"))
    respondents = pd.DataFrame({"respondent_id": ids, "g": ["a"] * 10 + ["b"] * 10,
                                "w": [0.0] * 10 + [1.0] * 10})
    table = subgroup_table(prevalence(indicators, respondents, weights="w"), "g")
    row = table[table["Theme"] == "t"].iloc[0]
    assert row["a"] == "no share: weights sum to 0 (5 of 10)"
    assert row["b"].startswith("50% (5 of 10; 95% CI")


def test_joint_display_says_as_often_for_an_odds_ratio_of_one():
    from carevoice.report.joint import _association_finding, _more_often

    row = pd.Series({"odds_ratio": 1.0, "or_ci_low": 0.4, "or_ci_high": 2.5, "q_value": 1.0,
                     "variable": "feels_safe", "level": "never", "share_level": 0.25,
                     "raised_level": 5, "n_level": 20, "share_rest": 0.25})
    assert _association_finding(row).startswith("As often raised by those answering")
    assert not _more_often(row)
    more = row.copy()
    more[["odds_ratio", "share_level"]] = [1.6, 0.35]
    assert _association_finding(more).startswith("More often") and _more_often(more)
    less = row.copy()
    less[["odds_ratio", "share_level"]] = [0.6, 0.15]
    assert _association_finding(less).startswith("Less often") and not _more_often(less)


def _changes_table(tests: list[str]) -> pd.DataFrame:
    n = len(tests)
    return pd.DataFrame({
        "theme": [f"t{i}" for i in range(n)], "variable": "all", "level": "all",
        "wave_from": "2024", "wave_to": "2025", "analysis": "independent",
        "n_from": 10, "base_from": 40, "share_from": 0.25, "n_to": 20, "base_to": 40,
        "share_to": 0.5, "overlap": None, "both": None, "from_only": None, "to_only": None,
        "neither": None, "difference": 0.25, "ci_low": 0.05, "ci_high": 0.43,
        "ci_level": 0.95, "p_value": 0.04, "test": tests, "q_value": 0.04})


def test_change_note_names_the_test_each_row_used():
    """Said "chi-square" whenever one row used it (test="auto" mixes Fisher's and chi-square
    tables), and never said the chi-square test has Yates' correction."""
    from carevoice.disclosure import DisclosureConfig
    from carevoice.report.notes import _changes

    note = _changes(_changes_table(["fisher", "chi2"]), {}, DisclosureConfig())[1]
    assert ("Newcombe's interval, Fisher's exact test where an expected count is under 5, "
            "otherwise chi-square with Yates' correction") in note
    note = _changes(_changes_table(["chi2", "chi2"]), {}, DisclosureConfig())[1]
    assert "Newcombe's interval, chi-square with Yates' correction)" in note
    note = _changes(_changes_table(["fisher", "none"]), {}, DisclosureConfig())[1]
    assert "Newcombe's interval, Fisher's exact test)" in note


def test_p_values_below_005_never_print_as_005():
    """0.0499 and 0.0549 both printed "0.05", and 0.00999 "0.010" beside "0.01" for 0.0123."""
    from carevoice.report.tables import fmt_p

    assert [fmt_p(p) for p in (0.0449, 0.0499, 0.04999999, 0.0549, 0.05)] == [
        "0.045", "0.0499", "0.0499", "0.055", "0.050"]
    assert [fmt_p(p) for p in (0.00999, 0.0123, 0.2345, 0.00099)] == [
        "0.010", "0.012", "0.23", "<0.001"]
    for p in np.linspace(0.001, 0.0499999, 2001):
        assert float(fmt_p(p)) < 0.05, p
