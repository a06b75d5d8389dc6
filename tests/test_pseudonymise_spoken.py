"""Identifiers said aloud (transcripts of interviews and voice notes) and speaker labels."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import PseudonymiseConfig, detect_pii, pseudonymise
from carevoice.pseudonymise._words import speaker_label_at
from carevoice.pseudonymise.spoken import SpokenDetector, spelt_names, written_form

SPOKEN = SpokenDetector()

#: (text, what must be wholly inside one span, its label). Fictional: Ofcom drama numbers,
#: example.* addresses, postcodes ending ZZ, NHS numbers from 999, NI numbers from QQ.
FOUND = [
    ("ring me on oh one one three four nine six oh two two seven",
     "oh one one three four nine six oh two two seven", "PHONE"),
    ("its oh seven seven double oh nine hundred three one four ok",
     "oh seven seven double oh nine hundred three one four", "PHONE"),
    ("the postcode was b s one one five z z i think", "b s one one five z z", "POSTCODE"),
    ("we moved to w a three nine z z last year", "w a three nine z z", "POSTCODE"),
    ("we lived at sixty two marsh lane for ages", "sixty two marsh lane", "ADDRESS"),
    ("my flat is flat nine harbour court now", "flat nine harbour court", "ADDRESS"),
    ("my nhs number is nine nine nine four four four one two three four honest",
     "nine nine nine four four four one two three four", "ID"),
    ("national insurance is q q nine eight seven six five four b",
     "q q nine eight seven six five four b", "ID"),
    ("my case ref is l c four four oh two one", "l c four four oh two one", "ID"),
    ("the date was the second of april twenty nineteen", "second of april twenty nineteen",
     "DATE"),
    ("born on the ninth of july two thousand and ten", "ninth of july two thousand and ten",
     "DATE"),
    ("add me its rory underscore b nine nine on snap", "rory underscore b nine nine", "HANDLE"),
    ("shes on insta as at mel dot dances", "at mel dot dances", "HANDLE"),
    ("my email is sam underscore k two thousand and eight at example dot com",
     "sam underscore k two thousand and eight at example dot com", "EMAIL"),
    ("date of birth um its one two oh four oh nine", "one two oh four oh nine", "DATE"),
    ("Interviewer: how do you spell it YP: its t a m s i n", "t a m s i n", "PERSON"),
]

#: Numbers said aloud that identify nobody.
NOT_FOUND = [
    "i had like twenty three placements by the time i was sixteen",
    "it costs forty seven pound a month for the bus pass",
    "i get the number one one nine bus to college at half eight",
    "no one can drive me to contact so it gets cancelled",
    "oh i forgot to say the staff were alright",
    "me n two others share a kitchen",
    "i was born in the winter and moved in year nine",
    "one two three four i counted the doors",
    "P4: yeah P4: yeah same [laughs]",
    "we sang a b c d e in the car",
]


@pytest.mark.parametrize(("text", "surface", "label"), FOUND)
def test_spoken_identifiers_found(text: str, surface: str, label: str) -> None:
    i = text.index(surface)
    j = i + len(surface)
    spans = SPOKEN.find("c", text)
    assert any(s.start <= i and s.end >= j and s.label == label for s in spans), (
        [(text[s.start:s.end], s.label) for s in spans])


@pytest.mark.parametrize("text", NOT_FOUND)
def test_numbers_that_identify_nobody_pass(text: str) -> None:
    assert SPOKEN.find("c", text) == []


def test_written_form_keeps_the_way_back() -> None:
    text = "at twenty three mill lane, l s nine seven z z"
    form = written_form(text)
    assert form.text == "at 23 mill lane, LS97ZZ"
    start = form.text.index("LS97ZZ")
    assert form.original(start, start + 6) == (text.index("l s"), len(text))
    assert form.touches_speech(start, start + 6)
    assert not form.touches_speech(0, 2)
    assert len(form.starts) == len(form.ends) == len(form.converted) == len(form.text)


def test_written_form_numbers() -> None:
    assert written_form("nine hundred and twelve").text == "912"
    assert written_form("nine hundred one two three").text == "900123"
    assert written_form("two thousand nine").text == "2009"
    assert written_form("twenty twenty one").text == "2021"
    assert written_form("the twenty-first of may").text == "the 21st of may"
    assert written_form("double seven triple oh").text == "77000"
    assert written_form("no figures here").text == "no figures here"


def test_spelt_names_need_a_name_or_a_cue() -> None:
    assert spelt_names("its j o r d a n yeah") == [(4, 15)]
    assert spelt_names("can you spell it yeah its z u l e i x a") == [(26, 39)]
    assert spelt_names("c a m h s never rang") == []


def test_speaker_labels_are_not_names() -> None:
    assert speaker_label_at("P12: no", 0, 3)
    assert speaker_label_at("yeah\nR2: she left", 5, 7)
    assert not speaker_label_at("Tyler: yeah", 0, 5)
    frame = pd.DataFrame({"comment_id": ["a"], "text": ["P3: my worker left and P3: yeah"]})
    found = detect_pii(frame, config=PseudonymiseConfig(use_spacy=False))
    assert found.empty


def test_spoken_details_are_masked_end_to_end() -> None:
    text = ("Interviewer: where did you live YP: forty four bell street, leeds l s six one z z "
            "and my number was oh seven seven oh oh nine oh oh two four six")
    frame = pd.DataFrame({"comment_id": ["t1"], "text": [text]})
    out = pseudonymise(frame).comments["text"].iloc[0]
    for said in ("forty four bell street", "l s six one z z", "two four six", "leeds"):
        assert said not in out
    assert out.startswith("Interviewer: where did you live YP: ")


def test_the_detector_is_a_default() -> None:
    from carevoice.pseudonymise import default_detectors

    assert "spoken" in [d.name for d in default_detectors()]


@pytest.mark.parametrize(("text", "surface"), [
    ("my worker was bethany no donna and she left", "donna"),
    ("it was steve well steven marsh who came", "steven"),
    ("i go to saint aidan's and i like it", "saint aidan's"),
    # titles said in full before a surname that is an ordinary word, as after "mr" and "mrs"
    ("mister bright my maths teacher helped", "bright"),
    ("missus hope at the contact centre was kind", "hope"),
])
def test_what_speakers_say_around_names(text: str, surface: str) -> None:
    frame = pd.DataFrame({"comment_id": ["a"], "text": [text]})
    found = detect_pii(frame, config=PseudonymiseConfig(use_spacy=False, use_learned=False))
    i = text.index(surface)
    assert any(s <= i and e >= i + len(surface) for s, e in zip(found.start, found.end))
