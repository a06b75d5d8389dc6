"""Words that disclose harm are not names: "Cuckooing happened to me" keeps its first word.

The name rules mask a capitalised word that is no English word they know, and the statistical
taggers take some ordinary words for names; the words in which a young person discloses harm
are often such words when written at the start of a sentence or capitalised for weight
("Cuckooing", "Shotting", "County Lines", "Grooming"). Masked, they are lost to every reader of
the pseudonymised text, the safeguarding screen first. This step drops the name, place and
organisation spans that hold nothing but the safeguarding screen's vocabulary of harm
(:data:`carevoice.safeguarding.vocabulary.HARM_WORDS` and ``HARM_PHRASES``), whichever
detector found them.

Safety first: only a span made of these words alone (and an article) is dropped. A span that
also holds any other word ("Cuckoo Lane", "Kai Grooming") is left as it is, and the vocabulary
leaves out every word that is also in the name, surname or place lists.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from ._base import drop_name_spans

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["drop_harm_words", "harm_words_in", "only_harm_words"]

#: A word of a comment, with an apostrophe inside it ("Cuckooing's", "they'd").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
#: What may stand between the words of a phrase ("County Lines", "self-harm").
_PHRASE_GAP = re.compile(r"[\s\-\u2010\u2011]+")
#: Words a span may hold beside the vocabulary ("the Cuckooing").
_ARTICLES = frozenset({"the", "a", "an"})


@functools.cache
def _vocabulary() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    from ..safeguarding.vocabulary import HARM_PHRASES, HARM_WORDS

    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(HARM_PHRASES, key=len, reverse=True):  # the longest first
        phrases.setdefault(phrase[0], []).append(phrase)
    return HARM_WORDS, {first: tuple(p) for first, p in phrases.items()}


def _plain(word: str) -> str:
    """A word as the vocabulary holds it: lower case, no possessive s, no apostrophe."""
    low = word.lower()
    for s in ("'s", "\u2019s"):
        if low.endswith(s):
            low = low[:-2]
    return low.replace("'", "").replace("\u2019", "")


def harm_words_in(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a word or phrase of the safeguarding screen's vocabulary of harm.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each word of harm, and of each word of a phrase of harm, in order.

    Examples
    --------
    >>> text = "Cuckooing, then County Lines. Lines at school."
    >>> [text[s:e] for s, e in harm_words_in(text)]
    ['Cuckooing', 'County', 'Lines']
    """
    words, phrases = _vocabulary()
    tokens = [(m.start(), m.end(), _plain(m.group())) for m in _WORD.finditer(text)]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        start, end, low = tokens[i]
        phrase = next((p for p in phrases.get(low, ()) if _phrase_at(text, tokens, i, p)), None)
        if phrase is not None:
            found += [(s, e) for s, e, _ in tokens[i:i + len(phrase)]]
            i += len(phrase)
            continue
        if low in words:
            found.append((start, end))
        i += 1
    return found


def _phrase_at(text: str, tokens: list[tuple[int, int, str]], i: int,
               phrase: tuple[str, ...]) -> bool:
    """Whether the tokens from ``i`` on are ``phrase``, written with only spaces or hyphens
    between its words."""
    run = tokens[i:i + len(phrase)]
    return len(run) == len(phrase) and all(t[2] == w for t, w in zip(run, phrase, strict=True)) \
        and all(_PHRASE_GAP.fullmatch(text[a[1]:b[0]]) for a, b in itertools.pairwise(run))


def only_harm_words(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` is nothing but words of harm.

    Parameters
    ----------
    text : str
        The comment.
    start, end : int
        The span.

    Returns
    -------
    bool
        True when every word of the span is a word of the safeguarding screen's vocabulary of
        harm, or a word of one of its phrases as the comment writes it ("Lines" in "County
        Lines"), or an article beside them; and at least one is.

    Examples
    --------
    >>> text = "Cuckooing at Cuckoo Lane. County Lines took Kai."
    >>> only_harm_words(text, 0, 9), only_harm_words(text, 13, 24)
    (True, False)
    >>> only_harm_words(text, 26, 38), only_harm_words(text, 33, 38)
    (True, True)
    >>> only_harm_words(text, 44, 47)
    False
    """
    return _only_harm(text, start, end, harm_words_in(text))


def _only_harm(text: str, start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    found = False
    for m in _WORD.finditer(text, start, end):
        if any(s <= m.start() and m.end() <= e for s, e in covered):
            found = True
        elif _plain(m.group()) not in _ARTICLES:
            return False
    return found


def drop_harm_words(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Drop person, place and organisation spans that are only words of harm.

    A span is dropped when its text is nothing but words and phrases of the safeguarding
    screen's vocabulary (:func:`only_harm_words`): "Cuckooing" at the start of a sentence, an
    organisation "County Lines". Phone numbers, dates and the other identifiers are left alone.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Raw spans.

    Returns
    -------
    pandas.DataFrame
        ``spans`` without those that are only words of harm.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> comments = pd.DataFrame({"comment_id": ["c1"],
    ...                          "text": ["Cuckooing happened to me, Kai knows"]})
    >>> spans = spans_frame([("c1", 0, 9, "PERSON", 0.45, "names"),
    ...                      ("c1", 26, 29, "PERSON", 0.9, "names")])
    >>> drop_harm_words(comments, spans)[["start", "end"]].values.tolist()
    [[26, 29]]
    """
    return drop_name_spans(comments, spans, harm_words_in, _only_harm)
