"""Sparse-coding topics: each topic is a direction (an atom) of a learned dictionary.

``ThemeDiscovery(method="sparse")`` writes each comment's unit vector as a sparse,
non-negative combination of a few learned unit directions (scikit-learn's
``DictionaryLearning``, lasso codes). A topic is an atom; a comment belongs to the atoms whose
code exceeds :data:`CODE_THRESHOLD` (at most ``max_topics``, the largest codes first; its
primary topic is its largest code); a comment with no code above it is an outlier. The settings
are those of the pre-registered candidate ``sc_auto``
(``benchmarks/preregistered/2026-12-07-discovery-sparse-coding.md``).

A :class:`SparseCodes` value holds the atoms, the comments' codes on them and how each topic's
code is made from them, so that edits (:mod:`carevoice.discover.edit`) and
:meth:`ThemeDiscovery.predict` decide memberships by the same rule as the fit: a merged topic's
code is the sum of its parts' codes, a split topic's code goes to the part whose centroid is
nearest, a rejected topic's atom still codes (so that the other topics' codes do not change).

The dictionary starts from the singular value decomposition of the vectors, so the seed changes
nothing: the same comments give the same codes, byte for byte, at every seed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..errors import OutlierWarning

__all__ = ["CODE_ALPHA", "CODE_THRESHOLD", "MAX_OUTLIER_SHARE", "SparseCodes", "learn_codes",
           "outlier_message", "outliers_said", "warn_outliers"]

#: The lasso penalty of the codes (the registered ``sc_auto``): larger gives sparser codes.
CODE_ALPHA = 0.2

#: A comment belongs to a topic when its code on the topic's atom exceeds this.
CODE_THRESHOLD = 0.05

#: The most answered comments a sparse fit may leave without a topic before it warns (the
#: target of the issue that asked for sparse topics; docs/discover.md, *Fewer topics*).
MAX_OUTLIER_SHARE = 0.15

_MAX_ITER = 100
_TOL = 1e-6
_TRANSFORM_MAX_ITER = 2000


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


#: A split's rule: the normalised centroids of the parts, and which part a term keeps.
Gate = tuple[np.ndarray, int]


@dataclass(frozen=True, eq=False)
class _Term:
    """One atom's code, kept only where every gate (from splits) picks the term's part."""

    atom: int
    gates: tuple[Gate, ...] = ()

    def code(self, atom_codes: np.ndarray, x: np.ndarray) -> np.ndarray:
        out = np.asarray(atom_codes[:, self.atom], dtype=np.float64).copy()
        for centres, part in self.gates:
            out[np.argmax(_unit(x) @ centres.T, axis=1) != part] = 0.0
        return out


@dataclass(frozen=True, eq=False)
class SparseCodes:
    """The sparse codes of the comments, and how each topic's code is made from them.

    The dictionary is the fit's and is never edited; a topic's code is a sum of atoms' codes
    (one atom after the fit; several after a merge), each kept only on its side of any split
    (a comment goes to the part whose centroid is nearest). So the fitted comments and new
    ones (:meth:`encode`) are judged by one rule, after any edit.

    Parameters
    ----------
    atom_codes : numpy.ndarray
        Shape ``(n_comments, n_atoms)``: each comment's non-negative code on each atom.
    atoms : numpy.ndarray
        Shape ``(n_atoms, dim)``: the unit atoms, in the space of the coded vectors.
    ids : tuple of int
        The topic id of each column.
    terms : tuple
        Each column's terms (atom and split gates).
    codes : numpy.ndarray
        Shape ``(n_comments, n_columns)``: each comment's code on each topic (derived).
    threshold : float, default CODE_THRESHOLD
        A comment belongs to a topic when its code exceeds this.
    alpha : float, default CODE_ALPHA
        The lasso penalty, used again to code new comments.
    mean : numpy.ndarray or None, default None
        With ``centre=True``: the mean subtracted from the unit vectors before coding.
    """

    atom_codes: np.ndarray
    atoms: np.ndarray
    ids: tuple[int, ...]
    terms: tuple[tuple[_Term, ...], ...]
    codes: np.ndarray
    threshold: float = CODE_THRESHOLD
    alpha: float = CODE_ALPHA
    mean: np.ndarray | None = None

    def coded(self, x: np.ndarray) -> np.ndarray:
        """The vectors as the codes read them: unit length, centred and normalised again."""
        x = _unit(x)
        return x if self.mean is None else _unit(x - self.mean)

    def columns(self, atom_codes: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Topic codes (one column per id) from atom codes and the comments' vectors ``x``."""
        out = np.zeros((len(atom_codes), len(self.terms)))
        for j, terms in enumerate(self.terms):
            for term in terms:
                out[:, j] += term.code(atom_codes, x)
        return out

    def encode(self, x: np.ndarray) -> np.ndarray:
        """Codes of new vectors on the topics (non-negative lasso on the atoms, as the fit)."""
        from sklearn.decomposition import sparse_encode

        if not len(self.ids) or not len(x):
            return np.zeros((len(x), len(self.ids)))
        atom_codes = sparse_encode(self.coded(x), self.atoms, algorithm="lasso_cd",
                                   alpha=self.alpha, max_iter=_TRANSFORM_MAX_ITER,
                                   positive=True)
        return self.columns(atom_codes, x)

    def rows(self, order: np.ndarray) -> SparseCodes:
        """These codes with the comments in the order ``order``."""
        order = np.asarray(order)
        return replace(self, atom_codes=self.atom_codes[order], codes=self.codes[order])

    def renumbered(self, mapping: dict[int, int]) -> SparseCodes:
        """Columns renamed by ``mapping`` and put in order of id; those it lacks are dropped."""
        keep = sorted((j for j, t in enumerate(self.ids) if t in mapping),
                      key=lambda j: mapping[self.ids[j]])
        return replace(self, codes=self.codes[:, keep], terms=tuple(self.terms[j] for j in keep),
                       ids=tuple(int(mapping[self.ids[j]]) for j in keep))

    def without(self, topic: int) -> SparseCodes:
        """Without the column of ``topic`` (a rejected topic)."""
        return self.renumbered({t: t for t in self.ids if t != topic})

    def merged(self, wanted: Sequence[int], keep: int, x: np.ndarray) -> SparseCodes:
        """The columns of ``wanted`` summed into one with id ``keep``."""
        terms = tuple(term for t in wanted for term in self.terms[self.ids.index(t)])
        return self._with_columns([t for t in self.ids if t not in wanted], {keep: terms}, x)

    def split(self, topic: int, centres: dict[int, np.ndarray], x: np.ndarray) -> SparseCodes:
        """The column of ``topic`` shared among new topics by nearest centroid.

        ``centres`` maps each new topic id to its part's centroid; a comment's code on
        ``topic`` goes to the part whose (normalised) centroid is most similar to its vector.
        """
        ids = sorted(centres)
        matrix = _unit(np.stack([centres[t] for t in ids]))
        parent = self.terms[self.ids.index(topic)]
        new = {t: tuple(_Term(term.atom, (*term.gates, (matrix, i))) for term in parent)
               for i, t in enumerate(ids)}
        return self._with_columns([t for t in self.ids if t != topic], new, x)

    def _with_columns(self, kept: list[int], new: dict[int, tuple[_Term, ...]],
                      x: np.ndarray) -> SparseCodes:
        """The columns ``kept`` and ``new``, in order of id, their codes derived again."""
        terms = {t: self.terms[self.ids.index(t)] for t in kept} | new
        ids = tuple(sorted(terms))
        edited = replace(self, ids=ids, terms=tuple(terms[t] for t in ids))
        return replace(edited, codes=edited.columns(self.atom_codes, x))

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
    codes = np.asarray(model.fit_transform(coded), dtype=np.float64)
    return SparseCodes(atom_codes=codes, atoms=np.asarray(model.components_, dtype=np.float64),
                       ids=tuple(range(int(n_atoms))),
                       terms=tuple((_Term(a),) for a in range(int(n_atoms))), codes=codes,
                       mean=mean)


def outlier_message(share: float, *, n_topics: int, n_auto: int, method: str, kmeans: str,
                    topics: str | None, auto: str | None) -> str:
    """What :class:`carevoice.errors.OutlierWarning` says, in the words of whoever gave the
    settings.

    Parameters
    ----------
    share : float
        The answered comments' share left without a topic.
    n_topics, n_auto : int
        The fit's number of topics, and how many ``n_topics="auto"`` gives.
    method : str
        How the settings of the fit are named (``'method="sparse", centre=True'``).
    kmeans : str
        How k-means is asked for (``'method="kmeans"'``).
    topics, auto : str or None
        How the number of topics is set, and set to "auto"; None where the caller has no such
        setting (the advice to ask for more topics is then left out).

    Returns
    -------
    str

    Examples
    --------
    >>> print(outlier_message(0.4, n_topics=5, n_auto=21, method="--discover-method sparse",
    ...                       kmeans="--discover-method kmeans", topics=None, auto=None))
    ... # doctest: +NORMALIZE_WHITESPACE
    40.0% of the answered comments have no topic (outliers) with --discover-method sparse at 5
    topics, more than 15%: they count in no topic's size, keywords or examples. Fewer are left
    out with k-means, the default (--discover-method kmeans); see docs/discover.md, *Fewer
    topics*.
    """
    more = f"; {auto} gives {n_auto} here" if auto is not None and n_auto > n_topics else ""
    fewer = (f"k-means, the default ({kmeans})" if topics is None else
             f"k-means, the default ({kmeans}), or with more topics ({topics}{more})")
    return (f"{share:.1%} of the answered comments have no topic (outliers) with {method} at "
            f"{n_topics} topics, more than {MAX_OUTLIER_SHARE:.0%}: they count in no topic's "
            f"size, keywords or examples. Fewer are left out with {fewer}; see "
            "docs/discover.md, *Fewer topics*.")


def warn_outliers(share: float, *, centre: bool, n_topics: int, n_auto: int) -> None:
    """Warn (:class:`carevoice.errors.OutlierWarning`) when a sparse fit left more than
    :data:`MAX_OUTLIER_SHARE` of the answered comments without a topic.

    The message names the Python arguments, or the options of ``carevoice discover`` while it
    runs; the warning carries its numbers, so that other callers say it in their own words
    (:func:`outliers_said`).

    Parameters
    ----------
    share : float
        The fit's outlier share (:attr:`carevoice.discover.Topics.outlier_share`).
    centre : bool
        Whether the vectors were centred (``centre=True``).
    n_topics : int
        The number of atoms the dictionary had.
    n_auto : int
        How many ``n_topics="auto"`` gives for these comments.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_outliers(0.4, centre=True, n_topics=5, n_auto=21)
    >>> print(caught[0].message)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    40.0% of the answered comments have no topic (outliers) with method="sparse", centre=True
    at 5 topics, more than 15%: ...
    >>> warn_outliers(0.1, centre=True, n_topics=5, n_auto=21)  # within the limit: silent
    """
    import warnings

    from .._argnames import typed_as
    from ..errors import OutlierWarning

    if share <= MAX_OUTLIER_SHARE:
        return
    if typed_as("method"):  # carevoice discover: its options
        method, kmeans, topics, auto = ("--method sparse" + (" --centre" if centre else ""),
                                        "--method kmeans", "--n-topics", "--n-topics auto")
    else:
        method, kmeans, topics, auto = ('method="sparse"' + (", centre=True" if centre else ""),
                                        'method="kmeans"', "n_topics", 'n_topics="auto"')
    warnings.warn(OutlierWarning(
        outlier_message(share, n_topics=n_topics, n_auto=n_auto, method=method, kmeans=kmeans,
                        topics=topics, auto=auto),
        share=share, centre=centre, n_topics=n_topics, n_auto=n_auto), stacklevel=3)


@contextmanager
def outliers_said(say: Callable[[OutlierWarning], str], stacklevel: int = 4) -> Iterator[None]:
    """While the block runs, an :class:`carevoice.errors.OutlierWarning` is said once, in the
    caller's words (``say``), instead of in the Python arguments' words.

    The warnings are caught for the block alone (``warnings.catch_warnings``, no global filter)
    and issued again after it: the outlier warning with the message ``say`` gives it (the same
    numbers), every other warning as it was.

    Parameters
    ----------
    say : callable
        Given the warning caught (its ``share``, ``centre``, ``n_topics`` and ``n_auto``),
        returns the message (:func:`outlier_message`).
    stacklevel : int, default 4
        Where the new warning points: 3 is the ``with`` line, 4 the line that called the
        function holding the block.

    Examples
    --------
    >>> import warnings
    >>> def say(w):
    ...     return f"{w.share:.0%} left out"
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with outliers_said(say):
    ...         warn_outliers(0.4, centre=False, n_topics=5, n_auto=21)
    >>> [str(w.message) for w in caught]
    ['40% left out']
    """
    import warnings

    from ..errors import OutlierWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OutlierWarning)
        yield
    for w in caught:
        if isinstance(w.message, OutlierWarning):
            found = w.message
            warnings.warn(OutlierWarning(say(found), share=found.share, centre=found.centre,
                                         n_topics=found.n_topics, n_auto=found.n_auto),
                          stacklevel=stacklevel)
        else:  # as it was, through the caller's filters
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno,
                                   source=w.source)
