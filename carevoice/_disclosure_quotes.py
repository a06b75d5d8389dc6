"""k-anonymous quote attribution, and the check that a report's quotes keep to it.

:func:`attribution` and :func:`check_k_anonymity` are public in :mod:`carevoice.disclosure`;
they are written here so that that module stays a readable size.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, overload

import numpy as np
import pandas as pd

from .errors import InputError
from .schema import COMMENT_ID, LANGUAGE, RESPONDENT_ID, TEXT

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


def _steps(config: DisclosureConfig,
           generalise: Mapping[str, Mapping[str, str]]) -> list[tuple[str, str]]:
    """The coarsening steps, in order: ``("generalise", column)`` where ``generalise`` maps the
    column, then ``("drop", column)``, for each column of ``config.effective_drop_order``."""
    steps = []
    for col in config.effective_drop_order:
        if col in generalise:
            steps.append(("generalise", col))
        steps.append(("drop", col))
    return steps


def _prepared(respondents: pd.DataFrame, config: DisclosureConfig) -> pd.DataFrame:
    """The attribution columns of ``respondents`` as strings (None where missing), indexed by
    ``respondent_id``."""
    missing = [c for c in config.attributes if c not in respondents]
    if missing:
        raise InputError(f"The attribution attributes {missing} are not respondents columns. "
                         f"Columns: {list(respondents.columns)}. Set DisclosureConfig("
                         "attributes=...) to the columns you have.")
    data = respondents[list(config.attributes)].astype(object)
    data = data.where(data.notna(), None).map(lambda v: None if v is None else str(v))
    data.index = respondents[RESPONDENT_ID].astype(str).to_numpy()
    return data


def attribution_levels(respondents: pd.DataFrame, config: DisclosureConfig,
                       generalise: Mapping[str, Mapping[str, str]] | None = None
                       ) -> list[tuple[pd.DataFrame, frozenset[str], np.ndarray]]:
    """Every level of detail of the attributions, most detailed first.

    Level 0 writes every attribute; each next level takes one more step of
    ``config.effective_drop_order`` (generalise a column ``generalise`` maps, then drop it).
    A level applies to every respondent alike (global recoding), so a description written at
    one level is shared *as written* by everyone its group counts.

    Returns
    -------
    list of (pandas.DataFrame, frozenset of str, numpy.ndarray)
        For each level: the attribute values written (columns kept, None where missing;
        indexed by ``respondent_id``), the columns generalised, and a code per respondent
        (two respondents have the same code when their descriptions read the same; a missing
        answer counts as an answer, since a reader who sees every other quote with it knows
        that it is missing).
    """
    generalise = dict(generalise or {})
    data = _prepared(respondents, config)
    kept = {c: data[c] for c in config.attributes}
    coarse: set[str] = set()
    out = []
    for step in [None, *_steps(config, generalise)]:
        if step is not None:
            action, col = step
            if action == "generalise":
                mapping = {str(k): str(v) for k, v in generalise[col].items()}
                kept[col] = kept[col].map(lambda v, m=mapping: None if v is None
                                          else m.get(v, v))
                coarse.add(col)
            else:
                kept.pop(col)
                coarse.discard(col)
        frame = pd.DataFrame(kept, index=data.index)
        if frame.shape[1]:
            keys = frame.fillna("\x00").agg("\x1f".join, axis=1)
            codes = pd.factorize(keys)[0]
        else:
            codes = np.zeros(len(frame), dtype=int)
        out.append((frame, frozenset(coarse), np.asarray(codes)))
    return out


def describe(level: tuple[pd.DataFrame, frozenset[str], np.ndarray],
             respondent_id: str) -> tuple[str, str]:
    """``(attribution, attributes_used)`` of one respondent at one level of
    :func:`attribution_levels`."""
    frame, coarse, _ = level
    values = frame.loc[respondent_id]
    used = [c for c in frame.columns if values[c] is not None]
    text = ", ".join(_attribution_word(c, values[c]) for c in used) or "a young person"
    return text, ",".join(c + ("*" if c in coarse else "") for c in used)


def attribution(respondents: pd.DataFrame, respondent_ids: Sequence[str],
                config: DisclosureConfig | None = None,
                generalise: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """k-anonymous attributions for quotes, at one level of detail for all of them.

    Every respondent listed is described at the same level of detail (global recoding): the
    most detailed level at which each of them shares the description with at least
    ``config.k`` respondents of ``respondents``. A level starts from every attribute in
    ``config.attributes`` and takes the steps of ``config.effective_drop_order`` one at a
    time (first replacing a column by its generalised value when ``generalise`` maps it, e.g.
    age groups to "under 16" / "16-25", then dropping it), for everyone alike. A description
    shortened for one respondent alone would tell its reader that this respondent's full
    description is the rare one. Missing answers are never written; for the count they are an
    answer of their own.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Every respondent of the data (the population the attribution must hide in).
    respondent_ids : sequence of str
        The respondents to attribute (the authors of the quotes shown together).
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
    >>> attribution(resp, ["r0", "r6"], cfg)["attribution"].tolist()
    ['care leaver, aged 18-21', 'care leaver, aged 22-25']

    One respondent whose age group is rare shortens every description listed with it:

    >>> attribution(resp, ["r0", "r11"], cfg)["attribution"].tolist()
    ['care leaver', 'care leaver']

    An answer that says nothing on its own is written with its question:

    >>> resp["placement_type"] = "other"
    >>> cfg = DisclosureConfig(attributes=("survey", "placement_type"))
    >>> attribution(resp, ["r0"], cfg)["attribution"].tolist()
    ['care leaver, placement type: other']
    """
    from .disclosure import DisclosureConfig

    config = config or DisclosureConfig()
    levels = attribution_levels(respondents, config, generalise)
    index = levels[0][0].index
    position = {rid: p for p, rid in enumerate(index)}
    ids = [str(r) for r in respondent_ids]
    for rid in ids:
        if rid not in position:
            raise InputError(f"The respondent {rid!r} of a quote is not in the respondents "
                             "frame.")
    where = np.array([position[r] for r in ids], dtype=int)
    chosen, sizes = None, np.zeros(len(ids), dtype=int)
    for level in levels:
        codes = level[2]
        counts = np.bincount(codes) if len(codes) else np.zeros(0, dtype=int)
        sizes = counts[codes[where]] if len(where) else sizes
        if (sizes >= config.k).all():
            chosen = level
            break
    rows = []
    for rid, size in zip(ids, sizes, strict=True):
        if chosen is None:
            rows.append({RESPONDENT_ID: rid, "attribution": None, "attributes_used": "",
                         "group_size": int(size)})
            continue
        text, used = describe(chosen, rid)
        rows.append({RESPONDENT_ID: rid, "attribution": text, "attributes_used": used,
                     "group_size": int(size)})
    return pd.DataFrame(rows, columns=[RESPONDENT_ID, "attribution", "attributes_used",
                                       "group_size"])


def quoted_codes(comments: pd.DataFrame,
                 codes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The comments with a text (indexed by ``comment_id``, ids as strings) and the theme
    codes assigned to them (``no_theme`` left out): what a quote selection reads."""
    from .link.indicators import _assigned

    frame = comments[comments[TEXT].notna()].copy()
    frame[COMMENT_ID] = frame[COMMENT_ID].astype(str)
    frame[RESPONDENT_ID] = frame[RESPONDENT_ID].astype(str)
    frame = frame.drop_duplicates(COMMENT_ID).set_index(COMMENT_ID, drop=False)
    coded = codes[_assigned(codes).to_numpy()].copy()
    coded[COMMENT_ID] = coded[COMMENT_ID].astype(str)
    coded = coded[coded[COMMENT_ID].isin(frame.index) & (coded["theme"] != "no_theme")]
    return frame, coded


def theme_raisers(frame: pd.DataFrame, coded: pd.DataFrame) -> pd.Series:
    """The young people who raised each theme (a set of ``respondent_id`` per theme), from
    :func:`quoted_codes`: a quote's attribution must describe ``k`` of them."""
    who = coded.assign(_who=coded[COMMENT_ID].map(frame[RESPONDENT_ID]))
    return who.groupby("theme")["_who"].agg(set)


def writers_of_language(frame: pd.DataFrame, everyone: np.ndarray,
                         used: pd.Index) -> list[np.ndarray] | None:
    """For each quotable comment, the young people (over ``everyone``) who wrote a comment in
    its language; None without a ``language`` column.

    A blank tag is English, the report's own language; tags compare by their primary
    language subtag, case aside ("pt-BR" and "pt" are one language to a reader).
    """
    if LANGUAGE not in frame.columns:
        return None
    tags = frame[LANGUAGE].astype("string").fillna("").str.strip().str.split("-").str[0]
    primary = tags.str.casefold().replace("", "en")
    who = frame[RESPONDENT_ID].astype(str)
    writers = {lang: np.isin(everyone, who[primary == lang].unique())
               for lang in primary.unique()}
    return [writers[primary.at[cid]] for cid in used]


def group_levels(values: pd.Series, level: str) -> tuple[str, ...]:
    """The answers a quote's ``level`` stands for: itself, or, for a group of answers joined
    by ``" + "`` (as a pre-specified hypothesis names them) that is no answer as written, its
    answers."""
    if " + " not in level or level in set(values.dropna().astype(str)):
        return (level,)
    return tuple(level.split(" + "))


def in_group(values: pd.Series, levels: Sequence[str]) -> np.ndarray:
    """Who gave one of ``levels`` (a blank is none of them)."""
    return (values.notna() & values.astype(str).isin(list(levels))).to_numpy()


def hidden_by_theme(hidden_cells: Collection[tuple[str, str, object]]
                    ) -> dict[str, set[tuple[str, str]]]:
    """``{theme: {(variable, level)}}`` of the cells a report shows as ``[c]``."""
    hidden: dict[str, set[tuple[str, str]]] = {}
    for theme, variable, level in hidden_cells:
        hidden.setdefault(str(theme), set()).add((str(variable), str(level)))
    return hidden


def names_hidden(written: Mapping[str, object], hide: set[tuple[str, str]]) -> bool:
    """Whether an attribution names a ``[c]`` cell of its theme: ``written`` maps each column
    it writes as answered (not generalised) to the answer."""
    return bool(hide) and any((col, value) in hide for col, value in written.items())


@overload
def check_k_anonymity(quotes: pd.DataFrame, respondents: pd.DataFrame,
                      config: DisclosureConfig | None = ...,
                      generalise: Mapping[str, Mapping[str, str]] | None = ..., *,
                      codes: pd.DataFrame | None = ...,
                      comments: pd.DataFrame | None = ...,
                      hidden_cells: Collection[tuple[str, str, object]] = ...,
                      earlier_quotes: pd.DataFrame | Sequence[pd.DataFrame] | None = ...,
                      reasons: Literal[False] = ...) -> list[str]: ...


@overload
def check_k_anonymity(quotes: pd.DataFrame, respondents: pd.DataFrame,
                      config: DisclosureConfig | None = ...,
                      generalise: Mapping[str, Mapping[str, str]] | None = ..., *,
                      codes: pd.DataFrame | None = ...,
                      comments: pd.DataFrame | None = ...,
                      hidden_cells: Collection[tuple[str, str, object]] = ...,
                      earlier_quotes: pd.DataFrame | Sequence[pd.DataFrame] | None = ...,
                      reasons: Literal[True]) -> pd.DataFrame: ...


def check_k_anonymity(quotes: pd.DataFrame, respondents: pd.DataFrame,
                      config: DisclosureConfig | None = None,
                      generalise: Mapping[str, Mapping[str, str]] | None = None, *,
                      codes: pd.DataFrame | None = None,
                      comments: pd.DataFrame | None = None,
                      hidden_cells: Collection[tuple[str, str, object]] = (),
                      earlier_quotes: pd.DataFrame | Sequence[pd.DataFrame] | None = None,
                      reasons: bool = False) -> list[str] | pd.DataFrame:
    """List the quotes whose description, all told, fits fewer than ``k`` young people, or
    names a cell shown as ``[c]``, or repeats an earlier report's quote: the rules
    :func:`carevoice.quotes.select_quotes` chooses by.

    Recomputes, from ``respondents``, who shares the attribute values of each quote's
    ``attributes_used`` and, for a quote listed under a subgroup (``variable`` and ``level``
    other than ``"all"``, as from :func:`carevoice.quotes.select_quotes` with ``by``), the
    subgroup too: its reader knows it. Given ``codes`` and ``comments``, only the young people
    who raised the quote's ``theme`` are counted, as the selection counts them (a quote tells
    its reader that its author raised the theme); without them, everyone is, which passes
    quotes the selection would refuse. The quotes of one young person (the same
    ``respondent_id`` in several rows: one comment beside two findings, or two of their
    comments) are checked on everything said of them together: a reader who links them (the
    same comment, or two comments that tell the same story) combines the descriptions and
    the groups, so their intersection must hold ``k`` young people. Given ``hidden_cells``, a
    quote whose attribution, or the subgroup it is listed under, names a ``[c]`` cell of its
    theme is listed too: it would tell its reader that someone of that cell raised the theme.
    Given ``comments`` with a ``language`` column and ``quotes`` with ``comment_id``, a quote
    must also fit ``k`` young people who wrote a comment in its language, as the selection
    counts them (its text tells its reader that its author writes that language). Given
    ``earlier_quotes``, a quote whose words are the same as, or nearly the same as, a quote of
    an earlier wave's report, or whose author was quoted there, is listed too, by the rule of
    :func:`carevoice.quotes.select_quotes` (``earlier_quotes=``): a reader of both reports
    could put two years' descriptions of one young person together.

    Parameters
    ----------
    quotes : pandas.DataFrame
        With ``respondent_id`` and ``attributes_used`` (as from :func:`attribution` or
        :func:`carevoice.quotes.select_quotes`); optional ``comment_id``, ``variable`` and
        ``level``; ``theme`` when ``codes`` or ``hidden_cells`` is given.
    respondents : pandas.DataFrame
        The population.
    config : DisclosureConfig, optional
        ``k``.
    generalise : mapping, optional
        The mapping used for columns marked with ``*``.
    codes : pandas.DataFrame, optional
        The theme codes the quotes were chosen from (``comment_id``, ``theme``, optional
        ``assigned``), with ``comments``.
    comments : pandas.DataFrame, optional
        ``comment_id``, ``respondent_id`` and ``text``: whose each coded comment is (and, with
        a ``language`` column, in which language each is written).
    hidden_cells : collection of (theme, variable, level), default ()
        The cells the report shows as ``[c]``, as passed to
        :func:`carevoice.quotes.select_quotes`.
    earlier_quotes : pandas.DataFrame or sequence of them, optional
        The quotes of reports published for earlier waves, as passed to
        :func:`carevoice.quotes.select_quotes`: ``text`` and, where known, ``respondent_id``
        (an earlier report's ``not-for-publication/quotes.csv``, or its
        ``ReportContent.quotes``).
    reasons : bool, default False
        Return why each quote fails too, as a frame, instead of the list of ids.

    Returns
    -------
    list of str or pandas.DataFrame
        The ``respondent_id`` of each offending quote, in the order of ``quotes`` (empty when
        all are safe). With ``reasons=True``, a frame of ``respondent_id, reason``, one row per
        offending quote indexed as in ``quotes``; ``reason`` gives every rule the quote
        breaks, joined by ``"; "``: how many young people its description fits, all told,
        and what it is made of (``"fits 1 young person, fewer than k=5: survey=y"``: the
        attribute values written, the subgroup it is listed under, the theme its author
        raised, the language it is written in, and "with their other quotes" when the same
        young person is quoted more than once); which ``[c]`` cell it names; or which
        earlier report (``earlier_quotes[i]``, counted from 0) printed the same or nearly
        the same words, or quoted its author. The quote's text is never repeated.

    Raises
    ------
    InputError
        If ``codes`` comes without ``comments``, ``quotes`` has no ``theme`` column where one
        is needed or no ``text`` column to compare with ``earlier_quotes``, or
        ``earlier_quotes`` is not quotes frames with a ``text`` column.

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

    Counted among those who raised the quote's theme: five of the nine did.

    >>> quote = twice.iloc[:1].assign(theme="safety", variable="all", level="all")
    >>> said = pd.DataFrame({"comment_id": list("abcde"), "respondent_id": list("abcde"),
    ...                      "text": "i do not feel safe at night"})
    >>> coded = pd.DataFrame({"comment_id": list("abcd"), "theme": "safety"})
    >>> check_k_anonymity(quote, resp, codes=coded, comments=said)
    ['a']

    A quote whose words an earlier wave's report printed (case and punctuation aside):

    >>> mine = pd.DataFrame({"respondent_id": ["b"], "attributes_used": [""],
    ...                      "text": ["I feel safe at home now."]})
    >>> before = pd.DataFrame({"text": ["i feel safe at home now"], "respondent_id": ["x9"]})
    >>> check_k_anonymity(mine, resp), check_k_anonymity(mine, resp, earlier_quotes=before)
    ([], ['b'])

    Why each quote fails, with ``reasons=True``:

    >>> why = check_k_anonymity(twice, resp, reasons=True)
    >>> why["respondent_id"].tolist()
    ['a', 'a']
    >>> print(why["reason"].iloc[0])  # doctest: +NORMALIZE_WHITESPACE
    fits 1 young person, fewer than k=5: listed under council=N,
    listed under feels_safe=n, with their other quotes
    >>> check_k_anonymity(mine, resp, earlier_quotes=before, reasons=True)["reason"].tolist()
    ['repeats earlier_quotes[0]: the same or nearly the same words']
    """
    from ._disclosure_repeats import check_earlier_quotes, repeated_quotes
    from .disclosure import DisclosureConfig

    config = config or DisclosureConfig()
    earlier = check_earlier_quotes(earlier_quotes,
                                   "'earlier_quotes' argument of check_k_anonymity")
    repeats = np.zeros(len(quotes), dtype=bool)
    if not earlier.empty:
        if TEXT not in quotes:
            raise InputError("The 'quotes' argument of check_k_anonymity needs a 'text' "
                             "column to be checked against 'earlier_quotes'.")
        repeats = repeated_quotes(quotes[TEXT].fillna("").astype(str).tolist(),
                                  quotes[RESPONDENT_ID].astype(str).tolist(), earlier)
    repeated = _earlier_reasons(quotes, earlier_quotes, repeats) if reasons else {}
    data = respondents.set_index(respondents[RESPONDENT_ID].astype(str))
    if codes is not None and comments is None:
        raise InputError("check_k_anonymity(codes=...) needs the 'comments' argument too: "
                         "whose each coded comment is.")
    hidden = hidden_by_theme(hidden_cells)
    if (codes is not None or hidden) and "theme" not in quotes:
        raise InputError("The 'quotes' argument of check_k_anonymity needs a 'theme' column "
                         "to be checked against 'codes' or 'hidden_cells'.")
    frame, coded = (None, None) if codes is None else quoted_codes(comments, codes)
    raisers = None if codes is None else theme_raisers(frame, coded)
    everyone = data.index.to_numpy()
    speakers: list[np.ndarray | None] = [None] * len(quotes)
    if comments is not None and LANGUAGE in comments and COMMENT_ID in quotes:
        # a quote's language tells its reader that its author writes it, as the selection
        # counts it
        written = frame if frame is not None else quoted_codes(
            comments, pd.DataFrame({COMMENT_ID: [], "theme": []}))[0]
        ids = quotes[COMMENT_ID].astype(str)
        known = ids.isin(written.index).to_numpy()
        found = writers_of_language(written, everyone, pd.Index(ids[known]))
        for at, mine in zip(np.flatnonzero(known), found, strict=True):
            speakers[at] = mine
    themes = quotes["theme"].astype(str) if "theme" in quotes else pd.Series("", quotes.index)
    variables = quotes["variable"] if "variable" in quotes else pd.Series("all", quotes.index)
    levels = quotes["level"] if "level" in quotes else pd.Series("all", quotes.index)
    rows = list(zip(quotes[RESPONDENT_ID].astype(str), quotes["attributes_used"].fillna(""),
                    variables.astype(str), levels.astype(str), themes, strict=True))
    keys = [rid for rid, *_ in rows]  # a young person's quotes are read together
    member_of: dict[str, np.ndarray] = {}
    named: dict[int, list[str]] = {}  # the [c] cells each quote names
    said: dict[str, list[str]] = {}  # what a young person's description is made of
    for at, (key, (rid, used, variable, level, theme)) in enumerate(
            zip(keys, rows, strict=True)):
        parts = said.setdefault(key, [])
        member = member_of.get(key, np.ones(len(data), dtype=bool))
        if raisers is not None:
            member = member & np.isin(everyone, list(raisers.get(theme, set())))
            parts.append(f"raised theme {theme}")
        if speakers[at] is not None:
            member = member & speakers[at]
            parts.append("writes the quote's language")
        hide = hidden.get(theme, set())
        if variable != "all" and variable in data:
            answers_of = group_levels(data[variable], level)
            member = member & in_group(data[variable], answers_of)
            parts.append(f"listed under {variable}={level}")
            if names_hidden({variable: level}, hide) or any(
                    names_hidden({variable: a}, hide) for a in answers_of):
                named.setdefault(at, []).append(f"{variable}={level}")
        written = {}
        for col in [c for c in str(used).split(",") if c]:
            name = col.rstrip("*")
            mapping = {str(k): str(v) for k, v in (generalise or {}).get(name, {}).items()} \
                if col.endswith("*") else {}
            values = data[name].astype(str).map(lambda v, m=mapping: m.get(v, v))
            mine = mapping.get(str(data.at[rid, name]), str(data.at[rid, name]))
            member = member & (values == mine).to_numpy()
            parts.append(f"{name}={mine}" + (" (generalised)" if col.endswith("*") else ""))
            if not col.endswith("*"):
                written[name] = mine
        if names_hidden(written, hide):
            named.setdefault(at, []).extend(f"{c}={v}" for c, v in written.items()
                                            if (c, v) in hide)
        member_of[key] = member
    failing = [at for at, key in enumerate(keys)
               if at in named or repeats[at] or int(member_of[key].sum()) < config.k]
    if not reasons:
        return [keys[at] for at in failing]
    why = []
    for at in failing:
        key, theme = keys[at], rows[at][4]
        parts, size = [], int(member_of[key].sum())
        if size < config.k:
            people = "1 young person" if size == 1 else f"{size:,} young people"
            made_of = list(dict.fromkeys(said[key])) or ["everyone"]
            if keys.count(key) > 1:  # read together
                made_of.append("with their other quotes")
            parts.append(f"fits {people}, fewer than k={config.k}: {', '.join(made_of)}")
        if at in named:
            cells = ", ".join(dict.fromkeys(named[at]))
            parts.append(f"names a cell shown as [c] of theme {theme}: {cells}")
        if repeats[at]:
            parts += repeated.get(at, ["repeats a quote of an earlier report"])
        why.append("; ".join(parts))
    return pd.DataFrame({RESPONDENT_ID: [keys[at] for at in failing], "reason": why},
                        index=quotes.index[failing])


def _earlier_reasons(quotes: pd.DataFrame,
                     earlier_quotes: pd.DataFrame | Sequence[pd.DataFrame] | None,
                     repeats: np.ndarray) -> dict[int, list[str]]:
    """For each quote (by position) that repeats an earlier report's, which reports it repeats
    (``earlier_quotes[i]``) and how: its author quoted there, or the same or nearly the same
    words."""
    from ._disclosure_repeats import check_earlier_quotes, earlier_frames, repeated_quotes

    frames = earlier_frames(earlier_quotes)
    texts = quotes[TEXT].fillna("").astype(str).tolist() if TEXT in quotes else []
    authors = quotes[RESPONDENT_ID].astype(str).tolist()
    out: dict[int, list[str]] = {}
    for i, frame in enumerate(frames):
        before = check_earlier_quotes(frame)
        if before.empty:
            continue
        quoted = set(before[RESPONDENT_ID]) - {""}
        words = repeated_quotes(texts, authors, before.assign(**{RESPONDENT_ID: ""}))
        for at in np.flatnonzero(repeats):
            how = [w for w, yes in (("its author quoted there", authors[at] in quoted),
                                    ("the same or nearly the same words", words[at])) if yes]
            if how:
                out.setdefault(int(at), []).append(
                    f"repeats earlier_quotes[{i}]: {' and '.join(how)}")
    return out
