"""Countries in lower case, and streets named by a month or a season.

Other countries' names are masked as places in any case (a country of origin can identify a
child in care: docs/pseudonymise.md); England and the UK, nationalities and languages are not;
a country that is also an ordinary word ("turkey", "china", "guinea pig", a "jersey") or a
first name counts only after a word that puts someone there. A month or a season before a
street word names a street ("winter close", "may road"), not a time ("a summer road trip").

All comments are fictional, written for these tables.
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import detect_pii
from carevoice.pseudonymise._countries import countries_in
from carevoice.pseudonymise._word_kinds import country_names
from carevoice.pseudonymise.patterns import PatternDetector

#: Comments naming a country in lower case, and the country.
COUNTRIES = [
    ("my step dad is from ethiopia originally", "ethiopia"),
    ("we fled from yemen when i was little", "yemen"),
    ("the home office wants to deport me back to kosovo", "kosovo"),
    ("i still have cousins in sri lanka", "sri lanka"),
    ("my nana lives in guatemala and i miss her", "guatemala"),
    ("i travelled through libya and italy to get here", "libya"),
    ("i travelled through libya and italy to get here", "italy"),
    ("im from the sudan region near the border", "sudan"),
    ("born in south sudan, grew up in kenya", "south sudan"),
    ("born in south sudan, grew up in kenya", "kenya"),
    ("my uncle got sent back to pakistan last year", "pakistan"),
    ("my foster mum is from the philippines", "philippines"),
    ("my brother stayed in the democratic republic of the congo",
     "democratic republic of the congo"),
    ("we came here from palestine", "palestine"),
    ("my dads family are in the drc still", "drc"),
    ("i lived in myanmar then a camp in bangladesh", "bangladesh"),
    ("MY DAD IS IN SOMALIA", "SOMALIA"),
    ("afghanistan's where my brothers are", "afghanistan"),
    ("my mum is in ireland now", "ireland"),
    # countries that are ordinary words or first names, after a word that puts someone there
    ("we came over from turkey in a lorry", "turkey"),
    ("my auntie went back to china for good", "china"),
    ("i was born in guinea and came at 15", "guinea"),
    ("she grew up in jersey before moving here", "jersey"),
    ("my cousins are all in chile", "chile"),
    ("my grandad still lives in india", "india"),
    ("we lived in georgia before the war", "georgia"),
]

#: Ordinary words that are also countries, nationalities, languages, England and the UK.
LOOK_ALIKES = [
    ("we always have turkey on boxing day", "turkey"),
    ("i had a turkey sandwich for lunch", "turkey"),
    ("my carer has nice china in the cabinet", "china"),
    ("my mug is made in china lol", "china"),
    ("we got two guinea pigs at the home", "guinea"),
    ("my new jersey for football has my number", "jersey"),
    ("i love chile con carne", "chile"),
    ("the guernsey jumper my nan knitted is itchy", "guernsey"),
    ("we get our food from iceland on fridays", "iceland"),
    ("the family reunion was awkward", "reunion"),
    ("i want a canada goose coat so bad", "canada"),
    ("brazil nuts make me ill", "brazil"),
    ("my mum is somali and my dad is eritrean", "somali"),
    ("i speak pashto and a bit of farsi", "pashto"),
    ("i was born in england and moved to the uk capital", "england"),
    ("i have lived in the uk for three years", "uk"),
]

#: Streets named by a month or a season, and the street.
TIME_STREETS = [
    ("autumn crescent is where my new placement is", "autumn crescent"),
    ("my sister lives on may avenue now", "may avenue"),
    ("i got moved to october grove in the summer", "october grove"),
    ("we stayed on winter close for a year", "winter close"),
    ("my mate lives off spring way", "spring way"),
    ("the flat on july terrace was damp", "july terrace"),
    ("i used to play in march park", "march park"),
    ("summer gardens is a nice road", "summer gardens"),
    ("i live near november road", "november road"),
]

#: A month or a season before a street word as the time, and "may" as a verb.
TIME_LOOK_ALIKES = [
    "we did a massive summer road trip to the coast",
    "we love autumn drives in the country",
    "my carer took us on a spring walk by the river",
    "the youth club may close in the holidays",
    "you may park on the drive if you ask",
    "they may walk you to school if you want",
    "summer street parties are the best",
    "in winter drive slowly cos of the ice",
    "may road works made the bus late",
    "we had a winter walk on boxing day",
    "i hate the winter roads round here",
]


def _comments(texts: list[str]) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)],
                         "respondent_id": [f"r{i}" for i in range(n)],
                         "question_id": ["q1"] * n, "text": texts})


@pytest.fixture(scope="module")
def marked() -> dict[str, list[tuple[str, str]]]:
    """The spans the whole detector finds in every comment of the tables: text to (surface,
    label) pairs."""
    texts = list(dict.fromkeys([t for t, _ in COUNTRIES] + [t for t, _ in LOOK_ALIKES]
                               + [t for t, _ in TIME_STREETS] + TIME_LOOK_ALIKES))
    spans = detect_pii(_comments(texts))
    out: dict[str, list[tuple[str, str]]] = {t: [] for t in texts}
    for cid, start, end, label in spans[["comment_id", "start", "end", "label"]].itertuples(
            index=False):
        text = texts[int(str(cid)[1:])]
        out[text].append((text[int(start):int(end)], str(label)))
    return out


def _labels_covering(marks: list[tuple[str, str]], text: str, surface: str) -> set[str]:
    return {label for found, label in marks if surface in found}


@pytest.mark.model
@pytest.mark.parametrize(("text", "country"), COUNTRIES)
def test_a_country_is_masked_as_a_place(marked, text: str, country: str) -> None:
    assert "LOCATION" in _labels_covering(marked[text], text, country)


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), LOOK_ALIKES)
def test_a_word_that_is_also_a_country_is_left(marked, text: str, word: str) -> None:
    assert not _labels_covering(marked[text], text, word), marked[text]


@pytest.mark.model
@pytest.mark.parametrize(("text", "street"), TIME_STREETS)
def test_a_street_named_by_a_month_or_season_is_masked(marked, text: str, street: str) -> None:
    assert "LOCATION" in {label for found, label in marked[text] if street in found}


@pytest.mark.model
@pytest.mark.parametrize("text", TIME_LOOK_ALIKES)
def test_a_month_or_season_before_a_street_word_as_the_time_is_left(marked, text: str) -> None:
    assert not marked[text]


@pytest.mark.model
def test_a_first_name_that_is_a_country_stays_a_person() -> None:
    spans = detect_pii(_comments(["georgia from my class rang me", "i came from jordan"]))
    labels = spans.groupby("comment_id")["label"].apply(set).to_dict()
    assert labels["c0"] == {"PERSON"}  # a person, as before
    assert labels["c1"]  # masked, as a person or a place


@pytest.mark.parametrize(("text", "country"), COUNTRIES)
def test_countries_in_finds_the_country(text: str, country: str) -> None:
    assert any(text[a:b] == country for a, b, _ in countries_in(text))


@pytest.mark.parametrize(("text", "word"), LOOK_ALIKES)
def test_countries_in_leaves_ordinary_words(text: str, word: str) -> None:
    assert all(word not in text[a:b] for a, b, _ in countries_in(text))


@pytest.mark.parametrize("text", [
    "we got the vitamins from holland and barrett",  # a shop (the learned model reads a place)
    "me and india-mae went to the park",  # a double first name (masked as a person)
    "my link is linkedin.com/in/georgia-pike-21",
    "add me @kenya_girl09",
    "the site is eritrea.example.com",
])
def test_countries_in_leaves_a_shop_a_double_name_a_link_or_a_handle(text: str) -> None:
    assert countries_in(text) == []


def test_a_country_that_is_a_word_is_listed_for_review() -> None:
    assert [s for _, _, s in countries_in("i came from eritrea then from turkey")] == [0.6, 0.5]


def test_short_forms_are_countries_and_england_is_not() -> None:
    assert {"congo", "palestine", "burma", "drc"} <= country_names()
    assert not {"england", "uk", "britain"} & country_names()


@pytest.mark.parametrize(("text", "street"), TIME_STREETS)
def test_the_street_pattern_finds_a_street_named_by_a_time(text: str, street: str) -> None:
    spans = PatternDetector().find("c", text)
    assert any(text[s.start:s.end] == street and s.label == "LOCATION" for s in spans)


@pytest.mark.parametrize("text", TIME_LOOK_ALIKES)
def test_the_street_pattern_leaves_a_time_before_a_street_word(text: str) -> None:
    spans = PatternDetector().find("c", text)
    assert not [s for s in spans if s.detector.endswith("street_named_by_a_time")]
