"""Word lists and word tests shared by the name, place and entity detectors.

The lists are the cues the rules read around a word (family and role words, place
prepositions, function words); the tests say how common a word is in English (from the
packaged word-frequency list) and whether a token starts a sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from .lexicons import (
    NOT_PII,
    ROLE_WORDS,
    countries,
    lowercase_words,
    word_frequency,
)

__all__ = [
    "DIRECTIONS",
    "FUNCTION_WORDS",
    "KIN",
    "MOTION",
    "NOT_BEFORE_A_NAME",
    "OBJECTS",
    "ORG_NOUNS",
    "PERSON_NOUNS",
    "PLACE_CUES",
    "POSSESSIVES",
    "STUDY_WORDS",
    "TITLES",
    "TITLE_WORDS",
    "WORD_TOKEN",
    "bridge_word",
    "chained",
    "dictionary_word",
    "frequency",
    "misspelt_word",
    "no_word_at_all",
    "not_a_word",
    "one_edit",
    "sentence_initial",
]

#: Honorifics kept inside a PERSON span ("Mrs Khan").
TITLES: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "mister", "missus"})
#: :data:`TITLES` as a regular-expression alternation, longest first ("mrs" before "mr").
TITLE_WORDS = "|".join(sorted(TITLES, key=lambda t: (-len(t), t)))

WORD_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*")

#: Nouns after "that X": "that smithson woman" names someone by their surname.
PERSON_NOUNS = frozenset({"woman", "man", "lady", "bloke", "fella", "fellow", "guy", "geezer",
                          "teacher", "worker", "manager", "boy", "girl", "kid", "lad", "lass"})

#: Family words in the languages of England's larger communities ("nani rokeya", "my teta",
#: "kak hawre"); never one that is also a first name or a surname ("baba", "bibi", "tia",
#: "abi", "anna", "lola", "chacha"), which a child may be called and must still be masked by (a
#: test keeps it so), nor an English word with another sense ("ate").
KIN_OTHER_LANGUAGES = frozenset(
    """nani nanu dadi ammi ammu abbu amma appa akka thatha paati chachi khala khalu mamu mama
    mami phupho phuppo bhai bhaiya baji apa apu teta jiddo sitto khalto hooyo aabo abti eedo
    habo awoowe ayeeyo avo avó avô vovó vovo abuela abuelo abuelita abuelito tio tío tía babcia
    dziadek ciocia wujek bunica bunicu bunicul nonna nonno yiayia yaya pappou papou yeye nainai
    laolao gege jiejie meimei kak babushka dedushka bubbe zayde oma opa tante onkel lolo kuya
    abang adik umma ummi dede nene anneanne babaanne amca dayi teyze""".split()
)

#: Family words as young children spell them, the way they say them: "my bruvver jordn", "my
#: sistor daisy" (none a name, a surname or an English word).
KIN_AS_SAID = frozenset(
    """bruvver bruver bruvvers bruvva bruvvas brovver bover sistor sistors sistar sisster sissta
    sistur cuzzen cuzen muvver muvva favver farver antie anty aunti unkle uncel grandar""".split()
)

#: Words before a name: "my brother Kai", "called kai", "big dave".
KIN = frozenset(
    """brother brothers bro bruv bruva bruther brover sister sisters sis sista sissy cousin
    cousins cuz friend friends frend freind mate mates bestie bestfriend bff boyfriend girlfriend
    bf gf partner fiance fiancee son daughter baby nephew niece uncle auntie aunty aunt carer
    carers worker sw teacher advocate advocat iro pa mentor keyworker tutor stepbrother
    stepsister stepdad stepmum grandad grandma mum mam mom dad nan nana nanna nanny nanan gran
    granny grandpa granda grandmother grandfather nain taid grampy grampa cuzin cuzzin cousen
    cozzie cuzzy mummy mommy daddy twin babies husband wife hubby sons daughters twins
    grandson granddaughter bezzie bezzy ex roommate flatmate housemate roomie""".split()
) | KIN_OTHER_LANGUAGES | KIN_AS_SAID

#: The staff among :data:`KIN` ("my carer", "my sw"): people, but not family.
KIN_STAFF = frozenset({"carer", "carers", "worker", "sw", "teacher", "advocate", "advocat",
                       "iro", "pa", "mentor", "keyworker", "tutor"})

#: The friends and partners among :data:`KIN`.
KIN_FRIENDS = frozenset({"friend", "friends", "frend", "freind", "mate", "mates", "bestie",
                         "bestfriend", "bff", "boyfriend", "girlfriend", "bf", "gf", "partner",
                         "fiance", "fiancee", "husband", "wife", "hubby", "bezzie", "bezzy",
                         "ex", "roommate", "flatmate", "housemate"})

FUNCTION_WORDS = frozenset(
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
    evryone sumthing summat nuffin nothin esp msg msgs txt txts smh lmk fml ffs brb pmsl rn
    tbf atm alot aswell abit alittle eachother everytime incase infact ofcourse atall""".split()
)  # the last ten: two words written as one ("i love my nan alot"), no name nor place

PLACE_CUES = frozenset({"in", "at", "from", "near", "around", "outside", "round"})

#: Whom a name is given to: "we call him seun", "they named her after ...".
OBJECTS = frozenset({"him", "her", "me", "them", "us"})

#: Whose: "my brother kai", "with her dad".
POSSESSIVES = frozenset({"my", "his", "her", "their", "our"})

#: Nouns of services and places a person is introduced by ("Jo from the youth club").
ORG_NOUNS = frozenset({"team", "service", "services", "school", "college", "council", "home",
                        "housing", "club", "charity", "project", "unit", "centre", "center",
                        "office", "hostel", "agency", "academy", "uni", "university", "church",
                        "mosque", "flat", "flats", "class", "group", "scheme", "advocacy"})

#: Words that make the next word a noun, not a name ("200 miles from", "some hope from").
NOT_BEFORE_A_NAME = frozenset({"the", "a", "an", "some", "no", "any", "more", "much", "of",
                                "little", "lot", "lots", "bit", "few", "many", "got", "get",
                                "gets", "getting", "give", "gave", "need", "needed", "had"})

#: Words after which a capitalised ordinary word is a subject, not a place ("doing Law").
STUDY_WORDS = frozenset({"study", "studying", "studied", "doing", "do", "did", "take",
                          "taking", "took", "passed", "failed", "gcse", "a-level"})

#: Verbs of being moved somewhere: "moved to X" names a place ("goes to voicemail" does not).
MOTION = frozenset({"moved", "move", "moving", "moves", "sent", "placed", "transferred",
                     "relocated"})

DIRECTIONS = frozenset({"north", "south", "east", "west", "upper", "lower", "central"})


@functools.cache
def frequency(word: str) -> int:
    return word_frequency().get(word, 0)


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\n\r\"\u201c([:;*\u2022-"


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@functools.cache
def misspelt_word(word: str, threshold: int = 1_500) -> bool:
    """Whether ``word`` is one edit away from a common English word ("feling", "werker"),
    so more likely a misspelling than a name. Only asked of words of five letters or more."""
    if not 5 <= len(word) <= 20:
        return False
    freq = word_frequency()
    return any(freq.get(e, 0) >= threshold for e in one_edit(word))


def one_edit(word: str) -> set[str]:
    """The strings one edit from ``word`` (a letter deleted, swapped with the next, replaced or
    inserted), ``word`` itself left out."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    edits.discard(word)
    return edits


@functools.cache
def _common_words(threshold: int = 20_000) -> tuple[str, ...]:
    return tuple(w for w, f in word_frequency().items() if f >= threshold)


def not_a_word(low: str) -> bool:
    """A word of three letters or more in no word list, not one edit from a common word and not
    a country ("zain", "tariq")."""
    return (len(low) >= 3 and low.isalpha() and frequency(low) == 0
            and not misspelt_word(low) and low not in countries())


def no_word_at_all(low: str) -> bool:
    """:func:`not_a_word`, not a word that is never personal data, and not two edits from a
    common word either ("fenmoor", "kemalettin"; not "difrent")."""
    return not_a_word(low) and low not in NOT_PII and not two_edits_from_common(low)


@functools.cache
def two_edits_from_common(word: str) -> bool:
    """Whether ``word`` is at most two edits from a common word ("difrent", "crismas")."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _common_words(), scorer=OSA.distance,
                              score_cutoff=2) is not None


#: What joins items said one after another: "bath then wells then back to bath".
_CHAIN_JOINS = (("then",), ("and", "then"), ("then", "back", "to"), ("then", "to"), ("to",))


def chained(lows: Sequence[str], member: Callable[[int], bool],
            joins: tuple[tuple[str, ...], ...] = _CHAIN_JOINS, least: int = 3) -> set[int]:
    """Tokens of runs of at least ``least`` members joined by "then" (and the like): "first it
    was grant then sue then bill", "bath then wells then street then back to bath".

    Parameters
    ----------
    lows : sequence of str
        The tokens in lower case.
    member : callable
        Whether token ``i`` can be in the run.
    joins : tuple of tuple of str
        Token sequences that join two members.
    least : int, default 3

    Returns
    -------
    set of int
    """
    out: set[int] = set()
    i = 0
    while i < len(lows):
        if not member(i):
            i += 1
            continue
        run = [i]
        while True:
            j = run[-1] + 1
            step = next((len(join) for join in joins
                         if tuple(lows[j:j + len(join)]) == join and j + len(join) < len(lows)
                         and member(j + len(join))), 0)
            if not step:
                break
            run.append(j + step)
        if len(run) >= least:
            out.update(run)
        i = run[-1] + 1
    return out


def bridge_word(word: str) -> bool:
    """Whether a capitalised word can be part of a name ("Matter" in "Voices Matter Leeds",
    "Side" in "in Moss Side"): not a function word, role word or a word that is never personal
    data."""
    low = word.lower()
    return low not in FUNCTION_WORDS and low not in ROLE_WORDS and low not in NOT_PII


def dictionary_word(low: str) -> bool:
    """Whether ``low`` or its singular is in the dictionary's lower-case words ("loans")."""
    words = lowercase_words()
    return low in words or (low.endswith("s") and (low[:-1] in words or (
        low.endswith("es") and low[:-2] in words)))


#: Words that are also names or places but, written before a full stop, a colon or a number,
#: are abbreviations: "dad's tel. 0161 ...", "mob: 07700 ...".
_ABBREVIATIONS = frozenset({"tel", "mob", "approx", "ref", "dob"})
_ABBREVIATED = re.compile(r"(?:\.|:|\s*\d)")


def abbreviation_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an abbreviation such as "tel" before ".", ":" or a digit.

    Examples
    --------
    >>> abbreviation_at("mums tel. 0161 496 0731", 5, 8), abbreviation_at("me and tel", 7, 10)
    (True, False)
    """
    return text[start:end].lower() in _ABBREVIATIONS and bool(_ABBREVIATED.match(text, end))


#: A transcript's speaker label: "P3:", "R12:", "YP2:", "Participant 4:" (a name before a colon,
#: "Tyler:", is still a name).
_SPEAKER_LABEL = re.compile(r"(?:[A-Za-z]{1,3}\s?\d{1,3}|(?:participant|respondent|speaker|"
                            r"person|young\s+person|child)\s+\d{1,3})\s?:", re.IGNORECASE)


def speaker_label_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is, or is part of, a transcript's speaker label ("P3:").

    Examples
    --------
    >>> speaker_label_at("P3: yeah she left", 0, 2), speaker_label_at("P3 is my postcode", 0, 2)
    (True, False)
    """
    line = text.rfind("\n", 0, start) + 1
    for m in _SPEAKER_LABEL.finditer(text, max(line, start - 20), min(len(text), end + 8)):
        if m.start() <= start and end <= m.end() - 1 and (
                m.start() == 0 or not text[m.start() - 1].isalnum()):
            return True
    return False
