"""Disclosure control of tables of change between survey waves.

:func:`suppress_changes` is public as :func:`carevoice.disclosure.suppress_changes`; it is
written here so that :mod:`carevoice.disclosure` stays a readable size. It applies the rules of
that module (small cells, complements, secondary suppression, blank answers) to each wave and
adds the cells a comparison of waves creates: the paired table of the young people in both
waves, and those who answered one wave only.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .disclosure import DisclosureConfig

__all__ = ["suppress_changes"]

_WAVE_KEY = ["wave", "theme", "variable", "level"]


def _wave_cells(changes: pd.DataFrame) -> pd.DataFrame:
    """Each wave's prevalence cells, as the independent rows of a table of changes give them."""
    rows = changes[changes["analysis"].astype(str) == "independent"]
    cells = pd.concat([rows[[f"wave_{s}", *_WAVE_KEY[1:], f"n_{s}", f"base_{s}"]].set_axis(
        [*_WAVE_KEY, "n", "base"], axis=1) for s in ("from", "to")]).astype({"wave": str})
    return cells[cells["base"].astype(float) > 0].drop_duplicates(_WAVE_KEY)


def suppress_changes(changes: pd.DataFrame, prevalence: pd.DataFrame | None = None,
                     config: DisclosureConfig | None = None) -> pd.DataFrame:
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
    suppressed row hides every figure it holds.

    Parameters
    ----------
    changes : pandas.DataFrame
        From :func:`carevoice.link.wave_changes` (``WaveComparison.changes``).
    prevalence : pandas.DataFrame, optional
        Each wave's prevalence, with a ``wave`` column (``WaveComparison.prevalence``).
        Default: worked out from the independent rows of ``changes``.
    config : DisclosureConfig, optional
        The settings.

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
    from .disclosure import DisclosureConfig, is_small, suppress_prevalence

    config = config or DisclosureConfig()
    t, z = config.threshold, config.suppress_zeros
    out = changes.copy()
    marked = suppress_prevalence(_wave_cells(out) if prevalence is None else prevalence, config)
    if "wave" not in marked:
        raise InputError("The 'prevalence' argument of suppress_changes must have a 'wave' "
                         "column (WaveComparison.prevalence).")
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
    return out
