"""The context rules of a word outside the lexicon, for
:class:`carevoice.pseudonymise.names.NameDetector`: two tried before its ``_unknown`` scores the
word (:data:`_WORD_RULES_FIRST`: initials, "went round tyreese's"), the rest, in order, where it
leaves the word at 0 (:data:`_WORD_RULES`): "my nickname is Bubbles", "i go by Ghost", "my surname
is baker", a rare word said of a person ("maddie got moved out"), a capitalised word one edit
from a verb opening a sentence before what a person does ("Rashed kicked off"), a word with an
apostrophe inside ("Da'Shawn"), a surname before a role ("Walker my key worker"), a lower-case
word its context makes a name (:func:`_lower_context`: "chen from the team", "dinny my cousin")
and a word that is no word where a person is meant (:func:`_taken_as_a_person`: "i miss jaxon",
"i unfollowed tamsin").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ._lexicon_rules import (
    _asked_for_no_word,
    _family_named,
    _named_after_a_role,
    _named_as_my_name,
    _partner_unknown,
    _what_they_call,
    _with_and_their_kin,
)
from ._name_context import _At
from ._name_family import (
    _SLANG_NO_NAME,
    _TAKES_A_PERSON,
    _family_called,
    _family_is_named,
    _family_then_did,
    _family_then_how_often,
    _family_then_named,
    _is_like_family,
    _is_my_family,
    _listed_are_family,
    _named_then_family_did,
    _pair_are_family,
    _then_she_is_my_family,
)
from ._name_said import (
    _ENDEARMENTS,
    _called_by_others,
    _quoted_nickname,
    _then_an_honorific,
    _vocative_quoted,
    _was_called,
)
from ._name_verbs import _introduced_by_role_word, _paired, _surname_then_role
from ._name_words import (
    _APPS,
    _CALLED,
    _DOING_FOR,
    _DONE_ON_PEOPLE,
    _DONE_TO_PEOPLE,
    _NOT_A_NAME_AFTER_IS,
    _NOT_INITIALS,
    _PERSON_VERBS,
    _TOLD,
    _fuzzy_name,
    _is_capitalised,
)
from ._said_of_people import _predicated
from ._tokens import CLAUSE_OPENERS, SUBJECT_VERBS
from ._words import (
    FUNCTION_WORDS,
    KIN,
    NOT_BEFORE_A_NAME,
    PERSON_NOUNS,
    dictionary_word,
    frequency,
    misspelt_word,
    no_word_at_all,
    not_a_word,
    one_edit,
    sentence_initial,
)
from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    WORD_NAMES,
    countries,
    first_names,
    parts_of_speech,
    places_abroad,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._tokens import Cues


#: Where someone at a children's home or service works, after "at the" or "from the".
_WORKPLACES = frozenset({"home", "unit", "team", "house", "hostel", "office", "project",
                         "centre", "center", "school", "college", "club", "service", "base"})


def _verb_form(low: str) -> bool:
    """Whether ``low`` is a common word with "ed" or "ing" added: "texted", "messaging"."""
    return (low.endswith("ed") and any(frequency(stem) >= 20_000 for stem in (low[:-2], low[:-1])
                                       if len(stem) >= 3)) \
        or (low.endswith("ing") and len(low) >= 6 and frequency(low[:-3]) >= 20_000)


def _lower_context(low: str, prev: str, nxt: str, cues: Cues, family: frozenset[str]) -> bool:
    """A lower-case word outside the name lists that its context makes a name: "kemalettin
    from my hostel", "chen from the team", "dinny my cousin", "that smithson woman", "xiaoling
    helped me", "with shaniece", "bev ur the best", "i want to see hodan"."""
    return bool(
        (cues.speaker and (no_word_at_all(low) or (
            low in family and frequency(low) < 2_000 and low not in KIN
            and not dictionary_word(low))))
        or (cues.kin_after and frequency(low) < 500 and not _verb_form(low))  # not "texted my pa"
        or (prev in ("that", "this") and nxt in PERSON_NOUNS and frequency(low) < 2_000
            and not misspelt_word(low))
        or ((nxt in SUBJECT_VERBS or cues.vocative or prev == "with") and len(low) >= 4
            and no_word_at_all(low) and (cues.clause_start or prev == "with"))
        or (cues.vocative and len(low) >= 3 and frequency(low) == 0)
        or (cues.contact and len(low) >= 4 and not_a_word(low) and low not in NOT_PII
            and not _dropped_g(low)))  # not "i miss goin out"


def _initials(t: _At) -> bool:
    """Initials: "jb the head there", "kb from the home", "JD at the unit lent me a tenner"."""
    low, word, nxt = t.low, t.word, t.nxt
    return len(low) == 2 and word.isalpha() and (word.islower() or word.isupper()) \
        and t.cues.clause_start and low not in _NOT_INITIALS and low not in NOT_PII \
        and low not in ROLE_WORDS and frequency(low) < 500 and not dictionary_word(low) \
        and t.prev not in NOT_BEFORE_A_NAME and (
            _predicated(t.sent, t.i, t.cues) or nxt in _PERSON_VERBS
            or nxt in _DOING_FOR
            or (nxt in ("at", "from") and t.sent.low(t.i + 2) == "the"
                and t.sent.low(t.i + 3) in _WORKPLACES))


def _whose_place(t: _At) -> bool:
    """"went round tyreese's after school"."""
    return t.lower and t.sent.at_whose(t.i) and len(t.low) >= 3 and frequency(t.low) == 0 \
        and t.low not in NOT_PII and t.low not in countries()


def _whose_without_apostrophe(t: _At) -> bool:
    """"xmas at hollys was class": whose, without an apostrophe."""
    low = t.low
    return t.lower and t.prev in ("round", "at") and low.endswith("s") and len(low) >= 4 \
        and low[:-1] in t.names and low[:-1] not in WORD_NAMES and low not in ROLE_WORDS \
        and low not in NOT_PII \
        and frequency(low) < 2_000


def _owner_before_family(t: _At) -> bool:
    """"cant stand zorvans dad", "ufuomas mum is nice": a possessive without its apostrophe
    before a family or role word, made of a word no word list knows (not "my mates mum", "the
    skools head")."""
    low = t.low
    return t.lower and low.endswith("s") and len(low) >= 5 \
        and (t.nxt in KIN or t.nxt in ROLE_WORDS) and t.prev not in NOT_BEFORE_A_NAME \
        and t.prev not in ("the", "a", "an", "my", "his", "her", "their", "our", "your", "ur") \
        and frequency(low) < 300 and unusual_word(low[:-1])


def _nickname_is(t: _At) -> bool:
    """"my nickname is Bubbles": a rare or capitalised word (not "my nickname is stupid")."""
    low = t.low
    return t.prev == "is" and t.sent.low(t.i - 2) in ("nickname", "nicknames") \
        and low not in FUNCTION_WORDS and low not in NOT_PII and len(low) >= 3 \
        and (t.word[:1].isupper() or frequency(low) < 20_000)


_GO = frozenset({"go", "goes", "went", "going", "gone"})

_TRAVEL = frozenset({"bus", "car", "train", "tram", "taxi", "foot", "bike", "road", "rail",
                     "coach", "plane", "boat", "ferry", "lorry", "van"})


def _goes_by(t: _At) -> bool:
    """"i go by Ghost on road", "she goes by Tee": the name someone answers to, capitalised
    where the sentence does not begin, or no dictionary word (not "i go by bus", "goes by
    quickly", "go by the rules")."""
    low = t.low
    return t.prev == "by" and t.sent.low(t.i - 2) in _GO and len(low) >= 2 \
        and low not in FUNCTION_WORDS and low not in NOT_PII and low not in _TRAVEL \
        and low not in ROLE_WORDS and not low.endswith("ly") \
        and (_is_capitalised(t.word) or not dictionary_word(low)) \
        and not sentence_initial(t.sent.text, t.sent.tokens[t.i][0])


def _real_name_is(t: _At) -> bool:
    """"my real name is marigold" (not "my name is wrong")."""
    low = t.low
    return t.lower and t.prev == "is" and t.sent.low(t.i - 2) == "name" \
        and t.sent.low(t.i - 3) in ("my", "real", "first", "middle", "her", "his") \
        and low not in FUNCTION_WORDS and low not in NOT_PII and len(low) >= 3 \
        and frequency(low) < 20_000 and t.nxt not in _NOT_A_NAME_AFTER_IS \
        and low not in _NOT_A_NAME_AFTER_IS


def _surname_is(t: _At) -> bool:
    """"my surname is baker"."""
    return t.prev == "is" and t.sent.low(t.i - 2) in ("name", "surname", "nickname") \
        and (t.low in t.family or not_a_word(t.low)) and t.low not in NOT_PII \
        and t.nxt not in ("wrong", "right", "differently", "incorrectly")


def _rare_word_predicated(t: _At) -> bool:
    """"maddie got moved out", "my sw is kerys", "... is sharron"."""
    low = t.low
    return t.lower and (not_a_word(low) or frequency(low) < 200) and not dictionary_word(low) \
        and low not in NOT_PII and not re.search(r"(.)\1\1", low) \
        and t.prev not in NOT_BEFORE_A_NAME and _predicated(t.sent, t.i, t.cues) \
        and (not_a_word(low) or (not misspelt_word(low) and bool(_fuzzy_name(low))))


def _staff_member(t: _At) -> bool:
    """"frost is my key worker at the willows"."""
    return t.lower and t.cues.clause_start and t.sent.is_staff(t.i) and len(t.low) >= 3 \
        and t.low not in NOT_PII and t.low not in countries()


def _misspelt_on_a_number(t: _At) -> bool:
    """"text daisey on 07700 ...": a misspelt name, then a number."""
    low = t.low
    return t.lower and (t.cues.contact or t.prev in _TOLD) and t.nxt == "on" \
        and not dictionary_word(low) and len(low) >= 3 and low not in NOT_PII \
        and re.match(r"\s+on\s+[+(]?[\do]\d", t.after) is not None


def _called_me_no_word(t: _At) -> bool:
    """"my mum called me val": a name that is no word."""
    low = t.low
    return t.lower and t.prev == "me" and t.sent.low(t.i - 2) in _CALLED and len(low) >= 3 \
        and not dictionary_word(low) and low not in NOT_PII


@functools.cache
def _only_verbs_near(low: str) -> bool:
    """Whether every common word (1,500 or more) one edit from ``low`` that is no first name is
    a verb or an adjective and nothing else, and one is: "rashed" ("washed", "rushed"), a name
    not a misspelling of a subject ("evryone", "peple", "freinds", "nobdy": a noun or pronoun
    one edit away) nor of an adverb ("realy", "finaly")."""
    names = first_names()
    near = [e for e in one_edit(low) if frequency(e) >= 1_500 and e not in names]
    return bool(near) and all(
        (pos := set(parts_of_speech(e))) and pos <= {"verb", "adj"} for e in near)


def _misspelt_like_a_name_did(t: _At) -> bool:
    """"Waleed ran off from the unit", "and Rashed kicked off": a capitalised word that opens a
    sentence or clause, no word at all but one edit from a verb or an adjective (so
    :meth:`~carevoice.pseudonymise.names.NameDetector._unknown` read it as a misspelling), before
    what a person does (not "Evryone laughed", "Peple stared", "Realy helped")."""
    low = t.low
    if not (_is_capitalised(t.word) and low.isalpha() and len(low) >= 5 and t.cues.clause_start) \
            or frequency(low) or dictionary_word(low) or low in NOT_PII or low in countries() \
            or low in places_abroad():
        return False
    verb = t.verb
    return (verb in SUBJECT_VERBS or verb in _PERSON_VERBS or verb in _DOING_FOR or (
        verb.endswith("ed") and _verb_form(verb))) and _only_verbs_near(low)


#: Words written with an apostrophe inside that are no one's name: "o'clock", "y'all".
_APOSTROPHE_WORDS = frozenset(
    """o'clock c'mon y'all ya'll ma'am y'know s'pose d'you g'night ne'er e'er o'er li'l
    l'oreal c'est d'oh s'mores p'raps n'all s'all hallowe'en fo'c'sle rock'n'roll""".split())

#: What follows an apostrophe put in the wrong place in a contraction: "did'nt", "hav'ent".
_CONTRACTED = frozenset({"nt", "ent", "ve", "re", "ll", "am", "em", "im"})

_APOSTROPHE = re.compile(r"['\u2019]")


def _name_with_an_apostrophe(t: _At) -> bool:
    """"my mates Ma'isah and Jo", "Da'Shawn came round", "ma'isah is my best mate", "O'Connor
    my PA": a word with an apostrophe inside that is no contraction, no word and not a word
    put after a letter ("y'all", "o'clock", "did'nt", "O'level"), unless capitalised after a
    capital ("O'Day")."""
    parts = _APOSTROPHE.split(t.word)
    if len(parts) != 2 or not all(p.isalpha() for p in parts) or len(parts[1]) < 3 \
            or t.low.replace("\u2019", "'") in _APOSTROPHE_WORDS:
        return False
    head, tail = parts
    low_tail = tail.lower()
    if low_tail in _CONTRACTED or dictionary_word((head + tail).lower()):
        return False
    return (head[:1].isupper() and tail[:1].isupper()) or (
        not dictionary_word(low_tail) and frequency(low_tail) < 20_000)


def _in_lower_context(t: _At) -> bool:
    """:func:`_lower_context`."""
    return t.lower and _lower_context(t.low, t.prev, t.nxt, t.cues, t.family)


def _surname_speaker(t: _At) -> bool:
    """"Hargreaves said no to the trip"."""
    low = t.low
    return _is_capitalised(t.word) and t.cues.speaker and low in t.family \
        and frequency(low) < 2_000 and not dictionary_word(low)


#: Words before "with" and a person: "i live with brooklynn", "i hang out with tionne", "i
#: feel safe with demarco" (not "help me with coursework", "banking with monzo").
_WITH_A_PERSON = frozenset(
    """live lives lived living stay stays stayed staying play plays played playing out chill
    chills chilled chilling safe happy friends mates sleep slept share shared sharing along
    go goes went going come came coming moved move talk talked talking""".split())

#: Verbs before "to" whose object is a person: "i talk to teagan", "i speak to rhylee".
_TALK = frozenset({"talk", "talks", "talked", "talking", "speak", "speaks", "spoke",
                   "speaking", "chat", "chats", "chatted", "chatting"})

#: Going round to someone's: "we go to zaine's", "i like going to keyon's house".
_GOING = frozenset({"go", "goes", "went", "going", "gone", "come", "came", "coming", "stay",
                    "stayed", "staying", "sleep", "slept"})

_VOWELS = frozenset("aeiouy")


@functools.cache
def _near_a_word(low: str) -> bool:
    """Whether ``low`` is one edit from a common word (1,500 or more in the word-frequency
    list) that is no first name, and from no first name: "stool" for "skool", "every" for
    "evry" (not "jason" for "jaxon", nor "maiden" for "kaiden", one edit from "aiden" too: a
    name's spelling)."""
    names = first_names()
    edits = one_edit(low)
    return any(frequency(e) >= 1_500 and e not in names for e in edits) \
        and not any(len(e) >= 4 and e in names for e in edits)


def _compound(low: str) -> bool:
    """Whether ``low`` is two common words (1,500 or more each) that are no first names:
    "coursework" (not "brooklynn")."""
    names = first_names()
    return any(frequency(a) >= 1_500 and frequency(b) >= 1_500 and a not in names
               and b not in names for a, b in ((low[:k], low[k:]) for k in range(3, len(low) - 2)))


def _dropped_g(low: str) -> bool:
    """Whether ``low`` is a common word ending "ing" written without its "g": "goin", "bein"."""
    return low.endswith("in") and frequency(low + "g") >= 1_500


def _plural_of_a_word(low: str, pos: dict) -> bool:
    """Whether ``low`` is the plural of a word in a word list: "tenancies", "caseloads"."""
    if not low.endswith("s"):
        return False
    if any(lemma != low for lemma in pos.get("noun", ())):
        return True
    stems = (low[:-1], low[:-2] if low.endswith("es") else "",
             low[:-3] + "y" if low.endswith("ies") else "")
    return any(stem and frequency(stem) > 0 for stem in stems)


def unusual_word(low: str) -> bool:
    """Whether ``low`` is a word of four letters or more that no English word list knows and
    no common word is one edit from: a modern first name or spelling ("jaxon", "nevaeh",
    "oakley"), not a misspelling ("skool", "evry"), a dropped "g" ("goin"), text-speak ("bcoz",
    "ppl"), the plural of a word ("caseloads"), two words ("coursework"), a place abroad
    ("jamaica") or a brand ("xbox")."""
    pos = parts_of_speech(low)
    return low.isalpha() and len(low) >= 4 and bool(_VOWELS.intersection(low)) \
        and frequency(low) < 300 and not pos.keys() & {"verb", "adj", "adv"} \
        and not _plural_of_a_word(low, pos) \
        and low not in NOT_PII and low not in FUNCTION_WORDS and low not in KIN \
        and low not in ROLE_WORDS and low not in _SLANG_NO_NAME and low not in countries() \
        and low not in places_abroad() \
        and not re.search(r"(.)\1\1", low) \
        and low not in _ENDEARMENTS and not _dropped_g(low) and not _compound(low) \
        and not _near_a_word(low)


def _done_to(t: _At) -> bool:
    """Whether token ``t`` stands where what people do to someone puts the person, online or off
    ("unfollowed", "muted", "ghosted", "punched", "snitched on"; :data:`_DONE_TO_PEOPLE`), and is
    no app ("reported omegle")."""
    return (t.prev in _DONE_TO_PEOPLE or (
        t.prev == "on" and t.sent.low(t.i - 2) in _DONE_ON_PEOPLE)) and t.low not in _APPS


def _taken_as_a_person(t: _At) -> bool:
    """"i miss jaxon loads", "want to see rayden more", "i live with brooklynn", "i talk to
    teagan", "we go to zaine's", "me and leyton", "zakai and me go", "i unfollowed tamsin",
    "snitched on delroy": a lower-case :func:`unusual_word` where a verb or "with" takes a
    person, or paired with the speaker (not "i miss skool", "visit kfc", "i miss goin out", "me
    and bestie", "blocked omegle")."""
    sent, i, prev = t.sent, t.i, t.prev
    if not t.lower or t.prev in NOT_BEFORE_A_NAME:
        return False
    framed = prev in _TAKES_A_PERSON or _done_to(t) \
        or (prev in ("with", "wiv") and sent.low(i - 2) in _WITH_A_PERSON) \
        or (prev == "to" and sent.low(i - 2) in _TALK) \
        or (prev == "to" and sent.low(i - 2) in _GOING and sent.tokens[i][1] != sent.words[i]) \
        or (prev in ("and", "n", "&") and sent.low(i - 2) in ("me", "i")
            and (i == 2 or sent.low(i - 3) in CLAUSE_OPENERS | _TAKES_A_PERSON)) \
        or (t.nxt in ("and", "n", "&") and sent.low(i + 2) in ("me", "i")
            and t.cues.clause_start and prev not in ("and", "n", "&"))  # not "x and y and i"
    return framed and unusual_word(t.low)


#: The rules tried before :meth:`NameDetector._unknown`.
_WORD_RULES_FIRST: tuple[tuple[float, str, Callable[[_At], bool]], ...] = (
    (0.5, "context", _initials),
    (0.5, "context", _whose_place),
)

#: The rules tried where :meth:`NameDetector._unknown` leaves a word at 0, in order.
_WORD_RULES: tuple[tuple[float, str, Callable[[_At], bool]], ...] = (
    (0.5, "context", _whose_without_apostrophe),
    (0.5, "context", _owner_before_family),
    (0.5, "context", _nickname_is),
    (0.5, "context", _goes_by),
    (0.5, "context", _real_name_is),
    (0.5, "context", _surname_is),
    (0.5, "context", _rare_word_predicated),
    (0.5, "context", _staff_member),
    (0.45, "context", _misspelt_like_a_name_did),
    (0.55, "context", _name_with_an_apostrophe),
    (0.5, "context", _surname_then_role),
    (0.5, "context", _is_my_family),
    (0.5, "context", _is_like_family),
    (0.5, "context", _then_she_is_my_family),
    (0.5, "context", _family_then_named),
    (0.5, "context", _family_is_named),
    (0.5, "context", _family_then_did),
    (0.5, "context", _family_then_how_often),
    (0.5, "context", _named_then_family_did),
    (0.5, "context", _pair_are_family),
    (0.5, "context", _listed_are_family),
    (0.5, "context", _family_called),
    (0.5, "context", _paired),
    (0.5, "context", _misspelt_on_a_number),
    (0.5, "context", _called_me_no_word),
    (0.5, "context", _called_by_others),
    (0.5, "context", _quoted_nickname),
    (0.5, "context", _vocative_quoted),
    (0.45, "context", _in_lower_context),
    (0.5, "context", _taken_as_a_person),
    (0.5, "context", _surname_speaker),
    (0.5, "context", _named_after_a_role),
    (0.5, "context", _partner_unknown),
    (0.5, "context", _with_and_their_kin),
    (0.5, "context", _asked_for_no_word),
    (0.5, "context", _introduced_by_role_word),
    (0.5, "context", _was_called),
    (0.5, "context", _what_they_call),
    (0.5, "context", _named_as_my_name),
    (0.5, "context", _family_named),
    (0.5, "context", _then_an_honorific),
)
