"""A person's initials written with dots: "thanks, T.J.", "love from K.M.", "my worker J.R. said".

Two or three letters, each followed by a dot (the last dot may be left off when no space is
written: "T.J said"), with or without a space after each dot ("T. J."), all capitals or all
lower case. They are masked as a person wherever they stand (when in doubt, mask), unless they
spell an abbreviation that names no one:

- the dotted forms of everyday abbreviations ("U.K.", "a.m.", "p.m.", "e.g.", "i.e.", "P.S.",
  "O.K.", "I.T."), of school subjects ("P.E.", "R.E."), and of the roles and services of care
  ("G.P.", "S.W." for social worker, "P.A.", "I.R.O.", "Y.P.", "N.H.S.", "D.O.B."): the lists
  the name rules already keep for two-letter shorthand and never-personal words; a person whose
  initials are "S.W." or "P.A." is left unmasked there, because in these comments the role is
  far more often meant;
- letters after "the", "a" or "an" ("the D.J.", "an M.P."): a noun, not someone's initials.

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`.
"""

from __future__ import annotations

import re

from ._name_words import _NOT_INITIALS
from ._pattern import Pattern
from .lexicons import CARE_SHORTHAND, NOT_PII, ROLE_WORDS

__all__ = ["DOTTED_LETTERS", "INITIAL_PATTERNS", "dotted_abbreviation_at", "dotted_initials_ok"]

#: Abbreviations written with dots that are no one's initials, beyond the name rules' lists:
#: times, Latin, letters' ends, countries and bodies, media.
DOTTED_ABBREVIATIONS = frozenset(
    """am pm eg ie nb ps pto rip aka btw eta sos bc ad us usa uk eu un ok it as tv dvd cd
    vip ufo bbc itv mp qc obe mbe cbe diy atm""".split())


def dotted_initials_ok(value: str) -> float | bool:
    """Whether dotted letters ("T.J.", "k. m.") are someone's initials: not one of the
    abbreviations above.

    Examples
    --------
    >>> dotted_initials_ok("T.J."), dotted_initials_ok("U.K."), dotted_initials_ok("p.m.")
    (True, False, False)
    >>> dotted_initials_ok("S.W."), dotted_initials_ok("J. R.")
    (False, True)
    """
    letters = "".join(c for c in value.lower() if c.isalpha())
    if letters in DOTTED_ABBREVIATIONS or letters in NOT_PII or letters in ROLE_WORDS \
            or letters in CARE_SHORTHAND:
        return False
    return not (len(letters) == 2 and letters in _NOT_INITIALS)


_UPPER = r"[A-Z]\.(?:[A-Z]\.){1,2}|[A-Z]\.[A-Z](?:\.[A-Z])?|[A-Z]\.(?:\s[A-Z]\.){1,2}"
_LOWER = _UPPER.replace("A-Z", "a-z")

#: Two or three letters with dots, in either case: what :func:`dotted_initials_ok` reads.
DOTTED_LETTERS = re.compile(r"(?:[A-Za-z]\.\s?){1,2}[A-Za-z]\.?")

_DOTTED_RUN = re.compile(r"(?<![\w.])(?:[A-Za-z]\.\s?){1,3}[A-Za-z]?\.?(?![\w])")


def dotted_abbreviation_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a letter of a dotted abbreviation that is no one's
    initials ("the J of "D.J.", the "P" of "P.E."), which no detector marks alone.

    Examples
    --------
    >>> dotted_abbreviation_at("my P.E. kit", 3, 4), dotted_abbreviation_at("from T.J.", 5, 6)
    (True, False)
    """
    if end - start != 1:
        return False
    for m in _DOTTED_RUN.finditer(text, max(0, start - 6)):
        if m.start() > start:
            break
        if start < m.end():
            return not dotted_initials_ok(m.group())
    return False


#: The dotted-initials patterns.
INITIAL_PATTERNS: tuple[Pattern, ...] = (
    Pattern("dotted_initials", "PERSON",
            # not inside a word, a web address or an e-mail address ("t.j@example.com"), and
            # not after an article ("the D.J.", "an M.P.")
            r"(?<![\w.@/\\'\u2019-])(?<!\b[Tt]he )(?<!\bTHE )(?<!\b[Aa]n )(?<!\bAN )(?<!\b[Aa] )"
            rf"(?P<pii>{_UPPER}|{_LOWER})(?![\w@/-]|\.\w)",
            score=0.7, flags=0, validate=dotted_initials_ok, trigger=r"\b[a-z]\.\s?[a-z]\b"),
)
