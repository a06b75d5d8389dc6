"""Quote selection: representative, diverse, never flagged, never raw, k-anonymous."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.disclosure import DisclosureConfig, check_k_anonymity
from carevoice.errors import InputError
from carevoice.quotes import QuoteConfig, flagged_ids, select_quotes

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
        select_quotes(comments, codes, respondents, embedder=HashingEmbedder())


def test_first_quote_is_the_most_typical_and_the_rest_are_diverse(data):
    comments, codes, respondents = data
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=3))
    assert len(quotes) == 3
    assert quotes["rank"].tolist() == [1, 2, 3]
    assert quotes["similarity"].iloc[0] == quotes["similarity"].max()
    # near-duplicates of the first quote are not picked next (maximal marginal relevance)
    mum_more = quotes["text"].str.startswith("i want to see my mum").sum()
    assert mum_more <= 1
    assert quotes["respondent_id"].is_unique
    typical = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                            embedder=HashingEmbedder(),
                            config=QuoteConfig(n_quotes=3, relevance=1.0))
    assert typical["text"].str.startswith("i want to see my mum").sum() == 3


def test_relevance_one_ranks_by_centroid_only(data):
    comments, codes, respondents = data
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           embedder=HashingEmbedder(),
                           config=QuoteConfig(n_quotes=3, relevance=1.0))
    assert quotes["similarity"].is_monotonic_decreasing


@pytest.mark.parametrize("flagged", [["c0", "c1", "c4"], "needs_review"])
def test_flagged_comments_are_never_quoted(data, flagged):
    comments, codes, respondents = data
    comments = comments.assign(needs_review=comments["comment_id"].isin(["c0", "c1", "c4"]))
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
                           embedder=HashingEmbedder(), flagged=flagged,
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
                           text_is_pseudonymised=True, embedder=HashingEmbedder(),
                           by=["placement_type"],
                           config=QuoteConfig(n_quotes=3, max_per_respondent=1, min_group=2),
                           disclosure=DisclosureConfig(k=14))
    assert len(quotes)
    assert check_k_anonymity(quotes, respondents, DisclosureConfig(k=14)) == []
    assert (quotes["group_size"] >= 14).all()
    per_author = quotes.groupby("respondent_id")["comment_id"].nunique()
    assert (per_author <= 1).all()
    assert set(quotes["variable"]) == {"all", "placement_type"}


def test_no_quotes_when_population_is_smaller_than_k(data):
    comments, codes, respondents = data
    quotes = select_quotes(comments, codes, respondents, text_is_pseudonymised=True,
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
                             "text": [texts[i % 3] for i in range(len(resp))]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact"})
    quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
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
