"""Patterns for the places and organisations children name: schools, colleges, children's homes,
councils, hospitals, prisons, youth projects, employers; and families called by their surname.

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`. Lower-case names are accepted only when
they are no English word, a UK place, or words homes are named by (trees, birds, flowers).
"""

from __future__ import annotations

import re

from ._pattern import Pattern
from ._place_names import (
    GENERIC_PLACE_WORDS,
    HOME_NAME_WORDS,
    house_lower_ok,
    someones,
    unlisted_place_ok,
)
from ._words import FUNCTION_WORDS, KIN, no_word_at_all
from .lexicons import NOT_PII, ROLE_WORDS, WORD_NAMES, is_common_word, surnames, uk_places
from .neighbours import homes_in_a_row, organisations_after_people

__all__ = ["INSTITUTION_PATTERNS", "homes_in_a_row", "organisations_after_people"]


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


#: A lower-case word of a place's name: not a preposition or determiner ("on saturdays for
#: moorside juniors" names "moorside juniors").
_LOWER_NAME_WORD = r"(?!(?:for|on|at|in|to|the|and|with|of|my|our|from|by|is|was)\b)[a-z]{3,}"

_HOME_WORDS = "|".join(sorted(HOME_NAME_WORDS))


def _home_name_ok(value: str) -> float | bool:
    """"acorns", "oak lodge", "ashdene": named by a tree, bird or flower (or its plural), or no
    English word; not "care", "this", "respite" or "kinship"."""
    words = value.lower().split()
    first = words[0].rstrip("s") if words[0] not in HOME_NAME_WORDS else words[0]
    if first in HOME_NAME_WORDS and all(w in HOME_NAME_WORDS or w in (
            "tree", "trees", "lodge", "house", "view", "hill") or w.rstrip("s") in HOME_NAME_WORDS
            for w in words[1:]):
        return 0.5
    return 0.5 if len(words) == 1 and not is_common_word(words[0], threshold=1) else False


#: Words before "fostering" that say what kind, not whose: "long term fostering".
_FOSTERING_KINDS = frozenset(
    """private kinship long short term emergency respite specialist therapeutic mainstream
    council local independent agency parent baby family sibling crisis temporary permanent
    bridging enhanced intensive connected friends foster good bad normal proper""".split())


def _name_words_ok(words: list[str], sorts: frozenset[str]) -> float | bool:
    """Whether lower-case ``words`` name an institution: there are some, and none is a
    function word, a generic place word, a role, a word that is never personal data, or one of
    ``sorts`` (words that say what sort of institution it is, or of no place at all)."""
    if not words or any(w in sorts or w in FUNCTION_WORDS or w in GENERIC_PLACE_WORDS
                        or w in ROLE_WORDS or w in NOT_PII for w in words):
        return False
    return 0.5


def _named_before_kind_ok(value: str, sorts: frozenset[str]) -> float | bool:
    """Whether the lower-case words before a kind of institution (its last word) name one
    (:func:`_name_words_ok`)."""
    return _name_words_ok(value.lower().split()[:-1], sorts)


#: Nouns that say "the X which is a school" of no named place: "the one which is a pru".
_NOT_A_NAME_BEFORE_KIND = frozenset({"one", "place", "end", "moment", "time", "building",
                                     "same", "other", "school", "college", "unit", "home",
                                     "hostel", "centre", "center", "club", "project", "area",
                                     "thing", "way", "bit", "kind", "type", "sort"})


def _named_then_kind_ok(value: str) -> float | bool:
    """"the bridge which is a pru": words that name the place, not "the one which is a pru"."""
    return _name_words_ok(value.lower().split(), _NOT_A_NAME_BEFORE_KIND)


def _agency_lower_ok(value: str) -> float | bool:
    """"rainbow fostering": the words before "fostering" name an agency, unless they say what
    kind of fostering it is ("private fostering", "long term fostering")."""
    return _named_before_kind_ok(value, _FOSTERING_KINDS)


#: Words before a school's kind that say what sort of school, not its name: "after school",
#: "driving school", "summer school", "football academy".
_SCHOOL_SORTS = frozenset(
    """after before sunday summer night driving dance football police drama forest language
    stage theatre music art sports film special free faith""".split())


#: Places of birth, baby care and early years named by their own words: "the jessop wing",
#: "Rosewood ward", "Fairfield maternity unit", "sunflowers day nursery", "Little Steps baby bank";
#: and police stations and custody suites, so named too: "castlegate police station".
_CARE_PLACE_KINDS = (r"wing|ward|maternity\s+unit|mother\s+and\s+baby\s+unit|baby\s+bank|"
                     r"day\s+nursery|nursery|neonatal\s+unit|police\s+station|custody\s+suite")

#: Words before such a kind that say what sort it is, not which one.
_CARE_PLACE_SORTS = frozenset(
    """labour postnatal antenatal maternity neonatal children's childrens kids baby babies local
    private council school community special high dependency intensive care delivery surgical
    medical general mental psychiatric secure assessment family day work west east north south
    main new old same other every whole hospital ward wing unit mother mothers bank food
    hospitals nurseries left right nearest closest central city town county transport big
    busy different police custody""".split())


def _care_place_ok(value: str) -> float | bool:
    """"jessop wing", "larkspur mother and baby unit": the words before the kind name one
    (not "the labour ward", "a private nursery", "the baby bank", "my son's nursery", "a
    broken wing")."""
    words = re.sub(rf"\s*(?:{_CARE_PLACE_KINDS})$", "", value.lower()).split()
    return _name_words_ok(words, _CARE_PLACE_SORTS) and not any(
        w.endswith(("ing", "'s", "\u2019s")) or w in KIN or w in _HURT for w in words)


_HURT = frozenset({"broken", "injured", "hurt", "damaged", "bad", "sore", "bandaged"})


#: A lower-case word of a name after "called" (not a word that ends the name: "called kindred
#: care or something", "a place called the anchorage in scunthorpe").
_CALLED_WORD = (r"(?!(?:or|and|in|on|at|for|to|but|so|who|which|that|was|is|with|from|because|"
                r"cos|coz|then|where|when|like|near|by|now|i|we|they|he|she|it|or|something|"
                r"sumthing|summat|innit|lol)\b)[a-z][a-z'\u2019]{2,}")


def _called_name_ok(value: str) -> float | bool:
    """"kindred care", "the anchorage": the name of a place or organisation after "called";
    not "a place called home"."""
    words = value.lower().split()
    if words[0] == "the":
        words = words[1:]
    return _name_words_ok(words[:1], frozenset()) and not any(
        w in FUNCTION_WORDS or w in ROLE_WORDS for w in words[1:])


def _two_word_school_ok(value: str) -> float | bool:
    """"hope park academy", "wood lane high": two lower-case words before a school's kind name
    it, unless either is a generic word, a role, a sort of school or a verb's -ing form."""
    words = value.split()[:-1]
    if any(w.endswith("ing") for w in words):
        return False
    if len(words) == 2 and no_word_at_all(words[0]) and words[1] not in FUNCTION_WORDS \
            and words[1] not in _SCHOOL_SORTS:
        return 0.5  # "carr head primary": a name no word list knows, then any word
    return _named_before_kind_ok(value, _SCHOOL_SORTS)


def _lower_council_ok(value: str) -> float | bool:
    """"north thornby council", "hull city council", "barking and dagenham council": a council
    named in lower case by a UK place (or two) or by words that are no English words."""
    words = value.split()[:-1]
    if "and" in words:  # "barking and dagenham council": two places joined
        first, rest = value.split(" and ", 1)
        return 0.6 if first in uk_places() and _lower_council_ok(rest) else False
    names = [w for w in words if w not in ("north", "south", "east", "west", "city", "of",
                                           "county", "borough", "district")]
    if names and " ".join(names) in uk_places():
        return 0.6
    return 0.5 if names and not any(is_common_word(w, threshold=1) or w in GENERIC_PLACE_WORDS
                                    for w in names) else False  # not "the childrens council"


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
    words = value.lower().split()  # "Hull college": a capitalised place, a lower-case kind
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
_INSTITUTION_KINDS = (r"pru|yoi|stc|housing|homes|advocacy|drop[\s-]?in|dropin|"
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
    """"riverside pru", "the ark youth club", "the hive drop in": not "the youth club", "my old
    pru"."""
    words = re.findall(r"[a-z']+", value.lower())
    name = words[:-2] if words[-2] in ("youth", "family", "contact", "children's",
                                       "childrens", "drop") else words[:-1]
    if not name or any(w in GENERIC_PLACE_WORDS or w in ROLE_WORDS or w in NOT_PII
                       or is_common_word(w, threshold=20_000) or w.endswith("ly")
                       for w in name):  # not "the weekly drop in"
        return False  # "the youth club", "my old pru", "not the family centre"
    return 0.5


def _named_place_ok(value: str) -> float | bool:
    words = re.findall(r"[A-Za-z']+", value)
    if len(words) < 2:
        return False
    name_words = [w.lower() for w in words[:-1]]
    if name_words[0] in ("st", "saint"):
        return 0.9
    if all(w in GENERIC_PLACE_WORDS or w in ("sixth", "form") for w in name_words):
        return False
    if name_words[0] in GENERIC_PLACE_WORDS:
        return False
    if name_words == ["virtual"]:
        return False  # "the Virtual School": every council's service for children in care
    return True


def _lower_place_ok(value: str) -> float | bool:
    first = value.split()[0].lower()
    if first in GENERIC_PLACE_WORDS or is_common_word(first, threshold=10_000):
        return False
    return 0.5


def _council_ok(value: str) -> float | bool:
    raw = re.findall(r"[A-Za-z']+", value)
    words = [w.lower() for w in raw[:-1]]
    if raw[-1] == "council" and any(is_common_word(w, threshold=2_000) for w in words):
        return False  # "Same council", "Every council": ordinary words at a sentence start
    generic = {"city", "county", "borough", "district", "metropolitan", "town", "parish", "the",
               "local", "my", "our", "children", "in", "care", "children's", "youth", "student",
               "school", "students", "leavers", "same", "every", "each", "which", "what",
               "different", "another", "other", "her", "his", "new", "old", "whole", "this",
               "that", "any", "no", "some", "one", "ur", "their", "refugee", "british"}
    if not words or all(w in generic for w in words):
        return False
    return True


_NOT_EMPLOYERS = frozenset({
    "i", "me", "home", "school", "christmas", "xmas", "easter", "weekends", "night", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december"})


def _employer_ok(value: str) -> float | bool:
    first = value.split()[0].lower()
    return first not in GENERIC_PLACE_WORDS and first not in _NOT_EMPLOYERS


def _home_named_ok(value: str) -> float | bool:
    """The word before "(care) home" after "the": "the orchard care home", "the oakfield home";
    not "the family home", "the local care home", "the nursing home"."""
    if value in GENERIC_PLACE_WORDS or value in FUNCTION_WORDS or value in _NOT_A_HOME_NAME \
            or value.endswith("s"):  # plurals naming homes are "house_name_home"'s: not "take
        return False  # the leftovers home"
    return 0.5


#: Words before "home" that say what kind of home it is: "the nursing home".
_NOT_A_HOME_NAME = frozenset(
    """nursing retirement family foster group mobile holiday second whole same perfect forever
    first last best worst nicest only next other real proper kids childrens children's carers
    mums dads nans grans council""".split())


def _firm_ok(value: str) -> float | bool:
    """"brook and sons", "Hale & Son": a family firm; not "my mum and sons", "his wife and
    son"."""
    first = value.split()[0].lower()
    return first not in FUNCTION_WORDS and first not in KIN and first not in ROLE_WORDS \
        and first not in ("wife", "husband", "daughter", "daughters", "partner", "mother",
                          "father")


def _pru_ok(value: str) -> float | bool:
    """"bridge pru", "moorside pru": a pupil referral unit named; not "the local pru", "a
    new pru", "went to pru"."""
    return not any(w in GENERIC_PLACE_WORDS or w in FUNCTION_WORDS or w in _NOT_EMPLOYERS
                   or w in ("went", "go", "goes", "going", "sent", "attend", "attended", "at",
                            "to", "in", "from")
                   for w in value.lower().split()[:-1])


def _surgery_ok(value: str) -> float | bool:
    """"bridge street surgery", "parkside medical centre": a GP practice named; not "eye
    surgery", "the local health centre"."""
    words = value.lower().split()
    words = words[:-2] if words[-1] in ("centre", "center", "practice") else words[:-1]
    return not any(w in GENERIC_PLACE_WORDS or w in FUNCTION_WORDS or w in _OPERATIONS
                   for w in words)


#: What an operation is on or how it is done, before "surgery": "eye surgery".
_OPERATIONS = frozenset(
    """eye eyes heart knee knees brain plastic keyhole dental laser back hip hips leg legs arm
    arms minor major emergency cosmetic weight loss day foot feet hand hands ear ears nose jaw
    spine spinal shoulder stomach bowel tooth teeth gp doctors doctor dentist dentists vets vet
    animal mental sexual""".split())


#: When someone works, between "work" and where: "works weekends at ...".
_WORK_TIMES = (r"mornings|evenings|nights|weekends|days|saturdays|sundays|part[\s-]time|"
               r"full[\s-]time")
#: Kinds of business named after a word: "millers bakery", "castle carpets", "baker brothers".
_TRADES = (r"bakery|bakers|cafe|caf\u00e9|garage|barbers|salon|takeaway|chippy|diner|kitchen|"
           r"stores|warehouse|nursery|kennels|stables|motors|carwash|garden\s+centre|carpets|"
           r"tyres|builders|joinery|removals|logistics|recruitment|cleaning|catering|"
           r"scaffolding|landscaping|roofing|flooring|furniture|brothers|bros|farm\s+shop")


def _lower_employer_ok(value: str) -> float | bool:
    """"millers bakery", "meadow bakery", "smiths garage": a name before the kind of business;
    not "the local cafe", "a new nursery", "my mums salon"."""
    words = value.lower().split()[:-1]
    return not any(w in GENERIC_PLACE_WORDS or w in FUNCTION_WORDS or w in KIN
                   or w in _NOT_EMPLOYERS or w in ("corner", "school", "hospital", "baby",
                                                   "dog", "pet", "hair", "nail", "car")
                   for w in words if w != "garden")


_NAME_WORD = r"(?:St\.?\s+)?[A-Z][A-Za-z'\u2019-]+"

#: Plurals that English homes and houses are named by: "at the willows", "the beeches".
_HOUSE_PLURAL_WORDS = (r"(?:willows|meadows|beeches|laurels|limes|oaks|elms|poplars|cedars|firs|"
                       r"pines|hollies|maples|larches|birches|hawthorns|rowans|chestnuts|sycamores|"
                       r"gables|conifers|briars|heathers|junipers|lindens|yews|acorns|orchards|"
                       r"spinney|paddocks|robins|wrens|swallows|larks|herons|kestrels|swifts|"
                       r"finches|martins|brambles|ferns|thistles|bluebells|foxgloves|hazels|"
                       r"alders|aspens|lilacs|magnolias|laburnums|cherries|hollyhocks)")

_HOUSE_PLURALS = rf"the\s+{_HOUSE_PLURAL_WORDS}"


#: What the people of a place are, or live in, before "at" and the place's own name: "the kids
#: at hilltop", "the manager at lighthouse", "a room at brambles".
_AT_A_HOME = (r"staff|kids|manager|managers|room|bedroom|girls|boys|lads|carers|workers|"
              r"everyone|placed|living|lived|live|lives")
#: Words after such a name: a verb, a conjunction, a pronoun or the end of a clause.
_AFTER_A_HOME = (r"(?=\s*(?:[,.!?;)]|$)|\s+(?:are|is|was|were|never|always|and|but|so|cos|coz|"
                 r"they|she|he|who|dont|do|does|did|has|have|had|said|lent|gave|let|n|on|for|"
                 r"with)\b)")
#: Words after "at" that name no one place: "the staff at placement", "kids at mosque".
_NOT_A_HOME = frozenset({"placement", "uni", "mosque", "reviews", "meetings", "contact",
                         "nursery", "weekends", "bedtime", "teatime", "dinnertime", "lunchtime",
                         "playtime", "break", "breaktime", "nights", "mine", "yours", "ours",
                         "theirs", "hers", "his", "christmas", "xmas", "school", "college"})


def _home_at_ok(value: str) -> float | bool:
    """"hilltop", "the anchorage": a word too rare to be the ordinary place people are at."""
    word = value.lower().split()[-1]
    return bool(_name_words_ok([word], _NOT_A_HOME)) and not someones(word) \
        and not is_common_word(word, threshold=5_000)


#: Words before "project" that say what kind of project it is, not its name.
_PROJECT_KINDS = frozenset(
    """youth community housing care leaving school science history geography english maths
    music drama dance media film photo photography research design coursework final group
    summer holiday homework class college uni university building garden gardening cooking
    mentoring mentor volunteering volunteer football sports art arts craft reading writing
    whole same other next last first furniture food allotment recycling befriending
    employment training homeless refugee drugs hostel supported lodgings independence skills
    family parent parenting outreach neighbourhood sport sports""".split())


def _project_ok(value: str) -> float | bool:
    """"bridge project", "springboard project": a name, not "the youth project"."""
    word = value.split()[0].lower()
    return word not in _PROJECT_KINDS and word not in GENERIC_PLACE_WORDS \
        and word not in FUNCTION_WORDS and word not in ROLE_WORDS


#: Club words after a name: "phoenix abc" (amateur boxing club), "wool united", "hyde fc".
_CLUB_WORDS = (r"abc|afc|jfc|fc|rfc|united|utd|rovers|athletic|wanderers|albion|rangers|harriers|"
               r"rugby")


#: Verbs before a club's name, never part of it: "takes me to watch barking fc".
_FOLLOWING_A_CLUB = (r"(?:watch|watches|watching|watched|support|supports|supporting|play|plays|"
                     r"playing|played|join|joined|love|loves|for|and)")


def _team_plural_ok(value: str) -> float | bool:
    """"the hawks", "the tigers": a team named by a plural after "play for the"; not "the
    kids", "the under 16s", "the girls"."""
    return value not in GENERIC_PLACE_WORDS and value not in ("kids", "girls", "boys", "lads",
                                                             "others", "seniors", "juniors",
                                                             "adults", "parents", "carers")


def _club_played_for_ok(value: str) -> float | bool:
    """"moss lane rangers" after "play for": any words but function and generic ones name the
    club (not "play for the under 16s")."""
    return not any(w in FUNCTION_WORDS or w in GENERIC_PLACE_WORDS
                   for w in value.lower().split()[:-1])


def _club_by_age_ok(value: str) -> float | bool:
    """"swifts" in "play for swifts under 16s": words that name something
    (:func:`_name_words_ok`), not "play for my school under 14s"."""
    return _name_words_ok(value.lower().split(), _NOT_A_CLUB)


#: Words before an age group that say whose team it is, not its name: "my school under 14s".
_NOT_A_CLUB = frozenset({"school", "team", "county", "club"})


def _no_word_name_ok(value: str) -> float | bool:
    """"meadowview" in "the meadowview unit": a name that is no word at all (not "the
    assessment unit")."""
    return 0.5 if no_word_at_all(value.lower()) else False


def _street_home_ok(value: str) -> float | bool:
    """"north lane" in "north lane childrens home": a home named by its street (not "the main
    road care home")."""
    return not any(w in FUNCTION_WORDS or w in GENERIC_PLACE_WORDS or w in ROLE_WORDS
                   for w in value.lower().split()[:-1])


def _club_ok(value: str) -> float | bool:
    """"phoenix abc", "wool united under 14s": not "we are united", "the fc"."""
    *words, kind = value.lower().split()
    places = uk_places()
    # "man united", "gary supports rovers": after a word that is also a team's ordinary word,
    # a place or a rare word; after "abc" or "fc" any word names the club ("knights abc")
    return bool(_name_words_ok(words, frozenset())) \
        and (kind in ("abc", "afc", "jfc", "fc")
             or all(w in places or not is_common_word(w, threshold=2_000) for w in words))


#: Places of worship and community centres, after the words that name them: "the sri murugan
#: temple", "guru nanak gurdwara", "salaam community centre", "st dimitrie romanian church".
_FAITH_KINDS = (r"temple|gurdwara|gurudwara|mandir|kovil|mosque|masjid|synagogue|shul|church|"
                r"chapel|cathedral|madrassa|madrasa|madrasah|(?:community|cultural|islamic)\s+"
                r"(?:centre|center)|(?:saturday|sunday|supplementary)\s+school")

#: Words before such a place that name no one place: a faith or denomination, "local", "big".
_FAITH_GENERIC = frozenset(
    """local nearest nearby big little small old new same main village parish town city
    catholic roman anglican baptist methodist pentecostal evangelical orthodox coptic
    reformed free united sikh hindu muslim jewish christian buddhist islamic shia sunni
    black african caribbean asian community family youth""".split())


def _masjid_ok(value: str) -> float | bool:
    """"masjid al-noor": not "masjid on fridays"."""
    last = value.lower().split()[-1].split("-")[-1]
    return 0.5 if last not in FUNCTION_WORDS and not is_common_word(last) else False


def _faith_place_ok(value: str) -> float | bool:
    """"the sri murugan temple", "kurdish community centre": named by words that are no
    faith, no ordinary word and not "local" (not "the local mosque", "my nans church")."""
    words = re.findall(r"[a-z'\u2019-]+", value.lower())
    kind = 2 if re.search(r"(?:centre|center|school)$", value.lower()) else 1
    name = [w for w in words[:-kind] if w not in ("st", "st.", "saint")]
    if not name or all(w in _FAITH_GENERIC for w in name) or any(
            w in ROLE_WORDS or w in KIN or w in FUNCTION_WORDS or w.endswith(("s'", "'s"))
            or (is_common_word(w, threshold=20_000) and w not in _FAITH_GENERIC)
            for w in name):
        return False
    return 0.5


#: The institutions patterns, in the order they are tried.
INSTITUTION_PATTERNS: tuple[Pattern, ...] = (
    Pattern("faith_place", "ORG",
            rf"\b(?P<pii>(?:(?:st|saint)\.?\s+)?(?:{_LOWER_NAME_WORD}\s+){{1,3}}"
            rf"(?:{_FAITH_KINDS}))\b",
            score=0.5, validate=_faith_place_ok, trigger=rf"\b(?:{_FAITH_KINDS})\b"),
    Pattern("our_lady", "ORG",  # a Catholic church or school: "Our Lady of Lourdes", "Our Lady's"
            r"\b(?P<pii>Our\s+Lady(?:['\u2019]s)?(?:\s+(?:of|and)(?:\s+the)?\s+|\s+)"
            r"(?:(?:St\.?|Saint)\s+)?[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+){0,2})",
            score=0.6, flags=0, trigger=r"our\s+lady"),
    Pattern("masjid_named", "ORG",  # "masjid al-noor", "masjid e noor"
            r"\b(?P<pii>masjid\s+(?:(?:al|an|ar|as|e|ul|un)[\s-])?[a-z]{3,})\b",
            score=0.5, validate=_masjid_ok, trigger=r"masjid"),
    # a home known by one rare word: "the kids at hilltop are alright", "staff at the anchorage"
    Pattern("home_at_lower", "ORG",
            rf"\b(?:{_AT_A_HOME})\s+at\s+(?P<pii>(?:the\s+)?[a-z]{{4,}}){_AFTER_A_HOME}",
            score=0.5, flags=0, validate=_home_at_ok),
    # a sports club: "boxing at phoenix abc", "i play for wool united", "supports hull city"
    Pattern("club_lower", "ORG",
            rf"\b(?:the\s+)?(?P<pii>(?:(?!{_FOLLOWING_A_CLUB}\b)[a-z]{{3,}}\s+){{1,2}}"
            rf"(?:{_CLUB_WORDS}))\b", score=0.5,
            flags=0, validate=_club_ok, trigger=rf"\b(?:{_CLUB_WORDS})\b"),
    # a project named by a word: "mark and ginny at the bridge project", "the springboard
    # project in shaw helped me" (not "the youth project", "my science project")
    Pattern("project_named_lower", "ORG",
            r"\b(?:at|from|with|to|by)\s+the\s+(?P<pii>[a-z]{4,}\s+project)\b",
            score=0.5, flags=0, validate=_project_ok, trigger=r"project"),
    Pattern("project_named_first", "ORG",
            r"(?:^|(?<=[.!?,]))\s*the\s+(?P<pii>[a-z]{4,}\s+project)(?=\s+(?:in|helped|got|"
            r"gave|took|runs|ran|is|was|sorted|paid)\b)",
            score=0.5, flags=0, validate=_project_ok, trigger=r"project"),
    Pattern("club_plural_played_for", "ORG",  # "i play for the hawks under 16s"
            r"\bplay(?:s|ed|ing)?\s+for\s+the\s+(?P<pii>[a-z]{3,}s)\b",
            score=0.5, flags=0, validate=_team_plural_ok, trigger=r"play"),
    Pattern("club_played_for", "ORG",  # "i play for moss lane rangers"
            rf"\b(?:play(?:s|ed|ing)?\s+for|supports?|supporting|signed\s+for)\s+(?:the\s+)?"
            rf"(?P<pii>(?:[a-z]{{3,}}\s+){{1,2}}(?:{_CLUB_WORDS}))\b",
            score=0.5, flags=0, validate=_club_played_for_ok),
    Pattern("club_age_group", "ORG",  # "we play for swifts under 16s every sunday"
            r"\bplay(?:s|ed|ing)?\s+for\s+(?:the\s+)?(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?)"
            r"(?=\s+(?:under[\s-]?|u)\d{1,2}'?s?\b)",
            score=0.5, flags=0, validate=_club_by_age_ok, trigger=r"under|u\d"),
    Pattern("club_followed", "ORG",
            r"\b(?:play(?:s|ed|ing)?\s+for|supports?|supporting|fan\s+of|season\s+ticket\s+"
            r"(?:for|at))\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+(?:city|town|county))\b",
            score=0.5, flags=0, validate=_club_ok),
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
    Pattern("named_place_upper", "ORG",  # in capitals: "AT THORNBRIDGE ACADEMY", "HULL COUNCIL"
            r"\b(?P<pii>(?:[A-Z][A-Z'\u2019-]{2,}\s+){1,2}(?:ACADEMY|COLLEGE|SCHOOL|HIGH|PRIMARY|"
            r"JUNIORS|INFANTS|UNIVERSITY|HOSPITAL|INFIRMARY|YOI|HOUSE|LODGE|GRANGE|COUNCIL))\b",
            score=0.6, flags=0, validate=_shouted_institution_ok, trigger=r"[A-Z]{3}"),
    Pattern("named_business", "ORG",  # "Hamid's Grill", "Tony's Barbers"
            r"\b[A-Z][a-z]+['\u2019]s\s+(?:Grill|Cafe|Caf\u00e9|Kitchen|Takeaway|Barbers?|Salon|"
            r"Garage|Bakery|Diner|Pizza|Chippy|Fish\s+Bar|Kebabs?|Deli|Stores?|Mini\s+Market|"
            r"Car\s+Wash|Nails|Gym)\b",
            score=0.8, flags=0, trigger=r"['\u2019]s\s"),
    Pattern("saint_place", "ORG", r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:'s|\u2019s|s)\b",
            score=0.9, flags=0),
    Pattern("saint_place_lower", "ORG",
            r"(?:\b(?:at|to|from|in|of|went|go|goes|attend|attended|school|primary|college)\s+|^\s*|"
            r"(?<=[.!?])\s+)"
            r"(?P<pii>(?:st\.?|saint)\s+[a-z]{3,}"
            r"(?:'s|\u2019s|s)(?:\s+(?:(?:rc|ce|catholic|c\s+of\s+e)\s+)?(?:high|primary|"
            r"academy|college|school|juniors|infants|hospital|hospice|surgery|church|hall|"
            r"house|drop[\s-]?in|centre|center))?)\b",
            score=0.6, flags=0),
    Pattern("employer", "ORG",
            rf"(?i:\b(?:work(?:s|ing|ed)?(?:\s+(?:shifts|{_WORK_TIMES}))?|job|shifts?|"
            r"apprenticeship|placement|hired|employed|"
            r"interview|manager|boss|supervisor|colleagues?|co-?workers?|"
            r"workmates?)\s+(?:at|for|in|with)\s+)(?P<pii>(?:[A-Z][\w'\u2019&-]*)"
            r"(?:\s+(?:(?!(?:I|And|Or|But|So|Then|Is|Am|Was|In|At|To|With)\b)"
            r"[A-Z][\w'\u2019&-]*|&))*)",
            score=0.6, flags=0, validate=_employer_ok),
    Pattern("firm_and_sons", "ORG",  # "an apprenticeship at brook and sons"
            r"\b(?P<pii>[A-Za-z][a-z']{2,}\s+(?:and|&|n)\s+sons?)\b",
            score=0.6, validate=_firm_ok, trigger=r"\bsons?\b"),
    Pattern("pru_named", "ORG",  # "then i went to the bridge pru"
            r"\b(?:the\s+)?(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+pru)\b",
            score=0.5, flags=0, validate=_pru_ok, trigger=r"pru"),
    Pattern("surgery_lower", "ORG",  # "my gp is at parkside surgery"
            r"\b(?:at|to|from|with|gp\s+is)\s+(?:the\s+)?"
            r"(?P<pii>(?:[a-z][a-z']{2,}\s+){1,3}(?:surgery|medical\s+(?:centre|center|practice)|"
            r"health\s+(?:centre|center)))\b",
            score=0.5, flags=0, validate=_surgery_ok, trigger=r"surgery|medical|health"),
    Pattern("employer_lower", "ORG",  # "a job at millers bakery", "works at smiths garage"
            r"\b(?:job|jobs|work|works|working|worked|shifts?|apprenticeship|trial|hired|"
            rf"employed)(?:\s+(?:{_WORK_TIMES}))?\s+(?:at|for|in)\s+(?:the\s+)?"
            rf"(?P<pii>(?:[a-z][a-z'\u2019]{{2,}}\s+){{1,2}}(?:{_TRADES}))\b",
            score=0.5, flags=0, validate=_lower_employer_ok, trigger=_TRADES),
    Pattern("business_at", "ORG",  # "cos im at bells bakery": a trade named by a word, anywhere
            rf"\bat\s+(?P<pii>[a-z][a-z'\u2019]{{2,}}\s+(?:{_TRADES}))\b",
            score=0.5, flags=0, validate=_lower_employer_ok, trigger=_TRADES),
    Pattern("named_place_lower", "ORG",
            rf"\b(?:{_LOWER_NAME_WORD}\s+){{1,3}}(?:lodge|academy|grange|manor|juniors|infants)\b",
            score=0.5, flags=0, validate=_lower_place_ok),
    Pattern("house_name_lower", "ORG",
            rf"\b(?:at|in|on|to|from|of|then|called|named|left|leave|leaving|about|since|"
            rf"outside|behind|opposite|near|"
            rf"(?:home|house|placement|unit)\s+(?:is|was))\s+(?P<pii>{_HOUSE_PLURALS}|"
            rf"the\s+(?:grange|manor|priory))\b",
            score=0.6),
    Pattern("house_name_home", "ORG",  # "the beeches childrens home was the best"
            rf"\bthe\s+(?P<pii>{_HOUSE_PLURAL_WORDS})(?=\s+(?:child(?:ren)?'?s'?|kids|care)\s+home\b)",
            score=0.6, flags=0),
    Pattern("home_named_lower", "ORG",  # "the orchard care home", "the oakfield home"
            r"\bthe\s+(?P<pii>[a-z]{4,})(?=\s+(?:(?:child(?:ren)?'?s'?|kids|care)\s+)?home\b"
            r"(?!\s+alone\b))",  # not "the film home alone"
            score=0.5, flags=0, validate=_home_named_ok, trigger=r"home"),
    Pattern("unit_named_lower", "ORG",  # "the meadowview unit took my phone"
            r"\bthe\s+(?P<pii>[a-z]{5,})(?=\s+unit\b)",
            score=0.5, flags=0, validate=_no_word_name_ok, trigger=r"unit"),
    Pattern("home_named_by_street", "ORG",  # "the number for north lane childrens home"
            r"\b(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}\s+(?:lane|road|street|avenue|drive|close|"
            r"way|grove|terrace|crescent))(?=\s+(?:child(?:ren)?'?s'?|kids|care)\s+home\b)",
            score=0.5, flags=0, validate=_street_home_ok, trigger=r"home"),
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
            r"\b(?:at|from|in|into|to|of|outside|left)\s+(?:the\s+)?(?P<pii>[b-df-hj-np-tv-xz]{3,4})\b(?!\.\w)",
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
            r"\b(?P<pii>(?:[a-z]{4,}\s+and\s+)?(?:(?:north|south|east|west|city\s+of)\s+)?"
            r"[a-z]{4,}(?:\s+[a-z]{4,})?(?:\s+(?:city|county|borough|district))?\s+council)\b",
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
            r"\b(?P<pii>[A-Za-z][a-z]{2,}(?:\s+[a-z]{3,})?\s+(?:city\s+)?(?:college|university|uni|"
            r"hospital|infirmary|general(?:\s+hospital)?|academy|high|sixth\s+form))\b",
            score=0.6, flags=0, validate=_place_institution_ok,
            trigger=r"college|uni|hospital|infirmary|general|academy|high|sixth"),
    Pattern("fostering_agency_lower", "ORG",  # "holly from rainbow fostering"
            r"\b(?:from|with|by|at|through|for|via|joined|left|agency\s+is|agency\s+was|"
            r"called)\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+fostering)\b",
            score=0.5, flags=0, validate=_agency_lower_ok, trigger=r"fostering"),
    Pattern("care_place_named", "ORG",  # "the jessop wing", "castlegate police station"
            rf"\b(?P<pii>(?:[A-Za-z][a-z'\u2019]{{2,}}\s+){{1,2}}(?:{_CARE_PLACE_KINDS}))\b",
            score=0.5, validate=_care_place_ok, trigger=_CARE_PLACE_KINDS),
    Pattern("named_after_called", "ORG",  # "a foster agency called kindred care"
            r"\b(?:agency|agencies|charity|company|organisation|organization|group|project|"
            r"service|place|hostel|unit|home|school|college|club|centre|center)\s+(?:was\s+|is\s+)?"
            rf"called\s+(?:the\s+)?(?P<pii>{_CALLED_WORD}(?:\s+{_CALLED_WORD}){{0,2}})",
            score=0.5, flags=0, validate=_called_name_ok, trigger=r"called"),
    Pattern("school_two_words_lower", "ORG",  # "im yr 10 at hope park academy"
            r"\b(?:at|from|to|attend|attended|attends|joined|left|leave|leaving|behind|then|"
            r"school)\s+"
            r"(?P<pii>[a-z]{3,}\s+[a-z]{3,}\s+(?:academy|high|primary|school|college))\b",
            score=0.5, flags=0, validate=_two_word_school_ok,
            trigger=r"academy|high|primary|school|college"),
    Pattern("school_then_name_lower", "ORG",  # "my old school parkway high"
            r"\b(?:my|old|new|last|first)\s+school\s+(?:is\s+|was\s+|were\s+)?"
            r"(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{4,}\s+(?:academy|high|primary))\b",
            score=0.5, flags=0, validate=_two_word_school_ok,
            trigger=r"academy|high|primary"),
    Pattern("known_institution", "ORG",
            rf"\b(?:{_KNOWN_INSTITUTIONS})\b", score=0.8),
    Pattern("home_predicate", "ORG",  # "acorns is the best home ive been in"
            r"(?:^|(?<=[.!?,]))\s*(?:honestly\s+|tbh\s+)?(?:the\s+)?"
            r"(?P<pii>[a-z]{4,}(?:\s+[a-z]{3,})?)\s+"
            r"(?:is|was)\s+(?:the|my|a)\s+(?:[a-z]+\s+){0,2}(?:home|placement|unit|hostel)\b",
            score=0.5, flags=0, validate=_home_name_ok),
    Pattern("house_lower_initial", "ORG",
            r"(?:^|(?<=[.!?])\s+)(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{4,}\s+(?:house|court|hall|"
            r"grange|lodge|view))\b",
            score=0.5, flags=0, validate=house_lower_ok),
    Pattern("prison", "ORG", r"\b(?:HMP|HMYOI|HMP/YOI|YOI)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?",
            score=0.9, flags=0, trigger=r"\b(?:HMP|HMYOI|YOI)"),
    Pattern("house_lower", "ORG",
            r"\b(?:at|to|from|in|into|of|left|leave|leaving|near|outside|then|since|about)"
            r"\s+(?:the\s+)?"
            r"(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}\s+(?:house|centre|center|"
            r"court|hall|grange|lodge|view|cottage|cottages|farm|high|primary|nursery|"
            r"family\s+centre|school|college))\b",
            score=0.5, flags=0, validate=house_lower_ok),
    Pattern("named_then_kind", "ORG",  # "now im at the bridge which is a pru"
            r"\b(?:at|to|from|of|in|into)\s+the\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?),?\s+"
            r"(?:which|that|thats|that's|its|it's)\s+(?:is\s+|was\s+)?an?\s+(?:[a-z]+\s+)?"
            r"(?:pru|school|college|academy|unit|hostel|refuge|foyer|children'?s\s+home|"
            r"kids\s+home|care\s+home|home|project|charity|youth\s+club|club|centre|center)\b",
            score=0.5, flags=0, validate=_named_then_kind_ok,
            trigger=r"\b(?:which|that|its|it's)\b"),
    Pattern("excluded_from_lower", "ORG",
            r"\b(?:kicked\s+out\s+of|excluded\s+from|expelled\s+from)\s+"
            r"(?P<pii>[a-z]{4,}(?:\s+(?:high|academy|primary|college|school))?)\b",
            score=0.5, flags=0, validate=unlisted_place_ok),
    Pattern("named_school_or_home", "ORG",
            r"\b(?:(?:st|saint)\.?\s+)?[A-Za-z][a-z]{2,}(?:'s|\u2019s)?\s+(?:primary|high|college|"
            r"academy|child(?:ren)?'?s'?\s+home|kids\s+home)\b",
            score=0.5, flags=0, validate=unlisted_place_ok),
)
