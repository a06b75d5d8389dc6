"""When a word that is also a name is used as an ordinary word, by the words after it.

The learned token model (:class:`carevoice.pseudonymise.learned.TokenModelDetector`) reads a
word-name at the start of a comment ("sunny", "summer", "frank", "faith", "may") as a name
whatever follows it. :func:`word_name_used_as_word` says where the words after it make it an
ordinary word: a noun that a month or a season describes ("summer holidays"; not a thing
someone owns: "summer phone got nicked"), a time, weather or talk an adjective describes
("sunny days", "frank conversation"; not "sunny voice is so loud"), "of" or "in" and what
one believes in after an abstract noun ("joy of", "faith in the system"), or a predicate only
a time takes ("summer is the best time of year", "may was the worst month"), a fixed phrase
("crystal clear", "no joy", "frank with her" after a copula), a season coming or here after
"with" or "now" ("with summer coming", "summer coming up"), or an abstract noun that is all
one has ("hope is all i have"), a month or a season that is exams, results, a term, a
holiday, a birthday or the weather ("may is exam month", "june is when results come out",
"april was wet and cold"), or an abstract noun that is a thing ("hope is the only thing i
have"). :func:`names_an_identifier` says where "nino" is a National Insurance number ("i dont
know my nino").
Anything a person does or is stays a name ("summer said she'd call", "faith is my best mate",
"may texted me"): when in doubt, mask.
"""

from __future__ import annotations

import functools
import re

from ._name_family import _POSSESSIONS
from ._name_words import (
    _ABSTRACT,
    _ADJECTIVE_NAMES,
    _DOING_FOR,
    _MODALS,
    _PERSON_VERBS,
    _SEASONS,
    _TOLD,
)
from ._words import (
    FUNCTION_WORDS,
    KIN,
    KIN_FRIENDS,
    KIN_STAFF,
    NOT_BEFORE_A_NAME,
    ORG_NOUNS,
    PERSON_NOUNS,
    POSSESSIVES,
    dictionary_word,
    sentence_initial,
)

#: Words before a word-name after which it may still be an ordinary word at the head of a noun
#: phrase: "in summer holidays", "the sunny days", "during may half term".
_BEFORE_A_PHRASE = NOT_BEFORE_A_NAME | POSSESSIVES | frozenset(
    {"in", "during", "over", "on", "at", "for", "of", "after", "before", "since", "until",
     "till", "all", "every", "this", "that", "next", "last", "love", "like", "hate", "miss"})

#: Verbs (as lemmas) that a person does, so that a noun which is also one of them, after a
#: word-name, may be what that person did: "summer calls me", "hope visits", "jay text me".
_PEOPLE_DO = frozenset(
    """ring phone text call email message visit help sort pick come take bring tell ask see meet
    drive sign reply answer listen try say let make give find look move send pay book check
    chase fix hug cook teach lie fetch wait shout promise judge cancel buy draw get go live stay
    work play love hate miss like want need know think feel do have be keep run walk talk chat
    laugh cry sleep eat sit stand leave start stop""".split())


@functools.cache
def _people_do() -> frozenset[str]:
    """:data:`_PEOPLE_DO` with the lemmas of the verbs the name rules read a person by
    ("drove", "texted", "takes")."""
    from .lexicons import parts_of_speech

    return _PEOPLE_DO | frozenset(
        lemma for word in _PERSON_VERBS | _TOLD | _DOING_FOR
        for lemma in parts_of_speech(word).get("verb", (word,)))


#: Things a person has, which a name without its "s" stands before as their owner: "frank
#: car got nicked", "summer house" (where Summer lives).
_OWNED = _POSSESSIONS | frozenset(
    """house home flat place room bedroom caravan phone car bike bag dog cat birthday stuff things
    clothes money number name names mate mates friend friends boyfriend girlfriend bf gf kids
    baby school class work job shift account page snap insta story fault attitude voice hair
    face eyes mood behaviour behavior idea turn opinion problem life side""".split())

#: What an adjective that is also a name ("sunny", "frank") describes as the word: times,
#: weather and talk ("sunny days", "sunny weather", "frank conversation"). Any other noun may
#: be the person's, their "s" left out ("sunny voice is so loud", "frank fault we got caught").
_DESCRIBED = frozenset(
    """time times day days morning mornings afternoon afternoons evening evenings night nights
    week weeks weekend weekends month months year years season seasons holiday holidays spell
    spells weather skies sky conversation conversations advice chat chats talk talks
    discussion discussions answer answers feedback""".split())

#: Whom or what one has faith or hope in: "faith in the system", "hope in myself".
_BELIEVED_IN = frozenset(
    """me myself yourself you them people anyone anybody everyone everybody adults humanity
    others god allah system systems future process life services society police things world
    care""".split())

#: Determiners before what one believes in: "faith in the system".
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "their", "this", "that"})

#: Copulas: "summer is", "may was".
_COPULAS = frozenset({"is", "was", "are", "were", "isnt", "wasnt"})

#: Nouns of time, a predicate no person takes: "summer is the best time", "may was the worst
#: month", "june is my favourite season".
_TIMES = frozenset(
    """time times month months season seasons year years week weeks day days weekend weekends
    holiday holidays term terms period""".split())


#: Names that open a fixed phrase with the word after them: "crystal clear", "ruby red",
#: "grace period", "charity shop".
_PHRASES = {"crystal": frozenset({"clear", "ball"}), "ruby": frozenset({"red"}),
            "rose": frozenset({"tinted", "gold"}), "jet": frozenset({"black", "lag", "lagged"}),
            "amber": frozenset({"warning", "alert"}), "grace": frozenset({"period"}),
            "charity": frozenset({"shop", "shops", "work", "event", "events"}),
            "will": frozenset({"power"}), "sterling": frozenset({"silver"}),
            "stone": frozenset({"cold", "dead"}), "sky": frozenset({"high"}),
            "miles": frozenset({"away", "better", "apart"}),
            "rain": frozenset({"check"})}

#: What a month or a season is, after "is" or "was", that no person is: exams and results,
#: school terms and holidays, birthdays and festivals, the weather ("may is exam month",
#: "june is when results come out", "april is always rainy", "august is my birthday").
_TIME_TOPICS = _TIMES | frozenset(
    """when exam exams test tests mocks revision results gcse gcses sats alevels school
    holiday holidays hols break birthday birthdays christmas easter ramadan eid diwali
    weather rain rainy raining snow snowy snowing sunny hot hotter cold colder warm warmer wet
    windy freezing heat heatwave chilly stormy summer winter spring autumn""".split())

#: Words after "is" or "was" that put a month or a season beside a person, not a time:
#: "may is my best mate", "june is in my class", "april is with her mum".
_NOT_A_TIME = frozenset(
    """in at with from on off by near round about going coming""".split())

#: What an abstract noun is that no person is: "hope is the only thing i have left".
_THINGS = frozenset({"thing", "things"})

#: What an abstract noun is before a clause that says of it what is believed, shown or felt:
#: "destiny is not something i believe in", "mercy is not what the court showed".
_SOMETHING = frozenset({"something", "nothing", "what"})

#: Subjects opening that clause.
_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "u", "they", "the", "my", "our", "people",
                              "anyone", "everyone"})

#: Words before an abstract noun that make it the noun: "no joy", "any hope", "little faith".
_QUANTIFIERS = frozenset({"no", "any", "some", "little", "much", "more", "less", "lost"})

#: Words before an adjective-name, "frank", used as the adjective before "with" or "about":
#: "i was frank with her", "be frank about it".
_BEFORE_AN_ADJECTIVE = _COPULAS | frozenset(
    {"be", "been", "being", "am", "im", "so", "very", "really", "too", "more", "brutally",
     "totally", "completely", "honest", "and"})

#: Verbs of a season coming or going: "with summer coming", "summer approaching".
_SEASON_VERBS = frozenset({"coming", "approaching", "starting", "ending", "here", "over",
                           "nearly", "almost"})

#: What one has or needs, after "X is all i ...": "hope is all i have".
_HAVING = frozenset({"have", "had", "got", "get", "need", "needed", "ve", "want", "wanted"})

#: Names that are more often things than people, which stand before a noun as its kind:
#: "rose bushes", "wood floors", "comfort food", "stone walls", "star sign" (not before a
#: thing a person has nor a verb a person does: "rose phone", "river walks to school").
_THING_NAMES = frozenset(
    """rose wood stone river rain storm sky star honey candy cherry ash clay comfort art
    sunshine heaven peace treasure gem""".split())

#: What a place is named by after a word-name, which keeps the name: streets ("river street",
#: "stone road", "honey lane"), estates, parks, buildings and clubs ("clay park", "rose hill").
_PLACE_NOUNS = frozenset(
    """road rd street st lane ln avenue ave close drive dr way crescent cres court ct place
    terrace gardens gdns grove hill hills walk row view rise mews square parade green vale fold
    croft meadow meadows bank brow gate yard wharf boulevard mount drove dene garth grange wynd
    loke causeway esplanade promenade broadway quay leys estate park fields field farm lodge
    hall house houses centre center club academy college school tower towers heights point
    side end bridge cross valley wood woods dale top bottom""".split())

#: Names that are verbs done to someone: "sue them", "chase him up", "rob us blind".
_VERB_NAMES = frozenset({"sue", "chase", "rob", "grant", "pat"})

#: Object pronouns after such a verb (a name is not followed by one: "sue them" is the verb,
#: "sue and them" is not read; nor "her", which may be whose: "sue her mum rang me").
_OBJECTS = frozenset({"them", "him", "us", "em", "it"})

#: Names that are weather: "rain is all we get here".
_WEATHER = frozenset({"rain", "storm", "sunshine", "sky"})


def _done_by_people(low: str) -> bool:
    """Whether ``low`` is a form of a verb a person does: "rang", "texts", "helped"."""
    from .lexicons import parts_of_speech

    done = _people_do()
    return low in done or low in _PERSON_VERBS or low in _TOLD or low in _DOING_FOR \
        or bool(parts_of_speech(low).get("verb", frozenset()) & done) \
        or (low.endswith("s") and low[:-1] in done)


def _ordinary_noun(low: str) -> bool:
    """Whether ``low`` is a dictionary noun that no name list, family, role or people word
    knows and that is no verb a person does: "days", "weather", "conversation", "garden"."""
    from .lexicons import (
        CARE_SHORTHAND,
        NICKNAMES,
        ROLE_WORDS,
        first_names,
        parts_of_speech,
        surnames,
        uk_places,
    )

    if not low.isalpha() or len(low) < 3 or low in FUNCTION_WORDS or not dictionary_word(low):
        return False
    if any(low in words for words in (KIN, KIN_FRIENDS, KIN_STAFF, PERSON_NOUNS, ORG_NOUNS,
                                      ROLE_WORDS, CARE_SHORTHAND, NICKNAMES, _OWNED)):
        return False
    if low in first_names() or low in surnames() or low in uk_places():
        return False
    pos = parts_of_speech(low)
    if "noun" not in pos:
        return False
    done = _people_do()
    return not (pos.get("verb", frozenset()) & done or low.endswith("ed") or low in done
                or low in _PERSON_VERBS or low in _TOLD or low in _DOING_FOR
                or (low.endswith("s") and low[:-1] in done))  # "texts", not in WordNet


def opens_a_phrase(low: str, nxt: str) -> bool:
    """Whether the name ``low`` opens a fixed phrase with the word ``nxt`` after it, both
    written in lower case: "crystal clear", "ruby red", "rose tinted".

    Examples
    --------
    >>> opens_a_phrase("crystal", "clear"), opens_a_phrase("crystal", "said")
    (True, False)
    """
    return nxt in _PHRASES.get(low, ())


#: Names that are also what people call an identifier: "nino", a National Insurance number.
_IDENTIFIER_WORDS = frozenset({"nino", "ninos"})

#: Words before an identifier's name that make it the identifier: "i dont know my nino",
#: "whats a nino", "how do i get a new nino".
_BEFORE_AN_IDENTIFIER = _DETERMINERS | POSSESSIVES | NOT_BEFORE_A_NAME | frozenset(
    {"ur", "yr", "whats", "new", "lost", "temporary", "temp", "own", "the", "his", "her",
     "their", "apply", "applied", "applying"})

#: What follows an identifier's name: its number ("nino qq 12 34 56 c", "nino: qq123456c")
#: or a word for it ("nino number", "nino card").
_IDENTIFIER_AFTER = re.compile(
    r"\s*(?:is\s+|[:=\-]\s*)?(?:[a-z]{2}\s?\d\d|\d|(?:number|no|num|card|letter|"
    r"details)\b)", re.IGNORECASE)


def names_an_identifier(text: str, start: int, end: int, prev: str) -> bool:
    """Whether the word at ``start:end`` of ``text``, after the word ``prev`` (lower case),
    is what people call an identifier rather than someone's name: "nino" for a National
    Insurance number after "my", "a", "the" ("i dont know my nino", "whats a nino") or before
    a number or "number" ("nino qq 12 34 56 c"; the number itself is masked by its pattern).
    "nino" said of a person stays a name ("nino is my mate", "me and nino").

    Examples
    --------
    >>> text = "i dont know my nino"
    >>> names_an_identifier(text, 15, 19, "my")
    True
    >>> names_an_identifier("nino rang me", 0, 4, "")
    False
    """
    if text[start:end].lower() not in _IDENTIFIER_WORDS:
        return False
    return prev in _BEFORE_AN_IDENTIFIER or _IDENTIFIER_AFTER.match(text, end) is not None


def word_name_used_as_word(text: str, tokens: list[tuple[int, int]], i: int) -> bool:
    """Whether token ``i`` of ``text``, a name that is also an ordinary word written in lower
    case (or capitalised only to open a sentence), is used as the ordinary word by the words
    after it.

    Parameters
    ----------
    text : str
        The comment.
    tokens : list of tuple of int
        Start and end of each token (words and punctuation marks,
        :func:`carevoice.pseudonymise.learned.tokenise`).
    i : int
        The token to read.

    Returns
    -------
    bool

    Examples
    --------
    >>> from carevoice.pseudonymise.learned import tokenise
    >>> def used(text):
    ...     return word_name_used_as_word(text, tokenise(text), 0)
    >>> used("sunny days are the best"), used("sunny rang me")
    (True, False)
    >>> used("summer is the best time of year"), used("summer is my best mate")
    (True, False)
    """
    from .lexicons import WORD_NAMES, parts_of_speech

    word = text[tokens[i][0]:tokens[i][1]]
    low = word.lower()
    as_written = word.islower() or (word[:1].isupper() and word[1:].islower()
                                    and sentence_initial(text, tokens[i][0]))
    if as_written and i + 1 < len(tokens) and opens_a_phrase(
            low, text[tokens[i + 1][0]:tokens[i + 1][1]]):
        return True  # "crystal clear", "ruby red", "Grace period on my rent"
    if low not in WORD_NAMES or not as_written:
        return False
    # the words after it, up to a punctuation mark
    after: list[str] = []
    for start, end in tokens[i + 1:i + 8]:
        if not text[start:end].isalpha():
            break
        after.append(text[start:end])
    if not after:
        return False
    nxt = after[0].lower()
    before = text[tokens[i - 1][0]:tokens[i - 1][1]].lower() if i else ""
    opening = not before or not before.isalpha() or before in _BEFORE_A_PHRASE \
        or sentence_initial(text, tokens[i][0])
    if opening and after[0].islower() and _ordinary_noun(nxt) and nxt not in _PLACE_NOUNS and (
            low in _SEASONS or low in _THING_NAMES
            or ("adj" in parts_of_speech(low) and nxt in _DESCRIBED)):
        return True  # "summer holidays", "rose bushes", "sunny days", "frank conversation"
    lows = [w.lower() for w in after] + [""]
    if low in _VERB_NAMES and nxt in _OBJECTS and lows[1] not in {"and", "n", "&", "or"} \
            and opening:
        return True  # "sue them if they do it again", "chase them up"
    if low in _ABSTRACT and before in _QUANTIFIERS and not _done_by_people(nxt):
        return True  # "no joy from the council", "lost hope"
    if low in _ADJECTIVE_NAMES and before in _BEFORE_AN_ADJECTIVE and nxt in {"with", "about"}:
        return True  # "i was frank with her", "be frank about it"
    if low in _SEASONS - _MODALS and (
            (before in {"with", "now", "as"} and (lows[0] in _SEASON_VERBS or (
                lows[0] in {"is", "s"} and lows[1] in _SEASON_VERBS)))
            or lows[:2] == ["coming", "up"] or lows[0] == "approaching"):
        return True  # "with summer coming", "now winter is here", "summer coming up"
    if (low in _ABSTRACT or low in _WEATHER) and nxt in _COPULAS and lows[1] == "all" \
            and lows[2] in {
            "i", "we", "you", "they", "ive", "weve"} and (
            lows[3] in _HAVING or lows[2] in {"ive", "weve"}):
        return True  # "hope is all i have", "faith is all we got", "rain is all we get"
    if low in _ABSTRACT and nxt == "of":
        return True  # "joy of being free"
    if low in _ABSTRACT and nxt == "in":
        k = 2 if lows[1] in _DETERMINERS else 1
        return lows[k] in _BELIEVED_IN  # "faith in the system", "hope in myself"
    if nxt in _COPULAS:
        if low in _SEASONS and _a_time_said(lows[1:]):
            return True  # "may is exam month", "june is when results come out"
        k = 2 if lows[1] in _DETERMINERS else 1
        predicates = _TIMES | _THINGS if low in _ABSTRACT else _TIMES
        while lows[k] and lows[k] not in predicates and lows[k] not in _SOMETHING \
                and {"adj", "adv"} & parts_of_speech(lows[k]).keys():
            k += 1  # "the very best", "my favourite"
        if low in _ABSTRACT and lows[k] in _SOMETHING and lows[k + 1] in _CLAUSE_SUBJECTS:
            return True  # "destiny is not something i believe in"
        # "summer is the best time of year", "hope is the only thing i have left"
        return lows[k] in predicates
    return False


def _a_time_said(after: list[str]) -> bool:
    """Whether the words after "is" or "was" (``after``, lower case, "" at the end) say what a
    month or a season is: exams, results, a term, a holiday, a birthday or the weather, before
    any word of a person ("may is exam month", "june is when results come out", "april is
    always rainy", "august is my birthday"; not "may is my best mate", "june is in my exam
    class", "summer is my mate and her birthday is soon")."""
    def personal(low: str) -> bool:
        return low in PERSON_NOUNS or low in KIN or low in KIN_FRIENDS or low in KIN_STAFF \
            or low in {"she", "he", "her", "him", "his", "hers"}

    if after[0] == "in" and after[1 + (after[1] == "the")] in _SEASONS - _MODALS:
        # "june is in the summer", "may is in spring" (not "... with her mum", "... with me")
        return not any(personal(low) or low in {"me", "us"} for low in after[:10])
    if not after[0] or after[0] in _NOT_A_TIME:
        return False
    for low in after[:6]:
        if not low or personal(low):
            return False
        if low in _TIME_TOPICS:
            return True
    return False
