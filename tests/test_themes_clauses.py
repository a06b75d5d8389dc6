"""Clause themes: a sentence that clearly raises being listened to or trust counts in full."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.errors import InputError
from carevoice.themes import Codebook, Theme, ThemeCoder, load_codebook
from carevoice.themes.model import CLAUSE_LEVEL, CLAUSE_THEMES


@pytest.fixture(scope="module")
def coder() -> ThemeCoder:
    return ThemeCoder(embedder=HashingEmbedder(), n_splits=2).fit()


def small_codebook() -> Codebook:
    return Codebook((
        Theme("pets", "Pets", "Pets.", examples=("i miss my dog", "my cat", "my hamster died",
                                                 "can i have a puppy", "walk the dog")),
        Theme("food", "Food", "Food.", examples=("more pizza", "dinner is nice", "i love chips",
                                                 "the food is bad", "snacks please")),
    ), version="t", no_theme_examples=("n/a", "nothing", "ok", "dunno", "no"))


def test_the_default_clause_themes_are_voice_and_trust(coder):
    assert set(CLAUSE_THEMES) == {"voice_decisions", "relationships_trust"}
    assert coder.clause_themes_ == ("voice_decisions", "relationships_trust")  # codebook order


def test_a_clear_sentence_lifts_a_clause_theme_in_a_comment_about_something_else(coder):
    # Four sentences about a move and money, one that nobody asked: scored with the segment
    # weight 0.25, that sentence counted a quarter of the way; as a clause theme, in full.
    texts = [("we moved house in the summer. the new flat is bigger. the bus to school takes "
              "an hour now. my allowance went down too. nobody asked me what i wanted."),
             "i like pizza"]
    comments = pd.DataFrame({"comment_id": ["a", "b"], "text": texts})
    read = coder._read(texts)
    segs = coder._segments(read)
    x, x_seg = coder._embed(read), coder._embed(segs[0])
    on = coder._score_raw(coder.models_, read, x, segs, x_seg)
    off = coder.set_params()  # the same fitted coder, scored without its clause themes
    saved = off.clause_themes_
    try:
        off.clause_themes_ = ()
        without = off._score_raw(off.models_, read, x, segs, x_seg)
    finally:
        off.clause_themes_ = saved
    k = coder.themes_.index("voice_decisions")
    no_segments = ([], np.zeros(0, dtype=int), np.zeros(0, dtype=int))
    sentences = [s for s, row in zip(segs[0], segs[1], strict=True) if row == 0]
    alone = [coder._score_raw(coder.models_, [s], coder._embed([s]), no_segments, None)[0, k]
             for s in sentences]
    assert len(sentences) == 5 and max(alone) == alone[-1] >= CLAUSE_LEVEL
    assert on[0, k] > without[0, k]
    assert on[0, k] >= alone[-1]  # counted in full, not a quarter of the way
    # other themes, and a comment without such a sentence, are scored as before
    others = [j for j in range(len(coder.themes_)) if coder.themes_[j] not in CLAUSE_THEMES]
    np.testing.assert_array_equal(on[:, others], without[:, others])
    np.testing.assert_array_equal(on[1], without[1])
    assert coder.score_frame(comments)["voice_decisions"].iloc[0] >= 0.5


def test_clause_themes_can_be_switched_off_or_chosen():
    kw = {"embedder": HashingEmbedder(), "n_splits": 2}
    assert ThemeCoder(**kw, clause_themes=()).fit().clause_themes_ == ()
    assert ThemeCoder(**kw, clause_themes=["wellbeing"]).fit().clause_themes_ == ("wellbeing",)
    # a segment weight of your own is used as it is, for every theme
    assert ThemeCoder(**kw, segment_weight=0.5).fit().clause_themes_ == ()
    assert "clause_themes" in ThemeCoder().get_params()
    assert repr(ThemeCoder(clause_themes=())) == "ThemeCoder(clause_themes=())"


@pytest.mark.parametrize("given", [("pets",), "pets", (3,), 3])
@pytest.mark.parametrize("segment_weight", [None, 0.5])
def test_clause_themes_must_be_themes_of_the_codebook(given, segment_weight):
    with pytest.raises(InputError, match="'clause_themes' parameter of ThemeCoder") as info:
        ThemeCoder(embedder=HashingEmbedder(), n_splits=2, clause_themes=given,
                   segment_weight=segment_weight).fit()
    assert "voice_decisions" in str(info.value)  # lists the valid ids


def test_a_renamed_clause_theme_stays_one_and_other_codebooks_have_none():
    renamed = load_codebook().with_theme_renamed("voice_decisions", "being_heard")
    coder = ThemeCoder(embedder=HashingEmbedder(), codebook=renamed, n_splits=2).fit()
    assert coder.clause_themes_ == ("being_heard", "relationships_trust")
    own = ThemeCoder(embedder=HashingEmbedder(), codebook=small_codebook(), reference=False).fit()
    assert own.clause_themes_ == ()
