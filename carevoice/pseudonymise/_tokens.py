"""How the name rules read a comment's words: :class:`Tokens` (the words, in lower case, with
possessives read) and the :class:`Cues` around each of them, with the word lists they use.

Part of :class:`carevoice.pseudonymise.names.NameDetector`; kept apart so that the detector and
its rules (``_name_context`` and the frames of ``_name_said``, ``_name_verbs`` and
``_name_family``; ``_lexicon_rules``, ``_word_rules``, ``_said_of_people``) hold what makes a word a
name and this module how the words around a token are read.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ._words import (
    FUNCTION_WORDS,
    KIN,
    OBJECTS,
    ORG_NOUNS,
    PERSON_NOUNS,
    POSSESSIVES,
    WORD_TOKEN,
    frequency,
    not_a_word,
    sentence_initial,
)
from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    WORD_NAMES,
    lowercase_words,
)

#: Words between "my" and a family word: "Kai my best mate", "Hope my foster sister".
KIN_MODIFIERS = frozenset({"best", "big", "little", "lil", "older", "younger", "old", "new",
                           "foster", "step", "half", "twin", "baby"})


NAMING = frozenset({"called", "named", "name", "names", "name's", "nicknamed", "calls", "call",
                    "aka", "surname", "nickname"})


#: Verbs after which a lower-case word is someone who spoke ("kyle said", "seun asked").
SPEECH = frozenset({"said", "says", "asked", "asks", "told", "tells", "texted", "messaged",
                    "rang", "reckons", "sed"})


HE_SHE = frozenset({"she", "he", "shes", "hes", "she's", "he's"})


#: Text-speak read as the word it stands for: "more contact wiv jade".
SPOKEN = {"wiv": "with", "wif": "with", "wid": "with"}


#: What a teacher or worker does, after "miss" and a surname that is a word: "miss lark
#: runs the nurture room" (not "i really miss school").
TEACHING = frozenset({"runs", "ran", "teaches", "taught", "helps", "helped", "lets", "let",
                      "takes", "took", "says", "said", "told", "tells", "shouted", "shouts",
                      "gave", "gives", "makes", "made", "never", "always", "listens",
                      "listened", "talks", "talked", "ignores", "ignored"}) | HE_SHE


#: Verbs of keeping in touch, or of meeting, whose object is a person: "i miss kyle", "i want to
#: see hodan and abdirahman more", "can i visit deano", "i saw efe yesterday at the shop", "met
#: kojo last week in town", "i rang siân".
CONTACT_VERBS = frozenset(
    """miss missed misses missing see sees seeing seen saw visit visiting visited visits hug
    hugs hugging hugged ring rings ringing rang phone phones phoning phoned text texting
    texted message messaging messaged facetime facetiming facetimed meet meets met""".split())

#: Verbs before "into" whose object is a person met by chance: "i bumped into ffion in town".
CHANCE_MEETING = frozenset({"bump", "bumps", "bumped", "bumping", "ran", "run", "runs",
                            "running"})


#: Words after which a new clause starts: "and jack said", "honestly dawn my iro is lovely".
CLAUSE_OPENERS = frozenset({"and", "n", "honestly", "tbh", "ngl", "basically", "but", "also",
                            "because", "becos", "becuz", "bcos", "cos", "coz", "cus"})


#: Role words a word-name can be predicated of at a clause start: "penny is the nicest social
#: worker", "chance is my key worker" (not family or friends: "hope is my only friend").
STAFF = frozenset(
    """social worker sw iro pa advocate keyworker key carer foster manager teacher tutor
    mentor counsellor therapist nurse iv head headteacher visitor befriender staff cook chef
    cleaner driver caretaker receptionist""".split())


#: Words that make a role of two or three words: "my independent visitor", "our new key
#: worker", "my leaving care pa".
ROLE_MODIFIERS = frozenset({"independent", "personal", "support", "youth", "family", "key",
                            "leaving", "care", "social", "link", "senior", "residential",
                            "night", "reviewing", "designated", "allocated", "form", "class"})


#: Verbs that make a sentence-initial word that is no English word its subject ("xiaoling
#: helped me", "kowalczyk runs the home").
SUBJECT_VERBS = frozenset(
    """helped helps runs ran took takes gave gives came comes left leaves keeps kept got gets
    does did has had is was makes made used never always still just listens listened cares
    cared understands understood knows knew lets picks picked drives drove visits visited
    sends sent calls called stays stayed lives lived works worked tried tries wants wanted
    said says told tells asked asks rang texted messaged reckons taught teaches showed shows
    bought buys sorted sorts fought fights treats treated reads deserves deserved""".split())


#: Adverbs allowed between such a name and its verb ("joy never judged me").
ADVERBS = frozenset({"never", "always", "just", "still", "actually", "even", "finally",
                      "literally", "also", "honestly", "sometimes", "once"})


#: Thanks said to someone: "thank u mo", "thanks bev", "cheers dave".
THANKS = frozenset({"thanks", "cheers", "thx", "thankyou"})


#: Verbs said of things as readily as of people: "summer is the best time".
NOT_ONLY_PEOPLE = ADVERBS | {"is", "was", "has", "had", "used", "keeps", "kept", "left",
                              "leaves", "makes", "made", "stays", "stayed"}


def subject_of_verb(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` stands where a clause's subject does, or is
    spoken to: at a clause's start and before a verb said of a person, perhaps after an adverb
    ("..., grace even came to my review", "but will never does anything", "and mark helped
    me"), before an age (", faith is only 6") or before "pls" or "if ur" (", sandy pls come
    back")."""
    after = [m.group().lower() for _, m in zip(range(3), WORD_TOKEN.finditer(text, end))]
    if not after:
        return False
    verb = after[1] if after[0] in ADVERBS and len(after) > 1 else after[0]
    doing = [w for w in after[1:] if w not in ADVERBS][:1]
    opens = _opens_clause(text, start)
    if opens and _AN_AGE.match(text, end):
        return True  # "..., faith is only 6"
    if opens and (after[0] in _ASKING or (after[0] == "if" and len(after) > 1
                                          and after[1] in ("ur", "u", "you", "youre"))):
        return True  # spoken to: "..., penny if ur reading this", "..., sandy pls come back"
    if opens and after[0] in ("is", "was") and doing and doing[0] in _HUMAN_ING:
        return True  # "..., will was crying", "and faith is always nicking my clothes"
    if opens and after[0] in ("is", "was") and len(after) > 2 and after[1] in ("a", "the") \
            and after[2] in _SAID_OF_PEOPLE:
        return True  # "..., wood is a legend"
    return opens and verb in SUBJECT_VERBS and verb not in NOT_ONLY_PEOPLE


def subject_of_place(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]``, a town found elsewhere in the comment, stands
    where a place does: after "in", "from" or "near" ("moved from hull to crook and there is
    nothing to do in crook"; not a month there, nor a gerund: "apart from reading"), or as a
    clause's subject before "is", "was" or "has" ("..., march is the middle of nowhere")."""
    word = text[start:end].lower()
    before = [m.group().lower() for m in WORD_TOKEN.finditer(text, max(0, start - 20), start)]
    if before and before[-1] in ("in", "from", "near") \
            and word not in ("march", "may", "august") \
            and not (word.endswith("ing") and word in lowercase_words()):  # "apart from reading"
        return True  # "moved from hull to crook and there is nothing to do in crook" (not
        # "to": "telling me to settle", "i want to bury my head")
    after = [m.group().lower() for _, m in zip(range(1), WORD_TOKEN.finditer(text, end))]
    return bool(after) and after[0] in ("is", "was", "has", "isnt", "wasnt") \
        and _opens_clause(text, start)


def _opens_clause(text: str, start: int) -> bool:
    """Whether ``text[start:]`` starts a sentence, follows a comma or an opener ("and", "but")."""
    # only the word just before counts: read the few characters before the word, not the
    # whole comment again for every mention
    before = [m.group().lower() for m in WORD_TOKEN.finditer(text, max(0, start - 40), start)]
    return sentence_initial(text, start) or text[:start].rstrip().endswith(",") or (
        bool(before) and before[-1] in CLAUSE_OPENERS)


#: What only people are doing, after "is" or "was": "will was crying".
_HUMAN_ING = frozenset(
    """crying shouting screaming laughing smiling nicking stealing moaning fighting lying
    sulking texting talking asking telling saying singing dancing helping kicking""".split())
#: Nouns said only of people, after "is a": "wood is a legend".
_SAID_OF_PEOPLE = PERSON_NOUNS | {"legend", "star", "saint", "hero", "diamond", "gem",
                                  "sweetheart", "angel", "nightmare", "liar", "bully",
                                  "snake", "joker"}
#: Words that speak to the person named before them: "sandy pls come back".
_ASKING = frozenset({"pls", "please", "plz", "plez", "ur", "youre", "you're"})
#: An age after a name: " is only 6", " was nearly 12", " turns 18".
_AN_AGE = re.compile(r"\s+(?:is|was|turns|turned|will\s+be)\s+(?:only\s+|nearly\s+|just\s+|now\s+)?"
                     r"\d{1,2}\b(?!\s*(?:%|pounds|quid|minutes|mins|hours|days|weeks|months))")


@functools.cache
def tier(word: str) -> str:
    """'A': an ordinary word too ("hope"); 'B': a name that is sometimes a word ("jack");
    'C': a name only ("kai", "david")."""
    if word in WORD_NAMES:
        return "A"
    freq = frequency(word)
    if freq >= 20_000 and word in lowercase_words():
        return "A"
    return "B" if freq >= 2_000 and word in lowercase_words() else "C"


def name_stem(low: str, names: frozenset[str]) -> str:
    """The name inside a possessive written without an apostrophe ("kofis" -> "kofi"), or that
    a pet form is made from (:func:`pet_form_of`: "jadey" -> "jade")."""
    if low in names or len(low) < 4:
        return low
    stem = low[:-1]
    if low.endswith("s") and stem in names and tier(stem) == "C" and frequency(low) < 2_000:
        return stem
    return pet_form_of(low, names) or low


#: Endings of British pet forms of names: "jadey", "deano", "kezza", "lozzy".
_PET_ENDINGS = ("y", "o", "ie", "ey", "za", "zza", "zy", "sy")


def pet_form_of(low: str, names: frozenset[str]) -> str | None:
    """The name a pet form that is no English word is made from: "jadey" -> "jade", "deano" ->
    "dean", "danno" (a doubled consonant) -> "dan". Only words found in no word list count, so
    "sandy" or "rocky" are never read as "sand" or "rock", and only names that are no common
    word ("stormzy" is not made from "storm")."""
    if len(low) < 4 or low in names or not low.isalpha() or frequency(low) > 0 \
            or low in KIN or low in FUNCTION_WORDS or low in ROLE_WORDS or low in NOT_PII:
        return None  # "bestie" is a friend, not "beste"
    if any(frequency(low[:k] + low[k - 1] + low[k:]) >= 2_000 for k in range(1, len(low))):
        return None  # "sily" is "silly" with a letter dropped
    for ending in _PET_ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < 3:
            continue
        stem = low[:-len(ending)]
        for candidate in (stem, stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else None,
                          stem + "e"):
            if candidate and candidate in names and tier(candidate) != "A":
                return candidate
    return None


#: Signs that join two words as "and" does ("me/jade/remi", "tia+kofi", "me & jade"), read as
#: the token :data:`_JOIN`, which the rules take for "and" beside "n".
_JOINS = frozenset("&+/")
_JOIN = "&"
_WITH = "with"
#: "w/" for "with" ("w/ jade", "w/jade"; not "w/e", "w/o").
_SLASH_WITH = re.compile(r"/(?:\s|[A-Za-z]{2})")

#: A run of characters without spaces that is a link, an e-mail address or a path, whose "/"
#: joins no names: "facebook.com/jade", "www.site.org/a/b".
_LINK_LIKE = re.compile(r"[\w-]\.[A-Za-z]|://|@|\bwww\b", re.IGNORECASE)


def _with_joins(text: str, tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``tokens`` with a token for each "&", "+" or "/" standing alone between two words.

    "&" may have spaces around it; "+" and "/" none, or one on either side ("me / jade").
    Not between single letters ("s/w", "w/e", "n/a"), and not inside a link or an e-mail
    address; a "/" between numbers is no gap between words ("24/7", "3/4/2009")."""
    out: list[tuple[int, str]] = []
    for k, (start, token) in enumerate(tokens):
        if k:
            before, end = tokens[k - 1], tokens[k - 1][0] + len(tokens[k - 1][1])
            gap = text[end:start]
            sign = gap.strip()
            if sign in _JOINS and (sign == "&" or gap in (sign, f" {sign} ")) \
                    and len(before[1]) > 1 and len(token) > 1 \
                    and not link_like(text, end):
                out.append((end + gap.index(sign), sign))
        out.append((start, token))
    return out


def link_like(text: str, at: int) -> bool:
    """Whether the run of characters without white space around offset ``at`` is a link, an
    e-mail address or a path ("facebook.com/jade", "www.site.org/a", "j4ck@mail")."""
    start = max(text.rfind(c, 0, at) for c in " \t\n\r") + 1
    ends = [e for e in (text.find(c, at) for c in " \t\n\r") if e >= 0]
    return _LINK_LIKE.search(text, start, min(ends, default=len(text))) is not None


def strip_possessive(token: str) -> str:
    if token[-2:].lower() in ("'s", "\u2019s"):
        return token[:-2]
    return token


class Cues(NamedTuple):
    """What the words around a token say about it being a name (:meth:`Tokens.cues`)."""

    before: bool  # "my brother kai", "called kai", "me n kai", "we call him seun"
    after: bool  # "kai and me", "kai is my ...", "kai my brother", "kai from ..."
    kin_after: bool  # at a clause start, one of the family or staff: "summer my little sis",
    # "jade my support worker"
    clause_start: bool  # first word of a sentence, after "and" or a comma
    speaker: bool  # "kyle said", "grace from the leaving care team"
    vocative: bool  # said to someone: "honestly bev ur the best"
    named_person: bool  # "a boy called wei", not "a hamster called nugget"
    contact: bool  # kept in touch with: "i miss kyle", "to see hodan and abdirahman"


#: Words before a plural that make it no one's name: "the hunters mum", "my mates dad".
_OWNED_BY = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "ur",
                       "these", "those", "all", "both", "some", "two", "three", "other"})


@dataclass(frozen=True)
class Tokens:
    """A comment's words as the name rules read them.

    ``tokens`` are ``(start, token)`` pairs as written, ``words`` the tokens without a
    possessive "'s", ``lows`` their lower case, with a possessive written without its
    apostrophe before a family or role word read without its s ("kerrys mum" -> "kerry"), and
    ``owner`` marks those possessives (the family word is their cue).
    """

    text: str
    tokens: list[tuple[int, str]]
    words: list[str]
    lows: list[str]
    owner: list[bool]

    @classmethod
    def read(cls, text: str, names: frozenset[str]) -> Tokens:
        tokens = _with_joins(text, [(m.start(), m.group()) for m in WORD_TOKEN.finditer(text)])
        words = [strip_possessive(t) for _, t in tokens]
        lows = [_JOIN if t in _JOINS else SPOKEN.get(w.lower(), name_stem(w.lower(), names))
                for (_, t), w in zip(tokens, words, strict=True)]
        lows = [_WITH if low == "w" and _SLASH_WITH.match(text, start + 1) else low
                for (start, _), low in zip(tokens, lows, strict=True)]  # "w/ jade": with
        owner = [False] * len(tokens)
        for i in range(len(tokens) - 1):
            low, nxt_low = words[i].lower(), words[i + 1].lower()
            if (low.endswith("s") and len(low) >= 4 and low[:-1] in names
                    and (nxt_low in ROLE_WORDS or nxt_low in KIN)
                    and low not in NOT_PII and (frequency(low) < 2_000 or (
                        # the plural of a word that is sometimes a name, with no article or
                        # possessive before it: "cant stand jacks dad" (not "the jacks ...")
                        frequency(low) < 20_000 and tier(low[:-1]) != "A"
                        and (i == 0 or words[i - 1].lower() not in _OWNED_BY)))):
                lows[i], owner[i] = low[:-1], True
        return cls(text, tokens, words, lows, owner)

    def __len__(self) -> int:
        return len(self.tokens)

    def low(self, k: int) -> str:
        """Token ``k`` in lower case, or "" outside the comment."""
        return self.lows[k] if 0 <= k < len(self.lows) else ""

    def gap(self, k: int) -> str:
        """The text between token ``k - 1`` and token ``k``."""
        start, token = self.tokens[k - 1]
        return self.text[start + len(token):self.tokens[k][0]]

    def at_whose(self, k: int) -> bool:
        """Whether token ``k`` is written with a possessive after "round", "at" or "over":
        whose house ("went round tyreese's", "stayed at kyle's")."""
        return self.tokens[k][1] != self.words[k] and self.low(k - 1) in ("round", "at", "over")

    def kin_at(self, k: int) -> bool:
        """Whether "my (little) sis", "my cousins", "my carers daughters" starts at ``k``."""
        if self.low(k) not in POSSESSIVES:
            return False
        j = k + 1
        while j < len(self) and self.lows[j] in KIN_MODIFIERS:
            j += 1
        return j < len(self) and (self.lows[j] in KIN or self.lows[j] in ROLE_WORDS)

    def introduced(self, k: int) -> bool:
        """Whether token ``k`` is a name someone gives as theirs: "im jack born ...", "i am
        hope, 15", "im grace and im in year 9"."""
        prev, nxt = self.low(k - 1), self.low(k + 1)
        if not (prev in ("im", "i'm") or (prev == "am" and self.low(k - 2) == "i")):
            return False
        after = self.text[self.tokens[k][0] + len(self.tokens[k][1]):].lstrip()
        return nxt in ("born", "aged", "age") or after[:1] in (",", "") or after[:1].isdigit() \
            or (nxt == "and" and self.low(k + 2) in ("i", "im", "i'm"))

    def is_staff(self, k: int) -> bool:
        """Whether token ``k`` is said to be someone's worker: "X is my key worker", "X and Y r
        the best staff", "X was the manager", "X is the only staff who listens"."""
        if self.low(k + 1) not in ("is", "was", "are", "were", "r") \
                or self.low(k + 2) not in ("my", "the", "our", "a"):
            return False
        j = k + 3
        while j < k + 6 and self.low(j) not in STAFF and (
                self.low(j) not in FUNCTION_WORDS or self.low(j) == "only"):
            j += 1
        return self.low(j) in STAFF

    def teacher_after(self, k: int) -> bool:
        """Whether what follows token ``k`` is said of a teacher or worker: "(miss lark) runs
        it", "(miss cherry) she helps me", "(miss storm) my leaving care worker", "(miss may)
        at parkside is the best teacher"."""
        return bool(self.low(k + 1) in TEACHING or self.role_at(k + 1) or (
            {"is", "was"}.intersection(self.lows[k + 1:k + 4])
            and ROLE_WORDS.intersection(self.lows[k + 2:k + 8])))

    def works_at(self, k: int) -> bool:
        """Whether token ``k`` is followed by where someone works: "(miss king) at the virtual
        school", "(joe) from the youth project"."""
        return self.low(k + 1) in ("at", "from") \
            and bool(ORG_NOUNS.intersection(self.lows[k + 2:k + 6]))

    def role_at(self, k: int) -> bool:
        """Whether someone's role starts at token ``k``: "my leaving care worker", "her sw"."""
        return self.low(k) in POSSESSIVES and any(self.role_ends(m) for m in range(k + 1, k + 4))

    def role_ends(self, k: int) -> bool:
        """Whether token ``k`` ends someone's role or family word: "my sw", "my social
        worker", "our new independent visitor", "her little sister"."""
        if not (self.low(k) in ROLE_WORDS or self.low(k) in KIN):
            return False
        j = k - 1
        while j >= 0 and k - j <= 3 and (
                self.lows[j] in ROLE_WORDS or self.lows[j] in KIN
                or self.lows[j] in KIN_MODIFIERS or self.lows[j] in ROLE_MODIFIERS):
            j -= 1
        return self.low(j) in POSSESSIVES

    def cues(self, i: int, family: frozenset[str]) -> Cues:
        """The context cues of token ``i``."""
        lows, n, text = self.lows, len(self), self.text
        low, start = lows[i], self.tokens[i][0]
        prev, prev2 = self.low(i - 1), self.low(i - 2)
        nxt, nxt2 = self.low(i + 1), self.low(i + 2)
        before = prev in KIN or prev in NAMING or (
            prev in ("and", "n", _JOIN) and prev2 == "me") or (
            prev == "is" and prev2 in NAMING) or (
            prev in OBJECTS and prev2 in NAMING)  # "me n tyreece", "me/jade", "we call him seun"
        clause_start = sentence_initial(text, start) or prev in CLAUSE_OPENERS or (
            i > 0 and self.gap(i).strip() == ",")
        k = i + 1  # past the rest of the name: "nkechi okonkwo-bell my old foster mum"
        while k < n and k - i <= 3 and lows[k] not in FUNCTION_WORDS and lows[k] not in ROLE_WORDS \
                and (self.gap(k) == "-" or (self.gap(k) == " " and (
                    lows[k] in family or not_a_word(lows[k])))):
            k += 1
        kin_after = clause_start and "'" not in low and frequency(low) < 100_000 and (
            self.kin_at(k) or self.role_at(k) or (self.low(k) in ("is", "was", "are", "were")
                                                  and self.kin_at(k + 1)))
        after = ((nxt in ("and", _JOIN) and nxt2 in ("me", "i"))
                 or (nxt in ("is", "was") and nxt2 == "my")
                 or (nxt in POSSESSIVES and (nxt2 in KIN or (
                     nxt2 in KIN_MODIFIERS and self.low(i + 3) in KIN)))
                 or nxt == "from" or self.owner[i]
                 or (nxt in ("are", "were", "r") and nxt2 == "my"))
        # someone who spoke, or is introduced by their service (for lower-case words the other
        # rules leave alone)
        speaker = nxt in SPEECH or ((nxt == "from" or (nxt == "at" and (
            clause_start or tier(low) != "A"))) and (
            bool(ORG_NOUNS.intersection(lows[i + 2:i + 7]))
            or lows[i + 2:i + 4] == ["leaving", "care"]))  # "river at the leaving care team"
        vocative = nxt in ("ur", "youre", "you're", "u're") or (
            nxt in ("you", "u") and nxt2 in ("are", "r", "were")) or prev in THANKS or (
            prev in ("you", "u") and prev2 in ("thank", "fank")) or (
            prev == "to" and prev2 in ("out", "shoutout"))  # "thank u mo", "shout out to jo"
        named_person = prev in NAMING and (
            prev2 in PERSON_NOUNS or prev2 in KIN or prev2 in ROLE_WORDS
            or prev2 in HE_SHE)
        contact = prev in CONTACT_VERBS or (
            prev in ("and", "n", "&") and self.low(i - 3) in CONTACT_VERBS) or (
            prev == "into" and prev2 in CHANCE_MEETING)  # "bumped into gethin"
        return Cues(before, after, kin_after, clause_start, speaker, vocative, named_person,
                    contact)
