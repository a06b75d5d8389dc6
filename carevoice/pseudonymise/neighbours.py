"""What a span found tells of the words beside it, read after all detectors have run: the
organisation a person found is "from" ("my advocate Jasmin from Voices Together"), homes named
in a row ("the willows then beechcroft"), the people "from" or "at" an organisation or place
found ("jack and bill from oak lodge"), and the words that repeat the name an e-mail address or
handle is made of ("k.frost@... its kit frost").

Each function takes the comments and the raw spans of all detectors and returns the spans plus
the new ones (not resolved); :func:`carevoice.pseudonymise.core.detect_pii` runs them in the
order they stand here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._base import spans_after
from ._name_words import _ABSTRACT, _MODALS, _SEASONS, _SURNAME_WORDS, _plain_word
from ._place_names import GENERIC_PLACE_WORDS
from ._words import FUNCTION_WORDS, KIN, WORD_TOKEN, dictionary_word, frequency, no_word_at_all
from .lexicons import NOT_PII, ROLE_WORDS, first_names, surnames, uk_places

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "homes_in_a_row",
    "organisations_after_people",
    "people_from_organisations",
    "people_in_addresses",
]


#: Words of a service's generic name: "Jo from Social Services", "Sam from Leaving Care Team".
_SERVICE_WORDS = frozenset({"social", "services", "service", "leaving", "care", "virtual",
                            "school", "council", "housing", "team", "the", "children's",
                            "childrens", "youth", "offending", "early", "help", "health",
                            "mental", "local", "authority", "adult", "adults"})

#: "then" and a word after a home found: "the willows then beechcroft then ...".
_THEN_A_WORD = re.compile(r"\s*(?:,\s*)?(?:and\s+)?then\s+(?:the\s+)?([a-z]{4,})\b(?!['\u2019-])")


def homes_in_a_row(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Add a word that is no word at all said right after an organisation found and "then":
    "i lived at the willows then beechcroft then a foster placement" (score 0.5, detector
    ``"institutions:then"``); not "the willows then school". ``comments`` and ``spans`` (raw
    spans of all detectors) in, ``spans`` plus the new ones (not resolved) out."""

    def judge(text: str, end: int) -> tuple[int, int, str, float, str] | None:
        m = _THEN_A_WORD.match(text, end)
        if not m or not no_word_at_all(m.group(1)):
            return None
        return m.start(1), m.end(1), "ORG", 0.5, "institutions:then"

    return spans_after(comments, spans, ("ORG",), judge)


def organisations_after_people(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Add the capitalised name of what a person found is "from": "my advocate Jasmin from
    Voices Together", "Sophie Hartley from Voices Matter"; or, in lower case, one to three words
    before what the person did ("ruby from next steps helped me"; score 0.5; not "kai from
    school", "jo from leaving care").

    Two or three capitalised words after "from" that name no place, no service of every council
    ("Social Services", "Leaving Care Team") and nothing that is never personal data. New spans
    score 0.6 (detector ``"institutions:from"``): above a surname found by its context alone,
    so "Kels from Speak Up Kirkwood" is one organisation, not a person. ``comments`` and
    ``spans`` (raw spans of all detectors) in, ``spans`` plus the new ones (not resolved) out.
    """
    places = uk_places()

    def judge(text: str, end: int) -> tuple[int, int, str, float, str] | None:
        m = _FROM_CAPITALISED.match(text, end)
        if not m and not text.istitle():
            m = _FROM_LOWER.match(text, end)
            words = m.group(1).split() if m else []
            if not words or any(w in FUNCTION_WORDS or w in ROLE_WORDS or w in NOT_PII
                                or w in KIN for w in words) \
                    or " ".join(words) in places \
                    or all(w in _SERVICE_WORDS or w in GENERIC_PLACE_WORDS or w in _EVERYDAY
                           for w in words) or words == ["next", "door"]:
                return None
            return m.start(1), m.end(1), "ORG", 0.5, "institutions:from"
        if not m or text.istitle():
            return None
        words = m.group(1).lower().split()
        if m.group(1).lower() in places or any(w in places or w in NOT_PII or w in ROLE_WORDS
                                                for w in words) \
                or all(w in _SERVICE_WORDS or w in GENERIC_PLACE_WORDS for w in words):
            return None
        return m.start(1), m.end(1), "ORG", 0.6, "institutions:from"

    return spans_after(comments, spans, ("PERSON",), judge)


#: "from" and one to three lower-case words, then something a person did: " from next steps
#: helped me", " from the bridge project took us", " from voices together, she helped me".
_FROM_LOWER = re.compile(
    r"\s+from\s+(?:the\s+)?((?:[a-z]+\s+){0,2}[a-z]+)(?:\s+|,\s*(?:she|he|they)\s+)"
    r"(?=(?:helped|helps|took|takes|sorted|"
    r"sorts|got|gets|came|comes|rang|rings|gave|gives|runs|ran|said|says|told|tells|drove|"
    r"drives|sent|sends|picked|picks|found|finds)\b)")

#: Everyday places and groups a person is "from", no organisation's name: "kai from school".
_EVERYDAY = frozenset({"school", "college", "uni", "work", "home", "church", "mosque", "footy",
                       "football", "boxing", "gym", "town", "class", "year", "form",
                       "club", "group", "there", "here", "round", "corner", "upstairs",
                       "downstairs", "nowhere", "somewhere", "abroad", "prison", "jail",
                       # what a service is for, before its kind: "the fostering team", "the
                       # refugee charity" (no name)
                       "charity", "agency", "project", "fostering", "adoption", "refugee",
                       "refugees", "asylum", "homeless", "counselling", "advocacy", "kinship",
                       "disability", "autism", "drugs", "drug", "alcohol", "parenting",
                       "family", "families", "young", "people", "carers", "kids"})

#: "from" and two or three capitalised words, after a name found: " from Voices Together".
_FROM_CAPITALISED = re.compile(
    r"\s+from\s+((?:[A-Z][a-z']+)(?:\s+[A-Z][a-z']+){1,2})\b(?!['\u2019])")


def _first_then_surname(first: str, sur: str) -> bool:
    """Whether ``first sur`` reads as a first name and a surname: "robin sparrow"."""
    return first in first_names() and (sur in surnames() or sur in _SURNAME_WORDS
                                       or frequency(sur) < 5_000) and not any(
        w in FUNCTION_WORDS or w in ROLE_WORDS or w in NOT_PII or w in _ABSTRACT
        or w in _SEASONS for w in (first, sur))


#: Names, joined by "and", "n", "&" or commas, right before "from" (and "the"): "jack and bill
#: from ", "ruby, jo n mo from the ".
_NAMES_BEFORE_FROM = re.compile(
    r"(?<![A-Za-z'-])((?:[A-Za-z]+(?:-[A-Za-z]+)*(?:\s*,\s*|\s+(?:and|n|&)\s+))*"
    r"[A-Za-z]+(?:-[A-Za-z]+)*)\s+(from|at)\s+(?:the\s+)?$")

_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "ten", "twenty", "fifty",
                           "hundred", "few", "many", "some", "more", "loads", "lots"})


def people_from_organisations(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Add the first names of people "from" or "at" an organisation found: "jack and bill
    from oak lodge", "ruby from the den project", "jade at hope house said"; and of one person
    "from" a place found, at a clause's start: "summer from oakfield keeps taking my charger".

    Each word of a run of words joined by "and", "n", "&" or commas right before "from" and
    an organisation span is a name if it is in the first-name lexicon and is no function,
    role or season word and no abstract noun ("no hope from the willows" stays). New spans
    score 0.5 (detector ``"names:from"``), so they go to review. ``comments`` and ``spans``
    (raw spans of all detectors) in, ``spans`` plus the new ones (not resolved) out.
    """
    names = first_names()

    def run_before(text: str, start: int) -> re.Match[str] | None:
        m = _NAMES_BEFORE_FROM.search(text, max(0, start - 60), start)
        return m if m and m.end() == start else None

    def opening(text: str, m: re.Match[str]) -> bool:  # the run starts a clause
        return not text[:m.start(1)].strip() or text[:m.start(1)].rstrip()[-1] in ".!?,"

    def from_a_place(text: str, start: int) -> list[tuple[int, int, str, float, str]]:
        m = run_before(text, start)
        if not m or m.group(2) != "from" or " " in m.group(1).strip() or "," in m.group(1) \
                or not opening(text, m):
            return []  # one word at a clause's start, then "from" and the place
        return names_in(text, m)

    def judge(text: str, start: int) -> list[tuple[int, int, str, float, str]]:
        m = run_before(text, start)
        return names_in(text, m) if m else []

    def names_in(text: str, m: re.Match[str]) -> list[tuple[int, int, str, float, str]]:
        out = []
        opens = opening(text, m)
        for w in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", m.group(1)):
            low = w.group().lower().split("-")[0]  # "rosie-may from the laurels"
            if low in ("and", "n"):
                continue
            if low in _MODALS and low in names and opens and m.group(1) == w.group():
                pass  # "will from oakfield house is ...": no modal stands before "from"
            elif low not in names or low in FUNCTION_WORDS or low in ROLE_WORDS \
                    or low in _ABSTRACT or low in _SEASONS or low in NOT_PII:
                first = re.search(r"(?<![A-Za-z'])([A-Za-z]+)\s+$", text[:m.start(1)])
                if out or first is None or not _first_then_surname(first.group(1).lower(), low):
                    return []  # "the staff from", "no hope from": not a run of names
                out.append((first.start(1), m.start(1) + w.end(), "PERSON", 0.5, "names:from"))
                m = first  # "robin sparrow from greenfields housing": a first name and surname
                break
            out.append((m.start(1) + w.start(), m.start(1) + w.end(), "PERSON", 0.5,
                        "names:from"))
        before = text[:m.start(1)].rstrip().lower()
        if before.endswith((" the", " a", " no", " any")) or before[-1:].isdigit() \
                or before.rsplit(" ", 1)[-1] in _NUMBER_WORDS:
            return []  # "the lads from", "200 miles from", "two miles from"
        return out

    spans = spans_after(comments, spans, ("ORG",), judge, before=True)
    return spans_after(comments, spans, ("LOCATION",), from_a_place, before=True)


#: Words handles are often made of that are no one's name: "gaming_kai", "jade.official".
_HANDLE_FILLERS = frozenset({"official", "xoxo", "gaming", "games", "gamer", "real", "queen",
                             "king", "girl", "boy", "babe", "baby", "love", "lover", "life",
                             "vibes", "music", "beatz", "mail", "email", "example", "insta",
                             "snap", "tiktok", "account", "page"})


def people_in_addresses(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Add the words of a comment that repeat a name an e-mail address or handle is made of:
    "email k.frost@... its kit frost btw", "follow @sk8r_jade ... jade here".

    The parts of a found e-mail's local part or a handle (runs of three letters or more) that
    are a first name or surname, or no dictionary word, are looked for elsewhere in the
    comment as whole words; each found is a PERSON (score 0.5, detector ``"names:address"``),
    with the word before it where that word starts with a one-letter part ("k.frost" ->
    "kit frost"). ``comments`` and ``spans`` (raw spans of all detectors) in, ``spans`` plus the
    new ones (not resolved) out.
    """
    given, family = first_names(), surnames()

    def judge(text: str, start: int) -> list[tuple[int, int, str, float, str]]:
        m = re.match(r"@?[A-Za-z0-9_.+-]+", text[start:])
        if not m:
            return []
        local = m.group().lstrip("@").lower()
        parts = re.split(r"[^a-z]+", local)
        initials = {p for p in parts if len(p) == 1}
        wanted = {p for p in parts if len(p) >= 3 and p not in FUNCTION_WORDS and p not in NOT_PII
                  and p not in ROLE_WORDS and p not in _HANDLE_FILLERS
                  and (p in given or p in family or not dictionary_word(p))}
        out = []
        if not wanted:
            return out
        end = start + m.end()
        words = list(WORD_TOKEN.finditer(text))
        for k, w in enumerate(words):
            if start <= w.start() < end or w.group().lower() not in wanted:
                continue
            first = w.start()
            if k and words[k - 1].group()[:1].lower() in initials \
                    and not start <= words[k - 1].start() < end \
                    and _plain_word(words[k - 1].group().lower()) \
                    and text[words[k - 1].end():w.start()] == " ":
                first = words[k - 1].start()  # "kit frost" after "k.frost@"
            out.append((first, w.end(), "PERSON", 0.5, "names:address"))
        return out

    return spans_after(comments, spans, ("EMAIL", "HANDLE"), judge, before=True)
