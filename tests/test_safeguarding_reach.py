"""How far a joke, a denial and a name reach: three holes in the rules' reading, closed.

``tests/data/safeguarding_reach.jsonl`` holds our own fictional sentences (``hole`` says which
hole each one probes), every one written for this test:

- ``joke``: a joke, play or banter cancels a cue only up to a contrast ("but", "then",
  "until", a new sentence): "she was joking but she grabbed my throat" is a disclosure;
- ``denial``: "nobody" or "never" covers a list of acts joined by "or", "and" or commas
  ("nobody hits me or threatens me") and not someone it excepts ("nobody hits me apart from my
  big brother"), a new subject ("im not happy here and my dad slaps me") or an "or" that means
  otherwise ("i cant tell anyone or he will hurt me");
- ``name``: a capitalised first name that is also a word, right before a verb of harm, is a
  person ("Hope pushed me down the stairs"), and not in the word's other senses ("Will you hit
  me up later", "Jack up the heating").
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from carevoice.safeguarding import screen_comments, screen_text
from carevoice.safeguarding._names import names_as_tags
from carevoice.safeguarding.similar import readable_sentences

from .conftest import block_network

_ROWS = [json.loads(line) for line in (Path(__file__).parent / "data" /
                                       "safeguarding_reach.jsonl").read_text(
    "utf-8").splitlines() if line.strip()]
_DISCLOSURES = [r for r in _ROWS if r["concern"]]
_HARMLESS = [r for r in _ROWS if not r["concern"]]


def test_the_set_holds_ten_of_each_kind_per_hole():
    assert len({r["id"] for r in _ROWS}) == len(_ROWS)
    for hole in ("joke", "denial", "name"):
        assert sum(r["hole"] == hole for r in _DISCLOSURES) >= 10
        assert sum(r["hole"] == hole for r in _HARMLESS) >= 10


@pytest.mark.parametrize("row", _DISCLOSURES, ids=[r["id"] for r in _DISCLOSURES])
def test_a_disclosure_past_a_joke_a_denial_or_behind_a_name_is_flagged(row):
    assert set(row["categories"]) <= set(screen_text(row["text"]))


@pytest.mark.parametrize("row", _HARMLESS, ids=[r["id"] for r in _HARMLESS])
def test_the_harmless_contrast_is_not_flagged(row):
    assert screen_text(row["text"]) == {}


_JOKES = [r for r in _DISCLOSURES if r["hole"] == "joke"]


@pytest.mark.parametrize("row", _JOKES, ids=[r["id"] for r in _JOKES])
def test_the_similarity_path_reads_what_comes_after_a_joke(row):
    """What follows the contrast is read (it was skipped with the whole comment)."""
    assert readable_sentences(row["text"])


@pytest.mark.parametrize(("text", "read"), [
    ("it was just banter at first. now he makes me hold stuff for him",
     ["now he makes me hold stuff for him"]),
    ("we were play fighting and then he punched me in the face",
     ["then he punched me in the face"]),
    ("she was joking but she grabbed my throat", ["but she grabbed my throat"]),
    ("he grabbed me. we were only messing about, he didnt mean it", []),
    ("we were only messing about. my cousin came round after", ["my cousin came round after"]),
])
def test_a_jokes_reach_in_the_similarity_path(text, read):
    assert readable_sentences(text) == read


@pytest.mark.parametrize(("text", "read"), [
    ("Jack hits me", "someone hits me"),
    ("Will kicks me", "someone kicks me"),
    ("Hope pushed me", "someone pushed me"),
    ("Rob keeps touching me", "someone keeps touching me"),
    ("and Grace slapped me", "and someone slapped me"),
    # the word's other senses, and words that are never a person
    ("Will you hit me up", "Will you hit me up"),
    ("Rob a shop", "Rob a shop"),
    ("Will kick me", "Will kick me"),  # a bare form could follow the modal
    ("Mum hits me", "Mum hits me"),
    ("Staff pushed me", "Staff pushed me"),
])
def test_a_first_name_before_a_verb_of_harm_is_a_person(text, read):
    assert names_as_tags(text) == read


@pytest.mark.model
def test_the_full_screen_flags_the_disclosures_and_leaves_the_jokes(monkeypatch):
    block_network(monkeypatch)
    comments = pd.DataFrame({"comment_id": [r["id"] for r in _ROWS],
                             "text": [r["text"] for r in _ROWS]})
    flagged = set(screen_comments(comments)["comment_id"])
    assert flagged >= {r["id"] for r in _DISCLOSURES}
    # what follows a joke is read now: the harmless jokes must still not read as a disclosure
    assert not flagged & {r["id"] for r in _HARMLESS if r["hole"] == "joke"}
