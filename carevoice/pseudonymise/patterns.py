"""Declarative UK patterns for contact details, identifiers, dates, addresses and named places.

Each :class:`Pattern` is a compiled regular expression plus an optional validator (a checksum,
a plausibility check or ``phonenumbers``). :class:`PatternDetector` runs a tuple of them over a
comments frame; the default tuple is :data:`PATTERNS`. Nothing here imports spaCy.

Examples
--------
>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["ring me on 07700 900123 x"]})
>>> PatternDetector().detect(comments)[["start", "end", "label"]].values.tolist()
[[11, 23, 'PHONE']]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..schema import PII_LABELS
from ._base import Span, TextDetector
from ._words import FUNCTION_WORDS
from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    WORD_NAMES,
    first_names,
    is_common_word,
    surnames,
    uk_places,
)

__all__ = [
    "PATTERNS",
    "Pattern",
    "PatternDetector",
    "nhs_checksum_ok",
    "ni_number_ok",
    "valid_date",
    "valid_uk_phone",
]

_I = re.IGNORECASE


@dataclass(frozen=True)
class Pattern:
    """A named regular expression for one kind of personal data.

    Parameters
    ----------
    name : str
        A stable name, used in the ``detector`` column as ``"pattern:<name>"``.
    label : str
        One of :data:`carevoice.schema.PII_LABELS`.
    regex : str
        The expression. If it has a group named ``pii`` only that group is the span.
    score : float, default 0.9
        Confidence of a match that passes ``validate``.
    flags : int, default re.IGNORECASE
        ``re`` flags.
    validate : callable, optional
        ``validate(matched_text) -> float | bool``: ``False``/``0`` rejects the match, ``True``
        keeps ``score``, a float in (0, 1] replaces it.
    trigger : str, default ""
        A cheap expression that must occur in the text before ``regex`` is tried.
    """

    name: str
    label: str
    regex: str
    score: float = 0.9
    flags: int = _I
    validate: Callable[[str], float | bool] | None = None
    trigger: str = ""

    def __post_init__(self) -> None:
        if self.label not in PII_LABELS:
            raise InputError(
                f"The 'label' of Pattern {self.name!r} must be one of {list(PII_LABELS)}. "
                f"Got {self.label!r} instead."
            )
        if not 0.0 < self.score <= 1.0:
            raise InputError(
                f"The 'score' of Pattern {self.name!r} must be in (0, 1]. Got {self.score!r}."
            )
        try:
            re.compile(self.regex, self.flags)
        except re.error as e:
            raise InputError(f"The 'regex' of Pattern {self.name!r} does not compile: {e}") from e

    def finditer(self, text: str) -> list[tuple[int, int, float]]:
        """Return ``(start, end, score)`` for every validated match in ``text``.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of tuple
        """
        compiled, trigger = _compile(self.regex, self.flags, self.trigger)
        if trigger is not None and trigger.search(text) is None:
            return []
        out = []
        pos = 0
        while (m := compiled.search(text, pos)) is not None:
            # a rejected match must not hide one that overlaps it: "add me on snap its kai_07"
            # first matches "add me on snap" (not a handle), then "snap its kai_07"
            pos = m.start() + 1
            if "pii" in compiled.groupindex:
                start, end = m.span("pii")
            else:
                start, end = m.span()
            if start < 0 or end <= start:
                continue
            score = self.score
            if self.validate is not None:
                verdict = self.validate(text[start:end])
                if verdict is False or verdict == 0:
                    continue
                if verdict is not True:
                    score = float(verdict)
            out.append((start, end, score))
            pos = max(pos, m.end())
        return out


@functools.cache
def _compile(regex: str, flags: int,
             trigger: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    return re.compile(regex, flags), (re.compile(trigger, _I) if trigger else None)


# --- validators ------------------------------------------------------------------------------

def nhs_checksum_ok(value: str) -> bool:
    """Check the modulus-11 check digit of an NHS number.

    Parameters
    ----------
    value : str
        Ten digits, spaces and dashes allowed.

    Returns
    -------
    bool

    Examples
    --------
    >>> nhs_checksum_ok("943 476 5919"), nhs_checksum_ok("943 476 5918")
    (True, False)
    """
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def valid_uk_phone(value: str) -> float | bool:
    """Validate a UK phone number with ``phonenumbers``.

    Parameters
    ----------
    value : str

    Returns
    -------
    float or bool
        0.95 for a valid number, 0.7 for a possible one, ``False`` otherwise.

    Examples
    --------
    >>> valid_uk_phone("07911 123456"), valid_uk_phone("07700 900123"), valid_uk_phone("0123")
    (0.95, 0.7, False)
    """
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return 0.95
    if phonenumbers.is_possible_number(number) and sum(c.isdigit() for c in value) >= 10:
        return 0.7
    return False


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def valid_date(value: str) -> float | bool:
    """Check that a matched date is a plausible calendar date.

    Parameters
    ----------
    value : str
        ``"4th January 2021"``, ``"22nd of june"``, ``"March 3rd"``, ``"14/03/2023"``...

    Returns
    -------
    float or bool

    Examples
    --------
    >>> valid_date("31/02/2020"), bool(valid_date("14/03/2023")), valid_date("45th May")
    (False, True, False)
    """
    low = value.lower()
    numbers = [int(n) for n in re.findall(r"\d+", low)]
    month_word = next((m for m in _MONTHS if re.search(rf"\b{m}", low)), None)
    if month_word is None:
        if len(numbers) != 3:
            return False
        a, b, _ = numbers
        day, month = (a, b) if b <= 12 else (b, a)
        if not (1 <= month <= 12 and 1 <= day <= _month_days(month)):
            return False
        return 0.9
    month = _MONTHS.index(month_word) + 1
    days = [n for n in numbers if n <= 31]
    if not days or not 1 <= days[0] <= _month_days(month):
        return False
    # "12 may" without an ordinal, "of" or a year is too often "I was 12 may be".
    bare = re.fullmatch(r"\d{1,2}\s+(may|mar|jan|jun|jul|sep|oct|dec)", low)
    if bare and value[-3:].islower():
        return False
    return 0.9


def _initials_ok(value: str) -> float | bool:
    """"at qmc", "excluded from kgv": initials of a school or hospital, in lower case, with no
    vowel; not text-speak that drops a vowel ("frst", "ppl"), nor a known acronym ("nhs")."""
    low = value.lower()
    if re.search(r"[aeiouy]", low) or low in NOT_PII or low in FUNCTION_WORDS:
        return False
    return not any(is_common_word(low[:k] + vowel + low[k:], threshold=1)
                   for k in range(len(low) + 1) for vowel in "aeiouy")


def _family_plural_ok(value: str) -> float | bool:
    """"the carters", "the foxes": a family called by its surname in the plural, when the
    singular is a surname or a name that is also a word ("carter", "fox"), not a role."""
    low = value.lower()
    stems = {low[:-1]} | ({low[:-2]} if low.endswith("es") else set())
    if low in ROLE_WORDS or low in NOT_PII or any(s in ROLE_WORDS for s in stems):
        return False
    return any(s in surnames() or s in WORD_NAMES for s in stems)


def _someones(word: str) -> bool:
    """"liams", "nans": a first name or family word with a possessive s and no apostrophe."""
    return word.endswith("s") and len(word) > 3 and (word[:-1] in first_names()
                                                     or word[:-1] in ROLE_WORDS)


#: A lower-case word of a place's name: not a preposition or determiner ("on saturdays for
#: moorside juniors" names "moorside juniors").
_LOWER_NAME_WORD = r"(?!(?:for|on|at|in|to|the|and|with|of|my|our|from|by|is|was)\b)[a-z]{3,}"
#: Words that homes, lodges and units are named by in England (trees, birds, flowers, the
#: lie of the land): "at kestrel house", "oak tree lodge", "willow view".
_HOME_NAME_WORDS = frozenset(
    """oak ash beech birch elm willow maple cedar pine holly hazel rowan yew laurel larch
    poplar chestnut sycamore hawthorn juniper linden alder aspen cherry apple plum rose ivy
    heather fern bramble clover primrose bluebell daisy lavender foxglove thistle acorn
    meadow meadows river brook riverside lakeside hillside woodside woodland forest glen dale
    vale moor heath orchard kestrel robin wren lark heron falcon owl hawk swallow swan
    kingfisher magpie finch sparrow dove eagle osprey merlin badger otter fox hope haven
    harbour beacon sunrise sunnyside""".split())


_HOME_WORDS = "|".join(sorted(_HOME_NAME_WORDS))


def _house_lower_ok(value: str) -> float | bool:
    """"at oakridge house", "at kestrel house", "oak tree house": a named house; not "at
    grannys house" or "liams house" (whose), nor "at the farm house"."""
    words = value.lower().split()
    if len(words) == 3:  # "oak tree house", "robin hill lodge"
        return 0.5 if words[0] in _HOME_NAME_WORDS and (
            words[1] in _HOME_NAME_WORDS or words[1] in ("tree", "trees", "hill", "wood",
                                                         "field", "fields", "bank")) else False
    if words[0] in _HOME_NAME_WORDS:
        return 0.5
    first = words[0]
    if len(first) > 4 and (_someones(first) or (first.endswith("s") and (
            is_common_word(first[:-1], threshold=1)
            or is_common_word(first[:-1].rstrip("y") + "ie", threshold=1)))):
        return False
    return _unlisted_place_ok(value)


def _home_name_ok(value: str) -> float | bool:
    """"acorns", "oak lodge", "ashdene": named by a tree, bird or flower (or its plural), or no
    English word; not "care", "this", "respite" or "kinship"."""
    words = value.lower().split()
    first = words[0].rstrip("s") if words[0] not in _HOME_NAME_WORDS else words[0]
    if first in _HOME_NAME_WORDS and all(w in _HOME_NAME_WORDS or w in (
            "tree", "trees", "lodge", "house", "view", "hill") or w.rstrip("s") in _HOME_NAME_WORDS
            for w in words[1:]):
        return 0.5
    return 0.5 if len(words) == 1 and not is_common_word(words[0], threshold=1) else False


def _street_lower_ok(value: str) -> float | bool:
    """"on chapel street", "off mill lane", "on cherry tree road": streets are often named by
    ordinary words; not "on every street", "down another road", "on the main road"."""
    if len(value.split()) == 3:
        return _house_lower_ok(value)
    first = value.split()[0].lower()
    if first in _NOT_STREET_NAME or first in ("another", "different", "wrong", "right", "busy",
                                              "quiet", "long", "next", "main", "dead", "side",
                                              "private", "whose"):
        return False
    if _someones(first):
        return False  # "near kyles street", "off nans road": whose street, not its name
    return 0.5


def _estate_lower_ok(value: str) -> float | bool:
    """"the meadows estate", "ashvale estate": a word homes and estates are named by, or no
    word at all; not "council estate"."""
    first = value.split()[0].lower()
    return 0.5 if first in _HOME_NAME_WORDS else _unlisted_place_ok(value)


def _locality_ok(value: str) -> float | bool:
    """"17 linden road harehills ls8 9zz": the words between a street and a postcode are the
    district, unless they are ordinary words ("road near the ...")."""
    words = value.lower().split()
    return not any(w in _NOT_STREET_NAME or w in ("near", "by", "and", "in", "postcode", "post",
                                                  "code", "is") for w in words)


def _estate_name_ok(value: str) -> float | bool:
    """"the Meadow Well estate": capitalised words before a lower-case "estate", not "The
    Council estate" or "Housing estate"."""
    words = value.lower().split()
    return not any(w in _GENERIC_PLACE_WORDS or w in ("council", "housing", "real", "industrial",
                                                      "trading", "business", "retail")
                   for w in words)


def _lower_council_ok(value: str) -> float | bool:
    """"north thornby council", "hull city council": a council named in lower case by a UK place
    or by words that are no English words."""
    words = value.split()[:-1]
    names = [w for w in words if w not in ("north", "south", "east", "west", "city", "of",
                                           "county", "borough", "district")]
    if names and " ".join(names) in uk_places():
        return 0.6
    return 0.5 if names and not any(is_common_word(w, threshold=1) for w in names) else False


_COUNCIL_KINDS = frozenset({"cc", "ccc", "mbc", "bc", "dc", "council", "borough", "of",
                            "london", "royal", "the", "city", "county", "district"})


def _named_by_place_ok(value: str) -> float | bool:
    """"notts cc", "borough of barnet", "wetherby yoi": the name words are a UK place or no
    English word at all."""
    words = [w for w in re.findall(r"[a-z']+", value.lower()) if w not in _COUNCIL_KINDS]
    if words and (" ".join(words) in uk_places() or all(w in uk_places() for w in words)):
        return 0.6  # "staffs cc" (a place, though "staffs" is also a plural)
    if not words or any(w in ROLE_WORDS or w in NOT_PII for w in words):
        return False
    return 0.5 if not any(is_common_word(w, threshold=1) for w in words) else False


_PLACE_INSTITUTION_KINDS = frozenset({"city", "college", "university", "uni", "hospital",
                                      "infirmary", "general", "academy", "high", "sixth",
                                      "form"})


def _place_institution_ok(value: str) -> float | bool:
    """"leeds city college", "brackley academy": named by a place, or by no English word."""
    words = value.split()
    while words and words[-1] in _PLACE_INSTITUTION_KINDS:
        words.pop()
    return _named_by_place_ok(" ".join(words)) if words else False


def _shouted_institution_ok(value: str) -> float | bool:
    """"THORNBRIDGE ACADEMY" in a comment written in capitals: the words before the kind name
    a place or are no English word."""
    words = value.lower().split()[:-1]
    return _named_by_place_ok(" ".join(words)) if words else False


#: Kinds of institution a lower-case name is followed by ("riverside pru", "haven youth
#: project"); the word before them is a name whatever it is, unless it is generic.
_INSTITUTION_KINDS = (r"pru|yoi|stc|housing|homes|advocacy|"
                      r"youth\s+(?:club|project|centre|center|service|hub)|"
                      r"family\s+centre|contact\s+centre|children'?s\s+centre|foyer")


#: Institutions known by name across England and Wales where a child's stay identifies them:
#: youth custody (young offender institutions, secure training centres, secure schools) and
#: children's hospitals, in the forms people write them.
_KNOWN_INSTITUTIONS = (
    r"cookham\s+wood|werrington(?:\s+yoi)?|feltham(?:\s+yoi)?|wetherby\s+yoi|"
    r"hmyoi\s+parc|parc\s+yoi|oakhill\s+stc|rainsbrook|medway\s+stc|"
    r"alder\s+hey|great\s+ormond\s+st(?:reet)?|gosh|evelina(?:\s+london)?|"
    r"sheffield\s+children'?s(?:\s+hospital)?|birmingham\s+children'?s(?:\s+hospital)?|"
    r"royal\s+manchester\s+children'?s(?:\s+hospital)?|bristol\s+children'?s(?:\s+hospital)?"
)


def _institution_ok(value: str) -> float | bool:
    """"riverside pru", "the ark youth club": not "the youth club", "my old pru"."""
    words = re.findall(r"[a-z']+", value.lower())
    name = words[:-2] if words[-2] in ("youth", "family", "contact", "children's",
                                       "childrens") else words[:-1]
    if not name or any(w in _GENERIC_PLACE_WORDS or w in ROLE_WORDS or w in NOT_PII
                       or is_common_word(w, threshold=20_000) for w in name):
        return False  # "the youth club", "my old pru", "not the family centre"
    return 0.5


def _iso_date_ok(value: str) -> float | bool:
    """"2008-07-03": year, month, day."""
    _, month, day = (int(n) for n in re.findall(r"\d+", value))
    return 0.9 if 1 <= month <= 12 and 1 <= day <= _month_days(month) else False


def _day_month_ok(value: str) -> float | bool:
    """A day and month without a year ("12/06"), day first as in the UK."""
    day, month = (int(n) for n in re.findall(r"\d+", value)[:2])
    return 0.9 if 1 <= month <= 12 and 1 <= day <= _month_days(month) else False


def _month_days(month: int) -> int:
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


_NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number_ok(value: str) -> float | bool:
    """Check a National Insurance number's prefix rules.

    Specimen prefixes used in forms (such as ``QQ``) still count, with a lower score: when in
    doubt, mask.

    Parameters
    ----------
    value : str

    Returns
    -------
    float or bool

    Examples
    --------
    >>> ni_number_ok("AB 12 34 56 C"), ni_number_ok("QQ123456A"), ni_number_ok("GB123456A")
    (0.95, 0.8, False)
    """
    letters = re.sub(r"[^A-Za-z]", "", value).upper()
    prefix = letters[:2]
    if prefix in _NI_BAD_PREFIX:
        return False
    strict = prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV"
    return 0.95 if strict else 0.8


_PLATFORMS = frozenset(
    """snap snapchat sc insta instagram ig tiktok tt twitter discord fb facebook xbox psn
    gamertag username handle account me on it its""".split()
)


#: "on snapchat at 2am", "on insta till 11.30pm", "on tiktok 3rd": times and ordinals, not handles.
_TIME_OR_ORDINAL = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)|\d+(?:st|nd|rd|th)",
                              re.IGNORECASE)


def _not_common_word(value: str) -> bool:
    core = value.lstrip("@").strip("._")
    if core.lower() in _PLATFORMS or core.lower() in NOT_PII or _TIME_OR_ORDINAL.fullmatch(core):
        return False
    if re.search(r"[\d_.]", core):
        return True
    return not is_common_word(core, threshold=2_000) and len(core) >= 3


def _handle_shape(value: str) -> float | bool:
    core = value.strip("._")
    letters = sum(c.isalpha() for c in core)
    if letters < 2 or re.fullmatch(r"[\d_.]+", core):
        return False
    return 0.6


_NOT_HANDLE_PARTS = frozenset({"com", "org", "net", "gov", "html", "jpg", "jpeg", "png", "pdf",
                               "doc", "docx", "txt", "co", "uk", "nhs", "ac", "edu"})


def _dotted_handle(value: str) -> float | bool:
    """``tyla.xoxo`` is a handle; ``ok.then`` (a missing space) and ``bbc.co`` are not."""
    left, right = value.lower().split(".", 1)
    if right in _NOT_HANDLE_PARTS or left in _NOT_HANDLE_PARTS:
        return False
    if is_common_word(right, threshold=500) or is_common_word(left, threshold=20_000):
        return False
    return True


def _id_shape(value: str) -> float | bool:
    digits = sum(c.isdigit() for c in value)
    if digits >= 4 or (digits >= 2 and sum(c.isalpha() for c in value) >= 2 and len(value) >= 5):
        return True
    return False


def _spaced_reference_ok(value: str) -> float | bool:
    """"MB 448 291" and "lcc 774102" are references; "the 12", "is 14" and "me 07" are not: the
    letters before the space are capitals, or no English word."""
    letters = value.split()[0]
    return letters.isupper() or not is_common_word(letters.lower())


_STREET_WORDS = (
    r"road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|cres|court|ct|place|"
    r"terrace|gardens|gdns|grove|hill|walk|row|view|rise|mews|square|parade|green|vale|fold|"
    r"croft|meadows?|bank|brow|gate|yard|wharf|boulevard"
)
_STREET_WORDS_TITLE = "|".join(w.capitalize() for w in _STREET_WORDS.split("|"))


def _street_word_ok(value: str) -> float | bool:
    """"41 Brackenfield" before a postcode is a street; "16 years" and "2 kids" are not."""
    word = value.split()[-1].lower()
    return word not in _NOT_STREET_NAME and not is_common_word(word, threshold=20_000)


_NOT_STREET_NAME = frozenset(
    """the a an my our your his her their this that these those down up to of in on at by for
    from and or but is was be been it its it's hours hour mins minutes miles days weeks months
    years times people kids year day week month time just only about over under back other
    same new old big little whole end way each every per""".split()
)


def _street_ok(value: str) -> float | bool:
    words = re.findall(r"[A-Za-z']+", value)
    # words between the house number and the street word
    name_words = [w.lower() for w in words[:-1] if w.lower() not in ("flat", "apartment", "apt",
                                                                       "unit")]
    if not name_words or any(w in _NOT_STREET_NAME for w in name_words):
        return False
    return True


_GENERIC_PLACE_WORDS = frozenset(
    """the my our your his her their a an this that its new old big little local secondary
    primary high junior juniors infant infants special residential children children's
    childrens care foster home group semi supported independent youth job leisure sports
    family contact community day respite pupil referral sixth form further education catholic
    church private state grammar boarding secure training mental health medical dental general
    national city county town village open main first second next last other same every
    each this that which what where when another different
    """.split()
)


def _named_place_ok(value: str) -> float | bool:
    words = re.findall(r"[A-Za-z']+", value)
    if len(words) < 2:
        return False
    name_words = [w.lower() for w in words[:-1]]
    if name_words[0] in ("st", "saint"):
        return 0.9
    if all(w in _GENERIC_PLACE_WORDS or w in ("sixth", "form") for w in name_words):
        return False
    if name_words[0] in _GENERIC_PLACE_WORDS:
        return False
    return True


def _lower_place_ok(value: str) -> float | bool:
    first = value.split()[0].lower()
    if first in _GENERIC_PLACE_WORDS or is_common_word(first, threshold=10_000):
        return False
    return 0.5


def _unlisted_place_ok(value: str) -> float | bool:
    """"oakfield primary", "Ashgrove childrens home", "st mary's high": a name, not a word."""
    first = value.split()[0].lower().rstrip(".")
    if first in ("st", "saint"):
        return 0.6
    return 0.5 if not is_common_word(first, threshold=1) else False


def _council_ok(value: str) -> float | bool:
    raw = re.findall(r"[A-Za-z']+", value)
    words = [w.lower() for w in raw[:-1]]
    if raw[-1] == "council" and any(is_common_word(w, threshold=2_000) for w in words):
        return False  # "Same council", "Every council": ordinary words at a sentence start
    generic = {"city", "county", "borough", "district", "metropolitan", "town", "parish", "the",
               "local", "my", "our", "children", "in", "care", "children's", "youth", "student",
               "school", "students", "leavers", "same", "every", "each", "which", "what",
               "different", "another", "other", "her", "his", "new", "old", "whole", "this",
               "that", "any", "no", "some", "one", "ur", "their"}
    if not words or all(w in generic for w in words):
        return False
    return True


#: A UK phone number grouped as people usually write it: "07700 900123", "(0113) 496 0555".
_PHONE = (r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0044\s?|\(?0)\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?"
          r"\d{3,4}")


def _odd_grouping_ok(value: str) -> float | bool:
    """An eleven-digit number grouped some other way ("077009 00456"), a valid UK number; the
    usual groupings are the "phone" pattern's."""
    return False if re.fullmatch(_PHONE, value) else valid_uk_phone(value)


def _letter_o_phone_ok(value: str) -> float | bool:
    """"o161 496 o372": a phone number typed with the letter o for zero."""
    if not re.search(r"[oO]", value):
        return False  # plain digits are the phone pattern's
    return valid_uk_phone(re.sub(r"[oO]", "0", value))


_DIGITS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2",
           "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
           "nine": "9"}
_DIGIT_WORD = r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|\d+)"


def _phone_words_ok(value: str) -> float | bool:
    """"oh seven seven double oh nine ...": a phone number spelt out in words."""
    digits, repeat = [], 1
    for word in re.findall(r"[a-z]+|\d+", value.lower()):
        if word in ("double", "triple"):
            repeat = 2 if word == "double" else 3
            continue
        digits.append(_DIGITS.get(word, word) * repeat)
        repeat = 1
    number = "".join(digits)
    if not any(w in _DIGITS for w in re.findall(r"[a-z]+", value.lower())):
        return False  # digits alone are the phone pattern's
    return 0.85 if valid_uk_phone(number) else False


def _mobile_without_zero_ok(value: str) -> float | bool:
    """"7700900733": a mobile number typed without its leading 0."""
    return 0.7 if valid_uk_phone("0" + value) else False


#: Words after " at " that make "look at this dot com" a phrase, not an e-mail address.
_NOT_MAIL_HOSTS = frozenset({"the", "this", "that", "my", "your", "our", "a", "an", "home",
                             "school", "work", "college", "it", "them", "him", "her", "me"})


def _word_at_email_ok(value: str) -> float | bool:
    """"kai-owusu at example.com" is an address; "look at google.com" is not: the part before
    " at " has a dot, hyphen, underscore or digit, or is no English word, and the host is no
    web site's."""
    local = value.split()[0]
    if not (re.search(r"[._\-\d]", local) or not is_common_word(local.lower(), threshold=1)):
        return False
    return _spelt_email_ok(value)


def _spelt_email_ok(value: str) -> float | bool:
    """"kez at example dot com", "kezia_x (at) example.net": an address written out."""
    host = re.split(rf"{_AT_BRACKETED}|\s+at\s+|\s*@\s*", value, maxsplit=1,
                    flags=re.IGNORECASE)[-1]
    first = re.split(r"[\s.(\[{<]", host, maxsplit=1)[0].lower()
    return first not in _NOT_MAIL_HOSTS


_NOT_EMPLOYERS = frozenset({
    "i", "me", "home", "school", "christmas", "xmas", "easter", "weekends", "night", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december"})


def _employer_ok(value: str) -> float | bool:
    first = value.split()[0].lower()
    return first not in _GENERIC_PLACE_WORDS and first not in _NOT_EMPLOYERS


def _road_ok(value: str) -> float | bool:
    return value not in ("A1", "A2", "B1", "B2")  # exam levels and grades, not roads


# An e-mail address written out: "(at)", "[at]" or " at ", and "(dot)" or " dot ".
_AT_BRACKETED = r"\s*[\(\[{<]\s*at\s*[\)\]}>]\s*"
_DOT_SPELT = r"(?:\s*[\(\[{<]\s*dot\s*[\)\]}>]\s*|\s+dot\s+)"
_MAIL_TLD = r"(?:com|org|net|co|uk|ac|gov|nhs|sch|io|me|info|edu|biz)\b"
_MAIL_LOCAL = r"(?<![\w.+-])[\w%+-]+(?:(?:\.|\s+dot\s+)[\w%+-]+)*"

_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_NAME_WORD = r"(?:St\.?\s+)?[A-Z][A-Za-z'\u2019-]+"
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()
_DAY_WORDS = (r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|"
              r"eighth|ninth)|thirtieth|" + "|".join(_ORDINALS) + ")")


_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[\s-]\w+)")
#: A year in words: "two thousand and ten", "twenty twelve", "nineteen ninety nine".
_YEAR_WORDS = (rf"(?:two\s+thousand(?:\s+and)?(?:\s+{_NUMBER_WORDS})?|"
               r"twenty\s+(?:oh\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
               r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b|"
               r"nineteen\s+(?:eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|"
               r"nine))?)")


def _birthday_words_ok(value: str) -> float | bool:
    """"my birthday is the twelfth of march": after a birthday word any month will do."""
    return _day_words_ok(value, strict=False)


def _day_words_ok(value: str, strict: bool = True) -> float | bool:
    """"twenty third of october 2011", "the first of june": a day in words and a month.

    "first of may" and "second of march" without a year are too often other phrases, so those
    two months need the year.
    """
    low = value.lower()
    day = 0
    for word in re.findall(r"[a-z]+", low):
        for tens, base in (("twenty", 20), ("thirty", 30)):
            if word.startswith(tens):
                day, word = base, word[len(tens):]
        if word in ("twentieth", "thirtieth"):
            day = 20 if word == "twentieth" else 30
            break
        if word in _ORDINALS:
            day += _ORDINALS.index(word) + 1
            break
    month_word = next((m for m in _MONTHS if re.search(rf"\b{m}", low)), None)
    if month_word is None or not 1 <= day <= _month_days(_MONTHS.index(month_word) + 1):
        return False
    needs_year = strict and month_word in ("may", "mar")
    if needs_year and not re.search(r"(?:19|20)\d\d|thousand|nineteen|(?:may|march)\s+twenty",
                                    low):
        return False
    return 0.85

#: A UK postcode's outward code ("LS9", "SW1A") and inward code ("7QT").
_POSTCODE_OUTWARD = (r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|"
                     r"[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])")
_POSTCODE_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
#: Plurals that English homes and houses are named by: "at the willows", "the beeches".
_HOUSE_PLURAL_WORDS = (r"(?:willows|meadows|beeches|laurels|limes|oaks|elms|poplars|cedars|firs|"
                       r"pines|hollies|maples|larches|birches|hawthorns|rowans|chestnuts|sycamores|"
                       r"gables|conifers|briars|heathers|junipers|lindens|yews|acorns|orchards|"
                       r"spinney|paddocks|robins|wrens|swallows|larks|herons|kestrels|swifts|"
                       r"finches|martins)")
_HOUSE_PLURALS = rf"the\s+{_HOUSE_PLURAL_WORDS}"
#: Holidays named as dates ("christmas day 2009", "my birthday is on boxing day").
_HOLIDAYS = (r"christmas\s+(?:day|eve)|boxing\s+day|new\s+year'?s\s+(?:day|eve)|"
             r"valentine'?s\s+day|bonfire\s+night|halloween|st\.?\s+patrick'?s\s+day")

#: The default patterns, in the order they are tried.
PATTERNS: tuple[Pattern, ...] = (
    Pattern("email", "EMAIL",
            r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
            score=0.99, trigger="@"),
    Pattern("email_slipped", "EMAIL",  # "tyler.b123@example,com", "missy.k@example..org"
            r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.,]{1,2}[A-Za-z0-9-]+)*?"
            rf"(?:,|\.\.|\s\.\s?|\.\s){_MAIL_TLD}(?:[.,]{{1,2}}uk\b)?",
            score=0.85, trigger="@"),
    Pattern("email_at_word", "EMAIL",  # "its kai-owusu at example.com": " at " and a real dot
            r"(?<![\w.+-])(?P<pii>[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*\s+at\s+[A-Za-z0-9-]+"
            rf"(?:\.[A-Za-z0-9-]+)*\.{_MAIL_TLD}(?:\.uk\b)?)",
            score=0.8, validate=_word_at_email_ok, trigger=r"\sat\s+[A-Za-z0-9-]+\.[a-z]"),
    Pattern("email_spelt_bracketed", "EMAIL",
            rf"{_MAIL_LOCAL}{_AT_BRACKETED}[A-Za-z0-9-]+(?:(?:\.|{_DOT_SPELT})[A-Za-z0-9-]+)*?"
            rf"(?:\.|{_DOT_SPELT}){_MAIL_TLD}(?:(?:\.|{_DOT_SPELT})uk\b)?",
            score=0.9, validate=_spelt_email_ok, trigger=r"[\(\[{<]\s*at\s*[\)\]}>]"),
    Pattern("email_spelt", "EMAIL",
            rf"{_MAIL_LOCAL}(?:\s+at\s+|\s*@\s*)[A-Za-z0-9-]+(?:(?:\.|{_DOT_SPELT})[A-Za-z0-9-]+)*?"
            rf"{_DOT_SPELT}{_MAIL_TLD}(?:(?:\.|{_DOT_SPELT})uk\b)?",
            score=0.85, validate=_spelt_email_ok, trigger=r"\bdot\b"),
    Pattern("email_spaced", "EMAIL",
            r"(?<![\w.+-])[A-Za-z0-9_%+-]+(?:\s*\.\s*[A-Za-z0-9_%+-]+){0,4}\s*@\s*[A-Za-z0-9-]+"
            r"(?:\s*\.\s*[A-Za-z0-9-]+){0,3}?\s*\.\s*(?:com|org|net|co|uk|ac|gov|nhs|sch|io|me|"
            r"info|edu|biz)\b(?:\s*\.\s*uk\b)?",
            score=0.9, trigger=r"\s@|@\s"),
    Pattern("handle_at", "HANDLE",
            r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@]|\.[A-Za-z]{2,})",
            score=0.95, trigger="@"),
    Pattern("handle_context", "HANDLE",
            r"\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|twitter|discord|fb|facebook|"
            r"xbox|psn|ps\d?(?=\s+(?:name|id|tag|user\s?name|gamertag))|playstation|roblox|"
            r"steam|fortnite|twitch|youtube|yt|gamertag|gamer\s?tag|user\s?name|handle|"
            r"add\s+me|follow\s+me)\b"
            r"(?:\s+(?:is|its|it's|name|id|handle|account|username|user|tag|gt|channel|on|at|as|me|"
            r"now|new|still|gamer|gamertag|@|:|-|=)"
            r"\b){0,3}"
            r"(?:\s*[:=\-]\s*|\s+)(?P<pii>@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])"
            r"(?:#\d{4})?)",
            score=0.85, validate=_not_common_word),
    Pattern("handle_shape", "HANDLE",
            r"(?<![\w@.])(?P<pii>[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]|"
            r"[A-Za-z]{2,}[._][A-Za-z0-9_]*\d[A-Za-z0-9._]*[A-Za-z0-9])(?![\w@])",
            score=0.6, flags=0, validate=_handle_shape, trigger=r"[A-Za-z][._][A-Za-z0-9]"),
    Pattern("handle_profile_link", "HANDLE",  # "facebook.com/tanya.hughes.2007"
            r"\b(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|twitch|threads)\.com/"
            r"@?(?P<pii>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,40}[A-Za-z0-9_])?)",
            score=0.9, trigger=r"\.com/"),
    Pattern("handle_xx", "HANDLE",  # the gamer tag's frame: "xXsparkleqweenXx"
            r"(?<![\w@])(?P<pii>[xX]X[A-Za-z0-9_.]{2,}X[xX])(?![\w@])",
            score=0.8, flags=0, trigger=r"xx"),
    Pattern("handle_dotted", "HANDLE",
            r"(?<![\w@.])(?P<pii>[A-Za-z]{2,}\.[A-Za-z]{3,})(?![\w@.])",
            score=0.5, flags=0, validate=_dotted_handle, trigger=r"[A-Za-z]\.[A-Za-z]"),
    Pattern("phone", "PHONE", rf"{_PHONE}(?![\d.]\d)",
            score=0.95, validate=valid_uk_phone, trigger=r"\d{3}"),
    Pattern("phone_any_grouping", "PHONE",  # "077009 00456": eleven digits grouped any way
            r"(?<![\d+])0\d(?:[\s.-]?\d){9}(?![\d])",
            score=0.9, validate=_odd_grouping_ok, trigger=r"\d{3}"),
    Pattern("phone_letter_o", "PHONE",
            r"(?<![\w+])(?:\+44\s?|0044\s?)?[0o]\d[\do]{1,3}[\s-]?[\do]{3,4}[\s-]?[\do]{3,4}(?!\w)",
            score=0.9, validate=_letter_o_phone_ok, trigger=r"o\d|\do"),
    Pattern("phone_words", "PHONE",
            rf"\b(?:{_DIGIT_WORD}[\s,-]+){{6,16}}{_DIGIT_WORD}\b",
            score=0.85, validate=_phone_words_ok, trigger=r"\b(?:oh|zero|nought|o)\b"),
    Pattern("phone_digits_then_words", "PHONE",
            rf"(?<![\d+])0\d{{3,4}}(?:[\s-]?\d{{1,3}})?(?:[\s,-]+{_DIGIT_WORD}){{2,8}}\b",
            score=0.85, validate=_phone_words_ok,
            trigger=r"\d\s+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double)"),
    Pattern("phone_in_two_parts", "PHONE",  # "starts with 07700 and then its 900 702"
            r"(?<![\d+])(?:07\d{3}|0\d{3,4})(?=\s+(?:and|then|n)\b[^\d]{0,25}?\d{3}\s?\d{3}\b)",
            score=0.7, trigger=r"\d{3}"),
    Pattern("phone_second_part", "PHONE",
            r"(?<![\d+])0\d{3,4}\s+(?:and|then|n)\b[^\d]{0,25}?(?P<pii>\d{3}\s?\d{3})(?![\d])",
            score=0.7, trigger=r"\d{3}"),
    Pattern("mobile_without_zero", "PHONE", r"(?<![\d+])7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?![\d-])",
            score=0.7, validate=_mobile_without_zero_ok, trigger=r"7\d{3}"),
    Pattern("nhs_number", "ID", r"(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])",
            score=0.9, validate=nhs_checksum_ok, trigger=r"\d{3}"),
    Pattern("nhs_context", "ID",
            r"\bnhs\s*(?:no|number|num|#)?\.?\s*(?:is|was|:)?\s*(?P<pii>\d[\d -]{7,12}\d)",
            score=0.8, trigger="nhs"),
    Pattern("nhs_context_far", "ID",  # "my nhs number for the doctors form its 485 777 3456"
            r"\bnhs\s*(?:no|number|num)\b(?:\W+[a-z']+){0,8}?\W+"
            r"(?P<pii>\d{3}[ -]?\d{3}[ -]?\d{4})(?![\d-])",
            score=0.75, trigger="nhs"),
    Pattern("ni_number", "ID",
            r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", validate=ni_number_ok,
            trigger=r"\d\d"),
    Pattern("reference_context", "ID",
            r"\b(?:case|ref(?:erence)?|file|client|crn|upn|pupil|student|candidate|membership|"
            r"crime|police|claim|ticket|"
            r"account|acc|id)\.?\s*(?:number|no|num|nr|#|id)?\.?\s*(?:is|was|:|=|-)?\s*"
            r"(?P<pii>[A-Z]{0,4}[-/]?\d[A-Z0-9]*(?:[-/][A-Z0-9]+)*)",
            score=0.85, validate=_id_shape, trigger=r"\d"),
    Pattern("reference_far", "ID",  # "my student number at college is 21004573"
            r"\b(?:case|ref(?:erence)?|file|client|pupil|student|claim|account|membership)\s+"
            r"(?:number|no|num|id|ref)\b(?:\s+[a-z]+){1,4}?\s+(?:is|was|are)\s+"
            r"(?P<pii>[A-Z]{0,4}[-/]?\d{5,}[A-Z]?)\b",
            score=0.75, trigger=r"\d{5}"),
    Pattern("reference_spaced", "ID",  # "case number was MB 448 291", "my reference is REF 00-77"
            r"\b(?:case|ref(?:erence)?|file|client|crn|upn|pupil|student|claim|account|id)\.?\s*"
            r"(?:(?:number|no|num|nr|id)\b|#)?\.?\s*(?:is|was|:|=|-)?\s*"
            r"(?P<pii>[A-Z]{2,4}\s\d{2,}(?:[\s/-]\d{2,})*)(?![\w/-])",
            score=0.8, validate=_spaced_reference_ok, trigger=r"[A-Za-z]\s\d\d"),
    Pattern("sort_code", "ID",
            r"\bsort\s*code\s*(?:is|:|-)?\s*(?P<pii>\d{2}[-\s]?\d{2}[-\s]?\d{2})\b",
            score=0.9, trigger=r"sort\s*code"),
    Pattern("reference_shape", "ID",
            r"\b(?:[A-Z]{1,4}[-/]\d{2,4}[-/]\d{2,}(?:[-/][A-Z0-9]+)*|"
            r"[A-Z]{1,4}[-/]?\d{5,}(?:[-/][A-Z0-9]+)*|"
            r"\d{2,6}[-/][A-Z]{2,4}[-/]\d{2,})\b",  # "2231/CIC/07": a case number, digits first
            score=0.75, flags=0, trigger=r"\d"),
    Pattern("house_name_street", "ADDRESS",  # "Rosebank Cottage, Mill Lane"
            rf"\b(?P<pii>[A-Z][a-z]+\s+(?:Cottage|Farm|Farmhouse|Barn|Villa|Bungalow),?\s+"
            rf"(?:[A-Z][a-z']+\s+){{1,2}}(?:{_STREET_WORDS_TITLE}))\b",
            score=0.8, flags=0, trigger=r"Cottage|Farm|Barn|Villa|Bungalow"),
    Pattern("street_before_postcode", "ADDRESS",  # "41 Brackenfield Norwich nr3 1zz"
            rf"\b(?P<pii>\d{{1,4}}[a-z]?,?\s+[A-Za-z][a-z]{{2,}})(?=,?\s+(?:[A-Za-z][a-z]+,?\s+)?"
            rf"{_POSTCODE_OUTWARD}\s?{_POSTCODE_INWARD}\b)",
            score=0.7, validate=_street_word_ok, trigger=r"\d[A-Za-z]{2}\b"),
    Pattern("postcode", "POSTCODE",
            rf"\b{_POSTCODE_OUTWARD}(?:\s{{0,2}}|\s?-\s?){_POSTCODE_INWARD}\b",
            score=0.9, trigger=r"\d"),
    Pattern("address_locality", "LOCATION",
            rf"\b(?:{_STREET_WORDS}),?\s+(?P<pii>[a-z]{{3,}}(?:\s+[a-z]{{3,}})?),?\s+"
            rf"{_POSTCODE_OUTWARD}\s{{0,2}}{_POSTCODE_INWARD}\b",
            score=0.6, validate=_locality_ok, trigger=r"\d[A-Za-z]{2}\b"),
    Pattern("postcode_district", "POSTCODE",
            r"\b(?:postcode|post\s?code|in|from|near|round|live\s+in)\s+(?P<pii>(?:[A-PR-UWYZ][0-9]{1,2}|"
            r"[A-PR-UWYZ][A-HK-Y][0-9]{1,2}))\b(?!\s?[0-9][A-Z]{2})",
            score=0.5, flags=0, trigger=r"\d"),
    Pattern("date_day_month", "DATE",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_RE}\b\.?(?:,?\s+(?:19|20)\d\d)?",
            score=0.9, validate=valid_date, trigger=r"\d"),
    Pattern("date_day_words", "DATE",
            rf"\b(?:the\s+)?(?P<pii>{_DAY_WORDS}(?:\s+of)?\s+{_MONTH_RE}\b\.?"
            rf"(?:,?\s+(?:(?:19|20)\d\d|{_YEAR_WORDS}))?)",
            score=0.85, validate=_day_words_ok, trigger=_MONTH_RE),
    Pattern("date_month_day", "DATE",
            rf"\b{_MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d)?",
            score=0.9, validate=valid_date, trigger=r"\d"),
    Pattern("date_numeric", "DATE",
            r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/-])",
            score=0.9, validate=valid_date, trigger=r"\d[/.-]\d"),
    Pattern("date_iso", "DATE",
            r"(?<![\d/.-])(?:19|20)\d\d([-./])\d{1,2}\1\d{1,2}(?![\d/-]|\.\d)",
            score=0.9, validate=_iso_date_ok, trigger=r"\d[-./]\d"),
    Pattern("date_birthday_holiday", "DATE",
            r"\b(?:birthday|bday|b-day|born)(?:'s)?\W{0,3}(?:(?:is|was|it's|its)\s+)?(?:on\s+)?"
            rf"(?P<pii>{_HOLIDAYS}|april\s+fool'?s\s+day)\b",
            score=0.8, trigger=r"birthday|bday|b-day|born"),
    Pattern("date_birthday_words", "DATE",
            rf"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?|date\s+of\s+birth)(?:'s)?\W{{0,3}}"
            rf"(?:(?:is|was|on|it's|its)\s+)?(?:on\s+)?(?:the\s+)?(?P<pii>{_DAY_WORDS}"
            rf"(?:\s+of)?\s+{_MONTH_RE})\b",
            score=0.85, validate=_birthday_words_ok, trigger=_MONTH_RE),
    Pattern("date_holiday_year", "DATE",
            rf"\b(?:{_HOLIDAYS})"
            r",?\s+(?:(?:in|of)\s+)?(?:19|20)\d\d\b",
            score=0.8, trigger=r"(?:19|20)\d\d"),
    Pattern("date_birth_year", "DATE",  # "born in 2015", "year of birth 2009", "yob 2011"
            r"\b(?:born(?:\s+in)?(?:\s+the\s+year)?|year\s+of\s+birth(?:\s+is)?|yob|dob)"
            r"\W{0,3}(?P<pii>(?:19|20)\d\d)\b(?![/.-]\d)",
            score=0.8, trigger=r"born|birth|yob|dob"),
    Pattern("date_year_baby", "DATE",  # "im a 2008 baby", "a millennium baby born 2000"
            r"\b(?:an?|im|i'm)\s+(?P<pii>(?:19|20)\d\d)\s+(?:baby|babe|kid|child)\b",
            score=0.7, trigger=r"(?:19|20)\d\d\s+(?:baby|babe|kid|child)"),
    Pattern("date_birthday_numeric", "DATE",
            r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?)(?:'s)?\W{0,3}(?:(?:is|was|on|it's|its)\s+)?"
            r"(?:the\s+)?(?P<pii>\d{1,2}[/.-]\d{1,2})(?![/.-]?\d)",
            validate=_day_month_ok, trigger=r"\d[/.-]\d"),
    Pattern("date_birthday_spaced", "DATE",
            r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?|date\s+of\s+birth)(?:'s)?\W{0,3}"
            r"(?:(?:is|was|on|it's|its)\s+)?(?P<pii>\d{1,2}\s\d{1,2}\s(?:\d{4}|\d{2}))(?!\s?\d)",
            validate=valid_date, trigger=r"\d\s\d"),
    Pattern("street_address", "ADDRESS",
            rf"\b(?:(?:flat|apartment|apt|unit)\s*\d+[a-z]?,?\s+(?:\d{{1,4}}[a-z]?,?\s+)?|"
            rf"(?:(?:no\.?|number)\s*)?\d{{1,4}}[a-z]?,?\s+)(?:[A-Za-z][A-Za-z']+\s+){{1,3}}"
            rf"(?:{_STREET_WORDS})\b",
            score=0.85, validate=_street_ok, trigger=r"\d"),
    Pattern("street_name", "LOCATION",
            r"\b(?:(?!(?:The|My|Our|Your|This|That|High|Main|Back|Front|Old|New)\b)[A-Z][a-z']+\s+){1,2}"
            r"(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Terrace|Grove|Way|Estate|Square|Mews|"
            r"Rise|Walk|Parade|Rd|Ave|Ln|St(?!\.?\s+[A-Z])|rd|ave)\b",
            score=0.8, flags=0),
    Pattern("council", "ORG",
            r"\b(?:(?!(?:The|My|Our|Your|Their|This|That|A|An)\b)[A-Z][A-Za-z'\u2019-]+\s+){1,3}"
            r"(?:(?:City|County|Borough|District|Metropolitan\s+Borough|Town)\s+)?[Cc]ouncil\b",
            score=0.85, flags=0, validate=_council_ok),
    Pattern("named_place", "ORG",
            rf"\b(?:(?!(?:The|My|Our|Your|Their|His|Her|This|That|A|An|In|At|To|From|And|But|Or|"
            rf"When|If|So|Then|Me|We|They|He|She|It|I)\b){_NAME_WORD}\s+(?:(?:and|&)\s+)?){{1,3}}"
            r"(?:Academy|College|School|High|Primary|Juniors?|Infants|Grammar|Sixth\s+Form|"
            r"University|Uni|House|Lodge|Hall|Court|Grange|Manor|View|Centre|Center|Farm|Cottage|"
            r"Children'?s\s+Home|(?:Parent|Mother|Mum)\s+and\s+Baby\s+(?:Unit|Home|Centre)|"
            r"Unit|Hub|Project|Trust|Foundation|Advocacy|Housing|Homes|Hospital|Surgery|Clinic|"
            r"FC|Motors|Place|Gardens|Grove|Park|Rescue|Sanctuary|Stables)\b",
            score=0.8, flags=0, validate=_named_place_ok),
    Pattern("named_place_upper", "ORG",  # a comment in capitals: "AT THORNBRIDGE ACADEMY"
            r"\b(?P<pii>(?:[A-Z][A-Z'\u2019-]{2,}\s+){1,2}(?:ACADEMY|COLLEGE|SCHOOL|HIGH|PRIMARY|"
            r"JUNIORS|INFANTS|UNIVERSITY|HOSPITAL|INFIRMARY|YOI|HOUSE|LODGE|GRANGE))\b",
            score=0.6, flags=0, validate=_shouted_institution_ok, trigger=r"[A-Z]{3}"),
    Pattern("named_business", "ORG",  # "Hamid's Grill", "Tony's Barbers"
            r"\b[A-Z][a-z]+['\u2019]s\s+(?:Grill|Cafe|Caf\u00e9|Kitchen|Takeaway|Barbers?|Salon|"
            r"Garage|Bakery|Diner|Pizza|Chippy|Fish\s+Bar|Kebabs?|Deli|Stores?|Mini\s+Market|"
            r"Car\s+Wash|Nails|Gym)\b",
            score=0.8, flags=0, trigger=r"['\u2019]s\s"),
    Pattern("saint_place", "ORG", r"\bSt\.?\s+[A-Z][a-z]+(?:'s|\u2019s|s)\b", score=0.9, flags=0),
    Pattern("saint_place_lower", "ORG",
            r"(?:\b(?:at|to|from|in|of|went|go|goes|attend|attended|school|primary|college)\s+|^\s*|"
            r"(?<=[.!?])\s+)"
            r"(?P<pii>st\.?\s+[a-z]{3,}"
            r"(?:'s|\u2019s|s)(?:\s+(?:(?:rc|ce|catholic|c\s+of\s+e)\s+)?(?:high|primary|"
            r"academy|college|school|juniors|infants|hospital|hospice|surgery|church|hall|"
            r"house))?)\b",
            score=0.6, flags=0),
    Pattern("employer", "ORG",
            r"(?i:\b(?:work(?:s|ing|ed)?(?:\s+(?:mornings|evenings|nights|weekends|days|"
            r"shifts|saturdays|sundays|part[\s-]time|full[\s-]time))?|job|shifts?|"
            r"apprenticeship|placement|hired|employed|"
            r"interview|manager|boss|supervisor|colleagues?|co-?workers?|"
            r"workmates?)\s+(?:at|for|in|with)\s+)(?P<pii>(?:[A-Z][\w'\u2019&-]*)"
            r"(?:\s+(?:[A-Z][\w'\u2019&-]*|&))*)",
            score=0.6, flags=0, validate=_employer_ok),
    Pattern("road_number", "LOCATION", r"\b(?:[AB]\d{1,4}|M\d{1,3})(?:\(M\))?\b(?!\s*-?\s*levels?)",
            score=0.5, flags=0, validate=_road_ok),
    Pattern("named_place_lower", "ORG",
            rf"\b(?:{_LOWER_NAME_WORD}\s+){{1,3}}(?:lodge|academy|grange|manor|juniors|infants)\b",
            score=0.5, flags=0, validate=_lower_place_ok),
    Pattern("house_name_lower", "ORG",
            rf"\b(?:at|in|on|to|from|of|called|named|(?:home|house|placement|unit)\s+(?:is|was))"
            rf"\s+(?P<pii>{_HOUSE_PLURALS})\b",
            score=0.6),
    Pattern("house_name_bare", "ORG",  # "holly at cedars let me paint my room"
            rf"\b(?:at|to|from)\s+(?P<pii>{_HOUSE_PLURAL_WORDS})\b",
            score=0.5, flags=0),
    # a plural naming one place takes a singular verb: "the willows was the worst home" (not
    # "the willows down by the river are ...")
    Pattern("house_name_initial", "ORG",
            rf"(?:^|(?<=[.!?,]))\s*(?P<pii>(?:the\s+)?{_HOUSE_PLURAL_WORDS})(?=\s+(?:was|is|has)\b)",
            score=0.6),
    # a place known by its initials: "born at qmc", "kicked out of hhs in year 9"
    Pattern("initials_place_lower", "ORG",
            r"\b(?:at|from|in|into|to|of|outside|left)\s+(?:the\s+)?(?P<pii>[b-df-hj-np-tv-xz]{3,4})\b",
            score=0.45, flags=0, validate=_initials_ok),
    # a family by its surname: "the carters are my carers", "i stay with the foxes at weekends"
    Pattern("family_plural", "PERSON",
            r"\bthe\s+(?P<pii>[a-z]{3,}s)(?=\s+(?:are|were|r)\s+(?:my|our)\s+"
            r"(?:(?:new|old|foster|respite|kinship|emergency)\s+)*(?:carers|parents|family|"
            r"foster|neighbours)\b)",
            score=0.5, validate=_family_plural_ok, trigger=r"\b(?:are|were|r)\s+(?:my|our)\b"),
    Pattern("family_plural_with", "PERSON",
            r"\b(?:stay|stays|stayed|staying|live|lives|lived|living|placed|respite)\s+"
            r"(?:(?:at|with)\s+)the\s+(?P<pii>[a-z]{3,}s)\b",
            score=0.5, validate=_family_plural_ok),
    # a home named by a tree or bird, as the subject at a sentence's start: "ivy house is ok"
    Pattern("house_name_subject", "ORG",
            rf"(?:^|(?<=[.!?]))\s*(?P<pii>(?:the\s+)?(?:{_HOME_WORDS})\s+"
            rf"(?:house|lodge|court|grange|hall))(?=\s+(?:was|is|has|had)\b)",
            score=0.5),
    Pattern("council_lower", "ORG",
            r"\b(?P<pii>(?:(?:north|south|east|west|city\s+of)\s+)?[a-z]{4,}(?:\s+[a-z]{4,})?"
            r"(?:\s+(?:city|county|borough|district))?\s+council)\b",
            score=0.5, flags=0, validate=_lower_council_ok, trigger=r"council"),
    Pattern("council_abbreviation", "ORG",
            r"\b(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+(?:cc|ccc|mbc|bc|dc))\b",
            score=0.6, validate=_named_by_place_ok, trigger=r"\b(?:cc|ccc|mbc|bc|dc)\b"),
    Pattern("borough_of", "ORG",
            r"\b(?P<pii>(?:(?:london|royal)\s+)?borough\s+of\s+[a-z]{3,}"
            r"(?:\s+and\s+[a-z]{3,}|\s+(?:hamlets|forest|upon\s+thames))?)\b",
            score=0.6, validate=_named_by_place_ok, trigger=r"borough\s+of"),
    Pattern("institution_lower", "ORG",
            rf"\b(?:the\s+)?(?P<pii>[a-z][a-z']{{2,}}(?:\s+[a-z][a-z']{{2,}})?\s+"
            rf"(?:{_INSTITUTION_KINDS}))\b",
            score=0.5, validate=_institution_ok,
            trigger=rf"\b(?:{_INSTITUTION_KINDS})\b"),
    Pattern("place_institution_lower", "ORG",
            r"\b(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+(?:city\s+)?(?:college|university|uni|"
            r"hospital|infirmary|general(?:\s+hospital)?|academy|high|sixth\s+form))\b",
            score=0.6, flags=0, validate=_place_institution_ok,
            trigger=r"college|uni|hospital|infirmary|general|academy|high|sixth"),
    Pattern("known_institution", "ORG",
            rf"\b(?:{_KNOWN_INSTITUTIONS})\b", score=0.8),
    Pattern("home_predicate", "ORG",  # "acorns is the best home ive been in"
            r"(?:^|(?<=[.!?,]))\s*(?:honestly\s+|tbh\s+)?(?P<pii>[a-z]{4,}(?:\s+[a-z]{3,})?)\s+"
            r"(?:is|was)\s+(?:the|my|a)\s+(?:[a-z]+\s+){0,2}(?:home|placement|unit|hostel)\b",
            score=0.5, flags=0, validate=_home_name_ok),
    Pattern("house_lower_initial", "ORG",
            r"(?:^|(?<=[.!?])\s+)(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{4,}\s+(?:house|court|hall|"
            r"grange|lodge|view))\b",
            score=0.5, flags=0, validate=_house_lower_ok),
    Pattern("prison", "ORG", r"\b(?:HMP|HMYOI|HMP/YOI|YOI)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?",
            score=0.9, flags=0, trigger=r"\b(?:HMP|YOI)"),
    Pattern("flat_in_building", "ADDRESS",
            r"\b(?:flat|apartment|apt|room)\s*\d+[a-z]?,?\s+"
            r"(?:(?!(?:at|in|on|of|the|a|an|my|our|is|was)\b)[A-Za-z][a-z']+\s+){1,2}"
            r"(?:house|court|tower|heights|point|lodge|mews|building|buildings|block|hall)\b"
            # and the street it stands on: "flat 6b harrow court, moss lane"
            r"(?:,?\s+(?:(?!(?:at|in|on|of|the|a|an|my|our|is|was|and|but|next|near|by)\b)"
            rf"[A-Za-z][a-z']+\s+){{1,2}}(?:{_STREET_WORDS})\b)?",
            score=0.8, trigger=r"\d"),
    Pattern("postcode_cue", "POSTCODE",
            r"\b(?:postcode|post\s?code)\s*(?:is|was|:|=|-)?\s*(?P<pii>[a-z]{1,2}\d{1,2}[a-z]?"
            r"(?:\s{1,2}|\s?-\s?)\d\s?[a-z]\s?[a-z])\b",
            score=0.85, trigger=r"post\s?code"),
    Pattern("street_lower", "LOCATION",
            r"\b(?:on|onto|off|in|near|down|up|along|round|from)\s+(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{4,}"
            r"\s+(?:road|street|"
            r"lane|avenue|close|drive|crescent|terrace|grove))\b",
            score=0.5, flags=0, validate=_street_lower_ok),
    Pattern("house_lower", "ORG",
            r"\b(?:at|to|from|in|into|of|left|leave|leaving|near|outside)\s+(?:the\s+)?"
            r"(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}\s+(?:house|centre|center|"
            r"court|hall|grange|lodge|view))\b",
            score=0.5, flags=0, validate=_house_lower_ok),
    Pattern("excluded_from_lower", "ORG",
            r"\b(?:kicked\s+out\s+of|excluded\s+from|expelled\s+from)\s+"
            r"(?P<pii>[a-z]{4,}(?:\s+(?:high|academy|primary|college|school))?)\b",
            score=0.5, flags=0, validate=_unlisted_place_ok),
    Pattern("estate_named", "LOCATION",
            r"\b(?P<pii>[A-Z][a-z']{2,}(?:\s+[A-Z][a-z']{2,})?)\s+estate\b",
            score=0.6, flags=0, validate=_estate_name_ok, trigger=r"estate"),
    Pattern("estate_lower", "LOCATION", r"\b(?P<pii>[a-z]{4,})\s+estate\b",
            score=0.5, flags=0, validate=_estate_lower_ok),
    Pattern("named_school_or_home", "ORG",
            r"\b(?:(?:st|saint)\.?\s+)?[A-Za-z][a-z]{2,}(?:'s|\u2019s)?\s+(?:primary|high|college|"
            r"academy|child(?:ren)?'?s'?\s+home|kids\s+home)\b",
            score=0.5, flags=0, validate=_unlisted_place_ok),
)


@dataclass(frozen=True)
class PatternDetector(TextDetector):
    """Detect personal data with declarative patterns (regular expressions plus validators).

    Parameters
    ----------
    patterns : tuple of Pattern, default PATTERNS
        The patterns to run.
    name : str, default "patterns"
        The detector name; each span's ``detector`` is ``"<name>:<pattern name>"``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a"], "text": ["my snap is jaybird_07"]})
    >>> PatternDetector().detect(frame)[["start", "end", "label"]].drop_duplicates().values.tolist()
    [[11, 21, 'HANDLE']]
    """

    patterns: tuple[Pattern, ...] = PATTERNS
    name: str = "patterns"

    def __post_init__(self) -> None:
        if not isinstance(self.patterns, tuple) or not all(
            isinstance(p, Pattern) for p in self.patterns
        ):
            raise InputError(
                "The 'patterns' parameter of PatternDetector must be a tuple of Pattern objects. "
                f"Got {type(self.patterns).__name__}."
            )

    def find(self, comment_id: str, text: str) -> list[Span]:
        """Return the spans found in one text.

        Parameters
        ----------
        comment_id : str
        text : str

        Returns
        -------
        list of Span
        """
        spans = []
        for pattern in self.patterns:
            for start, end, score in pattern.finditer(text):
                spans.append(Span(comment_id, start, end, pattern.label, score,
                                  f"{self.name}:{pattern.name}"))
        return spans


def find_all(patterns: Sequence[Pattern], text: str) -> list[tuple[int, int, str, float, str]]:
    """Run ``patterns`` over one text.

    Parameters
    ----------
    patterns : sequence of Pattern
    text : str

    Returns
    -------
    list of tuple
        ``(start, end, label, score, pattern name)``.
    """
    return [(s, e, p.label, sc, p.name) for p in patterns for s, e, sc in p.finditer(text)]
