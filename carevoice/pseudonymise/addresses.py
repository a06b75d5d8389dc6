"""Patterns for addresses, streets, estates and localities ("flat 6b harrow court, moss lane",
"off harehills lane", "the meadows estate").

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`.
"""

from __future__ import annotations

import re

from ._pattern import Pattern
from ._place_names import (
    GENERIC_PLACE_WORDS,
    HOME_NAME_WORDS,
    house_lower_ok,
    named_by_a_plural,
    someones,
    unlisted_place_ok,
)
from ._words import FUNCTION_WORDS, no_word_at_all
from .identifiers import (
    POSTCODE_INWARD,
    POSTCODE_OUTWARD,
)
from .lexicons import (
    ROLE_WORDS,
    is_common_word,
    near_uk_place,
    surnames,
    uk_places,
)

__all__ = ["ADDRESS_PATTERNS"]


def _street_lower_ok(value: str) -> float | bool:
    """"on chapel street", "off mill lane", "on cherry tree road", "on ash close": streets are
    often named by ordinary words; not "on every street", "down another road", "on the main
    road", "on one road"."""
    if len(value.split()) == 3:
        return house_lower_ok(value)
    first = value.split()[0].lower()
    if len(first) == 3 and first not in HOME_NAME_WORDS:
        return False  # "on ash close", "off elm grove": a tree's name; not "on one road"
    if first in _NOT_STREET_NAME or first in ("another", "different", "wrong", "right", "busy",
                                              "quiet", "long", "next", "main", "dead", "side",
                                              "private", "whose", "round", "around", "along",
                                              "across", "near", "past", "off", "onto"):
        return False
    if someones(first):
        return False  # "near kyles street", "off nans road": whose street, not its name
    return 0.5


#: Words before "road" after "the" that say which kind of road, not its name: "on the main
#: road", "down the ring road", "on the other road".
_KINDS_OF_ROAD = frozenset({"main", "ring", "relief", "link", "slip", "back", "high", "coast",
                            "toll", "dual", "busy", "same", "other", "wrong", "right", "open",
                            "top", "bottom", "front", "side", "old", "new", "long", "big",
                            "little", "country", "dirt", "gravel", "motorway", "bypass",
                            "private", "whole", "next", "first", "last", "quiet", "dead",
                            "fast", "straight", "narrow", "only", "local"})


def _street_the_lower_ok(value: str) -> float | bool:
    """"the falls road", "the holloway road": a road's name after "the"; not "the main road",
    "the other street", "the same lane"."""
    words = value.lower().split()
    if any(w in _KINDS_OF_ROAD or w in FUNCTION_WORDS for w in words[:-1]):
        return False
    return _street_lower_ok(value)


def _estate_lower_ok(value: str) -> float | bool:
    """"the meadows estate", "ashvale estate", "the marsh estate": a word homes and estates are
    named by, a surname that is no common word, or no word at all; not "council estate", "the
    rough estate"."""
    if value.lower() in uk_places():
        return 0.6  # a district the gazetteer knows: "the belle isle estate"
    first = value.split()[0].lower()
    if first in HOME_NAME_WORDS or (first in surnames() and first not in ROLE_WORDS
                                    and not is_common_word(first, threshold=20_000)):
        return 0.5
    if len(value.split()) == 1 and named_by_a_plural(first):
        return 0.5  # "the groves estate", "the larches estate": named by a plural
    words = value.lower().split()
    if len(words) == 2 and words[1] in _LIE_OF_THE_LAND and first not in GENERIC_PLACE_WORDS \
            and first not in FUNCTION_WORDS and first not in _NOT_STREET_NAME:
        return 0.5  # "the bank top estate", "the park hill estate": a word and where it lies
    return unlisted_place_ok(value)


#: The second word of place names made of two ordinary words: "bank top", "moss side".
_LIE_OF_THE_LAND = frozenset({"top", "bottom", "side", "end", "hill", "field", "fields", "wood",
                              "park", "green", "bank", "moor", "vale", "gate", "cross", "head",
                              "brow", "croft", "lane", "hall", "farm", "heath", "common"})


def _locality_ok(value: str) -> float | bool:
    """"17 linden road harehills ls8 9zz": the words between a street and a postcode are the
    district, unless they are ordinary words ("road near the ...")."""
    words = value.lower().split()
    return not any(w in _NOT_STREET_NAME or w in FUNCTION_WORDS
                   or w in ("near", "by", "and", "in", "postcode", "post", "code", "is")
                   for w in words)  # not "27 cherry tree walk now, ng5 9zz"


def _estate_name_ok(value: str) -> float | bool:
    """"the Meadow Well estate": capitalised words before a lower-case "estate", not "The
    Council estate" or "Housing estate"."""
    words = value.lower().split()
    return not any(w in GENERIC_PLACE_WORDS or w in ("council", "housing", "real", "industrial",
                                                     "trading", "business", "retail")
                   for w in words)


def _estate_lived_on_ok(value: str) -> float | bool:
    """"lives on orchard park": where someone lives, named; not "lives on a caravan park" or
    "the council fields"."""
    words = value.lower().split()
    if len(words) == 1 and words[0] not in ("manor", "grange", "heights", "ridge"):
        return no_word_at_all(words[0])  # "grew up on the meadowbank" (not "on the streets")
    return words[0] not in GENERIC_PLACE_WORDS and words[0] not in _NOT_AN_ESTATE


#: Words before "park", "farm" ... that make them kinds of place, not names.
_NOT_AN_ESTATE = frozenset({"caravan", "trailer", "holiday", "retail", "business", "skate",
                            "theme", "car", "water", "industrial", "housing", "council",
                            "football", "playing", "science", "safari", "country", "national",
                            "trampoline", "dog", "city", "town"})
#: Words before "station" that say what kind it is: "near the bus station", "at police station".
_KINDS_OF_STATION = frozenset(
    """bus train railway rail tube coach police fire petrol gas power service services space
    radio play work charging fuel ambulance lifeboat pumping polling docking weather metro tram
    underground overground main central""".split())


def _station_name_ok(value: str) -> float | bool:
    """"by angel station": a station named, not "the bus station"."""
    low = value.lower()
    return low not in _KINDS_OF_STATION and low not in GENERIC_PLACE_WORDS \
        and low not in FUNCTION_WORDS


_STREET_WORDS = (
    r"road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|court|ct|place|"
    r"terrace|gardens|gdns|grove|hill|walk|row|view|rise|mews|square|parade|green|vale|fold|"
    r"croft|meadows?|bank|brow|gate|yard|wharf|boulevard|mount|drove|dene|garth|grange|wynd|"
    r"loke|causeway|esplanade|promenade|broadway|quay|leys"
)

_STREET_WORDS_TITLE = "|".join(w.capitalize() for w in _STREET_WORDS.split("|"))


def _house_then_street_ok(value: str) -> float | bool:
    """"28b rosehill, windsor st": a number, a house's name and the street; not "16 years, mill
    lane" or "2 kids, church street"."""
    return _street_word_ok(value.split(",")[0])


def _street_word_ok(value: str) -> float | bool:
    """"41 Brackenfield" before a postcode is a street; "16 years" and "2 kids" are not."""
    word = value.split()[-1].lower()
    return word not in _NOT_STREET_NAME and word not in ("postcode", "post", "code") \
        and not is_common_word(word, threshold=20_000)  # not "dob 1.3.07 postcode s5 6zz"


_NOT_STREET_NAME = frozenset(
    """the a an my our your his her their this that these those down up to of in on at by for
    from and or but is was be been it its it's hours hour mins minutes miles days weeks months
    years times people kids year day week month time just only about over under back other
    same new old big little whole end way each every per yrs yr hrs hr wks wk mins min secs
    then now when also him them they she you""".split()
)


def _street_ok(value: str) -> float | bool:
    words = re.findall(r"(?<!\d)[A-Za-z']+", value)  # not the "a" of "41a church rd"
    # words between the house number and the street word
    name_words = [w.lower() for w in words[:-1] if w.lower() not in ("flat", "apartment", "apt",
                                                                       "unit")]
    if not name_words or any(w in _NOT_STREET_NAME for w in name_words):
        return False
    return True


def _number_on_street_ok(value: str) -> float | bool:
    """"number 12 on ash close", "no 4 on the crescent": a house number and the street it is on;
    not "number 5 on the list", "number 3 on my road" or "number 10 on the back row"."""
    words = re.findall(r"[A-Za-z']+", value.lower())
    after_on = words[words.index("on") + 1:]
    has_the = after_on[:1] == ["the"]
    name_words = after_on[1:-1] if has_the else after_on[:-1]
    if not name_words:
        return 0.7 if has_the and after_on[-1] in _THE_STREET_WORDS else False
    if any(w in _NOT_STREET_NAME or w in _NOT_HOUSE_STREET for w in name_words):
        return False
    return 0.8


#: Words before a street word that say where on something, not which street: "on the back row".
_NOT_HOUSE_STREET = frozenset({"back", "front", "top", "bottom", "first", "second", "third",
                               "last", "next", "waiting", "same", "wrong", "right", "left",
                               "left-hand", "right-hand", "middle", "end"})

#: Street words a street is named by alone after "the": "14 the crescent", "no 4 on the close".
_THE_STREET_WORDS = frozenset(
    """crescent close drive avenue grove mews square parade green terrace gardens meadow meadows
    croft rise walk paddocks orchard willows beeches oaks limes laurels maltings sidings spinney
    coppice chase glade dell glebe pastures leas leys""".split())
_THE_STREET_ALTERNATIVES = "|".join(sorted(_THE_STREET_WORDS))


def _district_ok(value: str) -> float | bool:
    """The town or district after a street address and a comma: a place the gazetteer knows
    ("longsight", "moss side"), or a capitalised word that is no common word ("Brimley");
    not "14 mill lane, and then ...". """
    if value.lower() in uk_places():
        return 0.6
    if near_uk_place(value.lower()):
        return 0.5  # "22 carlton road, sheffeild": a town misspelt
    return 0.5 if value[:1].isupper() and not is_common_word(value.lower(), threshold=1) \
        and value.lower() not in FUNCTION_WORDS else False


def _known_district_ok(value: str) -> float | bool:
    """Two words after a street address and a comma that the gazetteer knows: "moss side"."""
    return value.lower() in uk_places()


def _road_ok(value: str) -> float | bool:
    return value not in ("A1", "A2", "B1", "B2")  # exam levels and grades, not roads


#: A house number, a street and a comma: "14 brindley court, " (what follows is the district).
_ADDRESS_AND_COMMA = (rf"\b\d{{1,4}}[a-z]?,?\s+(?:[A-Za-z][A-Za-z']+\s+){{1,3}}"
                      rf"(?:{_STREET_WORDS}),\s*")


#: A flat by its number, a block by its letter or number, and a building named by words then
#: a building word: "flat 12 block c", "block d flat 9", "riverside house".
_FLAT_NUMBER = r"(?:flat|apartment|apt)\s*(?:no\.?\s*|number\s+)?\d{1,4}[a-z]?"
_BLOCK = r"block(?:\s+[a-z]|\s*\d{1,2}[a-z]?)\b"
_BUILDING = (r"(?:the\s+)?(?:(?!(?:at|in|on|of|the|a|an|my|our|is|was|are|were|has|had|have|"
             r"it|they|we|he|she|you|i|and|but|now|then|near|by|next|with|so|cos|never|always|"
             r"not|just|still|really)\b)[a-z][a-z']+\s+){1,2}"
             r"(?:house|court|tower|towers|heights|lodge|mews|building|buildings|hall|mill|mills|"
             r"maltings|wharf|quay|chambers|apartments|lofts|studios|flats|mansions|gardens)\b")

#: Months and seasons, which streets are named by: "summer lane", "may road", "june close".
_TIMES = (r"january|february|march|april|may|june|july|august|september|october|november|"
          r"december|spring|summer|autumn|winter")
#: Street words that are only nouns: after a month or season they name a street wherever they
#: stand ("summer lane is where i live").
_TIME_STREET_NOUNS = r"road|rd|street|lane|ln|avenue|ave|crescent|terrace|grove|gardens|mews"
#: Street words that are also verbs or plain nouns ("the shop may close", "a summer walk"):
#: after a month or season they name a street only after a word that puts someone on it.
_TIME_STREET_VERBS = r"close|drive|walk|way|park|rise|view|place|court|row|hill|vale|square"
#: Words right before a month or season that make it the time, not a street's name: "a may
#: road trip", "this summer drive", "my summer walk".
_TIME_DETERMINERS = ("a", "an", "the", "this", "that", "these", "those", "every", "each",
                     "last", "next", "one", "my", "our", "your", "his", "her", "their", "its",
                     "any", "some", "all", "whole", "of", "during")
#: Words that put someone on a street: "live on june close", "moved to august way".
_ON_A_STREET = ("on", "onto", "off", "to", "at", "in", "near", "by", "from", "down", "up",
                "along", "round", "around", "past", "opposite", "outside", "behind", "towards")
#: Nouns after a street word that make a thing of it: "road trip", "street party", "street
#: food"; and words after a verb: "may close to", "winter drive carefully".
_AFTER_A_TIME_STREET = (
    r"trip|trips|rage|works|safety|sign|signs|test|tests|kill|conditions|closure|closures|race|"
    r"party|parties|food|dance|dancing|art|market|markets|lights|fashion|style|wear|cred|smart|"
    r"to|by|up|down|me|us|him|her|them|it|there|home|round|away|off|out|safely|carefully|"
    r"slowly|fast|more|less|enough|through|i|we|you|they|he|she|my|your|the|a|an")
_NOT_A_TIME_BEFORE = "".join(rf"(?<!\b{w}\s)" for w in _TIME_DETERMINERS)
_PUTS_ON_A_STREET = "|".join(rf"(?<=\b{w}\s)" for w in _ON_A_STREET)

#: The addresses patterns, in the order they are tried.
ADDRESS_PATTERNS: tuple[Pattern, ...] = (
    Pattern("house_name_street", "ADDRESS",  # "Rosebank Cottage, Mill Lane"
            rf"\b(?P<pii>[A-Z][a-z]+\s+(?:Cottage|Farm|Farmhouse|Barn|Villa|Bungalow),?\s+"
            rf"(?:[A-Z][a-z']+\s+){{1,2}}(?:{_STREET_WORDS_TITLE}))\b",
            score=0.8, flags=0, trigger=r"Cottage|Farm|Barn|Villa|Bungalow"),
    Pattern("street_before_postcode", "ADDRESS",  # "41 Brackenfield Norwich nr3 1zz"
            rf"\b(?P<pii>(?:(?:flat|apartment|apt|unit)\s*\d+(?:/\d+)?[a-z]?,?\s+)?"
            rf"\d{{1,4}}[a-z]?,?\s+[A-Za-z][a-z]{{2,}})(?=,?\s+(?:[A-Za-z][a-z]+,?\s+)?"
            rf"{POSTCODE_OUTWARD}\s?{POSTCODE_INWARD}\b)",
            score=0.7, validate=_street_word_ok, trigger=r"\d[A-Za-z]{2}\b"),
    Pattern("address_locality", "LOCATION",
            rf"\b(?:{_STREET_WORDS}),?\s+(?P<pii>[a-z]{{3,}}(?:\s+[a-z]{{3,}})?),?\s+"
            rf"{POSTCODE_OUTWARD}\s{{0,2}}{POSTCODE_INWARD}\b",
            score=0.6, validate=_locality_ok, trigger=r"\d[A-Za-z]{2}\b"),
    Pattern("street_address", "ADDRESS",
            # "flat 7 / 31 ...", a flat written before the house number: "4b 27 mill lane", a
            # Scottish tenement flat by floor and door: "flat 2/1, 88 ...", and a plot or pitch
            # on a Traveller site: "plot 6 meadow way"
            rf"\b(?:(?:flat|apartment|apt|unit|plot|pitch)\s*\d+(?:/\d+)?[a-z]?\s*[,/]?\s+"
            rf"(?:\d{{1,4}}[a-z]?,?\s+)?|"
            rf"(?:\d{{1,4}}[a-z]\s*[,/]?\s+|\d{{1,4}}\s*/\s*)?"
            rf"(?:(?:no\.?|number)\s*)?\d{{1,4}}[a-z]?,?\s+)(?:[A-Za-z][A-Za-z']+\s+){{1,3}}"
            rf"(?:{_STREET_WORDS})\b"
            r"(?:,?\s+(?:flat|apartment|apt|unit)\s*\d+[a-z]?\b)?",  # "14 primrose court, flat 6"
            score=0.85, validate=_street_ok, trigger=r"\d"),
    Pattern("house_number_the_street", "ADDRESS",  # "14 the crescent", "flat 2, 9 the willows"
            r"\b(?:(?:flat|apartment|apt|unit)\s*\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+the\s+"
            r"(?:crescent|close|drive|avenue|grove|mews|square|parade|green|terrace|gardens|"
            r"meadows?|croft|rise|walk|paddocks|orchard|willows|beeches|oaks|limes|laurels|"
            r"maltings|sidings|spinney|coppice|chase|glade|dell|glebe|pastures|leas|leys)\b",
            score=0.7, trigger=r"\d,?\s+the\s"),
    Pattern("house_number_on_street", "ADDRESS",  # "number 12 on ash close", "no 4 on the
            # crescent": the house number and the whole street it is on
            r"(?:\b(?:no\.?|num(?:ber)?)|#)\s*\d{1,4}[a-z]?,?\s+on\s+(?:the\s+)?"
            rf"(?:[A-Za-z][A-Za-z']+\s+){{0,3}}?(?:{_STREET_WORDS}|{_THE_STREET_ALTERNATIVES})\b",
            score=0.8, validate=_number_on_street_ok, trigger=r"\d[a-z]?,?\s+on\s"),
    Pattern("house_number_name_street", "ADDRESS",  # "28b rosehill, windsor st"
            rf"\b(?P<pii>\d{{1,4}}[a-z]?\s+[A-Za-z][a-z']{{3,}},\s+(?:[A-Za-z][a-z']+\s+){{1,2}}"
            rf"(?:{_STREET_WORDS}))\b",
            score=0.7, validate=_house_then_street_ok, trigger=r"\d"),
    Pattern("address_district", "LOCATION",  # "14 brindley court, longsight"
            rf"{_ADDRESS_AND_COMMA}(?P<pii>[A-Za-z][a-z]{{3,}})\b",
            score=0.6, validate=_district_ok, trigger=r"\d"),
    Pattern("address_district_two_words", "LOCATION",  # "3 mill lane, moss side"
            rf"{_ADDRESS_AND_COMMA}(?P<pii>[A-Za-z][a-z]{{2,}}\s+[A-Za-z][a-z]{{2,}})\b",
            score=0.6, validate=_known_district_ok, trigger=r"\d"),
    Pattern("street_name", "LOCATION",
            r"\b(?:(?!(?:The|My|Our|Your|This|That|High|Main|Back|Front|Old|New)\b)[A-Z][a-z']+\s+){1,2}"
            r"(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Terrace|Grove|Way|Estate|Square|Mews|"
            r"Rise|Walk|Parade|Rd|Ave|Ln|St(?!\.?\s+[A-Z])|rd|ave)\b",
            score=0.8, flags=0),
    Pattern("road_number", "LOCATION", r"\b(?:[AB]\d{1,4}|M\d{1,3})(?:\(M\))?\b(?!\s*-?\s*levels?)",
            score=0.5, flags=0, validate=_road_ok),
    Pattern("flat_in_building", "ADDRESS",
            r"\b(?:flat|apartment|apt|room)\s*\d+(?:/\d+)?[a-z]?,?\s+(?:the\s+)?"
            r"(?:(?!(?:at|in|on|of|the|a|an|my|our|is|was)\b)[A-Za-z][a-z']+\s+){1,2}"
            r"(?:house|court|tower|heights|point|lodge|mews|building|buildings|block|hall|mill|"
            r"mills|maltings|wharf|quay|works|chambers|exchange|yard|apartments|lofts|studios)\b"
            # and the street it stands on: "flat 6b harrow court, moss lane", "flat 14, the
            # mills, 3 abbey walk"
            r"(?:,?\s+(?:\d{1,4}[a-z]?,?\s+)?"
            r"(?:(?!(?:at|in|on|of|the|a|an|my|our|is|was|and|but|next|near|by)\b)"
            rf"[A-Za-z][a-z']+\s+){{1,2}}(?:{_STREET_WORDS})\b)?",
            score=0.8, trigger=r"\d"),
    Pattern("street_lower", "LOCATION",
            r"\b(?:on|onto|off|in|near|down|up|along|round|from|to|at|by|outside|opposite|behind"
            r"|past|towards)\s+(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}"
            r"\s+(?:road|rd|street|"
            r"lane|avenue|ave|close|drive|crescent|terrace|grove|mount|gardens|row))\b"
            # the street word as a noun or verb of its own: "a road trip", "drive me there"
            r"(?<!road(?=\s(?:trip|trips|rage|works|safety|sign|signs|test|kill)\b))"
            r"(?<!drive(?=\s(?:me|us|him|her|them|there|round|off|away|it|slowly|carefully|"
            r"safely|fast)\b))",
            score=0.5, flags=0, validate=_street_lower_ok),
    Pattern("street_named_by_a_time", "LOCATION",  # "summer lane is where i live", "i moved
            # to may road", "on june close": a month or a season before a street word (not "a
            # may road trip", "summer holidays on the road", "the shop may close")
            rf"\b{_NOT_A_TIME_BEFORE}(?P<pii>(?:{_TIMES})\s+(?:{_TIME_STREET_NOUNS})|"
            rf"(?:{_PUTS_ON_A_STREET})(?:{_TIMES})\s+(?:{_TIME_STREET_VERBS}))\b"
            rf"(?!\s+(?:{_AFTER_A_TIME_STREET})\b)(?!-)",
            score=0.5, trigger=rf"\b(?:{_TIMES})\s"),
    Pattern("street_the_lower", "LOCATION",  # "we lived on the ormeau road", "grew up off
            # the holloway road": a road named with "the", after a word that puts someone on it
            r"\b(?:on|onto|off|along|up|down)\s+the\s+(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}"
            r"\s+(?:road|rd|street|lane))\b",
            score=0.5, flags=0, validate=_street_the_lower_ok, trigger=r"\bthe\b"),
    Pattern("estate_named", "LOCATION",
            r"\b(?P<pii>[A-Z][a-z']{2,}(?:\s+[A-Z][a-z']{2,})?)\s+estate\b",
            score=0.6, flags=0, validate=_estate_name_ok, trigger=r"estate"),
    Pattern("estate_lower", "LOCATION",  # "the marsh estate", "the belle isle estate"
            r"\b(?P<pii>(?:(?!(?:the|and|our|this|that|big|new|old|same|council|housing|rough|"
            r"posh|whole|local|nice|worst|best|dodgy|same|an)\b)[a-z]{3,}\s+)?[a-z]{3,})\s+estate\b",
            score=0.5, flags=0, validate=_estate_lower_ok),
    Pattern("estate_lived_on", "LOCATION",  # "my mum lives on orchard park"
            r"\b(?:live|lives|living|lived|grew\s+up|brought\s+up|stay|stays|staying|stayed)"
            r"\s+on\s+(?:the\s+)?(?P<pii>[a-z]{3,}\s+(?:park|fields|green|grange|heights|farm|"
            r"meadows|vale|side|rise|hill)|(?<=the\s)(?:manor|grange|heights|ridge|[a-z]{6,}))\b",
            score=0.5, flags=0, validate=_estate_lived_on_ok, trigger=r"\bon\b"),
    Pattern("station_lower", "LOCATION",  # "i live right by angel station"
            r"\b(?:by|near|at|from|to|outside|opposite)\s+(?P<pii>[a-z]{3,})\s+station\b",
            score=0.5, flags=0, validate=_station_name_ok, trigger=r"station"),
    Pattern("flat_in_block", "ADDRESS",  # "flat 12 block c, meadow court", "flat 3, block b",
            # "block d flat 9 riverside house", "block c, linden court", "flat 6 harrow court
            # block b": a flat and its block, a block and its building (not "block 2 of maths",
            # "a flat tyre", "flat 3 blocks away")
            rf"\b(?:{_FLAT_NUMBER},?\s+(?:(?:in|of)\s+)?{_BLOCK}|{_BLOCK},?\s+{_FLAT_NUMBER}\b|"
            rf"{_FLAT_NUMBER},?\s+{_BUILDING},?\s+{_BLOCK}|{_BLOCK}(?=,?\s+{_BUILDING}))"
            rf"(?:,?\s+{_BUILDING})?",
            score=0.8, trigger=rf"\b{_BLOCK}"),
)
