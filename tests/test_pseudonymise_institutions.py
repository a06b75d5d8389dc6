"""Institutions and places named in ways the other patterns missed: schools after a king, queen or
saint in lower case, a council's children's services by its place or its company's name, a
university "of" its town, and the nicknames young people give towns."""

from __future__ import annotations

import pytest

from carevoice.pseudonymise.institutions import INSTITUTION_PATTERNS
from carevoice.pseudonymise.patterns import PatternDetector

DETECTOR = PatternDetector()


def covered_as(text: str, surface: str) -> set[str]:
    """Labels of the pattern matches that cover ``surface`` exactly (the whole name, one span)."""
    i = text.index(surface)
    return {s.label for s in DETECTOR.find("c", text) if s.start == i and s.end == i + len(surface)}


def labels(text: str) -> set[tuple[str, str]]:
    return {(s.label, text[s.start:s.end]) for s in DETECTOR.find("c", text)}


CAUGHT = [
    # a school after a king, queen or prince, in lower case
    ("ORG", "my cousin started at queens college in september", "queens college"),
    ("ORG", "i left king's high in year 10", "king's high"),
    ("ORG", "he got into princes grammar on a scholarship", "princes grammar"),
    # a saint named in full, not only "st john"
    ("ORG", "we had mass at st john fisher every friday", "st john fisher"),
    ("ORG", "my sister goes to saint francis xavier now", "saint francis xavier"),
    ("ORG", "i did my gcses at st edmund campion", "st edmund campion"),
    # a council's children's services, by its place: one span with the kind of service
    ("ORG", "rotherham social services took me into care", "rotherham social services"),
    ("ORG", "i emailed bolton childrens services twice", "bolton childrens services"),
    ("ORG", "Dudley Children's Social Care moved me", "Dudley Children's Social Care"),
    ("ORG", "oldham childrens wont answer the phone", "oldham childrens"),
    ("ORG", "my worker at derby cs left in june", "derby cs"),
    ("ORG", "medway csc said they would ring", "medway csc"),
    ("ORG", "they say hull social services are the worst", "hull social services"),
    ("ORG", "i was moved by walsall childrens trust", "walsall childrens trust"),
    ("ORG", "norfolk children first paid for it", "norfolk children first"),
    ("ORG", "nobody at fenwold social services listens", "fenwold social services"),  # no word
    # a company running a council's children's services, with no place in its name
    ("ORG", "I email Together for Children every week", "Together for Children"),
    ("ORG", "achieving for children pay for my bus pass", "achieving for children"),
    ("ORG", "together for children never listen", "together for children"),
    ("ORG", "my new worker from Partners for Children came round", "Partners for Children"),
    # a university named "of" its town or region
    ("ORG", "my brother goes to uni of leicester", "uni of leicester"),
    ("ORG", "i want to go to the university of york", "university of york"),
    ("ORG", "she studies at university of the west of england",
     "university of the west of england"),
    ("ORG", "got an offer from uni of east anglia", "uni of east anglia"),
    # what young people call a town
    ("LOCATION", "we moved up to the toon last winter", "the toon"),
    ("LOCATION", "my dad lives in the big smoke", "the big smoke"),
    ("LOCATION", "moving to the smoke after college", "the smoke"),
    ("LOCATION", "the boro lost again on saturday", "the boro"),
    ("LOCATION", "the toon's ground is massive", "the toon"),
    ("LOCATION", "off to the \u2019boro with my carer", "the \u2019boro"),
]


@pytest.mark.parametrize(("label", "text", "surface"), CAUGHT)
def test_the_whole_name_is_one_span(label, text, surface):
    assert label in covered_as(text, surface)


LEFT = [
    # people, not a school's namesake
    ("the drama queens school trip was a mess", "queens school"),
    ("we sang in the three kings school nativity", "kings school"),
    ("the princes trust helped me with my cv", "princes trust"),  # a national charity
    # not a saint's whole name
    ("he said st thomas more than once", "st thomas more"),
    # social services said of no place
    ("my social services are rubbish", "social services"),
    ("the local social services never ring", "social services"),
    ("they didnt send social services round", "send social services"),
    ("i was reading social services notes about me", "reading social services"),
    ("our childrens services manager left", "childrens services"),
    ("the childrens home was ok", "childrens"),
    ("i told kai social services were coming", "kai social services"),  # a name, no place
    ("we did ocr cs at college", "ocr cs"),  # a course, no place
    ("then jus social services came round", "jus social services"),  # text-speak, no place
    # "for children" as ordinary words, or a national charity
    ("we work together for children in care", "together for children"),
    ("my mum and dad stayed together for children and split later", "together for children"),
    ("Action for Children run my supported housing", "Action for Children"),
    ("Money for Children in care is not enough", "Money for Children"),
    ("Funding for Children is a joke", "Funding for Children"),
    ("i wrote to the Commissioner for Children about it", "Commissioner for Children"),
    # no town after "of"
    ("the university of life taught me that", "university of life"),
    # smoke, cartoons
    ("the smoke alarm went off at the home", "smoke"),
    ("i went in the smoke to get my cat", "smoke"),
    ("the smoke from the bonfire came in", "smoke"),
    ("i love watching toons on saturday", "toons"),
]


@pytest.mark.parametrize(("text", "surface"), LEFT)
def test_look_alikes_are_left(text, surface):
    assert not any(surface in found for _, found in labels(text))


_SERVICES = PatternDetector(patterns=tuple(p for p in INSTITUTION_PATTERNS
                                           if p.name == "place_childrens_services"))


@pytest.mark.parametrize("text", [
    "it was a leeds childrens home",
    "she was in leeds childrens hospital for a week",
])
def test_a_bare_childrens_before_a_noun_is_not_a_service(text):
    # "childrens" names children's services only where no noun follows it: a home or hospital
    # is found by its own patterns, with the word that says what it is
    assert _SERVICES.find("c", text) == []

