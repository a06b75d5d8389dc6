"""Places, schools and dates in the forms a second leak audit found left in clear: districts
after "the" or before a group noun, districts of Scottish, Welsh and Northern Irish cities,
schools named by a religious dedication or in Welsh, Gaelic or Irish, a home's name before its
staff, postcode districts alone, roads named with "the", a weekday with a day and month, and
festivals with a year. All names and sentences are fictional."""

from __future__ import annotations

import pytest

from carevoice.pseudonymise.identifiers import postcode_district_ok
from carevoice.pseudonymise.patterns import PatternDetector
from carevoice.pseudonymise.places import PlaceDetector

PATTERNS = PatternDetector()
PLACES = PlaceDetector()


def covered(detector: PatternDetector | PlaceDetector, text: str, surface: str) -> set[str]:
    """Labels of the spans that cover ``surface`` whole (one span, perhaps a larger one)."""
    i = text.index(surface)
    j = i + len(surface)
    return {s.label for s in detector.find("c", text) if s.start <= i and s.end >= j}


def surfaces(detector: PatternDetector | PlaceDetector, text: str) -> set[str]:
    return {text[s.start:s.end] for s in detector.find("c", text)}


@pytest.mark.parametrize("text, district", [
    ("me n my cousin live in the pilrigmoor now", "pilrigmoor"),
    ("we were moved from the drumbleton to leeds", "drumbleton"),
    ("the kelvinbrae lot chased us home", "kelvinbrae"),
    ("the fernyknowe boys are always starting", "fernyknowe"),
    ("placed in moredun then drumbleton then hull", "drumbleton"),
    ("i stayed in wester gartloch for a year", "wester gartloch"),
    # districts of Scottish, Welsh and Northern Irish cities the gazetteer now has
    ("we were moved to leith last year", "leith"),
    ("i grew up in the splott", "splott"),
    ("i was placed in castlemilk then ardoyne", "ardoyne"),
    ("the craigmillar lot are alright", "craigmillar"),
])
def test_a_district_after_the_before_a_group_or_in_a_list_is_a_place(text, district):
    assert "LOCATION" in covered(PLACES, text, district)


@pytest.mark.parametrize("text", [
    "the other lot are sound",
    "the same boys as last time",
    "i live in the middle of nowhere",
    "we met in the morning then went home",
    "the whole lot of them came",
    "the teachers are sound",
])
def test_ordinary_words_after_the_are_no_places(text):
    assert not PLACES.find("c", text)


@pytest.mark.parametrize("text, school", [
    ("i used to go holy cross till year 6", "holy cross"),
    ("i was at sacred heart until they excluded me", "sacred heart"),
    ("my sister goes to corpus christi now in year 8", "corpus christi"),
    ("she went to our lady of the rosary for primary", "our lady of the rosary"),
    ("he goes st aidan rc", "st aidan rc"),
    ("notre dame was my old school", "notre dame"),
    ("holy trinity primary was ok", "holy trinity primary"),
    ("christ the king in year 9 was the worst", "christ the king"),
    ("in year 10 at cardinal wiseman i got a tutor", "cardinal wiseman"),
    ("i go bishop ullathorne now", "bishop ullathorne"),
    ("i used to go holy family rc school", "holy family rc school"),
    # Welsh-medium, Gaelic-medium and Irish-medium schools: the whole name
    ("i went to ysgol glan taf till year 11", "ysgol glan taf"),
    ("my brother goes ysgol bryn eirias now", "ysgol bryn eirias"),
    ("she was at sgoil ghaidhlig ghlaschu", "sgoil ghaidhlig ghlaschu"),
    ("my cousin is in gaelscoil an chuilinn", "gaelscoil an chuilinn"),
])
def test_a_school_named_by_a_dedication_or_in_welsh_is_masked_whole(text, school):
    assert "ORG" in covered(PATTERNS, text, school)


@pytest.mark.parametrize("text", [
    "i made my holy communion last year",
    "the sacred heart of jesus is on the wall",
    "all saints day is in november",
    "the bishop came to our church",
    "i go to the cardinal for sweets",
    "notre dame was on fire on the news",
])
def test_religious_words_that_name_no_school_are_left(text):
    assert not any(s.label == "ORG" for s in PATTERNS.find("c", text))


@pytest.mark.parametrize("text, home", [
    ("the brackenlea manager never listens", "brackenlea"),
    ("the thornfield staff took my phone", "thornfield"),
    ("the ashcrest kids are my mates now", "ashcrest"),
])
def test_a_home_named_before_its_staff_or_children_is_masked(text, home):
    assert "ORG" in covered(PATTERNS, text, home)


@pytest.mark.parametrize("text", [
    "the school staff are good",
    "the other kids are nice",
    "the jackson kids live next door",
    "the agency staff are new",
])
def test_other_words_before_staff_are_no_home(text):
    assert not any(s.label == "ORG" for s in PATTERNS.find("c", text))


@pytest.mark.parametrize("text, code", [
    ("i live in ls6 now", "ls6"),
    ("we moved to bd7 last year", "bd7"),
    ("the SW9 boys chase us", "SW9"),
    ("the m14 lot are sound", "m14"),
    ("BD5 is rough as", "BD5"),
    ("NW10 is where my nan lives", "NW10"),
    ("we live near sw1a", "sw1a"),
])
def test_a_postcode_district_alone_is_masked(text, code):
    assert "POSTCODE" in covered(PATTERNS, text, code)


@pytest.mark.parametrize("text", [
    "im in y7 and my sister is in y11",
    "we drove up the m6 and then the a1",
    "my ps4 and my SK8 board",
    "i got a B2 in french",
    "im in set b2 for maths",
    "CO2 is bad for the planet",
    "the lesson is in room e4",
    "the TS1 form was late",
])
def test_school_years_roads_and_other_codes_are_no_postcode(text):
    assert not any(s.label == "POSTCODE" for s in PATTERNS.find("c", text))


@pytest.mark.parametrize("value, ok", [
    ("bd3", True), ("SE15", True), ("M14", True), ("SW1A", True), ("w1t", True),
    ("y7", False), ("A1", False), ("BD3A", False), ("QQ5", False), ("LS06", False),
])
def test_postcode_district_shapes(value, ok):
    assert postcode_district_ok(value) is ok


@pytest.mark.parametrize("text, street", [
    ("we lived on the ormeau road for years", "ormeau road"),
    ("my nan lives off the holloway road", "holloway road"),
    ("i grew up on the antrim road", "antrim road"),
])
def test_a_road_named_with_the_is_masked_whole(text, street):
    assert "LOCATION" in covered(PATTERNS, text, street)


@pytest.mark.parametrize("text", [
    "we live on the main road",
    "its just down the ring road",
    "we walked on the other road",
])
def test_a_kind_of_road_is_no_street(text):
    assert not any(s.label == "LOCATION" for s in PATTERNS.find("c", text))


@pytest.mark.parametrize("text, date", [
    ("my review is thurs 12/5 at 10", "thurs 12/5"),
    ("contact moved to fri 9/6", "fri 9/6"),
    ("meeting on wednesday 14.3 with my iro", "wednesday 14.3"),
    ("xmas eve 2019 was when i went into care", "xmas eve 2019"),
    ("easter sunday 2021 i moved to my carers", "easter sunday 2021"),
    ("we left on christmas 2018", "christmas 2018"),
])
def test_a_weekday_date_and_a_festival_with_a_year_are_dates(text, date):
    assert "DATE" in covered(PATTERNS, text, date)


@pytest.mark.parametrize("text", [
    "we won on sat 3-1",
    "i scored 4/5 on friday 2/3 of the time",
    "i love christmas and easter",
    "sunday 45/12 is no date",
])
def test_scores_fractions_and_festivals_without_a_year_are_no_dates(text):
    assert not any(s.label == "DATE" for s in PATTERNS.find("c", text))


# --- a district of everyday words before its people ------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("the blackbird leys lot keep starting on me", "blackbird leys"),
    ("the alum rock boys jumped him", "alum rock"),
    ("i don't trust the burnt oak lads", "burnt oak"),
])
def test_a_district_of_everyday_words_before_its_people_is_found(text: str, place: str) -> None:
    assert surfaces(PLACES, text) == {place}


@pytest.mark.parametrize("text", [
    "the cherry tree in the garden fell down",
    "the new lot of staff are ok",
    "the moss on the wall is green",
])
def test_everyday_words_after_the_without_people_are_left(text: str) -> None:
    assert surfaces(PLACES, text) == set()
