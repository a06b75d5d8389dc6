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
from ._words import FUNCTION_WORDS, KIN, KIN_FRIENDS, KIN_STAFF, PERSON_NOUNS, frequency

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["LEAK_SHAPES", "leak_shapes", "screen_leak_shapes"]

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

#: Digits as the letters they stand for in a word.
_LEET = {"0": ("o",), "1": ("i", "l"), "3": ("e",), "4": ("a",), "5": ("s",), "7": ("t",),
         "8": ("b", "ate"), "9": ("g",), "2": ("to", "z"), "6": ("b", "g")}

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
    """Every reading of ``word`` with its digits as letters ("r0sie": "rosie")."""
    forms = [""]
    for ch in word.lower():
        options = _LEET.get(ch, (ch,))
        forms = [f + o for f in forms for o in options][:64]
    return forms


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
    if not isinstance(text, str) or not text:
        return ()
    done = list(replaced)
    found: set[str] = set()
    for m in _AFTER_CONTACT.finditer(text):
        if _free(done, m.start("word"), m.end("word")) and name_like(m.group("word").lower()):
            found.add("shape_after_contact")
            break
    m = _SIGN_OFF.search(text)
    if m and _free(done, m.start("word"), m.end("word")) and name_like(m.group("word").lower()):
        found.add("shape_sign_off")
    for m in _DIGITS_IN_WORD.finditer(text):
        if _free(done, m.start("word"), m.end("word")) and _reads_as_name(m.group("word")):
            found.add("shape_digits_in_word")
            break
    for m in _SLASHED.finditer(text):
        words = [(w.start(), w.end(), w.group().lower())
                 for w in re.finditer(r"[^\W\d_][\w'\u2019-]*", m.group())]
        if any(_free(done, m.start() + s, m.start() + e) and name_like(w)
               for s, e, w in words):
            found.add("shape_slash_names")
            break
    for m in _HASHTAG.finditer(text):
        if _free(done, m.start("word"), m.end("word")) \
                and not _splits_into_words(m.group("word")):
            found.add("shape_hashtag")
            break
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

    where: dict[str, list[tuple[int, int]]] = {}
    if replaced is not None and len(replaced):
        for cid, s, e in replaced[[COMMENT_ID, "out_start", "out_end"]].itertuples(index=False):
            where.setdefault(str(cid), []).append((int(s), int(e)))
    rows = []
    for cid, text in zip(comments[COMMENT_ID].astype(str), comments[TEXT], strict=True):
        if not isinstance(text, str):
            continue
        tags = [(m.start(), m.end()) for m in re.finditer(r"\[[A-Z]+(?:_\d+)?\]", text)]
        rows += [(cid, code) for code in leak_shapes(text, where.get(cid, []) + tags)]
    return pd.DataFrame(rows, columns=[COMMENT_ID, "reason"]).astype({COMMENT_ID: str})
