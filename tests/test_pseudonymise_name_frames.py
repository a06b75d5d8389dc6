"""Names in weak frames: after a verb of meeting or contact with a time and a place after
them ("i met kyle yesterday at the shop"), given names of many origins the Faker lists lack,
possessives without an apostrophe before a family word ("cant stand hunters dad"), nicknames
others use ("everyone calls me pickle") and surnames with particles ("pieter van der berg").

All names and comments are fictional.
"""

from __future__ import annotations

import pytest

from carevoice.pseudonymise import NameDetector
from carevoice.pseudonymise.lexicons import community_names, first_names

NAMES = NameDetector()


def covered(text: str) -> list[str]:
    return [text[s.start:s.end] for s in NAMES.find("c", text)]


# --- a person met, seen or rung, with a time and a place after ------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("i met kyle yesterday at the shop", "kyle"),  # a name that is sometimes a word
    ("we saw jake today at the park", "jake"),
    ("i bumped into rhodri last week in town", "rhodri"),
    ("i rang tafadzwa last night", "tafadzwa"),
    ("i phoned siwan yesterday", "siwan"),
    ("i saw oyelaran yesterday at the bus stop", "oyelaran"),  # in no list at all
    ("i saw kemi yesterday at the shop", "kemi"),
])
def test_a_person_met_or_rung_is_found_whatever_follows(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    "i saw red yesterday at the shop",
    "i saw the film yesterday at the cinema",
    "i met loads of people last week in town",
    "i saw hope in her eyes",
    "i bumped into trouble in town",
    "i ran into debt last year",
    "i rang the bell at school",
    "i saw summer coming",
    "i saw nothing yesterday at the shop",
    "i met up with mates yesterday",
    "i visited home last week",
    "i saw dad yesterday at the shop",
])
def test_what_is_seen_or_met_that_is_no_person_is_left(text: str) -> None:
    assert covered(text) == []


# --- given names of many origins -----------------------------------------------------------

@pytest.mark.parametrize("name", [
    "siwan", "heledd", "lowri",  # Welsh
    "phuong", "huong", "khanh",  # Vietnamese
    "tolga", "rojin", "dilan",  # Turkish, Kurdish
    "hodan", "sagal", "nimco",  # Somali
    "rakib", "tanjila", "sukhpreet",  # Bengali, Punjabi
    "temitope", "ugochi", "tinashe",  # Nigerian, Zimbabwean
    "xiaoling", "ruairidh",
])
def test_given_names_of_many_origins_are_in_the_lexicon(name: str) -> None:
    assert name in first_names()
    assert covered(f"i saw {name} yesterday at the shop") == [name]


@pytest.mark.parametrize("name", ["siwan", "phuong", "tolga", "hodan", "rakib", "heledd"])
def test_a_listed_name_is_found_before_what_people_do(name: str) -> None:
    assert covered(f"{name} came round last night") == [name]


def test_the_list_of_given_names_holds_no_common_english_word() -> None:
    from carevoice.pseudonymise._tokens import tier

    names = community_names()
    assert len(names) > 500
    assert sorted(n for n in names if tier(n) == "A") == []


# --- a possessive without its apostrophe before a family word -------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("cant stand hunters dad", "hunters"),  # the plural of a word is common: "hunters"
    ("i hate tavions mum", "tavions"),  # a name in no list
])
def test_a_possessive_without_an_apostrophe_is_masked_with_its_s(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    "my mates mum is nice", "the hunters dad was there", "the twins mum came",
    "the kids dad picked us up",
])
def test_a_plural_before_a_family_word_is_no_name(text: str) -> None:
    assert covered(text) == []


# --- nicknames others use ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("everyone calls me pickle", "pickle"),
    ("they call me noodle at school", "noodle"),
    ("the lads all call him tank", "tank"),
    ("me and miracle went to town", "miracle"),  # a virtue name, paired with the speaker
])
def test_a_nickname_others_use_is_masked(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", [
    "they call me names at school", "they call me stupid at school",
    "everyone calls me back later", "she calls me sunshine", "they call me a liar",
    "it was a miracle i passed",
])
def test_what_they_call_someone_that_is_no_nickname_is_left(text: str) -> None:
    assert covered(text) == []


# --- surnames with particles ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("my sw is pieter van der berg", "pieter van der berg"),
    ("my carer is rosa de souza now", "rosa de souza"),
    ("mr van der berg helped me", "mr van der berg"),
    ("my mate ciaran mac an tsaoi is sound", "ciaran mac an tsaoi"),
    ("ms de la cruz is my teacher", "ms de la cruz"),
])
def test_a_surname_with_particles_is_one_span(text: str, name: str) -> None:
    assert covered(text) == [name]


@pytest.mark.parametrize("text", ["we watched la la land", "the van was late"])
def test_particles_alone_are_left(text: str) -> None:
    assert covered(text) == []
