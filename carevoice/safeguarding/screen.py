"""The safeguarding screen: which comments disclose harm or risk, by category and level.

:func:`screen_comments` reads every comment with the cue rules of :mod:`.cues`, qualified by
the context rules of :mod:`.context`, and returns one row per comment and category flagged:
``comment_id``, ``respondent_id`` (when the comments have one), ``category``, ``level``
(``priority`` or ``review``) and ``cue``, the label of the rule that fired (never words of the
comment). Priority rows come first. The screen is local, deterministic and explainable; it
puts the comments a designated safeguarding lead must see first at the top of the pile, and
it misses some: it never replaces reading every comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..errors import InputError
from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT
from ._text import normalise
from .context import (
    is_generic,
    is_negated,
    is_past,
    is_worry_about_future,
    is_worry_about_other,
    sentence_span,
)
from .cues import CATEGORIES, LEVELS, compiled_cues

__all__ = ["FLAG_COLUMNS", "SafeguardingConfig", "flag_summary", "flagged_comment_ids",
           "screen_comments", "screen_text"]

#: The columns of the flags table (``respondent_id`` only when the comments have one).
FLAG_COLUMNS = (COMMENT_ID, RESPONDENT_ID, "category", "level", "cue")

#: After a negated cue: it happened before ("he doesn't hit me any more", "like he did").
_HAPPENED = re.compile(r"\b(?:any more|no more|now|like (?:i|he|she|they|we|it) (?:did|used "
                       r"to|was|were)|(?:at|in) my (?:old|last) \w+)\b")

#: Cues about a place to live or food, where a fear of later ("when I leave care") is a review.
_FUTURE_REVIEW = frozenset({"destitution", "missing"})


@dataclass(frozen=True)
class SafeguardingConfig:
    """Settings of the safeguarding screen.

    Parameters
    ----------
    categories : tuple of str, default every category
        The categories to screen for (ids of :data:`carevoice.safeguarding.CATEGORIES`).
    review : bool, default True
        Also return ``review`` flags (past and over, a worry about someone else, a weak cue).
        Leave it on: "when in doubt, flag".

    Examples
    --------
    >>> SafeguardingConfig(categories=("self_harm", "missing")).categories
    ('self_harm', 'missing')
    """

    categories: tuple[str, ...] = CATEGORIES
    review: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.categories, str) or not isinstance(self.categories, Iterable):
            raise InputError(f"The 'categories' argument of SafeguardingConfig must be a tuple "
                             f"of category ids from {list(CATEGORIES)}. Got "
                             f"{self.categories!r} instead.")
        categories = tuple(self.categories)
        unknown = [c for c in categories if c not in CATEGORIES]
        if unknown or not categories:
            raise InputError(f"The 'categories' argument of SafeguardingConfig must name some "
                             f"of {list(CATEGORIES)}. Got {list(categories)!r} instead.")
        object.__setattr__(self, "categories", categories)
        if not isinstance(self.review, bool):
            raise InputError(f"The 'review' argument of SafeguardingConfig must be True or "
                             f"False. Got {self.review!r} instead.")


def screen_text(text: object) -> dict[str, tuple[str, str]]:
    """The categories one comment is flagged for: ``{category: (level, cue label)}``.

    Parameters
    ----------
    text : object
        The comment (a missing answer flags nothing).

    Returns
    -------
    dict
        Category to ``(level, cue)``; ``priority`` wins over ``review``, then the first rule.

    Examples
    --------
    >>> screen_text("i dont want to be here any more")
    {'self_harm': ('priority', 'does not want to be here any more')}
    >>> screen_text("my carers would never hit me, i could kill for a pizza tho")
    {}
    """
    norm = normalise(text)
    found: dict[str, tuple[str, str]] = {}
    weak: set[str] = set()
    if not norm.strip():
        return found
    for compiled in compiled_cues():
        cue = compiled.cue
        for match in compiled.pattern.finditer(norm):
            start, end = match.span()
            s_start, s_end = sentence_span(norm, start, end)
            sentence = norm[s_start:s_end]
            if compiled.unless is not None:
                window = norm[max(s_start, start - 50):min(s_end, end + 50)]
                if compiled.unless.search(window):
                    continue
            level = cue.level
            if cue.negatable and is_negated(norm, start, end):
                after = norm[end:s_end]
                if not _HAPPENED.search(after):
                    continue
                level = "review"  # "he doesn't hit me any more": it happened
            generic = is_generic(norm, start, end, s_start)
            if generic == "topic" or (generic == "people" and cue.level == "review"):
                continue
            if generic == "people" or is_past(norm, sentence) or is_worry_about_other(
                    sentence, match.group()):
                level = "review"
            category = cue.category
            for other, where in compiled.routes:
                if where.search(sentence):
                    category = other
                    break
            if category in _FUTURE_REVIEW and is_worry_about_future(sentence):
                level = "review"
            before = found.get(category)
            if before is None or (before[0] == "review" and level == "priority"):
                found[category] = (level, cue.label)
                if cue.level == "review":
                    weak.add(category)
                else:
                    weak.discard(category)
            if level == "priority":
                break
    if len(weak) < len(found):
        # a weak cue (a secret, "abuse" named, a gang) beside a clear disclosure of another
        # kind adds no category of its own
        for category in weak:
            del found[category]
    return found


def screen_comments(comments: pd.DataFrame,
                    config: SafeguardingConfig | None = None) -> pd.DataFrame:
    """Screen comments for safeguarding concerns.

    Parameters
    ----------
    comments : pandas.DataFrame
        ``comment_id`` and ``text``; ``respondent_id`` is passed through when present (the
        designated safeguarding lead finds the young person from it, with the
        re-identification key).
    config : SafeguardingConfig, optional
        Categories to screen for, and whether to return ``review`` flags.

    Returns
    -------
    pandas.DataFrame
        One row per comment and category flagged: ``comment_id``, ``respondent_id`` (if the
        comments have it), ``category``, ``level`` and ``cue`` (the rule's label, never the
        comment's words); ``priority`` rows first, then in the comments' order and the order
        of :data:`carevoice.safeguarding.CATEGORIES`. No comment text.

    Raises
    ------
    InputError
        If ``comments`` is not a frame with ``comment_id`` and ``text`` and unique ids (the
        error names the ids, never text), or ``config`` is not a SafeguardingConfig.

    Examples
    --------
    >>> comments = pd.DataFrame({"comment_id": ["a", "b", "c"],
    ...                          "text": ["i could kill for a pizza",
    ...                                   "my bf takes my money n my phone",
    ...                                   "used to cut myself but im safe now"]})
    >>> screen_comments(comments)[["comment_id", "category", "level"]].to_dict("records")
    [{'comment_id': 'b', 'category': 'domestic_abuse', 'level': 'priority'}, \
{'comment_id': 'c', 'category': 'self_harm', 'level': 'review'}]
    """
    from ..corpus import validate_comments

    if config is None:
        config = SafeguardingConfig()
    if not isinstance(config, SafeguardingConfig):
        raise InputError(f"The 'config' argument of screen_comments must be a "
                         f"SafeguardingConfig. Got {type(config).__name__} instead.")
    frame = validate_comments(comments)
    has_respondent = RESPONDENT_ID in frame.columns
    rows = []
    for position, (cid, text, rid) in enumerate(zip(
            frame[COMMENT_ID].astype(str), frame[TEXT],
            frame[RESPONDENT_ID] if has_respondent else [None] * len(frame), strict=True)):
        for category, (level, cue) in screen_text(text).items():
            if category not in config.categories or (level == "review" and not config.review):
                continue
            rows.append({COMMENT_ID: cid, RESPONDENT_ID: None if pd.isna(rid) else str(rid),
                         "category": category, "level": level, "cue": cue,
                         "_order": (LEVELS.index(level), position,
                                    CATEGORIES.index(category))})
    columns = [c for c in FLAG_COLUMNS if has_respondent or c != RESPONDENT_ID]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    out = pd.DataFrame(rows).sort_values("_order", kind="stable")
    return out[columns].reset_index(drop=True)


def flagged_comment_ids(flags: pd.DataFrame) -> set[str]:
    """The ``comment_id`` values a flags table names (any category, any level).

    Examples
    --------
    >>> sorted(flagged_comment_ids(pd.DataFrame({"comment_id": ["a", "a", 3]})))
    ['3', 'a']
    """
    if not isinstance(flags, pd.DataFrame) or COMMENT_ID not in flags.columns:
        raise InputError("The 'flags' argument must be a pandas DataFrame with a 'comment_id' "
                         "column, as screen_comments returns it.")
    return set(flags[COMMENT_ID].dropna().astype(str))


def flag_summary(flags: pd.DataFrame) -> pd.DataFrame:
    """Counts of flagged comments by category and level (a comment counts once per category).

    Parameters
    ----------
    flags : pandas.DataFrame
        As :func:`screen_comments` returns it.

    Returns
    -------
    pandas.DataFrame
        ``category``, ``priority``, ``review``: one row per category, in the order of
        :data:`carevoice.safeguarding.CATEGORIES`.

    Examples
    --------
    >>> flags = pd.DataFrame({"comment_id": ["a", "b"], "category": ["missing", "missing"],
    ...                       "level": ["priority", "review"], "cue": ["x", "y"]})
    >>> flag_summary(flags).query("category == 'missing'").to_dict("records")
    [{'category': 'missing', 'priority': 1, 'review': 1}]
    """
    flagged_comment_ids(flags)
    counts = {(c, lv): 0 for c in CATEGORIES for lv in LEVELS}
    for (category, level), n in flags.groupby(["category", "level"])[COMMENT_ID].nunique(
            ).items():
        counts[(category, level)] = int(n)
    return pd.DataFrame([{"category": c, **{lv: counts[(c, lv)] for lv in LEVELS}}
                         for c in CATEGORIES])
