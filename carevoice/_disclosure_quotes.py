"""k-anonymous quote attribution, and the check that a report's quotes keep to it.

:func:`attribution` and :func:`check_k_anonymity` are public in :mod:`carevoice.disclosure`;
they are written here so that that module stays a readable size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import InputError
from .schema import COMMENT_ID, RESPONDENT_ID

if TYPE_CHECKING:  # pragma: no cover
    from .disclosure import DisclosureConfig

__all__ = ["attribution", "check_k_anonymity"]

#: Answers that say nothing on their own ("care leaver, aged 18-21, other"): an attribution
#: names their question ("placement type: other").
_VAGUE = frozenset({"other", "not_sure", "not sure", "dont_know", "don't know", "unknown",
                    "prefer_not_to_say", "prefer not to say", "none", "n/a", "missing"})


def _attribution_word(column: str, value: object) -> str:
    """How an attribution writes one answer: "aged 14-15", "foster care", "placement type:
    other"."""
    from .disclosure import _word

    if str(value).strip().casefold() in _VAGUE:
        return f"{column.replace('_', ' ')}: {str(value).replace('_', ' ')}"
    return _word(column, value)


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
    >>> from carevoice.disclosure import DisclosureConfig
    >>> resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(12)],
    ...                      "survey": ["care_leaver"] * 12,
    ...                      "age_group": ["18-21"] * 6 + ["22-25"] * 5 + ["16-17"]})
    >>> cfg = DisclosureConfig(attributes=("survey", "age_group"))
    >>> attribution(resp, ["r0", "r11"], cfg)["attribution"].tolist()
    ['care leaver, aged 18-21', 'care leaver']

    An answer that says nothing on its own is written with its question:

    >>> resp["placement_type"] = "other"
    >>> cfg = DisclosureConfig(attributes=("survey", "placement_type"))
    >>> attribution(resp, ["r0"], cfg)["attribution"].tolist()
    ['care leaver, placement type: other']
    """
    from .disclosure import DisclosureConfig

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
        text = ", ".join(_attribution_word(c, values[c]) for c in used) or "a young person"
        coarse = {c for c in used if str(values[c]) != str(data.at[rid, c])}
        rows.append({RESPONDENT_ID: rid, "attribution": text,
                     "attributes_used": ",".join(c + ("*" if c in coarse else "")
                                                 for c in used), "group_size": size})
    return pd.DataFrame(rows, columns=[RESPONDENT_ID, "attribution", "attributes_used",
                                       "group_size"])


def _in_group(data: pd.DataFrame, variable: str, level: str) -> np.ndarray:
    """Who of ``data`` gave the answer ``level`` to ``variable`` (a group of answers joined by
    ``" + "``, as a pre-specified hypothesis names them, when no answer is written so)."""
    values = data[variable].astype(str).where(data[variable].notna(), None)
    if level in set(values.dropna()) or " + " not in level:
        return (values == level).to_numpy()
    return values.isin(level.split(" + ")).to_numpy()


def check_k_anonymity(quotes: pd.DataFrame, respondents: pd.DataFrame,
                      config: DisclosureConfig | None = None,
                      generalise: Mapping[str, Mapping[str, str]] | None = None) -> list[str]:
    """List the quotes whose description, all told, fits fewer than ``k`` respondents.

    Recomputes, from ``respondents``, how many respondents share the attribute values of each
    quote's ``attributes_used`` and, for a quote listed under a subgroup (``variable`` and
    ``level`` other than ``"all"``, as from :func:`carevoice.quotes.select_quotes` with
    ``by``), the subgroup too: its reader knows it. A comment listed more than once (the same
    ``comment_id`` in several rows: beside two findings, or in two themes) is checked on
    everything said of it together: a reader who finds it twice combines both descriptions
    and both groups, so their intersection must hold ``k`` respondents.

    Parameters
    ----------
    quotes : pandas.DataFrame
        With ``respondent_id`` and ``attributes_used`` (as from :func:`attribution` or
        :func:`carevoice.quotes.select_quotes`); optional ``comment_id``, ``variable`` and
        ``level``.
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

    One comment listed under two groups that share a single respondent:

    >>> resp = pd.DataFrame({"respondent_id": list("abcdefghi"),
    ...                      "council": list("NNNNNSSSS"), "feels_safe": list("nyyyynnnn")})
    >>> twice = pd.DataFrame({"comment_id": ["c1", "c1"], "respondent_id": ["a", "a"],
    ...                       "attributes_used": ["", ""], "variable": ["council", "feels_safe"],
    ...                       "level": ["N", "n"]})
    >>> check_k_anonymity(twice, resp), check_k_anonymity(twice.iloc[:1], resp)
    (['a', 'a'], [])
    """
    from .disclosure import DisclosureConfig

    config = config or DisclosureConfig()
    data = respondents.set_index(respondents[RESPONDENT_ID].astype(str))
    variables = quotes["variable"] if "variable" in quotes else pd.Series("all", quotes.index)
    levels = quotes["level"] if "level" in quotes else pd.Series("all", quotes.index)
    rows = list(zip(quotes[RESPONDENT_ID].astype(str), quotes["attributes_used"].fillna(""),
                    variables.astype(str), levels.astype(str), strict=True))
    keys = (quotes[COMMENT_ID].astype(str).tolist() if COMMENT_ID in quotes
            else [str(i) for i in range(len(quotes))])
    member_of: dict[str, np.ndarray] = {}
    for key, (rid, used, variable, level) in zip(keys, rows, strict=True):
        member = member_of.get(key, np.ones(len(data), dtype=bool))
        if variable != "all" and variable in data:
            member = member & _in_group(data, variable, level)
        for col in [c for c in str(used).split(",") if c]:
            name = col.rstrip("*")
            mapping = {str(k): str(v) for k, v in (generalise or {}).get(name, {}).items()} \
                if col.endswith("*") else {}
            values = data[name].astype(str).map(lambda v, m=mapping: m.get(v, v))
            mine = mapping.get(str(data.at[rid, name]), str(data.at[rid, name]))
            member = member & (values == mine).to_numpy()
        member_of[key] = member
    return [rid for key, (rid, *_) in zip(keys, rows, strict=True)
            if int(member_of[key].sum()) < config.k]
