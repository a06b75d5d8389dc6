"""Disclosure control of tables of change between survey waves.

:func:`suppress_changes` is public as :func:`carevoice.disclosure.suppress_changes`; it is
written here so that :mod:`carevoice.disclosure` stays a readable size. It applies the rules of
that module (small cells, complements, secondary suppression, blank answers) to each wave and
adds the cells a comparison of waves creates: the paired table of the young people in both
waves, and those who answered one wave only.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .disclosure import DisclosureConfig

__all__ = ["mark_waves", "suppress_changes"]

_WAVE_KEY = ["wave", "theme", "variable", "level"]
_CELL = ["theme", "variable", "level"]


def _wave_cells(changes: pd.DataFrame) -> pd.DataFrame:
    """Each wave's prevalence cells, as the independent rows of a table of changes give them."""
    rows = changes[changes["analysis"].astype(str) == "independent"]
    cells = pd.concat([rows[[f"wave_{s}", *_WAVE_KEY[1:], f"n_{s}", f"base_{s}"]].set_axis(
        [*_WAVE_KEY, "n", "base"], axis=1) for s in ("from", "to")]).astype({"wave": str})
    return cells[cells["base"].astype(float) > 0].drop_duplicates(_WAVE_KEY)


def _cells_of(table: pd.DataFrame) -> pd.DataFrame:
    """A prevalence table's cells, keyed by text: ``theme``, ``variable``, ``level``, ``n``,
    ``base``."""
    out = table[[*_CELL, "n", "base"]].astype({c: str for c in _CELL})
    return out.astype({"n": float, "base": float}).reset_index(drop=True)


def _keys(table: pd.DataFrame) -> pd.Series:
    """Each row's cell as one string: theme, variable and level."""
    return pd.Series(["\x1f".join(k) for k in zip(*(table[c].astype(str) for c in _CELL))],
                     index=table.index, dtype=object)


def _union(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """The cells of two tables of one wave, each once."""
    return pd.concat([first, second]).drop_duplicates(_CELL).reset_index(drop=True)


def _matching_wave(per_wave: dict[str, pd.DataFrame], table: pd.DataFrame) -> str | None:
    """The wave whose cells have the counts of ``table`` (a report's prevalence), if any."""
    cells = _cells_of(table)
    for wave, own in per_wave.items():
        both = own.merge(cells, on=_CELL, suffixes=("", "_other"))
        overall = both[both["variable"] == "all"]
        if len(overall) and (both["n"] == both["n_other"]).all() \
                and (both["base"] == both["base_other"]).all():
            return wave
    return None


def mark_waves(changes: pd.DataFrame, prevalence: pd.DataFrame | None = None,
               config: DisclosureConfig | None = None, *,
               published: pd.DataFrame | None = None,
               earlier: Sequence[pd.DataFrame] = (),
               argument: str = "'published' argument of suppress_changes"
               ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Each wave's suppression marks, protected together with the tables published beside.

    A report with a change table publishes the cells of its own wave twice (in its own
    tables and in the change table) and, in the change table, the cells of the other waves;
    an earlier report published the cells of its wave. A cell hidden in one of them must be
    hidden in all, and no hidden cell may be worked out from all of them together. So each
    wave's cells are marked by :func:`carevoice.disclosure.suppress_prevalence` as one
    table: the cells of the change table, with those of the report or earlier report whose
    counts are that wave's (found by their counts), nested levels linked as the report's
    (or the comparison's) data records them, and with the cells hidden already (an earlier
    report's marks, and any cell of another wave than the report's whose change table row is
    hidden because of the other wave) treated as primary suppressions, until nothing
    changes. The report's own tables take its wave's marks: a cell they hide is hidden in
    the change table (a row hidden because of the other wave may hide a cell they show).

    Parameters
    ----------
    changes : pandas.DataFrame
        From :func:`carevoice.link.wave_changes`.
    prevalence : pandas.DataFrame, optional
        Each wave's prevalence, with a ``wave`` column; default from ``changes``.
    config : DisclosureConfig, optional
    published : pandas.DataFrame, optional
        The prevalence table of the report that prints the change table (one wave's data,
        :func:`carevoice.link.prevalence`); its nested levels (``attrs``) are used for every
        wave. Its counts must be those of one wave of ``changes``.
    earlier : sequence of pandas.DataFrame
        Marked prevalence tables of earlier reports (``theme``, ``variable``, ``level``,
        ``n``, ``base``, ``suppressed``, ``base_suppressed``): their hidden cells stay hidden.
    argument : str
        How the error names ``published`` (the caller's argument).

    Returns
    -------
    pandas.DataFrame
        Each wave's marked cells, with a ``wave`` column.
    pandas.DataFrame or None
        ``published`` marked as its wave (None without it): the report's own tables use it.
    """
    from ._argnames import ordinal
    from ._disclosure_links import LINKS
    from .disclosure import suppress_prevalence

    source = _wave_cells(changes) if prevalence is None else prevalence
    if "wave" not in source:
        raise InputError("The 'prevalence' argument of suppress_changes must have a 'wave' "
                         "column (WaveComparison.prevalence).")
    waves = source["wave"].astype(str)
    per_wave = {w: _cells_of(source[waves == w]) for w in dict.fromkeys(waves)}
    links = tuple(dict.fromkeys([*getattr(source, "attrs", {}).get(LINKS, ()),
                                 *({} if published is None else published.attrs).get(LINKS, ())]))
    forced: dict[str, set] = {w: set() for w in per_wave}
    forced_base: dict[str, set] = {w: set() for w in per_wave}
    own = None
    if published is not None:
        own = _matching_wave(per_wave, published)
        if own is None:
            raise InputError(
                f"The {argument} does not fit: no wave of the table of changes has the counts "
                "of the report's own data, so the report's tables and the change table cannot "
                "be suppressed together. Build the report from the data of one wave of the "
                "comparison, with the same base.")
        per_wave[own] = _union(_cells_of(published), per_wave[own])
    for i, table in enumerate(earlier):
        wave = _matching_wave(per_wave, table)
        if wave is None:
            raise InputError(f"The {ordinal(i + 1)} earlier report does not fit: no wave of the "
                             "table of changes has its counts; give the marks of a report "
                             "built from one wave's data of the comparison.")
        per_wave[wave] = _union(per_wave[wave], _cells_of(table))
        keys = _keys(table)
        forced[wave] |= set(keys[table["suppressed"].astype(bool).to_numpy()])
        if "base_suppressed" in table:
            forced_base[wave] |= set(keys[table["base_suppressed"].astype(bool).to_numpy()])
    keyed = {w: _keys(t) for w, t in per_wave.items()}
    present = {w: set(k) for w, k in keyed.items()}
    rows = changes[changes["analysis"].astype(str) == "independent"]
    row_keys = _keys(rows)
    sides = [rows[f"wave_{s}"].astype(str).to_numpy() for s in ("from", "to")]
    while True:
        marked = {}
        for w, table in per_wave.items():
            table = table.copy()
            table.attrs[LINKS] = links
            marked[w] = suppress_prevalence(table, config, hidden=keyed[w].isin(forced[w]),
                                            base_hidden=keyed[w].isin(forced_base[w]))
        hidden = {w: set(keyed[w][m["suppressed"].to_numpy(dtype=bool)])
                  for w, m in marked.items()}
        # A row of the change table shows both waves' cells: one hidden hides the other,
        # which is then protected like a suppressed cell, unless the report's own tables
        # print it (its wave's cells there are all those its marks do not hide).
        grown = False
        for key, a, b in zip(row_keys, *sides, strict=True):
            if key in hidden.get(a, ()) or key in hidden.get(b, ()):
                for w in (a, b):
                    if w != own and w in forced and key in present[w] \
                            and key not in forced[w]:
                        forced[w].add(key)
                        grown = True
        if not grown:
            break
    every = pd.concat([m.assign(wave=w) for w, m in marked.items()], ignore_index=True) \
        if marked else pd.DataFrame(columns=[*_WAVE_KEY, "n", "base", "suppressed",
                                             "base_suppressed"])
    mine = None
    if published is not None:
        flags = marked[own].assign(_key=keyed[own]).set_index("_key")
        key = _keys(published)
        mine = published.copy()
        for column in ("suppressed", "base_suppressed"):
            mine[column] = key.map(flags[column]).fillna(False).astype(bool).to_numpy()
        mine.attrs.update(marked[own].attrs)
    return every, mine


#: At most this many sets of levels are looked at per paired row, question and group; past
#: it (or after 64 times as many steps of the search), the row is hidden: a question with very
#: many levels of equal size.
_MAX_SETS = 4096


def _level_sets(sizes: np.ndarray, total: float) -> list[np.ndarray] | None:
    """Every set of positions of ``sizes`` (all > 0) whose sizes add up to ``total``; None
    when there are more than :data:`_MAX_SETS`, or the search takes too long."""
    order = np.argsort(-sizes, kind="stable")
    ranked = sizes[order]
    tail = np.concatenate([np.cumsum(ranked[::-1])[::-1], [0.0]])
    found: list[np.ndarray] = []
    stack: list[tuple[int, float, tuple[int, ...]]] = [(0, float(total), ())]
    steps = 0
    while stack:
        steps += 1
        if steps > 64 * _MAX_SETS:
            return None
        at, left, chosen = stack.pop()
        if abs(left) < 0.5:
            found.append(order[list(chosen)])
            if len(found) > _MAX_SETS:
                return None
            continue
        if at == len(ranked) or left < -0.5 or tail[at] < left - 0.5:
            continue
        stack.append((at + 1, left, chosen))
        if ranked[at] <= left + 0.5:
            stack.append((at + 1, left - float(ranked[at]), (*chosen, at)))
    return found


def _paired_gives_back(out: pd.DataFrame, marked: pd.DataFrame, overlap: np.ndarray,
                       config: DisclosureConfig) -> np.ndarray:
    """Which paired rows give back a hidden cell of a wave through a group of young people.

    A paired row of waves A and B publishes, for each wave, the count among the young people
    in both (its ``n``, of ``overlap``) and, with that wave's overall cell, the count among
    those who answered that wave only. Either group can be exactly the young people of some
    levels of a published question (a local authority that joined the survey, or left it);
    the row then publishes the sum of those levels' cells, and gives back one of them that
    is hidden, or the sum of those hidden (or its complement) when small; likewise for their
    level sizes. Who answered one wave only is not in the published tables, so every set of
    levels of one question whose sizes add up to the group's is taken to be it (a reader who
    knows who joined can tell). Such a row is hidden.
    """
    from .disclosure import is_small

    t, z = config.threshold, config.suppress_zeros
    risky = np.zeros(len(out), dtype=bool)
    if not len(marked):
        return risky
    cells = marked.assign(**{c: marked[c].astype(str) for c in _WAVE_KEY})
    cells = cells[cells["variable"] != "all"]
    by_wave_theme = dict(tuple(cells.groupby(["wave", "theme"], sort=False)))
    whole = {k[:2]: v for k, v in zip(
        zip(marked["wave"].astype(str), marked["theme"].astype(str), strict=True),
        zip(marked["variable"].astype(str), marked["n"].astype(float),
            marked["base"].astype(float), strict=True), strict=True) if v[0] == "all"}

    def unsafe(hidden: np.ndarray, counts: np.ndarray, rest: np.ndarray | None) -> bool:
        if not hidden.any():
            return False
        if hidden.sum() == 1:
            return True
        if is_small([counts[hidden].sum()], t, z)[0]:
            return True
        return rest is not None and bool(is_small([rest[hidden].sum()], t, z)[0])

    for i in np.flatnonzero((out["analysis"].astype(str) == "paired").to_numpy()):
        theme = str(out["theme"].iloc[i])
        for side in ("from", "to"):
            wave = str(out[f"wave_{side}"].iloc[i])
            mine = by_wave_theme.get((wave, theme))
            top = whole.get((wave, theme))
            if mine is None or top is None or risky[i]:
                continue
            groups = (overlap[i], top[2] - overlap[i])  # both waves; this wave only
            for _, levels in mine.groupby("variable", sort=False):
                levels = levels[levels["base"].astype(float) > 0]
                sizes = levels["base"].to_numpy(dtype=float)
                counts = levels["n"].to_numpy(dtype=float)
                hidden = levels["suppressed"].to_numpy(dtype=bool)
                hidden_size = levels["base_suppressed"].to_numpy(dtype=bool)
                if not (hidden | hidden_size).any():
                    continue  # nothing of this question to give back
                for size in groups:
                    if size <= 0 or size > sizes.sum() + 0.5:
                        continue
                    sets = _level_sets(sizes, size)
                    if sets is None:
                        risky[i] = True
                        break
                    for at in sets:
                        inside = np.zeros(len(sizes), dtype=bool)
                        inside[at] = True
                        if unsafe(hidden & inside, counts, sizes - counts) or \
                                unsafe(hidden_size & inside, sizes, None):
                            risky[i] = True
                            break
                    if risky[i]:
                        break
                if risky[i]:
                    break
    return risky


def suppress_changes(changes: pd.DataFrame, prevalence: pd.DataFrame | None = None,
                     config: DisclosureConfig | None = None, *,
                     published: pd.DataFrame | None = None,
                     earlier: Sequence[pd.DataFrame] = ()) -> pd.DataFrame:
    """Mark which rows of a table of changes between survey waves must be suppressed.

    An independent row publishes each wave's count and share: it is suppressed when either
    wave's cell is suppressed in that wave's prevalence table (:func:`suppress_prevalence`).
    A paired row is suppressed when a cell of its paired table (raised the theme in both
    waves, in the earlier only, in the later only, in neither) is small, or when those who
    answered only one of the two waves form a small cell (that wave's published overall count
    minus the paired count gives theirs), or when either wave's overall cell is suppressed (the
    paired count would say where its small count lies), or when the young people in both
    waves, or those of one wave only, can be those of some levels of one question of that
    wave's published cells (their sizes add up to the group's: a local authority that joined
    the survey, or left it) and the row would give back a hidden cell or level size, or a
    small sum of hidden cells. With three waves or more, two paired
    rows of a theme that share a wave give the difference of their counts for that wave: when
    it, or the difference of their complements, is small, the second row is suppressed too. A
    suppressed row hides every figure it holds. In a family of rows (the independent rows of
    each variable, the paired rows) with a suppressed tested row, the shown rows' ``q_value``
    is adjusted as if every suppressed row's p value were 1 (see
    :func:`carevoice.link.indicators.bh_shown`), so that it gives nothing of a hidden row away.

    Each wave's cells are marked together with the tables published beside the change table
    (see :func:`mark_waves`): the report's own tables (``published``) and earlier reports
    (``earlier``). A cell hidden in one is hidden in the others, and a cell that a row hides
    because of the other wave is protected like a suppressed cell.

    Parameters
    ----------
    changes : pandas.DataFrame
        From :func:`carevoice.link.wave_changes` (``WaveComparison.changes``).
    prevalence : pandas.DataFrame, optional
        Each wave's prevalence, with a ``wave`` column (``WaveComparison.prevalence``).
        Default: worked out from the independent rows of ``changes``.
    config : DisclosureConfig, optional
        The settings.
    published : pandas.DataFrame, optional
        The prevalence table of the report that prints the change table
        (:func:`carevoice.link.prevalence` of one wave's data, its nested levels in
        ``attrs``); its counts must be those of one wave of ``changes``.
    earlier : sequence of pandas.DataFrame, optional
        The marked prevalence tables of earlier reports (``theme``, ``variable``, ``level``,
        ``n``, ``base``, ``suppressed``, ``base_suppressed``), each of one wave of
        ``changes``: what they hid stays hidden.

    Returns
    -------
    pandas.DataFrame
        A copy with a boolean ``suppressed`` column.

    Examples
    --------
    One young person stopped raising the theme between the waves: the paired row is hidden.

    >>> changes = pd.DataFrame({"theme": "t", "variable": "all", "level": "all",
    ...     "wave_from": "w1", "wave_to": "w2", "analysis": ["independent", "paired"],
    ...     "n_from": [12, 9], "base_from": [40, 30], "n_to": [15, 11], "base_to": [45, 30],
    ...     "overlap": 30, "both": [None, 8], "from_only": [None, 1], "to_only": [None, 3],
    ...     "neither": [None, 18]})
    >>> suppress_changes(changes)["suppressed"].tolist()
    [False, True]
    """
    from .disclosure import DisclosureConfig, is_small, shown_q_values

    config = config or DisclosureConfig()
    t, z = config.threshold, config.suppress_zeros
    out = changes.copy()
    marked, _ = mark_waves(out, prevalence, config, published=published, earlier=earlier)
    cells = {k[:4]: k[4:] for k in zip(*(marked[c].astype(str) for c in _WAVE_KEY),
                                       marked["n"].astype(float), marked["base"].astype(float),
                                       marked["suppressed"].astype(bool), strict=True)}
    paired = (out["analysis"].astype(str) == "paired").to_numpy()
    small = np.zeros(len(out), dtype=bool)
    for cell in ("both", "from_only", "to_only", "neither"):
        small |= paired & is_small(pd.to_numeric(out[cell]).astype(float), t, z)
    overlap = pd.to_numeric(out["overlap"]).astype(float).to_numpy()
    for side in ("from", "to"):
        n = out[f"n_{side}"].astype(float).to_numpy()
        small |= is_small(n, t, z) | is_small(out[f"base_{side}"].astype(float) - n, t, z)
        keys = list(zip(*(out[c].astype(str) for c in (f"wave_{side}", *_WAVE_KEY[1:])),
                        strict=True))
        small |= ~paired & np.array([cells.get(k, (0, 0, False))[2] for k in keys], dtype=bool)
        # Those who answered this wave only: its overall count minus the paired row's count.
        whole = np.array([cells.get((k[0], k[1], "all", "all"), (np.nan, np.nan, True))
                          for k in keys], dtype=float).reshape(-1, 3)
        only_n, only_base = whole[:, 0] - n, whole[:, 1] - overlap
        small |= paired & (whole[:, 2] == 0) & (only_base > 0) & (
            is_small(only_n, t, z) | is_small(only_base - only_n, t, z))
        # A paired row counts part of this wave's overall cell: when that cell is hidden, the
        # paired count (even 0 of 36) tells where its small count lies, so it is hidden too.
        small |= paired & (whole[:, 2] == 1)
    # The paired group and the one-wave-only group as sums of published levels.
    small |= paired & _paired_gives_back(out, marked, overlap, config)
    # Two paired rows of a theme sharing a wave (three waves or more).
    theme = out["theme"].astype(str).to_numpy()
    for i, j in combinations(np.flatnonzero(paired), 2):
        for a in ("from", "to"):
            for b in ("from", "to"):
                if small[i] or small[j] or theme[i] != theme[j] or \
                        str(out[f"wave_{a}"].iloc[i]) != str(out[f"wave_{b}"].iloc[j]):
                    continue
                gap = float(out[f"n_{b}"].iloc[j]) - float(out[f"n_{a}"].iloc[i])
                rest = overlap[j] - overlap[i] - gap
                small[j] = bool(is_small([abs(gap)], t, z)[0] or is_small([abs(rest)], t, z)[0])
    out["suppressed"] = small
    return shown_q_values(out, ["analysis", "variable"])
