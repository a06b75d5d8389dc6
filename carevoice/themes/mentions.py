"""Use and mention: a word of the care system that a comment talks *about*.

Young people often object to the words used about them: "stop calling it contact, it's my
mum", "why is it called a placement, it's my home", "words like LAC make us sound like
paperwork". Such comments are about ``records_language``; they *mention* "contact" or
"placement" without *using* them. A coder that learns from wording and from sentence
embeddings reads the mentioned word as if it were used, so "stop calling it contact" pulls
towards ``family_contact`` as strongly as "contact got cancelled again".
:func:`read_mentions` makes the mention explicit before coding: a care-system term in a frame
that names it as a word is written as "that word", so the rest of the comment is read for what
it says.

The frames are deliberately narrow (when in doubt the text is left as it is):

* calling: ``call it contact``, ``they called it a "placement"``, ``calling us LAC``,
  ``why is it called respite``, ``they call my mum my birth mother``;
* naming the word: ``the word contact``, ``words like "placement" and "LAC"``,
  ``terms such as looked after``, ``LAC is a horrible word``, ``"contact" sounds like``,
  ``what does respite mean``;
* a quoted term in a clause that speaks of words, language, jargon or labels
  (``they use "contact" and "placement" in every letter, the language is so cold``).

A term used in its ordinary sense is never rewritten, quoted or not: ``contact got cancelled``,
``my "contact" is one hour a month``, ``i want to call my mum``.
Only the coder's reading changes: codes, quotes and reports keep the comment as written.
"""

from __future__ import annotations

import re

__all__ = ["mentioned_terms", "read_mentions"]

# Words of the care system that carry a theme when used (contact -> family contact, placement
# -> placement stability, ...). Longer phrases come first, so that "contact centre" is one term.
_TERMS = (
    r"(?:contact\s+cent(?:re|er)s?|family\s+time|contact|placements?(?:\s+(?:breakdown|move))?|"
    r"placed|looked[\s-]+after(?:\s+(?:child|children))?|LAC|CLA|CiC|respite|units?|"
    r"missing\s+episodes?|sibling\s+groups?|"
    r"birth\s+(?:mum|mother|mom|dad|father|parents?|family|families)|"
    r"absconding|absconded|case|care\s+leavers?|in\s+care)"
)
_Q_OPEN = "[\"'\u2018\u201c]"
_Q_CLOSE = "[\"'\u2019\u201d]"
# A term, perhaps in quotes with its article: contact, "placement", 'the unit'.
_TERM = r"(?:" + _Q_OPEN + r"(?:the\s+)?)?\b" + _TERMS + r"\b(?:" + _Q_CLOSE + r")?"
_QUOTED = _Q_OPEN + r"(?:the\s+)?\b" + _TERMS + r"\b" + _Q_CLOSE
_QUOTED_RE = re.compile(_QUOTED, re.IGNORECASE)
# Who or what is called: "call it", "calling us", "call my mum my", "call the home a".
_CALLED_WHAT = (r"(?:it|this|that|them|these|those|us|me|you|her|him|kids|children|"
                r"young\s+people|(?:my|our|the|your)\s+\w+)\s+(?:(?:my|our|a|an|the)\s+)?")
_NOT_AFTER = r"(?!\s+off\b)"
_FRAMES = re.compile(
    # calling something the term: "call it contact", "calling us LAC"
    r"\b(?:call|calls|called|calling|label|labels|labelled|labeled|labelling|labeling)\s+"
    + _CALLED_WHAT + r"(?P<called>" + _TERM + r")" + _NOT_AFTER
    # the passive: "it's called contact", "why is it called a placement"
    + r"|\b(?:called|labelled|labeled)\s+(?:(?:a|an)\s+)?(?P<passive>" + _TERM + r")"
    + _NOT_AFTER
    # naming the word: "the word contact", "words like placement", "terms such as LAC"
    + r"|\b(?:word|words|term|terms|phrase|phrases|label|labels)\s+"
    r"(?:like\s+|such\s+as\s+|of\s+)?"
    r"(?P<named>" + _TERM + r")"
    # the term as the subject of a sentence about words: "LAC is a horrible word"
    r"|(?P<subject>" + _TERM + r")\s+(?:is|was|are|were)\s+(?:\w+\s+){0,3}?"
    r"(?:word|words|term|label|jargon|name)\b"
    r"|(?P<sounds>" + _TERM + r")\s+(?:sounds?|stands?\s+for|makes?\s+(?:it|us|me)\s+"
    r"(?:sound|feel))\b"
    r"|\bwhat\s+(?:does|do|did)\s+(?P<means>" + _TERM + r")\s+mean\b"
    # saying or writing the quoted word: "stop writing 'respite'", "they keep saying 'the unit'"
    r"|\b(?:say|says|saying|sayin|said|write|writes|writing|wrote|written|use|uses|using|"
    r"used|put|puts|putting)\s+(?:the\s+words?\s+)?(?P<said>" + _QUOTED + r")",
    re.IGNORECASE)
_FRAME_GROUPS = ("called", "passive", "named", "subject", "sounds", "means", "said")
# A clause that speaks of words: quoted terms in it are mentions.
_WORDY = re.compile(
    r"\b(?:word|words|wording|term|terms|language|jargon|label|labels|labelled|labeled|"
    r"acronyms?|phrases?|call|calls|called|calling|say|says|said|write|writes|wrote|written)\b",
    re.IGNORECASE)
_CLAUSE = re.compile(r"[^.!?;\n]+[.!?;\n]*")
# Further terms listed after a mentioned one: "words like placement, contact and LAC".
_LIST_NEXT = re.compile(r"\s*(?:,|/|and|or|&)\s*(?:,\s*)?(?:and\s+|or\s+|not\s+)?(?P<next>" + _TERM
                        + r")", re.IGNORECASE)


def _mention_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the mentioned terms (quotes included), merged, in order."""
    spans: list[tuple[int, int]] = []
    for m in _FRAMES.finditer(text):
        name = next(g for g in _FRAME_GROUPS if m.group(g))
        start, end = m.span(name)
        spans.append((start, end))
        # a list after the first mentioned term: "words like 'placement' and 'contact'"
        while (nxt := _LIST_NEXT.match(text, end)) is not None:
            start, end = nxt.span("next")
            spans.append((start, end))
    for clause in _CLAUSE.finditer(text):
        if _WORDY.search(clause.group()):
            for q in _QUOTED_RE.finditer(clause.group()):
                spans.append((clause.start() + q.start(), clause.start() + q.end()))
    # merge overlaps, keep order
    merged: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def mentioned_terms(text: str) -> tuple[str, ...]:
    """The care-system terms a comment mentions as words rather than uses.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    tuple of str
        The mentioned terms, lower-case and without quotes, in order of appearance.

    Examples
    --------
    >>> mentioned_terms("stop calling it contact, its tea with my mum")
    ('contact',)
    >>> mentioned_terms("words like 'placement' and 'LAC' make us sound like paperwork")
    ('placement', 'lac')
    >>> mentioned_terms("contact got cancelled again")
    ()
    """
    return tuple(re.sub(r"\s+", " ", text[s:e].strip("\"'\u2018\u2019\u201c\u201d")).lower()
                 for s, e in _mention_spans(text))


def read_mentions(text: str) -> str:
    """The comment with "that word" written for each care-system term it mentions as a word.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    str
        The comment, unchanged when :func:`mentioned_terms` finds nothing.

    Examples
    --------
    >>> read_mentions("stop calling it contact, its tea with my mum")
    'stop calling it that word, its tea with my mum'
    >>> read_mentions('why is it called a "placement" when its my home')
    'why is it called a that word when its my home'
    >>> read_mentions("my 'contact' is one hour a month and its not enough")
    "my 'contact' is one hour a month and its not enough"
    """
    return replace_spans(text, _mention_spans(text), "that word")


def replace_spans(text: str, spans: list[tuple[int, int]], replacement: str) -> str:
    """``text`` with ``replacement`` written in place of each of ``spans``.

    Shared by the readings that write a phrase in place of what they find (mentions here,
    denials in :mod:`carevoice.themes.denials`).

    Parameters
    ----------
    text : str
        A comment.
    spans : list of (int, int)
        Start and end offsets, in order and not overlapping.
    replacement : str
        What each span reads as.

    Returns
    -------
    str
        The comment, unchanged when ``spans`` is empty.

    Examples
    --------
    >>> replace_spans("stop calling it contact", [(16, 23)], "that word")
    'stop calling it that word'
    """
    if not spans:
        return text
    out, last = [], 0
    for s, e in spans:
        out.append(text[last:s])
        out.append(replacement)
        last = e
    out.append(text[last:])
    return "".join(out)
