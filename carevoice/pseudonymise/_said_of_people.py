"""What is said only of people, read of a word-name at a token: "faith got adopted", "penny is
the nicest social worker", "storm's mum let me stay", "grace n faith are twins".

:func:`_predicated` reads the rules of :data:`_SAID_ANYWHERE` and, at a clause's start, those of
:data:`_SAID_AT_CLAUSE_START`; each rule takes the tokens and the word-name's index. Part of
:class:`carevoice.pseudonymise.names.NameDetector`'s context rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._name_words import (
    _ABSTRACT,
    _ADJECTIVE_NAMES,
    _CLASSES,
    _DOING_FOR,
    _MODALS,
    _PERSON_VERBS,
    _PRONOUNS,
    _SEASONS,
)
from ._tokens import (
    ADVERBS,
    CLAUSE_OPENERS,
    HE_SHE,
    KIN_MODIFIERS,
    NOT_ONLY_PEOPLE,
    STAFF,
    SUBJECT_VERBS,
)
from ._words import FUNCTION_WORDS, KIN, OBJECTS, POSSESSIVES, dictionary_word, frequency
from .lexicons import NOT_PII, ROLE_WORDS, first_names

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._tokens import Cues, Tokens


#: Words before "to" and a verb: "i have to chase my sw", "i want to mark my ...".
_BEFORE_INFINITIVE = frozenset({"have", "has", "had", "want", "wants", "wanted", "need", "needs",
                                "needed", "going", "try", "tries", "tried", "trying", "used",
                                "able", "like", "love", "hate", "hates", "got", "supposed",
                                "allowed", "meant", "ought", "start", "started", "keep"})

#: A person's place after a possessive: "to sky's house", "at storm's party".
_WHOSE_PLACES = frozenset({"house", "flat", "place", "room", "party", "birthday", "mum",
                           "nans", "caravan"})

#: What happens to a person in care, after "got" or "was": "faith got adopted", "jack and
#: frank both got moved" (said of a person, not of a season or a feeling).
_FATES = frozenset(
    """adopted excluded expelled arrested sectioned fostered kicked moved placed suspended
    nicked sacked sent locked married charged transferred put taken""".split())

#: Shifts a member of staff works: "bill on nights is leaving".
_SHIFTS = frozenset({"nights", "lates", "earlies", "nightshift", "nightshifts"})

#: Words after "shes"/"hes" that say who the person is: "rose shes my best mate".
_SAID_OF_A_FRIEND = frozenset({"my", "me", "the", "so", "really", "always", "like", "proper",
                               "well", "dead", "sound", "lovely", "kind", "funny", "amazing"})

#: Where young people live together, after "in my": "angel in my unit keeps ...".
_HOMES = frozenset({"unit", "home", "house", "hostel", "placement", "flat", "room"})


def _paired_with_a_name(sent: Tokens, i: int, names: frozenset[str]) -> bool:
    """Whether the word at token ``i`` and the word it is paired with, one of them a lexicon
    name, are a pair that what follows says only of people: "pip n ruby are my sisters", "ruby
    and opal are the best carers"."""
    def pairable(low: str) -> bool:
        return len(low) >= 3 and low not in FUNCTION_WORDS and low not in ROLE_WORDS \
            and low not in KIN and low not in NOT_PII and low not in _ABSTRACT

    def either_named(a: str, b: str) -> bool:  # "bea and clem": rare words, one no word at all
        return a in names or b in names or (
            (not dictionary_word(a) or not dictionary_word(b))
            and frequency(a) < 2_000 and frequency(b) < 2_000)

    low = sent.lows[i]
    if not pairable(low):
        return False
    if sent.low(i + 1) in ("and", "n", "&") and pairable(sent.low(i + 2)) \
            and either_named(low, sent.low(i + 2)) \
            and (i == 0 or sent.low(i - 1) in CLAUSE_OPENERS):
        k = i + 3
        while k < len(sent) and sent.gap(k) == "-":
            k += 1  # "pip n ruby-may r my sisters"
        return _said_of_a_pair(sent, k)
    return sent.low(i - 1) in ("and", "n", "&") and pairable(sent.low(i - 2)) \
        and either_named(low, sent.low(i - 2)) and _said_of_a_pair(sent, i + 1)


def _said_of_a_pair(sent: Tokens, k: int) -> bool:
    """Whether the words from token ``k``, after two names, are said only of people: "are
    twins", "are my sisters", "on nights are", "were the only ones who"."""
    if sent.low(k) == "on":
        return sent.low(k + 1) in _SHIFTS
    word = sent.low(k + 1)
    return sent.low(k) in ("are", "were", "r") and (
        word in ("twins", "brothers", "sisters", "cousins", "siblings")
        or (word == "the" and sent.low(k + 2) == "only"
            and sent.low(k + 3) in ("ones", "people", "adults")
            and sent.low(k + 4) == "who")  # "were the only ones who stuck up for me"
        or (word in POSSESSIVES and sent.kin_at(k + 1))  # "are her sons"
        or (word == "the" and any(w in KIN or w in STAFF
                                  for w in sent.lows[k + 2:k + 5])))  # "are the best carers"


def _possessive_before_family(sent: Tokens, i: int) -> bool:
    """"storm's mum let me stay": a possessive before a family word."""
    return sent.tokens[i][1] != sent.words[i] and sent.low(i + 1) in ROLE_WORDS \
        and sent.low(i - 1) not in POSSESSIVES


def _whose_home(sent: Tokens, i: int) -> bool:
    """"stayed at kyle's", "went round jade's"."""
    return sent.at_whose(i) and sent.tokens[i][1][-1:] in "sS" and sent.lows[i] not in _SEASONS


def _whose_place_named(sent: Tokens, i: int) -> bool:
    """"i used to go to sky's house"."""
    return sent.tokens[i][1] != sent.words[i] and sent.low(i - 1) in ("to", "at", "round") \
        and sent.low(i + 1) in _WHOSE_PLACES and sent.lows[i] not in _SEASONS


def _role_is(sent: Tokens, i: int) -> bool:
    """"my sw is faith", "my carers are will and grace"."""
    return sent.low(i - 1) in ("is", "was", "are", "were") and sent.role_ends(i - 2) \
        and sent.lows[i] not in _ADJECTIVE_NAMES


def _role_then_verb(sent: Tokens, i: int) -> bool:
    """"my keyworker miles drove me", "auntie may makes pancakes"."""
    k = i + 2 if sent.low(i + 1) in ADVERBS else i + 1
    return (sent.role_ends(i - 1) or sent.low(i - 1) in KIN or (
        sent.low(i - 1) in ROLE_WORDS and sent.low(i - 2) in KIN_MODIFIERS)) \
        and (sent.low(k) in _PERSON_VERBS or sent.low(k) in SUBJECT_VERBS)


def _with_my_staff(sent: Tokens, i: int) -> bool:
    """"with star my mentor" (not "i have to chase my social worker")."""
    return sent.low(i - 1) in ("with", "and", "n", "by", "to") and sent.low(i + 1) == "my" \
        and (sent.low(i + 2) in STAFF or sent.low(i + 3) in STAFF) \
        and not (sent.low(i - 1) == "to" and sent.low(i - 2) in _BEFORE_INFINITIVE)


def _is_my_name(sent: Tokens, i: int) -> bool:
    """"mercy is my real name", "stormy is my nickname"."""
    return sent.low(i + 1) in ("is", "was") and sent.low(i + 2) == "my" \
        and bool({"name", "nickname"} & set(sent.lows[i + 3:i + 5]))


def _family_then_she(sent: Tokens, i: int) -> bool:
    """"my nanna may she makes the best pancakes"."""
    return sent.low(i + 1) in HE_SHE and (sent.low(i - 1) in KIN or sent.role_ends(i - 1))


def _then_said_of_a_friend(sent: Tokens, i: int) -> bool:
    """"i love rose shes my best mate" (not "i hope shes ok")."""
    return sent.low(i + 1) in HE_SHE and sent.low(i + 2) in _SAID_OF_A_FRIEND \
        and sent.low(i - 1) not in _PRONOUNS and sent.lows[i] not in _SEASONS \
        and sent.lows[i] not in _MODALS


def _and_their_family(sent: Tokens, i: int) -> bool:
    """"with summer and her mum", "im with will and his wife", "with fern n her fella"."""
    return sent.low(i + 1) in ("and", "n", "&") and sent.low(i + 2) in ("her", "his", "their") \
        and (sent.low(i + 3) in KIN or sent.low(i + 3) in ("wife", "husband", "fella"))


def _the_staff_member_did(sent: Tokens, i: int) -> bool:
    """"the manager miles lets me take the leftovers"."""
    nxt = sent.low(i + 1)
    return sent.low(i - 1) in STAFF and sent.low(i - 2) == "the" \
        and (nxt in _PERSON_VERBS or nxt in SUBJECT_VERBS or nxt in _DOING_FOR) \
        and nxt not in NOT_ONLY_PEOPLE


def _one_of_a_pair(sent: Tokens, i: int) -> bool:
    """"will and frank on nights are sound": the second of a pair (the first, at a clause's
    start, is :func:`_first_of_a_pair`'s)."""
    return sent.low(i - 1) in ("and", "n", "&") and sent.low(i - 2) in first_names() \
        and _said_of_a_pair(sent, i + 1)


def _first_of_a_pair(sent: Tokens, i: int) -> bool:
    """"grace n faith are twins"."""
    return sent.low(i + 1) in ("and", "n", "&") and sent.low(i + 2) in first_names() \
        and _said_of_a_pair(sent, i + 3)


def _the_staff_after(sent: Tokens, i: int) -> bool:
    """"dawn the iro is the only one who ...", "robin the night staff" (not "hope the staff
    listen": a verb of wishing before its clause)."""
    return sent.low(i + 1) == "the" and sent.lows[i] not in _WISHING \
        and (sent.low(i + 2) in STAFF or sent.low(i + 3) in STAFF)


#: Verbs of wishing that are names too, before a clause: "hope the staff listen".
_WISHING = frozenset({"hope", "trust", "wish", "pray"})


def _my_staff_did(sent: Tokens, i: int) -> bool:
    """"rob my keyworker took me fishing"."""
    return sent.low(i + 1) in ("my", "our") and any(
        sent.low(k) in STAFF and (sent.low(k + 1) in _PERSON_VERBS
                                  or sent.low(k + 1) in SUBJECT_VERBS)
        for k in (i + 2, i + 3))


def _one_of_the_staff(sent: Tokens, i: int) -> bool:
    """"storm one of the staff at ..."."""
    return sent.low(i + 1) == "one" and sent.low(i + 2) == "of" \
        and sent.low(i + 3) in ("the", "my", "our") \
        and (sent.low(i + 4) in STAFF or sent.low(i + 5) in STAFF)


def _in_my_class(sent: Tokens, i: int) -> bool:
    """"jade in my class keeps telling everyone"."""
    return sent.low(i + 1) in ("in", "from") and sent.low(i + 2) in ("my", "our") \
        and sent.low(i + 3) in _CLASSES


def _in_my_unit_did(sent: Tokens, i: int) -> bool:
    """"angel in my unit keeps nicking my charger"."""
    return sent.low(i + 1) in ("in", "at") and sent.low(i + 2) in ("my", "our", "the") \
        and sent.low(i + 3) in _HOMES and (sent.low(i + 4) in ("keeps", "kept")
                                           or sent.low(i + 4) in _PERSON_VERBS)


def _called_someone(sent: Tokens, i: int) -> bool:
    """"brook called me a liar"."""
    return sent.low(i + 1) == "called" and sent.low(i + 2) in OBJECTS


def _got_a_fate(sent: Tokens, i: int) -> bool:
    """"faith got adopted", "jack and frank both got moved"."""
    k = i + 1
    while sent.low(k) in ADVERBS or sent.low(k) == "both":
        k += 1
    return sent.low(k) in ("got", "gets", "get", "was", "were") and sent.low(k + 1) in _FATES


def _on_shifts(sent: Tokens, i: int) -> bool:
    """"bill on nights"."""
    return sent.low(i + 1) == "on" and sent.low(i + 2) in _SHIFTS


def _is_then_she(sent: Tokens, i: int) -> bool:
    """"daisy is kind and she plays uno with me" (not "rocky is my dog and")."""
    return sent.low(i + 1) in ("is", "was") and sent.lows[i] not in _SEASONS \
        and sent.low(i + 2) not in FUNCTION_WORDS and any(
            sent.low(k) == "and" and sent.low(k + 1) in HE_SHE for k in range(i + 3, i + 6))


#: What is said of a person's ways, after "is" or "was" and before "to" someone: "may was
#: nice to me", "june is always kind to us".
_KIND_TO = frozenset(
    """nice kind mean horrible rude lovely sweet nasty harsh horrid cruel friendly helpful
    unkind decent""".split())

#: Year groups: "june is in year 9 with me".
_YEARS = frozenset({"year", "yr", "y", "form", "set"})


def _is_like_a_person(sent: Tokens, i: int) -> bool:
    """"may was nice to me", "june is in year 9 with me", "april is with her mum at the
    weekend": a month, season or modal name before "is" or "was" and what only a person is:
    kind or mean to someone, in a year group, with their family (not "may was nice", "june is
    in the summer", "april is with the easter holidays")."""
    if sent.lows[i] not in _SEASONS or sent.low(i + 1) not in ("is", "was", "were"):
        return False
    k = i + 2
    while sent.low(k) in ADVERBS or sent.low(k) in ("so", "really", "very", "always", "never",
                                                     "not", "well", "proper"):
        k += 1
    nxt, then = sent.low(k), sent.low(k + 1)
    if nxt in _KIND_TO and then == "to" and sent.low(k + 2) in OBJECTS | {"everyone", "people"}:
        return True  # "may was nice to me"
    if nxt == "in" and then in _YEARS and k + 1 < len(sent.tokens):
        start, token = sent.tokens[k + 1]
        return sent.text[start + len(token):].lstrip()[:1].isdigit()  # "june is in year 9"
    return nxt == "with" and then in POSSESSIVES | {"his", "her"} and sent.low(k + 2) in KIN


#: What :func:`_predicated` reads wherever the word stands.
_SAID_ANYWHERE: tuple[Callable[[Tokens, int], bool], ...] = (
    _possessive_before_family, _whose_home, _whose_place_named, _role_is, _role_then_verb,
    _with_my_staff, _is_my_name, _family_then_she, _then_said_of_a_friend, _and_their_family,
    _the_staff_member_did, _one_of_a_pair)

#: What it reads only of a word at a clause's start.
_SAID_AT_CLAUSE_START: tuple[Callable[[Tokens, int], bool], ...] = (
    _first_of_a_pair, _the_staff_after, _my_staff_did, _one_of_the_staff, _in_my_class,
    _in_my_unit_did, _called_someone, _got_a_fate, _on_shifts, _is_then_she,
    _is_like_a_person)


def _predicated(sent: Tokens, i: int, cues: Cues) -> bool:
    """Whether a word-name at token ``i`` is the subject of what is said only of people:
    "faith got adopted", "jack and frank both got moved", "penny is the nicest social
    worker", "chance is my key worker", "storm's mum let me stay", "bill on nights".

    The rules of :data:`_SAID_ANYWHERE`, then, at a clause's start, those of
    :data:`_SAID_AT_CLAUSE_START`, and last whether the word is staff (``is_staff``)."""
    if any(said(sent, i) for said in _SAID_ANYWHERE):
        return True
    if not cues.clause_start:
        return False
    return any(said(sent, i) for said in _SAID_AT_CLAUSE_START) or sent.is_staff(i)
