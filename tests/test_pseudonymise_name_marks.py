"""Names that quotation marks show: a name opening quoted speech before an order ("she was
like “tamsin get in the car”") or words that say what someone is ("she goes “blessing ur not
going out”"), and a nickname in quotes after "calls me", whoever the caller
("my foster dad calls me 'moose'"), and a nickname of a letter and a word joined by a hyphen
opening a sentence as its subject ("t-bone is a good lad").

All names and comments are fictional.
"""

from __future__ import annotations

import pytest

from carevoice.pseudonymise import NameDetector

NAMES = NameDetector()


def covered(text: str) -> list[str]:
    return [text[s.start:s.end] for s in NAMES.find("c", text)]


# --- a name opening quoted speech, before an order -------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ('my carer was like "tamsin get your shoes on"', "tamsin"),
    ("he said 'orrin come here now' so i went", "orrin"),
    ("she goes 'jaxon please sit down'", "jaxon"),
    ('the manager went "kenzie, stop that"', "kenzie"),
    ('she was like "summer come here"', "summer"),  # no season is told to come
])
def test_a_name_opening_quoted_speech_before_an_order_is_found(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    'she was like "mum get in the car"',
    "he said 'guys come here'",
    "he said 'you come here'",
    'he said "just get in the car"',
    "she said 'babe come here'",
    'he said "will come here"',
])
def test_a_word_opening_quoted_speech_is_left(text: str) -> None:
    assert covered(text) == []


# --- a name opening quoted speech that tells someone what they are ---------------------------

@pytest.mark.parametrize(("text", "name"), [
    ('my foster mum goes "blessing ur not going out like that"', "blessing"),
    ("he said 'favour you are not my problem' and left", "favour"),
    ('she was like "precious your so ungrateful"', "precious"),
    ('the carer shouted "mercy you need to get up now"', "mercy"),
    ("she went 'joy youre not listening to me'", "joy"),
])
def test_a_name_opening_quoted_speech_before_you_are_is_found(text: str, name: str) -> None:
    """A word-name (or any name) said to someone at the start of quoted speech, before "ur
    not", "you are", "your so" (for "you're") or "you need to"."""
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    'she texted "hope ur ok" after',
    "she texted 'hope you're alright'",
    'she said "babe ur so funny"',
    'he went "bruv ur mad"',
    "she goes 'hun you are a star'",
    'the poster said "treasure your family"',
    'he said "chase ur dreams"',
    'she goes "omg ur not serious"',
    'she said "you are so annoying"',
    "he went 'lucky you are still here'",
    'she said "goodness you are slow"',
])
def test_an_endearment_or_a_word_before_you_are_is_left(text: str) -> None:
    assert covered(text) == []


@pytest.mark.parametrize("text", [
    "she said 'hon come here'",
    'she goes "huni come here"',
    'she goes "lovey get your coat"',
    'he shouted "blud stop it"',
    'she screamed "christ get in the car"',
])
def test_an_endearment_or_exclamation_before_an_order_is_left(text: str) -> None:
    assert covered(text) == []


# --- a nickname in quotes after a single caller ----------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("my foster dad calls me 'moose'", "moose"),
    ('nan calls me "sprout" all the time', "sprout"),
    ("my foster dad calls me \u201cbiscuit\u201d lol", "biscuit"),
    ("grandad calls me 'pip'", "pip"),  # also the benefit, but quoted after "calls me"
])
def test_a_quoted_nickname_after_one_caller_is_found(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    "my dad calls me 'names'",
    "they called me 'back' lol",
    "mum calls me 'trouble'",
    'she calls me "lazy" all the time',  # what is said of someone, not who they are
    "my brother calls me stupid",
    "my carer calls me names",
])
def test_what_one_caller_says_that_is_no_nickname_is_left(text: str) -> None:
    assert covered(text) == []


# --- a hyphenated nickname opening a sentence -------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("d-rock is a good lad", "d-rock"),
    ("m-dawg said he would sort it", "m-dawg"),
    ("its ok. k-man was my best mate in there", "k-man"),
    ("b-rad texted me last night", "b-rad"),
])
def test_a_hyphenated_nickname_as_a_subject_is_found(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    "x-ray was fine in the end",
    "t-shirt is a good one",
    "a-level results are out",
    "e-mail said i had to wait",
    "d-day is coming",
])
def test_a_thing_written_with_a_letter_and_a_hyphen_is_left(text: str) -> None:
    assert covered(text) == []
