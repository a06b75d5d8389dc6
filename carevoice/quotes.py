"""Quote selection: representative, diverse quotes per theme that cannot identify a child.

For each theme (and optionally each theme x subgroup) the quotes are chosen from the quotable
comments assigned the theme by *maximal marginal relevance* over sentence embeddings: the first is
the comment nearest the centroid of those comments (the most typical way the theme was put),
each next one balances nearness to the centroid against dissimilarity to the quotes already
chosen, so the set shows the range of what was said rather than one view three times.

Safety rules, all enforced here:

* only pseudonymised text is quoted (the caller says so with ``text_is_pseudonymised=True``,
  after :func:`carevoice.pseudonymise.pseudonymise`);
* a comment with an unresolved review flag (a span a person has not yet checked) is never
  quoted;
* at most one comment per respondent per theme, and at most ``max_per_respondent`` different
  comments from one respondent in all, so a reader cannot piece one child's answers together;
* every attribution is k-anonymous (:func:`carevoice.disclosure.attribution`); a quote whose
  author cannot be attributed safely is skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .disclosure import DisclosureConfig, attribution
from .errors import InputError, Problem, ValidationError
from .mmr import maximal_marginal_relevance
from .placeholders import model_texts
from .schema import COMMENT_ID, RESPONDENT_ID, TEXT

__all__ = ["QUOTE_COLUMNS", "REVIEW_COLUMN", "QuoteConfig", "flagged_ids", "select_quotes"]

#: A boolean comments column that marks comments with an unresolved review flag.
REVIEW_COLUMN = "needs_review"

#: The columns of a quotes frame.
QUOTE_COLUMNS: tuple[str, ...] = (
    "theme", "variable", "level", "rank", COMMENT_ID, RESPONDENT_ID, TEXT, "attribution",
    "attributes_used", "group_size", "similarity", "score",
)


@dataclass(frozen=True)
class QuoteConfig:
    """Settings of quote selection.

    Parameters
    ----------
    n_quotes : int, default 3
        Quotes per theme (or per theme x subgroup).
    relevance : float, default 0.5
        Maximal marginal relevance trade-off in [0, 1]: 1 ranks by nearness to the theme's
        centroid only (typical quotes), 0 by dissimilarity only (diverse quotes).
    min_words : int, default 5
        Shorter comments are not quoted (they rarely say anything on their own).
    max_words : int, default 80
        Longer comments are not quoted (they hold more detail that could identify).
    max_per_respondent : int, default 2
        Different comments quoted from one respondent in the whole selection.
    min_group : int, default 5
        With ``by``, subgroups with fewer respondents raising the theme get no quotes.
    max_candidates : int, default 60
        Per theme, only the quotable comments with the highest coder ``score`` are considered
        (all of them when the codes have no score); bounds the embedding work on large surveys.

    Examples
    --------
    >>> QuoteConfig(n_quotes=2).n_quotes
    2
    """

    n_quotes: int = 3
    relevance: float = 0.5
    min_words: int = 5
    max_words: int = 80
    max_per_respondent: int = 2
    min_group: int = 5
    max_candidates: int = 60

    def __post_init__(self) -> None:
        for name in ("n_quotes", "min_words", "max_words", "max_per_respondent", "min_group",
                     "max_candidates"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"The '{name}' parameter of QuoteConfig must be an int in the "
                                 f"range [1, inf). Got {value!r} instead.")
        if self.min_words > self.max_words:
            raise InputError("The 'min_words' parameter of QuoteConfig must not exceed "
                             f"'max_words'. Got {self.min_words} > {self.max_words}.")
        if not isinstance(self.relevance, (int, float)) or not 0 <= self.relevance <= 1:
            raise InputError("The 'relevance' parameter of QuoteConfig must be a number in "
                             f"[0, 1]. Got {self.relevance!r} instead.")


def flagged_ids(comments: pd.DataFrame, flagged: Iterable[str] | str | None = None) -> set[str]:
    """The ``comment_id`` values that must not be quoted because of a review flag.

    Parameters
    ----------
    comments : pandas.DataFrame
        The comments.
    flagged : iterable of str, str or None
        Flagged ``comment_id`` values; or the name of a boolean column of ``comments``; or a
        :func:`carevoice.pseudonymise.review_table`-style frame with a ``comment_id`` column.
        None uses the :data:`REVIEW_COLUMN` column when there is one.

    Returns
    -------
    set of str

    Examples
    --------
    >>> df = pd.DataFrame({"comment_id": ["a", "b"], "needs_review": [False, True]})
    >>> flagged_ids(df)
    {'b'}
    """
    if flagged is None:
        flagged = REVIEW_COLUMN if REVIEW_COLUMN in comments else ()
    if isinstance(flagged, str):
        if flagged not in comments:
            raise InputError(f"The 'flagged' argument names the column {flagged!r}, which is "
                             "not in comments.")
        from ._flags import parse_flags

        col = parse_flags(comments[flagged], argument="comments", column=flagged,
                          ids=comments.get(COMMENT_ID))
        return set(comments.loc[col, COMMENT_ID].astype(str))
    if isinstance(flagged, pd.DataFrame):
        return set(flagged[COMMENT_ID].astype(str))
    return {str(f) for f in flagged}


def select_quotes(comments: pd.DataFrame, codes: pd.DataFrame,
                  respondents: pd.DataFrame, *, text_is_pseudonymised: bool = False,
                  embedder: Any = None, themes: Sequence[str] | None = None,
                  by: Sequence[str] = (), flagged: Iterable[str] | str | None = None,
                  config: QuoteConfig | None = None,
                  disclosure: DisclosureConfig | None = None,
                  generalise: Mapping[str, Mapping[str, str]] | None = None,
                  only_levels: Collection[tuple[str, str, str]] | None = None) -> pd.DataFrame:
    """Choose representative, diverse, safe quotes for each theme.

    Parameters
    ----------
    comments : pandas.DataFrame
        Pseudonymised comments: ``comment_id``, ``respondent_id``, ``text``.
    codes : pandas.DataFrame
        Long codes frame (``comment_id``, ``theme``, optional ``assigned`` and ``score``).
    respondents : pandas.DataFrame
        Every respondent, for attribution (the population an attribution must hide in).
    text_is_pseudonymised : bool, default False
        Must be True: confirms ``text`` went through :func:`carevoice.pseudonymise.pseudonymise`
        (the report does this for you). There is no way to quote raw text.
    embedder : Embedder, optional
        Any object with ``encode(texts)``; default the packaged sentence-transformers model.
    themes : sequence of str, optional
        The themes to quote; default every assigned theme.
    by : sequence of str, default ()
        Also choose quotes per level of these respondents columns (theme x subgroup). A
        subgroup quote's attribution describes at least ``k`` respondents *of that subgroup*
        (the reader knows the subgroup from where the quote is listed).
    flagged : iterable of str, str or None
        Comments with an unresolved review flag, see :func:`flagged_ids`.
    config : QuoteConfig, optional
        Number of quotes, diversity, lengths.
    disclosure : DisclosureConfig, optional
        ``k`` and the attribution attributes.
    generalise : mapping, optional
        Coarser values tried before an attribute is dropped (see
        :func:`carevoice.disclosure.attribution`).
    only_levels : collection of (theme, variable, level), optional
        With ``by``, choose subgroup quotes only for these groups (levels as strings), and
        only among comments not already chosen for the theme, so that each is shown once;
        None (the default) quotes every level with enough young people, and a subgroup may
        repeat an overall quote. The report uses it to quote the answers its joint displays
        name, and no others.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`QUOTE_COLUMNS`; ``variable``/``level`` are ``"all"`` for the overall
        quotes; ``similarity`` is the cosine to the theme centroid, ``score`` the coder's score.

    Raises
    ------
    InputError
        If ``text_is_pseudonymised`` is not True.

    Examples
    --------
    >>> from carevoice import HashingEmbedder
    >>> ids = [f"r{i}" for i in range(6)]
    >>> comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(6)],
    ...     "respondent_id": ids, "text": ["i want to see my mum and my sister more often"] * 3
    ...     + ["contact with my brother got cancelled again last week"] * 3})
    >>> codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact"})
    >>> resp = pd.DataFrame({"respondent_id": ids, "survey": "in_care", "age_group": "11-13",
    ...                      "placement_type": "foster"})
    >>> quotes = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
    ...                        embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=2))
    >>> quotes["attribution"].tolist()
    ['in care, aged 11-13, foster care', 'in care, aged 11-13, foster care']
    >>> quotes["text"].nunique()
    2
    """
    if text_is_pseudonymised is not True:
        raise InputError("select_quotes quotes pseudonymised text only: run "
                         "carevoice.pseudonymise.pseudonymise on the comments first and pass "
                         "text_is_pseudonymised=True (or use carevoice.report.build_report, "
                         "which does both).")
    config = config or QuoteConfig()
    disclosure = disclosure or DisclosureConfig()
    problems = [Problem("missing_column", f"comments must have a {c!r} column.", column=c)
                for c in (COMMENT_ID, RESPONDENT_ID, TEXT) if c not in comments]
    problems += [Problem("missing_column", f"codes must have a {c!r} column.", column=c)
                 for c in (COMMENT_ID, "theme") if c not in codes]
    if problems:
        raise ValidationError("select_quotes input", problems)
    missing_by = [b for b in by if b not in respondents]
    if missing_by:
        raise InputError(f"The 'by' argument names {missing_by}, which are not respondents "
                         "columns.")
    if embedder is None:
        from .embed import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()

    from .link.indicators import _assigned

    wanted = {(str(t), str(v), str(lev)) for t, v, lev in only_levels or ()}
    skip = flagged_ids(comments, flagged)
    frame = comments[comments[TEXT].notna()].copy()
    frame[COMMENT_ID] = frame[COMMENT_ID].astype(str)
    frame[RESPONDENT_ID] = frame[RESPONDENT_ID].astype(str)
    frame = frame.drop_duplicates(COMMENT_ID).set_index(COMMENT_ID, drop=False)
    coded = codes[_assigned(codes).to_numpy()].copy()
    coded[COMMENT_ID] = coded[COMMENT_ID].astype(str)
    coded = coded[coded[COMMENT_ID].isin(frame.index) & (coded["theme"] != "no_theme")]
    if "score" not in coded:
        coded["score"] = np.nan
    order = list(themes) if themes is not None else list(dict.fromkeys(coded["theme"]))
    coded = coded[coded["theme"].isin(order)]
    words_of = frame[TEXT].astype(str).str.split().str.len()
    ok = (~frame.index.isin(list(skip))) & (words_of >= config.min_words) & \
        (words_of <= config.max_words)
    coded = coded[coded[COMMENT_ID].map(ok).astype(bool)]
    coded = coded.assign(_rank=coded["score"].astype(float).fillna(np.inf))
    coded = coded.sort_values(["theme", "_rank", COMMENT_ID], ascending=[True, False, True],
                              kind="stable").groupby("theme", sort=False).head(
        config.max_candidates)
    authors_all = sorted(set(frame.loc[list(dict.fromkeys(coded[COMMENT_ID])), RESPONDENT_ID]))
    attrib = attribution(respondents, authors_all, disclosure, generalise).set_index(
        RESPONDENT_ID)
    safe_authors = set(attrib.index[attrib["attribution"].notna()])
    coded = coded[coded[COMMENT_ID].map(frame[RESPONDENT_ID]).isin(safe_authors)]
    used = frame.loc[list(dict.fromkeys(coded[COMMENT_ID]))]
    if used.empty:
        return pd.DataFrame(columns=list(QUOTE_COLUMNS))
    # Embedded as the models read them: tags without their numbers (the quotes keep them).
    texts = [str(t) for t in used[TEXT]]
    vectors = np.asarray(embedder.encode(model_texts(texts)), dtype=float)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    row_of = {cid: i for i, cid in enumerate(used.index)}
    authors = used[RESPONDENT_ID].to_numpy()
    quotable = np.ones(len(used), dtype=bool)
    answers = respondents.set_index(respondents[RESPONDENT_ID].astype(str))
    quoted: dict[str, set[int]] = {}  # respondent -> comments quoted anywhere in the selection
    sub_attrib: dict[tuple[str, str], pd.DataFrame] = {}  # attributions within a subgroup
    rows = []
    for theme in order:
        members = coded[coded["theme"] == theme]
        idx = np.array([row_of[c] for c in dict.fromkeys(members[COMMENT_ID])], dtype=int)
        if idx.size == 0:
            continue
        scores = members.drop_duplicates(COMMENT_ID).set_index(COMMENT_ID)["score"]
        centroid = vectors[idx].mean(axis=0)
        if np.linalg.norm(centroid) > 0:
            centroid = centroid / np.linalg.norm(centroid)
        relevance = np.zeros(len(vectors))
        relevance[idx] = vectors[idx] @ centroid
        ranked = sorted(idx.tolist(), key=lambda i: (-relevance[i], used.index[i]))
        groups: list[tuple[str, str, list[int], pd.DataFrame]] = [
            ("all", "all", ranked, attrib)]
        for variable in by:
            col = answers.loc[authors[ranked], variable].astype(object).to_numpy()
            for level in dict.fromkeys(v for v in col if pd.notna(v)):
                if only_levels is not None and (str(theme), variable, str(level)) not in wanted:
                    continue
                members_l = [i for i, v in zip(ranked, col, strict=True)
                             if pd.notna(v) and v == level]
                # A quote listed under a subgroup tells its reader the subgroup too: its
                # attribution must describe k respondents *of that subgroup*.
                key = (variable, str(level))
                if key not in sub_attrib:
                    within = respondents[respondents[variable].astype(object) == level]
                    sub_attrib[key] = attribution(
                        within, sorted(set(within[RESPONDENT_ID].astype(str))
                                       & set(map(str, authors))),
                        disclosure, generalise).set_index(RESPONDENT_ID)
                safe = sub_attrib[key]
                members_l = [i for i in members_l if str(authors[i]) in safe.index
                             and safe.at[str(authors[i]), "attribution"] is not None]
                if len({authors[i] for i in members_l}) >= config.min_group:
                    groups.append((variable, str(level), members_l, safe))
        theme_quote: dict[str, int] = {}  # one comment per respondent per theme

        def eligible(i: int, chosen: Sequence[int] = (),
                     _mine: dict[str, int] = theme_quote) -> bool:
            author = str(authors[i])
            if not quotable[i] or author in {str(authors[j]) for j in chosen}:
                return False
            if author in _mine:
                return _mine[author] == i
            return i in quoted.get(author, set()) or \
                len(quoted.get(author, set())) < config.max_per_respondent

        for variable, level, candidates, names in groups:
            if only_levels is not None:  # other comments than those already chosen
                candidates = [i for i in candidates if i not in theme_quote.values()]
            chosen = maximal_marginal_relevance(
                vectors, relevance, config.n_quotes, diversity=1 - config.relevance,
                candidates=candidates, eligible=eligible)
            for rank, i in enumerate(chosen, start=1):
                author = str(authors[i])
                quoted.setdefault(author, set()).add(i)
                theme_quote[author] = i
                cid = used.index[i]
                rows.append({
                    "theme": theme, "variable": variable, "level": level, "rank": rank,
                    COMMENT_ID: cid, RESPONDENT_ID: author, TEXT: texts[i],
                    "attribution": names.at[author, "attribution"],
                    "attributes_used": names.at[author, "attributes_used"],
                    "group_size": int(names.at[author, "group_size"]),
                    "similarity": float(relevance[i]),
                    "score": float(scores.get(cid, np.nan)),
                })
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
