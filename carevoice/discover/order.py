"""The canonical order discovery clusters comments in (by ``comment_id``), so that the same
comments in another row order give the same topics, and the way back to the caller's order.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..schema import COMMENT_ID
from .result import Topics

__all__: list[str] = []


def canonical_order(ids: Any) -> np.ndarray:
    """Positions that sort ``ids`` (as str): the order discovery clusters comments in."""
    keys = [str(i) for i in ids]
    return np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)


def reordered(topics: Topics, order: np.ndarray) -> Topics:
    """``topics`` with its comments (and everything per comment) in the order ``order``."""
    from dataclasses import replace

    comments = topics.comments.iloc[order].reset_index(drop=True)
    position = {cid: i for i, cid in enumerate(comments[COMMENT_ID].astype(str))}
    assignments = topics.assignments
    where = assignments[COMMENT_ID].astype(str).map(position).to_numpy()
    assignments = assignments.iloc[np.argsort(where, kind="stable")].reset_index(drop=True)
    return replace(topics, comments=comments, embeddings=topics.embeddings[order],
                   clusters=topics.clusters[order], assignments=assignments,
                   pinned=None if topics.pinned is None else topics.pinned[order],
                   sparse=None if topics.sparse is None else topics.sparse.rows(order))
