"""Brand words no detector masks that are also people's names ("Costa", "Villa", "Roma",
"Isa", "Sen", "Nando"): left as brands, shops, clubs or words, masked where the words around
say a person the child knows.

All comments and names of people the child knows are fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import detect_pii
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.brand_names import (
    brand_name_people,
    not_pii_names,
    people_with_brand_names,
)
from carevoice.pseudonymise.lexicons import NOT_PII, community_names, first_names, surnames
from carevoice.pseudonymise.public_names import _person_known


def _masked(text: str) -> list[str]:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    return [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]


# --- the words ----------------------------------------------------------------------------

def test_the_words_are_not_pii_words_that_are_names() -> None:
    names = first_names() | surnames() | community_names()
    assert not_pii_names() <= NOT_PII
    assert all(w.removesuffix("'s") in names for w in not_pii_names())
    assert {"costa", "villa", "roma", "isa", "sen", "nando", "mcdonald's"} <= not_pii_names()


@pytest.mark.parametrize("word", [
    "tesco", "argos", "boots", "greggs",  # no name
    "june", "august", "april",  # a month: the name rules read these by their use
    "art", "french", "young", "law",  # common English words
    "theres", "noone", "ramadan", "corona", "madar",  # used as words only
])
def test_words_that_are_no_names_or_used_as_words_are_not_among_them(word: str) -> None:
    assert word in NOT_PII
    assert word not in not_pii_names()


# --- where such a word is a person ----------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("My support worker Costa is lovely", "Costa"),  # after a role
    ("my leaving care worker villa sorted my flat", "villa"),
    ("Roma said I could ring her any time", "Roma"),  # someone who spoke
    ("Costa told me I was doing well", "Costa"),
    ("Nando is my key worker now", "Nando"),  # a role after
    ("Sen is my advocate and she listens", "Sen"),
    ("me n villa go swimming on sundays", "villa"),  # beside "me"
    ("my best friend is Sen", "Sen"),
    ("thank you Costa for sticking with me", "Costa"),  # thanked
    ("thanks Roma, you always listen", "Roma"),
])
def test_a_brand_word_said_of_a_person_is_masked(text: str, name: str) -> None:
    assert _masked(text) == [name]


@pytest.mark.parametrize(("text", "found"), [
    ("Mr Costa's class is the only one I like", ["Costa"]),  # its "'s" is left out
    ("My mentor McDonald's advice was good", ["McDonald"]),
    ("my PA Isa helped with my CV, we had lunch at Costa", ["Isa"]),
])
def test_the_person_is_found_without_a_possessive(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in brand_name_people(text)] == found


# --- where it is a brand, a club or a word --------------------------------------------------

@pytest.mark.parametrize("text", [
    "got a job at costa",
    "went to morrisons",
    "I spend my money at Costa",
    "costa is my favourite place to chill",
    "we watched Villa play on TV",
    "Roma people are treated badly at school",
    "My carer opened an ISA for me",
    "I have SEN and get extra help",
    "I have SEN, my teacher helps",  # an acronym in capitals
    "Nando's is the best for birthdays",
    "McDonald's every friday with my carer",
    "Thanks to Costa for the free hot chocolate",
])
def test_a_brand_word_used_as_a_brand_is_left(text: str) -> None:
    assert brand_name_people(text) == []
    assert _masked(text) == []


def test_new_spans_are_people_to_review() -> None:
    comments = pd.DataFrame({"comment_id": ["a", "b"],
                             "text": ["we went to Costa", "my sw Costa said no"]})
    spans = people_with_brand_names(comments, spans_frame([("a", 0, 2, "PERSON", 0.9, "names")]))
    new = spans.iloc[1:]
    assert new[["comment_id", "start", "end", "label", "score", "detector"]].values.tolist() \
        == [["b", 6, 11, "PERSON", 0.5, "names:brand"]]


# --- the shared check ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "known"), [
    ("Saka is my mate and we play FIFA", True),  # the role word, then more words
    ("Saka, my leaving care worker, is great", True),
    ("Saka is my favourite player", False),
    ("Saka scored twice. My mate cried", False),  # not past the sentence's end
])
def test_a_role_after_a_name_is_read_past_the_words_that_say_which(text: str,
                                                                   known: bool) -> None:
    assert _person_known(text, 0, 4) is known
