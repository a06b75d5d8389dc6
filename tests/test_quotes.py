"""Quote selection: representative, diverse, never flagged, never raw, k-anonymous."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.disclosure import DisclosureConfig, check_k_anonymity
from carevoice.errors import InputError
from carevoice.quotes import QuoteConfig, flagged_ids, select_quotes

from ._quote_texts import MOVES, UNSAFE
from .conftest import SCREEN_RULES

TEXTS = [
    "i want to see my mum and my little brother more often than once a month",
    "i want to see my mum and my brother more often, once a month is not enough",
    "contact with my dad keeps getting cancelled at the last minute by the council",
    "i miss my nan and my dogs and nobody takes me to see them anymore",
    "i want to see my mum and my sister more often please",
    "the contact centre is cold and a stranger writes down everything we say",
    "my social worker cancelled contact with my brother again this week",
    "i want to see my mum more often",
]


@pytest.fixture()
def data():
    n = len(TEXTS)
    ids = [f"r{i}" for i in range(n)] + [f"x{i}" for i in range(20)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)],
                             "respondent_id": ids[:n], "text": TEXTS})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact",
                          "score": [0.9 - i / 100 for i in range(n)], "assigned": True})
    respondents = pd.DataFrame({
        "respondent_id": ids, "survey": "in_care",
        "age_group": ["11-13"] * 14 + ["14-15"] * 14,
        "placement_type": ["foster", "residential"] * 14})
    return comments, codes, respondents


def test_raw_text_is_refused(data):
    comments, codes, respondents = data
    with pytest.raises(InputError, match="pseudonymised"):
        select_quotes(comments, codes, respondents, safeguarding=SCREEN_RULES,
                      embedder=HashingEmbedder())


def test_first_quote_is_the_most_typical_and_the_rest_are_diverse(data):
    comments, codes, respondents = data
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=3))
    assert len(quotes) == 3
    assert quotes["rank"].tolist() == [1, 2, 3]
    assert quotes["similarity"].iloc[0] == quotes["similarity"].max()
    # near-duplicates of the first quote are not picked next (maximal marginal relevance)
    mum_more = quotes["text"].str.startswith("i want to see my mum").sum()
    assert mum_more <= 1
    assert quotes["respondent_id"].is_unique
    typical = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                            safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                            config=QuoteConfig(n_quotes=3, relevance=1.0))
    assert typical["text"].str.startswith("i want to see my mum").sum() == 3


def test_relevance_one_ranks_by_centroid_only(data):
    comments, codes, respondents = data
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                           config=QuoteConfig(n_quotes=3, relevance=1.0))
    assert quotes["similarity"].is_monotonic_decreasing


@pytest.mark.parametrize("flagged", [["c0", "c1", "c4"], "needs_review"])
def test_flagged_comments_are_never_quoted(data, flagged):
    comments, codes, respondents = data
    comments = comments.assign(needs_review=comments["comment_id"].isin(["c0", "c1", "c4"]))
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder(), flagged=flagged,
                           config=QuoteConfig(n_quotes=8))
    assert not set(quotes["comment_id"]) & {"c0", "c1", "c4"}
    assert len(quotes) == len(TEXTS) - 3


def test_review_column_is_used_by_default():
    df = pd.DataFrame({"comment_id": ["a", "b", "c"], "needs_review": ["false", "true", "1"]})
    assert flagged_ids(df) == {"b", "c"}


def test_attributions_are_k_anonymous_and_per_respondent_limit_holds(data):
    comments, codes, respondents = data
    extra = codes.assign(theme="relationships_trust")
    quotes = select_quotes(comments, pd.concat([codes, extra]), respondents,
                           text_is_pseudonymised=True, safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(),
                           by=["placement_type"],
                           config=QuoteConfig(n_quotes=3, max_per_respondent=1, min_group=2),
                           disclosure=DisclosureConfig(k=4))
    # k counts among those who raised the theme (8 here, 4 in each placement)
    assert len(quotes)
    assert check_k_anonymity(quotes, respondents, DisclosureConfig(k=4)) == []
    assert (quotes["group_size"] >= 4).all()
    per_author = quotes.groupby("respondent_id")["comment_id"].nunique()
    assert (per_author <= 1).all()
    assert set(quotes["variable"]) == {"all", "placement_type"}


def test_no_quotes_when_population_is_smaller_than_k(data):
    comments, codes, respondents = data
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(), disclosure=DisclosureConfig(k=500))
    assert quotes.empty


@pytest.mark.model
def test_real_model_picks_on_topic_quotes(data):
    from carevoice import SentenceTransformerEmbedder

    comments, codes, respondents = data
    off = pd.DataFrame({"comment_id": ["o1"], "respondent_id": ["r7"],
                        "text": ["i support arsenal and i like playing minecraft with mates"]})
    codes2 = pd.concat([codes, pd.DataFrame({"comment_id": ["o1"],
                                             "theme": ["family_contact"]})])
    quotes = select_quotes(pd.concat([comments, off]), codes2, respondents,
                           text_is_pseudonymised=True, embedder=SentenceTransformerEmbedder(),
                           config=QuoteConfig(n_quotes=2, relevance=0.9))
    assert "o1" not in set(quotes["comment_id"])


def test_maximal_marginal_relevance_trades_relevance_for_novelty():
    from carevoice.mmr import maximal_marginal_relevance

    v = np.array([[1.0, 0.0], [0.99, 0.141], [0.0, 1.0], [0.6, 0.8]])
    rel = v @ np.array([1.0, 0.0])
    assert maximal_marginal_relevance(v, rel, 3, diversity=0.0) == [0, 1, 3]
    assert maximal_marginal_relevance(v, rel, 3, diversity=0.9) == [0, 2, 3]
    # excluded rows are never picked but push their neighbours down
    assert maximal_marginal_relevance(v, rel, 1, diversity=0.8, exclude=[0]) == [2]
    # candidates restrict and order the choice; eligibility is asked again after each pick
    assert maximal_marginal_relevance(v, rel, 4, candidates=[3, 2]) == [3, 2]
    one_side = maximal_marginal_relevance(
        v, rel, 4, eligible=lambda i, picked: not ({i} | set(picked)) >= {0, 1})
    assert one_side[0] == 0 and 1 not in one_side and len(one_side) == 3
    assert maximal_marginal_relevance(v, rel, 0) == []


def test_subgroup_quotes_are_k_anonymous_within_their_subgroup():
    """A quote listed under "residential" tells its reader the placement: the attribution must
    describe k residential respondents, not k respondents of any placement."""
    rows = []
    for age in ("8-10", "11-13", "14-15", "16-17", "18-21"):
        rows += [("residential", age)] + [("foster", age)] * 6
    resp = pd.DataFrame(rows, columns=["placement_type", "age_group"]).assign(survey="in_care")
    resp.insert(0, "respondent_id", [f"r{i:02d}" for i in range(len(resp))])
    texts = ["i want to see my brother more often than once a month",
             "contact with my mum keeps getting cancelled every time",
             "my nan is not allowed to visit me at the home"]
    comments = pd.DataFrame({"comment_id": "c" + resp["respondent_id"],
                             "respondent_id": resp["respondent_id"],
                             "text": [f"{texts[i % 3]} {i}" for i in range(len(resp))]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact"})
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(), by=["placement_type"])
    residential = quotes[quotes["level"] == "residential"]
    assert len(residential) and (residential["group_size"] >= 5).all()
    assert not residential["attribution"].str.contains("aged").any()
    assert check_k_anonymity(quotes, resp) == []
    # the check itself counts the subgroup: the old attribution would now be caught
    stale = residential.assign(attributes_used="survey,age_group")
    assert check_k_anonymity(stale, resp) == stale["respondent_id"].tolist()


def test_only_levels_quotes_the_groups_named_with_other_comments_than_the_overall_ones():
    """The report quotes the answers its joint displays name, beside those findings: one
    subgroup, with comments not already chosen for the theme (a quote is shown once)."""
    resp = pd.DataFrame({"respondent_id": [f"r{i:02d}" for i in range(40)], "survey": "in_care",
                         "placement_type": ["residential"] * 20 + ["foster"] * 20})
    texts = ["i want to see my brother more often than once a month",
             "contact with my mum keeps getting cancelled every time",
             "my nan is not allowed to visit me at the home",
             "i only see my dad at the contact centre for an hour"]
    comments = pd.DataFrame({"comment_id": "c" + resp["respondent_id"],
                             "respondent_id": resp["respondent_id"],
                             "text": [f"{texts[i % 4]} {i}" for i in range(40)]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact"})
    kwargs = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(),
              "safeguarding": SCREEN_RULES,
              "by": ["placement_type"], "disclosure": DisclosureConfig(attributes=("survey",))}
    every = select_quotes(comments, codes, resp, **kwargs)
    assert set(every["level"]) == {"all", "residential", "foster"}
    quotes = select_quotes(comments, codes, resp, **kwargs,
                           only_levels=[("family_contact", "placement_type", "residential")])
    assert set(quotes["level"]) == {"all", "residential"}
    overall = set(quotes.loc[quotes["level"] == "all", "comment_id"])
    sub = quotes.loc[quotes["level"] == "residential", "comment_id"]
    assert len(sub) == 3 and not overall & set(sub)
    assert (quotes["respondent_id"].isin(resp["respondent_id"][:20])
            | (quotes["level"] == "all")).all()
    assert check_k_anonymity(quotes, resp) == []


# -- the audit of the report's quotes (findings 1, 2, 3, 6, 8, 10) ----------------------------
def _two_groups():
    """40 young people, all "in care, aged 14-15"; 10 in Northshire, 6 in kinship care, and
    only r0 both. r0's comment c0 raises placement stability and safety (fictional)."""
    resp = pd.DataFrame({
        "respondent_id": [f"r{i}" for i in range(40)], "survey": "in_care", "age_group": "14-15",
        "placement_type": ["kinship"] + ["foster"] * 29 + ["kinship"] * 5 + ["foster"] * 5,
        "local_authority": ["Northshire"] * 10 + ["Southshire"] * 30})
    moves, safe = MOVES[:12], UNSAFE[:3]
    rows = [("c0", "r0", ("they moved me out of my area for safety but i still dont feel "
                          "safe at night"), ["placement_stability", "safety"])]
    rows += [(f"a{i}", f"r{i}", t, ["placement_stability"])
             for i, t in zip([*range(1, 7), *range(20, 26)], moves, strict=True)]
    rows += [(f"b{i}", f"r{i}", t, ["safety"]) for i, t in zip(range(10, 13), safe, strict=True)]
    comments = pd.DataFrame([r[:3] for r in rows],
                            columns=["comment_id", "respondent_id", "text"])
    codes = pd.DataFrame([(r[0], t) for r in rows for t in r[3]], columns=["comment_id", "theme"])
    return comments, codes, resp


def test_a_comment_is_quoted_once_in_the_whole_selection():
    """Audit finding 1: c0 beside "Northshire" as "in care, aged 14-15" and again in the
    safety quotes as "in care, aged 14-15, kinship care" described one young person."""
    comments, codes, resp = _two_groups()
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(), by=["local_authority"],
                           config=QuoteConfig(n_quotes=4, min_group=2),
                           only_levels=[("placement_stability", "local_authority", "Northshire")])
    assert (quotes["comment_id"] == "c0").sum() <= 1
    assert quotes["comment_id"].is_unique
    assert check_k_anonymity(quotes, resp) == []


def test_no_quotes_for_a_theme_fewer_than_min_group_raised(data):
    """Audit finding 2: one quote beside a hidden count told that one young person raised it."""
    comments, codes, respondents = data
    few = codes.assign(theme=np.where(codes["comment_id"].isin(["c2", "c5", "c6"]), "money",
                                      "family_contact"))
    quotes = select_quotes(comments, few, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder())
    assert "money" not in set(quotes["theme"]) and "family_contact" in set(quotes["theme"])
    # the count is of everyone who raised it, quotable or not: a flagged comment still counts
    flagged = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                            safeguarding=SCREEN_RULES,
                            embedder=HashingEmbedder(), flagged=["c0", "c1", "c2", "c3"])
    assert len(flagged) == 3
    none = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                         safeguarding=SCREEN_RULES, embedder=HashingEmbedder(), overall=False)
    assert none.empty


def test_quote_counts_are_separate_can_be_zero_and_capped(data):
    """Audit finding 6: QuoteConfig(n_quotes=0) was refused, and one count served both."""
    comments, codes, respondents = data
    kwargs = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(),
              "safeguarding": SCREEN_RULES, "disclosure": DisclosureConfig(k=4),
              "by": ["placement_type"]}  # 4 of each placement raised the theme
    assert select_quotes(comments, codes, respondents, **kwargs,
                         config=QuoteConfig(n_quotes=0, min_group=2)).empty
    answers_only = select_quotes(comments, codes, respondents, **kwargs,
                                 config=QuoteConfig(n_quotes=0, n_quotes_per_answer=2,
                                                    min_group=2))
    assert set(answers_only["variable"]) == {"placement_type"}
    assert answers_only.groupby("level").size().max() == 2
    overall_only = select_quotes(comments, codes, respondents, **kwargs,
                                 config=QuoteConfig(n_quotes=2, n_quotes_per_answer=0,
                                                    min_group=2))
    assert set(overall_only["variable"]) == {"all"} and len(overall_only) == 2
    capped = select_quotes(comments, codes, respondents, **kwargs,
                           config=QuoteConfig(n_quotes=2, max_per_theme=3, min_group=2))
    assert len(capped) == 3
    with pytest.raises(InputError, match="n_quotes_per_answer"):
        QuoteConfig(n_quotes_per_answer=-1)


def test_tags_are_numbered_within_each_quote():
    """Audit finding 8: [PERSON_73] in quotes of three young people linked them."""
    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(6)], "survey": "in_care"})
    texts = ["my foster mum [PERSON_73] is really kind to me and my brother",
             "[PERSON_160] and [PERSON_73] they are my foster carers and i love them",
             "i like living with [PERSON_73] because she listens to me properly",
             "[PERSON_5] my carer is the best and she takes me to [LOCATION_9] on sundays",
             "i trust my foster carer and i can talk to her about anything at all",
             "my carers are kind to me and i feel like part of the family"]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(6)],
                             "respondent_id": resp["respondent_id"], "text": texts})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "relationships_trust"})
    # The similarity path of the safeguarding screen reads "she listens to me" as a possible
    # disclosure (a false alarm, level review); here every comment stands for a quotable one,
    # as if the safeguarding lead had reviewed the flags and released them.
    released = pd.DataFrame({"comment_id": pd.Series(dtype=str)})
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                           embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=6),
                           disclosure=DisclosureConfig(k=5, attributes=("survey",)),
                           safeguarding=released)
    assert len(quotes) == 6
    printed = " ".join(quotes["text"])
    assert "73" not in printed and "160" not in printed and "[LOCATION_1]" in printed
    by_id = dict(zip(quotes["comment_id"], quotes["text"], strict=True))
    assert by_id["c1"] == "[PERSON_1] and [PERSON_2] they are my foster carers and i love them"
    assert by_id["c0"] == "my foster mum [PERSON_1] is really kind to me and my brother"


def test_identical_texts_are_quoted_once(data):
    """Audit finding 10: the same sentence from three young people, quoted three times."""
    comments, codes, respondents = data
    same = comments.assign(text=["i want to see my mum and my brother more often"] * 3
                           + list(comments["text"][3:]))
    quotes = select_quotes(same, codes, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                           config=QuoteConfig(n_quotes=8, relevance=1.0))
    assert quotes["text"].is_unique and len(quotes) == len(TEXTS) - 2


@pytest.mark.parametrize(("text", "details"), [
    # an age after a preposition is an exact age (report audit F9: these read "number")
    ("I was told from 15 that I would get a flat at 18", "age"),
    ("moved to a placement at 17 and found out", "age"),
    ("since the age of 14 i have been in care", "age"),
    ("by sixteen i had moved loads", "age"),
    ("when I turned 16 they moved me", "age"),
    # times, durations and other numbers after the same words are not ages
    ("we eat at 6pm every day", "number"),
    ("i go to bed at 10 o'clock", "number"),
    ("the home is from 15 minutes away", "number"),
    ("at 12:30 we have lunch", "number"),
    ("i got home at 11 at night", "number"),
    ("i waited 15 minutes at 3", "number"),
    ("Mrs [PERSON_1] at number 12 fostered me", "house number"),
])
def test_ages_after_at_from_since_are_ages(text, details):
    from carevoice.quotes import quote_details

    assert quote_details(text) == details


def test_details_are_flagged_and_quoted_only_when_needed():
    """Audit finding 3: ages, house numbers and counts in the text narrowed the description."""
    from carevoice.quotes import quote_details

    assert quote_details("they said i have to move out before I'm 17") == "age"
    assert quote_details("Mrs [PERSON_1] at number 12 fostered me") == "house number"
    assert quote_details("i moved 4 times and ive had nine social workers") == "number"
    assert quote_details("i want to see my mum more often please") == ""
    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(8)], "survey": "in_care"})
    texts = ["i have moved 4 times and i hate moving homes",
             "ive had 9 social workers and moving homes is hard",
             "i moved homes again and i want to stay put now",
             "moving homes all the time means i never settle down",
             "they moved me far away from my school and friends",
             "i was moved again without anyone asking me first",
             "moving placements again and again is really hard",
             "when i was 12 i moved homes three times in a year"]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(8)],
                             "respondent_id": resp["respondent_id"], "text": texts})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "placement_stability"})
    kwargs = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(),
              "safeguarding": SCREEN_RULES,
              "disclosure": DisclosureConfig(attributes=("survey",))}
    quotes = select_quotes(comments, codes, resp, **kwargs, config=QuoteConfig(n_quotes=5))
    assert (quotes["details"] == "").all() and len(quotes) == 5
    more = select_quotes(comments, codes, resp, **kwargs, config=QuoteConfig(n_quotes=7))
    assert (more["details"] != "").sum() == 2
    assert set(more.loc[more["details"] != "", "details"]) <= {"number", "age; number"}
    plain = select_quotes(comments, codes, resp, **kwargs,
                          config=QuoteConfig(n_quotes=5, avoid_details=False))
    assert list(plain.columns) == list(quotes.columns)


# -- audit s26: shortened attributions (F2) and attributions beside a [c] (F5) -----------------
MONEY = ["my leaving care grant did not cover a bed and a cooker",
         "i never have enough money left for food at the end of the month",
         "the bills came before my first payment and i got into debt",
         "i had to borrow money from a friend to pay the gas",
         "nobody told me how to budget before i moved into my flat",
         "my allowance is less than my friends get from their parents"]


def _care_leavers():
    """30 fictional care leavers who all raised money: 12 aged 18-21 and 12 aged 22-25 in
    their own tenancy, 5 aged 18-21 staying put, and one, r29, aged 22-25 staying put."""
    rows = ([("18-21", "own_tenancy")] * 12 + [("22-25", "own_tenancy")] * 12
            + [("18-21", "staying_put")] * 5 + [("22-25", "staying_put")])
    resp = pd.DataFrame(rows, columns=["age_group", "placement_type"])
    resp.insert(0, "survey", "care_leaver")
    resp.insert(0, "respondent_id", [f"r{i:02d}" for i in range(len(rows))])
    resp.loc[29, "respondent_id"] = "r29"
    comments = pd.DataFrame({"comment_id": "m" + resp["respondent_id"],
                             "respondent_id": resp["respondent_id"],
                             "text": [f"{MONEY[i % 6]} number {i}" for i in range(len(rows))]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money"})
    return comments, codes, resp


def _fits_as_printed(quotes, population, k=5):
    """For each quote: how many of ``population`` share every attribute value it writes."""
    sizes = []
    answers = population.set_index("respondent_id")
    for _, q in quotes.iterrows():
        member = np.ones(len(population), dtype=bool)
        for col in [c for c in q["attributes_used"].split(",") if c]:
            member &= (population[col] == answers.at[q["respondent_id"], col]).to_numpy()
        sizes.append(int(member.sum()))
    return sizes


def test_one_list_of_quotes_is_described_at_one_level_of_detail():
    """Audit s26 F2: among quotes reading "care leaver, aged 22-25, own tenancy", the one
    reading "care leaver, aged 22-25" was the only 22-25-year-old staying put."""
    comments, codes, resp = _care_leavers()
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                           config=QuoteConfig(n_quotes=30, max_per_theme=30))
    assert len(quotes) >= 25
    # one level of detail for the whole list: no description is shorter than another
    assert quotes["attributes_used"].nunique() == 1
    assert min(_fits_as_printed(quotes, resp)) >= 5
    # fewer quotes wanted: the full description, without the one who would need less
    few = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                        safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                        config=QuoteConfig(n_quotes=5))
    assert len(few) == 5 and set(few["attributes_used"]) == {
        "survey,age_group,placement_type"}
    assert "r29" not in set(few["respondent_id"])


def test_attribution_shortens_every_description_listed_together():
    """Audit s26 F2, the public function: one rare respondent shortens them all."""
    from carevoice.disclosure import attribution

    _, _, resp = _care_leavers()
    out = attribution(resp, ["r00", "r12", "r29"])
    assert out["attribution"].tolist() == ["care leaver, aged 18-21", "care leaver, aged 22-25",
                                           "care leaver, aged 22-25"]
    assert attribution(resp, ["r00", "r12"])["attributes_used"].nunique() == 1
    assert attribution(resp, ["r00"])["attribution"].tolist() == [
        "care leaver, aged 18-21, own tenancy"]


def test_an_attribution_fits_k_of_those_who_raised_the_theme():
    """Audit s26 F5: "in care, aged 8-10, kinship care" fitted 6 young people of the data but
    one of the 12 who raised money, whose cells for "aged 8-10" and "kinship care" were [c]."""
    rows = ([("11-13", "foster", True)] * 11 + [("8-10", "kinship", True)]
            + [("8-10", "kinship", False)] * 5 + [("11-13", "foster", False)] * 10)
    resp = pd.DataFrame(rows, columns=["age_group", "placement_type", "raised"])
    resp.insert(0, "survey", "in_care")
    resp.insert(0, "respondent_id", [f"r{i:02d}" for i in range(len(rows))])
    raised = resp[resp.pop("raised")]
    comments = pd.DataFrame({"comment_id": "m" + raised["respondent_id"],
                             "respondent_id": raised["respondent_id"],
                             "text": [f"{MONEY[i % 6]} number {i}" for i in range(len(raised))]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money"})
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                           config=QuoteConfig(n_quotes=12, max_per_theme=12))
    assert len(quotes)
    assert not quotes["attribution"].str.contains("8-10|kinship").any()
    assert min(_fits_as_printed(quotes, resp[resp["respondent_id"].isin(
        raised["respondent_id"])])) >= 5


@pytest.mark.parametrize(("text", "kinds"), [
    ("I am the only one in my year at [ORG_1] who is in care and has a guide dog",
     {"unique", "condition"}),
    ("My twin and me were on the local news when we got separated", {"twin", "in the news"}),
    ("I was the only girl at [ORG_1] who was in the paper after the fire",
     {"unique", "in the news"}),
    ("I ran the sponsored swim for the children's home last summer", {"award or event"}),
    ("I was the youngest ever to win the mayor's young carer award", {"unique", "award or event"}),
])
def test_quote_details_names_what_singles_out_by_content(text, kinds):
    """Audit s26 F4: quotes that identify by what they tell had an empty details column."""
    from carevoice.quotes import quote_details

    assert set(quote_details(text).split("; ")) == kinds


def test_quote_details_leaves_ordinary_words_alone():
    from carevoice.quotes import quote_details

    for text in ("the only thing i want is to see my mum", "i won the argument with my sw",
                 "it was news to me that i was moving"):
        assert quote_details(text) == ""


def test_two_comments_of_one_young_person_are_chosen_on_what_they_say_together():
    """Audit s26 F2: r0 is the only one in Northshire who feels safe "never"; one of r0's
    comments beside "Northshire" and another beside "never" described one young person."""
    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(40)], "survey": "in_care",
                         "local_authority": ["Northshire"] * 10 + ["Southshire"] * 30,
                         "feels_safe": ["never"] + ["always"] * 9 + ["never"] * 9
                         + ["always"] * 21})
    north, never = [*range(10)], [0, *range(10, 19)]
    rows = [(f"a{i}", f"r{i}", f"{MOVES[j]} {j}", "placement_stability")
            for j, i in enumerate(north)]
    rows += [(f"b{i}", f"r{i}", f"{UNSAFE[j]} {j}", "safety") for j, i in enumerate(never)]
    comments = pd.DataFrame([r[:3] for r in rows], columns=["comment_id", "respondent_id", "text"])
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": [r[3] for r in rows]})
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                           safeguarding=pd.DataFrame({"comment_id": pd.Series(dtype=str)}),
                           embedder=HashingEmbedder(), by=["local_authority", "feels_safe"],
                           disclosure=DisclosureConfig(attributes=("survey",)),
                           config=QuoteConfig(n_quotes=0, n_quotes_per_answer=10),
                           only_levels=[("placement_stability", "local_authority", "Northshire"),
                                        ("safety", "feels_safe", "never")])
    assert set(quotes["level"]) == {"Northshire", "never"} and len(quotes) >= 15
    assert (quotes["respondent_id"] == "r0").sum() == 1
    assert check_k_anonymity(quotes, resp) == []


def _languages_survey(tags: list[str]):
    """Twelve young people raise family contact; comment c0 is the most typical one."""
    texts = [f"i want to see my mum and my brother more often, visit {i} got cancelled"
             for i in range(12)]
    ids = [f"r{i}" for i in range(12)] + [f"x{i}" for i in range(20)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(12)],
                             "respondent_id": ids[:12], "text": texts, "language": tags})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact",
                          "score": 0.9, "assigned": True})
    respondents = pd.DataFrame({"respondent_id": ids, "survey": "in_care", "age_group": "14-15",
                                "placement_type": "foster"})
    return comments, codes, respondents


def _quoted(comments, codes, respondents) -> set[str]:
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                           config=QuoteConfig(n_quotes=12, max_per_theme=12))
    return set(quotes["comment_id"])


def test_a_quote_in_a_language_fewer_than_k_wrote_is_not_quoted():
    # the one young person who writes Polish would be known by it: the text shows its
    # language (and the report marks it), whatever the attribution says
    comments, codes, respondents = _languages_survey(["pl"] + [""] * 11)
    assert "c0" in _quoted(comments.drop(columns="language"), codes, respondents)
    quoted = _quoted(comments, codes, respondents)
    assert "c0" not in quoted
    assert len(quoted) == 11


def test_a_language_written_by_k_young_people_is_quoted_and_tags_compare_by_language():
    # five write Portuguese, tagged two ways; "en" and a blank are both English
    comments, codes, respondents = _languages_survey(
        ["pt-BR", "pt", "PT", "pt", "pt-br"] + ["en", ""] * 3 + ["en"])
    assert _quoted(comments, codes, respondents) == set(comments["comment_id"])
    # four are too few for k = 5
    comments, codes, respondents = _languages_survey(["pt"] * 4 + [""] * 8)
    assert _quoted(comments, codes, respondents) == {f"c{i}" for i in range(4, 12)}
