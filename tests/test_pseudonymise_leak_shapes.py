"""The screen for shapes of a missed name: a comment holding one is flagged for review.

Everything here is fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import PatternDetector, PseudonymiseConfig, pseudonymise, review_flags
from carevoice.pseudonymise.leak_shapes import LEAK_SHAPES, leak_shapes, screen_leak_shapes
from carevoice.pseudonymise.review import REVIEW_REASONS

#: A pseudonymised text and the one shape it holds.
SHAPES = [
    ("ghosted zuleika after she told everyone i was in care", "shape_after_contact"),
    ("i blocked Tamsyn on everything", "shape_after_contact"),
    ("snitched on dariusz for vaping and he hates me now", "shape_after_contact"),
    ("i fell out with oluwaseun over nothing", "shape_after_contact"),
    ("thanks for listening, love kenzie x", "shape_sign_off"),
    ("that is all from Tobiah", "shape_sign_off"),
    ("J4yden is the only one who gets me", "shape_digits_in_word"),
    ("everyone calls her r0sie", "shape_digits_in_word"),
    ("me/kenzie/tobiah live in the same flat", "shape_slash_names"),
    ("we made a banner saying #teamzuleika", "shape_hashtag"),
]
#: Look-alikes: the same places, with ordinary words, text-speak or a tag in them.
LOOK_ALIKES = [
    "ghosted everyone after the review",
    "i blocked [PERSON_1] on everything",
    "i messaged my sw and she never replied",
    "snitched on them for smoking",
    "i fell out with my bestie",
    "we texted loads last night",
    "i got told off for nothing",
    "thanks for listening, love you x",
    "i got a letter from school",
    "see you later, from [PERSON_2] x",
    "c u l8r, it was gr8",
    "in y10 i moved to a new school",
    "she has a ps4 and a ps5",
    "mum/dad/carer should all be at the meeting",
    "he/she/they should ask first",
    "#loveislove and #careexperienced",
    "#carecommunity is where i found people",
    "lives with different carers now",
]


@pytest.mark.parametrize(("text", "code"), SHAPES)
def test_each_shape_of_a_missed_name_is_found(text: str, code: str) -> None:
    assert leak_shapes(text) == (code,)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_same_places_with_ordinary_words_are_no_shape(text: str) -> None:
    assert leak_shapes(text) == ()


def test_words_a_replacement_put_in_are_not_read() -> None:
    # a surrogate after "messaged" was a name found and replaced: not a missed one
    text = "i messaged Zuleika and she replied"
    start = text.index("Zuleika")
    assert leak_shapes(text) == ("shape_after_contact",)
    assert leak_shapes(text, [(start, start + 7)]) == ()
    comments = pd.DataFrame({"comment_id": ["c1", "c2"], "text": [text, text]})
    replaced = pd.DataFrame({"comment_id": ["c1"], "out_start": [start], "out_end": [start + 7]})
    assert screen_leak_shapes(comments, replaced).to_dict("list") == {
        "comment_id": ["c2"], "reason": ["shape_after_contact"]}


def test_the_shapes_are_review_reasons() -> None:
    assert set(LEAK_SHAPES) <= set(REVIEW_REASONS)


def test_a_comment_with_a_shape_is_flagged_though_no_detector_fired() -> None:
    """Only the pattern detector runs, so no name is found; the flags still name the comment
    with the missed name, by its id and a reason code (no text), and not the other."""
    frame = pd.DataFrame({"comment_id": ["k1", "k2"], "text": [
        "i blocked tamsyn on everything cos she kept messaging",
        "i blocked everyone on everything cos they kept messaging"]})
    result = pseudonymise(frame, detectors=[PatternDetector()])
    assert result.spans.empty
    flags = review_flags(result)
    assert flags.to_dict("list") == {"comment_id": ["k1"], "reason": ["shape_after_contact"]}
    # a spans frame, as a batch run reads them, with the pseudonymised comments beside it
    assert review_flags(result.spans, comments=result.comments).equals(flags)


@pytest.mark.model
def test_a_surrogate_in_a_shape_flags_nothing() -> None:
    """In surrogates mode the name found after "messaged" is replaced by a made-up name: the
    screen reads the key's offsets and leaves it alone."""
    frame = pd.DataFrame({"comment_id": ["k1"], "text": ["i messaged Tamsyn Okafor-Lund"]})
    result = pseudonymise(frame, PseudonymiseConfig(mode="surrogates", use_spacy=False))
    assert len(result.spans)
    assert not any(r.startswith("shape_") for r in review_flags(result)["reason"])
