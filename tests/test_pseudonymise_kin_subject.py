"""A word that is the subject of "is my (little) sister", "is my bro", "is my best friend" is a
person's name wherever a clause opens on it: after a comma that follows "more", "much" or "a
bit" ("i want to see her more, pebble is my little sister"), after "so", "then" or "now", and
after a verb of knowing or saying ("i know pebble is my sister", "i said that quill is my
girlfriend"). Family words take any bare word; friends and partners, which a child also says of
things, a word the name lists know, a word capitalised inside its sentence, or a rare word (not
"money is my best friend"). All names and comments are fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import pseudonymise
from carevoice.pseudonymise.names import NameDetector


def _found(text: str) -> set[str]:
    """The words :class:`NameDetector` finds as names in ``text``."""
    spans = NameDetector().detect(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    return {text[s:e] for s, e in zip(spans["start"], spans["end"])}


@pytest.mark.parametrize(("text", "name"), [
    # after a comma that follows a word making the next a noun ("more", "much", "a bit")
    ("I want to see her more, Pebble is my little sister and we got split up", "Pebble"),
    ("i dont see him much, kettle is my big brother", "kettle"),
    ("we only talk a bit, Thimble is my best friend", "Thimble"),
    ("i need them more; walnut is my twin sister", "walnut"),
    # after "so", "then", "now"
    ("so thimble is my sis and she looks after me", "thimble"),
    ("then kettle is my bro, he is 16", "kettle"),
    ("and now walnut is my baby sister", "walnut"),
    ("I moved out then Gravel is my foster brother", "Gravel"),
    # after a verb of knowing or saying, with or without "that"
    ("I know pebble is my little sister but we live apart", "pebble"),
    ("i said that quill is my girlfriend", "quill"),
    ("I think Cobalt is my cousin", "Cobalt"),
    # the frame ends with "now", "still", "again"
    ("gravel is my partner now", "gravel"),
    ("lantern is my little sister still", "lantern"),
])
def test_the_subject_of_is_my_kin_is_a_name(text, name):
    assert name in _found(text)


@pytest.mark.parametrize("text", [
    # pronouns, determiners and ordinary subjects
    "She is my sister and I love her",
    "I know she is my sister",
    "So this is my brother now",
    "I said that this is my brother",
    "Music is my best friend",
    "Food is my best mate",
    "Football is my life",
    "Art is my favourite",
    "Church is my family",
    "I think nobody is my friend",
    "I think everyone is my friend now",
    "Honestly, school is my safe place",
    "so school is my safe place",
    # common words of things are friends, not people
    "money is my best friend",
    "I know that money is my best friend",
    "I need more, money is my best friend",
    "Sleep is my bestie",
    "then sleep is my best mate",
    "Give it a bit, time is my best friend",
    "I got lots, drawing is my best friend",
    "I miss contact, mum is my best friend",
])
def test_look_alikes_keep_their_words(text):
    assert _found(text) == set(), _found(text)


def test_a_word_name_repeated_before_is_my_little_sister_is_masked_whole():
    """Through the whole pseudonymiser: neither mention of a dictionary word no name list
    holds is left in clear."""
    comments = pd.DataFrame({"comment_id": ["k1", "k2"], "text": [
        "I want to see Pebble more, Pebble is my little sister and we got split up.",
        "i want to see him more, kettle is my big brother and he is 15."]})
    out = pseudonymise(comments).comments["text"].tolist()
    assert "Pebble" not in out[0] and "kettle" not in out[1], "a name left in clear"
    assert "little sister" in out[0] and "big brother" in out[1]
