"""The similarity path of the safeguarding screen: comments that read like a disclosure.

The rules of :mod:`.cues` miss disclosures worded in ways they do not list. This path embeds
each sentence of a comment with the packaged sentence-transformers model (offline) and compares
it with short fictional disclosures per category (:mod:`.prototypes`) and with ordinary
comments. A sentence at least ``threshold`` similar to a disclosure, and ``margin`` more similar
to it than any sentence of the comment is to an ordinary comment, flags the comment at level
``review`` in the category of the closest disclosure. (Comparing with the comment's most
ordinary-looking sentence, not the same sentence's, halved the flags on the long answers of the
demo corpus at the same recall on the development sets.) Deterministic for a given model; no
text leaves the machine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from .prototypes import NEGATIVES, PROTOTYPES

__all__ = ["similar_categories", "split_sentences"]

_SPLIT = re.compile(r"[.!?;\n]+|,\s+(?:but|and|so)\s+")
_MIN_WORDS = 3


def split_sentences(text: str) -> list[str]:
    """The sentences of a comment that the similarity path compares (3 words or more).

    Examples
    --------
    >>> split_sentences("ok. my dad hits me, but its fine now! x")
    ['my dad hits me', 'its fine now']
    """
    parts = [p.strip() for p in _SPLIT.split(text)]
    kept = [p for p in parts if len(p.split()) >= _MIN_WORDS]
    return kept or ([text.strip()] if text.strip() else [])


def similar_categories(texts: Sequence[object], embedder: Any, *, threshold: float,
                       margin: float) -> list[tuple[str, float] | None]:
    """For each text, the category of the disclosure it reads most like, or None.

    Parameters
    ----------
    texts : sequence
        Comments; anything that is not a string is skipped (None).
    embedder : Embedder
        ``encode(texts)`` with L2-normalised rows (the packaged model by default in
        :func:`carevoice.safeguarding.screen_comments`).
    threshold : float
        The least cosine similarity to a disclosure.
    margin : float
        How much closer to the disclosure than to the closest ordinary comment.

    Returns
    -------
    list
        ``(category, similarity)`` or None per text.
    """
    categories = list(PROTOTYPES)
    examples = [t for c in categories for t in PROTOTYPES[c]]
    owner = np.array([c for c in categories for _ in PROTOTYPES[c]])
    vectors = np.asarray(embedder.encode(examples + list(NEGATIVES)), dtype=np.float32)
    positive, negative = vectors[:len(examples)], vectors[len(examples):]
    sentences: list[str] = []
    spans: list[tuple[int, int]] = []
    for text in texts:
        parts = split_sentences(text) if isinstance(text, str) else []
        spans.append((len(sentences), len(sentences) + len(parts)))
        sentences.extend(parts)
    if not sentences:
        return [None] * len(texts)
    embedded = np.asarray(embedder.encode(sentences), dtype=np.float32)
    to_positive = embedded @ positive.T
    to_negative = (embedded @ negative.T).max(axis=1)
    out: list[tuple[str, float] | None] = []
    for start, end in spans:
        best: tuple[str, float] | None = None
        # Rounded to 1e-3: the model's last digits can differ from run to run with the
        # number of threads, and a flag must not.
        ordinary = round(float(to_negative[start:end].max()), 3) if end > start else 0.0
        for row in range(start, end):
            i = int(np.argmax(to_positive[row]))
            score = round(float(to_positive[row, i]), 3)
            if score >= threshold and round(score - ordinary, 3) >= margin and (
                    best is None or score > best[1]):
                best = (str(owner[i]), score)
        out.append(best)
    return out
