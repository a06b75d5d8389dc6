"""Linked tables: the sums that join published cells of different questions.

The subgroup variables of a survey nest: the age bands and placement types of care leavers
only occur among care leavers, so the cell of "care leaver" is the sum of the cells of "aged
18-21" and "aged 22-25", for every theme's count and for the level sizes. A suppressed cell of
one table is then given back by subtraction across two tables unless secondary suppression
treats each such sum as a group. :func:`linked_levels` finds these sums from the respondents
(:func:`carevoice.link.prevalence` records them in its table's ``attrs``);
:func:`suppress_groups` is the secondary-suppression rule over any list of groups, which
:func:`carevoice.disclosure.suppress_prevalence` applies to them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

#: Where :func:`carevoice.link.prevalence` records, in its table's ``attrs``, the nested levels
#: of its variables: a tuple of ``(parent variable, parent level, child variable, child
#: levels)``, the child levels being those whose respondents all gave the parent level.
LINKS = "carevoice_linked_levels"

#: Where :func:`carevoice.link.prevalence` records, in its table's ``attrs``, the distinct
#: combinations of answers of its respondents (see :func:`answer_cells`): with them,
#: :func:`suppress_nested` tells a part of a parent level that no published table gives (an
#: unknown) from one that can be worked out.
CELLS = "carevoice_answer_cells"

#: Where :func:`carevoice.link.compare_waves` records, in its prevalence table's ``attrs``, each
#: wave's :data:`LINKS` and :data:`CELLS` (``{wave: {LINKS: ..., CELLS: ...}}``): a nesting
#: that holds in one wave protects that wave's cells.
BY_WAVE = "carevoice_linked_levels_by_wave"

Link = tuple[str, str, str, tuple[str, ...]]
Cells = tuple[tuple[str, ...], tuple[tuple[str | None, ...], ...]]


class _Frozen(tuple):
    """A tuple that ``copy.deepcopy`` hands back as it is: pandas deep-copies a frame's
    ``attrs`` at every step, and the answer cells of a large survey are thousands of tuples
    that never change."""

    __slots__ = ()

    def __deepcopy__(self, memo: dict) -> _Frozen:
        return self


def linked_levels(labels: Mapping[str, np.ndarray]) -> tuple[Link, ...]:
    """The levels of one variable that lie inside one level of another.

    Parameters
    ----------
    labels : mapping of str to numpy.ndarray
        Each variable's level per respondent (None where the answer is missing), all over the
        same respondents: those the prevalence table counts.

    Returns
    -------
    tuple of (str, str, str, tuple of str)
        ``(A, a, B, (b1, b2, ...))`` where every respondent of each ``b`` gave ``a`` to ``A``:
        the cells of the ``b`` add up to the cell of ``a``, less those of ``a``'s respondents
        whose ``B`` is blank or a level not inside ``a``. In a fixed order.

    Examples
    --------
    >>> survey = np.array(["in_care", "in_care", "leaver", "leaver"], dtype=object)
    >>> age = np.array(["8-10", "11-13", "18-21", "18-21"], dtype=object)
    >>> for link in linked_levels({"survey": survey, "age": age}):
    ...     print(link)
    ('age', '18-21', 'survey', ('leaver',))
    ('survey', 'in_care', 'age', ('11-13', '8-10'))
    ('survey', 'leaver', 'age', ('18-21',))
    """
    found: dict[tuple[str, str, str], list[str]] = {}
    codes, names = {}, {}
    for variable, values in labels.items():  # each variable's levels as codes, -1 for blank
        values = pd.Series(np.asarray(values, dtype=object)).astype(object)
        codes[variable], names[variable] = pd.factorize(values.where(values.notna(), None))
    for child, b_codes in codes.items():
        answered = b_codes >= 0
        for parent, a_codes in codes.items():
            if parent == child or not answered.any():
                continue
            # per level of the child: the fewest and most parent codes (-1: blank) its
            # respondents gave; one code, not blank, means the level lies inside that parent
            spread = pd.DataFrame({"b": b_codes[answered], "a": a_codes[answered]}).groupby(
                "b")["a"].agg(["min", "max"])
            inside = spread[(spread["min"] == spread["max"]) & (spread["min"] >= 0)]
            for b, a in zip(inside.index, inside["min"], strict=True):
                key = (parent, str(names[parent][a]), child)
                found.setdefault(key, []).append(str(names[child][b]))
    found = {key: sorted(children, key=str) for key, children in found.items()}
    return _Frozen((a, level, b, tuple(children))
                   for (a, level, b), children in sorted(found.items()))


def answer_cells(labels: Mapping[str, np.ndarray]) -> Cells:
    """The distinct combinations of answers: the finest cells every published cell sums.

    Parameters
    ----------
    labels : mapping of str to numpy.ndarray
        As for :func:`linked_levels`.

    Returns
    -------
    (tuple of str, tuple of tuple)
        The variables, and each combination of their answers that some respondent gave
        (None for a blank), in a fixed order. Every published count is a sum over these
        cells, so whether a part of the respondents can be worked out from published counts
        is a question of linear algebra over them (:func:`suppress_nested`).

    Examples
    --------
    >>> survey = np.array(["in_care", "leaver", "leaver"], dtype=object)
    >>> age = np.array(["8-10", "18-21", None], dtype=object)
    >>> answer_cells({"survey": survey, "age": age})
    (('survey', 'age'), (('in_care', '8-10'), ('leaver', '18-21'), ('leaver', None)))
    """
    variables = tuple(str(v) for v in labels)
    if not variables:
        return _Frozen(((), ()))
    codes, names = [], []
    for values in labels.values():  # each variable's answers as codes, -1 for blank
        values = pd.Series(np.asarray(values, dtype=object)).astype(object)
        code, name = pd.factorize(values.where(values.notna(), None))
        codes.append(code)
        names.append([str(v) for v in name])
    sizes = [len(n) + 1 for n in names]
    if float(np.prod(np.asarray(sizes, dtype=float))) < 2.0 ** 62:  # one number per combination
        key = np.zeros(len(codes[0]), dtype=np.int64)
        for code, size in zip(codes, sizes, strict=True):
            key = key * size + (code + 1)
        unique = np.unique(key)
        columns = []
        for size in reversed(sizes):
            columns.append(unique % size - 1)
            unique = unique // size
        distinct = np.column_stack(columns[::-1])
    else:
        distinct = np.unique(np.column_stack(codes), axis=0)
    combos = {tuple(None if c < 0 else names[j][c] for j, c in enumerate(row))
              for row in distinct.tolist()}
    return _Frozen((variables, tuple(sorted(
        combos, key=lambda c: tuple((v is None, v or "") for v in c)))))


def cell_vector(cells: Cells, variable: str, level: str) -> np.ndarray | None:
    """Which answer cells a published cell (``variable``, ``level``) sums; the overall row
    (``"all"``) sums every one. None when ``cells`` do not hold ``variable``."""
    variables, combos = cells
    if variable == "all":
        return np.ones(len(combos))
    if variable not in variables:
        return None
    at = variables.index(variable)
    return np.array([c[at] == level for c in combos], dtype=float)


def residual_vector(cells: Cells, link: Link) -> np.ndarray | None:
    """Which answer cells the part of a parent level in none of its nested levels holds."""
    parent, level, child, children = link
    top, inside = cell_vector(cells, parent, level), cell_vector(cells, child, "")
    if top is None or inside is None:
        return None
    at = cells[0].index(child)
    inside = np.array([c[at] in children for c in cells[1]], dtype=float)
    return top * (1.0 - inside)


def suppress_groups(values: np.ndarray, suppressed: np.ndarray, groups: Sequence[np.ndarray],
                    *, complements: np.ndarray | None = None, threshold: int = 5,
                    suppress_zeros: bool = False,
                    unknown: np.ndarray | None = None) -> np.ndarray:
    """Secondary suppression over groups given as arrays of cell positions.

    A group (cells that add up to a published total) is unsafe when it holds exactly one
    suppressed cell, or suppressed cells whose values (or, with ``complements``, whose
    complements) add up to a small count. Each pass looks at every group in order and
    suppresses one more cell of each unsafe group: the smallest that makes it safe, else the
    smallest non-zero one, else the smallest. Passes repeat until no group changes. A cell may
    belong to several groups.

    Parameters
    ----------
    values : numpy.ndarray
        Cell values (NaN sorts last).
    suppressed : numpy.ndarray of bool
        The mask so far.
    groups : sequence of numpy.ndarray of int
        Each the positions of the cells of one group.
    complements : numpy.ndarray, optional
        Each cell's ``base - n``.
    threshold : int, default 5
    suppress_zeros : bool, default False
    unknown : numpy.ndarray of bool, optional
        Cells that no published table gives and that cannot be worked out from the published
        ones (a part of a parent level in none of its nested levels, see
        :func:`suppress_nested`). They count as suppressed, are never chosen, and a group whose
        only suppressed cells are unknown is safe: an unknown beside one suppressed cell keeps it
        from being worked out.

    Returns
    -------
    numpy.ndarray of bool
        The mask (an unknown cell is True).

    Examples
    --------
    >>> suppress_groups(np.array([10, 3, 12]), np.array([False, True, False]),
    ...                 [np.array([0, 1, 2])]).tolist()
    [True, True, False]

    The same group, its third cell a part that no table gives:

    >>> suppress_groups(np.array([10, 3, 12]), np.array([False, True, False]),
    ...                 [np.array([0, 1, 2])], unknown=np.array([False, False, True])).tolist()
    [False, True, True]
    """
    from .disclosure import is_small

    free = np.zeros(len(values), dtype=bool) if unknown is None else np.asarray(unknown,
                                                                               dtype=bool)
    mask = np.asarray(suppressed, dtype=bool) | free
    raw = np.asarray(values, dtype=float)
    order = np.where(np.isnan(raw), np.inf, raw)
    amounts = np.nan_to_num(raw, nan=0.0)
    rest = None if complements is None else np.nan_to_num(
        np.asarray(complements, dtype=float), nan=0.0)

    def unsafe(members: np.ndarray, hidden: np.ndarray) -> bool:
        count = int(hidden.sum())
        if len(members) < 2 or count == len(members) or not (hidden & ~free[members]).any():
            return False
        if count == 1:
            return True
        chosen = members[hidden]
        if is_small([amounts[chosen].sum()], threshold, suppress_zeros)[0]:
            return True
        return rest is not None and bool(
            is_small([rest[chosen].sum()], threshold, suppress_zeros)[0])

    groups = [np.asarray(g, dtype=int) for g in groups]
    changed = True
    while changed:
        changed = False
        for members in groups:
            hidden = mask[members]
            if not unsafe(members, hidden):
                continue
            open_ = np.flatnonzero(~hidden)
            ranked = open_[np.argsort(order[members[open_]], kind="stable")]
            pick = None
            for j in ranked:
                trial = hidden.copy()
                trial[j] = True
                if not unsafe(members, trial):
                    pick = j
                    break
            if pick is None:
                positive = [j for j in ranked if order[members[j]] > 0]
                pick = (positive or list(ranked))[0]
            mask[members[pick]] = True
            changed = True
    return mask


def nested_cells(table: pd.DataFrame, links: Sequence[Link], column: str,
                 per_theme: bool) -> tuple[pd.DataFrame, list[tuple[list[int], int | None]]]:
    """The groups of the nested sums of a prevalence table.

    Parameters
    ----------
    table : pandas.DataFrame
        ``variable``, ``level``, ``column`` (and ``theme`` when ``per_theme``), with a
        unique index; ``column`` is summed (``n`` or ``base``).
    links : sequence of tuple
        From :func:`linked_levels`.
    column : str
        The value that adds up.
    per_theme : bool
        One group per theme and link (the counts), else one per link (the level sizes).

    Returns
    -------
    pandas.DataFrame
        The implicit cells: the parent's respondents in none of the child levels (blank, or a
        level not inside the parent), with ``theme`` (when ``per_theme``), ``n``, ``base`` and
        ``link`` (the position of its link in ``links``), one row per group that has them.
    list of (list of index labels, int or None)
        Per group, the table's rows (parent first) and the position of its implicit cell in
        the returned frame, or None.
    """
    key = table["variable"].astype(str) + "\x1f" + table["level"].astype(str)
    themes = table["theme"].astype(str) if per_theme else pd.Series("", index=table.index)
    where = {(t, k): i for t, k, i in zip(themes, key, table.index, strict=True)}
    groups: list[tuple[list[int], int | None]] = []
    implicit: list[dict[str, object]] = []
    for theme in dict.fromkeys(themes):
        for at, (parent, level, child, children) in enumerate(links):
            top = where.get((theme, f"{parent}\x1f{level}"))
            if top is None:
                continue
            rows = [where[(theme, f"{child}\x1f{b}")] for b in children
                    if (theme, f"{child}\x1f{b}") in where]
            if not rows:
                continue
            left = {name: float(table.at[top, name]) - float(table.loc[rows, name].sum())
                    for name in ("n", "base") if name in table}
            slot = None
            if left.get("base", left.get(column, 0.0)) > 0:
                slot = len(implicit)
                implicit.append({"theme": theme, **left, "link": at})
            groups.append(([top, *rows], slot))
    return pd.DataFrame(implicit, columns=["theme", "n", "base", "link"]), groups


def _in_span(rows: list[np.ndarray], vectors: np.ndarray) -> np.ndarray:
    """Whether each row of ``vectors`` is a linear combination of ``rows``."""
    if not len(vectors):
        return np.zeros(0, dtype=bool)
    if not rows:
        return ~vectors.any(axis=1)
    # an orthonormal basis of the rows' span from their (small) Gram matrix: cheaper than
    # a decomposition of the rows themselves, which are as long as there are answer cells
    matrix = np.vstack(rows)
    values, vectors_g = np.linalg.eigh(matrix @ matrix.T)
    keep = values > 1e-9 * max(1.0, float(values.max()))
    basis = (vectors_g[:, keep].T @ matrix) / np.sqrt(values[keep])[:, None]
    left = vectors - (vectors @ basis.T) @ basis
    return np.abs(left).max(axis=1) < 1e-6


def suppress_nested(values: np.ndarray, primary: np.ndarray, groups: Sequence[np.ndarray], *,
                    printed: Sequence[tuple[str, np.ndarray | None]],
                    shown_elsewhere: Mapping[str, Sequence[np.ndarray]],
                    residuals: Mapping[int, tuple[str, np.ndarray | None]],
                    complements: np.ndarray | None = None, threshold: int = 5,
                    suppress_zeros: bool = False) -> np.ndarray:
    """Secondary suppression where the parts of parent levels in none of their nested levels
    count as unknown when no published table gives them.

    A group of nested levels (the age bands of care leavers) adds up to its parent's cell
    less a residual: the parent's young people in none of the nested levels (no age band
    given). That residual is printed in no table; it is an unknown, which keeps a single
    suppressed cell of the group from being worked out, unless the published cells give it
    (a level printed in some table that holds exactly those young people, or a sum of such
    levels; a residual of 0 respondents is no cell at all). Whether they do is linear algebra
    over the answer cells (:func:`answer_cells`): a residual is unknown while it is no linear
    combination of the shown cells of its theme. Starting with every residual unknown,
    :func:`suppress_groups` runs; a residual that the result shows after all is made known
    (shown unless small, as a blank answer is) and the rule runs again, and so is every
    residual of a theme where a suppressed cell is a combination of the shown ones. With no
    residual unknown, this is :func:`suppress_groups` itself.

    Parameters
    ----------
    values, primary, groups, complements, threshold, suppress_zeros
        As for :func:`suppress_groups`; ``primary`` flags a residual that is small.
    printed : sequence of (str, numpy.ndarray or None)
        Per cell of ``values``: its theme and, for a cell some table prints, its answer
        cells (:func:`cell_vector`); None for an implicit cell.
    shown_elsewhere : mapping of str to sequence of numpy.ndarray
        Per theme, the answer cells of the shown cells outside ``values`` (the overall row).
    residuals : mapping of int to (str, numpy.ndarray or None)
        The position in ``values`` of each residual, with its theme and answer cells (None:
        not known, so never counted as unknown).

    Returns
    -------
    numpy.ndarray of bool
        The mask; a residual left unknown is True.
    """
    primary = np.asarray(primary, dtype=bool)
    free = np.zeros(len(values), dtype=bool)
    for at, (_, vector) in residuals.items():
        free[at] = vector is not None
    themes: dict[str, list[int]] = {}
    for at, (theme, vector) in enumerate(printed):
        if vector is not None:
            themes.setdefault(theme, []).append(at)
    while True:
        mask = suppress_groups(values, primary, groups, complements=complements,
                               threshold=threshold, suppress_zeros=suppress_zeros,
                               unknown=free)
        if not free.any():
            return mask
        known: set[int] = set()
        for theme, cells in themes.items():
            mine = [at for at, (t, _) in residuals.items() if t == theme and free[at]]
            if not mine:
                continue
            shown = [printed[at][1] for at in cells if not mask[at]]
            shown += list(shown_elsewhere.get(theme, ()))
            worked_out = _in_span(shown, np.vstack([residuals[at][1] for at in mine]))
            hidden = [at for at in cells if mask[at]]
            if worked_out.any():
                known.update(at for at, w in zip(mine, worked_out, strict=True) if w)
            elif hidden and _in_span(shown, np.vstack([printed[at][1] for at in hidden])).any():
                known.update(mine)
        if not known:
            return mask
        free[list(known)] = False
