"""Dotted initials (``carevoice.pseudonymise.initials``): a person's initials written with dots
are masked, the dotted forms of abbreviations are not, whichever detector reads them."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import PatternDetector, PseudonymiseConfig, detect_pii
from carevoice.pseudonymise.initials import (
    INITIAL_PATTERNS,
    dotted_abbreviation_at,
    dotted_initials_ok,
)

INITIALS = PatternDetector(INITIAL_PATTERNS)


def _found(text: str) -> set[str]:
    return {text[s.start:s.end] for s in INITIALS.find("c", text)}


@pytest.mark.parametrize(("text", "initials"), [
    ("the review was ok i suppose. cheers, D.W.", "D.W."),
    ("i dont want to move schools again - from R.K. (14)", "R.K."),
    ("my keyworker M.B. said she would ring the school", "M.B."),
    ("sorry about my spelling, love A. N. aged 11", "A. N."),
    ("written by my support worker for S.J.T. who wanted to say thank you", "S.J.T."),
    ("thank you for listening x h.p.", "h.p."),
    ("B.O said i could have my door open at night", "B.O"),
    ("P.J.'s mum lets me stay over", "P.J."),
])
def test_dotted_initials_are_a_person(text: str, initials: str) -> None:
    assert _found(text) == {initials}


@pytest.mark.parametrize("text", [
    "contact is at 10 a.m. on saturdays and ends at 1 p.m.",
    "I moved to the U.K. when I was nine, e.g. I had to learn English",
    "the school, i.e. my new one, is far. P.S. the bus is late",
    "I like P.E. and R.E. but not maths",
    "my S.W. and my P.A. never came, the G.P. did",
    "we had a D.J. at the party and an M.P. came to see the home",
    "i got my E.H.C.P. finally",
    "I.T. was boring, O.K. I will try",
    "got a B. I was gutted",
    "mail me at j.k@example.org or see www.b.c.example.org",
    "he bought a DVD and a T-shirt",
])
def test_abbreviations_and_other_dots_are_no_ones_initials(text: str) -> None:
    assert _found(text) == set()


@pytest.mark.parametrize(("value", "ok"), [
    ("K.M.", True), ("k.m.", True), ("T. J.", True), ("A.B.C.", True),
    ("U.S.A.", False), ("a.m.", False), ("N.H.S.", False), ("I.R.O.", False), ("Y.P.", False),
    ("D.O.B.", False), ("R.I.P.", False),
])
def test_dotted_initials_ok(value: str, ok: bool) -> None:
    assert dotted_initials_ok(value) is ok


def test_a_letter_of_a_dotted_abbreviation_is_known_as_such() -> None:
    text = "my P.E. teacher, thanks T.J."
    assert dotted_abbreviation_at(text, 3, 4) and dotted_abbreviation_at(text, 5, 6)
    assert not dotted_abbreviation_at(text, text.index("T.J"), text.index("T.J") + 1)
    assert not dotted_abbreviation_at(text, 8, 15)  # not one letter


@pytest.mark.model
@pytest.mark.parametrize(("text", "masked"), [
    ("they moved me again and nobody asked me - L.C. (age 10)", "L.C."),
    ("i like my new school. thanks, F.O.", "F.O."),
    ("me and my worker G.H. went bowling", "G.H."),
])
def test_detect_pii_masks_dotted_initials_whole(text: str, masked: str) -> None:
    frame = pd.DataFrame({"comment_id": ["c"], "text": [text]})
    spans = detect_pii(frame)
    start = text.index(masked)
    assert any(s <= start and e >= start + len(masked) and label == "PERSON"
               for s, e, label in spans[["start", "end", "label"]].itertuples(index=False))


@pytest.mark.model
@pytest.mark.parametrize("use_learned", [True, False])
def test_detect_pii_leaves_dotted_abbreviations_alone(use_learned: bool) -> None:
    text = "my P.E. teacher and R.E. and the G.P. and my S.W. and the D.J. P.S. it was ok"
    frame = pd.DataFrame({"comment_id": ["c"], "text": [text]})
    spans = detect_pii(frame, config=PseudonymiseConfig(use_learned=use_learned))
    assert [text[s:e] for s, e in spans[["start", "end"]].itertuples(index=False)] == []
