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

Link = tuple[str, str, str, tuple[str, ...]]


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
    return tuple((a, level, b, tuple(children))
                 for (a, level, b), children in sorted(found.items()))


def suppress_groups(values: np.ndarray, suppressed: np.ndarray, groups: Sequence[np.ndarray],
                    *, complements: np.ndarray | None = None, threshold: int = 5,
                    suppress_zeros: bool = False) -> np.ndarray:
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

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> suppress_groups(np.array([10, 3, 12]), np.array([False, True, False]),
    ...                 [np.array([0, 1, 2])]).tolist()
    [True, True, False]
    """
    from .disclosure import is_small

    mask = np.asarray(suppressed, dtype=bool).copy()
    raw = np.asarray(values, dtype=float)
    order = np.where(np.isnan(raw), np.inf, raw)
    amounts = np.nan_to_num(raw, nan=0.0)
    rest = None if complements is None else np.nan_to_num(
        np.asarray(complements, dtype=float), nan=0.0)

    def unsafe(members: np.ndarray, hidden: np.ndarray) -> bool:
        count = int(hidden.sum())
        if len(members) < 2 or count == 0 or count == len(members):
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
        level not inside the parent), with ``theme`` (when ``per_theme``), ``n`` and ``base``,
        one row per group that has them.
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
        for parent, level, child, children in links:
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
                implicit.append({"theme": theme, **left})
            groups.append(([top, *rows], slot))
    return pd.DataFrame(implicit, columns=["theme", "n", "base"]), groups
