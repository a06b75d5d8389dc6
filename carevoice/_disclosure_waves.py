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
    paired count would say where its small count lies). With three waves or more, two paired
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
