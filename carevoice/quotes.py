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
* a comment is quoted once in the whole selection (and a text that several young people wrote
  word for word, once): a comment shown under two groups would let a reader combine the two
  descriptions and single out its author;
* every attribution is k-anonymous (:func:`carevoice.disclosure.attribution`), within the
  group a quote is listed under; a quote whose author cannot be attributed safely is skipped;
* given the quotes of earlier waves' reports (``earlier_quotes``), a comment whose words
  (or nearly) were quoted before, or whose author was, is not quoted again: a reader of both
  reports could intersect the two descriptions of one young person;
* a theme (or group) that fewer than ``min_group`` young people raised gets no quotes: how
  many quotes it got would tell how many raised it;
* the tags of a quote are numbered within the quote (:func:`carevoice.placeholders.renumber_tags`),
  so that ``[PERSON_73]`` in two quotes does not tell that two young people know the same
  person.

Comments whose text holds an exact age, a house number, another number or words that single out
(the only one, in the news, a twin, an award, a condition) are quoted only when too few others
are left (``QuoteConfig(avoid_details=True)``), and the ``details`` column says
what a quote holds, for the person who reviews the quotes before publication
(:func:`quote_details`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._disclosure_quotes import (
    attribution_levels,
    describe,
    hidden_by_theme,
    in_group,
    names_hidden,
    quoted_codes,
    theme_raisers,
    writers_of_language,
)
from ._disclosure_repeats import check_earlier_quotes, repeated_quotes
from .disclosure import DisclosureConfig
from .errors import InputError, Problem, ValidationError
from .mmr import maximal_marginal_relevance
from .placeholders import PLACEHOLDER, model_texts, renumber_tags
from .schema import COMMENT_ID, RESPONDENT_ID, TEXT

__all__ = ["QUOTE_COLUMNS", "REVIEW_COLUMN", "QuoteConfig", "flagged_ids", "quote_details",
           "select_quotes"]

#: A boolean comments column that marks comments with an unresolved review flag.
REVIEW_COLUMN = "needs_review"

#: The columns of a quotes frame.
QUOTE_COLUMNS: tuple[str, ...] = (
    "theme", "variable", "level", "rank", COMMENT_ID, RESPONDENT_ID, TEXT, "attribution",
    "attributes_used", "group_size", "similarity", "score", "details",
)

#: The ``variable`` and ``level`` of a theme's overall quotes.
_ALL = "all"


@dataclass(frozen=True)
class QuoteConfig:
    """Settings of quote selection.

    Parameters
    ----------
    n_quotes : int, default 3
        Overall quotes per theme (beside how many raised it); 0 for none.
    n_quotes_per_answer : int or None, default None
        Quotes per theme x answer group (``by``, ``only_levels``: beside a finding that those
        giving an answer raised the theme more often); 0 for none; None: ``n_quotes``.
    max_per_theme : int or None, default None
        At most this many quotes per theme in all, overall and per answer together (a joint
        display shows one theme); None: no cap beyond the two counts.
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
        A theme, or a theme x answer group, that fewer young people raised gets no quotes.
    max_candidates : int, default 60
        Per theme, only the quotable comments with the highest coder ``score`` are considered
        (all of them when the codes have no score); bounds the embedding work on large surveys.
    avoid_details : bool, default True
        Choose comments without an exact age, a house number or another number
        (:func:`quote_details`) first, and the others only when too few are left.

    Examples
    --------
    >>> QuoteConfig(n_quotes=2).n_quotes
    2
    >>> QuoteConfig(n_quotes=2, n_quotes_per_answer=0).answer_quotes
    0
    """

    n_quotes: int = 3
    n_quotes_per_answer: int | None = None
    max_per_theme: int | None = None
    relevance: float = 0.5
    min_words: int = 5
    max_words: int = 80
    max_per_respondent: int = 2
    min_group: int = 5
    max_candidates: int = 60
    avoid_details: bool = True

    def __post_init__(self) -> None:
        def is_count(value: object) -> bool:
            return isinstance(value, int) and not isinstance(value, bool)

        for name in ("n_quotes", "n_quotes_per_answer", "max_per_theme"):
            value = getattr(self, name)
            if (value is not None or name == "n_quotes") and (
                    not is_count(value) or value < 0):  # type: ignore[operator]
                none = "" if name == "n_quotes" else " or None"
                raise InputError(f"The '{name}' parameter of QuoteConfig must be an int in the "
                                 f"range [0, inf){none}. Got {value!r} instead.")
        for name in ("min_words", "max_words", "max_per_respondent", "min_group",
                     "max_candidates"):
            value = getattr(self, name)
            if not is_count(value) or value < 1:
                raise InputError(f"The '{name}' parameter of QuoteConfig must be an int in the "
                                 f"range [1, inf). Got {value!r} instead.")
        if self.min_words > self.max_words:
            raise InputError("The 'min_words' parameter of QuoteConfig must not exceed "
                             f"'max_words'. Got {self.min_words} > {self.max_words}.")
        if not isinstance(self.relevance, (int, float)) or not 0 <= self.relevance <= 1:
            raise InputError("The 'relevance' parameter of QuoteConfig must be a number in "
                             f"[0, 1]. Got {self.relevance!r} instead.")
        if not isinstance(self.avoid_details, bool):
            raise InputError("The 'avoid_details' parameter of QuoteConfig must be True or "
                             f"False. Got {self.avoid_details!r} instead.")

    @property
    def answer_quotes(self) -> int:
        """The quotes per theme x answer group actually used."""
        return self.n_quotes if self.n_quotes_per_answer is None else self.n_quotes_per_answer


_AGE_WORDS = ("eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
              "eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five))?")
_NOT_AN_AGE = (r"(?!\s*(?:%|times?|pounds?|quid|p|pence|minutes?|mins?|hours?|hrs?|days?|"
               r"weeks?|months?|years?(?![\s-]*old)|miles?|people|of|or\s+so)\b)")
#: An age from 8 to 25 after "at", "from", "since"...: "moved at 17", "told from 15".
_AGE_AFTER = (r"\b(?:at|from|since|till|until|til|by|after|before)\s+(?:the\s+age\s+of\s+)?"
              rf"(?:[89]|1\d|2[0-5]|{_AGE_WORDS})\b(?![:.]\d)"
              r"(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|at\s+night|in\s+the|ish)\b)")
#: An exact age said of oneself: "i'm 17", "before im 17", "i was 12", "aged 9", "16 years old",
#: and a young age after a preposition: "at 17", "from 15" (not "at 10pm", "from 15 minutes").
_AGE = re.compile(
    rf"\b(?:i'?m|i\s+am|im|i\s+was|i\s+turn(?:ed|s)?|aged?)\s+(?:only\s+|just\s+|nearly\s+"
    rf"|almost\s+|now\s+|still\s+)?(?:\d{{1,2}}|{_AGE_WORDS})\b{_NOT_AN_AGE}"
    rf"|{_AGE_AFTER}{_NOT_AN_AGE}"
    rf"|\b(?:\d{{1,2}}|{_AGE_WORDS})[\s-]*(?:years?|yrs?)[\s-]*old\b|\b\d{{1,2}}\s?yo\b",
    re.IGNORECASE)
#: A house or flat number: "at number 12", "flat 4b", "12 Acacia Road".
_HOUSE = re.compile(
    r"\b(?:number|no\.?|num|flat|house|apartment|apt\.?)\s*\d+[a-z]?\b"
    r"|\b\d+[a-z]?,?\s+(?:[a-z]+\s+){1,2}(?:street|st|road|rd|avenue|ave|lane|close|drive|way|"
    r"crescent|court|terrace|grove|gardens|place|walk|row|hill)\b", re.IGNORECASE)
#: Any other number: digits, or a number word from two up ("i moved 4 times", "six years").
_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen)\b", re.IGNORECASE)
_WHO = r"(?:one|person|girl|boy|kid|child|young\s+person|care\s+leaver|foster\s+child)"
#: What only one young person can say of themselves: "I am the only one in my year", "being
#: the only kid in my form", "I was the first girl from the home to", "the youngest ever"
#: (not "she is the only one who listens").
_UNIQUE = re.compile(
    r"\b(?:i\s*'?m|i\s+am|im|i\s+was|being|me)\s+(?:also\s+|still\s+|now\s+)?the\s+"
    rf"(?:only|first|youngest|oldest)\s+{_WHO}\b"
    rf"|\b(?:youngest|oldest|first|only)\s+(?:{_WHO}\s+)?ever\b", re.IGNORECASE)
#: Reported by the media: "in the paper", "on the local news", "on telly", "went viral".
_MEDIA = re.compile(
    r"\b(?:in|on)\s+the\s+(?:local\s+)?(?:papers?|newspapers?|news|telly|tv|radio)\b"
    r"|\bnewspapers?\b|\bon\s+(?:tv|telly)\b|\bwent\s+viral\b"
    r"|\b(?:news|tv)\s+(?:story|report|crew)\b", re.IGNORECASE)
#: A twin or triplet: few young people in care have one.
_TWIN = re.compile(r"\b(?:twins?|triplets?)\b", re.IGNORECASE)
#: An award, prize or public event: "the mayor's young carer award", "the sponsored swim".
_AWARD = re.compile(
    r"\b(?:awards?|prizes?|medals?|troph(?:y|ies)|sponsored|fundrais\w*|competitions?)\b",
    re.IGNORECASE)
#: A disability or condition that people around a young person know of.
_CONDITION = re.compile(
    r"\b(?:guide\s+dog|wheelchair|deaf|blind|hearing\s+aids?|autis\w*|adhd|diabet\w*"
    r"|epilep\w*|cerebral\s+palsy|down'?s\s+syndrome|amputee|prosthetic)\b", re.IGNORECASE)


def quote_details(text: str) -> str:
    """What in a quote's text could narrow down who wrote it: ages, house numbers, numbers,
    and words that single out (the only one, in the news, a twin, an award, a condition).

    A quote's description ("care leaver, aged 16-17") fits at least ``k`` young people, but
    its text may say more: "before I'm 17", "Mrs [PERSON_1] at number 12", "I moved 4
    times", "I've had 9 social workers". Such details are not names and stay in the text;
    this says which kinds a text holds, for the person who reviews the quotes before
    publication (the ``details`` column of a report's ``quotes.csv``). Tags
    (``[PERSON_3]``) are not counted as numbers. It also names the usual content identifiers
    of disclosure guidance for quotes: ``unique`` ("the only one in my year", "the youngest
    ever"), ``in the news`` ("in the paper", "on the local news"), ``twin``, ``award or event``
    ("the mayor's award", "the sponsored swim") and ``condition`` ("guide dog",
    "wheelchair"). These are words to look for, not a reading: an empty result does not make
    a quote safe, and every quote must still be read before it is published.

    Parameters
    ----------
    text : str
        A pseudonymised comment.

    Returns
    -------
    str
        ``"age"``, ``"house number"``, ``"number"``, ``"unique"``, ``"in the news"``,
        ``"twin"``, ``"award or event"`` and ``"condition"``, those found, joined by
        ``"; "``; empty when none is.

    Examples
    --------
    >>> quote_details("i have to move out before im 17")
    'age'
    >>> quote_details("Mrs [PERSON_1] at number 12 fostered me for six years")
    'house number; number'
    >>> quote_details("ive had 9 social workers"), quote_details("[PERSON_3] is kind to me")
    ('number', '')
    >>> quote_details("my twin and me were on the [ORG_1] news when we got separated")
    'in the news; twin'
    >>> quote_details("i am the only one in my year who has a guide dog")
    'unique; condition'
    """
    rest = PLACEHOLDER.sub(" ", str(text))
    found = []
    for kind, pattern in (("age", _AGE), ("house number", _HOUSE)):
        if pattern.search(rest):
            found.append(kind)
            rest = pattern.sub(" ", rest)
    if _NUMBER.search(rest):
        found.append("number")
    found += [kind for kind, pattern in (("unique", _UNIQUE), ("in the news", _MEDIA),
                                         ("twin", _TWIN), ("award or event", _AWARD),
                                         ("condition", _CONDITION)) if pattern.search(rest)]
    return "; ".join(found)


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


def _groups_wanted(only_levels: Collection[tuple[str, str, Any]] | None, by: Sequence[str]
                   ) -> dict[str, list[tuple[str, tuple[str, ...]]]] | None:
    """``only_levels`` as ``{theme: [(variable, levels), ...]}``, in order, without repeats."""
    if only_levels is None:
        return None
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    outside = []
    for theme, variable, level in only_levels:
        levels = (tuple(str(v) for v in level) if isinstance(level, (tuple, list))
                  else (str(level),))
        if str(variable) not in by:
            outside.append(str(variable))
        mine = out.setdefault(str(theme), [])
        if (str(variable), levels) not in mine:
            mine.append((str(variable), levels))
    if outside:
        raise InputError(f"The 'only_levels' argument names the variables "
                         f"{sorted(set(outside))}, which are not in 'by' {list(by)}: list "
                         "them in 'by' too.")
    return out


def select_quotes(comments: pd.DataFrame, codes: pd.DataFrame,
                  respondents: pd.DataFrame, *, text_is_pseudonymised: bool = False,
                  embedder: Any = None, themes: Sequence[str] | None = None,
                  by: Sequence[str] = (), flagged: Iterable[str] | str | None = None,
                  config: QuoteConfig | None = None,
                  disclosure: DisclosureConfig | None = None,
                  generalise: Mapping[str, Mapping[str, str]] | None = None,
                  only_levels: Collection[tuple[str, str, Any]] | None = None,
                  overall: bool | Collection[str] = True,
                  safeguarding: Any = None,
                  comments_as_written: pd.DataFrame | None = None,
                  hidden_cells: Collection[tuple[str, str, Any]] = (),
                  earlier_quotes: pd.DataFrame | Sequence[pd.DataFrame] | None = None
                  ) -> pd.DataFrame:
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
        The themes to quote, in the order they are served (a comment coded with two themes
        is quoted for the first); default every assigned theme.
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
        With ``by``, choose subgroup quotes only for these groups, in this order (levels as
        strings; a tuple of levels for a group of answers, such as a pre-specified
        hypothesis names, listed with its levels joined by ``" + "``). None (the default)
        quotes every level of ``by`` with enough young people. The report uses it to quote
        the answers its joint displays name, and no others.
    overall : bool or collection of str, default True
        Which themes get overall quotes: every theme (True), none (False) or those listed.
        The report leaves out the themes whose count it does not show.
    safeguarding : SafeguardingConfig or pandas.DataFrame, optional
        A comment that discloses harm or risk is never quoted. By default the candidate
        comments are screened (:func:`carevoice.safeguarding.screen_comments` with
        ``SafeguardingConfig()``: the rules over every candidate, the similarity path over
        those considered for a quote); pass a config to screen otherwise, or a flags table
        with a ``comment_id`` column (``carevoice safeguarding``'s output, reviewed by the
        safeguarding lead) to withhold exactly the comments it names. There is no way to
        switch this off.
    comments_as_written : pandas.DataFrame, optional
        The same comments before pseudonymisation (``comment_id`` and ``text``), where the
        caller has them (:func:`carevoice.report.make_report` given raw comments passes
        them). The screen then reads them too, and a comment is withheld when either its
        text as written or its pseudonymised text is flagged: the pseudonymiser can mask a
        word that discloses harm, and a disclosure the screen reads in the one may be worded
        for it in the other ("[PERSON_1] hits me"). They are only screened, never quoted or
        kept.
    hidden_cells : collection of (theme, variable, level), default ()
        The cells a report shows as ``[c]``: a quote of ``theme`` is never attributed with
        ``level`` of ``variable`` (its description is shortened, for the whole list, until it
        does not name it), since it would tell its reader that someone of that cell raised
        the theme. The report passes its suppressed subgroup cells.
    earlier_quotes : pandas.DataFrame or sequence of them, optional
        The quotes of reports published for earlier waves (``text`` and, where the ids
        follow a young person from wave to wave, ``respondent_id``: an earlier report's
        ``not-for-publication/quotes.csv``, or :attr:`carevoice.report.ReportContent.quotes`).
        A comment whose text is the same as, or nearly the same as, an earlier quote's (case,
        spacing, punctuation and tag numbers aside), or whose author was quoted before, is
        not quoted: with the earlier report, the two descriptions of one young person could
        together fit fewer than ``k``. The next candidate is taken instead.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`QUOTE_COLUMNS`; ``variable``/``level`` are ``"all"`` for the overall
        quotes; ``text`` is the quote as published (tags numbered within it);
        ``similarity`` is the cosine to the theme centroid, ``score`` the coder's score and
        ``details`` what the text holds that a reviewer should look at
        (:func:`quote_details`). ``attrs["safeguarding_withheld"]`` counts the candidate
        comments withheld for safeguarding (a count only).

    Raises
    ------
    InputError
        If ``text_is_pseudonymised`` is not True.

    Notes
    -----
    With a ``language`` column in ``comments`` (BCP 47 tags, blank for English), a quote
    must also fit ``k`` young people who wrote a comment in its language: its text tells
    the reader its author writes that language, whatever the attribution says.

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
    wanted = _groups_wanted(only_levels, by)
    earlier = check_earlier_quotes(earlier_quotes)
    from .safeguarding.quotes import check_safeguarding, withheld_comments

    safeguarding = check_safeguarding(safeguarding, "select_quotes")
    screen_embedder = None  # the similarity path's: the packaged model
    if embedder is None:
        from .embed import SentenceTransformerEmbedder

        embedder = screen_embedder = SentenceTransformerEmbedder()

    skip = flagged_ids(comments, flagged)
    frame, coded = quoted_codes(comments, codes)
    # how many young people raised each theme, quotable or not (fewer than min_group: no
    # overall quotes, whose number would tell how many)
    raisers = theme_raisers(frame, coded)
    raised_by = raisers.map(len)
    if "score" not in coded:
        coded["score"] = np.nan
    order = list(themes) if themes is not None else list(dict.fromkeys(coded["theme"]))
    coded = coded[coded["theme"].isin(order)]
    words_of = frame[TEXT].astype(str).str.split().str.len()
    ok = (~frame.index.isin(list(skip))) & (words_of >= config.min_words) & \
        (words_of <= config.max_words)
    coded = coded[coded[COMMENT_ID].map(ok).astype(bool)]
    # Safeguarding: the rules over every candidate, then the similarity path over the
    # candidates kept, so that a flagged comment is never quoted.
    written = _as_written(comments_as_written, frame)
    screened = [frame] if written is None else [frame, written]
    withheld = set().union(*(withheld_comments(
        f.loc[list(dict.fromkeys(coded[COMMENT_ID]))], safeguarding, similarity=False)
        for f in screened))
    coded = coded[~coded[COMMENT_ID].isin(withheld)]
    coded = coded.assign(_rank=coded["score"].astype(float).fillna(np.inf))
    coded = coded.sort_values(["theme", "_rank", COMMENT_ID], ascending=[True, False, True],
                              kind="stable").groupby("theme", sort=False).head(
        config.max_candidates)
    late = set().union(*(withheld_comments(
        f.loc[list(dict.fromkeys(coded[COMMENT_ID]))], safeguarding, similarity=True,
        embedder=screen_embedder) for f in screened))
    coded = coded[~coded[COMMENT_ID].isin(late)]
    withheld |= late
    # Attribution (global recoding): every quote of one list is described at one level of
    # detail, the most detailed at which each of them fits k young people of those the
    # list's place names (who raised the theme, and gave the answer beside which it stands).
    levels = attribution_levels(respondents, disclosure, generalise)
    everyone = levels[0][0].index.to_numpy()
    position = {rid: p for p, rid in enumerate(everyone)}
    authors_all = set(frame.loc[list(dict.fromkeys(coded[COMMENT_ID])), RESPONDENT_ID])
    strangers = sorted(authors_all - set(position))
    if strangers:
        raise InputError(f"The respondent {strangers[0]!r} of a quote is not in the "
                         "respondents frame.")
    used = frame.loc[list(dict.fromkeys(coded[COMMENT_ID]))]
    if used.empty or len(everyone) < disclosure.k:
        empty = pd.DataFrame(columns=list(QUOTE_COLUMNS))
        empty.attrs["safeguarding_withheld"] = len(withheld)
        return empty
    # Embedded as the models read them: tags without their numbers. Published with the tags
    # numbered within each quote, so that a number never links two quotes.
    texts = [renumber_tags(str(t)) for t in used[TEXT]]
    vectors = np.asarray(embedder.encode(model_texts(texts)), dtype=float)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    # the same words (case and spacing aside) from two young people are quoted once
    same_text = [" ".join(t.casefold().split()) for t in texts]
    # nor again, in this report, words or a young person an earlier wave's report quoted
    repeats = repeated_quotes(texts, [str(a) for a in used[RESPONDENT_ID]], earlier)
    details = [quote_details(t) for t in texts]
    row_of = {cid: i for i, cid in enumerate(used.index)}
    authors = used[RESPONDENT_ID].to_numpy()
    answers = respondents.set_index(respondents[RESPONDENT_ID].astype(str))
    quoted: dict[str, set[int]] = {}  # respondent -> comments quoted anywhere in the selection
    shown: set[int] = set()  # comments quoted anywhere: a comment is quoted once
    shown_texts: set[str] = set()
    # what the selection has said of each young person so far: the respondents who fit all
    # of it (a reader may link two quotes of one young person by what they tell)
    said: dict[str, np.ndarray] = {}
    every = np.ones(len(everyone), dtype=bool)

    # A quote in a language tells its reader that its author writes that language (the
    # text shows it, and the report marks it): it must fit k young people who wrote in it.
    speakers = writers_of_language(frame, everyone, used.index)

    hidden = hidden_by_theme(hidden_cells)

    def fits(i: int, level: int, population: np.ndarray, hide: set[tuple[str, str]]) -> bool:
        author = str(authors[i])
        frame, coarse, codes = levels[level]
        if names_hidden({col: frame.at[author, col] for col in frame.columns
                         if col not in coarse}, hide):
            return False
        mask = said.get(author, every) & population & (codes == codes[position[author]])
        if speakers is not None:
            mask = mask & speakers[i]
        return int(mask.sum()) >= disclosure.k
    overall_themes = None if overall is True else set() if overall is False else \
        {str(t) for t in overall}  # type: ignore[union-attr]
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
        raised = np.isin(everyone, list(raisers.get(theme, set())))
        groups: list[tuple[str, str, list[int], np.ndarray, int]] = []
        if config.n_quotes and (overall_themes is None or str(theme) in overall_themes) and \
                int(raised_by.get(theme, 0)) >= config.min_group:
            groups.append((_ALL, _ALL, ranked, raised, config.n_quotes))
        if wanted is None:
            requests = [(variable, (str(level),)) for variable in by
                        for level in dict.fromkeys(
                            v for v in answers.loc[authors[ranked], variable] if pd.notna(v))]
        else:
            requests = wanted.get(str(theme), [])
        for variable, answers_of in requests if config.answer_quotes else ():
            values = answers.loc[authors[ranked], variable]
            col = values.astype(str).where(values.notna(), None).to_numpy()
            members_l = [i for i, v in zip(ranked, col, strict=True) if v in answers_of]
            # A quote listed under a subgroup tells its reader the subgroup too: its
            # attribution must describe k respondents *of that subgroup* who raised it.
            within = raised & in_group(answers.loc[everyone, variable], answers_of)
            if int(within.sum()) >= disclosure.k and \
                    len({authors[i] for i in members_l}) >= config.min_group:
                groups.append((variable, " + ".join(answers_of), members_l, within,
                               config.answer_quotes))
        theme_authors: set[str] = set()  # one comment per respondent per theme
        room = config.max_per_theme if config.max_per_theme is not None else len(ranked)

        def eligible(i: int, chosen: Sequence[int] = (),
                     _mine: set[str] = theme_authors) -> bool:
            author = str(authors[i])
            if repeats[i] or i in shown or same_text[i] in shown_texts or author in _mine:
                return False
            if author in {str(authors[j]) for j in chosen} or \
                    same_text[i] in {same_text[j] for j in chosen}:
                return False
            return len(quoted.get(author, set())) < config.max_per_respondent

        for variable, level, candidates, population, wanted_n in groups:
            # the most detailed level that gives as many quotes as any level does
            hide = hidden.get(str(theme), set())
            best: tuple[int, list[int]] = (0, [])
            for depth in range(len(levels)):
                def fitting(i: int, chosen: Sequence[int] = (), _d: int = depth,
                            _p: np.ndarray = population,
                            _h: set[tuple[str, str]] = hide) -> bool:
                    return eligible(i, chosen) and fits(i, _d, _p, _h)

                picked = _choose(vectors, relevance, min(wanted_n, room), config, candidates,
                                 fitting, details)
                if len(picked) > len(best[1]):
                    best = (depth, picked)
                if len(picked) >= min(wanted_n, room):
                    break
            depth, chosen = best
            room -= len(chosen)
            for rank, i in enumerate(chosen, start=1):
                author = str(authors[i])
                codes = levels[depth][2]
                said[author] = said.get(author, every) & population & (
                    codes == codes[position[author]])
                if speakers is not None:
                    said[author] = said[author] & speakers[i]
                text, written = describe(levels[depth], author)
                quoted.setdefault(author, set()).add(i)
                shown.add(i)
                shown_texts.add(same_text[i])
                theme_authors.add(author)
                cid = used.index[i]
                rows.append({
                    "theme": theme, "variable": variable, "level": level, "rank": rank,
                    COMMENT_ID: cid, RESPONDENT_ID: author, TEXT: texts[i],
                    "attribution": text, "attributes_used": written,
                    "group_size": int(said[author].sum()),
                    "similarity": float(relevance[i]),
                    "score": float(scores.get(cid, np.nan)),
                    "details": details[i],
                })
    out = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    out.attrs["safeguarding_withheld"] = len(withheld)
    return out


def _as_written(comments_as_written: pd.DataFrame | None,
                frame: pd.DataFrame) -> pd.DataFrame | None:
    """``frame`` (indexed by ``comment_id``) with each comment's text as written, for the
    safeguarding screen alone; a comment missing from ``comments_as_written`` keeps its
    pseudonymised text."""
    if comments_as_written is None:
        return None
    if not isinstance(comments_as_written, pd.DataFrame) or not {COMMENT_ID, TEXT} <= set(
            comments_as_written.columns):
        raise InputError("The 'comments_as_written' argument of select_quotes must be a "
                         "pandas DataFrame with 'comment_id' and 'text' columns (the comments "
                         "before pseudonymisation).")
    texts = dict(zip(comments_as_written[COMMENT_ID].astype(str), comments_as_written[TEXT],
                     strict=True))
    return frame.assign(**{TEXT: [texts.get(cid, text) for cid, text in
                                  zip(frame.index, frame[TEXT], strict=True)]})


def _choose(vectors: np.ndarray, relevance: np.ndarray, n: int, config: QuoteConfig,
            candidates: list[int], eligible: Any, details: Sequence[str]) -> list[int]:
    """Up to ``n`` of ``candidates`` by maximal marginal relevance; with ``avoid_details``,
    those whose text holds no detail (:func:`quote_details`) first, the others only to fill
    the places left."""
    if n <= 0:
        return []
    diversity = 1 - config.relevance
    if not config.avoid_details:
        return maximal_marginal_relevance(vectors, relevance, n, diversity=diversity,
                                          candidates=candidates, eligible=eligible)
    plain = [i for i in candidates if not details[i]]
    chosen = maximal_marginal_relevance(vectors, relevance, n, diversity=diversity,
                                        candidates=plain, eligible=eligible)
    if len(chosen) < n:
        first = list(chosen)
        chosen += maximal_marginal_relevance(
            vectors, relevance, n - len(first), diversity=diversity,
            candidates=[i for i in candidates if details[i]], exclude=first,
            eligible=lambda i, picked: eligible(i, [*first, *picked]))
    return chosen
