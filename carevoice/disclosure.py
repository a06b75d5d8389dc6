"""Statistical disclosure control: small-cell suppression and k-anonymous quote attribution.

Two rules keep published outputs from identifying a child:

**Small cells.** Every count of respondents from 1 to ``threshold - 1`` (default 5, as in
Department for Education statistics) is suppressed, together with every figure it could be
worked out from (its percentage, its complement ``base - n``, an odds ratio or p-value computed
from it). *Secondary suppression* then hides further cells so that a suppressed one cannot be
recovered by subtraction from a published total: whenever a group of cells that adds up to a
published total (the levels of one question for one theme; the level sizes of one question)
holds exactly one suppressed cell, the smallest other cell of the group is suppressed too,
repeated until no group has exactly one. Suppressed figures are shown as :data:`SYMBOL`
(``"[c]"``, the Government Statistical Service's symbol for *confidential*) with
:func:`footnote`.

**k-anonymous attribution.** A quote's attribution ("care leaver, 18-21, supported
accommodation") must describe at least ``k`` respondents of the data (default 5). Attributes are
dropped one at a time, in ``drop_order`` (default: the last attribute first, i.e. the most
specific), until it does; a quote that cannot be attributed that way is attributed to "a young
person", and is dropped altogether if the whole data holds fewer than ``k`` respondents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .schema import RESPONDENT_ID

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
        The order in which attributes are dropped when an attribution describes fewer than
        ``k`` respondents. None drops the last of ``attributes`` first.
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
                          groups: Sequence[pd.Series]) -> pd.Series:
    """Extend a suppression mask so that no suppressed cell can be recovered by subtraction.

    Parameters
    ----------
    values : pandas.Series
        The cell values (counts); the smallest unsuppressed cell of a group is chosen first.
    suppressed : pandas.Series of bool
        The primary suppression mask, same index.
    groups : sequence of pandas.Series
        Each a group key per cell (same index): the cells sharing a key add up to a published
        total. Several groupings (rows and columns of a table) are handled together.

    Returns
    -------
    pandas.Series of bool
        The extended mask: no group has exactly one suppressed cell (unless it has one cell).

    Examples
    --------
    >>> values = pd.Series([10, 3, 12, 20])
    >>> groups = [pd.Series(["a", "a", "a", "b"])]
    >>> secondary_suppression(values, values < 5, groups).tolist()
    [True, True, False, False]
    """
    mask = suppressed.astype(bool).copy()
    order = values.astype(float).fillna(np.inf)
    changed = True
    while changed:
        changed = False
        for key in groups:
            for _, cells in mask.groupby(key, sort=False, dropna=False):
                if len(cells) > 1 and int(cells.sum()) == 1:
                    candidates = order.loc[cells.index[~cells.to_numpy()]]
                    mask.loc[candidates.sort_values(kind="stable").index[0]] = True
                    changed = True
    return mask


def suppress_prevalence(prevalence: pd.DataFrame,
                        config: DisclosureConfig | None = None) -> pd.DataFrame:
    """Mark which cells of a prevalence table must be suppressed.

    Primary: ``n`` or ``base - n`` from 1 to ``threshold - 1``, or ``base`` below the threshold.
    Secondary: within each theme and variable (levels add up to the overall count) and, for
    the level sizes, within each variable.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        From :func:`carevoice.link.prevalence`.
    config : DisclosureConfig, optional
        The settings.

    Returns
    -------
    pandas.DataFrame
        A copy with boolean columns ``suppressed`` (hide ``n``, ``share`` and the interval) and
        ``base_suppressed`` (hide ``base`` too).

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": ["t"] * 3, "variable": ["all", "v", "v"],
    ...                      "level": ["all", "a", "b"], "n": [12, 3, 9], "base": [40, 20, 20]})
    >>> suppress_prevalence(prev)["suppressed"].tolist()
    [False, True, True]
    """
    config = config or DisclosureConfig()
    t, z = config.threshold, config.suppress_zeros
    out = prevalence.copy()
    n = out["n"].astype(float)
    base = out["base"].astype(float)
    base_small = pd.Series(is_small(base, t, z) | (base < t), index=out.index)
    by_level = out[["variable", "level"]].astype(str).agg("\x1f".join, axis=1)
    sizes = out.assign(_key=by_level).drop_duplicates("_key")
    size_mask = secondary_suppression(
        sizes["base"], pd.Series(base_small.loc[sizes.index].to_numpy(), index=sizes.index),
        [sizes["variable"].astype(str)])
    base_suppressed = by_level.map(dict(zip(sizes["_key"], size_mask, strict=True))).astype(bool)
    base_suppressed &= out["variable"].astype(str) != "all"
    primary = is_small(n, t, z) | is_small(base - n, t, z) | base_suppressed.to_numpy()
    primary = pd.Series(primary, index=out.index)
    group = out["theme"].astype(str) + "\x1f" + out["variable"].astype(str)
    within = out["variable"].astype(str) != "all"
    mask = primary.copy()
    mask[within] = secondary_suppression(n[within], primary[within], [group[within]])
    out["suppressed"] = mask.astype(bool)
    out["base_suppressed"] = base_suppressed.astype(bool)
    return out


def suppress_associations(associations: pd.DataFrame, prevalence: pd.DataFrame | None = None,
                          config: DisclosureConfig | None = None) -> pd.DataFrame:
    """Mark which rows of an association table must be suppressed.

    A row is suppressed when a cell of its 2x2 table is small (``min_cell``), when its count in
    the published prevalence table is suppressed, or by secondary suppression within its theme
    and variable. A suppressed row hides its counts, shares, odds ratio, interval and p- and
    q-values: with the margins published, any of them gives the small count back.

    Parameters
    ----------
    associations : pandas.DataFrame
        From :func:`carevoice.link.associations` (or :func:`~carevoice.link.hypothesis_tests`).
    prevalence : pandas.DataFrame, optional
        The output of :func:`suppress_prevalence` for the same data, to stay consistent.
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
    primary = pd.Series(is_small(out["min_cell"], config.threshold, config.suppress_zeros),
                        index=out.index)
    if prevalence is not None and "suppressed" in prevalence and "level" in out:
        keys = prevalence[["theme", "variable", "level"]].astype(str).agg("\x1f".join, axis=1)
        hidden = dict(zip(keys, prevalence["suppressed"], strict=True))
        mine = out[["theme", "variable", "level"]].astype(str).agg("\x1f".join, axis=1)
        primary |= mine.map(hidden).fillna(False).astype(bool)
    if "level" in out and "raised_level" in out and len(out):
        group = out["theme"].astype(str) + "\x1f" + out["variable"].astype(str)
        primary = secondary_suppression(out["raised_level"], primary, [group])
    out["suppressed"] = primary.astype(bool)
    return out


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


def _word(column: str, value: object) -> str:
    text = str(value)
    if column == "age_group":
        return f"aged {text}"
    return _WORDING.get(text, text.replace("_", " "))


def attribution(respondents: pd.DataFrame, respondent_ids: Sequence[str],
                config: DisclosureConfig | None = None,
                generalise: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """k-anonymous attributions for quotes.

    For each respondent, start from every attribute in ``config.attributes``; while fewer than
    ``config.k`` respondents of ``respondents`` share the combination, drop the next attribute
    of ``config.effective_drop_order`` (first replacing it by its generalised value when
    ``generalise`` maps it, e.g. age groups to "under 16" / "16-25"). Missing answers are never
    written.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Every respondent of the data (the population the attribution must hide in).
    respondent_ids : sequence of str
        The respondents to attribute (the authors of the quotes).
    config : DisclosureConfig, optional
        ``k``, ``attributes`` and ``drop_order``.
    generalise : mapping, optional
        ``{column: {value: coarser value}}`` tried before dropping the column.

    Returns
    -------
    pandas.DataFrame
        ``respondent_id, attribution, attributes_used, group_size`` in the order given
        (``attributes_used`` lists the columns written, a generalised one with a ``*``); an
        ``attribution`` of None means the data holds fewer than ``k`` respondents and the quote
        must not be used.

    Examples
    --------
    >>> resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(12)],
    ...                      "survey": ["care_leaver"] * 12,
    ...                      "age_group": ["18-21"] * 6 + ["22-25"] * 5 + ["16-17"]})
    >>> cfg = DisclosureConfig(attributes=("survey", "age_group"))
    >>> attribution(resp, ["r0", "r11"], cfg)["attribution"].tolist()
    ['care leaver, aged 18-21', 'care leaver']
    """
    config = config or DisclosureConfig()
    generalise = dict(generalise or {})
    missing = [c for c in config.attributes if c not in respondents]
    if missing:
        raise InputError(f"The attribution attributes {missing} are not respondents columns. "
                         f"Columns: {list(respondents.columns)}. Set DisclosureConfig("
                         "attributes=...) to the columns you have.")
    data = respondents.copy()
    data.index = data[RESPONDENT_ID].astype(str)
    data = data[list(config.attributes)].astype(object).where(data[list(config.attributes)]
                                                               .notna(), None)
    rows = []
    for rid in respondent_ids:
        rid = str(rid)
        if rid not in data.index:
            raise InputError(f"The respondent {rid!r} of a quote is not in the respondents "
                             "frame.")
        values = {c: data.at[rid, c] for c in config.attributes}
        active = {c: data[c] for c in config.attributes if values[c] is not None}
        values = {c: v for c, v in values.items() if v is not None}
        steps = []
        for col in config.effective_drop_order:
            if col in generalise and col in values:
                steps.append(("generalise", col))
            steps.append(("drop", col))
        size = 0
        while True:
            member = np.ones(len(data), dtype=bool)
            for col, series in active.items():
                member &= (series.astype(str) == str(values[col])).to_numpy()
            size = int(member.sum())
            if size >= config.k or not steps:
                break
            action, col = steps.pop(0)
            if col not in values:
                continue
            if action == "generalise":
                mapping = {str(k): str(v) for k, v in generalise[col].items()}
                values[col] = mapping.get(str(values[col]), str(values[col]))
                active[col] = data[col].map(lambda v, m=mapping: None if v is None
                                            else m.get(str(v), str(v)))
            else:
                values.pop(col)
                active.pop(col)
        if size < config.k:
            rows.append({RESPONDENT_ID: rid, "attribution": None, "attributes_used": "",
                         "group_size": size})
            continue
        used = [c for c in config.attributes if c in values]
        text = ", ".join(_word(c, values[c]) for c in used) or "a young person"
        coarse = {c for c in used if str(values[c]) != str(data.at[rid, c])}
        rows.append({RESPONDENT_ID: rid, "attribution": text,
                     "attributes_used": ",".join(c + ("*" if c in coarse else "")
                                                 for c in used), "group_size": size})
    return pd.DataFrame(rows, columns=[RESPONDENT_ID, "attribution", "attributes_used",
                                       "group_size"])


def check_k_anonymity(quotes: pd.DataFrame, respondents: pd.DataFrame,
                      config: DisclosureConfig | None = None,
                      generalise: Mapping[str, Mapping[str, str]] | None = None) -> list[str]:
    """List the quotes whose attribution describes fewer than ``k`` respondents.

    Recomputes, from ``respondents``, how many respondents share the attribute values of each
    quote's ``attributes_used``.

    Parameters
    ----------
    quotes : pandas.DataFrame
        With ``respondent_id`` and ``attributes_used`` (as from :func:`attribution` or
        :func:`carevoice.quotes.select_quotes`).
    respondents : pandas.DataFrame
        The population.
    config : DisclosureConfig, optional
        ``k``.
    generalise : mapping, optional
        The mapping used for columns marked with ``*``.

    Returns
    -------
    list of str
        The ``respondent_id`` of each offending quote (empty when all are safe).

    Examples
    --------
    >>> resp = pd.DataFrame({"respondent_id": list("abcdef"), "survey": ["x"] * 5 + ["y"]})
    >>> quotes = pd.DataFrame({"respondent_id": ["f"], "attributes_used": ["survey"]})
    >>> check_k_anonymity(quotes, resp)
    ['f']
    """
    config = config or DisclosureConfig()
    data = respondents.set_index(respondents[RESPONDENT_ID].astype(str))
    bad = []
    for rid, used in zip(quotes[RESPONDENT_ID].astype(str),
                         quotes["attributes_used"].fillna(""), strict=True):
        cols = [c for c in str(used).split(",") if c]
        member = np.ones(len(data), dtype=bool)
        for col in cols:
            name = col.rstrip("*")
            mapping = {str(k): str(v) for k, v in (generalise or {}).get(name, {}).items()} \
                if col.endswith("*") else {}
            values = data[name].astype(str).map(lambda v, m=mapping: m.get(v, v))
            mine = mapping.get(str(data.at[rid, name]), str(data.at[rid, name]))
            member &= (values == mine).to_numpy()
        if int(member.sum()) < config.k:
            bad.append(rid)
    return bad
