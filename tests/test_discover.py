"""Theme discovery: determinism, outliers, multi-topic membership, descriptions, validation.

Fast unit tests use the offline HashingEmbedder on a small synthetic corpus of fictional
comments written for these tests; one integration test runs the packaged MiniLM model on the
demo corpus.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder, InputError, NotFittedError
from carevoice.discover import (
    OUTLIER,
    AssignConfig,
    ThemeDiscovery,
    Topics,
    auto_n_topics,
    ctfidf,
    diverse_examples,
    reduce_embeddings,
    representative_examples,
    select_uncoded,
    topic_keywords,
)
from carevoice.discover.represent import topic_label

#: Fictional comments in four planted groups (family, money, workers, school) plus noise.
GROUPS = {
    "family": ["i miss my brother", "want to see my sister more",
               "contact with my mum is once a month",
               "my nan lives too far to visit", "i never see my little brother",
               "more time with my dad and my sisters", "let me see my mum at weekends",
               "i want to live with my brother again"],
    "money": ["more money for driving lessons", "my allowance is not enough money",
              "leaving care grant ran out fast", "cant pay my gas bill", "money for bus fares",
              "i need money for food", "savings account money went missing",
              "struggling with money and rent"],
    "workers": ["my social worker keeps changing", "new social worker every few months",
                "social worker never rings back", "had five social workers this year",
                "my social worker left and nobody told me", "agency social worker again",
                "the social worker is always too busy", "same social worker for a year please"],
    "school": ["school exclusion was unfair", "help with my exams at school",
               "college course is hard", "school moved me to the bottom set",
               "i got into college", "tutor at school helps with maths",
               "missed school when i moved", "university applications are confusing"],
}


def _comments() -> pd.DataFrame:
    texts = [t for group in GROUPS.values() for t in group] + ["n/a", "", "x"]
    return pd.DataFrame({"comment_id": [f"c{i:02d}" for i in range(len(texts))],
                         "respondent_id": [f"r{i % 9}" for i in range(len(texts))],
                         "text": texts})


@pytest.fixture(scope="module")
def _fitted() -> ThemeDiscovery:
    return ThemeDiscovery(HashingEmbedder(), n_topics=4).fit(_comments())


@pytest.fixture
def topics(_fitted: ThemeDiscovery) -> Topics:
    """The fitted topics (an immutable value, so sharing it is safe)."""
    return _fitted.topics_


def _primary(topics: Topics) -> pd.Series:
    rows = topics.assignments[topics.assignments["primary"]]
    return rows.set_index("comment_id")["topic"]


def test_discovery_recovers_planted_groups(topics):
    from sklearn.metrics import adjusted_rand_score

    primary = _primary(topics)
    planted = [name for name, group in GROUPS.items() for _ in group]
    found = primary.iloc[:len(planted)].tolist()
    # chance level is 0; the hashing embedder knows spelling, not meaning
    assert adjusted_rand_score(planted, found) >= 0.3


def test_topic_frames_have_the_documented_columns(topics):
    assert list(topics.assignments.columns) == ["comment_id", "topic", "score", "primary"]
    assert list(topics.topics.columns) == ["topic", "label", "keywords", "size", "n_primary",
                                           "share", "representative", "diverse"]
    # one primary row per comment, every comment present
    primary = topics.assignments[topics.assignments["primary"]]
    assert primary["comment_id"].is_unique
    assert set(primary["comment_id"]) == set(_comments()["comment_id"])
    assert topics.topic_ids == tuple(range(len(topics.topic_ids)))  # renumbered by size
    assert list(topics.topics["n_primary"]) == sorted(topics.topics["n_primary"], reverse=True)


def test_blank_comments_are_outliers(topics):
    primary = _primary(topics)
    blank = _comments().loc[_comments()["text"] == "", "comment_id"].item()
    assert primary.loc[blank] == OUTLIER


def test_two_runs_are_identical():
    a = ThemeDiscovery(HashingEmbedder(), n_topics=4, random_state=3).fit(_comments()).topics_
    b = ThemeDiscovery(HashingEmbedder(), n_topics=4, random_state=3).fit(_comments()).topics_
    pd.testing.assert_frame_equal(a.assignments, b.assignments)
    pd.testing.assert_frame_equal(a.topics, b.topics)
    assert a.to_table().to_csv(index=False) == b.to_table().to_csv(index=False)


@pytest.mark.parametrize("reducer", ["spectral", "none"])
def test_every_reducer_runs(reducer):
    topics = ThemeDiscovery(HashingEmbedder(), n_topics=4, reducer=reducer).fit(
        _comments()).topics_
    assert 2 <= len(topics.topic_ids) <= 4


def test_outliers_follow_the_similarity_threshold():
    strict = ThemeDiscovery(HashingEmbedder(), n_topics=4, min_similarity=0.6).fit(
        _comments()).topics_
    loose = ThemeDiscovery(HashingEmbedder(), n_topics=4, min_similarity=-1.0).fit(
        _comments()).topics_
    assert strict.outlier_share > loose.outlier_share
    # with no threshold only the blank comment is left out, and it is not counted as an
    # outlier: the share is of answered comments (a skipped question fits no topic by nature)
    primary = loose.assignments[loose.assignments["primary"]]
    assert (primary["topic"] == OUTLIER).sum() == 1
    assert loose.outlier_share == 0.0 and loose.n_blank == 1
    assert "1 blank" in repr(loose)
    # an outlier's score is below the threshold, a member's at or above it
    primary = strict.assignments[strict.assignments["primary"]]
    members = primary[primary["topic"] != OUTLIER]
    assert (members["score"] >= 0.6).all()


def _blobs(mixed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """Four tight groups of 8 synthetic vectors, plus ``mixed`` vectors halfway between 0 and 1."""
    rng = np.random.default_rng(0)
    centres = np.eye(16)[:4]
    x = np.vstack([c + 0.05 * rng.normal(size=(8, 16)) for c in centres]
                  + [((centres[0] + centres[1]) / np.sqrt(2))[None, :]] * mixed)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    texts = [t for group in GROUPS.values() for t in group] + ["both"] * mixed
    frame = pd.DataFrame({"comment_id": [f"b{i:02d}" for i in range(len(x))], "text": texts})
    return frame, x


def test_blobs_are_recovered_exactly():
    from sklearn.metrics import adjusted_rand_score

    frame, x = _blobs()
    topics = ThemeDiscovery(n_topics=4).fit(frame, embeddings=x).topics_
    found = _primary(topics).loc[frame["comment_id"]].tolist()
    assert adjusted_rand_score(np.repeat(np.arange(4), 8), found) == 1.0
    assert topics.outlier_share == 0.0


def _background_blobs() -> tuple[pd.DataFrame, np.ndarray]:
    """Five groups of 10 synthetic vectors: the four of ``_blobs`` plus one the target lacks."""
    rng = np.random.default_rng(1)
    centres = np.eye(16)[:5]
    x = np.vstack([c + 0.05 * rng.normal(size=(10, 16)) for c in centres])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    frame = pd.DataFrame({"comment_id": [f"g{i:02d}" for i in range(len(x))],
                          "text": [f"earlier wave comment {i}" for i in range(len(x))]})
    return frame, x


def test_background_shapes_clusters_but_is_never_reported():
    frame, x = _blobs()
    back, xb = _background_blobs()
    model = ThemeDiscovery(n_topics=5)
    topics = model.fit(frame, embeddings=x, background=back, background_embeddings=xb).topics_
    # only the target's comments are assigned, described and quoted
    assert set(topics.assignments["comment_id"]) == set(frame["comment_id"])
    quoted = {c for col in ("representative", "diverse") for ids in topics.topics[col]
              for c in ids}
    assert quoted <= set(frame["comment_id"])
    assert len(topics.comments) == len(frame) and model.reduced_.shape[0] == len(frame)
    # the fifth group exists only in the background, so it is not a topic
    assert len(topics.topic_ids) == 4
    from sklearn.metrics import adjusted_rand_score

    found = _primary(topics).loc[frame["comment_id"]].tolist()
    assert adjusted_rand_score(np.repeat(np.arange(4), 8), found) == 1.0
    again = ThemeDiscovery(n_topics=5).fit(frame, embeddings=x, background=back,
                                           background_embeddings=xb).topics_
    pd.testing.assert_frame_equal(topics.assignments, again.assignments)


def test_background_counts_towards_auto_topics():
    frame, x = _blobs()
    back, xb = _background_blobs()
    alone = ThemeDiscovery().fit(frame, embeddings=x)
    joint = ThemeDiscovery().fit(frame, embeddings=x, background=back, background_embeddings=xb)
    assert auto_n_topics(len(frame)) < auto_n_topics(len(frame) + len(back))
    assert alone.n_topics_ <= auto_n_topics(len(frame))
    assert joint.n_topics_ >= 4


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"background_embeddings": np.zeros((3, 16))}, "needs the 'background'"),
    ({"background": "earlier.csv"}, "'background' argument"),
    ({"background": pd.DataFrame({"comment_id": ["g1", "g1"], "text": ["a", "b"]})},
     "'background' argument .* duplicate comment_id"),
    ({"background": pd.DataFrame({"comment_id": ["g1"], "text": ["a"]}),
      "background_embeddings": np.zeros((2, 16))}, "'background_embeddings' argument"),
    ({"background": pd.DataFrame({"comment_id": ["g1"], "text": ["a"]}),
      "background_embeddings": np.ones((1, 8))}, "same model"),
])
def test_bad_background_is_named(kwargs, match):
    frame, x = _blobs()
    with pytest.raises(InputError, match=match):
        ThemeDiscovery(n_topics=4).fit(frame, embeddings=x, **kwargs)


@pytest.mark.parametrize("membership", ["classifier", "similarity"])
def test_comments_can_belong_to_two_topics(membership):
    frame, x = _blobs(mixed=2)
    one = ThemeDiscovery(n_topics=4, max_topics=1, membership=membership).fit(
        frame, embeddings=x).topics_
    two = ThemeDiscovery(n_topics=4, max_topics=2, second_margin=0.2, membership=membership).fit(
        frame, embeddings=x).topics_
    assert (one.assignments.groupby("comment_id").size() == 1).all()
    rows = two.assignments[two.assignments["comment_id"] == "b32"]
    assert len(rows) == 2 and rows["primary"].sum() == 1
    primary = _primary(two)
    assert set(rows["topic"]) == {primary["b00"], primary["b08"]}  # the two groups it is between
    # comments firmly in one group stay single-topic
    single = two.assignments[two.assignments["comment_id"].isin(frame["comment_id"][:32])]
    assert single["primary"].all()
    # a second topic too far below the first (or too unlikely) is not given
    strict = ThemeDiscovery(n_topics=4, second_margin=0.0, max_topics=3, membership=membership,
                            member_probability=1.0).fit(frame, embeddings=x).topics_
    assert (strict.assignments["comment_id"] == "b32").sum() == 1
    # a new comment halfway between two groups joins both; one inside a group joins one
    clean, xc = _blobs()
    model = ThemeDiscovery(n_topics=4, max_topics=2, second_margin=0.2, membership=membership)
    model.fit(clean, embeddings=xc)
    half = ((np.eye(16)[0] + np.eye(16)[1]) / np.sqrt(2))[None, :]
    new = pd.DataFrame({"comment_id": ["n1", "n2"], "text": ["both", "one"]})
    pred = model.predict(new, embeddings=np.vstack([half, xc[:1]]))
    assert set(pred.loc[pred["comment_id"] == "n1", "topic"]) == {
        _primary(model.topics_)["b00"], _primary(model.topics_)["b08"]}
    assert (pred["comment_id"] == "n2").sum() == 1


def test_membership_classifiers_are_kept_and_checked():
    frame, x = _blobs(mixed=2)
    topics = ThemeDiscovery(n_topics=4).fit(frame, embeddings=x).topics_
    assert topics.classifiers.shape == (len(topics.topics), x.shape[1] + 1)
    assert np.isfinite(topics.classifiers).all()  # every blob has enough members
    similar = ThemeDiscovery(n_topics=4, membership="similarity").fit(frame, embeddings=x)
    assert similar.topics_.classifiers is None
    with pytest.raises(InputError, match="'membership'"):
        ThemeDiscovery(membership="vibes").fit(frame, embeddings=x)
    with pytest.raises(InputError, match="'member_probability'"):
        AssignConfig(member_probability=2)


def test_topics_are_described(topics):
    for _, row in topics.topics.iterrows():
        assert row["label"]
        assert row["keywords"] or row["n_primary"] < 4
        assert len(row["representative"]) >= 1 and len(row["diverse"]) >= 1
        members = set(topics.members(row["topic"])["comment_id"])
        assert set(row["representative"]) <= members
        assert set(row["diverse"]) <= members
    money = [kw for kw in topics.topics["keywords"] if "money" in kw]
    social = [kw for kw in topics.topics["keywords"] if "social worker" in kw]
    assert money and social


def test_examples_and_describe(topics):
    both = topics.examples(0, "both")
    assert list(both.columns) == ["comment_id", "text", "kind"]
    assert both["comment_id"].is_unique
    assert set(both["kind"]) <= {"representative", "diverse"}
    overview = topics.describe()
    assert list(overview.columns) == ["topic", "label", "size", "share", "keywords", "examples"]
    with pytest.raises(InputError, match="'kind'"):
        topics.examples(0, "random")


def test_predict_embeds_the_text_fit_would_embed():
    seen: list[str] = []

    class Recording(HashingEmbedder):
        def encode(self, texts):
            seen.extend(texts)
            return super().encode(texts)

    model = ThemeDiscovery(Recording(), n_topics=2).fit(_comments())
    seen.clear()
    model.predict(pd.DataFrame({"comment_id": ["n1"],
                                "text": ["Kai Brennan from Leeds rang my social worker"]}))
    assert seen and not any("Brennan" in t for t in seen)


def test_table_has_no_text_and_labels_outliers(topics):
    table = topics.to_table()
    assert list(table.columns) == ["comment_id", "topic", "score", "primary", "label",
                                   "keywords", "size"]
    assert "text" not in table.columns
    assert (table.loc[table["topic"] == OUTLIER, "label"] == "(outlier)").all()


def test_predict_uses_fitted_centroids(_fitted):
    new = pd.DataFrame({"comment_id": ["n1", "n2"],
                        "text": ["my social worker changed again", ""]})
    out = _fitted.predict(new)
    assert list(out.columns) == ["comment_id", "topic", "score", "primary"]
    primary = out[out["primary"]].set_index("comment_id")["topic"]
    social = [t for t, kw in zip(_fitted.topics_.topics["topic"],
                                 _fitted.topics_.topics["keywords"], strict=True)
              if "social worker" in kw]
    assert primary["n1"] in social
    assert primary["n2"] == OUTLIER


def test_predict_before_fit_raises():
    with pytest.raises(NotFittedError, match="fit"):
        ThemeDiscovery(HashingEmbedder()).predict(_comments())


def test_precomputed_embeddings_give_the_same_result():
    from carevoice.pseudonymise import pseudonymise

    comments = _comments()
    # fit embeds the text it pseudonymised (tags mode), so precomputed vectors are of that text
    safe = pseudonymise(comments[["comment_id", "text"]]).comments
    vectors = HashingEmbedder().encode(safe["text"].fillna("").tolist())
    a = ThemeDiscovery(HashingEmbedder(), n_topics=4).fit(comments).topics_
    b = ThemeDiscovery(None, n_topics=4).fit(comments, embeddings=vectors).topics_
    pd.testing.assert_frame_equal(a.assignments, b.assignments)


def test_fit_on_uncoded_comments_only():
    comments = _comments()
    money_ids = comments["comment_id"][8:16]
    codes = pd.DataFrame({"comment_id": list(money_ids), "theme": "money", "score": 0.9,
                          "assigned": True})
    topics = ThemeDiscovery(HashingEmbedder(), n_topics=3).fit(comments, codes).topics_
    assert not set(money_ids) & set(topics.assignments["comment_id"])
    assert len(topics.comments) == len(comments) - 8


@pytest.mark.parametrize(("low_confidence", "expected"), [
    (0.0, ["c", "d"]),          # only comments with no assigned theme
    (0.6, ["b", "c", "d"]),     # plus those coded with low confidence
    (1.0, ["a", "b", "c", "d"]),
])
def test_select_uncoded(low_confidence, expected):
    comments = pd.DataFrame({"comment_id": list("abcd"), "text": list("wxyz")})
    codes = pd.DataFrame({"comment_id": ["a", "b", "c", "c"], "theme": ["m", "m", "m", "s"],
                          "score": [0.9, 0.55, 0.3, 0.2],
                          "assigned": ["true", "True", "false", "false"]})
    got = select_uncoded(comments, codes, low_confidence=low_confidence)
    assert got["comment_id"].tolist() == expected


def test_caller_data_is_not_changed():
    comments = _comments()
    before = comments.copy()
    ThemeDiscovery(HashingEmbedder(), n_topics=3).fit(comments)
    pd.testing.assert_frame_equal(comments, before)


@pytest.mark.parametrize(("params", "match"), [
    ({"n_topics": 0}, "'n_topics'"),
    ({"n_topics": "many"}, "'n_topics'"),
    ({"reducer": "tsne"}, "'reducer'"),
    ({"min_similarity": 2}, "'min_similarity'"),
    ({"max_topics": 0}, "'max_topics'"),
    ({"low_confidence": 1.5}, "'low_confidence'"),
    ({"embedder": "minilm"}, "'embedder'"),
])
def test_bad_parameters_are_named(params, match):
    kwargs = {"embedder": HashingEmbedder(), **params}
    with pytest.raises(InputError, match=match):
        ThemeDiscovery(**kwargs).fit(_comments())


def test_bad_comments_name_ids_not_text():
    secret = "Kayleigh from Wigan"
    frame = pd.DataFrame({"comment_id": ["a", "a"], "text": [secret, "x"]})
    with pytest.raises(InputError) as info:
        ThemeDiscovery(HashingEmbedder()).fit(frame)
    assert "a" in str(info.value) and secret not in str(info.value)
    with pytest.raises(InputError, match="lacks column"):
        ThemeDiscovery(HashingEmbedder()).fit(pd.DataFrame({"comment_id": ["a"]}))


def test_assign_config_is_checked():
    with pytest.raises(InputError, match="'second_margin'"):
        AssignConfig(second_margin=-1)
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        AssignConfig().max_topics = 3  # type: ignore[misc]


def test_get_and_set_params():
    model = ThemeDiscovery(HashingEmbedder(), n_topics=5)
    assert model.get_params()["n_topics"] == 5
    assert model.set_params(n_topics=6) is model and model.n_topics == 6
    with pytest.raises(InputError, match="no parameter"):
        model.set_params(k=3)


@pytest.mark.parametrize(("n", "expected"), [(0, 2), (10, 2), (100, 15), (202, 21),
                                             (1700, 40), (100_000, 40)])
def test_auto_n_topics(n, expected):
    assert auto_n_topics(n) == expected


def test_reduce_embeddings_is_deterministic_and_handles_disconnected_graphs():
    rng = np.random.default_rng(1)
    a = rng.normal(size=(20, 16)) + 5
    b = rng.normal(size=(20, 16)) - 5  # two far-apart blobs: a disconnected k-NN graph
    x = np.vstack([a, b])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    one = reduce_embeddings(x, n_components=4, n_neighbors=5)
    two = reduce_embeddings(x, n_components=4, n_neighbors=5)
    assert one.shape == (40, 4)
    np.testing.assert_array_equal(one, two)
    with pytest.raises(InputError, match="'method'"):
        reduce_embeddings(x, method="pca")


@pytest.mark.parametrize(("texts", "labels", "topic", "keyword"), [
    (["my advocate came", "advocate helped", "money for rent", "need money"], [0, 0, 1, 1],
     0, "advocate"),
    (["my social worker left", "social worker changed", "money please", "more money"],
     [0, 0, 1, 1], 0, "social worker"),
    (["the the the school", "school is fine", "money", "money"], [0, 0, 1, 1], 0, "school"),
])
def test_ctfidf_keywords(texts, labels, topic, keyword):
    assert topic_keywords(texts, labels, top_n=3)[topic][0] == keyword


def test_ctfidf_ignores_outliers_and_shared_words():
    topics, terms, weights = ctfidf(["care money", "care advocate", "care zzz"], [0, 1, -1],
                                    min_count=1)
    assert topics == [0, 1]
    assert weights[0, terms.index("money")] > 0
    assert "care" not in terms  # a stop word in answers about care


def test_topic_label():
    assert topic_label([]) == "(no keywords)"
    assert topic_label(["a", "b", "c", "d"], n_words=2) == "a / b"


def test_representative_and_diverse_examples():
    # three near-duplicates next to the centroid and one different member
    v = np.array([[1.0, 0.0, 0.0], [0.999, 0.04, 0.0], [0.998, 0.0, 0.06], [0.7, 0.7, 0.14]])
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    centroid = v.mean(axis=0)
    rep = representative_examples(v, centroid, 2)
    div = diverse_examples(v, centroid, 2, diversity=0.7)
    assert 3 not in rep            # the odd one is not representative...
    assert 3 in div                # ...but MMR picks it for diversity
    assert diverse_examples(v, centroid, 2, diversity=0.0) == rep
    assert representative_examples(v[:0], centroid) == []


def test_pseudonymisation_tags_are_not_keywords():
    texts = ["[PERSON_1] is my advocate", "[PERSON_2] my advocate", "[ORG_3] money", "money [ORG]"]
    keywords = topic_keywords(texts, [0, 0, 1, 1])
    assert keywords[0][0] == "advocate" and keywords[1][0] == "money"
    assert not {"person", "org"} & {k for kw in keywords.values() for k in kw}


#: Fictional comments in which the same child's name and home town recur within one group, as
#: they do when several young people from one children's home answer a survey.
_NAMED = pd.DataFrame({
    "comment_id": [f"n{i}" for i in range(12)],
    "text": ["Kayden from Rochdale is my best mate and i miss him",
             "i miss Kayden since he moved to Rochdale",
             "want to see Kayden in Rochdale more",
             "they moved Kayden back to Rochdale and i miss him",
             "i miss my mate Kayden, he lives in Rochdale now",
             "Kayden went to Rochdale and i never see him",
             "more money for the bus", "my allowance is not enough money",
             "money for driving lessons", "i need money for food",
             "cant pay my gas bill money", "money for my phone"]})


@pytest.mark.parametrize("already", [False, True])
def test_fit_pseudonymises_before_describing(already):
    model = ThemeDiscovery(HashingEmbedder(), n_topics=2, random_state=0,
                           text_is_pseudonymised=already).fit(_NAMED)
    topics = model.topics_
    described = " ".join(topics.topics["label"]) + " ".join(
        k for kws in topics.topics["keywords"] for k in kws)
    quoted = " ".join(topics.comments["text"])
    if already:  # the caller vouched for the text: it is used as it is (and leaks here)
        assert "kayden" in described.lower() and "Rochdale" in quoted
    else:
        for name in ("kayden", "rochdale"):
            assert name not in described.lower() and name not in quoted.lower()
        assert "[PERSON_1]" in quoted
        for n in (0, 1):
            assert not any("Kayden" in str(t) for t in topics.examples(n, "both")["text"])
    assert model.get_params()["text_is_pseudonymised"] is already


def test_fit_pseudonymises_deterministically():
    def table() -> pd.DataFrame:
        return ThemeDiscovery(HashingEmbedder(), n_topics=2).fit(_NAMED).topics_.to_table()

    pd.testing.assert_frame_equal(table(), table())


def test_text_is_pseudonymised_must_be_bool():
    with pytest.raises(InputError, match="text_is_pseudonymised"):
        ThemeDiscovery(HashingEmbedder(), text_is_pseudonymised="yes").fit(_NAMED)


def test_diverse_examples_add_phrasings_beyond_the_representative_ones(topics):
    """When a topic has members enough, the diverse examples are other comments than the
    representative ones (they were only kept apart from the first)."""
    n = 5
    checked = 0
    for _, row in topics.topics.iterrows():
        if row["n_primary"] >= 2 * n:
            assert not set(row["representative"]) & set(row["diverse"]), row["topic"]
            checked += 1
        else:
            assert row["representative"][0] not in row["diverse"]
    assert checked
