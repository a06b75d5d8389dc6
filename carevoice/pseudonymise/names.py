"""Names: :class:`NameDetector`, a first-name and surname lexicon plus context rules.

The rules are for informal writing: lower-case and misspelt names, names that are also words
("Hope", "Will") used as names, "my brother X", "me and x", titles ("Mrs Khan"), and
capitalised words inside a sentence that are not English words. The detector follows the
:class:`carevoice.schema.Detector` protocol.

This module holds the detector; its context rules stand in ``_name_said``, ``_name_verbs`` and
``_name_family`` (by the frame they read, on the token view of ``_name_context``),
``_lexicon_rules`` (the order of a lexicon name's rules), ``_word_rules`` (a word outside the
lexicon) and ``_said_of_people``, the word lists they share in ``_name_words``; names typed
with digits, signed at a comment's end or called in the plural in ``_name_forms``. The passes
that find people beside other detectors' spans (:func:`people_from_organisations`,
:func:`people_in_addresses`) are in :mod:`carevoice.pseudonymise.neighbours` and imported here
too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ._base import Span, TextDetector
from ._lexicon_rules import _LEXICON_RULES
from ._name_context import _At
from ._name_forms import digit_names, family_plurals, fold_digits, hyphen_nicknames, sign_off
from ._name_said import _initial_reporting, quoted_nickname
from ._name_verbs import _surname_before_a_role
from ._name_words import (
    _AFTER_FULL_NAME,
    _DONE_TO_PEOPLE,
    _PERSON_VERBS,
    _PRONOUNS,
    _SEASONS,
    _SURNAME_WORDS,
    _fuzzy_name,
    _hyphenated_surname,
    _is_capitalised,
    _plain_word,
)
from ._tokens import (
    CLAUSE_OPENERS,
    KIN_MODIFIERS,
    NAMING,
    SUBJECT_VERBS,
    THANKS,
    Cues,
    Tokens,
    tier,
)
from ._word_name_use import names_an_identifier, opens_a_phrase
from ._word_rules import _WORD_RULES, _WORD_RULES_FIRST
from ._words import (
    FUNCTION_WORDS,
    KIN,
    KIN_OTHER_LANGUAGES,
    NOT_BEFORE_A_NAME,
    OBJECTS,
    PLACE_CUES,
    POSSESSIVES,
    TITLES,
    WORD_TOKEN,
    abbreviation_at,
    bridge_word,
    chained,
    dictionary_word,
    frequency,
    misspelt_word,
    no_word_at_all,
    not_a_word,
    sentence_initial,
)
from .lexicons import NOT_PII, ROLE_WORDS, WORD_NAMES, countries, first_names, surnames
from .neighbours import people_from_organisations, people_in_addresses

__all__ = [
    "NameDetector",
    "people_from_organisations",
    "people_in_addresses",
]


#: Plural family and friend words a list of names follows ("my sisters precious and favour").
_KIN_PLURAL = frozenset({"sisters", "brothers", "cousins", "cuzzies", "mates", "friends",
                         "siblings", "bros", "sis", "nephews", "nieces", "besties"})


_INITIAL = re.compile(r" ([A-Z])\.?(?=[\s,;:!?)]|$)")
_INITIAL_LOWER = re.compile(r" ([dfghjklmpqstvwz])(?=[\s,;:!?)]|$)")


#: What joins names said one after another ("grant then sue then bill"); not "to", which
#: joins places.
_NAME_CHAIN_JOINS = (("then",), ("and", "then"))

#: Words after a full name given as one's name: "name frankie gold i live at ...".
_AFTER_A_GIVEN_NAME = frozenset({"i", "im", "i'm", "and", "n", "my", "dob", "age", "aged",
                                 "born", "from", "but"})


#: Particles of surnames, written apart from the rest: "van der berg", "de souza", "da silva",
#: "bin laden", "mac an tsaoi", "ní bhriain".
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "della",
                        "dos", "das", "le", "la", "al", "el", "bin", "bint", "ibn", "abu", "mac",
                        "mc", "ap", "ó", "ní", "nic", "ter", "ten", "ben"})

#: Particles after which "an" belongs to an Irish or Scottish surname: "mac an tsaoi".
_GAELIC_PARTICLES = frozenset({"mac", "nic", "ó", "ní"})


def _particle_surname(sent: Tokens, j: int, family: frozenset[str]) -> int | None:
    """The last token of a surname that starts with particles at token ``j``: "van der berg",
    "de souza", "mac an tsaoi" (the particles and the surname after them, up to three
    particles), or None where what follows the particles is no surname ("de la casa de
    papel" is one, "la la land" is not: "land" is a word)."""
    k, n = j, len(sent)
    while k < n and k - j < 3 and sent.gap(k) in (" ", "-", "'") and (
            sent.lows[k] in _PARTICLES
            or (sent.lows[k] == "an" and k > j and sent.lows[k - 1] in _GAELIC_PARTICLES)):
        k += 1
    if k == j or k >= n or sent.gap(k) not in (" ", "-", "'"):
        return None
    low, word = sent.lows[k], sent.words[k]
    if low in FUNCTION_WORDS or low in ROLE_WORDS or low in KIN or low in _PARTICLES \
            or not word.isalpha() or len(low) < 3:
        return None
    surname = low in family and tier(low) != "A"
    return k if surname or not dictionary_word(low) or (
        _is_capitalised(word) and low not in NOT_PII and frequency(low) < 2_000) else None


def _given_surname(sent: Tokens, j: int) -> bool:
    """Whether token ``j``, a common word after a name given as one's name, is its surname:
    "name frankie gold i live at", "my name is jodie stone, im 15" (not "... frankie lol")."""
    low = sent.lows[j]
    return ((_plain_word(low) and frequency(low) < 500_000)
            or (low in surnames() and low not in FUNCTION_WORDS)) and (
        j + 1 == len(sent) or sent.lows[j + 1] in _AFTER_A_GIVEN_NAME
        or sent.gap(j + 1).strip()[:1] in (",", "."))


#: Sayings made of words that are also names, in lower case: "we put up holly and ivy", "my
#: tea was stone cold", "jack of all trades".
_SAYINGS = (("holly", "and", "ivy"), ("jack", "of", "all", "trades"), ("stone", "cold"),
            ("will", "power"), ("rose", "gold"), ("rose", "tinted"), ("jack", "the", "lad"),
            ("nat", "insurance"), ("nat", "ins"), ("valentines", "day"),
            ("valentine", "day"), ("air", "max"), ("air", "maxes"), ("air", "force"),
            ("air", "jordan"), ("air", "jordans"), ("care", "grant"))


#: A number and a unit right before "max": "10 mins max".
_NUMBER_AND_UNIT = re.compile(r"\d\s*(?:mins?|minutes|hours?|hrs|days|weeks|times|people|quid|"
                              r"pounds)\s+$")


def _in_sayings(sent: Tokens) -> set[int]:
    """The tokens of :data:`_SAYINGS` written in lower case, and "max" before a number ("max 3
    mates round") or after one and a unit ("10 mins max"): words that are names elsewhere but
    not here."""
    out: set[int] = set()
    for i, (start, token) in enumerate(sent.tokens):
        if not token.islower():
            continue
        for saying in _SAYINGS:
            if tuple(sent.lows[i:i + len(saying)]) == saying \
                    and all(t.islower() for _, t in sent.tokens[i:i + len(saying)]):
                out.update(range(i, i + len(saying)))
        if sent.lows[i] == "max" and (sent.text[start + 3:].lstrip()[:1].isdigit()
                                      or _NUMBER_AND_UNIT.search(sent.text, 0, start)):
            out.add(i)  # "max 3 mates round", "10 mins max"
    return out


#: Words around "amber" the colour of a traffic light or a warning, not the name.
#: Forms of "to be" before a distance: "is miles from".
_BEING = frozenset({"is", "was", "its", "it's", "are", "were", "be", "im", "i'm", "live",
                    "lives", "lived", "living"})
#: Verbs of colouring, before a colour that is also a name: "painted amber".
_COLOURING = frozenset({"painted", "paint", "coloured", "colored", "dyed", "dye", "colour",
                        "color"})
_TRAFFIC_BEFORE = frozenset({"on", "went", "goes", "turned", "turns", "through", "thru", "an"})
_TRAFFIC_AFTER = frozenset({"light", "lights", "warning", "warnings", "alert"})

#: Family words used as a title before a name, as "auntie bev" is: in English and in the
#: languages of England's larger communities ("nani rokeya", "kak hawre").
_KIN_TITLES = frozenset({"uncle", "auntie", "aunty", "aunt"}) | KIN_OTHER_LANGUAGES


_SEASON_NOUNS = frozenset({"holiday", "holidays", "hols", "term", "time", "camp", "break",
                           "school", "fair", "half", "day"})

#: The seasons, and the words before one that make it a time: "due in Spring", "next Summer".
_SEASON_WORDS = frozenset({"spring", "summer", "autumn", "winter"})
_WHEN = frozenset({"in", "by", "until", "till", "til", "during", "over", "this", "next", "last",
                   "every", "since", "before", "after"})


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


def _next_capitalised(text: str, end: int) -> bool:
    """Whether the next word is capitalised and not a function, role or non-personal word."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and bridge_word(m.group(1))


def _given_name_like(low: str) -> bool:
    """A lower-case word that can be a first name before a surname: a lexicon name that is no
    ordinary word, or a rare word ("wei"; not the verb of "i unfollowed tamsin")."""
    if low in FUNCTION_WORDS or low in ROLE_WORDS or low in NOT_PII or low in KIN or len(low) < 2 \
            or low in _DONE_TO_PEOPLE:
        return False
    return (low in first_names() and tier(low) != "A") or frequency(low) < 1_000


def _hyphened(tokens: list[tuple[int, str]], text: str, k: int) -> bool:
    """Whether tokens ``k - 1`` and ``k`` are joined by a hyphen: "kaylee-mae"."""
    return 0 < k < len(tokens) and text[tokens[k - 1][0] + len(tokens[k - 1][1]):
                                         tokens[k][0]] == "-"


def _hyphened_name_end(tokens: list[tuple[int, str]], text: str, lows: list[str],
                       i: int) -> int:
    """The last token of a name written in parts joined by hyphens from token ``i`` on ("ta-rek",
    "sha-niya": the last part is no word), or ``i`` itself (not "part-time",
    "ex-boyfriend", "sci-fi", "t-shirts", a town, "sutton-in-ashfield", nor the middle of
    "kaylee-mae-rose")."""
    e = i
    while not _hyphened(tokens, text, i) and _hyphened(tokens, text, e + 1) and e - i < 2:
        e += 1
    parts = lows[i:e + 1]
    if e == i or not all(p.isalpha() for p in parts) or min(map(len, parts)) < 2 \
            or any(p in FUNCTION_WORDS for p in parts) \
            or len(parts[-1]) < 3 or dictionary_word(parts[-1]) or frequency(parts[-1]) >= 2_000:
        return i
    return e


def _tokens_inside(tokens: list[tuple[int, str]], spans: list[Span], size: int) -> set[int]:
    """The indices of the tokens that start inside one of ``spans`` (in one pass over the
    characters, not tokens x spans: a long answer has thousands of each)."""
    inside = bytearray(max([size, *(s.end for s in spans)]) + 1)
    for s in spans:
        inside[s.start:s.end] = b"\x01" * max(0, s.end - s.start)
    return {i for i, (start, _) in enumerate(tokens) if 0 <= start < len(inside) and inside[start]}

def _opening_word_used_as_word(text: str, start: int) -> bool:
    """Whether the word-name opening a sentence at ``start`` is used as the ordinary word by
    the words after it (:func:`._word_name_use.word_name_used_as_word`)."""
    from ._word_name_use import word_name_used_as_word
    from .learned import tokenise

    tokens = tokenise(text)
    at = next((k for k, (s, _) in enumerate(tokens) if s == start), None)
    return at is not None and word_name_used_as_word(text, tokens, at)


@dataclass(frozen=True)
class NameDetector(TextDetector):
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
        if not text:
            return []
        text, typed = fold_digits(text)  # "J4ck" read as "Jack", at the same offsets
        names, family = first_names(), surnames()
        sent = Tokens.read(text, names)
        listed = self._listed(sent, names)
        sayings = _in_sayings(sent)
        spans: list[Span] = []
        taken_until = -1
        for i, (start, token) in enumerate(sent.tokens):
            if start < taken_until or i in sayings:
                continue
            low = sent.lows[i]
            if low in TITLES and i + 1 < len(sent) and (
                    token[:1].isupper() or low != "miss" or sent.low(i - 1) not in _PRONOUNS
                    or sent.low(i - 2) in ("thank", "fank")):  # "thank u miss april"
                titled = self._title(comment_id, sent, i, family)
                if titled is not None:
                    spans.append(titled)
                    taken_until = titled.end
                continue
            if len(low) == 1 and i and sent.lows[i - 1] in ("big", "lil", "little") \
                    and low.isalpha() and low not in "ai" \
                    and sent.low(i - 2) not in NOT_BEFORE_A_NAME \
                    and sent.gap(i) == " " and sent.tokens[i - 1][0] >= taken_until:
                spans.append(Span(comment_id, sent.tokens[i - 1][0], start + 1, "PERSON", 0.5,
                                  f"{self.name}:context"))  # "big G saves me a plate"
                continue
            if _initial_reporting(sent, i):
                spans.append(Span(comment_id, start, start + len(token), "PERSON", 0.5,
                                  f"{self.name}:initial"))  # "L would like", "KW said"
                continue
            if len(low) < 2 or low in ROLE_WORDS or (low in NOT_PII and not (
                    low in WORD_NAMES and token.islower())  # "was called june"
                    and not quoted_nickname(sent, i)  # "nan calls me 'pip'"
                    and not (low in _SURNAME_WORDS  # "White my sw said"
                             and _surname_before_a_role(sent, i, family))):
                continue
            if token.islower() and sent.low(i - 1) in _COLOURING:
                continue  # "my room is painted amber and grey"
            if abbreviation_at(text, start, start + len(token)):
                continue  # "dad's tel. 020 ...": not Tel, Terry
            if low == "miles" and token.islower() and sent.low(i - 1) in _BEING \
                    and sent.low(i + 1) in ("from", "away"):
                continue  # "the home is miles from my school"
            if token == "amber" and (
                    sent.low(i - 1) in _TRAFFIC_BEFORE or sent.low(i + 1) in _TRAFFIC_AFTER
                    or (sent.low(i + 1) == "then" and sent.low(i + 2) in ("red", "green"))):
                continue  # the traffic light: "goes through on amber", "an amber warning",
                # "amber then red" (not "at amber's", "me and amber then ...")
            cues = sent.cues(i, family)
            score, rule = self._judge(sent, i, cues, names, family)
            if not score and i in listed:
                score, rule = 0.5, "list"  # "my sisters precious blessing and favour"
            if score == 0.0:
                continue
            start, end = self._extent(sent, i, score, rule, names, family, listed,
                                      taken_until)
            label = ("LOCATION" if rule == "capitalised" and sent.low(i - 1) in PLACE_CUES
                     else "PERSON")
            spans.append(Span(comment_id, start, end, label, score, f"{self.name}:{rule}"))
            taken_until = end
        spans += digit_names(comment_id, typed, f"{self.name}:digits")
        spans += sign_off(comment_id, sent, f"{self.name}:sign_off")
        spans += hyphen_nicknames(comment_id, sent, f"{self.name}:context")
        spans += family_plurals(comment_id, sent, names, family, f"{self.name}:family")
        coordinated = self._coordinated(comment_id, text, sent.tokens, sent.words, sent.lows,
                                        spans, names)
        said = {sent.tokens[i][0] for i in sayings}
        return spans + [s for s in coordinated if s.start not in said]

    def _title(self, comment_id: str, sent: Tokens, i: int,
               family: frozenset[str]) -> Span | None:
        """"Mrs Kowalski", "mr kowalski", "Mr and Mrs Begum", "miss patel", "mrs k"."""
        text, low, n = sent.text, sent.lows[i], len(sent)
        j = i + 1
        if sent.lows[j] == "and" and j + 2 < n and sent.lows[j + 1] in TITLES:
            j += 2  # "Mr and Mrs Begum"
        n_start, n_word, n_low = sent.tokens[j][0], sent.words[j], sent.lows[j]
        last = _particle_surname(sent, j, family)
        if last is not None:  # "mrs van der berg", "mr de souza"
            return Span(comment_id, sent.tokens[i][0],
                        sent.tokens[last][0] + len(sent.words[last]), "PERSON", 0.85,
                        f"{self.name}:title")
        # after mr, mrs, ms, dr a lower-case word that is no common English word is a surname
        # too; after "miss" (also a verb) no word at all, a surname that is no ordinary word,
        # or any word before what a teacher does ("miss lark runs it") or, at a clause start,
        # before where they work ("miss king at the virtual school")
        at_work = sent.works_at(j) and not n_low.endswith("ing") and (
            sentence_initial(text, sent.tokens[i][0]) or sent.low(i - 1) in CLAUSE_OPENERS)
        lower_name = (n_word.islower() and len(n_low) >= 3 and (
            (frequency(n_low) < 2_000 or low in ("mr", "mrs", "ms", "mister", "missus"))
            if low != "miss" else (
                no_word_at_all(n_low) or (n_low in family and tier(n_low) != "A")
                or (n_low not in ROLE_WORDS and (sent.teacher_after(j) or at_work)))))
        # "mrs k in the base": an initial alone
        lower_name = lower_name or (len(n_word) == 1 and n_word not in "aiAI"
                                    and not text[n_start + 1:n_start + 2].isalnum())
        # "my social worker is miss rose": a role then "is", a title, a word-name
        lower_name = lower_name or (n_word.islower() and n_low in WORD_NAMES
                                    and sent.low(i - 1) in ("is", "was")
                                    and sent.role_ends(i - 2))
        thanked = sent.low(i - 1) in THANKS or (sent.low(i - 1) in ("u", "you")
                                                and sent.low(i - 2) in ("thank", "fank"))
        lower_name = lower_name or (thanked and n_word.islower() and n_low in WORD_NAMES)
        word_name = lower_name and n_low in WORD_NAMES  # "miss may", "thank u miss april"
        # a surname that is also a colour after mr, mrs or ms: "ms black and mr white"
        colour = low != "miss" and (n_low in family or n_low in _SURNAME_WORDS) \
            and n_low not in ROLE_WORDS
        if (n_word[:1].isupper() or lower_name) and (n_low not in NOT_PII or word_name or colour) \
                and (n_low not in FUNCTION_WORDS or word_name) \
                and sent.gap(j).strip(". ") == "":
            end = n_start + len(n_word)
            if _is_capitalised(n_word) and j + 1 < n and sent.gap(j + 1) == " " \
                    and _is_capitalised(sent.words[j + 1]) and sent.lows[j + 1] not in NOT_PII \
                    and (sent.lows[j + 1] in family or frequency(sent.lows[j + 1]) < 2_000):
                end = sent.tokens[j + 1][0] + len(sent.words[j + 1])  # "Mrs Penny Fisher"
            return Span(comment_id, sent.tokens[i][0], end, "PERSON", 0.85, f"{self.name}:title")
        return None

    def _judge(self, sent: Tokens, i: int, cues: Cues, names: frozenset[str],
               family: frozenset[str]) -> tuple[float, str]:
        """Score token ``i`` as a name: a lexicon name by :meth:`_score`, any other word by
        :meth:`_unknown`; where those leave a word alone, the context rules of
        :data:`_LEXICON_RULES` and :data:`_WORD_RULES`, in order, the first that applies."""
        text, start = sent.text, sent.tokens[i][0]
        low, word = sent.lows[i], sent.words[i]
        prev, nxt = sent.low(i - 1), sent.low(i + 1)
        if (word.islower() or (_is_capitalised(word) and sentence_initial(text, start))) \
                and i + 1 < len(sent.words) and sent.gap(i + 1) == " " \
                and opens_a_phrase(low, sent.words[i + 1]):
            return 0.0, "lexicon"  # "crystal clear", "Ruby red": a fixed phrase
        if names_an_identifier(text, start, start + len(word), prev):
            return 0.0, "lexicon"  # "i dont know my nino": a National Insurance number
        if low in names and not (low in FUNCTION_WORDS and low not in WORD_NAMES):
            score = self._score(text, start, word, low, prev, nxt, cues.before,
                                cues.after or cues.kin_after)
            if score:
                return score, "lexicon"
            at = _At(sent, i, cues, names, family)
            return next(((value, rule) for value, rule, applies in _LEXICON_RULES
                         if applies(at)), (0.0, "lexicon"))
        if low in FUNCTION_WORDS or low in names:
            return 0.0, "lexicon"
        at = _At(sent, i, cues, names, family)
        found = next(((value, rule) for value, rule, applies in _WORD_RULES_FIRST
                      if applies(at)), None)
        if found:
            return found
        score, rule = self._unknown(text, start, word, low, prev, cues.before,
                                    cues.after or cues.kin_after, cues.named_person)
        if score:
            return score, rule
        return next(((value, rule) for value, rule, applies in _WORD_RULES if applies(at)),
                    (score, rule))

    def _extent(self, sent: Tokens, i: int, score: float, rule: str, names: frozenset[str],
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
                and (i == 1 or lows[i - 2] in FUNCTION_WORDS
                     or sentence_initial(text, tokens[i - 1][0])):
            start = tokens[i - 1][0]
        if rule == "full_name":  # "rob hunter": the surname the rule read
            end = tokens[i + 1][0] + len(words[i + 1])
        # include "big"/"little" of a nickname ("big Dave")
        if i and lows[i - 1] in ("big", "little", "lil") and rule != "capitalised":
            start = tokens[i - 1][0]
        # include a capitalised "The" before a name inside a sentence ("at The Poplars")
        if rule == "capitalised" and i and tokens[i - 1][1] == "The" \
                and not sentence_initial(text, tokens[i - 1][0]):
            start = tokens[i - 1][0]
        # extend over a surname or further capitalised words: "Kai Brennan", "Moss Side"
        j = i + 1
        while j < len(sent) and sent.gap(j) in (" ", "-") and words[j - 1] == tokens[j - 1][1]:
            n_word, n_low = words[j], lows[j]
            if sent.gap(j) == "-" and n_low in names and n_word.islower() == word.islower() \
                    and not (n_low in FUNCTION_WORDS and n_low not in WORD_NAMES):
                end = tokens[j][0] + len(n_word)  # a double first name: "ruby-may"
                j += 1
                continue
            if _hyphenated_surname(sent, j, family, word.islower()):
                end = tokens[j + 1][0] + len(words[j + 1])  # "ruby-may fletcher-wood"
                j += 2
                continue
            last = _particle_surname(sent, j, family) if rule != "capitalised" else None
            if last is not None:  # "pieter van der berg", "maria de souza"
                end = tokens[last][0] + len(words[last])
                j = last + 1
                continue
            known_family = (n_low in family and tier(n_low) != "A" and (
                n_word[:1].isupper() or word.islower()) and n_low not in FUNCTION_WORDS) or (
                n_low in _SURNAME_WORDS and _is_capitalised(n_word) and _is_capitalised(word)
                and score >= 0.75) or (
                # a surname that is also a word, in lower case, where a name ends: "lizzie
                # cook my pa", "dean miles is leaving" (not "kai cook dinner")
                j == i + 1 and word.islower() and n_word.islower()
                and (n_low in family or n_low in _SURNAME_WORDS or (
                    (frequency(n_low) < 5_000 or _given_surname(sent, j)) and (
                        sent.low(i - 1) in ("called", "name") or (
                            sent.low(i - 1) == "is" and sent.low(i - 2) in ("name", "names")))))
                and n_low not in FUNCTION_WORDS and n_low not in ROLE_WORDS
                and (n_low not in NOT_PII or _given_surname(sent, j)) and (j + 1 == len(sent) or (
                    sent.gap(j + 1).strip() == "" and (
                        sent.lows[j + 1] in _AFTER_FULL_NAME or sent.lows[j + 1] in SUBJECT_VERBS
                        or (sent.role_ends(i - 1) and (sent.lows[j + 1] in _PERSON_VERBS
                                                       or sent.lows[j + 1] == "moved"))))
                    or (sent.low(i - 1) == "is" and sent.low(i - 2) in ("name", "names"))
                    or sent.low(i - 1) in ("called", "name")))
            # "my nan violet green used to", "my old social worker hazel green moved", "my
            # name is frankie stone dob ...", "my real dad is called dean wood hes from hull",
            # "dob 14/02/2008 name april stone"
            if not known_family and (n_low in FUNCTION_WORDS or n_low in NOT_PII
                                     or n_low in ROLE_WORDS):
                break
            unknown_cap = _is_capitalised(n_word) and (
                frequency(n_low) < 2_000 or rule == "capitalised")
            # a double first name in lower case: "mikey joe", "mary kate"
            lower_given = word.islower() and n_word.islower() and n_low in names \
                and tier(n_low) != "A" and n_low not in FUNCTION_WORDS
            if not (known_family or unknown_cap or lower_given):
                break
            end = tokens[j][0] + len(n_word)
            j += 1
        # a surname's initial: "Kayla M", "Kwabena A." (not the pronoun "I")
        initial = _INITIAL.match(text, end)
        if initial and rule != "capitalised" and initial.group(1) != "I":
            end = initial.end(1)
        elif word.islower() and rule != "capitalised":
            # in lower case, a consonant that is no text-speak word ("n", "b", "u", "x"):
            # "my pa is ellie w and ..."
            initial = _INITIAL_LOWER.match(text, end)
            after = WORD_TOKEN.match(text, initial.end(1) + 1) if initial else None
            if initial and (after is None or after.group().lower() in FUNCTION_WORDS
                            or after.group().lower() in SUBJECT_VERBS):
                end = initial.end(1)
        return start, end

    @staticmethod
    def _listed(sent: Tokens, names: frozenset[str]) -> set[int]:
        """Tokens of a list of names after a plural family word: "my sisters precious blessing
        and favour", "my cousins mikey, dinny n jo" (lexicon names or no English word), or of
        three or more names said one after another ("it was grant then sue then bill")."""
        lows, out = sent.lows, set[int]()
        for k, low in enumerate(lows):
            if low not in _KIN_PLURAL or not k or lows[k - 1] not in POSSESSIVES | KIN_MODIFIERS:
                continue
            j, found = k + 1, []
            while j < len(sent) and sent.gap(j).strip() in ("", ",", "&"):
                if lows[j] in ("and", "n", "&"):
                    j += 1
                    continue
                if (lows[j] in FUNCTION_WORDS and lows[j] not in WORD_NAMES) \
                        or lows[j] in ROLE_WORDS \
                        or not (lows[j] in names or not_a_word(lows[j])):
                    break
                found.append(j)
                j += 1
            if found and (j >= len(sent) or lows[j] in FUNCTION_WORDS or lows[j] in ROLE_WORDS):
                out.update(found)
        # "first it was grant then sue then bill": three or more names one after another
        def member(k: int) -> bool:
            return lows[k] in names and lows[k] not in ROLE_WORDS and (
                lows[k] not in FUNCTION_WORDS or lows[k] in WORD_NAMES)

        out |= chained(lows, member, joins=_NAME_CHAIN_JOINS)
        # two after "first": "my sw changed, first dawn then rob then some agency woman"
        out |= {m for k in range(1, len(lows) - 2)
                if lows[k - 1] == "first" and lows[k + 1] == "then" and member(k)
                and member(k + 2) for m in (k, k + 2)}
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
        covered = _tokens_inside(tokens, spans, len(text))
        anchors = _tokens_inside(tokens, strong, len(text))
        for i in sorted(anchors):  # the rest of a double name: "kaylee-mae and jaxon", "ja-kori"
            k = i
            while _hyphened(tokens, text, k + 1):
                k += 1
                anchors.add(k)
            while _hyphened(tokens, text, i):
                i -= 1
                anchors.add(i)

        def joined(i: int, j: int) -> bool:  # tokens i < j joined by a conjunction or comma
            a, b = sorted((i, j))
            gap = text[tokens[a][0] + len(tokens[a][1]):tokens[b][0]]
            if b == a + 1:
                return gap.strip() in {",", "&", "+", "/"}
            return b == a + 2 and lows[a + 1] in {"and", "n", "&"} and gap.strip(" ,") == (
                tokens[a + 1][1])

        out: list[Span] = []
        grown = True
        while grown:
            grown = False
            for i, low in enumerate(lows):
                e = _hyphened_name_end(tokens, text, lows, i)  # "ta-rek": one name
                if e > i:
                    low = "".join(lows[i:e + 1])
                initials = len(low) == 2 and low not in FUNCTION_WORDS and frequency(low) < 500
                if i in covered or not (initials or not_a_word(low)
                                        or (len(low) >= 4 and frequency(low) == 0)
                                        or (len(low) >= 2 and low in names)) \
                        or low in FUNCTION_WORDS or low in ROLE_WORDS or low in NOT_PII \
                        or (i and lows[i - 1] in POSSESSIVES and low in WORD_NAMES):
                    continue  # not "my teddy, Mr Buttons": a thing someone has
                if any(joined(i, j) for j in (i - 2, i - 1) if 0 <= j and j in anchors) \
                        or any(joined(e, j) for j in (e + 1, e + 2)
                               if j < len(tokens) and j in anchors):
                    start = tokens[i][0]
                    out.append(Span(comment_id, start, tokens[e][0] + len(words[e]), "PERSON",
                                    0.5, f"{self.name}:coordination"))
                    covered.update(range(i, e + 1))
                    anchors.update(range(i, e + 1))
                    grown = True
        return out

    @staticmethod
    def _score(text: str, start: int, word: str, low: str, prev: str, nxt: str,
               cue_before: bool, cue_after: bool) -> float:
        kind = tier(low)
        if _is_capitalised(word):
            if low in _SEASONS and nxt in _SEASON_NOUNS:
                return 0.0
            if low in _SEASON_WORDS and prev in _WHEN:
                return 0.0  # "due in Spring", "by Autumn" (not "with Summer")
            if sentence_initial(text, start):
                if kind != "A":
                    return 0.75
                if _opening_word_used_as_word(text, start):
                    return 0.0  # "Sunny days are the best", "June is my favourite month"
                if cue_after or text[start + len(word):start + len(word) + 2] == ", ":
                    return 0.6
                return 0.5 if frequency(low) < 100_000 else 0.0
            if kind == "A" and prev in _PRONOUNS:
                return 0.0
            return 0.6 if kind == "A" else 0.85
        if word.isupper():
            if kind == "C" and len(word) >= 3:
                return 0.6
            if not (cue_before or cue_after):
                return 0.0
            # shouted text reads like lower case: "MY SOCIAL WORKER TOM SAID"
        # lower case
        if prev in ("the", "a", "an") and not (cue_before or cue_after):
            return 0.0  # "the max i have seen", "a bit of a jack"
        if prev in ("i", "we", "they") and (misspelt_word(low)
                                            or frequency(low + "e") >= 100_000):
            return 0.0  # a verb spelt as said: "i liv wiv my nan" (not the name Liv)
        if kind == "C":
            # a name that looks like a misspelt word ("stuart") still counts after "my dad";
            # two letters ("ty", "mo") only after a cue ("big mo", "my bro ty")
            if len(low) < 3:
                return 0.55 if cue_before or prev in ("big", "little", "lil", "another") \
                    else 0.0
            return 0.6 if (not misspelt_word(low, 20_000) or cue_before or cue_after) else 0.0
        if kind == "B":
            return 0.6 if (cue_before or cue_after or prev in ("with", "big", "little", "lil",
                                                               "another")) else 0.0
        if frequency(low) >= 100_000:
            return 0.5 if prev in NAMING else 0.0
        # "my sister precious": 0.55, so that names listed with it are found too; "me and
        # summer"
        return 0.55 if prev in KIN else (
            0.5 if prev in NAMING or (cue_before and prev in ("and", "n")) else 0.0)

    def _unknown(self, text: str, start: int, word: str, low: str, prev: str,
                 cue_before: bool, cue_after: bool,
                 named_person: bool = False) -> tuple[float, str]:
        if not low.isalpha() or low in countries():
            return 0.0, ""
        freq = frequency(low)
        if len(low) < 3:  # "my little brother tj", "aka JJ", "me and JJ", "JB was my carer":
            # initials after or before a cue
            return (0.5, "context") if (prev in KIN or prev in NAMING or (
                cue_before and prev in ("and", "n", *OBJECTS)) or (cue_after and word.isupper()
                                                         and len(word) == 2)) \
                and freq < 500 else (0.0, "")
        # one edit from a common word: a misspelling, unless capitalised next to a name cue
        # ("Ionut and me", not "donut")
        if misspelt_word(low) and not (word[:1].isupper() and (cue_before or cue_after)) \
                and not (prev in _KIN_TITLES and len(low) >= 4 and not dictionary_word(low)):
            return 0.0, ""  # but "uncle ardit", "kak hawre": a family title names who follows
        me_and = prev in ("and", "n") and cue_before
        given = prev in OBJECTS and cue_before  # "we call him seun"
        if given and _is_capitalised(word) and not sentence_initial(text, start):
            return 0.55, "context"  # "in the home they call me Major"
        if freq < 2_000 and (prev in KIN or prev in NAMING or me_and or given
                             or (cue_after and word[:1].isupper())) \
                and (freq < 500 or word[:1].isupper() or me_and or named_person) \
                and not (word.islower() and prev in KIN and dictionary_word(low)):
            return 0.55, "context"
        if freq >= 500:
            if (self.capitalised_unknown and _is_capitalised(word) and prev in PLACE_CUES
                    and not sentence_initial(text, start)
                    and _next_capitalised(text, start + len(word))):
                return 0.45, "capitalised"  # "in Moss Side", "at Hallam Park"
            return 0.0, ""
        if self.capitalised_unknown and _is_capitalised(word):
            initial = sentence_initial(text, start)
            if prev in PLACE_CUES and not initial and _next_capitalised(text, start + len(word)):
                return 0.45, "capitalised"
            if not initial or (self.fuzzy and _fuzzy_name(low)) or (freq == 0 and len(low) >= 4):
                return 0.45, "capitalised"  # "Shaniqua at school ...": no English word at all
            return 0.0, ""
        if self.fuzzy and len(low) >= 5 and freq == 0 and word.islower() and _fuzzy_name(low):
            return 0.4, "fuzzy"
        return 0.0, ""
