"""Where a span may not reach: line breaks, carevoice's own placeholders, the gaps that
separate two names, and the words of time beside a name.

Detectors read words, and a statistical model in particular can run a span over a line break
("Kai" on one line and "Tyler" on the next as one name) or read a tag written by an earlier run
("[PERSON_1]") as a handle. :func:`split_at_boundaries` cuts every span at these boundaries, and
:func:`joinable_gap` says when two neighbouring spans may be joined into one (only across
spaces, or inside a hyphenated or apostrophised name: "Jayden-Lee", "O'Neill").
:func:`cut_time_words` keeps a word of time out of a name's span ("call mckenzie
tonight", "Tomorrow Kai is coming"). Nothing here imports spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..placeholders import PLACEHOLDER, TAG_WORDS
from ..schema import SPAN_COLUMNS
from ._base import NAME_LABELS, spans_frame, texts_by_id

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "LINE_BREAKS",
    "TAG_WORDS",
    "cut_between_names",
    "cut_time_words",
    "joinable_gap",
    "placeholder_ranges",
    "split_at_boundaries",
]

#: The characters that end a line (those of :meth:`str.splitlines`): no span crosses them.
LINE_BREAKS: str = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"

#: A character that may stand between two parts of one name ("Jayden-Lee", "O'Neill").
_INNER = frozenset("-\u2010\u2011'\u2019")
#: The spaces two joined names may be separated by.
_SPACES = frozenset(" \u00a0")


def placeholder_ranges(text: str, extra: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every carevoice placeholder in ``text``.

    Parameters
    ----------
    text : str
    extra : iterable of str
        Other literal placeholders (a redaction string of one's own).

    Returns
    -------
    list of tuple of (int, int)
        Sorted by start; they may touch but do not overlap.

    Examples
    --------
    >>> text = "[PERSON_1] said Bev was mean, [Person 2] and [REDACTED] too"
    >>> [text[s:e] for s, e in placeholder_ranges(text)]
    ['[PERSON_1]', '[Person 2]', '[REDACTED]']
    """
    found = [m.span() for m in PLACEHOLDER.finditer(text)] if "[" in text else []
    for mark in extra:
        if mark and mark in text:
            found.extend((m.start(), m.end()) for m in re.finditer(re.escape(mark), text))
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def joinable_gap(text: str, end: int, start: int, join_gap: int = 1) -> bool:
    """Whether a span ending at ``end`` and the next starting at ``start`` may be joined.

    They may when they touch, when only spaces separate them (at most ``join_gap``: "Kai
    Brennan"), or when one hyphen or apostrophe inside a word does ("Jayden-Lee", "O'Neill").
    A comma, "&", "/", a full stop or a line break between them means two names ("Kai,Tyler",
    "Amelia.Tyler"); ``join_gap=0`` joins nothing.

    Parameters
    ----------
    text : str
        The comment.
    end, start : int
        The first span's end and the second span's start.
    join_gap : int, default 1

    Returns
    -------
    bool

    Examples
    --------
    >>> joinable_gap("Kai Brennan", 3, 4), joinable_gap("Kai,Tyler", 3, 4)
    (True, False)
    >>> joinable_gap("Jayden-Lee", 6, 7), joinable_gap("Kai - Tyler", 3, 6)
    (True, False)
    >>> joinable_gap("T.J. said", 1, 2), joinable_gap("Amelia.Tyler", 6, 7)
    (True, False)
    """
    if join_gap <= 0 or start < end:
        return False
    gap = text[end:start]
    if gap == "":
        return True
    if len(gap) <= join_gap and all(c in _SPACES for c in gap):
        return True
    if gap == "." and _initial_before(text, end):
        return True  # initials: "T.J."
    return (len(gap) == 1 and gap in _INNER and text[end - 1:end].isalpha()
            and text[start:start + 1].isalpha())


def _initial_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with a single letter standing alone ("T" of "T.J.")."""
    return text[end - 1:end].isalpha() and not text[end - 2:end - 1].isalpha()


def _pieces(text: str, start: int, end: int,
            blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` outside ``blocked`` and between line breaks, trimmed of
    spaces, that hold a letter or digit."""
    cuts = [(max(s, start), min(e, end)) for s, e in blocked if s < end and start < e]
    cuts += [(i, i + 1) for i in range(start, end) if text[i] in LINE_BREAKS]
    out, pos = [], start
    for s, e in sorted(cuts) + [(end, end)]:
        if s > pos:
            a, b = pos, s
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if any(ch.isalnum() for ch in text[a:b]):
                out.append((a, b))
        pos = max(pos, e)
    return out


def split_at_boundaries(comments: pd.DataFrame, spans: pd.DataFrame, *,
                        extra: Iterable[str] = ()) -> pd.DataFrame:
    """Cut spans at line breaks and around carevoice's placeholders.

    A span over a line break becomes one span per line ("Kai\\rTyler" -> "Kai", "Tyler"); the
    part of a span inside a placeholder ("[PERSON_1]" read as a handle) is dropped; parts with
    no letter or digit are dropped. Label, score and detector are kept.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Raw or resolved spans.
    extra : iterable of str
        Other literal placeholders to leave alone (a redaction string of one's own).

    Returns
    -------
    pandas.DataFrame
        The spans, cut (the others unchanged, in the same order).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["mac Kai\\rline3 [PERSON_1] x"]})
    >>> s = spans_frame([("a", 4, 13, "ORG", 0.6, "spacy"), ("a", 15, 23, "HANDLE", 0.6, "p")])
    >>> split_at_boundaries(c, s)[["start", "end"]].values.tolist()
    [[4, 7], [8, 13]]
    """
    if spans.empty:
        return spans
    extra = tuple(extra)
    texts = texts_by_id(comments)
    blocked: dict[str, list[tuple[int, int]]] = {}
    rows = []
    changed = False
    for row in spans[list(SPAN_COLUMNS)].itertuples(index=False):
        cid, start, end = str(row[0]), int(row[1]), int(row[2])
        text = texts.get(cid, "")
        if cid not in blocked:
            blocked[cid] = placeholder_ranges(text, extra)
        piece = text[start:end]
        if not blocked[cid] and not any(c in LINE_BREAKS for c in piece):
            rows.append(tuple(row))
            continue
        parts = _pieces(text, start, end, blocked[cid])
        if parts != [(start, end)]:
            changed = True
        rows.extend((row[0], a, b, *row[3:]) for a, b in parts)
    if not changed:
        return spans
    return spans_frame(rows)



#: Characters that separate two names written without a space: "Kai/Tyler", "Kai,Tyler".
_SEPARATORS = frozenset(",;&/+|.")
#: Detectors whose spans may run over a separator between two names.
_STATISTICAL = ("spacy", "learned")
#: The score from which a rule's person span counts as a name when cutting between names.
_CONFIDENT = 0.6


def cut_between_names(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Cut a statistical model's span where a separator stands between two names the rules found.

    spaCy reads "Kai/Tyler" as one organisation; the name rules find "Kai" and "Tyler". The
    model's span is cut at the "/" (or ",", ";", "&", "+", "|", ".") when a rule found a
    person's name on each side (scoring 0.6 or more, or read as a person by the learned token
    model as well), no rule's span covers the separator itself and the model's span holds
    nothing else, so that two children stay two people ("Gurpreet & Amrit") and a firm stays
    one ("Coles & Brennan Solicitors", which the token model reads as an organisation). A full
    stop after a single letter is an initial's ("T.J.").

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Raw spans (each row from one detector).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["Kai/Tyler came"]})
    >>> s = spans_frame([("a", 0, 3, "PERSON", 0.75, "names:lexicon"), ("a", 4, 9, "PERSON",
    ...                  0.85, "names:lexicon"), ("a", 0, 9, "ORG", 0.6, "spacy")])
    >>> cut_between_names(c, s)[["start", "end", "detector"]].values.tolist()[2:]
    [[0, 3, 'spacy'], [4, 9, 'spacy']]
    """
    if spans.empty:
        return spans
    detector = spans["detector"].astype(str)
    statistical = detector.str.startswith(_STATISTICAL)
    if not statistical.any():
        return spans
    texts = texts_by_id(comments)
    people: dict[str, list[tuple[int, int]]] = {}  # what the learned model reads as people
    for cid, start, end, label, det in spans.loc[statistical, [
            "comment_id", "start", "end", "label", "detector"]].itertuples(index=False):
        if label == "PERSON" and det == "learned":
            people.setdefault(str(cid), []).append((int(start), int(end)))
    rules: dict[str, list[tuple[int, int, bool]]] = {}
    for cid, start, end, label, score in spans.loc[~statistical, [
            "comment_id", "start", "end", "label", "score"]].itertuples(index=False):
        # a person's name found with confidence, or one the learned model reads as a person's
        # too ("Gurpreet & Amrit"; not "Coles & Brennan Solicitors", a firm to the model)
        sure = label == "PERSON" and (score >= _CONFIDENT or any(
            s < end and start < e for s, e in people.get(str(cid), ())))
        rules.setdefault(str(cid), []).append((int(start), int(end), sure))
    rows, changed = [], False
    for is_model, row in zip(statistical, spans[list(SPAN_COLUMNS)].itertuples(index=False),
                             strict=True):
        cid, start, end = str(row[0]), int(row[1]), int(row[2])
        text = texts.get(cid, "")
        found = rules.get(cid, ())
        cuts = []
        if is_model and found and any(text[p] in _SEPARATORS for p in range(start, end)):
            names = [(s, e) for s, e, sure in found if sure and start <= s and e <= end]
            covered = set().union(*(range(s, e) for s, e in names)) if names else set()
            rest = [p for p in range(start, end) if p not in covered]
            if rest and all(text[p] in _SEPARATORS or text[p].isspace() for p in rest):
                cuts = [p for p in rest if text[p] in _SEPARATORS
                        and any(e <= p for _, e in names) and any(p < s for s, _ in names)
                        and not (text[p] == "." and _initial_before(text, p))]
        if not cuts:
            rows.append(tuple(row))
            continue
        changed = True
        pos = start
        for p in [*cuts, end]:
            a, b = pos, p
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if any(ch.isalnum() for ch in text[a:b]):
                rows.append((row[0], a, b, *row[3:]))
            pos = p + 1
    return spans_frame(rows) if changed else spans


#: Words of time, in text-speak too, that are no part of anyone's name or any place's: a
#: statistical model (and the rule for capitalised words) may read one after or before a name
#: as a surname or a first name ("call mckenzie tonight", "Tomorrow Kai is coming"), or mark one
#: alone as an organisation.
_TIME_WORDS = frozenset(
    """today tonight tomorrow yesterday later soon again now tonite tonyt 2nite 2night 2day
    2moro 2morro 2morrow 2mrw tmrw tmr tmoz tomoz tomoro tomorow tommorow tommorrow yday l8r
    l8er""".split())
_WORD = re.compile(r"\S+")


def _without_time_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed past the words of time at either end of ``text[start:end]``;
    None where only words of time are left."""
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    while words and text[words[0][0]:words[0][1]].lower() in _TIME_WORDS:
        words.pop(0)
    while words and text[words[-1][0]:words[-1][1]].lower() in _TIME_WORDS:
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def cut_time_words(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Cut a word of time off either end of a name's span (a person's, place's or
    organisation's).

    A statistical model reads the word after a name as a surname now and then: "i want to call
    mckenzie tonight" gives "mckenzie tonight", "Tomorrow Kai is coming" gives "Tomorrow Kai".
    The word of time ("today", "tonight", "tomorrow", "yesterday", "later", "soon", "again",
    "now", and their text-speak: "tonite", "2moro", "tmrw") is no one's name and names nothing,
    so the span keeps the name only, and a span that is only words of time is dropped. An
    organisation named with one at its edge ("Today FM") keeps the rest masked. Label, score
    and detector are kept.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Raw or resolved spans.

    Returns
    -------
    pandas.DataFrame
        The spans, cut (the others unchanged, in the same order).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["i want to call mckenzie tonight"]})
    >>> s = spans_frame([("a", 15, 31, "PERSON", 0.58, "learned")])
    >>> cut_time_words(c, s)[["start", "end"]].values.tolist()
    [[15, 23]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    rows = []
    changed = False
    for row in spans[list(SPAN_COLUMNS)].itertuples(index=False):
        if row[3] not in NAME_LABELS:
            rows.append(tuple(row))
            continue
        start, end = int(row[1]), int(row[2])
        kept = _without_time_words(texts.get(str(row[0]), ""), start, end)
        if kept == (start, end):
            rows.append(tuple(row))
            continue
        changed = True
        if kept is not None:
            rows.append((row[0], *kept, *row[3:]))
    return spans_frame(rows) if changed else spans
