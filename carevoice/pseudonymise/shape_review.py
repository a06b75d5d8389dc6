"""The review of the words in a shape of a missed name, which no span stands for.

The screen of :mod:`carevoice.pseudonymise.leak_shapes` flags a comment whose pseudonymised
text holds a word shaped like a missed name ("ghosted quillan"). The review file lists each
such word as a row of its own (:func:`shape_review_table`), at its place in the original
text; a person's decision on it (:func:`decide_shape_words`) masks it (``accept``) as a span
is masked, or says it is no name (``reject``), which clears the flag.

The rows hold the word and its context: they are as sensitive as the raw comments, and are
written with the review file (owner-only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import COMMENT_ID, TEXT
from ._base import as_text
from .review import (
    IN_OUTPUT,
    REVIEW_COLUMNS,
    ReviewConfig,
    _looks_like_a_number,
    _review_row,
    fingerprint_matches,
    is_shape_row,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["SHAPE_LABEL", "decide_shape_words", "shape_review_table"]

#: The label a word in a shape of a missed name is listed with: every shape is one of a name.
SHAPE_LABEL = "PERSON"


def shape_review_table(comments: pd.DataFrame, words: pd.DataFrame,
                       config: ReviewConfig | None = None) -> pd.DataFrame:
    """The review rows of the words in a shape of a missed name, which no span stands for.

    Parameters
    ----------
    comments : pandas.DataFrame
        The original comments.
    words : pandas.DataFrame
        :func:`carevoice.pseudonymise.leak_shapes.shape_words`: offsets in the original text.
    config : ReviewConfig, optional
        Its ``context`` is read.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`REVIEW_COLUMNS`: the label ``"PERSON"``, the score 0 (no detector
        found the word), the detector the shapes (``"shape:after_contact"``), ``decision``
        empty. ``accept`` masks the word; ``reject`` says it is no name and clears the flag.

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["i ghosted zuleika"]})
    >>> words = pd.DataFrame({"comment_id": ["c1"], "start": [10], "end": [17],
    ...                       "detector": ["shape:after_contact"]})
    >>> shape_review_table(comments, words)[["start", "end", "label", "span_text"]]
       start  end   label span_text
    0     10   17  PERSON   zuleika
    """
    import pandas as pd

    config = config or ReviewConfig()
    texts = dict(zip(comments[COMMENT_ID].map(str), comments[TEXT].map(as_text), strict=True))
    rows = [_review_row(texts.get(str(cid), ""), str(cid), int(start), int(end), SHAPE_LABEL,
                        0.0, det, config.context, IN_OUTPUT["shape"])
            for cid, start, end, det in words[[COMMENT_ID, "start", "end", "detector"]]
            .itertuples(index=False)]
    return pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))


def decide_shape_words(words: pd.DataFrame, decisions: pd.DataFrame, comments: pd.DataFrame,
                       spans: pd.DataFrame | None = None,
                       set_aside: pd.DataFrame | None = None,
                       ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int],
                                  tuple[tuple[str, int, int, str], ...]]:
    """Apply review decisions to the words in a shape of a missed name.

    A decision applies to a word at its ``comment_id``, ``start`` and ``end`` in the original
    text, and only if the word still has the recorded fingerprint (a blank one is not
    checked), as for spans (:func:`apply_decisions`). The rows of such words are read (those
    whose ``detector`` starts with ``"shape:"``, :func:`is_shape_row`; of those with no
    ``detector``, the ones where this run found no span). A span rejected at the very place of
    the word (a person said it is no name) clears the word too, unless ``min_score`` set the
    span aside: its row is written ``reject`` for the reviewer, which is no person's word on
    the shape.

    Parameters
    ----------
    words : pandas.DataFrame
        :func:`carevoice.pseudonymise.leak_shapes.shape_words`.
    decisions : pandas.DataFrame
        From :func:`read_decisions`.
    comments : pandas.DataFrame
        The original comments.
    spans : pandas.DataFrame, optional
        The spans this run found, before any decision.
    set_aside : pandas.DataFrame, optional
        Those of them ``min_score`` sets aside.

    Returns
    -------
    accepted : pandas.DataFrame
        The spans to mask (``comment_id``, ``start``, ``end``, ``label``: the decision's, or
        ``"PERSON"``; ``score`` 1.0 as for an accepted span; ``detector`` the shapes).
    rejected : pandas.DataFrame
        The words said to be no name: ``comment_id``, ``start``, ``end``.
    counts : dict
        ``accepted``, ``rejected`` and ``stale`` (the rows of words only: a span's decision
        is counted by :func:`apply_decisions`).
    stale : tuple
        As ``spans.attrs["stale_decisions"]`` of :func:`apply_decisions`.
    """
    import pandas as pd

    def keys(frame: pd.DataFrame | None) -> set[tuple[str, int, int]]:
        if frame is None or not len(frame):
            return set()
        return {(str(c), int(s), int(e)) for c, s, e in frame[[COMMENT_ID, "start", "end"]]
                .itertuples(index=False)}

    found, aside = keys(spans), keys(set_aside)
    texts = dict(zip(comments[COMMENT_ID].map(str), comments[TEXT].map(as_text), strict=True))
    detector = (decisions["detector"].fillna("").astype(str).str.strip() if "detector" in decisions
                else pd.Series("", index=decisions.index))
    # True: a shape's row; False: a span's; None: not said (no detector), read by its place
    is_shape = [None if d == "" else bool(s) for d, s in zip(
        detector, is_shape_row(detector), strict=True)]
    of_words, of_spans = {}, {}
    for row, shape in zip(decisions.itertuples(index=False), is_shape, strict=True):
        key = (str(row.comment_id), int(row.start), int(row.end))
        if row.decision == "":
            continue
        if shape or (shape is None and key not in found):
            of_words[key] = row
        elif row.decision == "reject" and key in found and key not in aside:
            of_spans[key] = row
    accepted, rejected = [], []
    counts = {"accepted": 0, "rejected": 0, "stale": 0}
    stale: list[tuple[str, int, int, str]] = []
    for cid, start, end, det in words[[COMMENT_ID, "start", "end", "detector"]].itertuples(
            index=False):
        key = (str(cid), int(start), int(end))
        row = of_words.get(key, of_spans.get(key))
        if row is None:
            continue
        recorded = str(row.fingerprint)
        if recorded.strip() and not fingerprint_matches(recorded, texts.get(key[0], "")[
                start:end]):
            if key in of_words:
                counts["stale"] += 1
                stale.append((*key, "number" if _looks_like_a_number(recorded) else "changed"))
        elif row.decision == "accept":
            counts["accepted"] += 1
            accepted.append((*key, row.label or SHAPE_LABEL, 1.0, det))
        else:
            counts["rejected"] += key in of_words
            rejected.append(key)
    return (pd.DataFrame(accepted, columns=[COMMENT_ID, "start", "end", "label", "score",
                                            "detector"]),
            pd.DataFrame(rejected, columns=[COMMENT_ID, "start", "end"]), counts, tuple(stale))
