"""People's names in a comment as written, read as the screen reads a person tag.

The cue rules say who can hit, hurt or threaten by role ("my carer", "staff", "he") and read a
pseudonymised person, ``[PERSON_3]``, as "someone" (:func:`carevoice.placeholders.model_text`).
A name in the comment as written was neither: "[PERSON_1] hits me" was flagged and "Kai hits
me" was not, and batch runs and the demo screen comments as written. Here a name reads as its
tag would, "someone", so the rules accept a name wherever they accept a person tag.

Which words are names comes from the pseudonymiser's own lexicons
(:mod:`carevoice.pseudonymise.lexicons`: its first-name gazetteer and word frequencies), not
from a list of this module's own:

- a capitalised word that is a first name and no ordinary English word ("Kai", "Mia"), or no
  word at all ("Shaniqua"); inside a sentence also a first name that is sometimes a word
  ("and Jack hits me"), but at the start of a sentence not ("Jack" there may be the word);
- a lower-case word that is only ever a name ("kai", "jayden"), as children type names;
- anywhere, a capitalised first name right before a verb of harm that acts on someone ("Hope
  hurts me", "Grace slapped my sister"; not "Hope hurts when you keep getting let down");
- a surname right after a name: a full name is one person ("Kai Jones hits me" reads as
  "someone hits me"), as is a first name before a capitalised surname ("Jack Patel").

Never a name here: a word the cue rules are written with ("Snapchat", "Rambo"), a role or
family word ("Mum", "Staff"), a word that is never personal data to the pseudonymiser ("Im",
"Xbox"), text-speak the normal form spells out, a word of harm
(:data:`carevoice.safeguarding.vocabulary.HARM_WORDS`), an ordinary word that is also a name
("Will", "Hope", "Grace") and a word in capitals ("KAI", "CAMHS"). Nothing here keeps or logs
the text; the lexicons load on first use.
"""

from __future__ import annotations

import functools
import re

__all__ = ["names_as_tags"]

#: A word of letters, not inside a tag ("[Person 3]") and not the start of a contraction.
_WORD = re.compile(r"(?<![\w\[])[A-Za-z][a-z]+(?![\w\]])(?!['\u2019](?![sS]\b)[A-Za-z])")
#: The word before: a place cue ("at", "to") makes an unknown capitalised word a place.
_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
#: The word after: a capitalised noun of a place ("Willow Lodge", "Oakfield House").
_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)")
#: The word after, capitalised: a surname ("Jack Patel").
_SURNAME_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_PLACE_BEFORE = frozenset({"to", "into", "towards", "past", "via"})
_PLACE_AFTER = frozenset({"lodge", "house", "road", "street", "estate", "park", "close", "court",
                          "avenue", "lane", "way", "drive", "view", "hall", "farm", "grove",
                          "primary", "high", "secondary", "hospital", "ward", "station"})
#: Letters of the cue rules' patterns, escapes such as ``\b`` and ``\w`` left out.
_ESCAPE = re.compile(r"\\[A-Za-z]")
#: Right after a capitalised first name: a verb of harm in a form no modal or imperative takes
#: ("Will hits me", "Hope pushed me", "Rob keeps touching me"; not "Will you", "Rob a shop"),
#: acting on someone: the writer, someone of theirs or someone named ("Hope hurts me", "Grace
#: slapped my sister", "Will punched Kai"; not "Hope hurts when you keep getting let down",
#: "Frank hits differently at night", where the word is the word).
_HARM_AFTER = (r"[ \t]+(?i:(?:always|still|just|also|then|even|sometimes|once|has|had|"
               r"keeps|kept|started|starts|keeps on)[ \t]+)?(?i:{verbs})[ \t]+"
               r"(?i:(?:again|always|sometimes|all|even|really|hard)[ \t]+)?"
               r"(?:(?i:me|us|my|our|him|her|his|them|their|you|ya|u|myself)\b|[A-Z][a-z]+\b)")
#: Forms of the rules' verbs of harm that are past or third person as written (the bare form
#: after a name could be the word's other sense: "Will hurt" stays; "hit" and "hurt" are past).
_PAST_TOO = frozenset({"hit", "hurt", "beat", "beaten", "bit", "bitten", "burnt", "threw",
                       "shook", "spat"})
_MORE_HARM = ("threatens", "threatened", "threatening", "touches", "touched", "touching",
              "bullies", "bullied", "bullying", "harms", "harmed", "stalks", "stalked", "gropes",
              "groped", "raped", "rapes", "stabbed", "stabs", "strangled", "hitting",
              "hurting", "kicking", "punching", "beating")
_LETTERS = re.compile(r"[a-z]{2,}")
#: Lower-case words that are first names but, before a verb, a modal or a word of its own.
_NOT_LOWER_NAMES = frozenset({"will", "may", "might", "can", "must", "shall", "should", "would",
                              "could", "did", "does", "had", "has", "have", "just", "even",
                              "still", "then", "also", "sometimes", "always", "never",
                              # a time that "hit me hard"
                              "summer", "winter", "autumn", "spring", "april", "june", "july",
                              "august", "dawn", "christmas", "easter"})
#: Words before a lower-case word that make it a verb, an object or a thing, not a person ("he
#: will hurt me", "they rob", "to rob me", "that summer hit me hard").
_SUBJECTS = frozenset({"i", "he", "she", "they", "we", "you", "it", "who", "to", "im", "hes",
                       "shes", "theyre", "were", "youre", "ill", "hell", "shell", "theyll",
                       "would", "will", "could", "can", "might", "may", "must", "should",
                       "the", "a", "an", "that", "this", "last", "next", "every", "each",
                       "one", "whole"})


@functools.cache
def _not_names() -> frozenset[str]:
    """The lower-case words never read as a name here (see the module's docstring)."""
    from ..pseudonymise.lexicons import WORD_NAMES
    from .cues import CUES, _expand

    rule_words = {w for cue in CUES
                  for pattern in (cue.pattern, cue.unless or "", *(r for _, r in cue.routes))
                  for w in _LETTERS.findall(_ESCAPE.sub(" ", _expand(pattern)))}
    return _never_people() | rule_words | WORD_NAMES


@functools.cache
def _never_people() -> frozenset[str]:
    """The lower-case words never a person even before a verb of harm ("Mum hits me")."""
    from ..pseudonymise.lexicons import ABBREVIATIONS, CARE_SHORTHAND, NOT_PII, ROLE_WORDS
    from ._text import _WORDS
    from .vocabulary import HARM_WORDS, NAMES_TOO

    speech = set(_WORDS) | {w for form in _WORDS.values() for w in form.split()}
    return frozenset(speech | ROLE_WORDS | NOT_PII | HARM_WORDS | NAMES_TOO | CARE_SHORTHAND
                     | ABBREVIATIONS)


@functools.cache
def _harm_after() -> re.Pattern[str]:
    """A verb of harm right after a word (:data:`_HARM_AFTER`), compiled on first use."""
    from .rules._shared import FRAGMENTS

    hit = _LETTERS.findall(FRAGMENTS["HIT"])
    verbs = sorted({w for w in hit if w.endswith(("s", "ed", "ing")) and not w.endswith("ss")}
                   | (_PAST_TOO & set(hit)) | set(_MORE_HARM), key=len, reverse=True)
    return re.compile(_HARM_AFTER.format(verbs="|".join(verbs)))


@functools.cache
def _lexicons() -> tuple:
    """The pseudonymiser's name gazetteer and word readings, loaded once."""
    from ..pseudonymise._tokens import tier
    from ..pseudonymise._words import ORG_NOUNS, PLACE_CUES, no_word_at_all, sentence_initial
    from ..pseudonymise.lexicons import first_names

    return (first_names(), _not_names(), tier, no_word_at_all, sentence_initial,
            ORG_NOUNS | _PLACE_AFTER, PLACE_CUES | _PLACE_BEFORE)


def _is_name(text: str, start: int, word: str) -> bool:
    names, not_names, tier, no_word_at_all, sentence_initial, place_after, place_before = (
        _lexicons())
    low = word.lower()
    named = low in names
    if word[0].islower():  # lower case: a word that is a name and nothing else
        if named and len(low) >= 3 and low not in not_names and tier(low) == "C":
            return True
        # or a first name that is also a word, right before a verb of harm acting on someone,
        # where no subject or modal stands before it ("jack hit me", "my mate rob kicks me";
        # not "he will hurt me", "i hope hurts", "to rob me")
        before = _BEFORE.search(text, 0, start)
        return (named and len(low) >= 3 and low not in _never_people()
                and low not in _NOT_LOWER_NAMES
                and not (before and before.group(1).lower() in _SUBJECTS)
                and bool(_harm_after().match(text, start + len(word))))
    if named and low not in _never_people() and _harm_after().match(text, start + len(word)):
        return True  # a first name right before a verb of harm is a person ("Will hits me")
    surname = _SURNAME_AFTER.match(text, start + len(word))
    if named and low not in _never_people() and surname and _is_surname(surname.group(1)):
        return True  # a first name and a surname: "Jack Patel threatened me"
    if low in not_names:
        return False
    # the pseudonymiser's own reading of a word: "C" a name only ("kai"), "B" a name that is
    # sometimes a word ("jack"), "A" an ordinary word too ("hope")
    after = _AFTER.match(text, start + len(word))
    if after and after.group(1).lower() in place_after:
        return False  # a place or a service: "Willow Lodge", "Oakfield School"
    if sentence_initial(text, start):
        return (named and tier(low) == "C") or no_word_at_all(low)
    if named and tier(low) != "A":
        return True
    # a word in no list, but not where a place is named ("moved to Kirkwood", "in Garthby")
    before = _BEFORE.search(text, 0, start)
    return no_word_at_all(low) and not (before and before.group(1).lower() in place_before)


def names_as_tags(text: str, reading: str = "someone") -> str:
    """The text with each person's name read as carevoice reads a person tag.

    Parameters
    ----------
    text : str
        A comment as written (tags, if any, are left as they are).
    reading : str, default "someone"
        What a name becomes: the form of a person tag
        (:data:`carevoice.placeholders.MODEL_FORMS`).

    Returns
    -------
    str
        The text with every name (a full name once) replaced by ``reading``.

    Examples
    --------
    >>> names_as_tags("Kai hits me and Mum knows")
    'someone hits me and Mum knows'
    >>> names_as_tags("me and jayden saw Will on Snapchat")
    'me and someone saw Will on Snapchat'
    >>> names_as_tags("Kai Jones hits me")
    'someone hits me'
    """
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        after_name = bool(out) and text[last:start] == " " and out[-1] == reading
        if not (_is_name(text, start, word) or (after_name and _is_surname(word))):
            continue
        if after_name:
            last = end  # a full name, "Kai Jones" or "Kai Hope Jones", is one person
            continue
        out += [text[last:start], reading]
        last = end
    return "".join(out) + text[last:] if out else text


def _is_surname(word: str) -> bool:
    """Whether a word right after a name is its surname ("Kai Jones", "kai jones"): a surname
    of the pseudonymiser's lexicon that is no word the screen reads otherwise, and, in lower
    case, no ordinary English word ("kai said", "kai hits")."""
    from ..pseudonymise.lexicons import is_common_word, surnames

    low = word.lower()
    if low not in surnames() or low in _never_people() or low in _lexicons()[5]:
        return False
    return word[0].isupper() or not (is_common_word(low) or low in _not_names())
