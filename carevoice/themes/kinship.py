"""Kinship care: read a relative the young person lives with as their carer.

About one in seven children in care in England lives with family or friends (kinship care).
For them "my nan" is often the carer, not family they are kept apart from, and the codebook
(``family_contact``) is about family the young person does *not* live with. A sentence-embedding
model cannot tell "I live with my nan" from "I want to live with my nan": both sit among the
family-contact comments. :func:`read_kin_carers` makes the distinction explicit before coding by
writing "carer" for a relative the young person says they live with, or who looks after them,
so that the rest of the comment is read for what it says about that carer.

The rules are deliberately narrow (when in doubt the text is left as it is):

* ``I live with my nan``, ``living with my aunt and uncle``, ``I've lived with grandad since``,
  ``my nan is my special guardian``, ``my carer is my aunt``, ``grandad looks after me``,
  ``my gran took us in`` and ``my nan raised me`` name a carer;
* not when the clause before it wishes, plans, remembers or negates
  (``I want to live with my nan``, ``they said I could live with my aunt``,
  ``I used to live with my gran``, ``I don't live with my nan any more``), nor when someone else
  lives with the relative (``my brother lives with my nan``);
* every later mention of the same relative word becomes "carer" too, except ``my other nan``;
* a foster mum or dad is always a carer: ``my foster mum`` is read as ``my foster carer``
  (foster brothers and sisters are left as written).

Only the coder's reading changes: codes, quotes and reports keep the comment as written.
"""

from __future__ import annotations

import re

__all__ = ["kin_carers", "read_kin_carers"]

# Relatives who are kinship carers (older siblings too); common child spellings included.
_KIN = (r"(?:nanna|nanny|nana|nan|nain|granny|grandmother|grandma|granddad|grandad|granda|"
        r"grandpa|grandfather|grandparents|gran|auntie|aunty|aunt|uncle|"
        r"(?:older|big|eldest)\s+(?:brother|sister))")
# A clause that wishes, plans, remembers, negates or visits: "live with" is not where they live.
_NOT_NOW = re.compile(
    r"\b(?:want|wants|wanted|wanna|wish|would|wud|like\s+to|let\s+me|allowed|could|cud|can|"
    r"hope|back|move|moved|go|going|gone|went|visit|see|seeing|used\s+to|before|if|"
    r"not|dont|don't|didnt|didn't|never|no\s+longer|anymore|any\s+more)\b|'d\b", re.IGNORECASE)
# One or two relatives, each perhaps with a name: "nan", "auntie Shaz and uncle Dev".
_NAMED = _KIN + r"(?:\s+(?-i:[A-Z][a-z'-]+))?"
_KIN_LIST = r"(" + _NAMED + r"(?:\s*(?:,|and|&|n)\s*(?:my\s+)?" + _NAMED + r")?)"
_KIN_WORD = re.compile(r"\b" + _KIN + r"\b", re.IGNORECASE)
_LIVE_WITH = re.compile(
    r"\b(?:live|lived|living)\s+with\s+(?:(?:my|our)\s+)?(?:other\s+)?" + _KIN_LIST + r"\b",
    re.IGNORECASE)
_CARER = re.compile(
    r"\b" + _KIN_LIST + r"\s+(?:is|are|was|were|has\s+been|have\s+been|became)\s+my\s+"
    r"(?:kinship\s+|special\s+|foster\s+)?(?:carers?|guardians?)\b"
    r"|\bmy\s+(?:kinship\s+|special\s+|foster\s+)?(?:carers?|guardians?)\s+(?:is|are)\s+my\s+"
    + _KIN_LIST + r"\b"
    r"|\b" + _KIN_LIST + r"\s+(?:look|looks|looked)\s+after\s+(?:me|us)\b"
    r"|\b" + _KIN_LIST + r"\s+(?:take|took|takes)\s+(?:me|us)\s+in\b"
    r"|\b" + _KIN_LIST + r"\s+(?:raised|brought)\s+(?:me|us)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;\n]|\bbut\b", re.IGNORECASE)


def _clause_before(text: str, start: int) -> str:
    """The part of ``start``'s clause that comes before it."""
    cut = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        cut = m.end()
    return text[cut:start]


# A foster mum or dad is the young person's carer, not their birth parent.
_FOSTER_PARENT = re.compile(
    r"\bfoster\s+(?:(parents)|(mum|mam|mom|mummy|mother|dad|daddy|father|parent))\b",
    re.IGNORECASE)


def _foster_carer(m: re.Match[str]) -> str:
    return "foster carers" if m.group(1) else "foster carer"


def kin_carers(text: str) -> tuple[str, ...]:
    """The relative words a comment reads as the young person's carer.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    tuple of str
        Lower-case relative words ("nan", "aunt", "big sister"), sorted; empty if none.

    Examples
    --------
    >>> kin_carers("i live with my nan and grandad in a bungalow")
    ('grandad', 'nan')
    >>> kin_carers("i want to live with my nan")
    ()
    >>> kin_carers("my brother lives with my aunt")
    ()
    """
    found: set[str] = set()
    for m in _LIVE_WITH.finditer(text):
        if _NOT_NOW.search(_clause_before(text, m.start())):
            continue
        found.update(_KIN_WORD.findall(m.group(1)))
    for m in _CARER.finditer(text):
        for group in m.groups():
            if group:
                found.update(_KIN_WORD.findall(group))
    return tuple(sorted({re.sub(r"\s+", " ", k.lower()) for k in found}))


def read_kin_carers(text: str) -> str:
    """The comment with "carer" written for each relative it reads as the carer.

    A foster mum or dad ("my foster mum Bev", "foster parents") is read as "foster carer(s)"
    too, wherever it stands: foster parents are carers, not the birth family that
    ``family_contact`` is about. Foster brothers and sisters are left as written.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    str
        The comment, unchanged when :func:`kin_carers` finds no carer.

    Examples
    --------
    >>> read_kin_carers("care is living with my nan. nan's dog is called Ted")
    "care is living with my carer. carer's dog is called Ted"
    >>> read_kin_carers("i live with my aunt and see my other aunt at christmas")
    'i live with my carer and see my other aunt at christmas'
    >>> read_kin_carers("i want to see my nan more")
    'i want to see my nan more'
    >>> read_kin_carers("my foster mum takes me to see my mum")
    'my foster carer takes me to see my mum'
    """
    text = _FOSTER_PARENT.sub(_foster_carer, text)
    kin = kin_carers(text)
    if not kin:
        return text
    words = sorted((r"\s+".join(map(re.escape, k.split())) for k in kin), key=len, reverse=True)
    pattern = re.compile(r"(?<!other )\b(" + "|".join(words) + r")('?s)?\b", re.IGNORECASE)

    def carer(m: re.Match[str]) -> str:
        word = "carers" if m.group(1).lower() == "grandparents" else "carer"
        return word + (m.group(2) or "")

    return pattern.sub(carer, text)
