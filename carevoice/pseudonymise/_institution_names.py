"""The validators of :data:`carevoice.pseudonymise.institutions.INSTITUTION_PATTERNS`: whether the
words a pattern matched name a school, home, council, club, employer or place of worship ("oak
lodge", "phoenix abc", "millers bakery"), or only say what kind of place it is ("after school",
"long term fostering", "the youth project"), with the word lists they read.

Each takes the matched text and returns a score, ``True`` or ``False``, as
:class:`carevoice.pseudonymise.patterns.Pattern` expects.
"""

from __future__ import annotations

import re

from ._place_names import GENERIC_PLACE_WORDS, HOME_NAME_WORDS, someones
from ._words import FUNCTION_WORDS, KIN, dictionary_word, frequency, no_word_at_all
from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    WORD_NAMES,
    first_names,
    is_common_word,
    surnames,
    uk_places,
)


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
    """"north thornby council", "hull city council", "barking and dagenham council",
    "blackburn with darwen council": a council named in lower case by a UK place (or two) or by
    words that are no English words."""
    words = value.split()[:-1]
    for joint in ("and", "with"):  # two places joined: not "argued with leeds council"
        parts = re.split(rf"\s+{joint}\s+", value, maxsplit=1)
        if joint in words and len(parts) == 2:
            return 0.6 if parts[0] in uk_places() and _lower_council_ok(parts[1]) else False
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


#: Last words of the names of groups and services for children and families ("the Rainbow
#: Base", "Brightside Support Circle", "the Hedgehog Den", "Oakwood Parents Network"), read
#: only after capitalised words (:data:`carevoice.pseudonymise.institutions.GROUP_HEADS`).
#: Words that say what kind of group it is, not which: "Support Circle", "the Learning Base",
#: "Young Carers Forum", "the Nurture Den".
_GROUP_KINDS = frozenset(
    """support peer parent parents carer carers young people people's peoples kids kid teen
    teens teenage girls boys lads mums dads women men kinship leaver leavers advocacy voice
    voices participation rights pupil pupils student students staff sibling siblings lgbt
    lgbtq lgbtq+ pride creative arts art music drama sport sports gaming games book reading
    homework breakfast learning resource inclusion inclusive behaviour sensory sen send autism
    nurture wellbeing wellness calm quiet safe safety chill time out hearing deaf visual
    speech language communication base school class classroom year form police air naval
    army fire film camera tv bomb dragons dragon lions lion dens""".split())


def _named_group_ok(value: str) -> float | bool:
    """"Rainbow Base", "Nans and Grans Support Circle": capitalised words that name a group or
    service, not "Support Circle", "the Learning Base", "Young Carers Forum" (words that say
    what kind) nor "Youth Forum" or "Home Base" (a first word that says whose or where)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z'\u2019+]+", value)][:-1]
    joined = "and" in words or "of" in words
    words = [w for w in words if w not in ("and", "of")]
    while words[1:] and words[0] in ("little", "big", "new", "old"):
        words = words[1:]  # "Little Owls Collective", not "Little Base"
    if not words or words[0] in GENERIC_PLACE_WORDS or words[0] in FUNCTION_WORDS:
        return False
    if not joined and all(w in _GROUP_KINDS or w in ROLE_WORDS or w in NOT_PII
                          or w in GENERIC_PLACE_WORDS or w in KIN for w in words):
        return False
    return True


#: Ordinary places a family goes to for a break, which name no service: "went to the seaside
#: for respite", "the hospice for short breaks".
_ORDINARY_VENUES = frozenset(
    """beach seaside coast sea park farm zoo pool baths woods forest country countryside lake
    lakes caravan cinema library gym hospital hospice unit centre center club house flat home
    place cottage camp holiday hotel city town village mountains hills moors church mosque
    temple carers carer nans grans family foster respite weekend weekends same other""".split())


def _break_place_ok(value: str) -> float | bool:
    """"the lantern" in "i go to the lantern for short breaks": a place named by words that
    are no ordinary place, role or generic word (not "the seaside for respite")."""
    words = value.lower().split()
    return _name_words_ok(words, _ORDINARY_VENUES)


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


def _lower_employer_ok(value: str) -> float | bool:
    """"millers bakery", "meadow bakery", "smiths garage": a name before the kind of business;
    not "the local cafe", "a new nursery", "my mums salon"."""
    words = value.lower().split()[:-1]
    return not any(w in GENERIC_PLACE_WORDS or w in FUNCTION_WORDS or w in KIN
                   or w in _NOT_EMPLOYERS or w in ("corner", "school", "hospital", "baby",
                                                   "dog", "pet", "hair", "nail", "car")
                   for w in words if w != "garden")


#: Places of work named by what they are, and times, after "a job at the": "the warehouse",
#: "the chip shop", "the weekend". A cafe or pub named in ordinary words is the rest: "the
#: green bean", "the red lion".
_WORKPLACE_WORDS = frozenset(
    """shop shops store stores supermarket market warehouse factory depot yard site office
    offices station hospital hospice surgery clinic pharmacy chemist chemists school college
    uni university nursery library gym pool centre center club pub bar restaurant hotel cafe
    canteen kitchen bakery garage salon barbers chippy takeaway cinema theatre stadium ground
    airport docks port farm stables kennels zoo park arcade council church mosque temple home
    house hostel unit ward care leisure call contact bus train tram car taxi food bank charity
    charities garden gardens laundry launderette petrol services service weekend weekends
    moment minute time end start beginning day days night nights morning mornings evening
    evenings same local new old big small little main top bottom back front corner other next
    last first""".split())


def _named_workplace_ok(value: str) -> float | bool:
    """"green bean", "copper kettle" after "a job at the": two ordinary words naming a cafe,
    pub or shop; not "the chip shop", "the local gym", "the weekend" nor a verb after the
    place ("my shift at the warehouse finishes")."""
    words = value.lower().split()
    if len(words) != 2 or any(w in FUNCTION_WORDS or w in _WORKPLACE_WORDS or w in KIN
                              or w in ROLE_WORDS or w in NOT_PII or w in GENERIC_PLACE_WORDS
                              or w in _NOT_EMPLOYERS for w in words):
        return False
    last = words[1]
    return not re.search(r"(?:s|ed|ing|ly)$", last)  # "finishes", "closed", "closing"


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


#: What a council's children's services are called after its place: "stoke social services",
#: "sunderland childrens services", "wigan childrens", "leeds cs" (children's services),
#: "sandwell childrens trust", "slough children first". A bare "childrens" is read only where
#: no noun follows ("the wigan childrens home" is a home, found by other patterns).
CHILDREN_SERVICE_KINDS = (
    r"social\s+(?:services|care)|"
    r"children(?:['\u2019]?s['\u2019]?)?\s+(?:social\s+(?:services|care)|services(?:\s+trust)?|"
    r"trust|first|and\s+families\s+trust)|"
    r"children['\u2019]?s['\u2019]?(?!\s+(?:home|homes|hospital|hospitals|hospice|ward|unit|"
    r"centre|center|centres|charity|charities|society|nursery|team|panel|council|act|rights|"
    r"commissioner|services?|social|trust|first|book|books|clothes|toys|party|day|football|"
    r"play|department|dept|tv|programme|section|menu|size|sizes)\b)|"
    r"cs|csc"
)

#: Towns with a council of their own whose names are also common English words, read as the
#: town before "social services" in lower case: "hull social services" (not "send social
#: services", "reading social services notes").
_COUNCIL_TOWNS_THAT_ARE_WORDS = frozenset({"hull", "york", "bath", "bury"})


def _common_place_word(low: str) -> bool:
    """Whether the one-word place ``low`` is also a common English word ("send", "deal"), as
    :class:`carevoice.pseudonymise.places.PlaceDetector` judges it."""
    return " " not in low and frequency(low) >= 2_000 and dictionary_word(low)


def _place_service_ok(value: str) -> float | bool:
    """"stoke social services", "Sunderland Children's Services", "wigan childrens", "leeds cs":
    the words before the kind of service are a UK place (a council's area), or words that are
    no English word, text-speak or first name (before "cs" or "csc", only a place); not "the
    social services", "local social services", "jus social services", "send social services"
    (a lower-case place that is also a common word, unless a council town such as "hull")."""
    kind = re.search(rf"\s+(?:{CHILDREN_SERVICE_KINDS})$", value, flags=re.IGNORECASE)
    if kind is None:
        return False
    place = value[:kind.start()]
    low = place.lower()
    if not low or any(w in FUNCTION_WORDS or w in GENERIC_PLACE_WORDS or w in ROLE_WORDS
                      for w in low.split()):
        return False
    if low in uk_places():
        if place.islower() and _common_place_word(low) \
                and low not in _COUNCIL_TOWNS_THAT_ARE_WORDS:
            return False
        return 0.6
    if kind.group().strip().lower() in ("cs", "csc") \
            or any(w in first_names() or not no_word_at_all(w) for w in low.split()):
        return False  # "ocr cs" (a course), "told kai social services", "jus social services"
    return 0.5  # "thornby social services": a place too small for the gazetteer


#: Companies and trusts that run a council's children's services and have no place in their
#: name (public bodies of England): Achieving for Children (Kingston, Richmond, Windsor and
#: Maidenhead), Together for Children (Sunderland), Brighter Futures for Children (Reading).
#: "Action for Children" is a national charity, which identifies no council, and is left, as
#: are ordinary words and national offices before "for Children" ("Money for Children", "the
#: Commissioner for Children").
_FOR_CHILDREN_NOT_A_COUNCIL = frozenset(
    """action hope save help money funding support services service care rights justice love
    toys food clothes things stuff places activities time space thanks sorry good bad better
    best worse worst safe nothing something everything more less nobody everyone everybody
    someone somebody commissioner commissioners minister ministers department office
    secretary charter law laws act policy plan plans""".split())


def _for_children_ok(value: str) -> float | bool:
    """"Partners for Children", "Futures for Children": capitalised words before "for
    Children" that name a council's children's services company; not "Action for Children" (a
    national charity) nor "Money for Children" (an ordinary phrase at a sentence's start)."""
    words = [w.lower() for w in value.split()[:-2]]
    if not words or any(w in _FOR_CHILDREN_NOT_A_COUNCIL or w in FUNCTION_WORDS
                        or w in NOT_PII or w in ROLE_WORDS or w in GENERIC_PLACE_WORDS
                        for w in words):
        return False
    return 0.6


#: What follows a university's "of": a place, "the" or a direction and a place ("uni of
#: salford", "university of the west of england", "uni of east anglia"). The regions of
#: England that name universities are read as places here.
_UNIVERSITY_REGIONS = frozenset({"anglia", "england", "scotland", "wales", "london"})


def _university_of_place_ok(value: str) -> float | bool:
    """"uni of salford", "university of bath", "uni of central lancashire": the words after
    "of" are a UK place (even one that is a word: "bath"), or a direction and a region; not
    "the university of life"."""
    words = value.lower().split()[2:]
    words = [w for w in words if w != "the"]
    direction = bool(words) and words[0] in ("north", "south", "east", "west", "central", "mid")
    if direction:
        words = words[2:] if words[1:2] == ["of"] else words[1:]
    place = " ".join(words)
    if not place or place in _MONTHS:
        return False
    if place in uk_places():
        return 0.7
    return 0.7 if direction and place in _UNIVERSITY_REGIONS else False


_MONTHS = frozenset({"march", "may", "august"})


#: The second names of saints that English schools are named after in full: "st thomas more",
#: "st john fisher", "st francis xavier", "st john the baptist", "st mary magdalene".
SAINTS_SECOND_NAMES = (r"more|fisher|aquinas|a\s+becket|becket|campion|bosco|vianney|xavier|"
                       r"loyola|newman|henry\s+newman|rigby|plessington|southworth|kemble|"
                       r"clitherow|chanel|de\s+la\s+salle|the\s+baptist|the\s+evangelist|"
                       r"the\s+divine|the\s+apostle|magdalene|magdalen|of\s+the\s+cross|"
                       r"of\s+canterbury|of\s+assisi|of\s+lisieux|of\s+arc")

#: Saints' first names that are no one's first name today (so not in the name lists).
_SAINTS_ONLY = frozenset({"ignatius", "cuthbert", "wilfrid", "bede", "aloysius", "swithun",
                          "dunstan", "chad", "oswald", "boniface", "wilfred"})


def _saint_in_full_ok(value: str) -> float | bool:
    """"st thomas more", "saint john fisher": a saint's first name before the second name."""
    first = value.lower().split()[1]
    return 0.7 if first in first_names() or first in _SAINTS_ONLY else False


#: Endings of the compound names homes are given ("fernlea", "brookview", "ashcrest",
#: "hollyfield"): a hill, a field, a wood, a view.
_HOME_NAME_ENDINGS = (
    "hill", "hills", "crest", "lea", "leigh", "ley", "field", "fields", "wood", "woods", "view",
    "house", "side", "dale", "mead", "brook", "bank", "croft", "gate", "lands", "holme", "hurst",
    "ridge", "moor", "grove", "lodge", "dene", "down", "downs", "garth", "haven", "mount",
    "court", "hall", "combe", "stead", "bourne", "glen", "vale", "well", "wells", "worth",
)


def _home_compound_ok(value: str) -> float | bool:
    """"fernlea" in "the fernlea manager": one word, no English word, made as homes' names are
    made (a tree, bird or flower first, or a hill, field or view last: "hollyfield",
    "brookview"); not "the oakley kids" unless it is so made, nor an English word."""
    low = value.lower()
    if not no_word_at_all(low) or low in first_names():
        return False
    made = any(low.endswith(end) and len(low) - len(end) >= 3 for end in _HOME_NAME_ENDINGS) \
        or any(low.startswith(word) and len(low) - len(word) >= 3 for word in HOME_NAME_WORDS)
    return 0.5 if made else False


def _bishop_ok(value: str) -> float | bool:
    """"bishop vesey", "cardinal newman": a school named after a churchman, not "the bishop
    said" (a word of the clause after the title)."""
    last = value.lower().split()[-1]
    return last not in FUNCTION_WORDS and last not in ROLE_WORDS and not (
        dictionary_word(last) and frequency(last) >= 20_000)
