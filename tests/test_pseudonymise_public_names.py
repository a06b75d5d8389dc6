"""Public names are not personal data: national charities, chains, clubs, venues, public
figures, fictional characters, schemes and apps are left; the same words said of a person the
child knows, a local team or a place the child lives in stay masked.

All comments and names of people the child knows are fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import detect_pii
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.lexicons import first_names, surnames
from carevoice.pseudonymise.public_names import (
    drop_public_names,
    public_name_spans,
    public_names,
)


def _masked(text: str) -> list[str]:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    return [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]


# --- the list -------------------------------------------------------------------------------

def test_the_list_holds_no_bare_given_name_or_surname() -> None:
    """A given name or a surname alone ("chelsea", "marcus", "costa") may be a friend's or a
    teacher's: only full names are listed ("costa coffee", "ed sheeran")."""
    names = first_names() | surnames()
    assert [n for n in public_names() if len(n) == 1 and n[0] in names] == []


def test_the_list_is_read_with_its_forms() -> None:
    names = public_names()
    assert {("barnardos",), ("m", "&", "s"), ("spider", "man"), ("man", "united")} <= names
    assert ("the", "salvation", "army") not in names  # "the" is left off
    assert ("marcus",) not in names and ("chelsea",) not in names


# --- where a comment holds a public name ------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("Save the Children paid for my trip", ["Save the Children"]),
    ("a job at Sainsburys and one at Nandos", ["Sainsburys", "Nandos"]),  # no apostrophe
    ("the Salvation Army's hamper", ["the Salvation Army's"]),  # "the" and "'s" with it
    ("a SPIDER-MAN costume and a spider man mask", ["SPIDER-MAN", "spider man"]),
    ("vouchers for M&S", ["M&S"]),
    ("tickets for Old Trafford", ["Old Trafford"]),  # a UK place after an event
    ("Crystal Palace fans sing", ["Crystal Palace"]),
])
def test_public_names_are_found_in_their_forms(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in public_name_spans(text)] == found


@pytest.mark.parametrize("text", [
    "my mate Saka lives next door",  # a friend, by the cue before
    "Mr Sheeran set us homework",  # a teacher
    "Bellingham is my best mate",  # a friend, by the cue after
    "she is called Beyonce",
    "me and Saka went to the park",  # a person beside "me"
    "me & Saka went to the park",
    "Saka and me are cousins",
    "my best friend is Saka",
    "Tia Saka plays netball with me",  # part of a longer name
    "tia saka plays netball with me",
    "Stoke City Council moved me",
    "stoke city council moved me",
    "the Barnardo's project in town is good",  # a local service
    "I used to live near Old Trafford",  # a UK place with no event: where the child lives
    "I live in Crystal Palace with my carer",
    "we stayed with the Morrisons for a year",  # a family, by its surname in the plural
    "Chelsea moved to another home",  # a given name alone is never listed
])
def test_public_names_said_of_a_person_or_home_are_not_found(text: str) -> None:
    assert public_name_spans(text) == []


def test_only_spans_inside_a_public_name_are_dropped() -> None:
    text = "I work at Primark Halifax and Primark in Halifax, Kai too"
    spans = spans_frame([("c1", 10, 25, "ORG", 0.6, "patterns"),  # runs past the name
                         ("c1", 30, 37, "ORG", 0.6, "patterns"),
                         ("c1", 41, 48, "LOCATION", 0.9, "places"),
                         ("c1", 50, 53, "PERSON", 0.9, "names")])
    comments = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    kept = drop_public_names(comments, spans)
    assert [text[s:e] for s, e in zip(kept["start"], kept["end"], strict=True)] == [
        "Primark Halifax", "Halifax", "Kai"]


# --- the whole detection: left, and masked ----------------------------------------------------

#: Public names the detectors masked before the thirty-second session (each one masked then).
PUBLIC = [
    ("Save the Children paid for my school trip and I bought a Spurs top with the change.",
     "Spurs"),
    ("I have a Saturday job at Greggs and my mate works at JD Sports.", "Greggs"),
    ("I have a Saturday job at Greggs and my mate works at JD Sports.", "JD Sports"),
    ("i got a job at Sainsbury's through the jobcentre and its better than before", "Sainsbury's"),
    ("We went to Thorpe Park for my birthday and I queued for ages.", "Thorpe Park"),
    ("My carer got us tickets for Old Trafford to watch the derby.", "Old Trafford"),
    ("I look up to Bukayo Saka because he never gives up.", "Bukayo Saka"),
    ("I watch Chunkz videos with my foster brother every night.", "Chunkz"),
    ("My sister loves Taylor Swift and plays her songs all day.", "Taylor Swift"),
    ("I read Percy Jackson in my room when it gets loud downstairs.", "Percy Jackson"),
    ("The Salvation Army gave us a hamper at Christmas.", "Salvation Army"),
    ("Leicester City are my team and I support them through everything.", "Leicester City"),
    ("the Kickstart people found me a placement at a garage", "Kickstart"),
]


@pytest.mark.parametrize(("text", "name"), PUBLIC)
def test_a_public_name_is_left(text: str, name: str) -> None:
    start = text.index(name)
    masked = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    assert not any(s < start + len(name) and start < e
                   for s, e in zip(masked["start"], masked["end"], strict=True)), masked


@pytest.mark.parametrize(("text", "identifier"), [
    ("My mate Saka lives next door to me and we walk to school together.", "Saka"),
    ("Mr Sheeran my form tutor said I could retake the test.", "Sheeran"),
    ("Grealish from my old school still texts me.", "Grealish"),  # a surname alone
    ("I used to live near Wembley before I moved into care.", "Wembley"),
    ("I play for Farsley Juniors on Sundays and my coach is kind.", "Farsley Juniors"),
    ("I work at the Primark in Halifax on Saturdays.", "Halifax"),
    ("My best friend Chelsea moved to another home.", "Chelsea"),
    ("We used to stay with the Morrisons before my new placement.", "Morrisons"),
    ("Marcus is my mate from school and he's funny.", "Marcus"),
    ("I live in Crystal Palace with my carer.", "Crystal Palace"),
])
def test_the_same_words_said_of_a_person_or_a_home_stay_masked(text: str,
                                                               identifier: str) -> None:
    assert identifier in _masked(text)
