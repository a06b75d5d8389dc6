"""How the theme coder turns its models' probabilities into a comment's scores and codes.

A comment is scored as a whole and sentence by sentence (:func:`segment_parts`); each model's
probability blends the two (:func:`combine_scores`); the raw score is rescaled around each
theme's threshold (:func:`rescale`) and compared with it (:func:`assign`). See
:class:`carevoice.themes.ThemeCoder` and ``docs/themes.md`` (*How a score is made*) for why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .reading import split_segments
from .training import raw_probabilities

__all__ = ["CLAUSE_LEVEL", "CLAUSE_THEMES", "WINDOW", "assign", "combine_scores", "rescale",
           "segment_parts"]

#: A comment of more segments (sentences, clauses) than this is scored, as a whole, by its
#: best run of this many consecutive segments: no reference comment is longer, so the segment
#: weight was chosen on comments of up to this length (see ``docs/themes.md``).
WINDOW = 10

#: The default *clause themes*: themes that young people mostly raise in one sentence or clause
#: of a comment about something else ("nobody asked me", "she's the one adult who stayed"), so
#: that a clear sentence counts in full rather than a quarter of the way (see
#: ``ThemeCoder(clause_themes=...)`` and ``docs/themes.md``).
CLAUSE_THEMES = ("voice_decisions", "relationships_trust")

#: The raw score (embedding and wording models averaged) at which one sentence or clause of a
#: comment carries a clause theme in full.
CLAUSE_LEVEL = 0.8

Segments = tuple[list[str], np.ndarray, np.ndarray]


def segment_parts(texts: Sequence[str], *, segments: bool = True) -> Segments:
    """The parts of every text scored on their own: texts, owner row, kind.

    Kind 0: a segment (sentence or clause, see :func:`split_segments`); kind 1: a window of
    :data:`WINDOW` consecutive segments of a text that has more, starting every
    ``WINDOW // 2`` segments and at the last ``WINDOW`` (see :func:`combine_scores`).

    Parameters
    ----------
    texts : sequence of str
        The comments as the coder reads them.
    segments : bool, default True
        False gives no parts (whole comments only).

    Returns
    -------
    tuple of (list of str, numpy.ndarray, numpy.ndarray)
        The parts, the row of ``texts`` each belongs to, and its kind.
    """
    parts, owner, kind = [], [], []
    if segments:
        for row, t in enumerate(texts):
            segs = split_segments(t)
            parts += segs
            owner += [row] * len(segs)
            kind += [0] * len(segs)
            if len(segs) > WINDOW:  # windows every WINDOW // 2 segments, and the last
                last = len(segs) - WINDOW
                for i in sorted({*range(0, last, WINDOW // 2), last}):
                    parts.append(". ".join(segs[i:i + WINDOW]))
                    owner.append(row)
                    kind.append(1)
    return parts, np.asarray(owner, dtype=int), np.asarray(kind, dtype=int)


def combine_scores(models: dict[str, Any], texts: Sequence[str], x: np.ndarray,
                   segs: Segments, x_seg: np.ndarray | None, *, lexical_weight: float,
                   segment_weight: np.ndarray, clause: np.ndarray) -> np.ndarray:
    """The raw combined score of each text and theme, whole text and segments blended.

    Parameters
    ----------
    models : dict
        The fitted models (:func:`carevoice.themes.training.make_models`).
    texts : sequence of str
        The comments as the coder reads them.
    x : numpy.ndarray
        Their vectors.
    segs : tuple
        Their parts (:func:`segment_parts`).
    x_seg : numpy.ndarray or None
        The parts' vectors.
    lexical_weight : float
        Weight of the wording model.
    segment_weight : numpy.ndarray
        Per theme, how much the best segment counts against the whole comment.
    clause : numpy.ndarray of bool
        Per theme, whether it is a clause theme (a segment scoring at least
        :data:`CLAUSE_LEVEL` counts in full).

    Returns
    -------
    numpy.ndarray
        One row per text; one column per theme, then no theme.
    """
    pe, pl = raw_probabilities(models, texts, x, lexical_weight)
    seg_texts, owner, kind = segs
    if seg_texts:
        se, sl = raw_probabilities(models, seg_texts, x_seg, lexical_weight)
        # Themes: the best of the whole comment and its segments. The last column (no theme)
        # stays a whole-comment score: one off-topic sentence does not make a comment empty.
        # segment_weight blends the whole-comment score with that best (1: the best alone).
        # A comment of more than WINDOW segments is, as a whole, its best window of WINDOW
        # consecutive segments (or the whole, if higher): a theme raised in one part of a
        # long comment is not diluted by the rest of it.
        w = np.asarray(segment_weight, dtype=float)[None, :]  # per theme
        win = kind == 1
        # A clause theme (voice, trust) clearly raised by one sentence counts in full there.
        if clause.any():
            seg_raw = (1 - lexical_weight) * se[:, :-1] + lexical_weight * sl[:, :-1]
            strongest = np.zeros((len(texts), len(clause)))
            np.maximum.at(strongest, owner[~win], seg_raw[~win])
            w = np.where(clause[None, :] & (strongest >= CLAUSE_LEVEL), 1.0, w)
        for whole, part in ((pe, se), (pl, sl)):
            context = whole[:, :-1].copy()
            np.maximum.at(context, owner[win], part[win, :-1])
            best = context.copy()
            np.maximum.at(best, owner[~win], part[~win, :-1])
            whole[:, :-1] = (1 - w) * context + w * best
    raw = (1 - lexical_weight) * pe + lexical_weight * pl
    empty = np.array([not t.strip() for t in texts], dtype=bool)
    raw[empty, :-1] = 0.0
    raw[empty, -1] = 1.0
    return raw


def rescale(raw: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Raw theme scores rescaled piecewise-linearly so that each threshold maps to 0.5."""
    t = np.asarray(thresholds)[None, :]
    below = 0.5 * raw / t
    above = 0.5 + 0.5 * (raw - t) / (1 - t)
    return np.clip(np.where(raw < t, below, above), 0.0, 1.0)


def assign(raw: np.ndarray, texts: Sequence[str], thresholds: np.ndarray,
           fallback: float) -> np.ndarray:
    """Which themes each text is coded with: raw score at its threshold, or the fallback.

    ``raw`` has one column per theme and a last no-theme column. When no theme reaches its
    threshold, the best one is still assigned if its raw score is at least ``fallback`` times
    its threshold and the no-theme score is under 0.5. Blank texts get no theme.
    """
    t = np.asarray(thresholds)[None, :]
    raw, none = raw[:, :-1], raw[:, -1]
    assigned = raw >= t
    if fallback < 1 and len(raw):
        rel = raw / t
        best = rel.argmax(1)
        rows = np.flatnonzero(~assigned.any(1) & (rel.max(1) >= fallback) & (none < 0.5))
        assigned[rows, best[rows]] = True
    empty = np.array([not s.strip() for s in texts], dtype=bool)
    assigned[empty] = False
    return assigned
