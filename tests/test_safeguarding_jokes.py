"""Jokes, play and denials are no disclosure; disclosures that mention them still are.

Rounds C and D showed the screen flagging play fighting called banter, a carer's joking threat,
"nobody ever threatens me" and a small brother running away to join the circus. The fixes are
general rules, checked here on sentences written afresh (every one fictional): the similarity
path does not read a comment whose writer calls it a joke or play, nor a sentence that says
nobody harms them; "run away and join the circus" is no running away.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.safeguarding import screen_comments, screen_text
from carevoice.safeguarding.similar import readable_sentences

from .conftest import block_network

HARMLESS = [
    "my foster dad said he'd murder me if i ate the last yogurt, he was only joking",
    "me and my brother were play fighting on the trampoline and i bumped my head",
    "the boys at the home are always messing about and winding each other up, its just banter",
    "no one has ever hurt me here. i just get bored at weekends",
    "my little sister keeps saying shes running away to join the circus",
    "when i was little i wanted to run away and join the circus",
    "my mate pretends to strangle me when i beat him at fifa, we were just messing about",
]
DISCLOSURES = [
    "he says hes only joking but he holds me down till i cant breathe",
    "nobody hurts me except my stepdad when hes drunk",
    "i ran away from my placement last night and slept in the park",
    "i keep thinking everyone would be better off if i wasnt here",
]


_LOCKED = "they tell me its only a joke when they lock me in"
_HURTS = "its just banter but it hurts when they do it"


@pytest.mark.parametrize(("text", "read"), [
    ("nobody ever threatens me. i want to see my mates more", ["i want to see my mates more"]),
    ("no one hits me apart from my brother", ["no one hits me apart from my brother"]),
    ("we were only messing about, he didnt mean it", []),
    (_HURTS, ["but it hurts when they do it"]),  # the writer goes on: read from the contrast
    (_LOCKED, [_LOCKED]),  # someone else calls it a joke
])
def test_what_the_similarity_path_reads(text, read):
    assert readable_sentences(text) == read


def test_joining_the_circus_is_no_running_away():
    assert screen_text(HARMLESS[4]) == {} and screen_text(HARMLESS[5]) == {}
    assert screen_text(DISCLOSURES[2])["missing"][0] == "priority"


@pytest.mark.model
def test_jokes_and_play_are_left_alone_and_disclosures_are_not(monkeypatch):
    block_network(monkeypatch)
    texts = HARMLESS + DISCLOSURES
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))], "text": texts})
    flagged = set(screen_comments(comments)["comment_id"])
    assert flagged == {f"c{i}" for i in range(len(HARMLESS), len(texts))}
