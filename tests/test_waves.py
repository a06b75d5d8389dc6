"""Change between survey waves: statistics checked against statsmodels and scipy, published
examples, id collisions, partial overlap, disclosure control, the command and the report."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from carevoice.disclosure import DisclosureConfig, is_small, suppress_changes, suppress_prevalence
from carevoice.errors import InputError, ValidationError
from carevoice.link import (
    CHANGE_COLUMNS,
    compare_waves,
    paired_difference_ci,
    respondent_themes,
    wave_changes,
)

from .conftest import SCREEN_RULES

# A fictional name in a comment: it must never appear in an error message.
NAME = "Kayden"


def _indicators(raised: list[bool], ids: list[str], theme: str = "advocacy") -> pd.DataFrame:
    return pd.DataFrame({theme: raised}, index=pd.Index(ids, name="respondent_id"))


def _wave(raised: dict[str, list[str]], ids: list[str], answers: dict[str, list] | None = None,
          prefix: str = "c"):
    """Comments (one per respondent), codes and respondents of one wave.

    ``raised`` maps a theme to the respondents who raised it; comment ids are ``c<i>`` in
    every wave, so they collide between waves on purpose.
    """
    comments = pd.DataFrame({"comment_id": [f"{prefix}{i}" for i in range(len(ids))],
                             "respondent_id": ids,
                             "text": [f"{NAME} said something, comment {i}" for i in
                                      range(len(ids))]})
    owner = dict(zip(ids, comments["comment_id"], strict=True))
    codes = pd.DataFrame([{"comment_id": owner[r], "theme": theme, "assigned": True}
                          for theme, who in raised.items() for r in who],
                         columns=["comment_id", "theme", "assigned"])
    respondents = pd.DataFrame({"respondent_id": ids, **(answers or {})})
    return comments, codes, respondents


def _row(changes: pd.DataFrame, analysis: str, theme: str = "advocacy",
         variable: str = "all", level: str = "all") -> pd.Series:
    hit = changes[(changes["analysis"] == analysis) & (changes["theme"] == theme)
                  & (changes["variable"] == variable) & (changes["level"] == level)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


# -- independent samples ---------------------------------------------------------------------
def test_independent_change_matches_statsmodels_newcombe_and_fisher():
    w1 = _indicators([True] * 12 + [False] * 28, [f"a{i}" for i in range(40)])
    w2 = _indicators([True] * 25 + [False] * 20, [f"b{i}" for i in range(45)])
    row = wave_changes({"w1": w1, "w2": w2}).iloc[0]
    assert (row["n_from"], row["base_from"], row["n_to"], row["base_to"]) == (12, 40, 25, 45)
    assert row["difference"] == pytest.approx(25 / 45 - 12 / 40)
    low, high = confint_proportions_2indep(25, 45, 12, 40, method="newcomb", compare="diff")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    # Newcombe's hybrid score interval, by hand from the two Wilson intervals
    l1, u1 = proportion_confint(12, 40, method="wilson")
    l2, u2 = proportion_confint(25, 45, method="wilson")
    p1, p2 = 12 / 40, 25 / 45
    assert row["ci_low"] == pytest.approx(p2 - p1 - math.hypot(p2 - l2, u1 - p1))
    assert row["ci_high"] == pytest.approx(p2 - p1 + math.hypot(u2 - p2, p1 - l1))
    assert row["test"] == "fisher"
    assert row["p_value"] == pytest.approx(stats.fisher_exact([[25, 20], [12, 28]])[1])
    chi = wave_changes({"w1": w1, "w2": w2}, test="chi2").iloc[0]
    assert chi["p_value"] == pytest.approx(
        stats.chi2_contingency([[25, 20], [12, 28]], correction=True)[1])


@pytest.mark.parametrize(("first", "second", "expected"), [
    ((48, 80), (56, 70), (0.0524, 0.3339)),  # Newcombe (1998), Stat Med 17:873, example (a)
    ((3, 10), (9, 10), (0.1705, 0.8090)),    # example (b)
])
def test_independent_interval_matches_newcombes_published_examples(first, second, expected):
    w1 = _indicators([True] * first[0] + [False] * (first[1] - first[0]),
                     [f"a{i}" for i in range(first[1])])
    w2 = _indicators([True] * second[0] + [False] * (second[1] - second[0]),
                     [f"b{i}" for i in range(second[1])])
    row = wave_changes({"w1": w1, "w2": w2}).iloc[0]
    assert (round(row["ci_low"], 4), round(row["ci_high"], 4)) == expected


# -- paired ----------------------------------------------------------------------------------
def _paired(both: int, from_only: int, to_only: int, neither: int):
    first = [True] * (both + from_only) + [False] * (to_only + neither)
    second = [True] * both + [False] * from_only + [True] * to_only + [False] * neither
    ids = [f"r{i:03d}" for i in range(len(first))]
    return _indicators(first, ids), _indicators(second, ids)


def test_paired_change_matches_mcnemar_and_the_published_interval():
    # Cavo et al. (2012), in Fagerland, Lydersen & Laake (2017), Statistical Analysis of
    # Contingency Tables, chapter 8: estimate 0.0621, Newcombe square-and-add 0.0046 to
    # 0.1186, McNemar exact conditional P = 0.052479.
    w1, w2 = _paired(59, 6, 16, 80)
    row = _row(wave_changes({"w1": w1, "w2": w2}, paired=True), "paired")
    assert (row["both"], row["from_only"], row["to_only"], row["neither"]) == (59, 6, 16, 80)
    assert (row["n_from"], row["n_to"], row["base_from"], row["overlap"]) == (65, 75, 161, 161)
    assert round(row["difference"], 4) == 0.0621
    assert (round(row["ci_low"], 4), round(row["ci_high"], 4)) == (0.0046, 0.1186)
    assert row["test"] == "mcnemar_exact"
    assert row["p_value"] == pytest.approx(mcnemar([[59, 6], [16, 80]], exact=True).pvalue)
    assert round(row["p_value"], 6) == 0.052479


@pytest.mark.parametrize("cells", [(59, 6, 16, 80), (1, 1, 7, 12), (0, 0, 3, 20),
                                   (10, 0, 0, 10), (2, 9, 1, 0)])
def test_paired_interval_is_newcombes_square_and_add(cells):
    both, f, t, neither = cells
    n = sum(cells)
    p1, p2 = (both + f) / n, (both + t) / n
    l1, u1 = proportion_confint(both + f, n, method="wilson")
    l2, u2 = proportion_confint(both + t, n, method="wilson")
    margins = (both + f) * (t + neither) * (both + t) * (f + neither)
    cross = both * neither - f * t
    cross = cross - n / 2 if cross > n / 2 else min(cross, 0)
    phi = cross / math.sqrt(margins) if margins else 0.0
    low = p2 - p1 - math.sqrt(max(0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1)
                                  + (u1 - p1) ** 2))
    high = p2 - p1 + math.sqrt(max(0, (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1)
                                   + (p1 - l1) ** 2))
    diff, lo, hi = paired_difference_ci(*cells)
    assert (diff, lo, hi) == pytest.approx((p2 - p1, low, high), abs=1e-9)
    assert lo <= diff <= hi
    # the same young people counted the other way round: the interval turns over
    back = paired_difference_ci(both, t, f, neither)
    assert back == pytest.approx((-diff, -hi, -lo), abs=1e-9)


def test_q_values_are_benjamini_hochberg_within_each_family():
    rng = np.random.default_rng(4)
    ids = [f"r{i}" for i in range(60)]
    w1 = pd.DataFrame(rng.random((60, 6)) < 0.3, index=pd.Index(ids, name="respondent_id"),
                      columns=[f"t{i}" for i in range(6)])
    w2 = pd.DataFrame(rng.random((60, 6)) < np.linspace(0.1, 0.7, 6),
                      index=w1.index, columns=w1.columns)
    changes = wave_changes({"w1": w1, "w2": w2}, paired=True)
    for analysis in ("independent", "paired"):
        part = changes[changes["analysis"] == analysis]
        expected = multipletests(part["p_value"], method="fdr_bh")[1]
        assert part["q_value"].to_numpy() == pytest.approx(expected)


def test_three_waves_compare_with_the_previous_or_the_first():
    ids = [f"r{i}" for i in range(30)]
    frames = {w: _indicators([True] * k + [False] * (30 - k), ids)
              for w, k in (("2023", 6), ("2024", 12), ("2025", 20))}
    previous = wave_changes(frames)
    assert list(zip(previous["wave_from"], previous["wave_to"], strict=True)) == [
        ("2023", "2024"), ("2024", "2025")]
    first = wave_changes(frames, reference="first", paired=True)
    assert set(zip(first["wave_from"], first["wave_to"], strict=True)) == {
        ("2023", "2024"), ("2023", "2025")}
    row = _row(first[first["wave_to"] == "2025"], "paired")
    assert (row["n_from"], row["n_to"], row["to_only"]) == (6, 20, 14)


# -- data: collisions, overlap, absent themes, blanks ----------------------------------------
def test_ids_that_collide_between_waves_are_kept_apart():
    # Wave 2 reuses wave 1's comment and respondent ids for different young people.
    ids = [f"r{i}" for i in range(10)]
    w1 = _wave({"money": ids[:3]}, ids)
    w2 = _wave({"money": ids[:7], "safety": ids[8:]}, ids)
    result = compare_waves({"w1": w1, "w2": w2})
    assert result.indicators.index.names == ["wave", "respondent_id"]
    assert result.indicators.shape == (20, 2)
    for wave, frames in (("w1", w1), ("w2", w2)):
        alone = respondent_themes(*frames, themes=["money", "safety"])
        assert result.indicators.loc[wave].equals(alone)
    row = _row(result.changes, "independent", "money")
    assert (row["n_from"], row["n_to"]) == (3, 7)
    assert "paired" not in set(result.changes["analysis"])
    assert result.changes["overlap"].isna().all()


def test_paired_rows_count_only_the_young_people_in_both_waves():
    w1 = _wave({"money": ["r1", "r2", "r4"]}, ["r1", "r2", "r3", "r4", "r5", "r6"])
    w2 = _wave({"money": ["r4", "r5", "r8", "r9"]}, ["r4", "r5", "r6", "r7", "r8", "r9"])
    changes = compare_waves({"w1": w1, "w2": w2}, paired=True).changes
    independent = _row(changes, "independent", "money")
    assert (independent["n_from"], independent["base_from"]) == (3, 6)
    assert (independent["n_to"], independent["base_to"], independent["overlap"]) == (4, 6, 3)
    paired = _row(changes, "paired", "money")  # r4 raised it twice, r5 started, r6 never
    assert (paired["both"], paired["from_only"], paired["to_only"], paired["neither"]) == (
        1, 0, 1, 1)
    assert (paired["base_from"], paired["base_to"], paired["overlap"]) == (3, 3, 3)


def test_a_theme_nobody_raised_in_one_wave_is_compared_from_zero():
    ids = [f"r{i}" for i in range(20)]
    w1 = _wave({"money": ids[:5]}, ids)
    w2 = _wave({"money": ids[:5], "culture_identity": ids[:8]}, ids)
    changes = compare_waves({"w1": w1, "w2": w2}, paired=True).changes
    row = _row(changes, "independent", "culture_identity")
    assert (row["n_from"], row["base_from"], row["n_to"]) == (0, 20, 8)
    assert row["p_value"] == pytest.approx(stats.fisher_exact([[8, 12], [0, 20]])[1])
    paired = _row(changes, "paired", "culture_identity")
    assert paired["to_only"] == 8 and paired["ci_low"] > 0
    # a theme nobody raised in either wave has no test
    nobody = wave_changes({"w1": _indicators([False] * 4, ids[:4], "red_tape"),
                           "w2": _indicators([False] * 4, ids[:4], "red_tape")}, paired=True)
    assert nobody["test"].tolist() == ["none", "none"]
    assert nobody["p_value"].isna().all() and nobody["q_value"].isna().all()


def test_blank_comments_and_blank_answers_are_left_out_where_they_should_be():
    ids = [f"r{i}" for i in range(12)]
    w1 = _wave({"money": ids[:4]}, ids,
               {"age_group": ["8-10"] * 6 + ["11-13"] * 4 + [None, "11-13"]})
    w2 = _wave({"money": ids[:6]}, ids, {"age_group": ["8-10"] * 6 + ["11-13"] * 6})
    comments = w1[0].copy()
    comments.loc[comments["respondent_id"] == "r11", "text"] = None  # an unanswered question
    result = compare_waves({"w1": (comments, w1[1], w1[2]), "w2": w2}, by="age_group",
                           paired=True)
    overall = _row(result.changes, "independent", "money")
    assert (overall["base_from"], overall["base_to"], overall["overlap"]) == (11, 12, 11)
    levels = result.changes[(result.changes["variable"] == "age_group")
                            & (result.changes["analysis"] == "independent")]
    # r10 left the question blank, r11 answered no free-text question; age bands in natural
    # order, as read_respondents orders them
    assert levels["level"].tolist() == ["8-10", "11-13"]
    assert levels["base_from"].tolist() == [6, 4] and levels["base_to"].tolist() == [6, 6]
    # the paired comparison is made for all young people only
    assert set(result.changes.loc[result.changes["analysis"] == "paired", "variable"]) == {"all"}


def test_a_level_only_one_wave_has_keeps_its_place_and_has_no_difference():
    ids = [f"r{i}" for i in range(12)]
    w1 = _wave({"money": ids[:6]}, ids, {"placement": ["foster"] * 6 + ["residential"] * 6})
    w2 = _wave({"money": ids[:6]}, ids, {"placement": ["foster"] * 4 + ["kinship"] * 4
                                         + ["residential"] * 4})
    changes = compare_waves({"w1": w1, "w2": w2}, by=["placement"]).changes
    part = changes[changes["variable"] == "placement"]
    assert part["level"].tolist() == ["foster", "kinship", "residential"]
    kinship = part[part["level"] == "kinship"].iloc[0]
    assert (kinship["base_from"], kinship["base_to"]) == (0, 4)
    assert math.isnan(kinship["difference"]) and kinship["test"] == "none"


# -- errors ------------------------------------------------------------------------------------
def _good():
    ids = [f"r{i}" for i in range(6)]
    return _wave({"money": ids[:2]}, ids, {"age_group": ["8-10"] * 6})


@pytest.mark.parametrize(("call", "words"), [
    (lambda: compare_waves([_good(), _good()]), ["'waves'", "mapping"]),
    (lambda: compare_waves({"w1": _good()}), ["'waves'", "at least two"]),
    (lambda: compare_waves({"w1": _good(), "": _good()}), ["'waves'", "non-empty"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()[:2]}), ["'waves'", "'w2'"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()}, reference="last"),
     ["'reference'", "previous"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()}, test="t"), ["'test'"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()}, alpha=5), ["'alpha'"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()}, paired="yes"), ["'paired'"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()}, by="placement"),
     ["Wave 'w1'", "'by'", "placement"]),
    (lambda: compare_waves({"w1": _good(), "w2": (*_good()[:2], None)}, by="age_group"),
     ["'by'", "'w2'"]),
    (lambda: compare_waves({"w1": _good(), "w2": _good()}, base="everyone"),
     ["Wave 'w1'", "'base'"]),
])
def test_bad_arguments_name_the_argument(call, words):
    with pytest.raises(InputError) as info:
        call()
    for word in words:
        assert word in str(info.value)


def test_paired_waves_without_a_shared_id_are_refused():
    a = _wave({"money": ["a1"]}, ["a1", "a2"])
    b = _wave({"money": ["b1"]}, ["b1", "b2"])
    with pytest.raises(InputError, match="share no respondent_id"):
        compare_waves({"w1": a, "w2": b}, paired=True)
    assert len(compare_waves({"w1": a, "w2": b}).changes) == 1


def test_data_errors_name_the_wave_and_ids_never_the_text():
    comments, codes, respondents = _good()
    bad = pd.concat([codes, pd.DataFrame({"comment_id": ["c99"], "theme": ["money"],
                                          "assigned": [True]})], ignore_index=True)
    twice = pd.concat([respondents, respondents.iloc[[0]]], ignore_index=True)
    for waves, ids in [({"w1": _good(), "w2": (comments, bad, respondents)}, "c99"),
                       ({"w1": (comments, codes, twice), "w2": _good()}, "r0")]:
        with pytest.raises(ValidationError) as info:
            compare_waves(waves)
        message = str(info.value)
        assert "wave 'w" in message and ids in message and NAME not in message


# -- disclosure control --------------------------------------------------------------------
def test_a_prevalence_table_of_several_waves_is_marked_wave_by_wave():
    ids = [f"r{i}" for i in range(30)]
    w1 = _wave({"money": ids[:3], "safety": ids[:12]}, ids,
               {"age_group": ["8-10"] * 10 + ["11-13"] * 17 + [None] * 3})
    w2 = _wave({"money": ids[:9], "safety": ids[10:13]}, ids,
               {"age_group": ["8-10"] * 14 + ["11-13"] * 16})
    prev = compare_waves({"w1": w1, "w2": w2}, by="age_group").prevalence
    marked = suppress_prevalence(prev)
    for wave in ("w1", "w2"):
        alone = suppress_prevalence(prev[prev["wave"] == wave].drop(columns="wave"))
        assert marked.loc[prev["wave"] == wave, "suppressed"].tolist() == \
            alone["suppressed"].tolist()
        assert marked.loc[prev["wave"] == wave, "base_suppressed"].tolist() == \
            alone["base_suppressed"].tolist()


def _published_cells(marked: pd.DataFrame) -> list[tuple[str, float]]:
    """Every count of young people a published row gives, directly or by subtraction."""
    cells = []
    shown = marked[~marked["suppressed"]]
    for _, r in shown.iterrows():
        for side in ("from", "to"):
            cells += [(f"n_{side}", r[f"n_{side}"]),
                      (f"base_{side}-n_{side}", r[f"base_{side}"] - r[f"n_{side}"])]
        if r["analysis"] == "paired":
            cells += [(c, r[c]) for c in ("both", "from_only", "to_only", "neither")]
            for side in ("from", "to"):
                whole = shown[(shown["analysis"] == "independent") & (shown["theme"] == r["theme"])
                              & (shown["variable"] == "all")
                              & (shown[f"wave_{side}"] == r[f"wave_{side}"])]
                for _, w in whole.iterrows():
                    only_n = w[f"n_{side}"] - r[f"n_{side}"]
                    only_base = w[f"base_{side}"] - r["overlap"]
                    if only_base > 0:
                        cells += [("only", only_n), ("only_rest", only_base - only_n)]
    return cells


@st.composite
def _two_waves(draw):
    n1 = draw(st.integers(6, 40))
    n2 = draw(st.integers(6, 40))
    shared = draw(st.integers(1, min(n1, n2)))
    ids1 = [f"r{i}" for i in range(n1)]
    ids2 = ids1[:shared] + [f"s{i}" for i in range(n2 - shared)]
    out = {}
    for wave, ids in (("w1", ids1), ("w2", ids2)):
        raised = {t: [r for r in ids if draw(st.floats(0, 1)) < p]
                  for t, p in (("money", draw(st.floats(0, 1))),
                               ("safety", draw(st.floats(0, 0.3))))}
        ages = [draw(st.sampled_from(["8-10", "11-13", "14-15", None])) for _ in ids]
        out[wave] = _wave(raised, ids, {"age_group": ages})
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_two_waves())
def test_no_published_change_gives_away_a_cell_of_one_to_four(waves):
    result = compare_waves(waves, paired=True, by="age_group")
    marked = suppress_changes(result.changes, result.prevalence)
    bad = [(name, v) for name, v in _published_cells(marked) if is_small([v])[0]]
    assert not bad
    # an independent row shows only cells its wave's own prevalence table shows
    prev = suppress_prevalence(result.prevalence)
    hidden = set(map(tuple, prev.loc[prev["suppressed"], ["wave", "theme", "variable",
                                                          "level"]].to_numpy()))
    for _, r in marked[~marked["suppressed"] & (marked["analysis"] == "independent")].iterrows():
        for side in ("from", "to"):
            assert (r[f"wave_{side}"], r["theme"], r["variable"], r["level"]) not in hidden
    # worked out from the table alone, the suppression is the same
    assert suppress_changes(result.changes)["suppressed"].tolist() == \
        marked["suppressed"].tolist()


def test_paired_rows_sharing_a_wave_cannot_be_subtracted_from_each_other():
    ids = [f"r{i}" for i in range(60)]
    w1 = _indicators([i < 10 or i in (30, 31) or 40 <= i < 50 for i in range(60)], ids)
    w2 = _indicators([i < 20 for i in range(30)], ids[:30])
    w3 = _indicators([i < 20 or 30 <= i < 40 for i in range(40)], ids[:40])
    changes = wave_changes({"w1": w1, "w2": w2, "w3": w3}, reference="first", paired=True)
    paired = changes[changes["analysis"] == "paired"]
    assert paired["n_from"].tolist() == [10, 12] and paired["overlap"].tolist() == [30, 40]
    # each row alone is safe, but 12 - 10: 2 young people in wave 1 and 3, not 2, raised it
    marked = suppress_changes(changes)
    assert marked.loc[paired.index, "suppressed"].tolist() == [False, True]
    assert not marked.loc[changes["analysis"] == "independent", "suppressed"].any()


def test_threshold_and_zeros_follow_the_disclosure_config():
    w1, w2 = _paired(20, 0, 6, 14)
    changes = wave_changes({"w1": w1, "w2": w2}, paired=True)
    assert not suppress_changes(changes)["suppressed"].any()
    assert suppress_changes(changes, config=DisclosureConfig(suppress_zeros=True))[
        "suppressed"].tolist() == [False, True]
    assert suppress_changes(changes, config=DisclosureConfig(threshold=7))[
        "suppressed"].tolist() == [False, True]


# -- command line and report ---------------------------------------------------------------------
def test_the_published_table_shows_no_count_of_one_to_four():
    from carevoice.report import change_table

    ids = [f"r{i}" for i in range(40)]
    w1 = _wave({"money": ids[:12], "safety": ids[:3]}, ids,
               {"age_group": ["8-10"] * 20 + ["11-13"] * 20})
    w2 = _wave({"money": ids[:25], "safety": ids[:9]}, ids,
               {"age_group": ["8-10"] * 20 + ["11-13"] * 20})
    result = compare_waves({"w1": w1, "w2": w2}, paired=True, by="age_group")
    table = change_table(result.changes, {"money": "Money"}, prevalence=result.prevalence)
    assert table.columns.tolist() == ["Theme", "Waves", "Young people", "Before", "After",
                                      "Change in points (95% CI)", "q"]
    for column in ("Before", "After"):
        for text in table[column]:
            for n, base in re.findall(r"\((\d+) of (\d+)\)", text):
                assert not is_small([int(n)])[0] and not is_small([int(base) - int(n)])[0]
    money = table[(table["Theme"] == "Money") & (table["Young people"] == "all young people")]
    assert money.iloc[0]["Before"] == "30% (12 of 40)"
    assert money.iloc[0]["Change in points (95% CI)"].startswith("+33 (")
    paired = table[(table["Theme"] == "Money") & table["Young people"].str.startswith("answered")]
    assert paired.iloc[0]["Young people"] == "answered both waves (40)"
    # safety: 3 young people in wave 1, so both rows are hidden
    assert set(table.loc[table["Theme"] == "safety", "Before"]) <= {"[c]"}


@pytest.fixture
def wave_files(tmp_path):
    ids = [f"{i:03d}" for i in range(30)]
    paths = []
    for wave, k in (("w1", 8), ("w2", 16)):
        comments, codes, respondents = _wave({"money": ids[:k], "safety": ids[10:17]}, ids,
                                             {"age_group": ["8-10"] * 15 + ["11-13"] * 15})
        folder = tmp_path / wave
        folder.mkdir()
        for name, frame in (("comments", comments), ("codes", codes),
                            ("respondents", respondents)):
            frame.to_csv(folder / f"{name}.csv", index=False)
        paths += [wave, str(folder / "comments.csv"), str(folder / "codes.csv"),
                  str(folder / "respondents.csv")]
    return paths


def test_compare_waves_command_writes_the_table(wave_files, tmp_path):
    from typer.testing import CliRunner

    from carevoice.cli import app

    out = tmp_path / "changes.csv"
    done = CliRunner().invoke(app, ["compare-waves", *wave_files, "--paired", "--by",
                                    "age_group", "--codes-themes-only", "--output", str(out),
                                    "--prevalence", str(tmp_path / "prev.csv")])
    assert done.exit_code == 0, done.output
    table = pd.read_csv(out, dtype={"level": str})
    assert table.columns.tolist() == CHANGE_COLUMNS
    money = table[(table["theme"] == "money") & (table["variable"] == "all")]
    assert money["analysis"].tolist() == ["independent", "paired"]
    assert money["n_from"].tolist() == [8, 8] and money["n_to"].tolist() == [16, 16]
    assert money["overlap"].tolist() == [30, 30]  # ids 000-029 in both waves
    prev = pd.read_csv(tmp_path / "prev.csv")
    assert prev.columns[0] == "wave" and set(prev["wave"]) == {"w1", "w2"}


@pytest.mark.parametrize(("cut", "words"), [
    (lambda f: f[:6], ["wave arguments", "fours"]),
    (lambda f: f[1:] + ["x"], ["looks like a file"]),
    (lambda f: f[:4] + f[:4], ["twice"]),
])
def test_compare_waves_command_errors_name_the_argument(wave_files, tmp_path, cut, words):
    from typer.testing import CliRunner

    from carevoice.cli import app

    done = CliRunner().invoke(app, ["compare-waves", *cut(wave_files), "--output",
                                    str(tmp_path / "c.csv")])
    assert done.exit_code == 2
    for word in words:
        assert word in done.output
    assert NAME not in done.output


def test_the_changes_say_their_confidence_level_in_a_last_column(wave_files, tmp_path):
    """As every other table with an interval does (ci_level); a column added at the end, so
    that a changes file written before it is still read by report --changes."""
    from typer.testing import CliRunner

    from carevoice.cli import app
    from carevoice.report import change_table

    runner = CliRunner()
    levels = {}
    for alpha in ("0.05", "0.1"):
        out = tmp_path / f"changes-{alpha}.csv"
        done = runner.invoke(app, ["compare-waves", *wave_files, "--paired", "--alpha", alpha,
                                   "--output", str(out)])
        assert done.exit_code == 0, done.output
        table = pd.read_csv(out)
        assert table.columns[-1] == "ci_level"
        assert table.columns[:-1].tolist() == [c for c in CHANGE_COLUMNS if c != "ci_level"]
        levels[alpha] = set(table["ci_level"])
    assert levels == {"0.05": {0.95}, "0.1": {0.9}}

    # a changes file from before ci_level: read by report --changes and change_table as before
    older = tmp_path / "changes-older.csv"
    pd.read_csv(tmp_path / "changes-0.05.csv").drop(columns="ci_level").to_csv(older,
                                                                                 index=False)
    comments, codes, respondents = wave_files[5:8]
    done = runner.invoke(app, ["report", comments, codes, respondents, "--pseudonymised",
                               "--embedder", "hashing", "--format", "md", "--changes",
                               str(older), "--codes-themes-only", "--output",
                               str(tmp_path / "report")])
    assert done.exit_code == 0, done.output
    assert "## Change between waves" in (tmp_path / "report" / "report.md").read_text("utf-8")
    written = pd.read_csv(tmp_path / "report" / "tables" / "changes.csv")
    now = change_table(pd.read_csv(tmp_path / "changes-0.05.csv", dtype={"level": str}))
    before = change_table(pd.read_csv(older, dtype={"level": str}))
    pd.testing.assert_frame_equal(before, now)
    assert written["Before"].tolist() == now["Before"].tolist()
    with pytest.raises(InputError, match=r"lacks the columns \['q_value'\]"):
        change_table(pd.read_csv(older).drop(columns="q_value"))


def test_compare_waves_command_names_the_wave_of_a_bad_file(wave_files, tmp_path):
    from typer.testing import CliRunner

    from carevoice.cli import app

    pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]}).to_csv(
        tmp_path / "w2" / "codes.csv", index=False)
    broken = pd.read_csv(tmp_path / "w2" / "comments.csv")
    broken.loc[0, "respondent_id"] = None
    broken.to_csv(tmp_path / "w2" / "comments.csv", index=False)
    done = CliRunner().invoke(app, ["compare-waves", *wave_files, "--output",
                                    str(tmp_path / "c.csv")])
    assert done.exit_code == 2
    assert "Wave 'w2'" in done.output and NAME not in done.output


def test_report_takes_the_changes_of_the_command(wave_files, tmp_path):
    from typer.testing import CliRunner

    from carevoice.cli import app

    out = tmp_path / "changes.csv"
    runner = CliRunner()
    assert runner.invoke(app, ["compare-waves", *wave_files, "--paired", "--output",
                               str(out)]).exit_code == 0
    comments, codes, respondents = wave_files[5:8]
    done = runner.invoke(app, ["report", comments, codes, respondents, "--pseudonymised",
                               "--embedder", "hashing", "--format", "md,html", "--changes",
                               str(out), "--codes-themes-only", "--output",
                               str(tmp_path / "report")])
    assert done.exit_code == 0, done.output
    text = (tmp_path / "report" / "report.md").read_text("utf-8")
    assert "## Change between waves" in text and "answered both waves (30)" in text
    assert "Change between waves" in (tmp_path / "report" / "report.html").read_text("utf-8")
    table = pd.read_csv(tmp_path / "report" / "tables" / "changes.csv")
    assert table.loc[table["Theme"] == "Money", "Before"].tolist()[0] == "27% (8 of 30)"
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"theme": ["money"]}).to_csv(bad, index=False)
    done = runner.invoke(app, ["report", comments, codes, respondents, "--pseudonymised",
                               "--embedder", "hashing", "--changes", str(bad), "--output",
                               str(tmp_path / "r2")])
    assert done.exit_code == 2 and "--changes" in done.output


def test_make_report_with_a_wave_comparison(tmp_path):
    from carevoice import HashingEmbedder
    from carevoice.report import make_report, write_report

    ids = [f"r{i}" for i in range(30)]
    w1 = _wave({"money": ids[:8]}, ids, {"age_group": ["8-10"] * 15 + ["11-13"] * 15})
    w2 = _wave({"money": ids[:16]}, ids, {"age_group": ["8-10"] * 15 + ["11-13"] * 15})
    comparison = compare_waves({"w1": w1, "w2": w2}, paired=True, by="age_group")
    content = make_report((w2[0], w2[2]), w2[1], text_is_pseudonymised=True,
                          safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(), themes=["money"], waves=comparison,
                          timestamp=False)
    assert content.manifest["settings"]["waves"]["paired"] is True
    assert "McNemar" in content.changes_note
    assert content.changes["Young people"].tolist()[:2] == ["all young people",
                                                            "answered both waves (30)"]
    written = write_report(content, tmp_path, formats=["md"])
    assert written["table_changes"].is_file()
    without = make_report((w2[0], w2[2]), w2[1], text_is_pseudonymised=True,
                          safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(), themes=["money"], timestamp=False)
    assert without.changes.empty
    assert "Change between waves" not in write_report(without, tmp_path / "b", formats=["md"])[
        "md"].read_text("utf-8")


def test_outputs_never_overwrite_an_input_or_each_other(wave_files, tmp_path):
    """Found by an audit: --output on a wave's comments file replaced it, and --output equal to
    --prevalence kept only the prevalence; both are refused before anything is read."""
    from typer.testing import CliRunner

    from carevoice.cli import app

    runner = CliRunner()
    comments = Path(wave_files[5])
    before = comments.read_bytes()
    done = runner.invoke(app, ["compare-waves", *wave_files, "--output", str(comments)])
    assert done.exit_code == 2 and "is the wave 'w2' COMMENTS file;" in done.output, done.output
    assert comments.read_bytes() == before
    same = tmp_path / "same.csv"
    done = runner.invoke(app, ["compare-waves", *wave_files, "--output", str(same),
                               "--prevalence", str(same)])
    assert done.exit_code == 2 and "same file" in done.output and not same.exists()
    codes = Path(wave_files[2])
    before = codes.read_bytes()
    done = runner.invoke(app, ["link", *wave_files[1:4], "--output", str(codes)])
    assert done.exit_code == 2 and "CODES" in done.output and codes.read_bytes() == before


def test_a_paired_row_is_hidden_when_a_waves_overall_cell_is():
    """Found by an audit: the overall row was hidden (2 of 47, 3 of 55) while the paired row
    showed 0 of 36 in both waves, telling readers the few lie among those in one wave only."""
    from carevoice.disclosure import DisclosureConfig, suppress_changes

    changes = pd.DataFrame({
        "theme": "t", "variable": "all", "level": "all", "wave_from": "w1", "wave_to": "w2",
        "analysis": ["independent", "paired"], "n_from": [2, 0], "base_from": [47, 36],
        "n_to": [3, 0], "base_to": [55, 36], "overlap": 36, "both": [None, 0],
        "from_only": [None, 0], "to_only": [None, 0], "neither": [None, 36]})
    marked = suppress_changes(changes, config=DisclosureConfig(suppress_zeros=False))
    assert marked["suppressed"].tolist() == [True, True]


def test_a_theme_never_named_in_one_waves_codes_is_warned_about(caplog):
    """Found by an audit: a theme coded only in wave 2 (wave 1's codebook lacked it) showed as a
    significant rise from 0% with no warning."""
    from carevoice.link import compare_waves

    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(20)],
                             "respondent_id": [f"r{i}" for i in range(20)], "text": "x"})
    first = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money",
                          "assigned": [True] * 10 + [False] * 10})
    second = pd.concat([first, first.assign(theme="culture_identity")], ignore_index=True)
    with caplog.at_level("WARNING", logger="carevoice.link.waves"):
        result = compare_waves({"w1": (comments, first, None), "w2": (comments, second, None)})
    assert "'culture_identity' is never named in the codes of wave(s) 'w1'" in caplog.text
    assert "money" not in caplog.text
    assert result.settings["themes_never_coded"] == {"culture_identity": ["w1"]}


def test_themes_restrict_the_comparison_and_its_q_values():
    """Found by an audit: themes=[...] ordered the themes but compared (and adjusted over) all."""
    from carevoice.link import compare_waves

    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(40)],
                             "respondent_id": [f"r{i}" for i in range(40)], "text": "x"})

    def codes(n_money, n_school):
        return pd.concat([
            pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money",
                          "assigned": [True] * n_money + [False] * (40 - n_money)}),
            pd.DataFrame({"comment_id": comments["comment_id"], "theme": "school",
                          "assigned": [True] * n_school + [False] * (40 - n_school)})])

    waves = {"w1": (comments, codes(10, 10), None), "w2": (comments, codes(25, 12), None)}
    one = compare_waves(waves, themes=["money"]).changes
    both = compare_waves(waves).changes
    assert set(one["theme"]) == {"money"} and set(both["theme"]) == {"money", "school"}
    p = one["p_value"].iloc[0]
    assert one["q_value"].iloc[0] == pytest.approx(p)  # a family of one test
    assert both.set_index("theme").at["money", "p_value"] == pytest.approx(p)
    from carevoice.errors import InputError

    with pytest.raises(InputError, match="themes"):
        compare_waves(waves, themes="money")


def test_a_number_column_breaks_the_comparison_down_in_numeric_order(tmp_path):
    """--by an age in years: levels 8, 10, 12 in that order (not "10", "12", "8")."""
    from typer.testing import CliRunner

    from carevoice.cli import app

    ids = [f"{i:03d}" for i in range(30)]
    paths = []
    for wave, k in (("w1", 8), ("w2", 16)):
        frames = _wave({"money": ids[:k]}, ids, {"age": [12] * 10 + [8] * 10 + [10] * 10})
        for name, frame in zip(("comments", "codes", "respondents"), frames, strict=True):
            frame.to_csv(tmp_path / f"{wave}-{name}.csv", index=False)
        paths += [wave, *(str(tmp_path / f"{wave}-{n}.csv")
                          for n in ("comments", "codes", "respondents"))]
    done = CliRunner().invoke(app, ["compare-waves", *paths, "--by", "age",
                                    "--codes-themes-only", "--output",
                                    str(tmp_path / "c.csv")])
    assert done.exit_code == 0, done.output
    table = pd.read_csv(tmp_path / "c.csv", dtype={"level": str})
    assert table.loc[table["variable"] == "age", "level"].tolist() == ["8", "10", "12"]
    floats = {w: (c, k, r.astype({"age": float})) for w, (c, k, r) in
              (("w1", _wave({"money": ids[:8]}, ids, {"age": [12.0] * 15 + [8.0] * 15})),
               ("w2", _wave({"money": ids[:9]}, ids, {"age": [8.0] * 30})))}
    changes = compare_waves(floats, by="age").changes
    assert changes.loc[changes["variable"] == "age", "level"].tolist() == ["8", "12"]


def test_compare_waves_refuses_free_text_answers_naming_the_wave():
    ids = [f"r{i}" for i in range(10)]
    clean = {"placement_type": ["foster", "residential"] * 5}
    noisy = {**clean, "anything_else": [f"{NAME} is my brother, age {i}" for i in range(10)]}
    w1 = _wave({"advocacy": ids[:4]}, ids, clean)
    w2 = _wave({"advocacy": ids[:6]}, ids, noisy)
    with pytest.raises(ValidationError) as info:
        compare_waves({"w1": w1, "w2": w2}, by="placement_type")
    assert "wave 'w2'" in str(info.value) and "'anything_else'" in str(info.value)
    assert NAME not in str(info.value)
    result = compare_waves({"w1": w1, "w2": w2}, by="placement_type",
                           closed_columns=["placement_type"])
    assert NAME not in result.changes.astype(str).to_csv()
    assert result.settings["closed_columns"] == ["placement_type"]
