"""Places and names whose end was left in the text: a hospital ward by its number ("on ward 9
at the infirmary"), a flat in a lettered block of a named building ("flat 4 block e, larch
court"), a team's age group after its name ("Hillcroft Rangers U13s"), and the weekday before
a date ("thursday the 2nd of may").

All names, places and comments are fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import detect_pii
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.joins import join_age_groups
from carevoice.pseudonymise.patterns import PatternDetector

DETECTOR = PatternDetector()


def found(text: str, label: str) -> list[str]:
    """The surfaces of the pattern spans with ``label`` in ``text``, longest first."""
    spans = [(s.start, s.end) for s in DETECTOR.find("c", text) if s.label == label]
    return sorted({text[s:e] for s, e in spans}, key=len, reverse=True)


# --- a hospital ward by its number ------------------------------------------------------------

@pytest.mark.parametrize(("text", "ward"), [
    ("I was kept on Ward 27 at Kingsmead General for a week", "Ward 27"),
    ("three nights on ward 9 and no one came", "ward 9"),
    ("they moved me to ward 6a at the infirmary", "ward 6a"),
    ("it was Ward D4 on the children's floor", "Ward D4"),
    ("ward 14 was the eating disorder one", "ward 14"),
])
def test_a_ward_by_its_number_is_an_organisation(text: str, ward: str) -> None:
    assert ward in found(text, "ORG")


@pytest.mark.parametrize("text", [
    "I was on the ward 4 days before anyone rang",
    "back on the ward 2 times this year",
    "there were 6 of us on the ward, 3 nurses at night",
    "on the ward 10 of us shared one telly",
    "the reward 5 pounds was not worth it",
    "I went back to the ward 3-4 times",
])
def test_a_count_after_ward_is_no_ward_number(text: str) -> None:
    assert not any(w.lower().startswith("ward") for w in found(text, "ORG"))


# --- a flat in a block, a block of a named building -------------------------------------------

@pytest.mark.parametrize(("text", "address"), [
    ("im at flat 22 block e, larch court now", "flat 22 block e, larch court"),
    ("we got flat 5, block a last week", "flat 5, block a"),
    ("block f flat 18 heron house is where my brother lives", "block f flat 18 heron house"),
    ("moved into block b, sorrel tower in june", "block b, sorrel tower"),
    ("flat 3 ivy court block c has no lift", "flat 3 ivy court block c"),
    ("Flat 11, Block 3, Kestrel Heights", "Flat 11, Block 3, Kestrel Heights"),
    ("she lives in flat 9 of block d", "flat 9 of block d"),
])
def test_a_flat_and_its_block_or_building_is_an_address(text: str, address: str) -> None:
    assert found(text, "ADDRESS")[:1] == [address]


@pytest.mark.parametrize("text", [
    "i came second in block 4 of english",
    "we got a flat tyre on the way",
    "the hostel is 3 blocks away from the flat",
    "my phone was flat 2 days in a row",
    "block 2 is science and it is freezing",
    "in block c the heating never works",
    "i was flat out all week",
])
def test_blocks_and_flats_that_are_no_address_are_left(text: str) -> None:
    assert found(text, "ADDRESS") == []


# --- a weekday before a date ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "date"), [
    ("my review got moved to thursday the 2nd of may for no reason", "thursday the 2nd of may"),
    ("contact is on sat 14th june", "sat 14th june"),
    ("it happened on Monday, 3 March 2025", "Monday, 3 March 2025"),
    ("court was wednesday the eleventh of june", "wednesday the eleventh of june"),
    ("it was on Friday, October 10th", "Friday, October 10th"),
])
def test_a_weekday_before_a_day_and_month_is_part_of_the_date(text: str, date: str) -> None:
    assert found(text, "DATE") == [date]


@pytest.mark.parametrize("text", [
    "saturday 12 may be too early for me",
    "see you friday the 3rd",  # a day of the month alone is no date
])
def test_a_weekday_does_not_make_a_date_of_a_time_or_a_bare_day(text: str) -> None:
    assert found(text, "DATE") == []


# --- a team's age group after its name --------------------------------------------------------

def _widened(text: str, start: int, end: int, label: str = "ORG") -> tuple[str, str]:
    comments = pd.DataFrame({"comment_id": ["c"], "text": [text]})
    out = join_age_groups(comments, spans_frame([("c", start, end, label, 0.8, "x")]))
    row = out.iloc[0]
    return text[int(row["start"]):int(row["end"])], str(row["label"])


@pytest.mark.parametrize(("text", "name", "team"), [
    ("i play for Hillcroft Rangers U13s on sundays", "Hillcroft Rangers",
     "Hillcroft Rangers U13s"),
    ("my coach at Brayton Juniors Under 15s is sound", "Brayton Juniors Under",
     "Brayton Juniors Under 15s"),
    ("she plays for Oakmoor Athletic under-12s girls now", "Oakmoor Athletic",
     "Oakmoor Athletic under-12s girls"),
    ("he got in Wetherby Colts U9 this year", "Wetherby Colts", "Wetherby Colts U9"),
    ("we play for Stainbeck Under 11 Reds", "Stainbeck", "Stainbeck Under 11 Reds"),
    ("i play for kestrels under 14's", "kestrels", "kestrels under 14's"),
    ("she is captain of Lowmoor Vale U16 Girls", "Lowmoor Vale U16", "Lowmoor Vale U16 Girls"),
])
def test_a_team_takes_in_its_age_group(text: str, name: str, team: str) -> None:
    start = text.index(name)
    assert _widened(text, start, start + len(name), "LOCATION") == (team, "ORG")


@pytest.mark.parametrize(("text", "name"), [
    ("we live in Garside under 10 mins from town", "Garside"),
    ("Tilby under 10 is what the sign said", "Tilby"),
    ("I told Kenzo u 2 were late", "Kenzo"),
    ("Marden under 20 goals all season", "Marden"),
    ("i play for kestrels under 14", "kestrels"),  # a count as likely as an age in lower case
])
def test_a_number_after_a_name_that_is_no_age_group_is_left(text: str, name: str) -> None:
    start = text.index(name)
    assert _widened(text, start, start + len(name), "LOCATION") == (name, "LOCATION")


def test_a_team_and_its_age_group_are_one_span_in_the_pipeline() -> None:
    comments = pd.DataFrame({"comment_id": ["c"], "text": [
        "I play for Thornleigh Juniors Under 14s and my coach drives me to every game."]})
    spans = detect_pii(comments)
    surfaces = [comments.text[0][s:e] for s, e in spans[["start", "end"]].values.tolist()]
    assert "Thornleigh Juniors Under 14s" in surfaces
