"""The context rules of a lexicon name in the order
:class:`carevoice.pseudonymise.names.NameDetector` tries them (:data:`_LEXICON_RULES`), and the
rules, tried of words outside the lexicon too, about a name next to a role, a partner or a family
word ("uncle dusty", "her fella deano", "with fern and her dad", "the baker family"), double
names, a name put right ("danielle no donna") and what someone is called ("tiny is what everyone
calls my foster dad").

The first rules of the table are those of :mod:`carevoice.pseudonymise._name_said`,
:mod:`carevoice.pseudonymise._name_verbs` and :mod:`carevoice.pseudonymise._name_family`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._name_context import _At
from ._name_family import (
    _family_called,
    _family_is_named,
    _family_then_did,
    _family_then_named,
    _family_word_before,
    _is_like_family,
    _is_my_family,
    _listed_are_family,
    _named_then_family_did,
    _pair_are_family,
    _then_she_is_my_family,
)
from ._name_said import (
    _addressed_or_missed,
    _asked_for,
    _called_by_others,
    _called_me,
    _introduced,
    _name_is,
    _said_by,
    _seen_how_often,
    _shouted_speaker,
    _signed,
    _texted_on_a_number,
    _then_an_honorific,
    _told_and,
    _told_to,
    _vocative_capitalised,
    _vocative_quoted,
    _was_called,
)
from ._name_verbs import (
    _at_the_place_is,
    _blocked_or_told_on,
    _did_for_me,
    _did_what_people_do,
    _from_somewhere_did,
    _full_name,
    _introduced_by_role,
    _modal_before_a_modal,
    _modal_before_a_past,
    _modal_before_was,
    _paired,
    _predicated_of_a_person,
    _role_after,
    _subject_of_a_verb,
    _surname_then_role,
    _the_role_after,
    _then_he_did,
    _who_did,
    _with_me,
)
from ._name_words import (
    _ABSTRACT,
    _MODALS,
    _PERSON_VERBS,
    _SEASONS,
    _USED_AS_WORDS,
    _fuzzy_name,
    _hyphenated_surname,
    _plain_word,
)
from ._said_of_people import _and_their_family, _is_my_name
from ._tokens import KIN_MODIFIERS, ROLE_MODIFIERS, SUBJECT_VERBS
from ._words import (
    FUNCTION_WORDS,
    KIN,
    NOT_BEFORE_A_NAME,
    POSSESSIVES,
    dictionary_word,
    frequency,
    not_a_word,
)
from .lexicons import NOT_PII, ROLE_WORDS, WORD_NAMES, first_names, uk_places

if TYPE_CHECKING:
    from collections.abc import Callable


#: Kin words (and a coach) used as titles before a first name: "uncle dusty", "coach sid".
_TITLE_KIN = frozenset({"uncle", "auntie", "aunty", "aunt", "coach"})

#: Negated auxiliaries, said of a subject like a verb: "the last one mark didnt even know".
_NEGATED = frozenset({"didnt", "didn't", "doesnt", "doesn't", "hasnt", "hasn't", "wont",
                      "won't", "cant", "can't", "isnt", "isn't", "wasnt", "wasn't", "wouldnt",
                      "wouldn't", "never"})


def _named_after_a_role(t: _At) -> bool:
    """"uncle dusty used to take me fishing", "my sw dee is sound": a word between an uncle or
    auntie (or a role) and a verb said of people (not "my uncle also said", "my sw visit was":
    a common word after a role makes a compound)."""
    low, sent, i = t.low, t.sent, t.i
    if not t.lower or not _plain_word(low) or i == 0 \
            or sent.tokens[i - 1][1].lower() != t.prev or t.prev.endswith("s"):
        return False  # not "my aunt's allowance was", "my carers landline is": whose
    if not ((t.prev in _TITLE_KIN and frequency(low) < 20_000)
            or (sent.role_ends(i - 1) and frequency(low) < 5_000 and (
                low in t.family or not dictionary_word(low)))):
        return False  # a role and a common word make a compound: "my sw visit was"
    return t.verb in SUBJECT_VERBS or t.verb in _PERSON_VERBS or t.nxt in _NEGATED


def _nickname_of_a_name(low: str) -> bool:
    """Whether ``low`` is a first name with a nickname's ending: "deano", "robbo", "jonno",
    "gazza", "marty" (a name's start and "y")."""
    names = first_names()
    for suffix in ("o", "y", "ie", "a"):
        stem = low[:-len(suffix)]
        if not low.endswith(suffix) or len(stem) < 3:
            continue
        if stem in names or (stem[-1] == stem[-2] and stem[:-1] in names):
            return True
        if suffix == "y" and any(n.startswith(stem) and len(n) > len(stem) for n in names):
            return True
    return False


def _partner_unknown(t: _At) -> bool:
    """"her fella deano n i never", "my mate robbo", "my little brother kaiden more": no word at
    all (or a name's spelling) after someone's partner, friend or family word."""
    low = t.word.lower()  # as written: the tokens read "deano" as the name "dean"
    if t.prev in KIN_MODIFIERS or t.prev in ROLE_MODIFIERS:
        return False  # "my foster bruvvers": a modifier before its noun
    return t.lower and (t.sent.role_ends(t.i - 1) or (
        t.prev in ("fella", "bloke", "missus", "man") and t.sent.low(t.i - 2) in POSSESSIVES)) \
        and _plain_word(low) and frequency(low) == 0 and not dictionary_word(low) \
        and not re.search(r"(.)\1\1", low) \
        and (not_a_word(low) or _nickname_of_a_name(low) or bool(_fuzzy_name(low)))


def _with_and_their_kin(t: _At) -> bool:
    """"with fern and her dad", "im with reg and his wife": someone with their own family
    (not "with dinner and her mum": a common word)."""
    return t.lower and t.prev in ("with", "wiv") and _and_their_family(t.sent, t.i) \
        and _plain_word(t.low) and frequency(t.low) < 20_000 and t.low not in _ABSTRACT \
        and t.low not in _SEASONS


#: Words before "family" that say what kind of family, not whose: "the whole family".
_KINDS_OF_FAMILY = frozenset(
    """whole same right wrong perfect foster host adoptive adopted birth royal nice lovely good
    bad rich poor young big little happy normal real proper extended entire biological blood
    forever loving kind new old first last next other previous current emergency respite long
    short black white brown green only second third placement kinship fostering""".split())


def _hyphenated_names(t: _At) -> bool:
    """"im ruby-may fletcher-wood": two first names joined by a hyphen make a double name,
    whatever words they are on their own."""
    sent, i = t.sent, t.i
    return i + 1 < len(sent) and sent.gap(i + 1) == "-" and t.nxt in t.names \
        and sent.words[i + 1].islower() == t.word.islower() \
        and not (t.nxt in FUNCTION_WORDS and t.nxt not in WORD_NAMES) \
        and (i == 0 or sent.gap(i) != "-")


def _family_named(t: _At) -> bool:
    """"i was placed with the baker family in holt": a surname before "family" (not "the
    whole family", "the foster family")."""
    return t.prev == "the" and t.nxt == "family" and t.low in t.family \
        and t.low not in _KINDS_OF_FAMILY and t.low not in FUNCTION_WORDS \
        and t.low not in ROLE_WORDS and t.low not in NOT_PII


def _the_new_one(t: _At) -> bool:
    """"the new one dawn never rings back": a name after "the new one" (a worker just spoken
    of) and before what people do."""
    return t.lower and t.prev == "one" and t.sent.low(t.i - 2) in ("new", "old", "last", "next") \
        and t.sent.low(t.i - 3) == "the" and (t.verb in SUBJECT_VERBS or t.verb in _PERSON_VERBS
                                              or t.nxt in _NEGATED) \
        and t.low not in _MODALS and t.low not in _ABSTRACT and t.low not in FUNCTION_WORDS


def _what_they_call(t: _At) -> bool:
    """"tiny is what everyone calls my foster dad": a word said to be what someone is called
    (not "that is what they call it": a function word)."""
    sent, i = t.sent, t.i
    return t.cues.clause_start and t.nxt in ("is", "was") and sent.low(i + 2) == "what" \
        and any(sent.low(k) in ("calls", "call", "called") for k in range(i + 3, i + 6)) \
        and _plain_word(t.low)


def _named_as_my_name(t: _At) -> bool:
    """"stormy is my nickname", "marigold was my real name": any word said to be one's name
    at a clause's start."""
    return t.cues.clause_start and _is_my_name(t.sent, t.i) and _plain_word(t.low)


def _pair_with(t: _At) -> bool:
    """"i was in foster with rose and frank": two first names joined after "with", ending a
    clause (not "with hope and faith", "with may and june")."""
    sent, i = t.sent, t.i
    other = sent.low(i + 2)
    return t.lower and t.prev in ("with", "wiv") and t.nxt in ("and", "n", "&") \
        and other in t.names and (i + 3 == len(sent) or sent.gap(i + 3).strip()[:1] in ",.!?")\
        and not ({t.low, other} & (_USED_AS_WORDS | FUNCTION_WORDS))


def _named_with_double_surname(t: _At) -> bool:
    """"my social worker will hardy-stone is leaving": a first name after a role, then a
    double-barrelled surname."""
    return t.lower and t.sent.role_ends(t.i - 1) \
        and _hyphenated_surname(t.sent, t.i + 1, t.family, True)


def _asked_for_no_word(t: _At) -> bool:
    """"ask for marty" (:func:`_asked_for`, a word outside the lexicon that is no word)."""
    low = t.low
    return _asked_for(t) and _plain_word(low) and not dictionary_word(low) \
        and frequency(low) < 2_000


#: Words after "from" that make it a time: "my brother will from now on".
_FROM_WHEN = frozenset({"now", "then", "today", "tomorrow", "tonight", "next", "this", "that",
                        "day", "time", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday"})


def _kin_from(t: _At) -> bool:
    """"my mate will from bolton said": a name between "my mate" and "from" (not "my brother
    will from now on")."""
    return t.lower and t.prev in KIN and t.sent.low(t.i - 2) in POSSESSIVES | KIN_MODIFIERS \
        and t.nxt == "from" and t.sent.low(t.i + 2) not in _FROM_WHEN \
        and t.sent.low(t.i + 2) not in FUNCTION_WORDS


def _went_to_a_town(t: _At) -> bool:
    """"and penny went to hull": a name at a clause's start that went or moved to a town (not
    "and summer went to ...", "hope went")."""
    return t.lower and t.cues.clause_start and t.nxt in ("went", "moved", "goes", "gone") \
        and t.sent.low(t.i + 2) == "to" and t.sent.low(t.i + 3) in uk_places() \
        and t.low not in _USED_AS_WORDS \
        and t.low not in FUNCTION_WORDS


#: What a speaker says before putting a name right: "danielle no donna", "kai i mean kyle".
_CORRECTIONS = (("no",), ("sorry",), ("i", "mean"), ("or",), ("not",), ("no", "sorry"),
                ("well",))


def _corrected_to(t: _At) -> bool:
    """"my social worker was danielle no donna": a name said right after another name and a
    correction, as people speak (and transcripts write)."""
    for cue in _CORRECTIONS:
        k = t.i - len(cue)
        if tuple(t.sent.low(k + n) for n in range(len(cue))) == cue \
                and t.sent.low(k - 1) in t.names and t.sent.low(k - 1) not in WORD_NAMES \
                and not dictionary_word(t.sent.low(k - 1)):
            return True
    return False


#: How a person feels or what they do when upset, said with no verb in a young child's
#: short sentences: "lily sad", "poppy happy now", "rose cried".
_FEELINGS = frozenset(
    """sad happy cross angry mad upset scared frightened worried lonely poorly ill sick tired
    excited nervous grumpy naughty shy jealous cried cries crying sulking""".split())

#: What may follow such a feeling in the same short sentence.
_AFTER_A_FEELING = frozenset({"now", "today", "again", "too", "and", "n", "cos", "coz", "cus",
                              "because", "becos", "when", "at", "about", "all", "lots", "a",
                              "always", "sometimes", "still", "wen", "bcos", "of", "cause"})


def _feeling_at_clause_start(t: _At) -> bool:
    """"lily sad. want mummy", "L says: poppy happy now", "and rose cried": a lower-case name
    that is also a word, opening a clause with no article, right before a feeling (a flower, a
    gem or a season is not sad; not "hope", "will", "summer": words more often used as words)."""
    if not (t.lower and t.cues.clause_start and t.nxt in _FEELINGS) or t.low in _USED_AS_WORDS \
            or t.prev in NOT_BEFORE_A_NAME:
        return False
    k = t.i + 2  # what follows the feeling: the sentence's end, or a word that goes on with it
    return k >= len(t.sent) or t.sent.gap(k).strip()[:1] in (".", "!", "?", ",", ";", ":") \
        or t.sent.lows[k] in _AFTER_A_FEELING


#: The context rules of a lexicon name, tried in order: (score, rule, applies).
_LEXICON_RULES: tuple[tuple[float, str, Callable[[_At], bool]], ...] = (
    (0.6, "context", _vocative_capitalised),
    (0.55, "context", _vocative_quoted),
    (0.5, "lexicon", _said_by),
    (0.55, "context", _addressed_or_missed),
    (0.55, "context", _family_word_before),
    (0.55, "context", _then_an_honorific),
    (0.55, "context", _asked_for),
    (0.55, "context", _texted_on_a_number),
    (0.55, "context", _told_to),
    (0.55, "context", _told_and),
    (0.55, "context", _seen_how_often),
    (0.55, "context", _name_is),
    (0.55, "context", _introduced),
    (0.5, "context", _subject_of_a_verb),
    (0.5, "context", _shouted_speaker),
    (0.55, "context", _predicated_of_a_person),
    (0.55, "context", _called_me),
    (0.55, "context", _called_by_others),
    (0.5, "context", _signed),
    (0.55, "context", _paired),
    (0.5, "context", _role_after),
    (0.5, "context", _introduced_by_role),
    (0.5, "context", _the_role_after),
    (0.5, "context", _surname_then_role),
    (0.5, "context", _was_called),
    (0.5, "context", _then_he_did),
    (0.5, "context", _what_they_call),
    (0.55, "context", _pair_with),
    (0.55, "context", _named_with_double_surname),
    (0.55, "full_name", _full_name),
    (0.5, "context", _modal_before_a_modal),
    (0.5, "context", _is_my_family),
    (0.5, "context", _is_like_family),
    (0.5, "context", _then_she_is_my_family),
    (0.5, "context", _family_then_named),
    (0.5, "context", _family_is_named),
    (0.5, "context", _family_then_did),
    (0.5, "context", _named_then_family_did),
    (0.5, "context", _pair_are_family),
    (0.5, "context", _listed_are_family),
    (0.5, "context", _family_called),
    (0.5, "context", _modal_before_a_past),
    (0.5, "context", _modal_before_was),
    (0.5, "context", _who_did),
    (0.5, "context", _from_somewhere_did),
    (0.5, "context", _at_the_place_is),
    (0.5, "context", _did_for_me),
    (0.5, "context", _did_what_people_do),
    (0.55, "context", _with_me),
    (0.5, "context", _blocked_or_told_on),
    (0.5, "context", _kin_from),
    (0.5, "context", _went_to_a_town),
    (0.5, "context", _partner_unknown),
    (0.5, "context", _with_and_their_kin),
    (0.5, "context", _family_named),
    (0.5, "context", _the_new_one),
    (0.5, "context", _hyphenated_names),
    (0.5, "context", _corrected_to),
    (0.5, "context", _feeling_at_clause_start),
)
