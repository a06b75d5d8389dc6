"""A harm said of someone else after a denial, and verbs of harm in senses that are no harm.

``tests/data/safeguarding_contrast_verbs.jsonl`` holds our own fictional sentences (``hole``
says which hole each one probes; ``concern`` false for the harmless cases, true for the
disclosures that must be flagged), every one written for this test:

- ``denial_other``: a denial followed by someone else being harmed or harming ("nobody hits me,
  but my brother does", "he doesnt touch me, he touches my little sister", "they dont beat me
  but they beat my cousin") is flagged with a cue that names the harm, and the similarity path
  reads the denial with its contrast ("nobody hits me, but my brother does", not "my brother
  does"); a denial followed by something else ("but i want to see my mum more") is not;
- ``not_harm``: a verb of harm in another sense ("stabbed at my food", "had a stab at the quiz",
  "we got battered 5-0") is no cue, and a first name typed in lower case before a verb of harm
  acting on someone is a person ("jack hit me", "my mate jack punched me"; not "jack hit me up
  on snap", "jack hits the ball"), with the true flags kept ("he hit me", "staff grabbed my
  arm", "he beat me up", "they kicked me out of the house").
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from carevoice.safeguarding import screen_comments, screen_text
from carevoice.safeguarding.similar import readable_sentences, split_sentences

from .conftest import block_network

_ROWS = [json.loads(line) for line in (Path(__file__).parent / "data" /
                                       "safeguarding_contrast_verbs.jsonl").read_text(
    "utf-8").splitlines() if line.strip()]
_DISCLOSURES = [r for r in _ROWS if r["concern"]]
_HARMLESS = [r for r in _ROWS if not r["concern"]]


def test_the_set_holds_both_sides_of_each_hole():
    assert len({r["id"] for r in _ROWS}) == len(_ROWS) >= 30
    for hole in ("denial_other", "not_harm"):
        assert sum(r["hole"] == hole for r in _DISCLOSURES) >= 10
        assert sum(r["hole"] == hole for r in _HARMLESS) >= 3


@pytest.mark.parametrize("row", _DISCLOSURES, ids=[r["id"] for r in _DISCLOSURES])
def test_the_disclosure_is_flagged_in_its_category_with_a_cue_of_harm(row):
    found = screen_text(row["text"])
    assert set(row["categories"]) <= set(found), found
    assert all(level == "priority" for level, _ in found.values()), found


@pytest.mark.parametrize("row", _HARMLESS, ids=[r["id"] for r in _HARMLESS])
def test_the_harmless_sentence_is_not_flagged_by_the_rules(row):
    assert screen_text(row["text"]) == {}


@pytest.mark.parametrize(("text", "read"), [
    # a contrast after a denial that goes on to someone else is read with the denial
    ("nobody hits me, but my brother does", ["nobody hits me, but my brother does"]),
    ("my carers dont hurt me, but my mums boyfriend does",
     ["my carers dont hurt me, but my mums boyfriend does"]),
    ("i never get hit, but my foster brother does",
     ["i never get hit, but my foster brother does"]),
    ("she doesnt hit me, but she slaps my little brother",
     ["she doesnt hit me, but she slaps my little brother"]),
    ("nobody hurts me here, but my mate gets battered at home",
     ["nobody hurts me here, but my mate gets battered at home"]),
    # one that goes on to something else is cut, and the denial left out, as before
    ("nobody hits me, but i want to see my mum more", ["i want to see my mum more"]),
    ("nobody hurts me here, but the wifi is awful", ["the wifi is awful"]),
])
def test_the_similarity_path_reads_a_denial_with_a_contrast_about_someone_else(text, read):
    assert readable_sentences(text) == read


def test_a_contrast_without_a_denial_is_cut_as_before():
    assert split_sentences("my dad hits me, but its fine now") == ["my dad hits me",
                                                                   "its fine now"]
    assert split_sentences("i like my carers, but my brother does not") == [
        "i like my carers", "my brother does not"]


def test_the_similarity_paths_cue_reads_as_english():
    from carevoice.safeguarding.screen import similar_cue

    assert similar_cue("abuse") == "reads like an abuse disclosure"
    assert similar_cue("exploitation") == "reads like an exploitation disclosure"
    assert similar_cue("missing") == "reads like a missing disclosure"
    assert similar_cue("domestic_abuse") == "reads like a domestic abuse disclosure"


@pytest.mark.parametrize("text", [
    "he will hurt me", "he may hurt me if i tell", "i hope hurts me less one day",
    "that summer hit me hard", "summer hit me hard this year",
])
def test_a_modal_or_a_subject_before_a_word_name_keeps_it_a_word(text):
    from carevoice.safeguarding._text import normalise

    assert "someone" not in normalise(text)


@pytest.mark.model
def test_the_full_screen_flags_the_disclosures_and_leaves_the_harmless(monkeypatch):
    """The similarity path reads every comment the rules leave: the harmless ones must not read
    as a disclosure either ("she punched the air", "Jack up the heating please" did)."""
    block_network(monkeypatch)
    comments = pd.DataFrame({"comment_id": [r["id"] for r in _ROWS],
                             "text": [r["text"] for r in _ROWS]})
    flagged = set(screen_comments(comments)["comment_id"])
    assert flagged >= {r["id"] for r in _DISCLOSURES}
    assert not flagged & {r["id"] for r in _HARMLESS}


@pytest.mark.model
def test_a_carer_hitting_the_roof_is_left_to_the_similarity_paths_review(monkeypatch):
    """An idiom of anger ("hit the roof") is no cue for the rules; the similarity path still
    puts "my carer hit the roof when i was late home" up for review: when in doubt, flag."""
    block_network(monkeypatch)
    text = "my carer hit the roof when i was late home"
    assert screen_text(text) == {}
    flags = screen_comments(pd.DataFrame({"comment_id": ["r"], "text": [text]}))
    assert flags[["category", "level", "cue"]].values.tolist() == [
        ["abuse", "review", "reads like an abuse disclosure"]]
