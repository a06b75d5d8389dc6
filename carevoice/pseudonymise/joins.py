"""Span steps after detection: widen, join, trim and propagate name spans.

Each step takes the comments and a spans frame and returns a new spans frame; none modifies its
input. :func:`carevoice.pseudonymise.detect_pii` runs them in order between the detectors and
the final spans table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..schema import COMMENT_ID, SPAN_COLUMNS
from ._base import NAME_LABELS, spans_frame, texts_by_id, title_case
from ._tokens import subject_of_place, subject_of_verb
from ._words import TITLE_WORDS
from .places import not_a_place_here

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "bridge_spans",
    "join_age_groups",
    "join_hyphenated",
    "join_initials",
    "join_place_prefixes",
    "join_title_runs",
    "name_again",
    "propagate_spans",
    "trim_leading_words",
]

def bridge_spans(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Join two name spans separated by one capitalised word into one span.

    "Voices Matter Leeds" with "Voices" and "Leeds" found would otherwise publish "Matter", part
    of an organisation's name. The word between must be capitalised and not a function word.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Resolved spans (non-overlapping, sorted by comment and start).

    Returns
    -------
    pandas.DataFrame
        The spans, with bridged pairs joined (an ORG if either side is one).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["from Voices Matter Leeds and Kai"]})
    >>> s = spans_frame([("a", 5, 11, "ORG", 0.6, "spacy"), ("a", 19, 24, "LOCATION", 0.85,
    ...                  "places"), ("a", 29, 32, "PERSON", 0.9, "names")])
    >>> bridge_spans(c, s)[["start", "end", "label"]].values.tolist()
    [[5, 24, 'ORG'], [29, 32, 'PERSON']]
    """
    from ._words import bridge_word

    if len(spans) < 2:
        return spans
    texts = texts_by_id(comments)
    gap = re.compile(r" ([A-Z][a-z'\u2019]+) ")
    rows = [list(r) for r in spans[list(SPAN_COLUMNS)].itertuples(index=False)]
    out: list[list[Any]] = []
    for row in rows:
        last = out[-1] if out else None
        if last is not None and last[0] == row[0] and last[3] in NAME_LABELS \
                and row[3] in NAME_LABELS:
            text = texts.get(str(row[0]), "")
            m = gap.fullmatch(text, int(last[2]), int(row[1]))
            if m and bridge_word(m.group(1)):
                last[2] = row[2]
                last[3] = "ORG" if "ORG" in (last[3], row[3]) else last[3]
                last[4] = max(last[4], row[4])
                last[5] = "+".join(sorted(set(str(last[5]).split("+")) | set(
                    str(row[5]).split("+")) | {"bridge"}))
                continue
        out.append(row)
    return spans_frame(tuple(r) for r in out)


#: What a name span starts with but is no part of the name: a title before a person's name
#: ("Mrs Okafor", "mr and mrs begum") and "the" before a home, estate or club ("the willows").
_TITLE_PREFIX = re.compile(rf"(?:(?:{TITLE_WORDS})\.?\s+(?:(?:and|&)\s+)?)+", re.IGNORECASE)
_THE_PREFIX = re.compile(r"the\s+", re.IGNORECASE)
_ID_PREFIX = re.compile(r"(?:(?:ref|reference|case|no|number|num)\b\.?[\s:#]*)+", re.IGNORECASE)
#: The words :func:`trim_leading_words` leaves out, by label.
_LEADING_WORDS = {"PERSON": _TITLE_PREFIX, "ORG": _THE_PREFIX, "LOCATION": _THE_PREFIX,
                  "ID": _ID_PREFIX}


def trim_leading_words(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Leave a title out of a person's span, "the" out of a place's or organisation's, and
    "ref" or "case no" out of a reference number's.

    The title and the article stay in the text, so a surrogate reads "Mrs Bennett" or "the
    Larches", and the same surname is one entity with or without its title. A span is trimmed
    only where a word is left after the title or article ("mrs k" keeps "k").

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        The spans, with those starts moved.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["Mrs Okafor at the willows"]})
    >>> s = spans_frame([("a", 0, 10, "PERSON", 0.85, "names"), ("a", 14, 25, "ORG", 0.6, "x")])
    >>> trim_leading_words(c, s)[["start", "end"]].values.tolist()
    [[4, 10], [18, 25]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    rows = []
    for row in spans[list(SPAN_COLUMNS)].itertuples(index=False):
        cid, start, end, label = str(row[0]), int(row[1]), int(row[2]), row[3]
        prefix = _LEADING_WORDS.get(label)
        if prefix is not None:
            text = texts.get(cid, "")
            m = prefix.match(text, start, end)
            rest = text[m.end():end] if m else ""
            if m and any(ch.isdigit() if label == "ID" else ch.isalnum() for ch in rest):
                start = m.end()
        rows.append((cid, start, end, label, row[4], row[5]))
    return spans_frame(rows)


def join_title_runs(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Widen a name span over the capitalised words around it when they make a title of 3+ words.

    "Speak Up Kirkwood", "Next Steps Leeds", "Speak Out North": organisations named with ordinary
    words and a place. A detector finds one word; the others would stay in the text. Words join
    while capitalised, separated by one space, not "I", not a role word and not a word that is
    never personal data; the run must not start a sentence and must reach three words. The span
    becomes an organisation. Comments written in Title Case (most words capitalised) are left
    alone: there every run of words is capitalised.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Non-overlapping spans in comment and offset order (as :func:`bridge_spans` leaves them).

    Returns
    -------
    pandas.DataFrame
        The spans, each title run widened into one organisation span.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["Kels from Speak Up Kirkwood is ok"]})
    >>> s = spans_frame([("a", 19, 27, "PERSON", 0.55, "names")])
    >>> join_title_runs(c, s)[["start", "end", "label"]].values.tolist()
    [[10, 27, 'ORG']]
    """
    from .lexicons import NOT_PII, ROLE_WORDS

    def joins(word: str) -> bool:  # capitalised function words do: "Speak Up", "Voices For"
        return word != "I" and word.lower() not in NOT_PII and word.lower() not in ROLE_WORDS

    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    before = re.compile(r"([A-Z][A-Za-z'\u2019]*) $")
    after = re.compile(r" ([A-Z][A-Za-z'\u2019]*)(?![\w'\u2019])")
    rows = [list(r) for r in spans[list(SPAN_COLUMNS)].itertuples(index=False)]
    absorbed: set[int] = set()
    for k, row in enumerate(rows):
        if row[3] not in NAME_LABELS:
            continue
        text = texts.get(str(row[0]), "")
        if title_case(text):
            continue
        # a capitalised name span just before the run joins it: "Speak" + "Up" + "Northfield"
        prev = rows[k - 1] if k and k - 1 not in absorbed and rows[k - 1][0] == row[0] \
            and rows[k - 1][3] in NAME_LABELS else None
        low_limit = rows[k - 1][2] if k and rows[k - 1][0] == row[0] else 0
        high_limit = rows[k + 1][1] if k + 1 < len(rows) and rows[k + 1][0] == row[0] \
            else len(text)
        start, end, words = int(row[1]), int(row[2]), len(text[row[1]:row[2]].split())
        while True:
            m = before.search(text, max(low_limit, start - 30), start)
            if not m or not joins(m.group(1)):
                break
            start, words = m.start(1), words + 1
        joined_prev = prev is not None and text[int(prev[2]):start] == " " \
            and all(w[:1].isupper() and joins(w) for w in text[prev[1]:prev[2]].split())
        if joined_prev:
            start, words = int(prev[1]), words + len(text[prev[1]:prev[2]].split())
        while True:
            m = after.match(text, end)
            if not m or m.end(1) > high_limit or not joins(m.group(1)):
                break
            end, words = m.end(1), words + 1
        # inside a sentence: a lower-case letter before the run (not ".", "!", a capital...)
        if words >= 3 and (start, end) != (row[1], row[2]) \
                and text[:start].rstrip()[-1:].islower():
            row[1], row[2], row[3] = start, end, "ORG"
            row[5] = f"{row[5]}+title"
            if joined_prev:
                absorbed.add(k - 1)
                row[4] = max(row[4], prev[4])  # type: ignore[index]
                row[5] = "+".join(sorted(set(str(row[5]).split("+"))
                                         | set(str(prev[5]).split("+"))))  # type: ignore[index]
    return spans_frame(tuple(r) for k, r in enumerate(rows) if k not in absorbed)


#: A team's age group after its name ("U12s", "under-14s", "Under 16's", "u15", "Under 11"), or
#: its number after a span that took in "Under" already; then the squad it may be split into
#: ("U13 Girls", "Under 11 Blues").
_AGE_NUMBER = r"(?P<age>1\d|[5-9]|2[0-3])(?P<plural>['\u2019]?s)?\b"
_SQUAD_WORDS = (r"girls|boys|ladies|women|men|blues|reds|whites|blacks|golds|greens|yellows|"
                r"ambers|lions|tigers")
_SQUAD = rf"(?:[ ]+(?:{_SQUAD_WORDS})\b)?"
_AGE_GROUP = re.compile(rf"[ ]+(?P<under>under[ ]?-?[ ]?|u-?){_AGE_NUMBER}{_SQUAD}",
                        re.IGNORECASE)
_AGE_AFTER_UNDER = re.compile(rf"(?P<under>)[ ]?-?{_AGE_NUMBER}{_SQUAD}", re.IGNORECASE)
_ENDS_UNDER = re.compile(r"\b(?P<word>under|u)$", re.IGNORECASE)
#: A span that ends in the age group already ("Rothwell Athletic U15"): only the squad may follow.
_ENDS_AGE = re.compile(r"\b(?:under|u)[ ]?-?[ ]?(?:1\d|[5-9]|2[0-3])(?:['\u2019]?s)?$",
                       re.IGNORECASE)
_SQUAD_AFTER_AGE = re.compile(rf"[ ]+(?:{_SQUAD_WORDS})\b", re.IGNORECASE)
#: What a number after "under" may count instead of years: "under 10 mins from town".
_NOT_AGES = re.compile(r"[ ]*(?:mins?|minutes?|hours?|hrs?|miles?|km|%|percent|pounds?|quid|"
                       r"grand|people|kids|years?|yrs?|months?|weeks?|days?|degrees|stone|kg|"
                       r"times|goals?|points?|[mpkx])\b", re.IGNORECASE)


def join_age_groups(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Widen a name span over the age group (and squad) that follows it: a team.

    "Kestrels U12s", "Farsley Juniors Under 16s", "Tingley Athletic under 14s girls": the age
    group and squad end the team's name, and left in the text they read as a name's remains
    beside its placeholder. The span becomes an organisation. An age group is "under" or "u"
    and 5 to 23 ("U12", "under-14s"), or that number after a span that took in "Under"; in
    lower case without a plural it must say "u" ("u10"), so "Leeds under 10 mins away" and
    "Kai u 2" are left.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Non-overlapping spans in comment and offset order.

    Returns
    -------
    pandas.DataFrame
        The spans, with teams widened.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["i play for Kestrels U12s now"]})
    >>> s = spans_frame([("a", 11, 19, "LOCATION", 0.6, "places")])
    >>> join_age_groups(c, s)[["start", "end", "label"]].values.tolist()
    [[11, 24, 'ORG']]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    rows = [list(r) for r in spans[list(SPAN_COLUMNS)].itertuples(index=False)]
    for k, row in enumerate(rows):
        if row[3] not in NAME_LABELS:
            continue
        text = texts.get(str(row[0]), "")
        end = int(row[2])
        limit = rows[k + 1][1] if k + 1 < len(rows) and rows[k + 1][0] == row[0] else len(text)
        m = _age_group_at(text, end, text[int(row[1]):end])
        if m is not None and m.end() <= limit:
            row[2], row[3], row[5] = m.end(), "ORG", f"{row[5]}+age_group"
    return spans_frame(tuple(r) for r in rows)


def _age_group_at(text: str, end: int, head: str) -> re.Match[str] | None:
    """The age group (and squad) that starts at ``end`` after a span reading ``head``."""
    if _ENDS_AGE.search(head):
        return _SQUAD_AFTER_AGE.match(text, end)
    under = _ENDS_UNDER.search(head)
    m = (_AGE_AFTER_UNDER if under else _AGE_GROUP).match(text, end)
    if m is None or _NOT_AGES.match(text, m.end("age") + len(m.group("plural") or "")):
        return None
    said = under.group("word") if under else m.group("under")
    if m.group("plural") is None and not (said[:1] == "U" or re.fullmatch(r"u-?", said)):
        return None  # "under 10" in lower case is a count: a team says "under 10s" or "u10"
    return m


def join_hyphenated(comments: pd.DataFrame, spans: pd.DataFrame, *,
                    labels: tuple[str, ...] = NAME_LABELS) -> pd.DataFrame:
    """Widen name spans over the rest of a hyphenated word.

    A detector that finds "tayla" in "tayla-mae", "Okonkwo" in "Okonkwo-Bright" or "Mae" in
    "Lily-Mae" would otherwise leave the other half of the name in the text.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Raw or resolved spans.
    labels : tuple of str
        Labels to widen.

    Returns
    -------
    pandas.DataFrame
        ``spans`` with those spans widened (same rows and order).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["me and tayla-mae, Jo"]})
    >>> s = spans_frame([("a", 7, 12, "PERSON", 0.6, "names"), ("a", 18, 20, "PERSON", 0.6, "n")])
    >>> join_hyphenated(c, s)[["start", "end"]].values.tolist()
    [[7, 16], [18, 20]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    after = re.compile(r"(?:[-\u2010\u2011][^\W\d_]+)+")
    before = re.compile(r"(?:[^\W\d_]+[-\u2010\u2011])+$")
    starts, ends = spans["start"].to_numpy().copy(), spans["end"].to_numpy().copy()
    for row, (cid, label) in enumerate(zip(spans[COMMENT_ID], spans["label"], strict=True)):
        if label not in labels:
            continue
        text = texts.get(str(cid), "")
        m = after.match(text, int(ends[row]))
        if m:
            ends[row] = m.end()
        m = _hyphenated_before(before, text, int(starts[row]))
        if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            starts[row] = m.start()
    out = spans.copy()
    out["start"], out["end"] = starts, ends
    return out


def _hyphenated_before(before: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """``before.search(text, 0, start)`` in a window that grows only while the match may run
    on past its left edge, so that a long comment is not searched from its start per span."""
    if not start or text[start - 1] not in "-\u2010\u2011":
        return None  # the pattern ends with a hyphen
    width = 64
    while True:
        low = max(0, start - width)
        m = before.search(text, low, start)
        if low == 0 or (m is not None and m.start() > low + 1):
            return m
        width *= 4


def join_place_prefixes(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Widen a capitalised name span over a place-name prefix written before it.

    "Little Brackford", "Upper Heyford", "North Fenmoor": a detector that finds the second word
    would leave the first in the text. Only these capitalised prefixes are joined: Little,
    Great, Upper, Lower, North, South, East, West, Old, New, Nether, Higher, Long, Market.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        The spans, person, place and organisation spans widened where a prefix stands before.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["a village called Little Brackford"]})
    >>> s = spans_frame([("a", 24, 33, "PERSON", 0.45, "names")])
    >>> join_place_prefixes(c, s)[["start", "end"]].values.tolist()
    [[17, 33]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    prefix = re.compile(r"(?<![\w'\u2019])(?:Little|Great|Upper|Lower|North|South|East|West|Old|"
                        r"New|Nether|Higher|Long|Market) $")
    starts = spans["start"].to_numpy().copy()
    for row, (cid, label) in enumerate(zip(spans[COMMENT_ID], spans["label"], strict=True)):
        text = texts.get(str(cid), "")
        start = int(starts[row])
        if label not in NAME_LABELS or not text[start:start + 1].isupper():
            continue
        m = prefix.search(text, max(0, start - 8), start)
        if m:
            starts[row] = m.start()
    out = spans.copy()
    out["start"] = starts
    return out


#: One letter after a name that is its surname's initial ("from kayla b, 14", "kai p said"):
#: not "a" or "i", nor a letter that is a word in text-speak ("kayla n me", "love kai x").
_INITIAL_AFTER = re.compile(r" (?![aAiInNuUrRcCyYkKxX](?![.\w]))([A-Za-z])\.?(?![\w'\u2019@])")


def join_initials(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Widen a person's name over the initial written after it: "from kayla b, 14".

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        The spans, person spans widened where an initial follows.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> c = pd.DataFrame({"comment_id": ["a"], "text": ["from kayla b, 14"]})
    >>> s = spans_frame([("a", 5, 10, "PERSON", 0.9, "names")])
    >>> join_initials(c, s)[["start", "end"]].values.tolist()
    [[5, 12]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    ends = spans["end"].to_numpy().copy()
    for row, (cid, label) in enumerate(zip(spans[COMMENT_ID], spans["label"], strict=True)):
        text = texts.get(str(cid), "")
        end = int(ends[row])
        if label != "PERSON" or not text[end - 1:end].isalpha():
            continue
        m = _INITIAL_AFTER.match(text, end)
        if m:
            ends[row] = m.end()
    out = spans.copy()
    out["end"] = ends
    return out


class _Coverage:
    """The characters of one comment that spans cover: adding a span and asking whether one
    overlaps cost the span's length, not the number of spans (a long answer has thousands)."""

    def __init__(self, size: int) -> None:
        self.chars = bytearray(size)
        self.empty: set[int] = set()  # positions of empty spans, which still split a match

    def add(self, start: int, end: int) -> None:
        if end <= start:
            self.empty.add(start)
            return
        if end > len(self.chars):
            self.chars.extend(bytearray(end - len(self.chars)))
        self.chars[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span added overlaps ``[start, end)`` (``s < end and start < e``)."""
        if any(start < p < end for p in self.empty):
            return True
        return 1 in self.chars[max(0, start):max(0, end)]

    def covers(self, start: int, end: int) -> bool:
        """Whether spans added cover every character of ``[start, end)``."""
        return 0 not in self.chars[max(0, start):max(0, end)] and end <= len(self.chars)


def propagate_spans(comments: pd.DataFrame, spans: pd.DataFrame, *, min_score: float = 0.6,
                    subject_min_score: float = 0.5,
                    labels: tuple[str, ...] = NAME_LABELS) -> pd.DataFrame:
    """Add every other occurrence, in the same comment, of a name already found there.

    "big Dave ... hes alright dave": once ``Dave`` is found, ``dave`` is masked too (score 0.5,
    detector ``"propagate"``, so it goes to review). When in doubt, mask. A name found with
    less confidence (a word-name such as "grace", scoring at least ``subject_min_score``) is
    carried only to mentions that stand as a clause's subject before a verb said of a person:
    "my advocate grace ..., grace even came to my review", not "grace ... saying grace"; a
    town found with less confidence only to mentions after "in", "from" or "near" or a subject
    before "is" or "was" ("lives in march ..., march is the middle of nowhere"), and never
    where the word is a food or a saying ("eccles cakes", "jekyll and hyde"). The first word of
    a full name found is carried as a name found with less confidence ("my pa rob hunter ...,
    rob deserves a pay rise"); a title is not carried ("mr wood ... wood is a legend").
    A person's name found with any confidence is also carried wherever the word's ordinary
    reading cannot explain the other mention (:func:`name_again`): "I want to see Marvel more,
    Marvel is my little sister", "Bobbi ... bobbi"; "I met Hope ... I hope" keeps its verb.

    Parameters
    ----------
    comments : pandas.DataFrame
    spans : pandas.DataFrame
        Raw or resolved spans.
    min_score : float, default 0.6
        Spans scoring at least this are propagated to every other mention.
    subject_min_score : float, default 0.5
        Person and place spans scoring at least this (and less than ``min_score``) are
        propagated to mentions in a subject's place only; person spans scoring less, only
        where :func:`name_again` holds (as every person span is).
    labels : tuple of str
        Labels to propagate.

    Returns
    -------
    pandas.DataFrame
        ``spans`` plus the new spans (not resolved).
    """
    import pandas as pd

    if spans.empty:
        return spans
    strong = spans[spans["label"].isin(labels) & ((spans["score"] >= min_score) | (
        spans["label"].isin(("PERSON", "LOCATION")) & (spans["score"] >= subject_min_score))
        | (spans["label"] == "PERSON"))]  # below subject_min_score: name_again only
    if strong.empty and not spans["label"].isin(("ORG", *_IDENTIFIER_LABELS)).any():
        return spans
    texts = texts_by_id(comments)
    covered: dict[str, _Coverage] = {}
    for cid, start, end in spans[[COMMENT_ID, "start", "end"]].itertuples(index=False):
        covered.setdefault(str(cid), _Coverage(len(texts.get(str(cid), "")))).add(
            int(start), int(end))
    new = []
    for (cid, label), group in strong.groupby([COMMENT_ID, "label"], sort=False):
        text = texts.get(str(cid), "")
        surfaces: dict[str, bool] = {}  # surface -> whether only subjects' places take it
        faint: dict[str, bool] = {}  # surface -> whether only name_again takes it
        subject = subject_of_place if label == "LOCATION" else subject_of_verb
        for s, e, score in zip(group["start"], group["end"], group["score"], strict=True):
            weak = score < min_score and label in ("PERSON", "LOCATION")
            title = _TITLE_PREFIX.match(text, s, e) if label == "PERSON" else None
            if title and any(ch.isalnum() for ch in text[title.end():e]):
                s = title.end()  # "mr wood ... wood is a legend": the name without its title
            surfaces[text[s:e]] = surfaces.get(text[s:e], True) and weak
            faint[text[s:e]] = faint.get(text[s:e], True) and score < subject_min_score
            if label == "PERSON" and " " in text[s:e].strip():
                # the first name of a full name, where a subject stands: "my pa rob hunter
                # ..., rob deserves a pay rise"
                first = text[s:e].split()[0]
                if first.isalpha():
                    surfaces.setdefault(first, True)
        for surface, weak in surfaces.items():
            if len(surface.strip()) < 2:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)", re.IGNORECASE)
            for m in pattern.finditer(text):
                # a name found with confidence is masked everywhere in its comment, also
                # where it is the word ("I met Hope ... I hope"): when in doubt, mask
                if covered[str(cid)].overlaps(m.start(), m.end()) or (
                        label == "LOCATION" and not_a_place_here(text, m.start(), m.end())):
                    continue
                if weak and not (label == "PERSON" and name_again(text, surface, m.start(),
                                                                  m.end())) and (
                        faint.get(surface, False) or not subject(text, m.start(), m.end())):
                    continue
                covered[str(cid)].add(m.start(), m.end())
                new.append((str(cid), m.start(), m.end(), label, 0.5, "propagate"))
    new.extend(_short_names(texts, spans, covered))
    new.extend(_names_joined_to_a_name(texts, spans, covered, min_score))
    new.extend(_identifiers_again(texts, spans, covered))
    if not new:
        return spans
    return pd.concat([spans, spans_frame(new)], ignore_index=True)


#: What may stand before the first word of a sentence: a quote, a bracket, a bullet.
_SENTENCE_LEAD = " \t\"'\u201c\u2018(*-\u2022"


def name_again(text: str, surface: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, another mention of ``surface`` masked as a person, can
    only be that person's name again.

    The guard that keeps a word-name found with less confidence to a subject's place ("my
    advocate grace ..., grace even came", not "saying grace"; "I met Hope ... I hope") stands
    for a word the mention can be read as. It does not stand where no ordinary reading explains
    the mention: a name that is no English word (not a lower-case word of Webster's Second,
    nor a frequent one: "Bobbi", "kaiden", "Marley"), in any case; or the same capitalised
    word again, in the same case, where capitals mean a name: not a sentence's first word
    (unless the word is a rare one, :func:`~.lexicons.is_common_word`: "Marvel" but not
    "Hope"), nor in a comment written in capitals or title case.

    Parameters
    ----------
    text : str
        The comment.
    surface : str
        The text of the span masked as a person.
    start, end : int
        The other mention's offsets (it matches ``surface`` whatever the case).

    Returns
    -------
    bool

    Examples
    --------
    >>> t = "I want to see Marvel more, Marvel is my little sister"
    >>> name_again(t, "Marvel", 27, 33)
    True
    >>> t = "I met Hope at group. I hope she stays"
    >>> name_again(t, "Hope", 23, 27)
    False
    """
    from ._words import KIN_AS_SAID, KIN_OTHER_LANGUAGES
    from .lexicons import NOT_PII, ROLE_WORDS, is_common_word, lowercase_words

    words = [w.strip("'\u2019.-") for w in surface.split()]
    if not words or not all(w.isalpha() for w in words) or any(
            w.lower() in KIN_OTHER_LANGUAGES or w.lower() in KIN_AS_SAID
            or w.lower() in NOT_PII or w.lower() in ROLE_WORDS for w in words):
        return False  # a family word or title ("babcia"), however it was masked
    if not any(w.lower() in lowercase_words() or is_common_word(w) for w in words):
        return True  # no English word: a name whatever its case
    if text[start:end] != surface or not surface[:1].isupper() or text.isupper() \
            or title_case(text):
        return False
    lead = text[:start].rstrip(_SENTENCE_LEAD)
    if not lead or lead[-1] in ".!?:;\n":
        return not any(is_common_word(w) for w in words)
    return True


#: Labels of identifiers written in characters and digits, carried to their other forms.
_IDENTIFIER_LABELS = ("ID", "PHONE")


def _identifiers_again(texts: dict[str, str], spans: pd.DataFrame,
                       covered: dict[str, _Coverage]) -> list[tuple]:  # type: ignore[type-arg]
    """Other mentions, in the same comment, of an identifier already found: the same
    identifier as the replacement step reads it (:func:`~.identifiers.identifier_key`), in any
    spacing, punctuation or case and with letters typed for its digits: "case ref CR-2291-0047
    and cr 229I 0047" (the second form has no cue before it), "07700 900123 ... +44 7700
    9OO123"; a form masked in part only is widened over the rest of it. Only identifiers of
    six characters or more with four digits or more, as read, are carried, so that a short
    number is not masked wherever it recurs (score 0.5, to review)."""
    from .identifiers import identifier_key

    new = []
    found = spans[spans["label"].isin(_IDENTIFIER_LABELS)]
    done: set[tuple[str, str, str]] = set()
    for cid, start, end, label in found[[COMMENT_ID, "start", "end", "label"]].itertuples(
            index=False):
        text = texts.get(str(cid), "")
        key = identifier_key(label, text[start:end])
        if key is None or len(key) < 6 or sum(ch.isdigit() for ch in key) < 4 \
                or (str(cid), label, key) in done:
            continue
        done.add((str(cid), label, key))
        for m in _forms_of(label, key).finditer(text):
            # a form masked in part only is widened ("lac OO43917", its digits found alone)
            if identifier_key(label, m.group(0)) == key \
                    and not covered[str(cid)].covers(m.start(), m.end()):
                covered[str(cid)].add(m.start(), m.end())
                new.append((str(cid), m.start(), m.end(), label, 0.5, "propagate"))
    return new


#: What a digit may be typed as (:data:`~.identifiers.LETTER_DIGITS` the other way round).
_DIGIT_FORMS = {"0": "0Oo", "1": "1Il|", "5": "5S", "8": "8B"}


def _forms_of(label: str, key: str) -> re.Pattern[str]:
    """A pattern for the ways of writing the identifier read as ``key``: its characters in any
    case, each digit also as a letter typed for it, up to two separators between any two, and
    for a UK phone number its +44 or 0044 form or a mobile without its 0. It finds
    candidates only; :func:`~.identifiers.identifier_key` decides."""
    gap = r"[\s\-./()]{0,2}"
    parts = [f"[{re.escape(_DIGIT_FORMS.get(ch, ch))}]" if ch.isdigit() else re.escape(ch)
             for ch in key]
    lead = ""
    if label == "PHONE" and key.startswith("0"):
        lead = r"(?:(?:\+|00)44\s?(?:\(0\)\s?)?|" + parts[0] + ")?"
        parts = parts[1:]
    return re.compile(r"(?<![\w+|])" + lead + gap.join(parts) + r"(?![\w|])", re.IGNORECASE)


#: A first name in lower case joined by "and", "n" or "&" to a person's name found: "with
#: summer and grace", "grace n summer".
_AND_NAME_AFTER = re.compile(r"[ \t]+(?:and|n|&)[ \t]+([a-z]+)(?![\w'\u2019-])")
_AND_NAME_BEFORE = re.compile(r"(?<![\w'\u2019-])([a-z]+)[ \t]+(?:and|n|&)[ \t]+$")
#: What a name joined so stands before when "will" or "may" is the modal: "kai and will go".
_AFTER_MODAL_JOINED = re.compile(r"[ \t]+[a-z]")


def _names_joined_to_a_name(texts: dict[str, str], spans: pd.DataFrame,
                            covered: dict[str, _Coverage],
                            min_score: float) -> list[tuple]:  # type: ignore[type-arg]
    """A first name in lower case joined by "and", "n" or "&" to a one-word person's name
    found with confidence: "i went to the park with summer and grace" (the model finds
    "summer", and "grace" read alone is the word), "grace n summer". Only a word of the
    first-name lists that is no family, role or function word, nor a word never personal data;
    "will" and "may" only where no word follows them ("kai and will go" is the modal). Score
    0.5, so listed for review: when in doubt, mask."""
    from ._words import FUNCTION_WORDS, KIN
    from .lexicons import NOT_PII, ROLE_WORDS, first_names

    names = first_names()
    new = []
    found = spans[(spans["label"] == "PERSON") & (spans["score"] >= min_score)]
    for cid, start, end in found[[COMMENT_ID, "start", "end"]].itertuples(index=False):
        text = texts.get(str(cid), "")
        if not text[start:end].isalpha():
            continue
        window = max(0, start - 20)
        for m in (_AND_NAME_AFTER.match(text, end), _AND_NAME_BEFORE.search(text, window, start)):
            if m is None:
                continue
            word = m.group(1)
            if word not in names or word in FUNCTION_WORDS or word in KIN or word in ROLE_WORDS \
                    or word in NOT_PII or covered[str(cid)].overlaps(m.start(1), m.end(1)):
                continue
            if word in ("will", "may") and _AFTER_MODAL_JOINED.match(text, m.end(1)):
                continue
            covered[str(cid)].add(m.start(1), m.end(1))
            new.append((str(cid), m.start(1), m.end(1), "PERSON", 0.5, "propagate"))
    return new


#: Words before an institution's name that its short form leaves out.
_ORG_LEAD = frozenset({"the", "st", "st.", "saint"})


def _short_names(texts: dict[str, str], spans: pd.DataFrame,
                 covered: dict[str, _Coverage]) -> list[tuple]:  # type: ignore[type-arg]
    """Mentions of an institution by its first word alone: "ashgrove lodge ... went back to
    ashgrove". Only a first word that no word list knows is carried ("ashgrove", not "oak" of
    "oak house"), to every other mention in the comment (score 0.5, to review)."""
    from ._words import no_word_at_all

    new = []
    orgs = spans[(spans["label"] == "ORG") & (spans["score"] >= 0.5)]
    carried: set[tuple[str, str]] = set()  # each first word is looked for once per comment
    for cid, start, end in orgs[[COMMENT_ID, "start", "end"]].itertuples(index=False):
        text = texts.get(str(cid), "")
        words = text[start:end].split()
        while words and words[0].lower() in _ORG_LEAD:
            words = words[1:]
        if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 4 \
                or (str(cid), words[0].casefold()) in carried \
                or not no_word_at_all(words[0].lower()):
            continue
        carried.add((str(cid), words[0].casefold()))
        pattern = re.compile(rf"(?<![\w'\u2019]){re.escape(words[0])}(?![\w'\u2019])",
                             re.IGNORECASE)
        for m in pattern.finditer(text):
            if covered[str(cid)].overlaps(m.start(), m.end()):
                continue
            covered[str(cid)].add(m.start(), m.end())
            new.append((str(cid), m.start(), m.end(), "ORG", 0.5, "propagate"))
    return new
