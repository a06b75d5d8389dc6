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

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from ..errors import InputError
from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT
from ._text import normalise
from .context import (
    after_contrast,
    is_generic,
    is_negated,
    is_past,
    is_worry_about_future,
    is_worry_about_other,
    names_an_exception,
    sentence_span,
)
from .cues import CATEGORIES, LEVELS, compiled_cues

__all__ = ["FLAG_COLUMNS", "SCREEN_ATTR", "SafeguardingConfig", "flag_summary",
           "flagged_comment_ids", "screen_comments", "screen_settings", "screen_text"]

#: The columns of the flags table (``respondent_id`` only when the comments have one).
FLAG_COLUMNS = (COMMENT_ID, RESPONDENT_ID, "category", "level", "cue")
#: The key of ``flags.attrs`` where :func:`screen_comments` records its settings.
SCREEN_ATTR = "safeguarding_screen"
#: The key of ``flags.attrs`` where :func:`screen_comments` records a fingerprint of the rows
#: it returned (pandas carries ``attrs`` through filters and edits; the rows tell them apart).
_ROWS_ATTR = "safeguarding_screen_rows"

#: After a negated cue: it happened before ("he doesn't hit me any more", "like he did").
_HAPPENED = re.compile(r"\b(?:any more|no more|now|like (?:i|he|she|they|we|it) (?:did|used "
                       r"to|was|were)|(?:at|in) my (?:old|last) \w+)\b")

#: Cues about a place to live or food, where a fear of later ("when I leave care") is a review.
_FUTURE_REVIEW = frozenset({"destitution", "missing"})
#: The categories of a cue routed between them: both are flagged.
_ROOF = frozenset({"destitution", "missing"})


@dataclass(frozen=True)
class SafeguardingConfig:
    """Settings of the safeguarding screen.

    Parameters
    ----------
    categories : tuple of str, default every category
        The categories to screen for (ids of :data:`carevoice.safeguarding.CATEGORIES`).
    review : bool, default True
        Also return ``review`` flags (past and over, a worry about someone else, a weak cue,
        the similarity path). Leave it on: "when in doubt, flag".
    similarity : bool, default True
        Also flag, at level ``review``, comments the rules leave unflagged whose sentences read
        like a disclosure to the packaged sentence-transformers model (see
        :mod:`carevoice.safeguarding.similar`). It raised recall on text the rules had not
        seen; False screens with the rules alone (no model is loaded).
    threshold : float, default 0.4
        The similarity path's least cosine similarity to an example disclosure. On blind
        round C (see ``docs/safeguarding.md``) 0.45 missed four more concerns than 0.4 for one
        false alarm fewer, so the default stays at 0.4: "when in doubt, flag".
    margin : float, default 0.05
        How much closer to the disclosure than the comment comes to an ordinary example.

    Examples
    --------
    >>> SafeguardingConfig(categories=("self_harm", "missing")).categories
    ('self_harm', 'missing')
    """

    categories: tuple[str, ...] = CATEGORIES
    review: bool = True
    similarity: bool = True
    threshold: float = 0.4
    margin: float = 0.05

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
        for name in ("review", "similarity"):
            if not isinstance(getattr(self, name), bool):
                raise InputError(f"The {name!r} argument of SafeguardingConfig must be True or "
                                 f"False. Got {getattr(self, name)!r} instead.")
        for name, low, high in (("threshold", 0.0, 1.0), ("margin", 0.0, 1.0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not (
                    low <= value <= high):
                raise InputError(f"The {name!r} argument of SafeguardingConfig must be a number "
                                 f"from {low} to {high}. Got {value!r} instead.")


def _cancelled(unless: re.Pattern[str], norm: str, s_start: int, s_end: int, start: int,
               end: int) -> bool:
    """Whether an ordinary sense or idiom near a cue's match (its sentence, 50 characters each
    side) cancels it: not one told before a contrast that starts a new claim ("she was joking
    but she grabbed my throat", "we were play fighting and then he punched me")."""
    offset = max(s_start, start - 50)
    for found in unless.finditer(norm[offset:min(s_end, end + 50)]):
        if not (offset + found.end() <= start and after_contrast(norm, offset + found.end(),
                                                                  end)):
            return True
    return False


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
            if compiled.unless is not None and _cancelled(compiled.unless, norm, s_start, s_end,
                                                          start, end):
                continue
            level = cue.level
            if cue.negatable and is_negated(norm, start, end):
                after = norm[end:s_end]
                if names_an_exception(after):
                    pass  # "nobody hurts me except my stepdad": the cue stands
                elif not _HAPPENED.search(after):
                    continue
                else:
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
            # a roof lost tonight is both destitution and going missing: a route between the
            # two adds the category rather than moving the cue (blind writers label both)
            both = {category, cue.category} == _ROOF
            if category in _FUTURE_REVIEW and is_worry_about_future(sentence):
                level = "review"
            for each in (category, cue.category) if both else (category,):
                before = found.get(each)
                if before is None or (before[0] == "review" and level == "priority"):
                    found[each] = (level, cue.label)
                    if cue.level == "review":
                        weak.add(each)
                    else:
                        weak.discard(each)
            if level == "priority":
                break
    if len(weak) < len(found):
        # a weak cue (a secret, "abuse" named, a gang) beside a clear disclosure of another
        # kind adds no category of its own
        for category in weak:
            del found[category]
    return found


def screen_comments(comments: pd.DataFrame, config: SafeguardingConfig | None = None, *,
                    embedder: Any = None) -> pd.DataFrame:
    """Screen comments for safeguarding concerns.

    Parameters
    ----------
    comments : pandas.DataFrame
        ``comment_id`` and ``text``; ``respondent_id`` is passed through when present (the
        designated safeguarding lead finds the young person from it, with the
        re-identification key).
    config : SafeguardingConfig, optional
        Categories to screen for, whether to return ``review`` flags, and the similarity path.
    embedder : Embedder, optional
        For the similarity path; default the packaged sentence-transformers model, loaded
        offline on first use. Not used when ``config.similarity`` is False.

    Returns
    -------
    pandas.DataFrame
        One row per comment and category flagged: ``comment_id``, ``respondent_id`` (if the
        comments have it), ``category``, ``level`` and ``cue`` (the rule's label, never the
        comment's words); ``priority`` rows first, then in the comments' order and the order
        of :data:`carevoice.safeguarding.CATEGORIES`. No comment text. ``attrs[SCREEN_ATTR]``
        holds the settings that screened them (a report given the table names the screen).

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
    >>> config = SafeguardingConfig(similarity=False)  # the rules alone: no model loaded
    >>> flags = screen_comments(comments, config)
    >>> flags[["comment_id", "category", "level"]].to_dict("records")
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
    found = [screen_text(text) for text in frame[TEXT]]
    if config.similarity and config.review:
        found = _with_similar(found, frame[TEXT].tolist(), config, embedder)
    rows = []
    for position, (cid, flagged, rid) in enumerate(zip(
            frame[COMMENT_ID].astype(str), found,
            frame[RESPONDENT_ID] if has_respondent else [None] * len(frame), strict=True)):
        for category, (level, cue) in flagged.items():
            if category not in config.categories or (level == "review" and not config.review):
                continue
            rows.append({COMMENT_ID: cid, RESPONDENT_ID: None if pd.isna(rid) else str(rid),
                         "category": category, "level": level, "cue": cue,
                         "_order": (LEVELS.index(level), position,
                                    CATEGORIES.index(category))})
    columns = [c for c in FLAG_COLUMNS if has_respondent or c != RESPONDENT_ID]
    if not rows:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    else:
        out = pd.DataFrame(rows).sort_values("_order", kind="stable")[columns].reset_index(
            drop=True)
    return mark_screened(out, config)


def mark_screened(flags: pd.DataFrame, config: SafeguardingConfig) -> pd.DataFrame:
    """Record on ``flags`` the screen that made it, as :func:`screen_comments` does.

    What screened them, so a report given this table says so (a reviewed table read back from
    a file has no such mark; one filtered or edited in Python no longer matches the
    fingerprint: see :func:`screen_settings`). A batch run marks the table it puts together
    from its chunks' flags the same way.

    Parameters
    ----------
    flags : pandas.DataFrame
        The screen's rows, as it returns them.
    config : SafeguardingConfig
        The screen's settings.

    Returns
    -------
    pandas.DataFrame
        ``flags`` itself, marked.
    """
    flags.attrs[SCREEN_ATTR] = asdict(config)
    flags.attrs[_ROWS_ATTR] = _fingerprint(flags)
    return flags


def _fingerprint(flags: pd.DataFrame) -> str:
    """SHA-256 of a flags table's columns and rows, whatever the rows' order and index."""
    digest = hashlib.sha256("\x1f".join(map(str, flags.columns)).encode())
    rows = pd.util.hash_pandas_object(flags.astype(str), index=False).to_numpy(copy=True)
    rows.sort()
    digest.update(rows.tobytes())
    return digest.hexdigest()


def screen_settings(flags: pd.DataFrame) -> dict[str, Any] | None:
    """The settings of the screen that returned ``flags``, or None for a reviewed table.

    pandas carries ``attrs`` through filtering, copying and editing, so the settings
    :func:`screen_comments` records would survive a table the safeguarding lead has since
    filtered or edited in Python. A table counts as the screen's only while it holds the rows
    and columns the screen returned (copied, sorted or re-indexed is the same table); read back
    from a file, or filtered, edited or extended after screening, it is a reviewed table, and a
    report names it so.

    Parameters
    ----------
    flags : pandas.DataFrame
        A flags table.

    Returns
    -------
    dict or None
        The :class:`SafeguardingConfig` settings as a dict, or None.

    Examples
    --------
    >>> comments = pd.DataFrame({"comment_id": ["a", "b"],
    ...                          "text": ["my dad hits me", "my bf takes my money"]})
    >>> flags = screen_comments(comments, SafeguardingConfig(similarity=False))
    >>> screen_settings(flags)["similarity"]
    False
    >>> screen_settings(flags.sort_values("category").reset_index(drop=True)) is not None
    True
    >>> screen_settings(flags[flags["category"] == "abuse"]) is None  # filtered: reviewed
    True
    """
    if not isinstance(flags, pd.DataFrame):
        return None
    settings, rows = flags.attrs.get(SCREEN_ATTR), flags.attrs.get(_ROWS_ATTR)
    if not isinstance(settings, dict) or rows != _fingerprint(flags):
        return None
    return dict(settings)


def _with_similar(found: list[dict[str, tuple[str, str]]], texts: list[object],
                  config: SafeguardingConfig,
                  embedder: Any) -> list[dict[str, tuple[str, str]]]:
    """Add the similarity path's review flags to the comments the rules left unflagged."""
    from .similar import similar_categories

    todo = [i for i, flags in enumerate(found) if not flags and isinstance(texts[i], str)]
    if not todo:
        return found
    if embedder is None:
        from ..embed import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()
    from ..placeholders import model_text

    # carevoice's tags read as the models read them, whatever their number ("[PERSON_3]" as
    # "someone")
    similar = similar_categories([model_text(str(texts[i])) for i in todo], embedder,
                                 threshold=config.threshold, margin=config.margin)
    out = list(found)
    for i, hit in zip(todo, similar, strict=True):
        if hit is not None:
            out[i] = {hit[0]: ("review", similar_cue(hit[0]))}
    return out


def similar_cue(category: str) -> str:
    """The ``cue`` of a similarity-path flag, as a safeguarding lead reads it.

    Examples
    --------
    >>> similar_cue("abuse"), similar_cue("self_harm")
    ('reads like an abuse disclosure', 'reads like a self harm disclosure')
    """
    words = category.replace("_", " ")
    return f"reads like {'an' if words[0] in 'aeiou' else 'a'} {words} disclosure"


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
