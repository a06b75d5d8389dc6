"""Disclosure control: small cells, secondary suppression and k-anonymous attribution."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from carevoice.disclosure import (
    SYMBOL,
    DisclosureConfig,
    answer_wording,
    attribution,
    check_k_anonymity,
    check_small_cells,
    footnote,
    is_small,
    secondary_suppression,
    suppress_associations,
    suppress_prevalence,
)
from carevoice.errors import InputError


@pytest.mark.parametrize("count,threshold,zeros,small", [
    (0, 5, False, False), (0, 5, True, True), (1, 5, False, True), (4, 5, False, True),
    (5, 5, False, False), (6, 5, False, False), (9, 10, False, True), (10, 10, False, False),
    (2, 3, False, True), (3, 3, False, False),
])
def test_is_small(count, threshold, zeros, small):
    assert bool(is_small([count], threshold, zeros)[0]) is small


@pytest.mark.parametrize("kwargs,match", [
    ({"threshold": 0}, "threshold"), ({"k": 0}, "'k'"), ({"k": True}, "'k'"),
    ({"drop_order": ("gender",)}, "drop_order"), ({"symbol": ""}, "symbol"),
])
def test_config_is_checked(kwargs, match):
    with pytest.raises(InputError, match=match):
        DisclosureConfig(**kwargs)


def test_footnote_names_symbol_and_threshold():
    text = footnote(DisclosureConfig(threshold=10))
    assert text.startswith(SYMBOL) and "fewer than 10" in text


def _no_lonely_suppressed_cell(mask: pd.Series, group: pd.Series) -> bool:
    counts = mask.groupby(group).agg(["sum", "size"])
    return not ((counts["sum"] == 1) & (counts["size"] > 1)).any()


def test_secondary_suppression_rows_and_columns():
    # a 3x3 table flattened: rows and columns both add up to published totals
    values = pd.Series([2, 10, 12, 15, 20, 25, 30, 3, 40])
    rows = pd.Series([0, 0, 0, 1, 1, 1, 2, 2, 2])
    cols = pd.Series([0, 1, 2, 0, 1, 2, 0, 1, 2])
    mask = secondary_suppression(values, values < 5, [rows, cols])
    assert mask.sum() >= 4
    assert _no_lonely_suppressed_cell(mask, rows) and _no_lonely_suppressed_cell(mask, cols)


def test_secondary_suppression_property_on_random_tables():
    rng = np.random.default_rng(0)
    for _ in range(50):
        values = pd.Series(rng.integers(0, 30, size=24))
        groups = [pd.Series(np.repeat(np.arange(6), 4)), pd.Series(np.tile(np.arange(4), 6))]
        mask = secondary_suppression(values, pd.Series(is_small(values)), groups)
        assert mask[pd.Series(is_small(values))].all()  # primary cells stay suppressed
        for g in groups:
            assert _no_lonely_suppressed_cell(mask, g)


def _prevalence_frame():
    return pd.DataFrame({
        "theme": ["t"] * 4 + ["u"] * 4,
        "variable": ["all", "v", "v", "v"] * 2,
        "level": ["all", "a", "b", "c"] * 2,
        "n": [30, 3, 12, 15, 40, 20, 18, 2],
        "base": [60, 20, 20, 20, 60, 20, 20, 20],
    })


def test_prevalence_suppression_primary_complement_and_secondary():
    out = suppress_prevalence(_prevalence_frame())
    t = out[out["theme"] == "t"].set_index("level")["suppressed"]
    assert t.to_dict() == {"all": False, "a": True, "b": True, "c": False}
    u = out[out["theme"] == "u"].set_index("level")["suppressed"]
    # c has n=2, and b has base - n = 2 (the complement is small): both primary
    assert u.to_dict() == {"all": False, "a": False, "b": True, "c": True}
    assert not out["base_suppressed"].any()


def test_small_groups_suppress_their_size_and_one_more():
    prev = pd.DataFrame({"theme": "t", "variable": ["all", "v", "v", "v"],
                         "level": ["all", "a", "b", "c"], "n": [10, 0, 5, 5],
                         "base": [60, 3, 27, 30]})
    out = suppress_prevalence(prev).set_index("level")
    assert out.loc["a", "base_suppressed"] and out.loc["b", "base_suppressed"]
    assert not out.loc["c", "base_suppressed"] and not out.loc["all", "base_suppressed"]
    assert out.loc["a", "suppressed"]


def test_association_suppression_follows_min_cell_and_prevalence():
    assoc = pd.DataFrame({"theme": "t", "variable": "v", "level": ["a", "b", "c"],
                          "min_cell": [3, 8, 9], "raised_level": [3, 12, 15]})
    out = suppress_associations(assoc)
    assert out["suppressed"].tolist() == [True, True, False]
    prev = suppress_prevalence(_prevalence_frame())
    assoc2 = assoc.assign(min_cell=[8, 8, 9])
    out2 = suppress_associations(assoc2, prev)
    assert out2["suppressed"].tolist() == [True, True, False]  # a and b hidden in prevalence


def test_check_small_cells_reads_formatted_tables():
    table = pd.DataFrame({"n": ["[c]", "12", "4 of 20", "0"], "label": ["x"] * 4})
    assert check_small_cells(table, ["n"]) == ["n: 4 of 20"]


@pytest.fixture(scope="module")
def population():
    rng = np.random.default_rng(7)
    n = 300
    return pd.DataFrame({
        "respondent_id": [f"r{i:03d}" for i in range(n)],
        "survey": rng.choice(["in_care", "care_leaver"], n, p=[0.6, 0.4]),
        "age_group": rng.choice(["8-10", "11-13", "14-15", "16-17", "18-21", "22-25"], n),
        "placement_type": rng.choice(["foster", "residential", "kinship", "staying_put",
                                      "other"], n, p=[0.5, 0.2, 0.15, 0.1, 0.05]),
        "gender": rng.choice(["girl", "boy", "non_binary"], n, p=[0.48, 0.48, 0.04]),
    })


@pytest.mark.parametrize("k", [2, 5, 10, 25])
def test_every_attribution_is_k_anonymous(population, k):
    config = DisclosureConfig(k=k, attributes=("survey", "age_group", "placement_type",
                                               "gender"))
    out = attribution(population, population["respondent_id"], config)
    assert (out["group_size"] >= k).all()
    assert check_k_anonymity(out, population, config) == []
    # attributes are dropped in the documented order: gender goes before placement_type
    used = out["attributes_used"].str.split(",")
    assert not any("gender" in u and "placement_type" not in u for u in used)
    assert out["attribution"].notna().all()


def test_generalisation_is_tried_before_dropping(population):
    config = DisclosureConfig(k=40, attributes=("survey", "age_group"))
    coarse = {"age_group": {"8-10": "under 16", "11-13": "under 16", "14-15": "under 16",
                            "16-17": "16-25", "18-21": "16-25", "22-25": "16-25"}}
    out = attribution(population, population["respondent_id"], config, generalise=coarse)
    assert out["attributes_used"].str.contains(r"age_group\*").any()
    assert check_k_anonymity(out, population, config, generalise=coarse) == []


def test_tiny_population_gives_no_attribution():
    resp = pd.DataFrame({"respondent_id": ["a", "b"], "survey": ["x", "x"],
                         "age_group": ["1", "1"], "placement_type": ["p", "p"]})
    out = attribution(resp, ["a"])
    assert out["attribution"].isna().all()


def test_check_k_anonymity_catches_a_unique_attribution(population):
    unsafe = pd.DataFrame({"respondent_id": population["respondent_id"],
                           "attributes_used": "survey,age_group,placement_type,gender"})
    assert check_k_anonymity(unsafe, population, DisclosureConfig(k=5))


# --------------------------------------------------------------------------------------------
# What a reader can work out from everything published (prevalence, subgroups, associations)
# --------------------------------------------------------------------------------------------
def _published_equations(prev: pd.DataFrame, assoc: pd.DataFrame, levels: list[str]):
    """Linear equations over the unknown cells (each level's count, then the blanks' count)."""
    k = len(levels) + 1  # the last unknown: respondents who left the question blank
    rows, values = [], []
    overall = prev[prev["variable"] == "all"].iloc[0]
    if not overall["suppressed"]:
        rows.append(np.ones(k))
        values.append(overall["n"])
    mine = prev[prev["variable"] == "v"].set_index("level")
    for i, lev in enumerate(levels):
        if lev in mine.index and not mine.at[lev, "suppressed"]:
            row = np.zeros(k)
            row[i] = 1
            rows.append(row)
            values.append(mine.at[lev, "n"])
    for _, r in assoc[~assoc["suppressed"]].iterrows():
        row = np.zeros(k)
        row[levels.index(r["level"])] = 1
        rows.append(row)
        values.append(r["raised_level"])
        answered = np.ones(k)
        answered[-1] = 0
        rows.append(answered)  # raised_level + raised_rest: everyone who answered
        values.append(r["raised_level"] + r["raised_rest"])
    return np.array(rows).reshape(-1, k), np.array(values, dtype=float)


def _determined(a: np.ndarray, c: np.ndarray) -> bool:
    if not len(a):
        return False
    return np.linalg.matrix_rank(np.vstack([a, c])) == np.linalg.matrix_rank(a)


def test_no_small_count_can_be_worked_out_from_everything_published():
    """Random surveys with blank answers: no single cell or sum of cells that subtraction can
    give back (from the published overall count, level counts and association rows) is a
    count from 1 to 4, and neither is its complement."""
    from itertools import combinations

    from carevoice.link import link

    rng = np.random.default_rng(7)
    checked = 0
    for trial in range(60):
        n_levels = int(rng.integers(2, 5))
        levels = [f"l{i}" for i in range(n_levels)]
        sizes = rng.integers(2, 25, size=n_levels).tolist()
        blanks = int(rng.integers(0, 6))
        answers = [lev for lev, m in zip(levels, sizes, strict=True) for _ in range(m)]
        answers += [None] * blanks
        ids = [f"r{i:03d}" for i in range(len(answers))]
        rate = float(rng.uniform(0.05, 0.95))
        raised = rng.random(len(ids)) < rate
        respondents = pd.DataFrame({"respondent_id": ids, "v": pd.Categorical(answers)})
        comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids,
                                 "text": "one two three four"})
        codes = pd.DataFrame({"comment_id": [i for i, r in zip(ids, raised, strict=True) if r],
                              "theme": "t"})
        if codes.empty:
            continue
        res = link(comments, codes, respondents, by=["v"], variables=["v"])
        prev = suppress_prevalence(res.prevalence)
        assoc = suppress_associations(res.associations, prev)
        present = [lev for lev in levels if lev in set(prev["level"])]
        a, _ = _published_equations(prev, assoc, present)
        truth = [int(raised[[x == lev for x in answers]].sum()) for lev in present]
        truth.append(int(raised[[x is None for x in answers]].sum()))
        bases = [sum(1 for x in answers if x == lev) for lev in present] + [blanks]
        for size in range(1, len(truth) + 1):
            for cells in combinations(range(len(truth)), size):
                c = np.zeros(len(truth))
                c[list(cells)] = 1
                if not _determined(a, c):
                    continue
                total = sum(truth[i] for i in cells)
                rest = sum(bases[i] for i in cells) - total
                if sum(bases[i] for i in cells) == 0:
                    continue
                checked += 1
                assert not is_small([total])[0], (trial, cells, total)
                assert not is_small([rest])[0], (trial, cells, rest)
    assert checked > 100


def test_a_zero_is_not_the_only_complement_of_a_small_cell():
    values = pd.Series([3, 0, 20])
    mask = secondary_suppression(values, values.between(1, 4), [pd.Series(["a"] * 3)])
    assert mask.tolist() == [True, False, True]


def test_association_rows_with_a_zero_cell_still_hide_small_cells():
    assoc = pd.DataFrame({"theme": "t", "variable": "v", "level": ["a", "b"],
                          "n_level": [50, 12], "raised_level": [0, 4],
                          "n_rest": [12, 50], "raised_rest": [4, 0], "min_cell": [0, 0]})
    assert suppress_associations(assoc)["suppressed"].tolist() == [True, True]


def test_check_k_anonymity_reads_a_comment_listed_twice_as_a_reader_does():
    """Audit finding 1: a comment beside "local authority: Northshire" in one display and
    "feels safe: never" in another; only one young person gave both answers, and the check
    looked at one row at a time."""
    from carevoice.disclosure import check_k_anonymity

    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(40)], "survey": "in_care",
                         "local_authority": ["Northshire"] * 10 + ["Southshire"] * 30,
                         "feels_safe": ["never"] + ["always"] * 9 + ["never"] * 9
                         + ["always"] * 21})
    rows = pd.DataFrame({"comment_id": ["c0", "c0"], "respondent_id": ["r0", "r0"],
                         "attributes_used": ["survey", "survey"],
                         "variable": ["local_authority", "feels_safe"],
                         "level": ["Northshire", "never"]})
    assert check_k_anonymity(rows.iloc[:1], resp) == []
    assert check_k_anonymity(rows.iloc[1:], resp) == []
    assert check_k_anonymity(rows, resp) == ["r0", "r0"]
    # a group of answers, as a pre-specified hypothesis names it
    union = rows.iloc[1:].assign(level="never + always")
    assert check_k_anonymity(union, resp) == []


def test_an_answer_that_says_nothing_alone_is_attributed_with_its_question():
    """Audit finding 10: "care leaver, aged 18-21, other"."""
    from carevoice.disclosure import attribution

    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(6)], "survey": "care_leaver",
                         "age_group": "18-21", "placement_type": "other"})
    said = attribution(resp, ["r0"])["attribution"].tolist()
    assert said == ["care leaver, aged 18-21, placement type: other"]


@pytest.mark.parametrize("value,words", [
    ("foster", "foster care"), ("residential", "residential care"), ("in_care", "in care"),
    ("too_little", "too little"), ("8-10", "8-10"), (3, "3"),
])
def test_answers_are_worded_as_attributions_word_them(value, words):
    assert answer_wording(value) == words


def test_only_disclosure_reads_its_answer_wordings():
    """The topic chart and the report tables word answers through answer_wording; they read
    disclosure's private _WORDING table directly before."""
    package = Path(__file__).resolve().parents[1] / "carevoice"
    readers = [str(p.relative_to(package)) for p in sorted(package.rglob("*.py"))
               if p.name != "disclosure.py" and "_WORDING" in p.read_text("utf-8")]
    assert readers == []


# --------------------------------------------------------------------------------------------
# Linked tables: subgroup variables that nest (age bands and placements inside survey)
# --------------------------------------------------------------------------------------------
_NESTED = {  # fictional questionnaire design: which answers occur in which survey
    "in_care": (["8-10", "11-13", "14-17"], ["foster", "kinship", "residential"]),
    "care_leaver": (["18-21", "22-25"], ["own_tenancy", "staying_put",
                                          "supported_accommodation"]),
}


def _nested_survey(rng: np.random.Generator, blanks: bool = False, residuals: bool = False):
    rows = []
    for survey, (ages, placements) in _NESTED.items():
        for age in ages:
            for placement in placements:
                for _ in range(int(rng.choice([0, 0, 1, 2, 3, 6, 9, 14]))):
                    rows.append((survey, age, placement))
    if blanks:  # a few left their placement blank
        rows += [("in_care", "11-13", None)] * int(rng.integers(0, 4))
    if residuals:  # parts of a parent level in none of its nested levels
        # care leavers who gave no age band
        rows += [("care_leaver", None, "staying_put")] * int(rng.integers(0, 7))
        # "not answered", a printed level, in both surveys (or, by chance, in one)
        rows += [("in_care", "14-17", "not_answered")] * int(rng.integers(0, 5))
        rows += [("care_leaver", "18-21", "not_answered")] * int(rng.integers(0, 5))
    ids = [f"R{i:03d}" for i in range(len(rows))]
    respondents = pd.DataFrame(rows, columns=["survey", "age_group", "placement_type"])
    respondents.insert(0, "respondent_id", ids)
    if residuals:  # a local authority with only care leavers, two with both
        councils = np.where(respondents["survey"] == "care_leaver",
                            rng.choice(["Eastshire", "Northshire", "Southshire"], len(rows)),
                            rng.choice(["Northshire", "Southshire"], len(rows)))
        respondents["local_authority"] = councils
    raised = {theme: rng.random(len(ids)) < rng.uniform(0.1, 0.9) for theme in ("money", "iv")}
    comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids, "text": "fictional"})
    codes = pd.DataFrame([{"comment_id": i, "theme": theme} for theme, flags in raised.items()
                          for i, r in zip(ids, flags, strict=True) if r])
    return comments, codes, respondents


def _published(prev: pd.DataFrame, variables: list[str]) -> dict[tuple, int | None]:
    """What the report's tables show, read back as a reader reads them: (theme or
    'Respondents', variable, column header) -> count, or None for [c]."""
    import re

    from carevoice.report.tables import prevalence_table, subgroup_table

    shown: dict[tuple, int | None] = {}

    def number(text: str) -> int | None:
        if SYMBOL in text:
            return None
        match = re.search(r"\(([\d,]+) of", text)
        return int((match.group(1) if match else text).replace(",", ""))

    for _, row in prevalence_table(prev).iterrows():
        shown[(row["Theme"], "all", "all")] = number(row["Raised by"])
        shown[("Respondents", "all", "all")] = number(row["Of"])
    for variable in variables:
        table = subgroup_table(prev, variable)
        for _, row in table.iterrows():
            for header in table.columns[1:]:
                if row[header] != "":
                    shown[(row["Theme"], variable, header)] = number(row[header])
    return shown


def _recovered(shown: dict, respondents: pd.DataFrame, variables: list[str]) -> list[tuple]:
    """The [c] cells that subtraction across the published tables gives back: a cell is
    recovered when its respondents, as a sum over the finest cells (one per combination of
    answers), is a combination of the shown cells'."""
    from carevoice.disclosure import answer_wording

    combos = respondents[variables].astype(object).where(respondents[variables].notna(), "")
    fine = sorted(set(combos.agg("\x1f".join, axis=1)))

    answers = [dict(zip(variables, k.split("\x1f"), strict=True)) for k in fine]

    def vector(variable: str, header: str) -> np.ndarray:
        if variable == "all":
            return np.ones(len(fine))
        return np.array([a[variable] != "" and header in (answer_wording(a[variable]),
                                                           f"aged {a[variable]}")
                         for a in answers], dtype=float)

    out = []
    for theme in {k[0] for k in shown}:
        cells = {k: v for k, v in shown.items() if k[0] == theme}
        known = [vector(k[1], k[2]) for k, v in cells.items() if v is not None]
        a = np.array(known).reshape(-1, len(fine))
        for k, v in cells.items():
            if v is None and _determined(a, vector(k[1], k[2])):
                out.append(k)
    return sorted(out)


@pytest.mark.parametrize("blanks,residuals", [(False, False), (True, False), (True, True)])
def test_no_suppressed_cell_is_recovered_across_nested_subgroup_tables(blanks, residuals):
    """Survey total minus the shown age bands (or placements) of that survey gave back a [c]
    (audit F1): on random fictional surveys whose age bands and placements nest in the survey,
    no [c] of the published tables, counts or level sizes, can be worked out from the rest.
    With ``residuals``, parents hold young people in none of their nested levels (care
    leavers with no age band, a "not answered" placement printed in the placement table, a
    local authority of care leavers only), which the protection counts as unknown unless the
    published cells give them."""
    from carevoice.link import link

    variables = ["survey", "age_group", "placement_type"]
    variables += ["local_authority"] if residuals else []
    rng = np.random.default_rng(2026 + blanks + 2 * residuals)
    hidden = 0
    for _ in range(12):
        comments, codes, respondents = _nested_survey(rng, blanks, residuals)
        prev = link(comments, codes, respondents, by=variables, variables=variables).prevalence
        shown = _published(prev, variables)
        hidden += sum(v is None for v in shown.values())
        assert _recovered(shown, respondents, variables) == []
    assert hidden > 30  # the surveys do have small cells to protect


def test_linked_levels_are_found_from_the_respondents():
    from carevoice.link import link

    comments, codes, respondents = _nested_survey(np.random.default_rng(3))
    prev = link(comments, codes, respondents, by=["survey", "age_group"]).prevalence
    links = prev.attrs["carevoice_linked_levels"]
    assert ("survey", "care_leaver", "age_group", ("18-21", "22-25")) in links
    assert not any(parent == "age_group" for parent, *_ in links)  # survey is not inside age


def test_check_k_anonymity_reads_two_comments_of_one_young_person_together():
    """Audit s26 F2: r0's two comments, shortened in two ways ("care leaver, aged 22-25" and
    "care leaver, staying put"), together give back the description that fits r0 alone."""
    from carevoice.disclosure import check_k_anonymity

    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(20)], "survey": "care_leaver",
                         "age_group": ["22-25"] * 10 + ["18-21"] * 10,
                         "placement_type": ["staying_put"] + ["own_tenancy"] * 9
                         + ["staying_put"] * 10})
    rows = pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r0", "r0"],
                         "attributes_used": ["survey,age_group", "survey,placement_type"]})
    assert check_k_anonymity(rows.iloc[:1], resp) == []
    assert check_k_anonymity(rows.iloc[1:], resp) == []
    assert check_k_anonymity(rows, resp) == ["r0", "r0"]


def _safety_survey():
    """60 young people in care (fictional): Northshire r0-r15; feels safe "never": r0 and
    r20-r29, "sometimes": r30-r39 (all in Southshire). Safety raised by r0 (so Northshire's
    count is 1) and r20-r34, r46-r50."""
    ids = [f"r{i}" for i in range(60)]
    feels = ["never" if i == 0 or 20 <= i < 30 else "sometimes" if 30 <= i < 40 else "always"
             for i in range(60)]
    respondents = pd.DataFrame({"respondent_id": ids, "survey": "in_care",
                                "local_authority": ["Northshire"] * 16 + ["Southshire"] * 44,
                                "feels_safe": feels})
    raised = [0, *range(20, 35), *range(46, 51)]
    comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids, "text": "fictional"})
    codes = pd.DataFrame({"comment_id": [f"r{i}" for i in raised], "theme": "safety"})
    return comments, codes, respondents


def test_a_nested_residual_that_no_table_prints_hides_nothing_more():
    """Every "sometimes" is in Southshire, so Southshire's cell is "sometimes" plus the rest of
    Southshire; Northshire's count of 1 hides Southshire's. The rest of Southshire (its
    "never" and "always") is printed in no table and no sum of printed cells gives it, so the
    "sometimes" cell cannot be worked out from Southshire's and stays shown (it, and another
    feels-safe cell, were hidden when the rest counted as shown)."""
    from carevoice.link import link

    comments, codes, respondents = _safety_survey()
    variables = ["local_authority", "feels_safe"]
    prev = link(comments, codes, respondents, by=variables, variables=variables).prevalence
    assert ("local_authority", "Southshire", "feels_safe", ("sometimes",)) in \
        prev.attrs["carevoice_linked_levels"]
    marked = suppress_prevalence(prev).set_index(["variable", "level"])
    assert marked.loc[("local_authority", "Northshire"), "suppressed"]
    assert marked.loc[("local_authority", "Southshire"), "suppressed"]
    assert not marked.loc[("feels_safe", "sometimes"), "suppressed"]
    assert not marked.xs("feels_safe")["suppressed"].any()
    shown = _published(prev, variables)
    assert _recovered(shown, respondents, variables) == []


def test_a_residual_the_published_cells_give_is_known():
    """The same survey with a placement question whose "residential" young people are exactly
    the rest of Southshire: that rest is printed after all, in the placement table, so
    Southshire's cell is "sometimes" plus "residential" and the "sometimes" cell must be
    hidden beside Southshire's."""
    from carevoice.link import link

    comments, codes, respondents = _safety_survey()
    rest = (respondents["local_authority"] == "Southshire") \
        & (respondents["feels_safe"] != "sometimes")
    respondents["placement_type"] = np.where(rest, "residential", "foster")
    variables = ["local_authority", "feels_safe", "placement_type"]
    prev = link(comments, codes, respondents, by=variables, variables=variables).prevalence
    marked = suppress_prevalence(prev).set_index(["variable", "level"])
    assert marked.loc[("local_authority", "Southshire"), "suppressed"]
    assert marked.loc[("feels_safe", "sometimes"), "suppressed"]
    assert _recovered(_published(prev, variables), respondents, variables) == []


# --------------------------------------------------------------------------------------------
# The k-anonymity check applies the rules the quote selection chooses by
# --------------------------------------------------------------------------------------------
def _money_survey():
    """20 young people in care (fictional): r0-r5 aged 8-10, r6-r19 aged 11-13. Money raised
    by r0 and r1 (aged 8-10) and r6-r11 (aged 11-13)."""
    ids = [f"r{i}" for i in range(20)]
    respondents = pd.DataFrame({"respondent_id": ids, "survey": "in_care",
                                "age_group": ["8-10"] * 6 + ["11-13"] * 14})
    raised = ["r0", "r1", *(f"r{i}" for i in range(6, 12))]
    texts = ["i never know how much pocket money i am meant to get each week",
             "my savings account got forgotten about when i moved to a new home"]
    comments = pd.DataFrame({"comment_id": [f"c{r}" for r in raised], "respondent_id": raised,
                             "text": [texts[i % 2] + f" and that is {i}" for i in
                                      range(len(raised))]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money"})
    return comments, codes, respondents


def test_check_k_anonymity_counts_among_those_who_raised_the_theme_as_the_selection_does():
    """The check counted k among everyone: "in care, aged 8-10" fits 6 young people, but a
    quote about money tells its reader that its author is one of the 2 aged 8-10 who raised
    money, which the selection refuses."""
    from carevoice import HashingEmbedder
    from carevoice.quotes import QuoteConfig, select_quotes

    comments, codes, respondents = _money_survey()
    config = DisclosureConfig(attributes=("survey", "age_group"))
    mine = attribution(respondents, ["r0", "r6"], config).assign(theme="money")
    assert mine["attribution"].tolist() == ["in care, aged 8-10", "in care, aged 11-13"]
    assert check_k_anonymity(mine, respondents, config) == []  # among everyone: 6 and 14
    assert check_k_anonymity(mine, respondents, config, codes=codes,
                             comments=comments) == ["r0"]
    chosen = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           embedder=HashingEmbedder(), disclosure=config,
                           config=QuoteConfig(n_quotes=3, min_words=3),
                           safeguarding=pd.DataFrame({"comment_id": pd.Series(dtype=str)}))
    assert len(chosen) and "in care, aged 8-10" not in set(chosen["attribution"])
    assert check_k_anonymity(chosen, respondents, config, codes=codes, comments=comments) == []


def test_check_k_anonymity_lists_a_quote_that_names_a_hidden_cell():
    """The selection never writes a level shown as [c] for the quote's theme (nor lists a
    quote under one); the check knew nothing of [c] cells."""
    comments, codes, respondents = _money_survey()
    config = DisclosureConfig(attributes=("survey", "age_group"))
    mine = attribution(respondents, ["r6"], config).assign(theme="money")
    hidden = [("money", "age_group", "11-13")]
    assert check_k_anonymity(mine, respondents, config, codes=codes, comments=comments) == []
    assert check_k_anonymity(mine, respondents, config, hidden_cells=hidden) == ["r6"]
    assert check_k_anonymity(mine, respondents, config,
                             hidden_cells=[("iv", "age_group", "11-13")]) == []
    listed = mine.assign(attributes_used="survey", variable="age_group", level="11-13")
    assert check_k_anonymity(listed, respondents, config, hidden_cells=hidden) == ["r6"]
    with pytest.raises(InputError, match="'comments'"):
        check_k_anonymity(mine, respondents, config, codes=codes)
    with pytest.raises(InputError, match="'theme'"):
        check_k_anonymity(mine.drop(columns="theme"), respondents, config, hidden_cells=hidden)


def test_each_wave_is_protected_by_the_levels_that_nest_in_that_wave():
    """compare_waves kept a nesting only when it held in every wave: here "aged 18-21" lies
    inside "care leaver" in the first wave, not in the second (one young person in care
    gave it), and the first wave's [c] for 18-21 was care leavers minus 22-25."""
    from carevoice.link import compare_waves

    rng = np.random.default_rng(11)
    variables = ["survey", "age_group"]
    waves, hidden = {}, 0
    for name in ("2024", "2025"):
        comments, codes, respondents = _nested_survey(rng)
        if name == "2025":  # one young person in care gave an age band of care leavers
            respondents.loc[respondents["survey"] == "in_care", "age_group"] = \
                respondents.loc[respondents["survey"] == "in_care", "age_group"].where(
                    np.arange((respondents["survey"] == "in_care").sum()) > 0, "18-21")
        waves[name] = (comments, codes, respondents)
    prev = compare_waves(waves, by=variables).prevalence
    assert "carevoice_linked_levels" not in prev.attrs  # not the same in both waves
    marked = suppress_prevalence(prev)
    for name, (_, _, respondents) in waves.items():
        wave = marked[marked["wave"] == name].drop(columns="wave")
        shown = _published(wave, variables)
        hidden += sum(v is None for v in shown.values())
        assert _recovered(shown, respondents, variables) == [], name
    assert hidden > 5


def test_check_k_anonymity_counts_a_quote_among_those_who_wrote_its_language():
    """The selection counts a quote's language among what it tells of its author (the only
    young person who wrote Polish); the check, given the comments with their language, too."""
    comments, codes, respondents = _money_survey()
    comments["language"] = ["pl"] + [""] * (len(comments) - 1)
    config = DisclosureConfig(attributes=("survey",))
    quotes = attribution(respondents, ["r0", "r6"], config).assign(
        theme="money", comment_id=["cr0", "cr6"])
    assert check_k_anonymity(quotes, respondents, config) == []
    assert check_k_anonymity(quotes, respondents, config, codes=codes,
                             comments=comments) == ["r0"]
    assert check_k_anonymity(quotes, respondents, config, codes=codes,
                             comments=comments.drop(columns="language")) == []


def test_check_k_anonymity_says_why_each_quote_fails():
    """check_k_anonymity gave the respondent ids only: which combination of answers, which
    [c] cell or which earlier report made a quote fail was left to the caller to work out.
    ``reasons=True`` gives a frame of ``respondent_id, reason``, indexed as the quotes."""
    resp = pd.DataFrame({"respondent_id": list("abcdefghij"),
                         "survey": ["in_care"] * 9 + ["care_leaver"],
                         "age_group": ["11-13"] * 5 + ["14-15"] * 5})
    quotes = pd.DataFrame({
        "respondent_id": ["a", "j", "b", "c"], "theme": "money",
        "attributes_used": ["survey", "survey,age_group", "age_group", ""],
        "variable": ["all", "all", "all", "age_group"], "level": ["all", "all", "all", "11-13"],
        "text": ["I get no bus money.", "My PA never calls back.", "Pocket money is late.",
                 "I want a phone."]}, index=[10, 11, 12, 13])
    earlier = [pd.DataFrame({"text": ["Nothing the same."], "respondent_id": ["x"]}),
               pd.DataFrame({"text": ["pocket money is late"], "respondent_id": ["c"]})]
    hidden = [("money", "age_group", "11-13")]
    config = DisclosureConfig(k=5, attributes=("survey", "age_group"))
    ids = check_k_anonymity(quotes, resp, config, hidden_cells=hidden, earlier_quotes=earlier)
    assert ids == ["j", "b", "c"]  # unchanged without reasons
    why = check_k_anonymity(quotes, resp, config, hidden_cells=hidden, earlier_quotes=earlier,
                            reasons=True)
    assert list(why.columns) == ["respondent_id", "reason"]
    assert why.index.tolist() == [11, 12, 13]
    assert why["respondent_id"].tolist() == ids
    assert why["reason"].tolist() == [
        "fits 1 young person, fewer than k=5: survey=care_leaver, age_group=14-15",
        ("names a cell shown as [c] of theme money: age_group=11-13; "
         "repeats earlier_quotes[1]: the same or nearly the same words"),
        ("names a cell shown as [c] of theme money: age_group=11-13; "
         "repeats earlier_quotes[1]: its author quoted there")]
    # the text of a quote is never repeated in its reason
    assert not any(t.lower().rstrip(".") in r.lower()
                   for t in quotes["text"] for r in why["reason"])
    # nothing fails: an empty frame with the same columns
    none = check_k_anonymity(quotes.iloc[:1], resp, config, reasons=True)
    assert none.empty and list(none.columns) == ["respondent_id", "reason"]


def test_check_k_anonymity_reasons_name_the_subgroup_theme_and_other_quotes():
    resp = pd.DataFrame({"respondent_id": list("abcdefghi"),
                         "council": list("NNNNNSSSS"), "feels_safe": list("nyyyynnnn")})
    twice = pd.DataFrame({"comment_id": ["c1", "c1"], "respondent_id": ["a", "a"],
                          "attributes_used": ["", ""], "variable": ["council", "feels_safe"],
                          "level": ["N", "n"], "theme": "safety"})
    why = check_k_anonymity(twice, resp, reasons=True)
    assert why["reason"].tolist() == [
        ("fits 1 young person, fewer than k=5: listed under council=N, listed under "
         "feels_safe=n, with their other quotes")] * 2
    said = pd.DataFrame({"comment_id": list("abcde"), "respondent_id": list("abcde"),
                         "text": "i do not feel safe at night"})
    coded = pd.DataFrame({"comment_id": list("abcd"), "theme": "safety"})
    one = twice.iloc[:1].assign(variable="all", level="all")
    why = check_k_anonymity(one, resp, codes=coded, comments=said, reasons=True)
    assert why["reason"].tolist() == [
        "fits 4 young people, fewer than k=5: raised theme safety"]
