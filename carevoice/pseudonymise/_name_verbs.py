"""The context rules of a name by what the person does or is: a verb said of a person ("mercy
drove me", "jade does my hair", "rich got me into college"), a modal read as a name before what no
modal stands before ("will helped me", "may may be moving out"), a role beside the name ("rob my
pa is leaving", "gem the housing officer", "Walker my key worker is leaving"), a full name ("jade
king in my class") and a name after what is done only to people online ("i blocked kyle").

Each rule takes the token and what stands around it
(:class:`carevoice.pseudonymise._name_context._At`); the order they are tried in is
:data:`carevoice.pseudonymise._lexicon_rules._LEXICON_RULES`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._name_context import _FAMILY, _JOBS, _At
from ._name_words import (
    _ABSTRACT,
    _AFTER_FULL_NAME,
    _CLASSES,
    _DOING_FOR,
    _DONE_ON_PEOPLE,
    _DONE_ONLINE,
    _MODALS,
    _NOT_AFTER_A_ROLE,
    _PERSON_VERBS,
    _SEASONS,
    _SURNAME_WORDS,
    _TOLD,
    _USED_AS_WORDS,
    _is_capitalised,
    _plain_word,
)
from ._said_of_people import _paired_with_a_name, _predicated
from ._tokens import (
    ADVERBS,
    CLAUSE_OPENERS,
    NOT_ONLY_PEOPLE,
    ROLE_MODIFIERS,
    STAFF,
    SUBJECT_VERBS,
    tier,
)
from ._words import (
    FUNCTION_WORDS,
    KIN,
    NOT_BEFORE_A_NAME,
    POSSESSIVES,
    frequency,
    sentence_initial,
)
from .lexicons import NOT_PII, ROLE_WORDS, parts_of_speech

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._tokens import Cues, Tokens


#: What a person keeps doing to someone, after "keeps": "chase keeps messaging me".
_KEEPS_DOING = frozenset(
    """messaging texting ringing phoning calling shouting asking telling lying visiting hitting
    bullying picking snapchatting taking stealing nicking chasing following annoying kicking
    punching winding""".split())

#: What two people do together, after "me n X": "me n hope do baking on sundays".
_WE_DO = frozenset({"do", "go", "went", "are", "were", "play", "played", "both", "share",
                    "shared", "watch", "watched"})

#: Verb forms no modal verb stands before: after "will" or "may" they make it a name.
_NO_MODAL_BEFORE = (SUBJECT_VERBS | _PERSON_VERBS | _DOING_FOR) - ADVERBS - {"used"}

#: What follows the person told: "i told grace about it", "tell hope thanks from me", "i
#: told grant everything".
_TOLD_WHAT = frozenset({"about", "that", "what", "how", "when", "i", "thanks", "thank", "sorry",
                        "hi", "hiya", "hello", "everything", "anything", "nothing"})


def _subject_of_a_verb(t: _At) -> bool:
    """"jade does my hair", "and jack said"."""
    return t.lower and tier(t.low) != "A" and t.cues.clause_start and t.nxt in SUBJECT_VERBS \
        and t.prev not in NOT_BEFORE_A_NAME


def _predicated_of_a_person(t: _At) -> bool:
    """"faith got adopted", "chance is my key worker"."""
    return (t.lower or t.shouted) and t.prev not in NOT_BEFORE_A_NAME \
        and _predicated(t.sent, t.i, t.cues)


def _paired(t: _At) -> bool:
    """"ruby and opal are the best carers"."""
    return t.lower and _paired_with_a_name(t.sent, t.i, t.names)


def _my_role_then(t: _At, then: Callable[[Tokens, int], bool]) -> bool:
    """Whether a name stands before "my" or "our" and a role that ends within four words at
    some token ``k`` for which ``then(tokens, k)`` holds (what follows the role)."""
    sent = t.sent
    return t.lower and t.nxt in ("my", "our") and t.low not in _USED_AS_WORDS and any(
        sent.role_ends(k) and then(sent, k) for k in range(t.i + 2, min(t.i + 6, len(sent))))


def _role_after(t: _At) -> bool:
    """"not even sky my social worker", "kai my sw, he ...": the role ends a clause."""
    return _my_role_then(t, lambda sent, k: k + 1 == len(sent)
                         or sent.gap(k + 1).strip()[:1] in (",", ".", "!"))


#: Words between "the" and a role in an apposition: "gem the housing officer".
_ROLE_KINDS = frozenset({"housing", "duty", "new", "old", "leaving", "care", "team", "school",
                         "home", "unit", "night", "day"})


def _the_role_after(t: _At) -> bool:
    """"gem the housing officer not so much", "kaz the manager said no": at a clause's start a
    name, then "the" and a role."""
    sent, i = t.sent, t.i
    if not (t.lower and t.cues.clause_start and t.nxt == "the") \
            or t.low in _USED_AS_WORDS:
        return False
    for k in range(i + 2, min(i + 5, len(sent))):
        if sent.low(k) in ROLE_WORDS or sent.low(k) in STAFF or sent.low(k) in _JOBS:
            return True
        if sent.low(k) not in ROLE_MODIFIERS and sent.low(k) not in _ROLE_KINDS:
            return False
    return False


#: What is said of a person after a role, besides the verbs of :data:`SUBJECT_VERBS` and
#: :data:`_PERSON_VERBS`: "Grey the PA didnt turn up".
_NOT_DONE = frozenset({"wasnt", "wasn't", "isnt", "isn't", "hasnt", "hasn't", "didnt", "didn't",
                       "doesnt", "doesn't", "cant", "can't", "wont", "won't", "never", "is",
                       "was", "has"})


def _role_in_apposition(sent: Tokens, i: int) -> int | None:
    """The last token of the role that follows token ``i`` and "my", "our" or "the" ("my
    social worker", "the new IRO"), if one does."""
    the = sent.low(i + 1) == "the"
    for k in range(i + 2, min(i + 6, len(sent))):
        low = sent.low(k)
        if (not the and sent.role_ends(k)) or (the and (low in ROLE_WORDS or low in STAFF
                                                        or low in _JOBS)):
            while k + 1 < len(sent) and sent.gap(k + 1) == " " and (
                    sent.role_ends(k + 1) if not the else sent.low(k + 1) in ROLE_WORDS):
                k += 1  # "my key worker", "the key worker"
            return k
        if the and low not in ROLE_MODIFIERS and low not in _ROLE_KINDS:
            return None
    return None


def _surname_before_a_role(sent: Tokens, i: int, family: frozenset[str]) -> bool:
    """Whether token ``i`` is a surname, capitalised, that opens a sentence or clause before a
    comma perhaps, "my", "our" or "the" and a role, and what is said of a person: "Walker my
    key worker is leaving", "Baker, my advocate, rang", "Grey the PA didnt turn up" (a surname
    that is also a word: a colour or a trade). Not "Yesterday my social worker came",
    "Honestly my carer is great", "Then my PA cancelled": no surname, or an adverb."""
    word, low = sent.words[i], sent.lows[i]
    if not _is_capitalised(word) or i + 3 > len(sent) \
            or sent.gap(i + 1).strip() not in ("", ",") \
            or sent.low(i + 1) not in ("my", "our", "the") \
            or not (sentence_initial(sent.text, sent.tokens[i][0])
                    or sent.low(i - 1) in CLAUSE_OPENERS):
        return False
    pos = parts_of_speech(low)
    if not (low in _SURNAME_WORDS or (low in family and "adj" not in pos)) or "adv" in pos \
            or low in FUNCTION_WORDS or low in KIN or low in ROLE_WORDS or low in _USED_AS_WORDS \
            or low in _NOT_AFTER_A_ROLE or low.endswith("ly"):
        return False
    k = _role_in_apposition(sent, i)
    if k is None:
        return False
    if k + 1 == len(sent) or sent.gap(k + 1).strip()[:1] in (",", ".", "!"):
        return True
    verb = sent.low(k + 2) if sent.low(k + 1) in ADVERBS else sent.low(k + 1)
    return verb in SUBJECT_VERBS or verb in _PERSON_VERBS or verb in _NOT_DONE or (
        verb.endswith("ed") and "verb" in parts_of_speech(verb))  # "moved", "cancelled"


def _surname_then_role(t: _At) -> bool:
    """:func:`_surname_before_a_role`."""
    return _surname_before_a_role(t.sent, t.i, t.family)


def _then_he_did(t: _At) -> bool:
    """"especially dean, he takes us fishing": a name, a comma, then "he" or "she" and what
    people do (not "in may, she moved")."""
    sent, i = t.sent, t.i
    return t.lower and i + 2 < len(sent) and sent.gap(i + 1).strip() == "," \
        and t.nxt in ("he", "she", "hes", "shes") \
        and (sent.low(i + 2) in SUBJECT_VERBS or sent.low(i + 2) in _PERSON_VERBS
             or sent.low(i + 2) in _DOING_FOR) \
        and t.prev not in NOT_BEFORE_A_NAME and t.prev not in ("in", "on", "at", "by", "since") \
        and t.low not in _USED_AS_WORDS


def _introduced_by_role(t: _At) -> bool:
    """"dee my sw from stockport council hasnt visited", "rob my pa is leaving": at a clause's
    start a name, who they are, then where they are from or what they did."""
    return t.cues.clause_start and _my_role_then(
        t, lambda sent, k: sent.low(k + 1) in ("from", "at", "hasnt", "hasn't")
        or sent.low(k + 1) in SUBJECT_VERBS or sent.low(k + 1) in _PERSON_VERBS)


def _introduced_by_role_word(t: _At) -> bool:
    """:func:`_introduced_by_role` for a word outside the lexicon, if rare: "dee my sw from"."""
    return _plain_word(t.low) and frequency(t.low) < 5_000 and _introduced_by_role(t)


def _full_name_at(sent: Tokens, i: int, cues: Cues, family: frozenset[str]) -> bool:
    """Whether the lexicon name at token ``i`` and the surname-like word after it, both in
    lower case, name a person by what stands around them: a role before ("my pa rob hunter
    is"), or at a clause's start "is the ... teacher", "who does", "in my class"."""
    if i + 2 > len(sent) or sent.gap(i + 1) != " " or not sent.tokens[i + 1][1].islower():
        return False
    sur, after = sent.low(i + 1), sent.low(i + 2)
    if (sur not in family and sur not in _SURNAME_WORDS) or sur in FUNCTION_WORDS \
            or sur in ROLE_WORDS or sur in NOT_PII:
        return False
    if sent.role_ends(i - 1):
        return i + 2 == len(sent) or after in _AFTER_FULL_NAME or after in SUBJECT_VERBS \
            or after in _PERSON_VERBS
    if not (cues.clause_start or sent.low(i - 1) in ("its", "thats")):
        return False
    return (after == "who" and (sent.low(i + 3) in SUBJECT_VERBS
                                or sent.low(i + 3) in _PERSON_VERBS)) or (
        after in ("is", "was") and sent.low(i + 3) in ("the", "my", "our")
        and bool(STAFF.intersection(sent.lows[i + 4:i + 7]))) or (
        after in ("in", "from") and sent.low(i + 3) in ("my", "our")
        and sent.low(i + 4) in _CLASSES)


def _full_name(t: _At) -> bool:
    """"my pa rob hunter is ...", "summer brooks is the best teacher", "its mark baker who does
    my plan", "jade king in my class"."""
    return t.lower and _full_name_at(t.sent, t.i, t.cues, t.family)


def _modal_before_a_modal(t: _At) -> bool:
    """"may may be moving out", "my mate will will tell u", "will is my little brother": a modal
    stands before neither a modal nor "is"."""
    sent, i = t.sent, t.i
    return t.lower and (t.cues.clause_start or sent.role_ends(i - 1)) and t.low in _MODALS and (
        t.nxt in _MODALS or (t.nxt in ("is", "was") and sent.kin_at(i + 2)
                             and bool(_FAMILY.intersection(sent.lows[i + 3:i + 6]))))


def _modal_before_a_past(t: _At) -> bool:
    """"will helped me", "will was crying": no modal stands before a past tense or "is" (but
    "may was cold" is the month)."""
    return t.lower and t.cues.clause_start and t.low in _MODALS \
        and t.prev not in NOT_BEFORE_A_NAME and t.nxt in _NO_MODAL_BEFORE \
        and not (t.low in _SEASONS and t.nxt in NOT_ONLY_PEOPLE)


def _modal_before_was(t: _At) -> bool:
    """"without asking will was the only one": inside a clause too, no modal stands before
    "was" or "is" (not "my will was read", "the will is", "may was cold")."""
    return t.lower and t.low in _MODALS and t.nxt in ("was", "is", "has", "were") \
        and t.prev not in NOT_BEFORE_A_NAME and t.prev not in POSSESSIVES \
        and t.prev not in ("the", "a", "free", "good", "ill", "own", "last") \
        and t.low not in _SEASONS


def _who_did(t: _At) -> bool:
    """"summer who runs the youth club": who, not which."""
    after = t.sent.low(t.i + 2)
    return t.lower and t.nxt == "who" and t.prev not in NOT_BEFORE_A_NAME \
        and (after in SUBJECT_VERBS or after in _PERSON_VERBS)


def _from_somewhere_did(t: _At) -> bool:
    """"sunny from become helped me", "summer from next steps took us" (not "hope from my
    family got me through")."""
    sent, i = t.sent, t.i
    return t.lower and t.cues.clause_start and t.nxt == "from" and t.low not in _ABSTRACT \
        and t.low not in _SEASONS and any(
            (sent.low(k) in _DOING_FOR or sent.low(k) in _PERSON_VERBS)
            and sent.low(k + 1) in ("me", "us", "my")
            and not FUNCTION_WORDS.intersection(sent.lows[i + 2:k])
            for k in range(i + 3, min(i + 6, len(sent))))


#: Who someone is, after "is the only" or "is my": "is the only adult i trust".
_SOMEONE = frozenset({"adult", "person", "one", "staff", "worker", "grown", "teacher", "woman",
                      "man", "lady", "bloke"})


def _at_the_place_is(t: _At) -> bool:
    """"rob at the hive is the only adult i actually trust", "bev at the centre rang me", "grace
    at sunnyside always made me tea": a name, where they are, then what is said of a person
    (not "hope at the end was ...")."""
    sent, i = t.sent, t.i
    k = i + 3 if sent.low(i + 2) == "the" else i + 2  # "at the hive", "at sunnyside"
    if not (t.lower and t.cues.clause_start and t.nxt == "at") \
            or t.low in _USED_AS_WORDS \
            or sent.low(k) in FUNCTION_WORDS or sent.low(k) in NOT_PII:
        return False
    k = k + 2 if sent.low(k + 1) in ADVERBS else k + 1
    verb, after = sent.low(k), sent.low(k + 1)
    if verb in ("is", "was") and after in ("the", "my"):
        return any(w in STAFF or w in _SOMEONE for w in sent.lows[k + 2:k + 5])
    return (verb in _PERSON_VERBS or verb in _DOING_FOR or verb in SUBJECT_VERBS) \
        and after in ("me", "us", "my")


def _did_for_me(t: _At) -> bool:
    """"rich got me into college", "ray takes me to the match" (not "hope got me through
    it")."""
    return t.lower and t.cues.clause_start and t.verb in _DOING_FOR \
        and t.sent.low(t.i + (3 if t.nxt in ADVERBS else 2)) in ("me", "us") \
        and t.low not in _ABSTRACT and t.low not in _SEASONS


def _did_what_people_do(t: _At) -> bool:
    """"mercy drove me", "chase keeps messaging me", "me n will got told off", "me an rosie got
    moved", "i told grace about it", "tell hope thanks"."""
    sent, i, verb = t.sent, t.i, t.verb
    return t.lower and (
        (t.cues.clause_start and verb in _PERSON_VERBS)
        or (t.cues.clause_start and t.nxt in ("keeps", "kept") and t.low not in _SEASONS
            and sent.low(i + 2) in _KEEPS_DOING)
        or (t.prev in ("and", "n", "an") and sent.low(i - 2) == "me"
            and (verb in _PERSON_VERBS or verb in SUBJECT_VERBS or verb in _WE_DO))
        or (t.prev in _TOLD and t.nxt in _TOLD_WHAT))


def _with_me(t: _At) -> bool:
    """"will and me got split up", "me faith and rocky go to the den" (and so, joined to it,
    "rocky")."""
    sent, i = t.sent, t.i
    return t.lower and (
        (t.cues.clause_start and t.nxt in ("and", "n") and sent.low(i + 2) == "me"
         and (sent.low(i + 3) in _PERSON_VERBS or sent.low(i + 3) in SUBJECT_VERBS
              or sent.low(i + 3) in _WE_DO))
        or (t.prev == "me" and (i == 1 or sent.low(i - 2) in CLAUSE_OPENERS)
            and t.nxt in ("and", "n") and (sent.low(i + 3) in _WE_DO
                                           or sent.low(i + 3) in SUBJECT_VERBS)))


def _blocked_or_told_on(t: _At) -> bool:
    """"i blocked kyle", "ghosted jade", "snitched on jack": a name that is sometimes a word
    (no ordinary word: not "i blocked grace", "tagged summer") after what is done only to
    people online, or after telling on someone."""
    return t.lower and tier(t.low) == "B" and t.low not in _USED_AS_WORDS and (
        t.prev in _DONE_ONLINE or (t.prev == "on" and t.sent.low(t.i - 2) in _DONE_ON_PEOPLE))
