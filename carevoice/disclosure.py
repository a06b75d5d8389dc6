"""Statistical disclosure control: small-cell suppression and k-anonymous quote attribution.

Two rules keep published outputs from identifying a child:

**Small cells.** Every count of respondents from 1 to ``threshold - 1`` (default 5, as in
Department for Education statistics) is suppressed, together with every figure it could be
worked out from (its percentage, its complement ``base - n``, an odds ratio or p-value computed
from it). *Secondary suppression* then hides further cells so that a suppressed one cannot be
recovered by subtraction from a published total: whenever a group of cells that adds up to a
published total (the levels of one question for one theme, with the respondents who left the
question blank; the level sizes of one question) holds exactly one suppressed cell, or
suppressed cells that add up to a small count, another cell of the group is suppressed too
(:func:`secondary_suppression`), repeated until no group is unsafe. The tables are linked:
where the levels of one question lie inside a level of another (the age bands of care leavers
inside ``survey = care_leaver``), their cells add up to that level's cell, and each such sum
is a group too (found from the respondents by :func:`carevoice.link.prevalence`). Suppressed
figures are
shown as :data:`SYMBOL` (``"[c]"``, the Government Statistical Service's symbol for
*confidential*) with :func:`footnote`.

**Change between survey waves.** A row of a table of change shows a wave's cell only when
that wave's prevalence table does, and a paired row (young people in both waves) only when
neither its cells nor those of the young people in one wave only are small
(:func:`suppress_changes`).

**k-anonymous attribution.** A quote's attribution ("care leaver, 18-21, supported
accommodation") must describe at least ``k`` respondents (default 5; in a report, ``k`` of the
young people who raised the quote's theme). The quotes shown together are all written at one
level of detail (global recoding): attributes are dropped one at a time, in ``drop_order``
(default: the last attribute first, i.e. the most specific), for every quote of the list alike,
never for one author alone, since a description shortened for one person tells its reader that
this person's full description is the rare one. A quote whose author does not fit ``k`` at the
list's level is left out (see :func:`carevoice.quotes.select_quotes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

# The rules for tables of change between survey waves, and for quote attributions, are written
# in their own modules, which import what they need from this one when called.
from ._disclosure_links import (
    BY_WAVE,
    CELLS,
    LINKS,
    cell_vector,
    nested_cells,
    residual_vector,
    suppress_nested,
)
from ._disclosure_quotes import attribution, check_k_anonymity
from ._disclosure_waves import suppress_changes
from .errors import InputError

__all__ = [
    "SYMBOL",
    "DisclosureConfig",
    "attribution",
    "check_k_anonymity",
    "check_small_cells",
    "footnote",
    "is_small",
    "secondary_suppression",
    "suppress_associations",
    "suppress_changes",
    "suppress_differences",
    "suppress_prevalence",
]

#: The symbol that replaces a suppressed figure (GSS: ``[c]`` = confidential).
SYMBOL = "[c]"

#: How attribute values are written in an attribution, when a value has a nicer wording.
_WORDING = {
    "in_care": "in care",
    "care_leaver": "care leaver",
    "supported_accommodation": "supported accommodation",
    "living_independently": "living independently",
    "staying_put": "staying put",
    "residential": "residential care",
    "foster": "foster care",
    "kinship": "kinship care",
}


@dataclass(frozen=True)
class DisclosureConfig:
    """Settings of disclosure control.

    Parameters
    ----------
    threshold : int, default 5
        Counts from 1 to ``threshold - 1`` are suppressed.
    suppress_zeros : bool, default False
        Also suppress zero counts (stricter; a zero can tell that *nobody* in a group said
        something).
    k : int, default 5
        Every attribution used must describe at least ``k`` respondents.
    attributes : tuple of str, default ("survey", "age_group", "placement_type")
        Respondent columns a quote may be attributed with, in the order they are written.
    drop_order : tuple of str or None, default None
        The order in which attributes are dropped, for every quote of a list alike, when the
        list's descriptions would describe fewer than ``k`` respondents. None drops the last of
        ``attributes`` first.
    symbol : str, default :data:`SYMBOL`
        What a suppressed figure is replaced with.

    Examples
    --------
    >>> DisclosureConfig(k=10).effective_drop_order
    ('placement_type', 'age_group', 'survey')
    """

    threshold: int = 5
    suppress_zeros: bool = False
    k: int = 5
    attributes: tuple[str, ...] = ("survey", "age_group", "placement_type")
    drop_order: tuple[str, ...] | None = None
    symbol: str = SYMBOL

    def __post_init__(self) -> None:
        for name in ("threshold", "k"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"The '{name}' parameter of DisclosureConfig must be an int in "
                                 f"the range [1, inf). Got {value!r} instead.")
        object.__setattr__(self, "attributes", tuple(self.attributes))
        if self.drop_order is not None:
            object.__setattr__(self, "drop_order", tuple(self.drop_order))
            if sorted(self.drop_order) != sorted(self.attributes):
                raise InputError("The 'drop_order' parameter of DisclosureConfig must list the "
                                 f"same columns as 'attributes' {list(self.attributes)}. Got "
                                 f"{list(self.drop_order)} instead.")
        if not self.symbol:
            raise InputError("The 'symbol' parameter of DisclosureConfig must be a non-empty "
                             "string.")

    @property
    def effective_drop_order(self) -> tuple[str, ...]:
        """The drop order actually used."""
        return self.drop_order if self.drop_order is not None else self.attributes[::-1]


def footnote(config: DisclosureConfig | None = None) -> str:
    """The footnote that explains the suppression symbol.

    Parameters
    ----------
    config : DisclosureConfig, optional
        The settings used.

    Returns
    -------
    str
        One sentence.

    Examples
    --------
    >>> footnote().startswith("[c] Suppressed")
    True
    """
    config = config or DisclosureConfig()
    zeros = " (and zero)" if config.suppress_zeros else ""
    return (f"{config.symbol} Suppressed to protect confidentiality: a count of fewer than "
            f"{config.threshold}{zeros} young people, or a figure from which such a count could "
            "be worked out.")


def is_small(counts: Any, threshold: int = 5, suppress_zeros: bool = False) -> np.ndarray:
    """Which counts are below the threshold (primary suppression).

    Parameters
    ----------
    counts : array-like of int
        Counts of respondents.
    threshold : int, default 5
        Counts from 1 to ``threshold - 1`` are small.
    suppress_zeros : bool, default False
        Also count zero as small.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> is_small([0, 1, 4, 5]).tolist()
    [False, True, True, False]
    """
    c = np.asarray(counts, dtype=float)
    low = 0 if suppress_zeros else 1
    return (c >= low) & (c < threshold)


def secondary_suppression(values: pd.Series, suppressed: pd.Series,
                          groups: Sequence[pd.Series], *,
                          complements: pd.Series | None = None, threshold: int = 5,
                          suppress_zeros: bool = False) -> pd.Series:
    """Extend a suppression mask so that no suppressed cell can be recovered by subtraction.

    A group of cells that adds up to a published total is *unsafe* when it holds exactly one
    suppressed cell (subtraction gives it back), or when its suppressed cells together add up
    to a small count (from 1 to ``threshold - 1``; subtraction gives their sum, e.g. "3 young
    people in foster or kinship care"), or, with ``complements``, when the suppressed cells'
    complements add up to a small count. While a group is unsafe, another of its cells is
    suppressed: the smallest one that makes the group safe, else the smallest non-zero one
    (suppressing a zero adds nothing to the sum), else the smallest.

    Parameters
    ----------
    values : pandas.Series
        The cell values (counts).
    suppressed : pandas.Series of bool
        The primary suppression mask, same index.
    groups : sequence of pandas.Series
        Each a group key per cell (same index): the cells sharing a key add up to a published
        total. Several groupings (rows and columns of a table) are handled together.
    complements : pandas.Series, optional
        Each cell's complement (``base - n``), when the bases are published: their sum over
        the suppressed cells of a group can be worked out too.
    threshold : int, default 5
        Sums from 1 to ``threshold - 1`` are small.
    suppress_zeros : bool, default False
        Count a sum of zero as small too.

    Returns
    -------
    pandas.Series of bool
        The extended mask: no group is unsafe, unless every cell of it is suppressed.

    Examples
    --------
    >>> values = pd.Series([10, 3, 12, 20])
    >>> groups = [pd.Series(["a", "a", "a", "b"])]
    >>> secondary_suppression(values, values < 5, groups).tolist()
    [True, True, False, False]

    A zero is never the only complement of a small cell: "3 and 0" would publish their sum, 3.

    >>> values = pd.Series([3, 0, 20])
    >>> secondary_suppression(values, values.between(1, 4), [pd.Series(["a"] * 3)]).tolist()
    [True, False, True]
    """
    mask = suppressed.astype(bool).copy()
    order = values.astype(float).fillna(np.inf)
    amounts = values.astype(float).fillna(0.0)
    rest = None if complements is None else complements.astype(float).fillna(0.0)

    def unsafe(cells: pd.Series) -> bool:
        hidden = int(cells.sum())
        if len(cells) < 2 or hidden == 0 or hidden == len(cells):
            return False
        if hidden == 1:
            return True
        index = cells.index[cells.to_numpy()]
        if is_small([amounts.loc[index].sum()], threshold, suppress_zeros)[0]:
            return True
        return rest is not None and bool(
            is_small([rest.loc[index].sum()], threshold, suppress_zeros)[0])

    changed = True
    while changed:
        changed = False
        for key in groups:
            for _, cells in mask.groupby(key, sort=False, dropna=False):
                if not unsafe(cells):
                    continue
                candidates = order.loc[cells.index[~cells.to_numpy()]].sort_values(
                    kind="stable")
                pick = next((i for i in candidates.index
                             if not unsafe(cells.where(cells.index != i, True))), None)
                if pick is None:
                    positive = candidates[candidates > 0]
                    pick = (positive if len(positive) else candidates).index[0]
                mask.loc[pick] = True
                changed = True
    return mask


def _unanswered(prevalence: pd.DataFrame) -> pd.DataFrame:
    """The implicit cell of respondents who left a question blank, per theme and variable.

    The levels of a variable add up to the respondents who answered it; the overall row adds
    up everyone. Their difference is the cell of those who left the question blank, which is
    never published but can be worked out by subtraction.
    """
    overall = prevalence[prevalence["variable"].astype(str) == "all"].set_index(
        prevalence["theme"].astype(str)[prevalence["variable"].astype(str) == "all"])
    part = prevalence[prevalence["variable"].astype(str) != "all"]
    if part.empty or overall.empty:
        return pd.DataFrame(columns=["theme", "variable", "n", "base"])
    sums = part.assign(theme=part["theme"].astype(str),
                       variable=part["variable"].astype(str)).groupby(
        ["theme", "variable"], sort=False)[["n", "base"]].sum().reset_index()
    known = sums["theme"].isin(overall.index)
    sums = sums[known]
    sums["n"] = overall.loc[sums["theme"], "n"].to_numpy(dtype=float) - sums["n"]
    sums["base"] = overall.loc[sums["theme"], "base"].to_numpy(dtype=float) - sums["base"]
    return sums[sums["base"] > 0].reset_index(drop=True)


def _blank_small(prevalence: pd.DataFrame | None, themes: pd.Series, raised: pd.Series,
                 answered: pd.Series, config: DisclosureConfig) -> np.ndarray:
    """Whether the respondents who left a question blank form a small cell, per row.

    A row that publishes how many of those who answered a question raised a theme
    (``raised`` of ``answered``) gives, subtracted from the published overall count, how many
    of those who left it blank did. That cell is small when its count or its complement is
    from 1 to ``threshold - 1``. Themes whose overall count is suppressed give nothing away.
    """
    out = np.zeros(len(themes), dtype=bool)
    if prevalence is None or not _CELL_COLUMNS <= set(prevalence) or not len(themes):
        return out
    overall = prevalence[prevalence["variable"].astype(str) == "all"]
    if "suppressed" in overall:
        overall = overall[~overall["suppressed"].astype(bool)]
    overall = overall.drop_duplicates("theme").set_index(overall["theme"].astype(str))
    key = themes.astype(str)
    known = key.isin(overall.index).to_numpy()
    if not known.any():
        return out
    n = overall["n"].reindex(key).to_numpy(dtype=float)
    base = overall["base"].reindex(key).to_numpy(dtype=float)
    blank_n = n - raised.to_numpy(dtype=float)
    blank_base = base - answered.to_numpy(dtype=float)
    t, z = config.threshold, config.suppress_zeros
    small = is_small(blank_n, t, z) | is_small(blank_base - blank_n, t, z)
    return known & (blank_base > 0) & small


_CELL_COLUMNS = frozenset({"theme", "variable", "n", "base"})
#: Where :func:`suppress_prevalence` records, in the marked frame's ``attrs``, the settings its
#: marks depend on; :func:`_marked_prevalence` reuses the marks only for the same settings.
_MARKED_WITH = "carevoice_suppression"


def _marks_key(config: DisclosureConfig) -> dict[str, Any]:
    return {"threshold": config.threshold, "suppress_zeros": config.suppress_zeros}


def _marked_prevalence(prevalence: pd.DataFrame,
                      config: DisclosureConfig | None = None) -> pd.DataFrame:
    """A prevalence table with its suppression marks, marking it only when it is not yet marked.

    A frame that :func:`suppress_prevalence` marked with the same ``threshold`` and
    ``suppress_zeros`` comes back as it is (not copied); any other frame, a frame marked by
    hand or with other settings included, is marked by :func:`suppress_prevalence`. The
    report marks its prevalence table once this way and hands the marked frame to every table
    and chart.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        From :func:`carevoice.link.prevalence`, or already marked.
    config : DisclosureConfig, optional
        The settings.

    Returns
    -------
    pandas.DataFrame
        With the ``suppressed`` and ``base_suppressed`` columns; do not change it in place.

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": ["t"] * 3, "variable": ["all", "v", "v"],
    ...                      "level": ["all", "a", "b"], "n": [12, 3, 9], "base": [40, 20, 20]})
    >>> marked = suppress_prevalence(prev)
    >>> _marked_prevalence(marked) is marked
    True
    >>> _marked_prevalence(marked, DisclosureConfig(threshold=3))["suppressed"].tolist()
    [False, False, False]
    """
    config = config or DisclosureConfig()
    if {"suppressed", "base_suppressed"} <= set(prevalence) \
            and prevalence.attrs.get(_MARKED_WITH) == _marks_key(config):
        return prevalence
    return suppress_prevalence(prevalence, config)


def _answer_cells(prevalence: pd.DataFrame) -> tuple | None:
    """The answer cells recorded with the table, when they cover every variable it shows."""
    cells = prevalence.attrs.get(CELLS)
    if not cells:
        return None
    shown = set(prevalence["variable"].astype(str)) - {"all"}
    return cells if shown <= set(cells[0]) else None


def _printed_cells(cells: tuple | None, table: pd.DataFrame,
                   per_theme: bool) -> list[tuple[str, np.ndarray | None]]:
    """Per row of ``table``: its theme ("" for the level sizes) and its answer cells."""
    themes = table["theme"].astype(str) if per_theme else pd.Series("", index=table.index)
    keys = list(zip(table["variable"].astype(str), table["level"].astype(str), strict=True))
    vectors = {} if cells is None else {key: cell_vector(cells, *key) for key in set(keys)}
    return [(theme, vectors.get(key)) for theme, key in zip(themes, keys, strict=True)]


def _residuals(cells: tuple | None, links: Sequence[tuple], extra: pd.DataFrame,
               start: int) -> dict[int, tuple[str, np.ndarray | None]]:
    """The residuals of :func:`nested_cells` by position, with their answer cells."""
    at = [int(a) for a in extra["link"]]
    vectors = {} if cells is None else {a: residual_vector(cells, links[a]) for a in set(at)}
    return {start + i: (str(theme), vectors.get(a))
            for i, (theme, a) in enumerate(zip(extra["theme"], at, strict=True))}


def suppress_prevalence(prevalence: pd.DataFrame,
                        config: DisclosureConfig | None = None, *,
                        hidden: Any = None, base_hidden: Any = None) -> pd.DataFrame:
    """Mark which cells of a prevalence table must be suppressed.

    Primary: ``n`` or ``base - n`` from 1 to ``threshold - 1``, or ``base`` below the threshold.
    Secondary: within each theme and variable (the levels, together with the respondents who
    left the question blank, add up to the overall count; whose implicit cell is protected too) and,
    for the level sizes, within each variable (see :func:`secondary_suppression`). Where
    :func:`carevoice.link.prevalence` recorded nested levels in the table's ``attrs`` (every
    respondent of a level of one variable gave the same level of another), the cells of the
    levels inside a parent level, with the parent's respondents in none of them as an implicit
    cell, add up to the parent's cell: each theme's such cells, and the level sizes, are
    groups as well, and the passes repeat until no group of either kind is unsafe.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        From :func:`carevoice.link.prevalence`.
    config : DisclosureConfig, optional
        The settings.
    hidden : array-like of bool, optional
        One per row: cells hidden already, whatever their counts (another published table,
        such as an earlier report or a change table row, hides them); they are treated as
        primary suppressions, so that they cannot be worked out either.
    base_hidden : array-like of bool, optional
        One per row: level sizes hidden already, treated like a level too small to publish.

    Returns
    -------
    pandas.DataFrame
        A copy with boolean columns ``suppressed`` (hide ``n``, ``share`` and the interval) and
        ``base_suppressed`` (hide ``base`` too). A table with a ``wave`` column (each wave's
        prevalence, :func:`carevoice.link.compare_waves`) is marked wave by wave, each with
        the levels that nest in that wave.

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": ["t"] * 3, "variable": ["all", "v", "v"],
    ...                      "level": ["all", "a", "b"], "n": [12, 3, 9], "base": [40, 20, 20]})
    >>> suppress_prevalence(prev)["suppressed"].tolist()
    [False, True, True]

    Three respondents left ``v`` blank and one of them raised the theme: a level is suppressed
    so that subtraction cannot tell.

    >>> prev["n"], prev["base"] = [13, 6, 6], [43, 20, 20]
    >>> suppress_prevalence(prev)["suppressed"].tolist()
    [False, True, False]
    """
    config = config or DisclosureConfig()
    if "wave" in prevalence:  # several waves: each wave's cells on their own
        out, waves = prevalence.assign(suppressed=False, base_suppressed=False), \
            prevalence["wave"].astype(str).to_numpy()
        own = prevalence.attrs.get(BY_WAVE, {})
        forced = {name: None if given is None else np.asarray(given, dtype=bool)
                  for name, given in (("hidden", hidden), ("base_hidden", base_hidden))}
        for wave in dict.fromkeys(waves):
            piece = prevalence[waves == wave].drop(columns="wave")
            if wave in own:  # the nesting of that wave's own respondents
                piece.attrs = {key: value for key, value in piece.attrs.items()
                               if key not in (LINKS, CELLS, BY_WAVE)}
                piece.attrs.update(own[wave])
            marked = suppress_prevalence(
                piece, config,
                **{k: None if v is None else v[waves == wave] for k, v in forced.items()})
            for column in ("suppressed", "base_suppressed"):
                out.loc[waves == wave, column] = marked[column].to_numpy()
        out.attrs[_MARKED_WITH] = _marks_key(config)
        return out
    t, z = config.threshold, config.suppress_zeros
    out = prevalence.copy()
    n = out["n"].astype(float)
    base = out["base"].astype(float)
    base_small = pd.Series(is_small(base, t, z) | (base < t), index=out.index)
    links = prevalence.attrs.get(LINKS, ())
    answers = _answer_cells(prevalence) if links else None
    by_level = out[["variable", "level"]].astype(str).agg("\x1f".join, axis=1)
    if base_hidden is not None:  # a level size hidden in one row is hidden in every row
        base_small |= by_level.isin(set(by_level[np.asarray(base_hidden, dtype=bool)]))
    sizes = out.assign(_key=by_level).drop_duplicates("_key")
    size_primary = base_small.loc[sizes.index].to_numpy()
    size_values = sizes["base"].to_numpy(dtype=float)
    size_groups = [np.asarray(g) for g in sizes.reset_index(drop=True).groupby(
        sizes["variable"].astype(str).to_numpy(), sort=False).indices.values()]
    size_printed = _printed_cells(answers, sizes, per_theme=False)
    size_residuals: dict[int, tuple[str, np.ndarray | None]] = {}
    if links:  # the sizes of nested levels add up to their parent's size
        extra, nested = nested_cells(sizes.reset_index(drop=True), links, "base",
                                     per_theme=False)
        start = len(size_values)
        size_values = np.concatenate([size_values, extra["base"].to_numpy(dtype=float)])
        size_primary = np.concatenate([size_primary, is_small(extra["base"], t, z)])
        size_groups += [np.asarray(rows + ([] if slot is None else [start + slot]))
                        for rows, slot in nested]
        size_printed += [("", None)] * len(extra)
        size_residuals = _residuals(answers, links, extra, start)
    size_mask = suppress_nested(size_values, size_primary, size_groups, printed=size_printed,
                                shown_elsewhere={}, residuals=size_residuals, threshold=t,
                                suppress_zeros=z)[:len(sizes)]
    base_suppressed = by_level.map(dict(zip(sizes["_key"], size_mask, strict=True))).astype(bool)
    base_suppressed &= out["variable"].astype(str) != "all"
    primary = is_small(n, t, z) | is_small(base - n, t, z) | base_suppressed.to_numpy()
    if hidden is not None:
        primary = primary | np.asarray(hidden, dtype=bool)
    primary = pd.Series(primary, index=out.index)
    within = (out["variable"].astype(str) != "all").to_numpy()
    # The cells of one theme and variable, and the implicit cell of those who left it blank.
    blank = _unanswered(out)
    overall = out[~within]
    overall_hidden = set(overall.loc[primary[~within].to_numpy(), "theme"].astype(str))
    blank_primary = (is_small(blank["n"], t, z) | is_small(blank["base"] - blank["n"], t, z)) \
        & ~blank["theme"].isin(overall_hidden).to_numpy()
    real = out[within]
    cells = pd.DataFrame({
        "n": np.concatenate([n[within].to_numpy(), blank["n"].to_numpy(dtype=float)]),
        "rest": np.concatenate([(base - n)[within].to_numpy(),
                                (blank["base"] - blank["n"]).to_numpy(dtype=float)]),
        "group": np.concatenate([(real["theme"].astype(str) + "\x1f"
                                  + real["variable"].astype(str)).to_numpy(),
                                 (blank["theme"] + "\x1f" + blank["variable"]).to_numpy()]),
        "primary": np.concatenate([primary[within].to_numpy(), np.asarray(blank_primary)]),
    })
    values = cells["n"].to_numpy(dtype=float)
    rest = cells["rest"].to_numpy(dtype=float)
    flags = cells["primary"].to_numpy(dtype=bool)
    groups = list(cells.groupby(cells["group"].to_numpy(), sort=False).indices.values())
    printed = _printed_cells(answers, real, per_theme=True) + [
        (str(theme), None) for theme in blank["theme"]]
    residuals: dict[int, tuple[str, np.ndarray | None]] = {}
    if links:  # nested levels: each theme's cells of them add up to their parent's cell
        positions = pd.Series(np.arange(len(real)), index=real.index)
        extra, nested = nested_cells(real, links, "n", per_theme=True)
        start = len(values)
        values = np.concatenate([values, extra["n"].to_numpy(dtype=float)])
        extra_rest = (extra["base"] - extra["n"]).to_numpy(dtype=float)
        rest = np.concatenate([rest, extra_rest])
        flags = np.concatenate([flags, is_small(extra["n"], t, z) | is_small(extra_rest, t, z)])
        groups += [np.concatenate([positions.loc[rows].to_numpy(),
                                   [] if slot is None else [start + slot]]).astype(int)
                   for rows, slot in nested]
        printed += [(str(theme), None) for theme in extra["theme"]]
        residuals = _residuals(answers, links, extra, start)
    everyone = {str(theme): [np.ones(len(answers[1]))] for theme, hid in zip(
        overall["theme"], primary[~within], strict=True) if not hid} if answers else {}
    hidden = suppress_nested(values, flags, groups, printed=printed, shown_elsewhere=everyone,
                             residuals=residuals, complements=rest, threshold=t,
                             suppress_zeros=z)
    mask = primary.copy()
    mask[within] = hidden[:len(real)]
    out["suppressed"] = mask.astype(bool)
    out["base_suppressed"] = base_suppressed.astype(bool)
    out.attrs[_MARKED_WITH] = _marks_key(config)
    return out


def _association_cells(table: pd.DataFrame) -> list[pd.Series]:
    """The four cells of each row's 2x2 table (or its ``min_cell`` alone)."""
    needed = {"raised_level", "n_level", "raised_rest", "n_rest"}
    if not needed <= set(table):
        return [table["min_cell"]]
    return [table["raised_level"], table["n_level"] - table["raised_level"],
            table["raised_rest"], table["n_rest"] - table["raised_rest"]]


def suppress_associations(associations: pd.DataFrame, prevalence: pd.DataFrame | None = None,
                          config: DisclosureConfig | None = None) -> pd.DataFrame:
    """Mark which rows of an association or hypothesis table must be suppressed.

    A row is suppressed when a cell of its 2x2 table is small (from 1 to ``threshold - 1``;
    a zero cell is not small unless ``suppress_zeros``), when a level it counts is suppressed
    in the published prevalence table, when the respondents who left its question blank form a
    small cell (the overall count minus the row's two counts gives theirs), or by secondary
    suppression within its theme and variable. A suppressed row hides its counts, shares, odds
    ratio, interval and p- and q-values: with the margins published, any of them gives the
    small count back. With a suppressed tested row, the shown rows' ``q_value`` is adjusted as
    if every suppressed row's p value were 1 (:func:`shown_q_values`): over the true p values,
    a shown q would move with a hidden row's p and so tell its count.

    Parameters
    ----------
    associations : pandas.DataFrame
        From :func:`carevoice.link.associations` (one ``level`` per row) or
        :func:`~carevoice.link.hypothesis_tests` (``levels`` joined by ``" + "``).
    prevalence : pandas.DataFrame, optional
        The prevalence table of the same data, as returned by
        :func:`carevoice.link.prevalence` or marked by :func:`suppress_prevalence`, to stay
        consistent with it. Without it, only the row's own cells are checked.
    config : DisclosureConfig, optional
        The settings.

    Returns
    -------
    pandas.DataFrame
        A copy with a boolean ``suppressed`` column.

    Examples
    --------
    >>> assoc = pd.DataFrame({"theme": ["t", "t"], "variable": ["v", "v"], "level": ["a", "b"],
    ...                       "min_cell": [2, 8], "raised_level": [2, 10]})
    >>> suppress_associations(assoc)["suppressed"].tolist()
    [True, True]
    """
    config = config or DisclosureConfig()
    out = associations.copy()
    t, z = config.threshold, config.suppress_zeros
    small = np.zeros(len(out), dtype=bool)
    for cell in _association_cells(out):
        small |= is_small(cell.astype(float), t, z)
    primary = pd.Series(small, index=out.index)
    if prevalence is not None and len(out) and _CELL_COLUMNS <= set(prevalence):
        if "suppressed" not in prevalence:
            prevalence = suppress_prevalence(prevalence, config)
        hidden_levels = {(a, b, c) for a, b, c, h in zip(
            prevalence["theme"].astype(str), prevalence["variable"].astype(str),
            prevalence["level"].astype(str), prevalence["suppressed"].astype(bool),
            strict=True) if h}
        themes = out["theme"].astype(str).to_numpy()
        variables = out["variable"].astype(str).to_numpy()
        if "level" in out:
            levels = [[str(v)] for v in out["level"]]
        elif "levels" in out:
            levels = [str(v).split(" + ") for v in out["levels"]]
        else:
            levels = [[] for _ in range(len(out))]
        primary |= np.array([any((th, v, lev) in hidden_levels for lev in levs)
                             for th, v, levs in zip(themes, variables, levels, strict=True)],
                            dtype=bool)
        if {"raised_level", "raised_rest", "n_level", "n_rest"} <= set(out):
            primary |= _blank_small(prevalence, out["theme"],
                                    out["raised_level"] + out["raised_rest"],
                                    out["n_level"] + out["n_rest"], config)
    if "level" in out and "raised_level" in out and len(out):
        group = out["theme"].astype(str) + "\x1f" + out["variable"].astype(str)
        primary = secondary_suppression(out["raised_level"], primary, [group], threshold=t,
                                        suppress_zeros=z)
    out["suppressed"] = primary.astype(bool)
    return shown_q_values(out)


def shown_q_values(marked: pd.DataFrame, family: Sequence[str] = ()) -> pd.DataFrame:
    """The q values of a marked table's shown rows, adjusted as if every hidden row's p value
    were 1 (:func:`carevoice.link.indicators.bh_shown`), within each family.

    Benjamini-Hochberg over the true p values would make a shown row's q move with a hidden
    row's p, which a reader can invert to pin the hidden count. The shown rows instead take the
    first ranks of the family of ``m`` tests: their q values depend only on their own p values
    and ``m``, and are never below their q over the true p values. A table with no hidden
    tested row keeps its q values as they were.

    Parameters
    ----------
    marked : pandas.DataFrame
        With ``suppressed``, ``p_value`` and ``q_value`` (a table without them is handed back).
    family : sequence of str
        The columns whose values pick out one family (as the q values were computed); none:
        the whole table.

    Returns
    -------
    pandas.DataFrame
        ``marked`` with the shown rows' ``q_value`` so adjusted.
    """
    from .link.indicators import bh_shown

    if not {"suppressed", "p_value", "q_value"} <= set(marked) or not len(marked):
        return marked
    out = marked.copy()
    key = (out[list(family)].astype(str).agg("\x1f".join, axis=1) if family
           else pd.Series("", index=out.index))
    q = out["q_value"].astype(float)
    for index in out.groupby(key, sort=False).groups.values():
        q[index] = bh_shown(out.loc[index, "p_value"], out.loc[index, "suppressed"],
                            q[index])
    out["q_value"] = q
    return out


def suppress_differences(numeric: pd.DataFrame, prevalence: pd.DataFrame | None = None,
                         config: DisclosureConfig | None = None) -> pd.DataFrame:
    """Mark which rows of a table of numeric differences must be suppressed.

    A row is suppressed when fewer than ``threshold`` respondents are on either side (a mean
    of a few is nearly their answers), or when the respondents who left the numeric question
    blank form a small cell (the overall count of the theme minus ``n_raised`` gives how many
    of them raised it). The shown rows' ``q_value`` is adjusted as if every suppressed row's p
    value were 1 (:func:`shown_q_values`).

    Parameters
    ----------
    numeric : pandas.DataFrame
        From :func:`carevoice.link.numeric_differences`.
    prevalence : pandas.DataFrame, optional
        The prevalence table of the same data (its overall rows are used).
    config : DisclosureConfig, optional
        The settings.

    Returns
    -------
    pandas.DataFrame
        A copy with a boolean ``suppressed`` column.

    Examples
    --------
    >>> num = pd.DataFrame({"theme": ["t", "t"], "variable": ["age", "score"],
    ...                     "n_raised": [12, 10], "n_not": [28, 28]})
    >>> prev = pd.DataFrame({"theme": ["t"], "variable": ["all"], "level": ["all"],
    ...                      "n": [12], "base": [40]})
    >>> suppress_differences(num, prev)["suppressed"].tolist()
    [False, True]
    """
    config = config or DisclosureConfig()
    out = numeric.copy()
    raised = out["n_raised"].astype(float)
    others = out["n_not"].astype(float)
    small = np.array(np.minimum(raised, others) < config.threshold, dtype=bool)
    small |= _blank_small(prevalence, out["theme"], raised, raised + others, config)
    out["suppressed"] = small
    return shown_q_values(out)


def check_small_cells(table: pd.DataFrame, count_columns: Sequence[str],
                      config: DisclosureConfig | None = None) -> list[str]:
    """List the published counts that break the small-cell rule (for tests and audits).

    Parameters
    ----------
    table : pandas.DataFrame
        A formatted table: suppressed cells hold the symbol, others a number (or a string
        starting with one).
    count_columns : sequence of str
        The columns that hold counts of respondents.
    config : DisclosureConfig, optional
        The settings.

    Returns
    -------
    list of str
        ``"column: value"`` for every shown count from 1 to ``threshold - 1`` (empty when the
        table is safe).

    Examples
    --------
    >>> check_small_cells(pd.DataFrame({"n": ["[c]", "12", "3"]}), ["n"])
    ['n: 3']
    """
    config = config or DisclosureConfig()
    bad = []
    for col in count_columns:
        for value in table[col]:
            text = str(value).strip()
            if text == config.symbol or not text:
                continue
            number = pd.to_numeric(text.split()[0].replace(",", ""), errors="coerce")
            if pd.notna(number) and is_small([number], config.threshold,
                                             config.suppress_zeros)[0]:
                bad.append(f"{col}: {text}")
    return bad


def answer_wording(value: object) -> str:
    """How a survey answer reads in an attribution, a table header or a chart label.

    ``"foster"`` reads "foster care", ``"in_care"`` "in care"; any other answer reads with
    its underscores as spaces. Package-internal (not in ``__all__``): the report's tables and
    the topic charts word answers with it, so that they say what the quote attributions say.

    Parameters
    ----------
    value : object
        The answer, as the respondents' table holds it.

    Returns
    -------
    str

    Examples
    --------
    >>> answer_wording("residential"), answer_wording("too_little"), answer_wording(3)
    ('residential care', 'too little', '3')
    """
    text = str(value)
    return _WORDING.get(text, text.replace("_", " "))


def _word(column: str, value: object) -> str:
    if column == "age_group":
        return f"aged {value!s}"
    return answer_wording(value)
