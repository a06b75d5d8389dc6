"""Dates of birth, exact dates, NHS, NI and phone numbers typed digit by digit, and house numbers
"on" a street: forms that left a piece behind (a leak audit, 2026-12-07, thirty-first session),
here in new fictional wording. Each must be one span, whole; the look-alikes beside them must be
left. NHS numbers are from the 999 test range; phone numbers from Ofcom's drama ranges.

A month and a year are masked where they say a birth ("born in march 2008", "dob 11/2008", "i
turned 18 in may 2024"); elsewhere ("in april 2020 i moved") they are no exact date and stay.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from carevoice.pseudonymise import PseudonymiseConfig, generate_secret, pseudonymise
from carevoice.pseudonymise.patterns import PatternDetector

DETECTOR = PatternDetector()

# (label, text, the part one span of that label must cover whole)
WHOLE = [
    # a month and a year where they say a birth
    ("DATE", "i was born in october 2009 in a hospital up north", "october 2009"),
    ("DATE", "born sept 2006 and put in care at 3", "sept 2006"),
    ("DATE", "my birthday is in december 2010 so its near xmas", "december 2010"),
    ("DATE", "my bday's in apr 2008", "apr 2008"),
    ("DATE", "i was born feb '07 my mum said", "feb '07"),
    ("DATE", "born in whitby in jan 2012", "jan 2012"),
    ("DATE", "i was born at the end of may 2009", "may 2009"),
    ("DATE", "i was born in june two thousand and eight", "june two thousand and eight"),
    ("DATE", "i turned 18 in august 2024 and had to leave", "august 2024"),
    ("DATE", "dob: 09/2007", "09/2007"),
    ("DATE", "date of birth is 3-2011", "3-2011"),
    ("DATE", "i was born in the winter of 2008", "2008"),
    # both day and month as ordinal numbers
    ("DATE", "my court date is the 6th of the 10th", "6th of the 10th"),
    ("DATE", "born on the 12th of the 8th 2007", "12th of the 8th 2007"),
    ("DATE", "dob 30th of 4th", "30th of 4th"),
    ("DATE", "he was born the 2nd 11th 2010", "2nd 11th 2010"),
    # a day of the month said of a birthday
    ("DATE", "my birthday is next wednesday the 17th and im scared", "next wednesday the 17th"),
    ("DATE", "its my bday this friday the 3rd", "this friday the 3rd"),
    ("DATE", "my sisters birthday is on the 28th", "28th"),
    ("DATE", "i was born on the 11th and my carer forgot", "11th"),
    ("DATE", "sunday the 22nd is my birthday", "sunday the 22nd"),
    ("DATE", "the 19th was my birthday and nobody came", "19th"),
    ("DATE", "my bday is saturday the twenty first", "saturday the twenty first"),
    # an NHS number with its ten digits grouped any way
    ("ID", "my nhs number is 9 9 9 2 0 4 6 1 7 1 it says", "9 9 9 2 0 4 6 1 7 1"),
    ("ID", "nhs no 999.381.0525", "999.381.0525"),
    ("ID", "nhs number: 9-9-9-5-1-7-7-3-6-6", "9-9-9-5-1-7-7-3-6-6"),
    ("ID", "nhs num 99 96 60 28 42", "99 96 60 28 42"),
    ("ID", "my nhs number on the gp letter was 9 9 9 2 0 4 6 1 7 1", "9 9 9 2 0 4 6 1 7 1"),
    ("ID", "the number on my red book is 9 9 9 3 8 1 0 5 2 5", "9 9 9 3 8 1 0 5 2 5"),
    # an NI number and a phone number with every character apart
    ("ID", "my ni number is k l 4 0 2 9 1 8 b", "k l 4 0 2 9 1 8 b"),
    ("ID", "national insurance KL.40.29.18.B", "KL.40.29.18.B"),
    ("ID", "ni: kl 4 0 2 9 1 8 b ok", "kl 4 0 2 9 1 8 b"),
    ("PHONE", "text 0 7 7 0 0 - 9 0 0 - 5 8 2 later", "0 7 7 0 0 - 9 0 0 - 5 8 2"),
    # a house number "on" its street: the number and the whole street
    ("ADDRESS", "we got a flat at number 6 on yew close", "number 6 on yew close"),
    ("ADDRESS", "shes at no 11 on the paddocks now", "no 11 on the paddocks"),
    ("ADDRESS", "my nan lives at number 40 on sandpiper way", "number 40 on sandpiper way"),
    ("ADDRESS", "post it to #7 on heron drive", "#7 on heron drive"),
    ("LOCATION", "my foster carers live on elm crescent", "elm crescent"),
    # the birth word after the month and year (thirty-second session)
    ("DATE", "november 2007 is when i was born apparently", "november 2007"),
    ("DATE", "aug 2010 is my birth month", "aug 2010"),
    ("DATE", "2006 is the year i was born", "2006"),
    ("DATE", "2021 was when my daughter was born", "2021"),
    # a street without a number after "to", "at", "by", "outside", "past"
    ("LOCATION", "they moved me to hazel avenue in the summer", "hazel avenue"),
    ("LOCATION", "my dad lives by rowan close", "rowan close"),
    ("LOCATION", "we waited outside larkspur gardens", "larkspur gardens"),
    ("LOCATION", "the bus goes past thornfield road", "thornfield road"),
]

# Look-alikes: nothing of the label may be found
LEFT = [
    ("DATE", "in april 2020 i moved to my nans"),
    ("DATE", "since november 2018 ive had 4 social workers"),
    ("DATE", "i was born in hull but in june 2019 we moved"),
    ("DATE", "my brother was born 2nd out of 6 of us"),
    ("DATE", "i was born 2nd of 4"),
    ("DATE", "im the 3rd of the 5th years in the house"),
    ("DATE", "she came 1st of the 3rd group"),
    ("DATE", "my birthday was the 16th one i spent in care"),
    ("DATE", "my 17th was my best birthday"),
    ("DATE", "my birthday is on the 2nd day of half term"),
    ("DATE", "i was born 3rd eldest"),
    ("DATE", "i turned 18 last june"),
    ("DATE", "i got moved on the 15th"),
    ("DATE", "my birthday in 2020 was in lockdown"),
    ("ID", "count 1 2 3 4 5 6 7 8 9 0 slowly"),
    ("ADDRESS", "number 5 on the list was me"),
    ("ADDRESS", "we were number 2 on the waiting list"),
    ("ADDRESS", "i sat number 10 on the back row"),
    ("ADDRESS", "number 3 on my road is empty"),
    ("LOCATION", "we walked on one road then another"),
    ("LOCATION", "the bus goes down any road"),
    ("DATE", "in 2019 i went into care and my brother was born"),
    ("DATE", "since 2015 i have not seen where i was born"),
    ("DATE", "in 2020 we moved, my birthday was in lockdown"),
    ("DATE", "march 2018. my nephew was born later"),
    ("LOCATION", "we went to town road trip style"),
    ("LOCATION", "my carer has to college drive me there"),
    ("LOCATION", "i talked to them street kids"),
    ("LOCATION", "we walked to the main road"),
    ("LOCATION", "go to another close friend"),
]


def _one_span_over(text: str, surface: str, label: str) -> bool:
    start = text.index(surface)
    end = start + len(surface)
    return any(s.label == label and s.start <= start and s.end >= end
               for s in DETECTOR.find("c", text))


@pytest.mark.parametrize(("label", "text", "surface"), WHOLE)
def test_the_whole_form_is_one_span(label, text, surface):
    assert _one_span_over(text, surface, label)


@pytest.mark.parametrize(("label", "text"), LEFT)
def test_look_alikes_are_left(label, text):
    assert label not in {s.label for s in DETECTOR.find("c", text)}


def test_a_birthday_span_keeps_the_words_around_its_day():
    """"the" before a bare day stays outside the span, as in the other birthday patterns."""
    text = "my birthday is on the 9th"
    spans = {text[s.start:s.end] for s in DETECTOR.find("c", text) if s.label == "DATE"}
    assert spans == {"9th"}


@pytest.fixture(scope="module")
def result():
    frame = pd.DataFrame({"comment_id": [f"w{i}" for i in range(len(WHOLE))],
                          "text": [text for _, text, _ in WHOLE]})
    return pseudonymise(frame, PseudonymiseConfig(), secret=generate_secret())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


@pytest.mark.parametrize("i", range(len(WHOLE)), ids=[t for _, t, _ in WHOLE])
def test_no_piece_is_left_in_the_output(result, i):
    """No word or digit of the form is left in the pseudonymised text (beyond the words the
    rest of the comment has too)."""
    _, text, surface = WHOLE[i]
    out = result.comments.set_index("comment_id").loc[f"w{i}", "text"]
    untagged = re.sub(r"\[[A-Z]+_\d+\]", " ", out)
    rest = text.replace(surface, " ")
    assert not (_words(surface) - _words(rest)) & _words(untagged)
