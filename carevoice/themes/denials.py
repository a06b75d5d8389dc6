"""Denials: a comment that says it has *no* complaint, *never needed* an advocate.

Young people often answer a survey by saying what is *not* a problem: "no complaints really,
my carers are great", "can't complain", "never needed an advocate but my mate did", "I don't
have a problem with my social worker changing". A coder that learns from wording and from
sentence embeddings reads the denied topic as if it were raised: "complaints" and "complain"
are the strongest words of ``complaints``, and a negation barely moves a sentence embedding.
:func:`read_denials` makes the denial explicit before coding: the denying phrase, with the
thing it denies, is read as "it's fine", so the rest of the comment is read for what it says.

The frames are deliberately narrow (when in doubt the text is left as it is):

* no complaint: ``no complaints (really)``, ``I've got no complaints about my carers``,
  ``nothing (much) to complain about``, ``can't complain`` and ``I'm not complaining`` at the
  end of a clause or before "really", "tbh", "but" (not "can't complain *because* they'd move
  me"), ``never had to complain``, ``I don't have any complaints``;
* no need of an advocate: ``I never needed an advocate``, ``didn't need an advocate``, unless
  someone else says so (``my social worker said I didn't need an advocate`` is about advocacy);
* no problem with something: ``I don't have a problem with my social worker changing``,
  ``no problem with ...``, ``I don't mind ...`` up to the end of the clause (not
  ``I wouldn't mind an advocate``, which wants one);
* not treated differently: ``nobody treats me differently``, ``I've never been treated
  differently``, ``I've never felt judged``, ``I'm not embarrassed about being in care``.

A complaint phrased with a negative is never rewritten: ``no one listens to my complaint``,
``I never got a reply to my complaint``, ``nobody told me how to complain``, ``there's no
complaints procedure``, ``I can't complain or they'll move me``.
Only the coder's reading changes: codes, quotes and reports keep the comment as written.
"""

from __future__ import annotations

import re

from .mentions import replace_spans

__all__ = ["denials", "read_denials"]

#: What a denial is read as.
FINE = "it's fine"

# The end of a clause, or a word that closes a short denial: "can't complain really, ..."
_CLOSES = (r"(?=\s*(?:$|[.,!?;:)\n]|-\s|\b(?:really|tbh|honestly|to\s+be\s+honest|lol|haha|"
           r"much|at\s+all|i\s+guess|tho|though|but|and|so|thanks|ta|x+)\b))")
_I = r"(?:i\s*(?:'?ve|\s+have|'?m|\s+am)?\s+|i\s+)?"
_NEG = (r"(?:don'?t|dont|do\s+not|didn'?t|didnt|did\s+not|haven'?t|havent|have\s+not|"
        r"never|not)")
# Words after "no complaints" that make it a missing process, not a denial.
_PROCESS = (r"(?:procedure|process|form|forms|policy|team|officer|system|leaflet|line|service|"
            r"department|number|box|made|were|was|got|ever|are|is|have)")
_CLAUSE_END = r"(?=\s*(?:$|[.!?;:,\n]|\s-\s|\bbut\b|\bcos\b|\bbecause\b|\bcoz\b|\bthough\b))"
_NO_COMPLAINTS = (
    # no complaints (really), i've got no complaints about my carers (not "made no complaint")
    r"(?:\bi\s*(?:'?ve|\s+have)?\s+(?:got\s+)?|\b(?:have|had|got)\s+)?"
    r"(?<!made\s)(?<!make\s)(?<!put\s)(?<!file\s)(?<!filed\s)(?<!lodged\s)(?<!raised\s)"
    r"\bno\s+(?:real\s+|big\s+|major\s+|other\s+|more\s+)?complaints?\b(?!\s+" + _PROCESS + r"\b)"
    r"(?:\s+(?:about|with)\s+[^.!?;,\n]*?" + _CLAUSE_END + r")?"
)
# "... because i'm in care": the reason goes with the denial it belongs to.
_CARE_TAIL = (r"(?:\s+(?:at\s+\w+\s+)?(?:because|cos|coz|cuz|for|about|of)\s+(?:of\s+)?"
              r"(?:being|i'?m|im|i\s+am|i\s+was|me\s+being)\s+(?:in\s+care|fostered|"
              r"a\s+care\s+(?:leaver|kid)|looked\s+after|care\s+experienced))?")
_FRAMES = (
    _NO_COMPLAINTS,
    # i don't have any complaints
    r"\b" + _I + _NEG + r"\s+(?:really\s+)?(?:have|had|got)\s+(?:any\s+)?complaints?\b"
    r"(?!\s+" + _PROCESS + r"\b)",
    # nothing (much) to complain about
    (r"\b(?:there'?s\s+|there\s+is\s+|i\s+have\s+|i'?ve\s+got\s+)?(?:nothing|not\s+much|"
     r"not\s+a\s+lot|nowt)\s+(?:really\s+|much\s+)?to\s+complain\s+about\b"),
    # can't complain (really), i'm not complaining (but ...)
    r"\b(?:i\s+)?(?:can'?t|cant|cannot|can\s+not)\s+complain\b" + _CLOSES,
    r"\b(?:i'?m\s+|i\s+am\s+|im\s+)?not\s+complaining\b" + _CLOSES,
    # i never had to complain
    r"\b" + _I + r"(?:never|haven'?t|havent|didn'?t|didnt)\s+(?:ever\s+)?(?:had|needed)\s+to\s+"
    r"(?:make\s+a\s+)?complain(?:t)?\b(?:\s+about\s+[^.!?;,\n]*?" + _CLAUSE_END + r")?",
    # i never needed an advocate, didn't need an advocate
    r"\b" + _I + r"(?:never|don'?t|dont|didn'?t|didnt|do\s+not|did\s+not|haven'?t)\s+"
    r"(?:ever\s+)?(?:really\s+)?need(?:ed)?\s+(?:an?\s+|my\s+)?advocates?\b",
    # i don't have a problem with my social worker changing; no problem with ...; i don't mind ...
    r"\b" + _I + r"(?:don'?t|dont|do\s+not|didn'?t|didnt|did\s+not)\s+(?:really\s+)?"
    r"(?:have|had)\s+(?:a|any)\s+problems?\s+with\s+[^.!?;,\n]+?" + _CLAUSE_END,
    r"\b(?:i\s+have\s+|i'?ve\s+got\s+|i\s+had\s+)?no\s+problems?\s+with\s+[^.!?;,\n]+?"
    + _CLAUSE_END,
    r"\b" + _I + r"(?:don'?t|dont|do\s+not|didn'?t|didnt|did\s+not)\s+(?:really\s+)?mind\s+"
    r"[^.!?;,\n]+?" + _CLAUSE_END,
    # nobody treats me differently; nobody judges me
    r"\b(?:no\s*one|nobody|noone|no\s+body)\s+(?:has\s+)?(?:ever\s+)?"
    r"(?:(?:treats?|treated|looks?\s+at|looked\s+at)\s+(?:me|us)\s+(?:any\s+)?"
    r"(?:differently|different|funny)|(?:judges?|judged)\s+(?:me|us))\b" + _CARE_TAIL,
    # i've never been treated differently; never felt judged; not embarrassed about being in care
    r"\b" + _I + r"(?:'?ve\s+|have\s+)?(?:never|not|haven'?t|havent|don'?t|dont)\s+(?:ever\s+)?"
    r"(?:been\s+|felt\s+|feel\s+|get\s+|got\s+)?(?:treated\s+(?:any\s+)?differently|judged|"
    r"looked\s+down\s+on|labelled|embarrassed|ashamed)\b"
    r"(?:\s+(?:about|of|for)\s+being\s+(?:in\s+care|fostered|a\s+care\s+(?:leaver|kid)))?"
    + _CARE_TAIL,
)
_DENIALS = re.compile("|".join(f"(?:{f})" for f in _FRAMES), re.IGNORECASE)
# Someone else says it: "my social worker said i didn't need an advocate" is about advocacy.
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|tell|thinks|thought|think|reckons?|reckoned|decided|"
    r"decides|claims?|claimed|assumed?|wrote|write|writes|apparently)\b[^.!?;\n]*$",
    re.IGNORECASE)


def _denial_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the denials a comment makes, in order."""
    spans = []
    for m in _DENIALS.finditer(text):
        if not m.group().strip():
            continue
        if _REPORTED.search(text[max(0, m.start() - 80):m.start()]):
            continue
        spans.append(m.span())
    return spans


def denials(text: str) -> tuple[str, ...]:
    """The denials a comment makes ("no complaints", "never needed an advocate").

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    tuple of str
        The denying phrases as written, lower-case, in order of appearance.

    Examples
    --------
    >>> denials("no complaints really, my carers are great")
    ('no complaints',)
    >>> denials("i never got a reply to my complaint")
    ()
    """
    return tuple(re.sub(r"\s+", " ", text[s:e]).lower() for s, e in _denial_spans(text))


def read_denials(text: str) -> str:
    """The comment with "it's fine" written for each denial it makes.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    str
        The comment, unchanged when :func:`denials` finds nothing.

    Examples
    --------
    >>> read_denials("no complaints really, my carers are great")
    "it's fine really, my carers are great"
    >>> read_denials("nobody told me how to complain")
    'nobody told me how to complain'
    """
    return replace_spans(text, _denial_spans(text), FINE)
