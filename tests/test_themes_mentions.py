"""Use and mention: a care-system word the comment talks about is read as "that word"."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice import HashingEmbedder, SentenceTransformerEmbedder
from carevoice.errors import InputError
from carevoice.themes.mentions import mentioned_terms, read_mentions
from carevoice.themes.model import ThemeCoder


@pytest.mark.parametrize(("text", "terms"), [
    ("stop calling it contact its my nan", ("contact",)),
    ("why is it called a placement when its my home", ("placement",)),
    ("they call us LAC like we lack something", ("lac",)),
    ("they call my dad my 'birth father' in every letter", ("birth father",)),
    ("the word respite makes me feel like a burden", ("respite",)),
    ("words like 'placement', 'contact' and LAC", ("placement", "contact", "lac")),
    ("Call it family time, not contact.", ("family time", "contact")),
    ("looked after is a weird word, nobody looks after me", ("looked after",)),
    ("contact sounds like a police thing", ("contact",)),
    ("what does CLA mean", ("cla",)),
    ("staff keep saying 'the unit' in front of visitors", ("the unit",)),
    ("they use \"contact\" in every letter, the language is so cold", ("contact",)),
])
def test_a_term_named_as_a_word_is_a_mention(text, terms):
    assert mentioned_terms(text) == terms
    read = read_mentions(text)
    assert read.count("that word") >= len(terms)


@pytest.mark.parametrize("text", [
    "contact got cancelled again",
    "i want more contact with my brother",
    "my 'contact' is one hour a month and its not enough",
    "they called contact off because the worker was ill",
    "i had to call the contact centre to find out",
    "i call my mum every night",
    "my placement broke down after 3 weeks",
    "advocate helped me say i dont want contact with my dad",
    "Westmoor College has a named contact for care leavers",
    "",
])
def test_a_term_used_in_its_ordinary_sense_is_left_alone(text):
    assert mentioned_terms(text) == ()
    assert read_mentions(text) == text


def test_mentions_must_be_a_bool():
    with pytest.raises(InputError, match="'mentions'"):
        ThemeCoder(embedder=HashingEmbedder(), mentions="yes").fit()  # type: ignore[arg-type]


def test_the_coder_reads_mentions_and_keeps_the_comment_as_written():
    coder = ThemeCoder(embedder=HashingEmbedder(), n_splits=2).fit()
    comments = pd.DataFrame({"comment_id": ["a"], "text": ["stop calling it contact"]})
    assert coder._read(comments["text"].tolist()) == ["stop calling it that word"]
    vectors = HashingEmbedder().encode(comments["text"].tolist())
    pd.testing.assert_frame_equal(coder.score_frame(comments, embeddings=vectors),
                                  coder.score_frame(comments))
    off = ThemeCoder(embedder=HashingEmbedder(), n_splits=2, mentions=False).fit()
    assert off._read(["stop calling it contact"]) == ["stop calling it contact"]
    assert "mentions=False" in repr(off)


@pytest.mark.model
def test_real_coder_reads_an_objection_to_the_word_as_records_language():
    objections = ["please stop calling it contact, its just my mum and me having tea",
                  "why is it called a placement when its the only home ive got"]
    uses = ["contact with my dad got cancelled again",
            "i want more contact with my little sister"]
    comments = pd.DataFrame({"comment_id": ["o1", "o2", "u1", "u2"],
                             "text": objections + uses})
    embedder = SentenceTransformerEmbedder()
    on = ThemeCoder(embedder=embedder, n_splits=2).fit().score_frame(comments)
    off = ThemeCoder(embedder=embedder, n_splits=2, mentions=False).fit().score_frame(comments)
    on, off = on.set_index("comment_id"), off.set_index("comment_id")
    # read as a mention, the objection is records language and not what the word names ...
    assert (on.loc[["o1", "o2"], "records_language"] >= 0.5).all()
    assert on.loc["o1", "family_contact"] < 0.5 <= off.loc["o1", "family_contact"]
    assert on.loc["o2", "placement_stability"] < 0.5 <= off.loc["o2", "placement_stability"]
    # ... while the word used in its ordinary sense is still family contact
    assert (on.loc[["u1", "u2"], "family_contact"] >= 0.5).all()
