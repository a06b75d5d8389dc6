"""A name masked once in a comment is masked again wherever only the name can be meant.

Audit finding B1 (round 27): in "I want to see Marvel more, Marvel is my little sister" the
first "Marvel" was masked (a learned span scoring 0.592) and the second left in clear, because
a person span scoring below 0.6 was carried only to a clause's subject before a verb said of a
person. That guard is for word-names ("I met Hope ... I hope"): it must stay, but not where the
word's ordinary reading cannot explain the other mention. All names and comments are
fictional.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from carevoice.pseudonymise import pseudonymise
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.joins import propagate_spans


def _masked(text: str, name: str, score: float, mention: str | None = None) -> list[bool]:
    """Whether each mention of ``mention`` (``name`` if None; any case) is covered once the
    first ``name`` is found as a person, scoring ``score``."""
    mention = mention or name
    first = text.index(name)
    comments = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    spans = spans_frame([("c1", first, first + len(name), "PERSON", score, "learned")])
    out = propagate_spans(comments, spans)
    person = out[out["label"] == "PERSON"]
    return [bool(((person["start"] <= m.start()) & (person["end"] >= m.end())).any())
            for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text, re.IGNORECASE)]


# (comment, the name as first found, its score): every mention must be masked
REPEATS = [
    # names that are English words, capitalised again mid-sentence
    ("I want to see Marvel more, Marvel is my little sister and we got split up", "Marvel",
     0.592),
    ("I see Ruby on weekends but Ruby lives far away now", "Ruby", 0.55),
    ("my sister Storm and me, Storm always helps me with homework", "Storm", 0.55),
    ("Sky my key worker is nice and I like it when Sky takes me out", "Sky", 0.55),
    ("Precious my worker is nice and i like Precious a lot", "Precious", 0.55),
    ("I want to live with Dove again, Dove is my big sister", "Dove", 0.55),
    ("I told Will about it and Will sorted it out", "Will", 0.55),
    ("I met Hope at group and Hope is kind to me", "Hope", 0.55),
    ("my sister Lark, I worry about Lark all the time", "Lark", 0.52),
    ("I want Mercy to be my worker again, Mercy was the best", "Mercy", 0.55),
    ("Ocean and me share a room and Ocean snores", "Ocean", 0.55),
    ("my foster brother Sunny, we fight but I love Sunny", "Sunny", 0.4),
    ('I said "Ruby is my sister" and Ruby smiled', "Ruby", 0.55),
    ("me and Ivy go to contact, Ivy's mum is my mum", "Ivy", 0.55),
    # a rare word again at a sentence's start
    ("I miss Autumn so much. Autumn was my foster sister", "Autumn", 0.55),
    ("we stay with Ivy now. Ivy is my aunty", "Ivy", 0.55),
    ("I want to see Dove. Dove is only 4", "Dove", 0.55),
    # names the lexicons lack, in any case and at any score
    ("I want to see Bobbi more, Bobbi is my little sister and we got split up", "Bobbi", 0.55),
    ("my mate kaiden said kaiden would come round", "kaiden", 0.45),
    ("Jaxon is my brother and I miss Jaxon loads", "Jaxon", 0.4),
    ("Tell Marley i said hi, marley is the best", "Marley", 0.3),
    ("Zainab is my best friend and Zainab helps me", "Zainab", 0.55),
    ("my brother Tiernan, i never see tiernan since i moved", "Tiernan", 0.55),
    ("Nevaeh always rings me, I love Nevaeh", "Nevaeh", 0.2),
    ("we see Harley at contact. Harley is 6", "Harley", 0.55),
    ("Brooklyn my sister, I miss Brooklyn", "Brooklyn", 0.35),
    ("me and Frankie went to the park, Frankie's mum came", "Frankie", 0.55),
    ("Kyrie and me went out then kyrie left me there", "Kyrie", 0.3),
    ("Shanice said Shanice would ring me", "Shanice", 0.45),
    ("my little brother Tiernan Okafor, Tiernan is 9", "Tiernan Okafor", 0.55),
    ("KAIDEN is my brother, I miss KAIDEN", "KAIDEN", 0.5),
]


@pytest.mark.parametrize(("text", "name", "score"), REPEATS)
def test_a_name_masked_once_is_masked_where_only_the_name_can_be_meant(text, name, score):
    assert all(_masked(text, name, score, name.split()[0])), text


# (comment, name as first found, its score, which mentions stay in clear): the word-name guard
GUARDS = [
    ("I met Hope at group. I hope she stays", "Hope", 0.55, [False, True]),
    ("My worker Will says I will get a flat", "Will", 0.55, [False, True]),
    ("Grace came to my review. We say grace at tea", "Grace", 0.55, [False, True]),
    ("I see Hope every week. Hope you read this", "Hope", 0.55, [False, True]),
    ("Summer is my worker. In the summer we go away", "Summer", 0.55, [False, True]),
    ("Rose helps me. I got a rose for my birthday", "Rose", 0.55, [False, True]),
    ("My Worker Will Says You Will Get A Flat Soon", "Will", 0.55, [False, True]),
    ("MY WORKER WILL SAYS YOU WILL GET A FLAT", "WILL", 0.55, [False, True]),
    ("I met Hope at group. Hope you all have a good christmas", "Hope", 0.3, [False, True]),
    # a family word of another language, masked with a name, is not carried on its own
    ("my babcia rings me. babcia Halina is 80", "babcia", 0.3, [False, True]),
]


@pytest.mark.parametrize(("text", "name", "score", "clear"), GUARDS)
def test_a_word_name_is_not_masked_where_it_is_the_word(text, name, score, clear):
    assert [not m for m in _masked(text, name, score)] == clear, text


def test_the_audit_comments_keep_no_name_in_clear():
    """B1's two comments through the whole pseudonymiser (the detectors as they are)."""
    comments = pd.DataFrame({"comment_id": ["R001-better", "R002-better"], "text": [
        "I want to see Marvel more, Marvel is my little sister and we got split up.",
        "I want to see Bobbi more, Bobbi is my little sister and we got split up."]})
    out = pseudonymise(comments).comments["text"].tolist()
    assert not any("Marvel" in t or "Bobbi" in t for t in out), "a name left in clear"
