"""A safety net after pseudonymisation: shapes of text in which a name is often missed.

The detectors mark what they find; the review flags (:func:`carevoice.pseudonymise.review_flags`)
name the comments where a detector was unsure. A name that no detector found flags nothing. This
screen reads the pseudonymised text for the shapes a missed name most often takes, and names the
comments that hold one, with a reason code and never the text:

- ``"shape_after_contact"``: a word in no word list, or a rare first name, right after a verb
  people do to people ("ghosted zuleika", "blocked Tamsyn on everything", "snitched on dariusz");
- ``"shape_sign_off"``: such a word signing the comment off ("love kenzie x", "from Tobiah");
- ``"shape_digits_in_word"``: letters with digits inside that read as a name ("J4yden", "r0sie");
- ``"shape_slash_names"``: words joined by "/" one of which is such a word ("me/kenzie/tobiah");
- ``"shape_hashtag"``: a hashtag that does not split into common words ("#teamzuleika").

Words a replacement put in the text (tags, surrogates) are not read. The screen guesses: a
flagged comment is withheld from quotes until a person has looked, which is a small loss,
while a name in a published quote is a safeguarding incident.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..schema import COMMENT_ID, TEXT
from ._leet import digit_readings
from ._words import FUNCTION_WORDS, KIN, KIN_FRIENDS, KIN_STAFF, PERSON_NOUNS, frequency

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["LEAK_SHAPES", "SHAPE_WORD_COLUMNS", "leak_shapes", "screen_leak_shapes", "shape_hits",
           "shape_words"]

#: The reason codes of the screen, in the order :func:`leak_shapes` reports them.
LEAK_SHAPES: tuple[str, ...] = ("shape_after_contact", "shape_sign_off", "shape_digits_in_word",
                                "shape_slash_names", "shape_hashtag")

#: Verbs people do to people, in the forms young people write them: the word after one is
#: the person ("messaged", "blocked", "ghosted", "told on").
_CONTACT = (
    r"messaged|msged|msgd|inboxed|dm'?d|dmed|texted|txted|txtd|snapped|snapchatted|facetimed|"
    r"rang|phoned|called|blocked|unblocked|ghosted|tagged|unadded|added|unfriended|friended|"
    r"unfollowed|followed|deleted|reported|kissed|hugged|punched|slapped|battered|hit|fought|"
    r"bullied|dated|dumped|fancied|fancy|fancies|met|visited|told|asked|thanked|"
    r"(?:snitched|grassed|told|dobbed|grassing|snitching|telling)\s+on|"
    r"(?:fell|falling|went|going|lives?|living|lived|stayed|staying|argued|arguing|beef)\s+"
    r"(?:out\s+)?with")
_AFTER_CONTACT = re.compile(rf"\b(?:{_CONTACT})\s+(?P<word>[^\W\d_][\w'\u2019-]*)",
                            re.IGNORECASE)

#: A sign-off ending the comment: "love kenzie x", "from Tobiah", "thanks, jojo xx".
_SIGN_OFF = re.compile(
    r"\b(?:love|luv|lots\s+of\s+love|from|frm|cheers|thanks|thank\s+you|ta|regards|xoxo)"
    r"\s*,?\s+(?P<word>[^\W\d_][\w'\u2019-]*)\s*,?\s*(?:x+|xo+)?\s*[.!]*\s*$",
    re.IGNORECASE)

#: A word of letters with digits inside: "J4yden", "r0sie" (not "gr8", "2day", "y10").
_DIGITS_IN_WORD = re.compile(r"(?<![\w@#/.])(?P<word>[^\W\d_]+\d[^\W_]*[^\W\d_])(?![\w@/])")

#: Words joined by "/": "me/kenzie/tobiah", "kenzie / tobiah".
_SLASHED = re.compile(r"(?<![\w/])[^\W\d_][\w'\u2019-]*(?:\s?/\s?[^\W\d_][\w'\u2019-]*)+"
                      r"(?![\w/])")

#: A hashtag: "#teamzuleika".
_HASHTAG = re.compile(r"(?<!\w)#(?P<word>[^\W\d_][^\W]*)")

#: How often a word is seen in the frequency list for it to be a common word here.
_COMMON = 1_000


@functools.cache
def name_like(low: str) -> bool:
    """Whether a lower-case word may be a missed name: in no word list (seen fewer than
    1,000 times in the frequency list, not one edit from a common word nor, at six letters or
    more, two; no text-speak, family or care word), or a first name that is no common word.

    Parameters
    ----------
    low : str

    Returns
    -------
    bool

    Examples
    --------
    >>> name_like("zuleika"), name_like("tamsyn"), name_like("everyone"), name_like("bestie")
    (True, True, False, False)
    """
    from ._words import misspelt_word, two_edits_from_common
    from .lexicons import (
        ABBREVIATIONS,
        CARE_SHORTHAND,
        NOT_PII,
        ROLE_WORDS,
        countries,
        first_names,
    )

    if len(low) < 3 or not low.replace("'", "").replace("\u2019", "").replace("-", "").isalpha():
        return False
    if any(low in words for words in (FUNCTION_WORDS, KIN, KIN_FRIENDS, KIN_STAFF, PERSON_NOUNS,
                                      ROLE_WORDS, CARE_SHORTHAND, NOT_PII, ABBREVIATIONS)):
        return False
    if low in countries():
        return False
    seen = frequency(low)
    if low in first_names():
        return seen < 20_000
    return seen < _COMMON and not misspelt_word(low) and not (
        len(low) >= 6 and two_edits_from_common(low))  # "difrent"


def _leet_forms(word: str) -> list[str]:
    """Every reading of ``word`` in lower case with its digits as letters or, more widely
    than the name detector reads them, as their sounds ("r0sie": "rosie"; "k8lyn":
    "katelyn"), at most 64 (:func:`~carevoice.pseudonymise._leet.digit_readings`)."""
    return digit_readings(word.lower(), sounds=True, keep=True, limit=64)


def _reads_as_name(word: str) -> bool:
    """Whether a word with digits inside reads as a name or a word in no list when its digits
    are read as letters ("J4yden", "r0sie"; not "l8r": "later")."""
    from .lexicons import NICKNAMES, first_names, surnames

    forms = _leet_forms(word)
    if any(f in first_names() or f in NICKNAMES or f in surnames() for f in forms):
        return True
    return False


def _splits_into_words(tag: str) -> bool:
    """Whether a hashtag's letters split into common words ("#loveislove", "#carebelief")."""
    low = tag.lower()
    n = len(low)
    ok = [True] + [False] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            piece = low[start:end]
            if ok[start] and (frequency(piece) >= 20_000 or piece in FUNCTION_WORDS) and (
                    len(piece) > 1 or piece in ("a", "i")):
                ok[end] = True
                break
    return ok[n]


def _free(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps none of the replaced ``spans``."""
    return not any(s < end and start < e for s, e in spans)


def shape_hits(text: str, replaced: Iterable[tuple[int, int]] = ()
               ) -> list[tuple[int, int, str]]:
    """Every word of a pseudonymised text in a shape of a missed name, with the shape's code.

    The words :func:`leak_shapes` reads, each hit given (a word in two shapes twice), so that
    a reviewer can be shown the word (:func:`shape_words`).

    Parameters
    ----------
    text : str
        A pseudonymised comment.
    replaced : iterable of (int, int), optional
        Where replacements (tags, surrogates) stand in ``text``: words there are not read.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, code)`` of each word in ``text``, by code in the order of
        :data:`LEAK_SHAPES`, then by place.

    Examples
    --------
    >>> shape_hits("ghosted zuleika, love kenzie x")
    [(8, 15, 'shape_after_contact'), (22, 28, 'shape_sign_off')]
    """
    if not isinstance(text, str) or not text:
        return []
    done = list(replaced)
    hits: list[tuple[int, int, str]] = []
    for m in _AFTER_CONTACT.finditer(text):
        if _free(done, m.start("word"), m.end("word")) and name_like(m.group("word").lower()):
            hits.append((m.start("word"), m.end("word"), "shape_after_contact"))
    m = _SIGN_OFF.search(text)
    if m and _free(done, m.start("word"), m.end("word")) and name_like(m.group("word").lower()):
        hits.append((m.start("word"), m.end("word"), "shape_sign_off"))
    for m in _DIGITS_IN_WORD.finditer(text):
        if _free(done, m.start("word"), m.end("word")) and _reads_as_name(m.group("word")):
            hits.append((m.start("word"), m.end("word"), "shape_digits_in_word"))
    for m in _SLASHED.finditer(text):
        for w in re.finditer(r"[^\W\d_][\w'\u2019-]*", m.group()):
            start, end = m.start() + w.start(), m.start() + w.end()
            if _free(done, start, end) and name_like(w.group().lower()):
                hits.append((start, end, "shape_slash_names"))
    for m in _HASHTAG.finditer(text):
        if _free(done, m.start("word"), m.end("word")) \
                and not _splits_into_words(m.group("word")):
            hits.append((m.start("word"), m.end("word"), "shape_hashtag"))
    return hits


def leak_shapes(text: str, replaced: Iterable[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Return the reason codes (:data:`LEAK_SHAPES`) of the shapes of a missed name in a
    pseudonymised text.

    Parameters
    ----------
    text : str
        A pseudonymised comment.
    replaced : iterable of (int, int), optional
        Where replacements (tags, surrogates) stand in ``text``: words there are not read.

    Returns
    -------
    tuple of str
        The codes found, each once, in the order of :data:`LEAK_SHAPES`.

    Examples
    --------
    >>> leak_shapes("ghosted zuleika after she told everyone")
    ('shape_after_contact',)
    >>> leak_shapes("ghosted [PERSON_1] after she told everyone")
    ()
    >>> leak_shapes("see you soon, love kenzie x")
    ('shape_sign_off',)
    """
    found = {code for *_, code in shape_hits(text, replaced)}
    return tuple(code for code in LEAK_SHAPES if code in found)


def screen_leak_shapes(comments: pd.DataFrame,
                       replaced: pd.DataFrame | None = None) -> pd.DataFrame:
    """The comments whose pseudonymised text holds a shape of a missed name: ids and reason
    codes, no text.

    Parameters
    ----------
    comments : pandas.DataFrame
        Pseudonymised comments, with ``comment_id`` and ``text``.
    replaced : pandas.DataFrame, optional
        Where replacements stand in the pseudonymised text: ``comment_id``, ``out_start`` and
        ``out_end`` (the occurrences of a :class:`carevoice.pseudonymise.ReidentificationKey`).
        Without it, carevoice's tags (``[PERSON_1]``) are still never read.

    Returns
    -------
    pandas.DataFrame
        Columns ``comment_id`` (str) and ``reason``, one row per comment and code.

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"],
    ...                          "text": ["i blocked tamsyn", "i blocked [PERSON_1]"]})
    >>> screen_leak_shapes(comments)
      comment_id               reason
    0         c1  shape_after_contact
    """
    import pandas as pd

    where = _regions(replaced)
    rows = []
    for cid, text in zip(comments[COMMENT_ID].astype(str), comments[TEXT], strict=True):
        if not isinstance(text, str):
            continue
        rows += [(cid, code) for code in leak_shapes(text, where.get(cid, []) + _tags(text))]
    return pd.DataFrame(rows, columns=[COMMENT_ID, "reason"]).astype({COMMENT_ID: str})


#: Columns of :func:`shape_words`.
SHAPE_WORD_COLUMNS: tuple[str, ...] = (COMMENT_ID, "start", "end", "out_start", "out_end",
                                       "detector")


def shape_words(original: pd.DataFrame, pseudonymised: pd.DataFrame,
                occurrences: pd.DataFrame, skip: pd.DataFrame | None = None) -> pd.DataFrame:
    """The words :func:`screen_leak_shapes` flags, placed in the original text, for review.

    The screen reads the pseudonymised text; a flagged word is outside every replacement, so
    it stands in the original text at its place there less what the replacements before it
    added. Each word is given once, with the shapes it is in (hits that overlap as one).

    Parameters
    ----------
    original : pandas.DataFrame
        The comments as given, ``comment_id`` and ``text``.
    pseudonymised : pandas.DataFrame
        The same comments pseudonymised (the same ids, in any order).
    occurrences : pandas.DataFrame
        The replacements made (:func:`carevoice.pseudonymise.replace.replace_spans`):
        ``comment_id``, ``start``, ``end``, ``out_start``, ``out_end``.
    skip : pandas.DataFrame, optional
        More places in the pseudonymised text not to read (``comment_id``, ``out_start``,
        ``out_end``): the words a reviewer said are no name.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SHAPE_WORD_COLUMNS` (holds no text): ``start`` and ``end`` in the
        original text, ``out_start`` and ``out_end`` in the pseudonymised text, ``detector``
        the shapes (``"shape:after_contact"``; two joined by ``"+"``), in the comments' order.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise.replace import replace_spans
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["Kai said he ghosted zuleika"]})
    >>> spans = pd.DataFrame({"comment_id": ["c1"], "start": [0], "end": [3],
    ...                       "label": ["PERSON"]})
    >>> out, occurrences = replace_spans(comments, spans, secret=b"x" * 32)
    >>> shape_words(comments, out, occurrences)
      comment_id  start  end  out_start  out_end             detector
    0         c1     20   27         27       34  shape:after_contact
    """
    import pandas as pd

    from ._base import as_text

    where = _regions(occurrences)
    skipped = _regions(skip)
    shifts: dict[str, list[tuple[int, int]]] = {}  # (out_end, growth) of each replacement
    if len(occurrences):
        for cid, s, e, os_, oe in occurrences[
                [COMMENT_ID, "start", "end", "out_start", "out_end"]].itertuples(index=False):
            shifts.setdefault(str(cid), []).append((int(oe), (int(oe) - int(os_)) - (e - s)))
    texts = dict(zip(original[COMMENT_ID].astype(str), original[TEXT].map(as_text),
                     strict=True))
    rows = []
    for cid, text in zip(pseudonymised[COMMENT_ID].astype(str), pseudonymised[TEXT],
                         strict=True):
        if not isinstance(text, str):
            continue
        words: list[tuple[int, int, list[str]]] = []  # overlapping hits as one word
        for s, e, code in sorted(shape_hits(text, where.get(cid, []) + skipped.get(cid, [])
                                            + _tags(text))):
            code = code.replace("shape_", "shape:", 1)
            if words and s < words[-1][1]:  # "J4yden's": the digits' word and the contact's
                last = words[-1]
                words[-1] = (last[0], max(last[1], e),
                             last[2] + [code] * (code not in last[2]))
            else:
                words.append((s, e, [code]))
        source = texts.get(cid, "")
        for s, e, codes in words:
            grown = sum(g for end, g in shifts.get(cid, ()) if end <= s)
            if source[s - grown:e - grown] != text[s:e]:  # pragma: no cover - a safeguard
                continue  # the text was changed elsewhere than by a replacement
            rows.append((cid, s - grown, e - grown, s, e, "+".join(codes)))
    return pd.DataFrame(rows, columns=list(SHAPE_WORD_COLUMNS)).astype(
        {COMMENT_ID: str, "start": "int64", "end": "int64", "out_start": "int64",
         "out_end": "int64", "detector": str})


def _regions(frame: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    """Each comment's ``out_start:out_end`` places in ``frame``, keyed by ``comment_id``."""
    where: dict[str, list[tuple[int, int]]] = {}
    if frame is not None and len(frame):
        for cid, s, e in frame[[COMMENT_ID, "out_start", "out_end"]].itertuples(index=False):
            where.setdefault(str(cid), []).append((int(s), int(e)))
    return where


def _tags(text: str) -> list[tuple[int, int]]:
    """Where carevoice's tags (``[PERSON_1]``, ``[PHONE]``) stand in ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"\[[A-Z]+(?:_\d+)?\]", text)]
