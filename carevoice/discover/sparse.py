"""Sparse-coding topics: each topic is a direction (an atom) of a learned dictionary.

``ThemeDiscovery(method="sparse")`` writes each comment's unit vector as a sparse,
non-negative combination of a few learned unit directions (scikit-learn's
``DictionaryLearning``, lasso codes). A topic is an atom; a comment belongs to the atoms whose
code exceeds :data:`CODE_THRESHOLD` (at most ``max_topics``, the largest codes first; its
primary topic is its largest code); a comment with no code above it is an outlier. The settings
are those of the pre-registered candidate ``sc_auto``
(``benchmarks/preregistered/2026-12-07-discovery-sparse-coding.md``).

A :class:`SparseCodes` value holds the codes, one column per topic, and the atoms, so that
edits (:mod:`carevoice.discover.edit`) and :meth:`ThemeDiscovery.predict` decide memberships by
the same rule as the fit. An atom made by an edit (a merge or a split) is the code-weighted
mean of the vectors coded on it, normalised.

The dictionary starts from the singular value decomposition of the vectors, so the seed changes
nothing: the same comments give the same codes, byte for byte, at every seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

__all__ = ["CODE_ALPHA", "CODE_THRESHOLD", "SparseCodes", "learn_codes"]

#: The lasso penalty of the codes (the registered ``sc_auto``): larger gives sparser codes.
CODE_ALPHA = 0.2

#: A comment belongs to a topic when its code on the topic's atom exceeds this.
CODE_THRESHOLD = 0.05

_MAX_ITER = 100
_TOL = 1e-6
_TRANSFORM_MAX_ITER = 2000


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


@dataclass(frozen=True, eq=False)
class SparseCodes:
    """The sparse codes of the comments on the topics' atoms.

    Parameters
    ----------
    codes : numpy.ndarray
        Shape ``(n_comments, n_columns)``: each comment's non-negative code on each atom.
    ids : tuple of int
        The topic id of each column.
    atoms : numpy.ndarray
        Shape ``(n_columns, dim)``: the unit atoms, in the space of the coded vectors.
    threshold : float, default CODE_THRESHOLD
        A comment belongs to a topic when its code exceeds this.
    alpha : float, default CODE_ALPHA
        The lasso penalty, used again to code new comments.
    mean : numpy.ndarray or None, default None
        With ``centre=True``: the mean subtracted from the unit vectors before coding.
    """

    codes: np.ndarray
    ids: tuple[int, ...]
    atoms: np.ndarray
    threshold: float = CODE_THRESHOLD
    alpha: float = CODE_ALPHA
    mean: np.ndarray | None = None

    def coded(self, x: np.ndarray) -> np.ndarray:
        """The vectors as the codes read them: unit length, centred and normalised again."""
        x = _unit(x)
        return x if self.mean is None else _unit(x - self.mean)

    def encode(self, x: np.ndarray) -> np.ndarray:
        """Codes of new vectors on the atoms (non-negative lasso, as the fit coded)."""
        from sklearn.decomposition import sparse_encode

        if not len(self.ids) or not len(x):
            return np.zeros((len(x), len(self.ids)))
        return sparse_encode(self.coded(x), self.atoms, algorithm="lasso_cd", alpha=self.alpha,
                             max_iter=_TRANSFORM_MAX_ITER, positive=True)

    def rows(self, order: np.ndarray) -> SparseCodes:
        """These codes with the comments in the order ``order``."""
        return replace(self, codes=self.codes[np.asarray(order)])

    def renumbered(self, mapping: dict[int, int]) -> SparseCodes:
        """Columns renamed by ``mapping`` and put in order of id; those it lacks are dropped."""
        keep = sorted((j for j, t in enumerate(self.ids) if t in mapping),
                      key=lambda j: mapping[self.ids[j]])
        return replace(self, codes=self.codes[:, keep], atoms=self.atoms[keep],
                       ids=tuple(int(mapping[self.ids[j]]) for j in keep))

    def without(self, topic: int) -> SparseCodes:
        """Without the column of ``topic`` (a rejected topic)."""
        return self.renumbered({t: t for t in self.ids if t != topic})

    def merged(self, wanted: Sequence[int], keep: int, x: np.ndarray) -> SparseCodes:
        """The columns of ``wanted`` summed into one with id ``keep``; its atom re-derived."""
        cols = [self.ids.index(t) for t in wanted]
        codes = np.delete(self.codes, cols, axis=1)
        atoms = np.delete(self.atoms, cols, axis=0)
        ids = [t for t in self.ids if t not in wanted]
        column = self.codes[:, cols].sum(axis=1)
        return self._with_columns(codes, atoms, ids, {keep: column}, x)

    def split(self, topic: int, parts: dict[int, np.ndarray], x: np.ndarray) -> SparseCodes:
        """The column of ``topic`` shared among new topics, one per comment.

        ``parts`` maps each new topic id to the mask of the comments whose code on ``topic``
        goes to it (the masks do not overlap); every atom is re-derived.
        """
        col = self.ids.index(topic)
        codes = np.delete(self.codes, col, axis=1)
        atoms = np.delete(self.atoms, col, axis=0)
        ids = [t for t in self.ids if t != topic]
        new = {t: np.where(mask, self.codes[:, col], 0.0) for t, mask in parts.items()}
        return self._with_columns(codes, atoms, ids, new, x)

    def _with_columns(self, codes: np.ndarray, atoms: np.ndarray, ids: list[int],
                      new: dict[int, np.ndarray], x: np.ndarray) -> SparseCodes:
        """Append columns ``new``; each new atom is the code-weighted mean of the vectors."""
        coded = self.coded(x)
        for t in sorted(new):
            column = np.asarray(new[t], dtype=np.float64)
            atom = _unit(column @ coded)
            codes = np.column_stack([codes, column])
            atoms = np.vstack([atoms, atom[None, :]])
            ids.append(t)
        order = np.argsort(ids, kind="stable")
        return replace(self, codes=codes[:, order], atoms=atoms[order],
                       ids=tuple(int(ids[j]) for j in order))

    def memberships(self, code: np.ndarray, columns: Sequence[int], most: int) -> list[int]:
        """The columns (among ``columns``) a comment with ``code`` belongs to, largest first.

        At most ``most``; only codes above the threshold; ties go to the earlier column.
        """
        columns = np.asarray(columns, dtype=np.int64)
        if not len(columns):
            return []
        values = code[columns]
        order = np.argsort(-values, kind="stable")[:most]
        return [int(columns[j]) for j in order if values[j] > self.threshold]


def learn_codes(x: np.ndarray, n_atoms: int, *, centre: bool = False,
                random_state: int = 0) -> SparseCodes:
    """Learn a dictionary of ``n_atoms`` atoms and the non-negative sparse codes of ``x``.

    Parameters
    ----------
    x : numpy.ndarray
        One embedding per row (normalised to unit length here).
    n_atoms : int
        How many atoms (topics) the dictionary has.
    centre : bool, default False
        Subtract the mean of the unit vectors, and normalise again, before coding.
    random_state : int, default 0
        Passed to ``DictionaryLearning``; its start is the vectors' SVD, so it changes nothing.

    Returns
    -------
    SparseCodes
        Columns with ids ``0 .. n_atoms - 1``.

    Examples
    --------
    >>> x = np.repeat(np.eye(3), 4, axis=0) + 0.01
    >>> codes = learn_codes(x, 3)
    >>> sorted({int(np.argmax(c)) for c in codes.codes})
    [0, 1, 2]
    """
    from sklearn.decomposition import DictionaryLearning

    unit = _unit(x)
    mean = unit.mean(axis=0) if centre else None
    coded = unit if mean is None else _unit(unit - mean)
    model = DictionaryLearning(n_components=int(n_atoms), alpha=CODE_ALPHA, max_iter=_MAX_ITER,
                               tol=_TOL, fit_algorithm="cd", transform_algorithm="lasso_cd",
                               transform_alpha=CODE_ALPHA, positive_code=True,
                               random_state=random_state, transform_max_iter=_TRANSFORM_MAX_ITER)
    codes = model.fit_transform(coded)
    return SparseCodes(codes=np.asarray(codes, dtype=np.float64),
                       ids=tuple(range(int(n_atoms))),
                       atoms=np.asarray(model.components_, dtype=np.float64), mean=mean)
