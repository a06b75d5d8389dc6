"""Pick comments for a person to double-code: a stratified, reproducible sample."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError
from ..schema import COMMENT_ID, TEXT
from .codebook import NO_THEME

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["double_coding_sample"]


def _allocate(sizes: np.ndarray, n: int, minimum: int, rng: np.random.Generator) -> np.ndarray:
    """How many comments each stratum gives: exactly ``n`` (at most ``sizes.sum()``) in all.

    Every stratum first gets a floor: ``minimum`` comments, or all it has, or, when ``n`` is
    too small for that floor in every stratum, the largest floor that fits. The rest is shared
    in proportion to what each stratum has left (largest remainders, deterministic). When
    ``n`` is smaller than the number of strata, ``n`` strata drawn at random with ``rng``
    (each with the same chance) give one comment each.
    """
    floor = minimum
    while floor > 0 and np.minimum(sizes, floor).sum() > n:
        floor -= 1
    if floor == 0 and minimum > 0:  # fewer comments than strata: a random n of the strata
        out = np.zeros_like(sizes)
        out[rng.choice(len(sizes), size=n, replace=False)] = 1
        return out
    base = np.minimum(sizes, floor)
    left = n - base.sum()
    room = sizes - base
    if left <= 0 or room.sum() == 0:
        return base
    share = left * room / room.sum()
    extra = np.floor(share).astype(int)
    remainder = left - extra.sum()
    order = np.argsort(-(share - extra), kind="stable")
    for k in order:
        if remainder <= 0:
            break
        if extra[k] < room[k]:
            extra[k] += 1
            remainder -= 1
    return np.minimum(base + extra, sizes)


def double_coding_sample(
    comments: pd.DataFrame,
    n: int = 100,
    *,
    by: Sequence[str] = ("question_id",),
    codes: pd.DataFrame | None = None,
    min_per_stratum: int = 2,
    random_state: int = 0,
) -> pd.DataFrame:
    """A stratified random sample of comments for a person to (double-)code.

    Strata are the combinations of the ``by`` columns and, when ``codes`` from
    :meth:`ThemeCoder.predict` are given, the model's top theme (``no_theme`` included), so that
    rare themes and no-theme answers are in the sample. The sample has exactly ``n`` comments
    (or every answered comment, when there are fewer). Each stratum first gets
    ``min_per_stratum`` comments (or all it has); the rest is shared in proportion to the
    strata's sizes. Blank answers are never sampled.

    When ``n`` is too small to give every stratum ``min_per_stratum`` comments, every stratum
    gets the largest floor that fits (1 when ``n`` is at least the number of strata), then
    proportional shares. When ``n`` is smaller than the number of strata, ``n`` strata drawn
    at random (each with the same chance, seeded by ``random_state``) give one comment each,
    the others none, and a warning says so: ask for more comments or stratify by fewer
    columns to keep every rare theme.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id``, ``text`` and the ``by`` columns.
    n : int, default 100
        The sample size (capped at the number of answered comments).
    by : sequence of str, default ("question_id",)
        Columns to stratify by; columns missing from ``comments`` are an error, an empty
        sequence means no column strata.
    codes : pandas.DataFrame, optional
        Model codes (``comment_id``, ``theme``, ``score``, ``assigned``) to stratify by top theme.
    min_per_stratum : int, default 2
        The smallest share of a stratum (lowered, for every stratum, when ``n`` is too small
        for it); 0 gives purely proportional shares, in which a small stratum may get none.
    random_state : int, default 0
        Seed; the same inputs and seed give the same sample.

    Returns
    -------
    pandas.DataFrame
        The sampled rows of ``comments`` (input index kept, input order), with an added
        ``stratum`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": [str(i) for i in range(10)],
    ...                   "question_id": ["q1"] * 8 + ["q2"] * 2,
    ...                   "text": ["some answer"] * 10})
    >>> s = double_coding_sample(c, n=4, min_per_stratum=1)
    >>> s["question_id"].value_counts().sort_index().tolist()
    [3, 1]
    """
    import pandas as pd

    if not isinstance(comments, pd.DataFrame) or not {COMMENT_ID, TEXT} <= set(comments.columns):
        raise InputError(
            "The 'comments' argument of double_coding_sample must be a DataFrame with columns "
            "'comment_id' and 'text'."
        )
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise InputError(
            f"The 'n' argument of double_coding_sample must be an int in the range [1, inf). "
            f"Got {n!r} instead."
        )
    if not isinstance(min_per_stratum, int) or min_per_stratum < 0:
        raise InputError(
            "The 'min_per_stratum' argument of double_coding_sample must be an int >= 0. "
            f"Got {min_per_stratum!r} instead."
        )
    by = [by] if isinstance(by, str) else list(by)
    missing = [c for c in by if c not in comments.columns]
    if missing:
        raise InputError(
            f"The 'by' argument of double_coding_sample names columns not in 'comments': "
            f"{', '.join(missing)}; available: {', '.join(map(str, comments.columns))}."
        )
    text = comments[TEXT]
    answered = comments[text.notna() & (text.astype(str).str.strip() != "")]
    parts = [answered[c].astype(str).fillna("<NA>") for c in by]
    if codes is not None:
        if not isinstance(codes, pd.DataFrame) or not {COMMENT_ID, "theme", "score"} <= set(
                codes.columns):
            raise InputError(
                "The 'codes' argument of double_coding_sample must be a DataFrame with columns "
                "'comment_id', 'theme' and 'score' (ThemeCoder.predict output)."
            )
        real = codes[codes["theme"] != NO_THEME]
        if "assigned" in real.columns:
            real = real[real["assigned"].astype(str).str.lower().isin({"true", "1"})]
        top = (real.sort_values("score", ascending=False, kind="stable")
               .drop_duplicates(COMMENT_ID).set_index(COMMENT_ID)["theme"])
        parts.append(answered[COMMENT_ID].map(top).fillna(NO_THEME).astype(str))
    if parts:
        stratum = parts[0].copy()
        for p in parts[1:]:
            stratum = stratum + " | " + p
    else:
        stratum = pd.Series("all", index=answered.index)
    groups = sorted(stratum.unique())
    sizes = np.array([(stratum == g).sum() for g in groups])
    rng = np.random.default_rng(random_state)
    take = _allocate(sizes, min(n, len(answered)), min_per_stratum, rng)
    if min_per_stratum > 0 and (take == 0).any():
        import warnings

        warnings.warn(
            f"double_coding_sample: n={n} is smaller than the number of strata "
            f"({len(groups)}), so {int((take > 0).sum())} strata drawn at random give one "
            f"comment each and {int((take == 0).sum())} are not in the sample. Ask for n of at "
            f"least {len(groups)} to have every stratum, or stratify by fewer columns.",
            UserWarning, stacklevel=2)
    chosen = []
    for g, k in zip(groups, take, strict=True):
        members = np.flatnonzero((stratum == g).to_numpy())
        if k:
            chosen.extend(rng.choice(members, size=int(k), replace=False).tolist())
    out = answered.iloc[sorted(chosen)].copy()
    out["stratum"] = stratum.iloc[sorted(chosen)].to_numpy()
    return out
