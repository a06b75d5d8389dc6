"""False alarms the rules' reach explains, and a name misread: four holes, closed.

``tests/data/safeguarding_own_voice.jsonl`` holds our own fictional sentences (``hole`` says
which hole each one probes; ``concern`` false for the harmless cases, true for the disclosures
that must stay flagged), every one written for this test:

- ``denial``: the similarity path does not read a sentence that is nothing but the writer
  saying they are not harmed ("staff dont grab me or restrain me here", "my carers never hit
  me"), and reads one that goes on or that someone else says ("he doesnt hit me anymore but
  ...", "they never hit me where it shows", "my carers say they never hit me");
- ``kicked_out``: "kicked out" of a game, a group chat, a team or a lesson is no homelessness;
  out of a home, a placement, a house or a flat, or of nothing named, it still is;
- ``word_name``: a capitalised word that is also a name ("Hope", "Will") before a verb of harm
  is a person only when the verb acts on someone ("Hope hurts me", "Grace slapped my sister"),
  not in "Hope hurts when you keep getting let down";
- ``full_name``: a first name and a surname are one person ("Kai Jones hits me" reads as
  "someone hits me", not "someone Jones hits me"); ``reads`` is the expected reading.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from carevoice.safeguarding import screen_comments, screen_text
from carevoice.safeguarding._names import names_as_tags
from carevoice.safeguarding._text import normalise
from carevoice.safeguarding.similar import readable_sentences

from .conftest import block_network

_ROWS = [json.loads(line) for line in (Path(__file__).parent / "data" /
                                       "safeguarding_own_voice.jsonl").read_text(
    "utf-8").splitlines() if line.strip()]
_HOLES = ("denial", "kicked_out", "word_name", "full_name")


def _rows(hole: str, concern: bool) -> list[dict]:
    return [r for r in _ROWS if r["hole"] == hole and r["concern"] is concern]


def _ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_the_set_holds_eight_of_each_kind_per_hole():
    assert len({r["id"] for r in _ROWS}) == len(_ROWS)
    assert {r["hole"] for r in _ROWS} == set(_HOLES)
    for hole in _HOLES:
        assert len(_rows(hole, True)) >= 8 and len(_rows(hole, False)) >= 8


_DENIALS, _NOT_DENIALS = _rows("denial", False), _rows("denial", True)


@pytest.mark.parametrize("row", _DENIALS, ids=_ids(_DENIALS))
def test_the_similarity_path_leaves_a_denial_in_the_writers_own_voice(row):
    assert readable_sentences(row["text"]) == []


@pytest.mark.parametrize("row", _NOT_DENIALS, ids=_ids(_NOT_DENIALS))
def test_the_similarity_path_reads_a_denial_that_goes_on_or_is_someone_elses(row):
    assert readable_sentences(row["text"]) == [row["text"]]


@pytest.mark.parametrize("row", _NOT_DENIALS, ids=_ids(_NOT_DENIALS))
def test_the_rules_flag_a_denial_that_goes_on_or_is_someone_elses(row):
    """Out of sight ("where it shows", "in front of people", "when the social worker is
    there"), on a condition of the writer's ("unless i answer back") or gainsaid ("but they
    do"), a denial excepts something: the cue stands."""
    assert set(row["categories"]) <= set(screen_text(row["text"]))


@pytest.mark.parametrize("row", _DENIALS, ids=_ids(_DENIALS))
def test_the_rules_leave_a_denial_in_the_writers_own_voice(row):
    assert screen_text(row["text"]) == {}


@pytest.mark.parametrize(("text", "read"), [
    ("my carers never hit me. i want more pocket money", ["i want more pocket money"]),
    ("honestly my foster carers have never laid a finger on me", []),
    ("he never hits me, he just locks me in my room", ["he just locks me in my room"]),
    ("my mum knows he never hits me", ["my mum knows he never hits me"]),
    ("he didnt hit me this time", ["he didnt hit me this time"]),
    # a clause between commas: a denial's list goes on after a comma; what follows is read
    ("no one hurts me, shouts at me or touches me", []),
    ("nobody ever threatens me or anything like that, i just want to see my friends more",
     ["i just want to see my friends more"]),
    ("nobody hits me, kicks me, except my stepdad",
     ["nobody hits me, kicks me, except my stepdad"]),
    ("he told me to say, nobody hurts me here", ["he told me to say, nobody hurts me here"]),
])
def test_a_denials_reach_in_the_similarity_path(text, read):
    assert readable_sentences(text) == read


@pytest.mark.parametrize("text", [
    "nobody hits me, except my stepdad",
    "no one hurts me, only my mums boyfriend",
    "they dont hit me but they do",
])
def test_an_exception_after_a_comma_or_a_gainsaying_keeps_the_cue(text):
    assert "abuse" in screen_text(text)


_NOT_HOMES, _HOMES = _rows("kicked_out", False), _rows("kicked_out", True)


@pytest.mark.parametrize("row", _NOT_HOMES, ids=_ids(_NOT_HOMES))
def test_kicked_out_of_something_that_is_no_home_is_not_flagged(row):
    assert screen_text(row["text"]) == {}


@pytest.mark.parametrize("row", _HOMES, ids=_ids(_HOMES))
def test_kicked_out_of_a_home_is_still_flagged(row):
    assert set(row["categories"]) <= set(screen_text(row["text"]))


_WORDS, _PEOPLE = _rows("word_name", False), _rows("word_name", True)


@pytest.mark.parametrize("row", _WORDS, ids=_ids(_WORDS))
def test_a_word_name_before_a_verb_acting_on_nobody_stays_a_word(row):
    assert names_as_tags(row["text"]) == row["text"]
    assert screen_text(row["text"]) == {}


@pytest.mark.parametrize("row", _PEOPLE, ids=_ids(_PEOPLE))
def test_a_word_name_before_a_verb_acting_on_someone_is_a_person(row):
    assert names_as_tags(row["text"]).startswith("someone ")
    assert set(row["categories"]) <= set(screen_text(row["text"]))


_FULL = [r for r in _ROWS if r["hole"] == "full_name"]


@pytest.mark.parametrize("row", _FULL, ids=_ids(_FULL))
def test_a_full_name_reads_as_one_person(row):
    assert names_as_tags(row["text"]) == row["reads"]
    assert set(row["categories"]) <= set(screen_text(row["text"]))
    if not row["concern"]:
        assert screen_text(row["text"]) == {}


def test_the_normal_form_holds_no_surname_left_over():
    assert normalise("Kai Jones hits me") == " someone hits me "
    assert normalise("Jack Patel threatened me") == " someone threatened me "


@pytest.mark.model
def test_the_full_screen_leaves_the_false_alarms_and_flags_the_disclosures(monkeypatch):
    block_network(monkeypatch)
    comments = pd.DataFrame({"comment_id": [r["id"] for r in _ROWS],
                             "text": [r["text"] for r in _ROWS]})
    flagged = set(screen_comments(comments)["comment_id"])
    harmless = {r["id"] for r in _ROWS if not r["concern"]}
    disclosures = {r["id"] for r in _ROWS if r["concern"]}
    assert not flagged & harmless
    assert flagged >= disclosures
