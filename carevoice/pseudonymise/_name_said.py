"""The context rules of a name by who it is said by, spoken to, asked or told ("kyle said",
"ask will if", "tell dawn to ring me", "i miss kyle"), and what it is called ("her name is april",
"they call me jazz", "the last one was called sterling", "its jimmy agen").

Each rule takes the token and what stands around it
(:class:`carevoice.pseudonymise._name_context._At`); the order they are tried in is
:data:`carevoice.pseudonymise._lexicon_rules._LEXICON_RULES`. The detector itself reads
:func:`_initial_reporting` (initials before a verb of reporting: "KW said").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._name_context import _At
from ._name_words import (
    _ABSTRACT,
    _ADJECTIVE_NAMES,
    _CALLED,
    _MODALS,
    _NOT_A_NAME_AFTER_IS,
    _NOT_INITIALS,
    _SEASONS,
    _TOLD,
    _is_capitalised,
    _plain_word,
)
from ._tokens import HE_SHE, tier
from ._words import (
    FUNCTION_WORDS,
    KIN,
    NOT_BEFORE_A_NAME,
    dictionary_word,
    frequency,
    no_word_at_all,
    sentence_initial,
)
from .lexicons import NOT_PII, ROLE_WORDS, countries, parts_of_speech

if TYPE_CHECKING:
    from ._tokens import Tokens


_ASK = frozenset({"ask", "asked", "asking", "asks"})

#: What a carer calls a child that is no name: "my foster mum calls me honey".
_ENDEARMENTS = frozenset(
    """honey love babe baby darling sweetheart sweetie sweetpea hun hunny princess angel petal
    chick duck pet poppet treasure trouble sunshine flower chuck gorgeous beautiful handsome
    kiddo buddy champ mate lad bro sis cupcake munchkin pumpkin bubba babes bruv blud hon huni
    hunni lovey honeybun bestie""".split())

#: Seeing someone, before a name and how often: "see chase once a month".
_SEE = frozenset({"see", "seeing", "visit", "visiting", "visits"})

_HOW_OFTEN = frozenset({"once", "twice", "every", "on", "each", "most", "weekly", "monthly",
                        "fortnightly"})


def _vocative_capitalised(t: _At) -> bool:
    """"thank u Precious 4 everything"."""
    return _is_capitalised(t.word) and t.cues.vocative \
        and not sentence_initial(t.sent.text, t.sent.tokens[t.i][0])


#: Verbs said to someone as an order, after their name opening quoted speech: "tamsin get in
#: the car", "orrin come here".
_ORDERS = frozenset(
    """get come go stop sit stand shut give put look listen leave hurry wait calm move run pick
    take bring tell grab turn hold let stay keep open close eat dont don't behave quit chill
    pack clean tidy answer ring call text""".split())

#: Words between such a name and the order: "tamsin please get in the car".
_BEFORE_AN_ORDER = frozenset({"please", "just", "pls", "plz", "now", "quick"})


#: Words after "ur" or "your" that make it "you're": "ur not going out", "your so rude".
_AFTER_YOURE = frozenset(
    """not so such a an never always just only too really still being going gonna getting
    doing coming staying grounded my mine no nothing all""".split())

#: Words that open quoted speech addressed to no one by name: verbs before a clause ("hope
#: you're ok", "bet ur not") and exclamations ("christ you are slow", "lucky you are here").
_NOT_SPOKEN_TO = frozenset(
    """hope bet reckon guess swear trust pray wish promise mean think know glad sure bless lucky
    christ blimey crikey goodness heaven heavens gosh jeez jeeze geez omg bloody flipping
    blooming damn dammit""".split())


def _told_what_they_are(sent: Tokens, k: int) -> bool:
    """Whether the words from token ``k`` tell someone what they are or must do: "ur not",
    "your so rude" (for "you're"), "you're", "you are", "u r", "you need to"."""
    nxt, nxt2 = sent.low(k), sent.low(k + 1)
    return nxt in ("youre", "you're", "u're", "ure") or (
        nxt in ("ur", "your", "yur") and nxt2 in _AFTER_YOURE) or (
        nxt in ("you", "u", "ya") and nxt2 in ("are", "r", "were", "need", "have", "cant",
                                               "can't", "wont", "won't", "must", "should",
                                               "better", "never", "always", "dont", "don't",
                                               "aint", "ain't"))


def _vocative_quoted(t: _At) -> bool:
    """"she was like “tamsin get in the car”", "he said 'orrin come here'", "she goes
    "blessing ur not going out"": a name opening quoted speech, before an order or words that
    tell the one spoken to what they are ("ur not", "you are", "you need to"). A listed name or
    a word that is no dictionary word ("mum get in", "guys come here", "you get in", "babe ur
    so funny", "hope you're ok", "christ get in" are not names)."""
    from .lexicons import first_names

    sent, i, low = t.sent, t.i, t.low
    if not t.lower or len(low) < 3 or low in FUNCTION_WORDS or low in KIN or low in ROLE_WORDS \
            or low in _ENDEARMENTS or low in _MODALS or low in _NOT_SPOKEN_TO \
            or (dictionary_word(low) and low not in first_names()):
        return False
    gap = sent.text[:sent.tokens[i][0]] if i == 0 else sent.gap(i)
    if gap[-1:] not in _OPENING_QUOTES or (i and not (
            gap[:-1] and gap[:-1].strip(" :,") == "")):
        return False  # the quote opens right before the name, after a space or a colon
    if i + 1 >= len(sent) or sent.gap(i + 1).strip() not in ("", ","):
        return False
    if _told_what_they_are(sent, i + 1):
        return True
    k = i + 1
    while k < len(sent) and sent.lows[k] in _BEFORE_AN_ORDER:
        k += 1
    return k < len(sent) and sent.lows[k] in _ORDERS


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


def _shouted_speaker(t: _At) -> bool:
    """"LANCE SAID HE WOULD SORT MY BUS PASS"."""
    return t.shouted and t.cues.speaker and t.cues.clause_start


def _called_me(t: _At) -> bool:
    """"my mum called me val", "they call me jazz" (not "calls me honey")."""
    return t.lower and t.prev == "me" and t.sent.low(t.i - 2) in _CALLED \
        and t.low not in _ABSTRACT and t.low not in _ENDEARMENTS


#: Who, before "call(s) me", names a nickname others use: "everyone calls me bubbles", "they
#: call me fudge at school", "the lads always call him tank".
_CALLERS = frozenset({"everyone", "everybody", "every1", "evry1", "they", "people", "ppl",
                      "mates", "friends", "lads", "girls", "boys", "kids", "staff", "all"})

#: Words between the callers and "call": "they all call me ...", "everyone still calls me ...".
_CALL_ADVERBS = frozenset({"all", "always", "still", "just", "now", "even", "usually",
                           "mostly", "literally", "basically"})

#: Words after "call me" that are no nickname: "they call me names", "they call me out".
_NO_NICKNAME = frozenset({"names", "out", "back", "up", "over", "later", "every", "everyday",
                          "sometimes", "often", "stuff", "things", "everything", "nothing",
                          "anything", "something", "loads", "lots", "twice", "once", "daily",
                          "weekly", "late", "early", "tomorrow", "tonight", "today"})

#: Words that may follow a nickname given as others use it: "they call me fudge at school".
_AFTER_A_NICKNAME = frozenset({"at", "in", "on", "cos", "coz", "cus", "because", "bc", "and",
                               "but", "lol", "lmao", "now", "here", "there", "since", "round",
                               "around", "online", "too", "as", "for", "which", "innit"})


def _called_by_others(t: _At) -> bool:
    """"everyone calls me bubbles", "they call me fudge at school", "the lads all call him
    tank": any word others call someone by, at a clause's end (not "they call me names", "they
    call me a liar", "everyone calls me back later"); not an adjective that is no first name
    ("they call me stupid at school": what they say of someone, which is no nickname)."""
    sent, i, low = t.sent, t.i, t.low
    if not t.lower or t.prev not in ("me", "him", "her") \
            or sent.low(i - 2) not in ("call", "calls", "called") or len(low) < 3 \
            or low in FUNCTION_WORDS or low in _NO_NICKNAME or low in NOT_PII or low in KIN \
            or low in ROLE_WORDS or ("adj" in parts_of_speech(low) and low not in t.names):
        return False  # "they call me stupid", "fat", "weird": what they say, not who
    k = i - 3
    while k > 0 and sent.low(k) in _CALL_ADVERBS and sent.low(k - 1) in _CALLERS:
        k -= 1  # "they all call me", "everyone still calls me"
    return sent.low(k) in _CALLERS and (
        i + 1 == len(sent) or sent.gap(i + 1).strip()[:1] in (",", ".", "!", "?", ";")
        or t.nxt in _AFTER_A_NICKNAME)


#: Quotation marks that open and close a nickname: "calls me 'moose'", "calls me “spud”".
_OPENING_QUOTES = frozenset("'\"\u2018\u201c")
_CLOSING_QUOTES = frozenset("'\"\u2019\u201d")


def quoted_nickname(sent: Tokens, i: int) -> bool:
    """Whether token ``i`` of ``sent`` is a nickname in quotation marks after "call(s) me",
    whoever the caller ("my foster dad calls me 'moose'", "nan calls me “spud”"): the quotes
    mark the word as what someone is called, even a listed word ("pip"). Not an endearment
    ("calls me 'trouble'"), a word that is no nickname ("names", "back") nor an adjective
    that is no first name ("calls me 'lazy'": what is said of someone, not who they are)."""
    from .lexicons import first_names

    low = sent.lows[i]
    if i < 2 or not sent.words[i].islower() or len(low) < 2 \
            or sent.low(i - 1) not in ("me", "him", "her", "us") \
            or sent.low(i - 2) not in _CALLED or low in FUNCTION_WORDS or low in _NO_NICKNAME \
            or low in _ENDEARMENTS or low in KIN or low in ROLE_WORDS \
            or ("adj" in parts_of_speech(low) and low not in first_names()):
        return False
    before = sent.gap(i).strip()
    start, word = sent.tokens[i]
    after = sent.text[start + len(word):].lstrip()
    return before[-1:] in _OPENING_QUOTES and after[:1] in _CLOSING_QUOTES


def _quoted_nickname(t: _At) -> bool:
    """"my foster dad calls me 'moose'" (:func:`quoted_nickname`)."""
    return quoted_nickname(t.sent, t.i)


#: What a writer says after announcing themselves: "its jimmy agen", "it's tia here".
_ANNOUNCED_AFTER = frozenset({"again", "agen", "agn", "agian", "here", "ere"})


def _signed(t: _At) -> bool:
    """"daisy here lol, 15": a comment signed at its start; "its jimmy agen", "it's tia
    here": a writer announcing themselves (not "its summer again", "its may again")."""
    if not t.lower or t.low in _ABSTRACT or t.low in _SEASONS or t.low in _MODALS:
        return False
    return (t.i == 0 and t.nxt == "here") \
        or (t.prev in ("its", "it's") and t.nxt in _ANNOUNCED_AFTER)


#: Who, before "was called" and a name: "the last one was called sterling".
_CALLED_WHO = frozenset({"one", "he", "she", "hes", "shes", "worker", "sw", "carer", "iro",
                         "pa", "advocate", "teacher", "manager", "mentor"})


def _was_called(t: _At) -> bool:
    """"the last one was called sterling": a person's name after "was called" (not "the home
    was called", "it was called")."""
    sent, i = t.sent, t.i
    return t.lower and t.prev == "called" and sent.low(i - 2) in ("was", "is") \
        and sent.low(i - 3) in _CALLED_WHO and _plain_word(t.low) \
        and frequency(t.low) < 20_000 and t.low not in _ABSTRACT
