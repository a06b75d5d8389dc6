"""The theme coder: estimator contract, determinism, multi-label, no theme, human examples."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder, SentenceTransformerEmbedder
from carevoice.errors import InputError, NotFittedError
from carevoice.schema import CODE_COLUMNS
from carevoice.themes import NO_THEME, Codebook, Theme, ThemeCoder, load_codebook, split_segments


def frame(*texts: object) -> pd.DataFrame:
    return pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))],
                         "text": pd.array(list(texts), dtype="string")})


@pytest.fixture(scope="session")
def _hashing_coder() -> ThemeCoder:
    return ThemeCoder(embedder=HashingEmbedder(), n_splits=2).fit()


@pytest.fixture
def coder(_hashing_coder: ThemeCoder) -> ThemeCoder:
    return _hashing_coder  # read-only use: predict does not change a fitted coder


def small_codebook() -> Codebook:
    return Codebook((
        Theme("pets", "Pets", "Pets.", examples=("i miss my dog", "my cat", "my hamster died",
                                                 "can i have a puppy", "walk the dog")),
        Theme("food", "Food", "Food.", examples=("more pizza", "dinner is nice", "i love chips",
                                                 "the food is bad", "snacks please")),
    ), version="t", no_theme_examples=("n/a", "nothing", "ok", "dunno", "no"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i miss my brother", []),
        ("i miss my brother. also my social worker keeps changing",
         ["i miss my brother", "also my social worker keeps changing"]),
        ("school is ok but the food is rank", ["school is ok", "the food is rank"]),
        ("line one here\nline two here", ["line one here", "line two here"]),
        ("ok. fine. whatever then", []),  # segments under three words are dropped
        ("", []),
    ],
)
def test_split_segments(text, expected):
    assert split_segments(text) == expected


def test_not_fitted():
    from sklearn.exceptions import NotFittedError as SklearnNotFittedError

    coder = ThemeCoder(embedder=HashingEmbedder())
    for method in (coder.predict, coder.score_frame, coder.predict_proba, coder.decision_frame):
        with pytest.raises(NotFittedError, match=rf"not fitted.* before {method.__name__}\(\)"):
            method(frame("hello"))
    with pytest.raises(NotFittedError):
        coder.nearest_examples("hello", "money")
    with pytest.raises(SklearnNotFittedError):  # what scikit-learn's tools catch
        coder.predict(frame("hello"))


def test_scikit_learn_checks_and_clone(coder):
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError as SklearnNotFittedError
    from sklearn.utils.validation import check_is_fitted

    with pytest.raises(SklearnNotFittedError):
        check_is_fitted(ThemeCoder(embedder=HashingEmbedder()))
    check_is_fitted(coder)
    twin = clone(coder)
    assert not hasattr(twin, "thresholds_")
    assert twin.get_params()["n_splits"] == coder.n_splits


def test_predict_leaves_the_fitted_coder_alone(coder):
    import copy

    state = {k: copy.deepcopy(v) for k, v in vars(coder).items() if k.endswith("_")
             and k not in {"models_", "embedder_", "codebook_"}}
    coder.predict(frame("i want to see my mum more", "", "n/a"))
    for name, value in state.items():
        after = getattr(coder, name)
        assert (after.equals(value) if hasattr(value, "equals") else after == value), name
    other = coder.with_embedder(coder.embedder_)
    other.embedder_ = HashingEmbedder(dim=64)  # vectors of another size than at fit
    with pytest.raises(InputError, match="64 dimensions.*fitted on vectors of 256"):
        other.predict(frame("i want to see my mum more"))
    assert other.dim_ == coder.dim_ == 256
    with pytest.raises(InputError, match="min_score"):
        coder.predict(frame("hello"), min_score=True)


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"lexical_weight": 1.5}, "lexical_weight"),
        ({"C": 0}, "'C'"),
        ({"n_splits": 1}, "n_splits"),
        ({"fallback": 0}, "fallback"),
        ({"human_weight": -1}, "human_weight"),
        ({"random_state": "0"}, "random_state"),
        ({"embedder": object()}, "embedder"),
    ],
)
def test_bad_parameters_are_named_at_fit(params, name):
    coder = ThemeCoder(**params)  # __init__ only stores
    with pytest.raises(InputError, match=name):
        coder.fit()


def test_init_stores_parameters_and_fit_does_not_overwrite_them():
    emb = HashingEmbedder()
    coder = ThemeCoder(embedder=emb, codebook=small_codebook(), lexical_weight=0.3)
    assert coder.get_params()["lexical_weight"] == 0.3
    coder.fit()
    assert coder.embedder is emb and coder.lexical_weight == 0.3
    assert coder.themes_ == ("pets", "food")
    assert set(coder.thresholds_.index) == {"pets", "food"}
    with pytest.raises(InputError, match="no parameter 'colour'"):
        coder.set_params(colour=1)


def test_predict_contract(coder):
    comments = frame("i want to see my mum more", "n/a", None, "   ")
    comments.index = [10, 11, 12, 13]
    before = comments.copy()
    codes = coder.predict(comments)
    pd.testing.assert_frame_equal(comments, before)  # the input is not mutated
    assert tuple(codes.columns) == CODE_COLUMNS
    assert codes["assigned"].dtype == bool
    assert ((codes["score"] >= 0.5) == codes["assigned"]).all()
    assert codes["score"].between(0, 1).all()
    # with min_score=0 every comment x theme has a row, in comment then codebook order
    assert len(codes) == 4 * len(coder.themes_)
    assert codes["theme"].tolist()[: len(coder.themes_)] == list(coder.themes_)
    wide = coder.score_frame(comments)
    assert wide.index.tolist() == [10, 11, 12, 13]
    assert list(wide.columns) == ["comment_id", *coder.themes_, NO_THEME]
    assert coder.predict_proba(comments).equals(wide)
    fewer = coder.predict(comments, min_score=0.3)
    assert fewer["assigned"].sum() == codes["assigned"].sum() and len(fewer) < len(codes)
    with_none = coder.predict(comments, include_no_theme=True)
    assert (with_none["theme"] == NO_THEME).sum() == 4


def test_no_theme_outcome(coder):
    comments = frame("n/a", "", None, "nothing really", "my dog is called biscuit")
    codes = coder.predict(comments, include_no_theme=True)
    real = codes[codes["theme"] != NO_THEME]
    assert not real["assigned"].any()
    none = codes[codes["theme"] == NO_THEME]
    assert none["assigned"].all() and (none["score"] >= 0.5).all()
    blank = coder.score_frame(frame("", None))
    assert (blank[list(coder.themes_)] == 0).all().all()


def test_multi_label_long_comment(coder):
    text = ("i want to see my mum more. my social worker keeps changing, "
            "and i have no money for the bus")
    codes = coder.predict(frame(text))
    assigned = set(codes.loc[codes["assigned"], "theme"])
    assert {"family_contact", "staff_turnover", "money"} <= assigned


def test_a_theme_in_one_sentence_is_not_diluted_by_a_longer_comment(coder):
    # Audit 2026-12: a 20,000-character comment ending "i never get to see my mum" scored
    # family_contact 0.31: the whole comment (truncated by the embedder, diluted in TF-IDF)
    # weighs 0.75. Beyond WINDOW segments a comment is read window by window, so the score no
    # longer falls as the comment grows.
    from carevoice.themes.model import WINDOW
    from carevoice.themes.reference import reference_comments

    filler = "we went to the park with my carer and had a picnic. "
    end = "i never get to see my mum or my little brother"
    lengths = [WINDOW, WINDOW + 3, 4 * WINDOW, 40 * WINDOW]
    raw = coder.decision_frame(frame(*(filler * k + end for k in lengths)))["family_contact"]
    assert raw.iloc[1] == pytest.approx(raw.iloc[2]) == pytest.approx(raw.iloc[3])
    assert raw.iloc[1] >= raw.iloc[0] - 1e-9
    # the coder learns from nothing longer: fitting is unchanged by the windows
    assert max(len(split_segments(t)) for t, _ in reference_comments()) <= WINDOW


@pytest.mark.model
def test_real_model_finds_a_theme_at_the_end_of_a_very_long_comment(real_coder):
    text = (("the weather was nice today and we went to the park. " * 380)[:19900]
            + " i never get to see my mum.")
    codes = real_coder.predict(frame(text))
    assert set(codes.loc[codes["assigned"], "theme"]) == {"family_contact"}


def test_deterministic():
    comments = frame("i miss my nan", "too many meetings", "n/a", "my PA left")
    cb = small_codebook()
    a = ThemeCoder(embedder=HashingEmbedder(), codebook=cb).fit().predict(comments)
    b = ThemeCoder(embedder=HashingEmbedder(), codebook=cb).fit().predict(comments)
    pd.testing.assert_frame_equal(a, b)


def test_input_errors_name_ids_not_text(coder):
    secret = "my name is Zebedee Quill"
    dupes = pd.DataFrame({"comment_id": ["x1", "x1"], "text": [secret, secret]})
    with pytest.raises(InputError) as info:
        coder.predict(dupes)
    assert "x1" in str(info.value) and "Zebedee" not in str(info.value)
    with pytest.raises(InputError, match="lacks column"):
        coder.predict(pd.DataFrame({"comment_id": ["a"]}))
    with pytest.raises(InputError, match="pandas DataFrame"):
        coder.predict(["text"])  # type: ignore[arg-type]
    with pytest.raises(InputError, match="min_score"):
        coder.predict(frame("hi"), min_score=2)


def test_human_examples_teach_a_new_way_of_saying_it():
    cb = small_codebook()
    probe = frame("grub is minging here")
    zero = ThemeCoder(embedder=HashingEmbedder(), codebook=cb).fit()
    zero_food = zero.score_frame(probe)["food"].iloc[0]
    human = frame("grub is minging", "minging grub again", "the grub is minging",
                  "my goldfish", "n/a", "dunno mate")
    codes = pd.DataFrame({"comment_id": ["c0", "c1", "c2", "c3"],
                          "theme": ["food", "food", "food", "pets"],
                          "assigned": ["true", "true", "true", "true"]})
    taught = ThemeCoder(embedder=HashingEmbedder(), codebook=cb).fit(human, codes)
    assert taught.n_human_ == 6
    got = taught.predict(probe)
    assert got.loc[got["assigned"], "theme"].tolist() == ["food"]
    assert taught.score_frame(probe)["food"].iloc[0] > zero_food


@pytest.mark.parametrize(
    ("codes", "match"),
    [
        (pd.DataFrame({"comment_id": ["c0"], "theme": ["cars"]}), "not in the codebook: cars"),
        (pd.DataFrame({"comment_id": ["zz"], "theme": ["food"]}), "not in 'comments': zz"),
        (pd.DataFrame({"id": ["c0"]}), "columns 'comment_id' and 'theme'"),
    ],
)
def test_bad_human_codes(codes, match):
    coder = ThemeCoder(embedder=HashingEmbedder(), codebook=small_codebook())
    with pytest.raises(InputError, match=match):
        coder.fit(frame("more pizza"), codes)


def test_fit_needs_both_or_neither():
    with pytest.raises(InputError, match="both"):
        ThemeCoder(embedder=HashingEmbedder()).fit(frame("x"))


def test_theme_without_examples_is_refused():
    cb = small_codebook().with_theme(Theme("cars", "Cars", "Cars."))
    with pytest.raises(InputError, match="cars"):
        ThemeCoder(embedder=HashingEmbedder(), codebook=cb).fit()


def test_nearest_examples(coder):
    near = coder.nearest_examples("i want to see my mum more", "family_contact", k=2)
    assert len(near) == 2 and all(x in load_codebook()["family_contact"].examples for x in near)
    with pytest.raises(InputError, match="theme"):
        coder.nearest_examples("x", "nope")


# -- the real packaged model ----------------------------------------------------------------
@pytest.fixture(scope="session")
def real_coder() -> ThemeCoder:
    return ThemeCoder(embedder=SentenceTransformerEmbedder(), n_splits=2).fit()


@pytest.mark.model
def test_real_model_codes_indirect_phrasings(real_coder):
    cases = {
        "honestly had so many different social workers i stopped learning their names":
            "staff_turnover",
        "they wrote in my notes that i was manipulative. i was ten": "records_language",
        "i just want to be able to stay at my mates house without a police check on his dad":
            "red_tape",
        "didnt know what an advocate was till i was 16": "advocacy",
        "ran out of gas money again and its only the 20th": "money",
    }
    comments = frame(*cases)
    codes = real_coder.predict(comments)
    assigned = codes[codes["assigned"]].groupby("comment_id")["theme"].apply(set)
    hits = sum(theme in assigned.get(f"c{i}", set()) for i, theme in enumerate(cases.values()))
    assert hits >= 4
    none = real_coder.predict(frame("n/a", "my dog is called biscuit and he is fluffy"))
    assert not none["assigned"].any()
    assert np.isfinite(real_coder.thresholds_).all()


# -- the packaged reference comments ---------------------------------------------------------
def test_reference_comments_are_learned_from_when_their_themes_are_in_the_codebook(coder):
    from carevoice.demo import load_demo, load_demo_gold
    from carevoice.themes.reference import reference_comments

    answered = set(load_demo().answered["comment_id"].astype(str))
    gold = load_demo_gold()
    gold = gold[gold["comment_id"].astype(str).isin(answered)]
    supplement = reference_comments()[len(gold):]
    assert len(supplement) > 200  # the reference supplement follows the demo comments
    # the default codebook covers every theme
    assert coder.n_reference_ == len(gold) + len(supplement) > 1700
    off = ThemeCoder(embedder=HashingEmbedder(), codebook=small_codebook(), reference=False).fit()
    assert off.n_reference_ == 0


def test_reference_comments_teach_a_codebook_of_your_own_nothing():
    # Audit 2026-12: with no default theme id the reference comments carry no label for any
    # theme (unknown everywhere), yet 303 of them were counted, calibrated every threshold
    # halfway to 0.10 (F1 0 at every cut-off) and switched the segment weight to 0.25.
    kw = {"embedder": HashingEmbedder(), "codebook": small_codebook(), "n_splits": 2}
    on, off = ThemeCoder(**kw).fit(), ThemeCoder(**kw, reference=False).fit()
    assert on.n_reference_ == 0
    pd.testing.assert_series_equal(on.thresholds_, off.thresholds_)
    assert (on.segment_weight_ == 1.0).all()
    comments = frame("more pizza please. and i miss my dog so much", "n/a", "the bus is late")
    pd.testing.assert_frame_equal(on.score_frame(comments), off.score_frame(comments))


def test_only_themes_with_labels_are_calibrated_on_the_realistic_comments():
    from carevoice.themes.training import HUMAN, PHRASING, REFERENCE, calibrate

    rng = np.random.default_rng(0)
    y_phr = np.repeat(np.eye(2, dtype=np.int8), 10, axis=0)  # 10 phrasings per theme
    oof_phr = np.clip(y_phr * 0.6 + rng.random(y_phr.shape) * 0.3, 0, 1)
    y_ref = np.column_stack([rng.random(40) < 0.3, np.zeros(40)]).astype(np.int8)
    y_ref[:, 1] = -1  # the reference comments were not coded for theme 1
    oof_ref = y_ref.clip(0) * 0.2 + rng.random(y_ref.shape) * 0.15  # lower than phrasings
    oof, y = np.vstack([oof_phr, oof_ref]), np.vstack([y_phr, y_ref])
    groups = np.array([PHRASING] * 20 + [REFERENCE] * 40)
    both = calibrate(oof, y, groups, ["a", "b"], 20.0)
    # the same rows without the second, realistic step
    base = calibrate(oof, y, np.full(60, PHRASING), ["a", "b"], 20.0)
    assert both["b"] == base["b"]  # theme b: nothing to learn from the reference rows
    assert both["a"] != base["a"]
    alone = calibrate(oof_phr, y_phr, np.full(20, PHRASING), ["a", "b"], 20.0)
    # no realistic row carries a label: the phrasings alone decide every threshold
    y_none = np.vstack([y_phr, np.full((40, 2), -1, dtype=np.int8)])
    pd.testing.assert_series_equal(calibrate(oof, y_none, groups, ["a", "b"], 20.0), alone)
    assert HUMAN not in groups


def test_a_theme_added_to_the_default_codebook_keeps_the_zero_shot_segment_weight(coder):
    pets = Theme("pets", "Pets", "Pets.", examples=("i miss my dog", "can i have a hamster",
                                                     "my cat had to go when i moved"))
    added = ThemeCoder(embedder=HashingEmbedder(), codebook=load_codebook().with_theme(pets),
                       n_splits=2).fit()
    assert added.segment_weight_["pets"] == 1.0
    assert (added.segment_weight_.drop("pets") == 0.25).all()
    assert added.n_reference_ == coder.n_reference_


def test_reference_must_be_a_bool():
    with pytest.raises(InputError, match="'reference'"):
        ThemeCoder(embedder=HashingEmbedder(), reference="yes").fit()  # type: ignore[arg-type]


def test_precomputed_embeddings_give_the_same_codes(coder):
    comments = frame("i want to see my mum more. and my social worker keeps leaving",
                     "", "money for the bus")
    texts = comments["text"].fillna("").tolist()
    vectors = HashingEmbedder().encode(texts)
    pd.testing.assert_frame_equal(coder.predict(comments, embeddings=vectors),
                                  coder.predict(comments))
    with pytest.raises(InputError, match="'embeddings'"):
        coder.predict(comments, embeddings=vectors[:2])


def test_segment_weight_follows_what_the_coder_learns_from(coder):
    assert (coder.segment_weight_ == 0.25).all()  # reference comments: realistic, multi-theme
    zero = ThemeCoder(embedder=HashingEmbedder(), codebook=small_codebook(), reference=False)
    assert (zero.fit().segment_weight_ == 1.0).all()  # single-theme phrasings only
    fixed = ThemeCoder(embedder=HashingEmbedder(), codebook=small_codebook(), reference=False,
                       segment_weight=0.0).fit()
    off = ThemeCoder(embedder=HashingEmbedder(), codebook=small_codebook(), reference=False,
                     segments=False).fit()
    comments = frame("more pizza please. and i miss my dog so much", "n/a")
    pd.testing.assert_frame_equal(fixed.score_frame(comments), off.score_frame(comments))
    with pytest.raises(InputError, match="'segment_weight'"):
        ThemeCoder(embedder=HashingEmbedder(), segment_weight=2).fit()


def test_scores_do_not_depend_on_how_many_comments_are_scored_at_once(coder):
    # A batch run codes chunks of any size; float32 products would differ in the 8th decimal
    # with the number of rows and flip a rounded score (seen with chunks of 2).
    from carevoice.demo import load_demo

    comments = load_demo().answered.head(120)[["comment_id", "text"]].reset_index(drop=True)
    whole = coder.decision_frame(comments)
    parts = pd.concat([coder.decision_frame(comments.iloc[i:i + 2])
                       for i in range(0, len(comments), 2)])
    diff = (whole.iloc[:, 1:].to_numpy() - parts.iloc[:, 1:].to_numpy())
    assert np.abs(diff).max() < 1e-12


def test_fold_tfidf_from_shared_counts_equals_a_vectoriser_fitted_on_the_fold():
    # Cross-validation counts n-grams once for all texts; each fold's features must still be
    # exactly those of TF-IDF vectorisers fitted on the fold's training texts alone.
    from sklearn.feature_extraction.text import TfidfVectorizer

    from carevoice.themes.training import _CHARS, _WORDS, _Counts

    texts = ["i want to see my mum more", "my sw keeps changing", "i want to see my mum more",
             "Care is being moved again", "n/a", "my nan lets me stay up", "sw changed AGAIN",
             "i miss my bruther", "care is lanyards"]
    train, test = texts[:6], texts[6:] + texts[:2]
    words, chars = _Counts(texts).tfidf(train)
    for mine, settings, min_df in ((words, _WORDS, 1), (chars, _CHARS, 2)):
        ref = TfidfVectorizer(**settings, min_df=min_df, sublinear_tf=True).fit(train)
        for part in (train, test):
            assert mine.transform(part).shape == ref.transform(part).shape
            np.testing.assert_array_equal(mine.transform(part).toarray(),
                                          ref.transform(part).toarray())


def test_codebook_without_no_theme_examples_learns_no_theme_from_stock_non_answers():
    # Audit 2026-12: with two themes and no no-theme examples the two scores summed to ~1, so
    # every comment got a theme, "n/a" included. Stock non-answers now teach "no theme", and
    # the fit warns that other off-topic answers will still get the nearest theme.
    from carevoice.themes.codebook import NON_ANSWERS

    book = replace(small_codebook(), no_theme_examples=())
    coder = ThemeCoder(HashingEmbedder(), codebook=book, reference=False)
    with pytest.warns(UserWarning, match="no no_theme_examples.*Add no_theme_examples"):
        coder.fit()
    assert coder.training_counts_.loc["pets", "negatives"] == 5 + len(NON_ANSWERS)
    codes = coder.predict(frame("i miss my dog so much", "more pizza please", "",
                                "nothing really", "n/a", "dunno"))
    assigned = codes[codes["assigned"]].groupby("comment_id")["theme"].apply(set).to_dict()
    assert assigned == {"c0": {"pets"}, "c1": {"food"}}


def test_stock_non_answers_leave_out_a_codebook_example():
    from carevoice.themes.training import stock_no_theme_examples

    book = Codebook((Theme("quiet", "Quiet", "Saying nothing.", examples=("Nothing", "pass")),
                     Theme("food", "Food", "Food.", examples=("more pizza",))), version="t")
    stock = stock_no_theme_examples(book)
    assert "nothing" not in stock and "pass" not in stock and "n/a" in stock


def test_theme_without_counter_examples_is_a_clear_error():
    from carevoice.themes.codebook import NON_ANSWERS

    # One theme and no no-theme examples: the stock non-answers are its counter-examples...
    book = Codebook((Theme("pets", "Pets", "Pets.", examples=("my dog", "my cat", "a puppy")),),
                    version="t")
    with pytest.warns(UserWarning, match="no no_theme_examples"):
        ThemeCoder(HashingEmbedder(), codebook=book, reference=False).fit()
    # ... unless the theme claims them all
    book = Codebook((Theme("quiet", "Quiet", "Saying nothing.", examples=NON_ANSWERS),),
                    version="t")
    with pytest.raises(InputError, match="quiet have no counter-example"), \
            pytest.warns(UserWarning, match="no no_theme_examples"):
        ThemeCoder(HashingEmbedder(), codebook=book, reference=False).fit()
