"""The context rules of a lexicon name that
:meth:`carevoice.pseudonymise.names.NameDetector._score` leaves at 0: who a name is said by,
spoken to, asked or told ("kyle said", "ask will if", "tell dawn to ring me"), what it is called
("her name is april", "they call me jazz"), and what the person does or is ("mercy drove me",
"will helped me", "rob my pa is leaving", "jade king in my class").

Each rule takes the token and what stands around it (:class:`_At`). The order they are tried in
is :data:`carevoice.pseudonymise._lexicon_rules._LEXICON_RULES`; several are tried of words
outside the lexicon too (:mod:`carevoice.pseudonymise._word_rules`). The detector itself reads
:func:`_initial_reporting` (initials before a verb of reporting: "KW said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._name_words import (
    _ABSTRACT,
    _ADJECTIVE_NAMES,
    _AFTER_FULL_NAME,
    _CALLED,
    _CLASSES,
    _DOING_FOR,
    _MODALS,
    _NOT_A_NAME_AFTER_IS,
    _NOT_INITIALS,
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
    CONTACT_VERBS,
    HE_SHE,
    KIN_MODIFIERS,
    NOT_ONLY_PEOPLE,
    ROLE_MODIFIERS,
    STAFF,
    SUBJECT_VERBS,
    tier,
)
from ._words import (
    FUNCTION_WORDS,
    KIN,
    KIN_FRIENDS,
    KIN_STAFF,
    NOT_BEFORE_A_NAME,
    PERSON_NOUNS,
    POSSESSIVES,
    dictionary_word,
    frequency,
    no_word_at_all,
    sentence_initial,
)
from .lexicons import NOT_PII, ROLE_WORDS, countries, parts_of_speech

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._tokens import Cues, Tokens


_ASK = frozenset({"ask", "asked", "asking", "asks"})

#: Words that are no verb and cannot end a clause whose verb was left out: after "my brother
#: will" they make "will" a name ("see my brother will more", "my best mate chastity lol"),
#: where a verb, "too" or a full stop would make it the modal ("my brother will come", "my
#: mum will too").
_NO_VERB_AFTER = frozenset({"more", "loads", "lots", "anymore", "who", "lol", "lmao", "haha",
                            "tbh", "ngl", "btw"})

#: What a carer calls a child that is no name: "my foster mum calls me honey".
_ENDEARMENTS = frozenset(
    """honey love babe baby darling sweetheart sweetie sweetpea hun hunny princess angel petal
    chick duck pet poppet treasure trouble sunshine flower chuck gorgeous beautiful handsome
    kiddo buddy champ mate lad bro sis cupcake munchkin pumpkin bubba""".split())

#: What a person keeps doing to someone, after "keeps": "chase keeps messaging me".
_KEEPS_DOING = frozenset(
    """messaging texting ringing phoning calling shouting asking telling lying visiting hitting
    bullying picking snapchatting taking stealing nicking chasing following annoying kicking
    punching winding""".split())

#: Family words proper (not friends or staff), after "X is my ...": "will is my little brother".
_FAMILY = KIN - KIN_STAFF - KIN_FRIENDS - {"baby", "babies"}

#: What two people do together, after "me n X": "me n hope do baking on sundays".
_WE_DO = frozenset({"do", "go", "went", "are", "were", "play", "played", "both", "share",
                    "shared", "watch", "watched"})

#: Seeing someone, before a name and how often: "see chase once a month".
_SEE = frozenset({"see", "seeing", "visit", "visiting", "visits"})
_HOW_OFTEN = frozenset({"once", "twice", "every", "on", "each", "most", "weekly", "monthly",
                        "fortnightly"})

#: Verb forms no modal verb stands before: after "will" or "may" they make it a name.
_NO_MODAL_BEFORE = (SUBJECT_VERBS | _PERSON_VERBS | _DOING_FOR) - ADVERBS - {"used"}

#: What follows the person told: "i told grace about it", "tell hope thanks from me", "i
#: told grant everything".
_TOLD_WHAT = frozenset({"about", "that", "what", "how", "when", "i", "thanks", "thank", "sorry",
                        "hi", "hiya", "hello", "everything", "anything", "nothing"})


@dataclass(frozen=True)
class _At:
    """A token and what the context rules read around it."""

    sent: Tokens
    i: int
    cues: Cues
    names: frozenset[str]
    family: frozenset[str]

    @property
    def low(self) -> str:
        return self.sent.lows[self.i]

    @property
    def word(self) -> str:
        return self.sent.words[self.i]

    @property
    def lower(self) -> bool:
        return self.sent.words[self.i].islower()

    @property
    def prev(self) -> str:
        return self.sent.low(self.i - 1)

    @property
    def nxt(self) -> str:
        return self.sent.low(self.i + 1)

    @property
    def verb(self) -> str:
        """The word after the token, past an adverb: "kai never rings" -> "rings"."""
        return self.sent.low(self.i + 2) if self.nxt in ADVERBS else self.nxt

    @property
    def shouted(self) -> bool:
        return self.word.isupper() and self.sent.text.upper() == self.sent.text

    @property
    def after(self) -> str:
        """The text after the token."""
        return self.sent.text[self.sent.tokens[self.i][0] + len(self.word):]


def _vocative_capitalised(t: _At) -> bool:
    """"thank u Precious 4 everything"."""
    return _is_capitalised(t.word) and t.cues.vocative \
        and not sentence_initial(t.sent.text, t.sent.tokens[t.i][0])


def _said_by(t: _At) -> bool:
    """"kyle said", in lower case, not after a number ("3 grace said")."""
    start = t.sent.tokens[t.i][0]
    return t.cues.speaker and t.lower and t.prev not in NOT_BEFORE_A_NAME \
        and not re.search(r"\d\s*$", t.sent.text[max(0, start - 12):start])


def _addressed_or_missed(t: _At) -> bool:
    """"summer my little sis", "ask will if", "bev ur ...", "i miss kyle", "i miss rob my big
    brother", "tell angel my old foster mum"."""
    return t.lower and (
        t.cues.kin_after or (t.prev in _ASK and t.nxt in ("if", "whether"))
        or ((t.cues.vocative or t.cues.contact) and tier(t.low) != "A"
            and t.low not in countries())
        or ((t.cues.contact or t.prev in _TOLD) and t.sent.kin_at(t.i + 1)))


def _family_word_before(t: _At) -> bool:
    """"to see my brother will more": no verb follows."""
    return t.lower and t.prev in KIN and t.sent.low(t.i - 2) in POSSESSIVES | KIN_MODIFIERS \
        and t.nxt in _NO_VERB_AFTER


#: Verbs by which an adult's note reports what a child said or wants: "L would like ...",
#: "KW said ...", "A says ...".
_REPORTING = frozenset({"says", "said", "told", "tells", "would", "wants", "wanted", "reports",
                        "reported", "states", "stated", "asked", "asks", "feels", "felt",
                        "explained", "disclosed", "shared", "mentioned", "requested", "agreed",
                        "declined", "refused", "chose", "prefers", "preferred"})


def _initial_reporting(sent: Tokens, i: int) -> bool:
    """One to three capital letters (not "I", nor shorthand such as "YP", "SW", "FC") right
    before a verb of reporting: the initials an adult writes for a child or a worker."""
    word, low = sent.words[i], sent.lows[i]
    if i + 1 >= len(sent) or sent.gap(i + 1) != " ":
        return False
    return word.isalpha() and word.isupper() and len(word) <= 3 and word != "I" \
        and low not in NOT_PII and low not in ROLE_WORDS and low not in _NOT_INITIALS \
        and (len(low) == 1 or (low not in FUNCTION_WORDS and low not in KIN
                               and frequency(low) < 500 and not dictionary_word(low))) \
        and sent.low(i + 1) in _REPORTING  # not "WE SAID", "MUM SAID" in a shouted comment


#: Honorifics written after a name in British South Asian families and beyond: "harjit uncle",
#: "nirosha akka", "raj bhai", "shamima aunty", "sunita ji".
_HONORIFICS_AFTER = frozenset({"akka", "anna", "bhai", "bhaiya", "baji", "apa", "didi", "ji",
                               "uncle", "aunty", "auntie", "sahib", "sahab", "saab"})


def _then_an_honorific(t: _At) -> bool:
    """"nirosha akka taught me", "i miss harjit uncle": a known name, or a word that is no
    English word at all, right before an honorific (not "rich uncle", "papa ji", "my aunty")."""
    low = t.low
    return t.nxt in _HONORIFICS_AFTER and t.sent.gap(t.i + 1) == " " and len(low) >= 3 \
        and low not in KIN and low not in ROLE_WORDS and low not in FUNCTION_WORDS \
        and low not in NOT_PII and frequency(low) < 20_000 \
        and (low in t.names or no_word_at_all(low))


def _asked_for(t: _At) -> bool:
    """"ask for rob hes the manager", "ask for bev in the office", "ask clay, she knows"."""
    sent, i = t.sent, t.i
    return t.lower and (
        (t.prev == "for" and sent.low(i - 2) in _ASK
         and (t.nxt in HE_SHE or i + 1 == len(sent)
              or (t.nxt in ("in", "at", "from", "on") and sent.low(i + 2) == "the")))
        or (t.prev in _ASK and (t.nxt in HE_SHE or sent.gap(i + 1).strip() == ",")
            if i + 1 < len(sent) else False))


def _texted_on_a_number(t: _At) -> bool:
    """"i text mercy on 07700 900482"."""
    return t.lower and (t.cues.contact or t.prev in _TOLD) and t.nxt == "on" \
        and re.match(r"\s+on\s+[+(]?[\do]\d", t.after) is not None


def _told_to(t: _At) -> bool:
    """"tell dawn to ring me", "i miss joy from my old home"."""
    return t.lower and t.low not in _SEASONS and (
        ((t.prev in _TOLD or t.prev in _ASK) and t.nxt == "to")
        or (t.cues.contact and t.nxt == "from"))


def _told_and(t: _At) -> bool:
    """"tell mark and ginny i said thanks"."""
    after = t.sent.low(t.i + 2)
    return t.lower and t.prev in _TOLD and t.nxt in ("and", "n", "&") \
        and (after in t.names or frequency(after) < 2_000) and after not in FUNCTION_WORDS \
        and after not in KIN and after not in ROLE_WORDS and t.low not in _SEASONS


def _seen_how_often(t: _At) -> bool:
    """"i only see chase once a month", "visit will on sundays" (contact with a person, not
    "see hope every day")."""
    return t.lower and t.prev in _SEE and t.nxt in _HOW_OFTEN \
        and (t.low not in _ABSTRACT or t.low in _MODALS) and t.low not in _SEASONS


def _name_is(t: _At) -> bool:
    """"her name is april", "and my name is summer"."""
    return t.lower and t.prev == "is" \
        and t.sent.low(t.i - 2) in ("name", "names", "name's", "nickname") \
        and t.nxt not in ("wrong", "right", "on", "in", "spelt", "spelled") \
        and t.low not in _NOT_A_NAME_AFTER_IS  # "my name is spelt with two As"


def _introduced(t: _At) -> bool:
    """"im jack born in 2009", "i am hope, 15"."""
    return t.lower and t.sent.introduced(t.i) and t.low not in _ADJECTIVE_NAMES


def _subject_of_a_verb(t: _At) -> bool:
    """"jade does my hair", "and jack said"."""
    return t.lower and tier(t.low) != "A" and t.cues.clause_start and t.nxt in SUBJECT_VERBS \
        and t.prev not in NOT_BEFORE_A_NAME


def _shouted_speaker(t: _At) -> bool:
    """"LANCE SAID HE WOULD SORT MY BUS PASS"."""
    return t.shouted and t.cues.speaker and t.cues.clause_start


def _predicated_of_a_person(t: _At) -> bool:
    """"faith got adopted", "chance is my key worker"."""
    return (t.lower or t.shouted) and t.prev not in NOT_BEFORE_A_NAME \
        and _predicated(t.sent, t.i, t.cues)


def _called_me(t: _At) -> bool:
    """"my mum called me val", "they call me jazz" (not "calls me honey")."""
    return t.lower and t.prev == "me" and t.sent.low(t.i - 2) in _CALLED \
        and t.low not in _ABSTRACT and t.low not in _ENDEARMENTS


#: What a writer says after announcing themselves: "its jimmy agen", "it's tia here".
_ANNOUNCED_AFTER = frozenset({"again", "agen", "agn", "agian", "here", "ere"})


def _signed(t: _At) -> bool:
    """"daisy here lol, 15": a comment signed at its start; "its jimmy agen", "it's tia
    here": a writer announcing themselves (not "its summer again", "its may again")."""
    if not t.lower or t.low in _ABSTRACT or t.low in _SEASONS or t.low in _MODALS:
        return False
    return (t.i == 0 and t.nxt == "here") \
        or (t.prev in ("its", "it's") and t.nxt in _ANNOUNCED_AFTER)


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


#: Jobs, after a name and "the": "bob the handyman at the limes".
_JOBS = frozenset({"handyman", "caretaker", "cleaner", "cook", "chef", "receptionist",
                   "driver", "gardener", "janitor", "porter", "warden", "nurse", "doctor",
                   "coach", "dinnerlady", "lollipop", "builder", "plumber", "soldier",
                   "electrician", "hairdresser", "mechanic", "barber", "painter", "labourer"})

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


#: Who, before "was called" and a name: "the last one was called sterling".
_CALLED_WHO = frozenset({"one", "he", "she", "hes", "shes", "worker", "sw", "carer", "iro",
                         "pa", "advocate", "teacher", "manager", "mentor"})


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


def _was_called(t: _At) -> bool:
    """"the last one was called sterling": a person's name after "was called" (not "the home
    was called", "it was called")."""
    sent, i = t.sent, t.i
    return t.lower and t.prev == "called" and sent.low(i - 2) in ("was", "is") \
        and sent.low(i - 3) in _CALLED_WHO and _plain_word(t.low) \
        and frequency(t.low) < 20_000 and t.low not in _ABSTRACT


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


#: Friends and partners a "WORD is my ..." frame names (not staff: "chance is my key worker" is
#: :func:`_predicated_of_a_person`'s).
_FRIEND_HEADS = frozenset({"friend", "frend", "freind", "mate", "bestie", "bezzie", "bezzy",
                           "bestfriend", "bff", "bf", "gf", "boyfriend", "girlfriend", "partner"})

#: Words that may stand between "my" and a family or friend word: "my big sister", "my
#: older foster brother", "my best mate".
_KIN_DESCRIBED = KIN_MODIFIERS | frozenset(
    """elder eldest oldest youngest biological real birth only favourite fave fav bestest
    closest proper actual adopted twin""".split())

#: What may follow the family word of the frame, ending what it says of the name: "marvel is my
#: big sister and i miss her", "rocket is my brother who ...".
_AFTER_THE_FRAME = frozenset(
    """and n & but who whos she he shes hes she's he's her him i im we they lol lmao haha so
    because cos coz bc tho though too aswell as from at x xx innit if when""".split())

#: Things a child calls a friend or family that are no person: "xbox is my best friend".
_NO_PERSON_BEFRIENDED = frozenset(
    """xbox playstation ps4 ps5 switch phone tiktok youtube snapchat snap insta instagram netflix
    food sleep bed pizza chocolate dog cat pet gaming games god allah jesus lord art drawing
    dancing dance boxing gym football netball basketball rugby cricket swimming""".split())

#: Words that order or rank who is listed, before "is my ...": "first is my mum, then my dad",
#: "next is my brother", "oldest is my sister".
_ORDER = frozenset(
    """first second third fourth fifth next last then after before finally another other
    number top main oldest eldest youngest closest favourite fave fav bestest""".split())

#: Verbs of contact or feeling before a name and "she is my ...": "i miss marvel she is my
#: sister", "i live with rocket hes my brother".
_MISSED = frozenset({"miss", "missed", "missing", "love", "loved", "see", "seeing", "saw",
                     "visit", "visited", "met", "meet", "with", "call", "text", "ring", "hug",
                     "like"})


def _framed_word(t: _At) -> bool:
    """Whether the token may be a name in a family frame: a bare word (not a pronoun,
    determiner, family, role or function word, nor one "the", "a" or "my" stands before)."""
    return _bare_word(t.low) and t.prev not in NOT_BEFORE_A_NAME and t.prev not in POSSESSIVES


def _bare_word(low: str) -> bool:
    """:func:`_framed_word` without what stands before the word."""
    return low.isalpha() and len(low) >= 2 \
        and low not in FUNCTION_WORDS and low not in KIN and low not in ROLE_WORDS \
        and low not in NOT_PII and low not in STAFF and low not in HE_SHE \
        and low not in _NO_PERSON_BEFRIENDED and low not in _ORDER and low not in countries() \
        and not (low.endswith("ing") and max(frequency(low[:-3]), frequency(low[:-3] + "e"))
                 >= 20_000)  # "reading is my best friend"


def _family_head_at(sent: Tokens, k: int, friends: bool) -> int:
    """The token of the family (or friend) word after "my" at token ``k``, past what describes
    it ("my big foster sister"), where the clause ends after it; -1 where there is none."""
    if sent.low(k) not in ("my", "our"):
        return -1
    heads = _FAMILY | (_FRIEND_HEADS if friends else frozenset())
    j = k + 1
    while j < min(k + 4, len(sent)) and sent.low(j) in _KIN_DESCRIBED \
            and sent.low(j + 1) in _KIN_DESCRIBED | heads:  # "my twin", "my twin sister"
        j += 1
    if j >= len(sent) or sent.low(j) not in heads or sent.tokens[j][1] != sent.words[j]:
        return -1  # "this is my sister's fault"
    if j + 1 == len(sent) or sent.gap(j + 1).strip()[:1] in (",", ".", "!", "?", ";", ":", "-") \
            or sent.low(j + 1) in _AFTER_THE_FRAME:
        return j
    return -1  # "chelsea is my dad team", "xmas is my nan fav time"


def _is_my_family(t: _At) -> bool:
    """"marvel is my big sister and i miss her", "rocket is my brother", "marvel was my best
    friend": at a clause's start a bare word, "is" or "was", "my" and a family or friend word
    that ends what is said (not "school is my safe place", "mum is my best friend", "chelsea is
    my dad team", "xbox is my best friend", "hope is my only friend")."""
    sent, i = t.sent, t.i
    if not (t.cues.clause_start and t.nxt in ("is", "was") and _framed_word(t)):
        return False
    friends = t.low not in _ABSTRACT and t.low not in _SEASONS
    return _family_head_at(sent, i + 2, friends) >= 0


def _then_she_is_my_family(t: _At) -> bool:
    """"i miss marvel she is my sister", "i live with rocket hes my brother": a bare word after
    a verb of contact, then "she is my" and a family word."""
    sent, i = t.sent, t.i
    if not (t.prev in _MISSED and _framed_word(t) and t.low not in _ABSTRACT):
        return False
    k = i + 1
    if sent.low(k) in ("she", "he") and sent.tokens[k][1] == sent.words[k]:
        k += 1
        if sent.low(k) not in ("is", "was"):
            return False
    elif sent.low(k) not in ("she", "he", "shes", "hes", "she's", "he's"):  # "she's my twin"
        return False
    return _family_head_at(sent, k + 1, friends=True) >= 0


#: What is said of a family member named in apposition: "my brother rocket is 12", "my sister
#: marvel lives in leeds".
_SAID_OF_THE_NAMED = frozenset({"is", "was", "has", "had", "lives", "lived", "said", "says"})

#: Words that stand between a family word and "is" and are no name: "my brother still lives",
#: "my sister tho is", "my brother here is", and pets named after their owner ("my sister
#: hamster is called").
_NOT_APPOSED = frozenset(
    """too tho though here there today now then anyway again already apparently herself
    himself themselves both all only even once probably definitely obviously basically
    sometimes usually mostly also never still always just really hamster puppy kitten rabbit
    bunny fish budgie parrot pony horse snake lizard tortoise""".split())

#: Words that describe a person, in text-speak, at the end of "my sister is ...": slang no
#: suffix shows an adjective.
_SLANG_DESCRIBING = frozenset(
    """peng dench lush mint sound bare buff fit sick jokes calm safe decent wavey bait peak
    neek moist long dead mad vexed gassed hench bless grown minted skint posh sad glad vegan
    veggie vegetarian goals vibes legend hero angel star boss sunshine banter trash gold class
    fire ace brill muslim christian catholic jewish sikh hindu""".split())

_ADJECTIVE_ENDINGS = ("y", "ic", "ed", "ing", "ous", "ful", "ive", "able", "ible", "ish", "al",
                      "less", "ent", "ant", "est", "er")


def _family_head_before(sent: Tokens, j: int) -> bool:
    """Whether token ``j`` is a family or friend word after "my" (and what describes it)."""
    if sent.low(j) not in (_FAMILY | _FRIEND_HEADS) or sent.tokens[j][1] != sent.words[j]:
        return False
    k = j - 1
    while k >= 0 and j - k <= 3 and sent.low(k) in _KIN_DESCRIBED:
        k -= 1
    return sent.low(k) in ("my", "our")


def _family_then_named(t: _At) -> bool:
    """"my brother rocket is 12", "my big sister Marvel lives in leeds": a bare word between
    "my" and a family word and what is said of a person (not "my brother still lives", "my
    sister never calls", "my sister tho is", "my brother hamster is called ...")."""
    sent, i = t.sent, t.i
    low = t.low
    if not (t.nxt in _SAID_OF_THE_NAMED and _family_head_before(sent, i - 1)
            and _framed_word(t)) or low in ADVERBS or low in _NOT_APPOSED \
            or low.endswith("ly") or low in _ABSTRACT or low in _MODALS:
        return False
    if t.nxt in ("is", "was") and sent.low(i + 2) in ("called", "named"):
        return False
    capitalised = _is_capitalised(t.word) and not sentence_initial(sent.text, sent.tokens[i][0])
    return capitalised or frequency(low) < 25_000


def _only_a_noun(low: str) -> bool:
    """Whether ``low`` is a noun in the dictionary and no adjective, adverb, inflected verb,
    thing owned or abstract noun: "rocket", "thunder" (not "vegan", "inside", "sunshine")."""
    pos = parts_of_speech(low)
    return "noun" in pos and "adj" not in pos and "adv" not in pos and not _a_verb_form(low) \
        and low not in _POSSESSIONS and not low.endswith(_NOUN_ENDINGS)


def _family_is_named(t: _At) -> bool:
    """"my best friend is marvel", "my little brother is Rocket.": a rare bare word (or a
    capitalised one inside the sentence), no adjective by its ending or use, that ends "my ...
    sister is" (not "my sister is amazing", "my brother is peng")."""
    sent, i = t.sent, t.i
    low = t.low
    if not (t.prev in ("is", "was") and _family_head_before(sent, i - 2) and _framed_word(t)):
        return False
    capitalised = _is_capitalised(t.word) and not sentence_initial(sent.text, sent.tokens[i][0])
    if low in _SLANG_DESCRIBING or low in _ABSTRACT or low in _NOT_APPOSED or low in _JOBS \
            or frequency(low) >= (100_000 if capitalised else 25_000):
        return False
    if not _only_a_noun(low) and (low.endswith(_ADJECTIVE_ENDINGS)
                                  or (not capitalised and frequency(low) >= 5_000)):
        return False  # "my sister is amazing", "my brother is inside"; not "... is rocket"
    return i + 1 == len(sent) or sent.gap(i + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or t.nxt in ("and", "n", "but", "she", "he", "shes", "hes", "lol", "x", "xx")


#: Verbs that stand for a finite verb after a subject whatever their form: modals,
#: auxiliaries and their text-speak negatives ("my brother rocket can't come", "my sister
#: marvel doesnt ring").
_AUXILIARIES = frozenset(
    """can could will would shall should may might must cant cannot can't couldnt couldn't wont
    won't wouldnt wouldn't shouldnt shouldn't mustnt do does did dont don't doesnt doesn't didnt
    didn't have has had hasnt hasn't havent haven't hadnt is was isnt isn't wasnt wasn't aint
    ain't gets got keeps kept""".split())

#: What a child owns or goes through, which text-speak names before a verb without the
#: possessive and no word list calls common: "my sister placement broke down", "my brother
#: laptop got nicked".
_POSSESSIONS = frozenset(
    """laptop telly tv ipad tablet tablets console scooter moped trampoline charger headphones
    airpods trainers meds medication visa passport appeal hearing case wedding funeral party
    contact visit visits appointment placement assessment review plan""".split())

#: Endings of abstract nouns, never a name: "my brother assessment", "my sister situation".
_NOUN_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ship", "hood", "ance", "ence")


def _a_verb_form(low: str) -> bool:
    """Whether ``low`` is a verb inflected (past tense, "-s", "-ing"), not its base form."""
    lemmas = parts_of_speech(low).get("verb", frozenset())
    return bool(lemmas) and low not in lemmas


def _finite_verb(low: str, after_plural: bool) -> bool:
    """Whether ``low`` can only be read as what a subject does or did: a modal or auxiliary, a
    past tense ("came", "moved"), or after a word that is no plural a verb's "-s" form
    ("plays")."""
    if low in _AUXILIARIES or low in SUBJECT_VERBS:
        return True
    if not _a_verb_form(low) or low.endswith("ing"):
        return False
    return not low.endswith("s") or not after_plural


def _named_in_apposition(t: _At) -> bool:
    """Whether the token, in any case, can be a name set after "my brother": a bare word
    that is no adverb, adjective, inflected verb, plural, thing owned or abstract noun, and not
    common (under 25,000 in the word-frequency list) unless capitalised inside the sentence."""
    low, sent = t.low, t.sent
    pos = parts_of_speech(low)
    if not _framed_word(t) or low in ADVERBS or low in _NOT_APPOSED or low.endswith("ly") \
            or low in _ABSTRACT or low in _MODALS or low in _POSSESSIONS or low in _JOBS \
            or low.endswith(_NOUN_ENDINGS) or "adv" in pos \
            or ("adj" in pos and "noun" not in pos) or _a_verb_form(low) \
            or low not in pos.get("noun", {low}) or low in _SLANG_DESCRIBING \
            or low in _INTERJECTIONS or low in PERSON_NOUNS:
        return False  # "my brother kids came", "my sister lol said", "my brother lad came"
    capitalised = _is_capitalised(t.word) and not sentence_initial(sent.text, sent.tokens[t.i][0])
    return capitalised or frequency(low) < 25_000


def _family_then_did(t: _At) -> bool:
    """"my brother rocket came round", "my sis marvel rang me", "my big bro Bullet always picks
    me up": a name between "my" and a family or friend word and what a person does, past an
    adverb (not "my brother never came round", "my sister just left", "my brother went
    missing", "my sister placement broke down")."""
    sent, i = t.sent, t.i
    if t.nxt in _SAID_OF_THE_NAMED or not _family_head_before(sent, i - 1):
        return False
    skip = t.nxt in ADVERBS or (t.nxt.endswith("ly") and len(t.nxt) > 4) \
        or set(parts_of_speech(t.nxt)) == {"adv"}  # "rocket really misses me"
    verb = sent.low(i + 2) if skip else t.nxt
    if verb in ("called", "named") and sent.low(i + (3 if skip else 2)) \
            not in ("me", "us", "him", "her", "them"):
        return False  # "my brother band called ..."
    return _finite_verb(verb, t.low.endswith("s")) and _named_in_apposition(t)


#: Verbs whose object is a person, beyond :data:`CONTACT_VERBS`: "can i call jenson", "i
#: message aizah", "i used to cuddle zaylee".
_TAKES_A_PERSON = CONTACT_VERBS | frozenset(
    """call calling calls facetime facetimes dm dms snap snaps message messages cuddle
    cuddled cuddling meet meeting met""".split())

#: Slang and text-speak for people, or for why, that is no name: "me and bestie", "the mandem",
#: "i miss it bcoz".
_SLANG_NO_NAME = frozenset(
    """bestie besties bezzie bezzies bezzy bezza mandem gyaldem gyal roadman roadmen bredren
    fam famalam bruv bruvva bredda yall peeps babes bae bro bros sis cuz cuzzy cuzzies
    bcoz bcos becos becuz coz cos cus neva evry evrythin sumthin nuthin nothin hme skl skool
    skwl ppl wiv dem dat dis wot wat""".split())

#: Family and friends said of two people together: "rocket and i are sisters".
_KIN_TOGETHER = frozenset(
    """sisters brothers cousins twins siblings sibs bros sistas cuzzies""".split())
_FRIENDS_TOGETHER = frozenset(
    """friends mates besties bezzies bffs bestfriends bestmates frends freinds""".split())

#: Words between "are" and the family word: "are like sisters", "are best mates".
_TOGETHER_DESCRIBED = _KIN_DESCRIBED | frozenset(
    {"like", "basically", "literally", "practically", "both", "all", "really", "proper",
     "bezzy", "besty"})


def _pair_are_family(t: _At) -> bool:
    """"rocket and i are sisters", "me n rocket are brothers", "marvel and me were best
    mates": a bare word joined to "i" or "me", then "are" or "were" and family or friends that
    end what is said (not "me and my sister are close", "school and i are not friends", "me and
    football are best friends")."""
    sent, i = t.sent, t.i
    joins = ("and", "n", "&", "an")
    if t.nxt in joins and sent.low(i + 2) in ("i", "me") and t.cues.clause_start:
        k = i + 3
    elif (t.prev in joins and sent.low(i - 2) in ("me", "i")
          and (i == 2 or sent.low(i - 3) in CLAUSE_OPENERS)) \
            or (t.prev in ("me", "i") and sent.gap(i).strip() == "&"
                and (i == 1 or sent.low(i - 2) in CLAUSE_OPENERS)):  # "me & nugget"
        k = i + 1
    else:
        return False
    if sent.low(k) not in ("are", "were", "r", "was") or not _bare_word(t.low) \
            or t.low in _NOT_APPOSED or t.low in _SLANG_NO_NAME:  # "me and bestie are mates"
        return False
    j = k + 1
    while j < min(k + 4, len(sent)) and sent.low(j) in _TOGETHER_DESCRIBED:
        j += 1
    head = sent.low(j)
    friends = head in _FRIENDS_TOGETHER or (head in _FRIEND_HEADS and j > k + 1)
    if not (head in _KIN_TOGETHER or friends) or sent.tokens[j][1] != sent.words[j]:
        return False
    if friends and (t.low in _ABSTRACT or t.low in _SEASONS):
        return False
    return j + 1 == len(sent) or sent.gap(j + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or sent.low(j + 1) in _AFTER_THE_FRAME


def _family_called(t: _At) -> bool:
    """"my best friend is called marvel", "my little brother's name is rocket", "my sisters name
    is pebble": a word that ends what a family member or friend is called (not "my brother is
    called names", "my sister was called stupid", "my brothers name is on the list")."""
    sent, i = t.sent, t.i
    if t.prev in ("called", "named") and sent.low(i - 2) in ("is", "was"):
        k = i - 3
        if not _family_head_before(sent, k):
            return False
    elif t.prev == "is" and sent.low(i - 2) in ("name", "nickname"):
        kin = sent.low(i - 3)  # "my brother's name", "my sisters name"
        if kin not in _FAMILY | _FRIEND_HEADS and kin[:-1] not in _FAMILY | _FRIEND_HEADS:
            return False
        k = i - 4
        while k >= 0 and i - 3 - k <= 3 and sent.low(k) in _KIN_DESCRIBED:
            k -= 1
        if sent.low(k) not in ("my", "our"):
            return False
    else:
        return False
    low = t.low
    pos = parts_of_speech(low)
    if not _framed_word(t) or low in _SLANG_DESCRIBING or low in _INSULTS or "adv" in pos \
            or ("adj" in pos and "noun" not in pos) or _a_verb_form(low) \
            or low in ("names", "things", "stuff"):
        return False
    return i + 1 == len(sent) or sent.gap(i + 1).strip()[:1] in (",", ".", "!", "?", ";") \
        or t.nxt in _AFTER_THE_FRAME


#: Words that open a comment or clause in text-speak and are no name: "lol my brother came".
_INTERJECTIONS = _NO_VERB_AFTER | frozenset(
    """omg idk imo yh ye ya yeah yep nah naw ok okay oh ah um erm hmm wow sadly luckily
    thankfully aww ugh wtf smh fr deffo""".split())


#: What a child is called by others that is no name: "my brother was called a liar".
_INSULTS = frozenset(
    """liar snitch grass nerd geek loser slag freak weirdo idiot emo neek scrounger tramp
    chav pikey stupid thick fat ugly""".split())


def _named_then_family_did(t: _At) -> bool:
    """"rocket my brother came round", "marvel my big sister rang me": at a clause's start a
    name, then "my" and a family word and what a person did (not "today my brother came
    round", "school my sister hates")."""
    sent, i = t.sent, t.i
    if not (t.cues.clause_start and t.nxt in ("my", "our")) or t.low in _INTERJECTIONS:
        return False
    k = i + 2
    while k < min(i + 5, len(sent)) and sent.low(k) in _KIN_DESCRIBED \
            and sent.low(k + 1) in _KIN_DESCRIBED | _FAMILY | _FRIEND_HEADS:
        k += 1
    if k + 1 >= len(sent) or sent.low(k) not in (_FAMILY | _FRIEND_HEADS) \
            or sent.tokens[k][1] != sent.words[k] or sent.gap(k + 1).strip():
        return False  # a verb follows the family word, with no comma between
    verb = sent.low(k + 2) if sent.low(k + 1) in ADVERBS else sent.low(k + 1)
    return _finite_verb(verb, after_plural=False) and _named_in_apposition(t)


#: How often or how much someone is seen or missed, after their name: "i want to see my
#: brother rocket more often", "i miss my sister marvel loads".
_HOW_MUCH = _NO_VERB_AFTER | frozenset(
    """again enough often sometimes much so every once twice soon""".split()) - {"who"}


def _family_then_how_often(t: _At) -> bool:
    """"i want to see my brother rocket more often", "i miss my sister marvel loads", "i dont
    see my sister pebble enough": a word set after "my brother" where a verb of keeping in
    touch takes the family word, then how often or how much (not "i want to see my brother
    more often", "i see my brother today more")."""
    sent, i = t.sent, t.i
    if not _family_head_before(sent, i - 1) or not (
            t.nxt in _HOW_MUCH or set(parts_of_speech(t.nxt)) == {"adv"}):
        return False
    k = i - 2
    while k >= 0 and sent.low(k) not in ("my", "our"):
        k -= 1
    return sent.low(k - 1) in _TAKES_A_PERSON and _named_in_apposition(t)
