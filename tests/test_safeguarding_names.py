"""The safeguarding rules read a person's name as written where they read a role or a person tag.

``tests/data/safeguarding_named_subjects.jsonl`` holds our own fictional sentences: disclosures
whose subject is a person's name ("Kai hits me", "jayden beats me up in the park") and harmless
sentences with a name beside a word that looks like harm ("Kai hits the ball", "Josh hit me up
on snap", "Leah punches above her weight"). Each row names the person (``name``), so that the
same sentence with a person tag in its place can be screened too. Before names were read, the
rules flagged "[PERSON_1] hits me" and not "Kai hits me", which is what batch runs and the
demo screen.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carevoice.safeguarding import screen_text
from carevoice.safeguarding._names import names_as_tags

_ROWS = [json.loads(line) for line in (Path(__file__).parent / "data" /
                                       "safeguarding_named_subjects.jsonl").read_text(
    "utf-8").splitlines() if line.strip()]
_DISCLOSURES = [r for r in _ROWS if r["concern"]]
_HARMLESS = [r for r in _ROWS if not r["concern"]]


def test_the_set_holds_both_kinds():
    assert len(_DISCLOSURES) >= 30 and len(_HARMLESS) >= 30
    assert len({r["id"] for r in _ROWS}) == len(_ROWS)
    assert all(r["name"] in r["text"] for r in _ROWS)


@pytest.mark.parametrize("row", _DISCLOSURES, ids=[r["id"] for r in _DISCLOSURES])
def test_a_disclosure_naming_the_person_is_flagged(row):
    assert set(row["categories"]) <= set(screen_text(row["text"]))


@pytest.mark.parametrize("row", _HARMLESS, ids=[r["id"] for r in _HARMLESS])
def test_a_name_beside_a_harm_like_word_is_not_flagged(row):
    assert screen_text(row["text"]) == {}


@pytest.mark.parametrize("row", _ROWS, ids=[r["id"] for r in _ROWS])
def test_a_name_reads_as_its_person_tag(row):
    """Screened as written or pseudonymised, the sentence gets the same flags."""
    tagged = row["text"].replace(row["name"], "[PERSON_1]", 1)
    assert screen_text(row["text"]) == screen_text(tagged)


@pytest.mark.parametrize(("text", "read"), [
    ("Kai hits me", "someone hits me"),
    ("me and jayden", "me and someone"),  # lower case, a name only
    ("Kai's dad hits me", "someone's dad hits me"),
    ("Tyler, Mia and Kai", "someone, someone and someone"),
    ("and Jack hit me", "and someone hit me"),  # inside a sentence, a name sometimes a word
    ("Jack hits me", "someone hits me"),  # at the start, a first name before a verb of harm
    ("Im scared of Kai", "Im scared of someone"),
    ("[Person 3] and Kai", "[Person 3] and someone"),  # a tag stays a tag
    # not names: a word at the start of a sentence that is also a word, an ordinary word that
    # is also a name, role words, words of the rules and of harm, text-speak, capitals, places
    ("Jack says hi", "Jack says hi"),
    ("I dont trust Will", "I dont trust Will"),
    ("Mum hits me. Staff know", "Mum hits me. Staff know"),
    ("he added me on Snapchat", "he added me on Snapchat"),
    ("Cuckooing happened to me", "Cuckooing happened to me"),
    ("a Rambo knife", "a Rambo knife"),
    ("Im ok", "Im ok"),
    ("KAI HIT ME", "KAI HIT ME"),
    ("Leeds beat us", "Leeds beat us"),
    ("My Social Worker Hits Me", "My Social Worker Hits Me"),
    ("i hope so", "i hope so"),
])
def test_which_words_read_as_names(text, read):
    assert names_as_tags(text) == read
