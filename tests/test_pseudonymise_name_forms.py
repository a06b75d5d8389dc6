"""Names in forms the word rules do not read by themselves: names joined by "/", "+" or "&".

All names and comments are fictional.
"""

from __future__ import annotations

import pytest

from carevoice.pseudonymise import NameDetector
from carevoice.pseudonymise._tokens import Tokens
from carevoice.pseudonymise.lexicons import first_names

NAMES = NameDetector()


def covered(text: str) -> set[str]:
    return {text[s.start:s.end] for s in NAMES.find("c", text)}


def covers(text: str, surface: str) -> bool:
    i = text.index(surface)
    j = i + len(surface)
    return any(s.start <= i and s.end >= j for s in NAMES.find("c", text))


# --- names joined by "/", "+" or "&" ---------------------------------------------------

@pytest.mark.parametrize(("text", "people"), [
    ("me/jade/remi share a flat now", {"jade", "remi"}),
    ("me / jade / remi share a flat now", {"jade", "remi"}),
    ("me+jade went to the cinema", {"jade"}),
    ("me&jade got moved", {"jade"}),
    ("me & jade got moved", {"jade"}),
    ("jade/me are in the same home", {"jade"}),
])
def test_names_joined_by_a_slash_plus_or_ampersand_are_read_as_joined_by_and(text, people):
    assert people <= covered(text), covered(text)


def test_names_joined_by_a_slash_are_found_as_names_joined_by_and():
    slash = covered("me/jade/remi share a flat now")
    said = covered("me and jade and remi share a flat now")
    assert slash == said == {"jade", "remi"}


@pytest.mark.parametrize("text", [
    "my s/w is ok and my iro is fine",
    "his/her carer should listen",
    "mum/dad never visit me",
    "staff are there 24/7 and/or on call",
    "born 3/4/2009",
    "go to www.example.org/help/amber for info",
])
def test_a_slash_in_words_that_are_no_names_finds_no_name(text):
    assert not {s for s in NAMES.find("c", text)
                if s.detector in ("names:coordination", "names:context")}, covered(text)


def test_the_join_is_a_token_between_words_only():
    sent = Tokens.read("me/amber & dex, s/w 24/7 see example.org/amber", first_names())
    assert sent.lows[:5] == ["me", "&", "amber", "&", "dex"]
    assert "&" not in sent.lows[5:]  # not between single letters, numbers or in a link


def test_w_slash_is_read_as_with():
    assert Tokens.read("out w/ amber", first_names()).lows == ["out", "with", "amber"]
    assert Tokens.read("w/e i dont care", first_names()).lows[0] == "w"
