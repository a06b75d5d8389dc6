"""Agreement between coders: the model and a person, or two people.

:func:`agreement` compares two sets of theme codes on the same comments, theme by theme, with
Cohen's kappa, Krippendorff's alpha (nominal) and F1, each with a bootstrap confidence interval
(comments resampled with replacement), plus pooled and macro-averaged rows. This is how a
researcher decides whether to trust the coder on their own data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError
from ..schema import COMMENT_ID
from .codebook import NO_THEME

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["agreement", "codes_matrix"]

AGREEMENT_COLUMNS = (
    "pair", "theme", "n_comments", "n_a", "n_b", "percent_agreement",
    "kappa", "kappa_low", "kappa_high", "alpha", "alpha_low", "alpha_high",
    "f1", "f1_low", "f1_high",
)


def _check_codes(codes: object, argument: str) -> pd.DataFrame:
    """A copy of a codes frame with its ids normalised (see :func:`_ids`)."""
    import pandas as pd

    if not isinstance(codes, pd.DataFrame) or not {COMMENT_ID, "theme"} <= set(codes.columns):
        raise InputError(
            f"The '{argument}' argument of agreement must be a DataFrame with columns "
            f"'comment_id' and 'theme' (and optionally 'assigned'); got "
            f"{list(codes.columns) if isinstance(codes, pd.DataFrame) else type(codes).__name__}."
        )
    ids = _ids(codes[COMMENT_ID])
    if ids.isna().any():
        from ..errors import format_ids

        rows = [i + 1 for i, missing in enumerate(ids.isna()) if missing]
        raise InputError(
            f"The '{argument}' argument of agreement has rows without a comment_id (rows "
            f"counted from 1: {format_ids(rows)}). Give each code the id of its comment."
        )
    return codes.assign(**{COMMENT_ID: ids.to_numpy()})


def _ids(ids: Sequence[object] | pd.Series) -> pd.Series:
    """Comment ids as strings, the same however they were stored: ``1.0`` and ``"1"`` match.

    See :func:`carevoice.corpus.normalise_ids` (each frame's column is normalised as a whole).
    """
    import pandas as pd

    from ..corpus import normalise_ids

    return normalise_ids(ids if isinstance(ids, pd.Series) else pd.Series(list(ids),
                                                                         dtype=object))


def _assigned(codes: pd.DataFrame) -> pd.DataFrame:
    """The rows of a codes frame that are assigned (all rows when there is no assigned column)."""
    from .._flags import assigned_mask

    return codes[assigned_mask(codes)]


def codes_matrix(codes: pd.DataFrame, comment_ids: Sequence[str],
                 themes: Sequence[str]) -> np.ndarray:
    """Turn long codes into a 0/1 matrix of comments x themes.

    Parameters
    ----------
    codes : pandas.DataFrame
        Long codes: ``comment_id``, ``theme`` and optionally ``assigned``.
    comment_ids : sequence of str
        The rows, in order. Ids are compared as :func:`carevoice.corpus.normalise_ids` writes
        them (``1.0`` and ``"1"`` are the same comment); codes of other comments are ignored.
    themes : sequence of str
        The columns, in order; codes of other themes are ignored.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(comment_ids), len(themes))``, dtype int8.

    Examples
    --------
    >>> import pandas as pd
    >>> codes = pd.DataFrame({"comment_id": ["a", "b"], "theme": ["money", "safety"]})
    >>> codes_matrix(codes, ["a", "b", "c"], ["money", "safety"]).tolist()
    [[1, 0], [0, 1], [0, 0]]
    """
    rows = {c: i for i, c in enumerate(_ids(comment_ids))}
    cols = {t: j for j, t in enumerate(themes)}
    out = np.zeros((len(rows), len(cols)), dtype=np.int8)
    sub = _assigned(codes)
    for cid, theme in zip(_ids(sub[COMMENT_ID]), sub["theme"].astype(str), strict=True):
        if cid in rows and theme in cols:
            out[rows[cid], cols[theme]] = 1
    return out


def _stats(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> dict[str, np.ndarray]:
    """Kappa, alpha, F1 and percent agreement from 2x2 counts (vectorised, NaN when undefined).

    ``a``: both coders assigned, ``b``: only the first, ``c``: only the second, ``d``: neither.
    """
    a, b, c, d = (np.asarray(v, dtype=float) for v in (a, b, c, d))
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        po = (a + d) / n
        pe = ((a + b) * (a + c) + (c + d) * (b + d)) / n**2
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
        big_n = 2 * n
        n1 = 2 * a + b + c
        n0 = 2 * d + b + c
        alpha = np.where((n0 > 0) & (n1 > 0), 1 - (big_n - 1) * (b + c) / (n0 * n1), np.nan)
        f1 = np.where(a + b + c > 0, 2 * a / (2 * a + b + c), np.nan)
    return {"percent_agreement": po, "kappa": kappa, "alpha": alpha, "f1": f1}


#: The fewest comments coded with a theme (by either coder), and coded without it (by either),
#: for a bootstrap interval of its agreement: below it the resamples hold one or two of its
#: codes or none, and the percentile interval collapses ("1.0 (1.0 to 1.0)" for a theme both
#: coders used once). The same number as the fewest answers a numeric test needs (min_group).
MIN_CODES = 5


def _estimable(cells: tuple, min_codes: int) -> bool:
    """Whether a 2x2 table (both, only the first, only the second, neither) has enough codes
    for a bootstrap interval: ``min_codes`` comments with the theme, and without it."""
    a, b, c, d = (int(v) for v in cells)
    return min(a + b + c, b + c + d) >= min_codes


def _interval(samples: np.ndarray, level: float) -> tuple[float, float]:
    """The percentile interval of the resamples where the statistic is defined (NaN when
    fewer than half are, or fewer than 10)."""
    finite = samples[np.isfinite(samples)]
    if len(finite) < max(10, 0.5 * len(samples)):
        return float("nan"), float("nan")
    lo, hi = np.quantile(finite, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def _pair_table(x: np.ndarray, y: np.ndarray, themes: Sequence[str], pair: str, n_boot: int,
                level: float, rng: np.random.Generator,
                min_codes: int = MIN_CODES) -> list[dict[str, object]]:
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    n = len(x)
    both, only_x = (x & y), (x & (1 - y))
    only_y, neither = ((1 - x) & y), ((1 - x) & (1 - y))
    boot = rng.integers(0, n, size=(n_boot, n)) if n_boot else np.zeros((0, n), dtype=int)
    counts = [m[boot].sum(1) for m in (both, only_x, only_y, neither)]  # (n_boot, themes)
    rows = []

    def add(theme: str, idx: slice | int | None, point_cells: tuple, boot_cells: tuple,
            xa: np.ndarray | None, ya: np.ndarray | None) -> None:
        point = _stats(*point_cells)
        samples = _stats(*boot_cells) if n_boot else None
        row: dict[str, object] = {
            "pair": pair, "theme": theme, "n_comments": n,
            "n_a": int(point_cells[0] + point_cells[1]),
            "n_b": int(point_cells[0] + point_cells[2]),
        }
        # Point estimates from scikit-learn and the krippendorff package where defined (the
        # closed forms above agree with them; they are used for the bootstrap's speed).
        if xa is not None and np.isfinite(point["kappa"]):
            point["kappa"] = np.asarray(cohen_kappa_score(xa, ya))
        if xa is not None and np.isfinite(point["alpha"]):
            point["alpha"] = np.asarray(krippendorff.alpha(
                reliability_data=np.vstack([xa, ya]).astype(float),
                level_of_measurement="nominal"))
        # too few codes: no interval rather than one that collapses to the point
        estimable = samples is not None and _estimable(point_cells, min_codes)
        for name in ("percent_agreement", "kappa", "alpha", "f1"):
            row[name] = float(point[name])
            if name != "percent_agreement":
                lo, hi = _interval(samples[name], level) if estimable else (np.nan, np.nan)
                row[f"{name}_low"], row[f"{name}_high"] = lo, hi
        rows.append(row)

    for j, theme in enumerate(themes):
        cells = tuple(int(m[:, j].sum()) for m in (both, only_x, only_y, neither))
        add(theme, j, cells, tuple(cnt[:, j] for cnt in counts), x[:, j], y[:, j])
    cells = tuple(int(m.sum()) for m in (both, only_x, only_y, neither))
    add("overall", None, cells, tuple(cnt.sum(1) for cnt in counts), x.ravel(), y.ravel())
    per_theme = rows[: len(themes)]
    macro: dict[str, object] = {"pair": pair, "theme": "macro", "n_comments": n,
                                "n_a": int(x.sum()), "n_b": int(y.sum())}
    enough = np.array([_estimable(tuple(int(m[:, j].sum()) for m in
                                        (both, only_x, only_y, neither)), min_codes)
                       for j in range(len(themes))], dtype=bool)
    for name in ("percent_agreement", "kappa", "alpha", "f1"):
        vals = np.array([r[name] for r in per_theme], dtype=float)
        averaged = np.isfinite(vals)  # the themes the point averages, in every resample too
        macro[name] = float(vals[averaged].mean()) if averaged.any() else np.nan
        if name != "percent_agreement":
            macro[f"{name}_low"] = macro[f"{name}_high"] = np.nan
            # an interval only when every theme averaged has enough codes for its own; a
            # resample where one of them is undefined (rare then) is undefined, not a mean
            # over fewer themes
            if n_boot and averaged.any() and enough[averaged].all():
                means = _stats(*counts)[name][:, averaged].mean(1)  # NaN if one is NaN
                macro[f"{name}_low"], macro[f"{name}_high"] = _interval(means, level)
    rows.append(macro)
    return rows


def _warn_one_coder_only(frames: list[pd.DataFrame], names: Sequence[str],
                         ids: list[str]) -> None:
    """Warn about comments that only one coder's codes name (``comment_ids`` not given)."""
    seen = [set(f[COMMENT_ID]) for f in frames]
    alone = {names[k]: [c for c in ids if c in seen[k]
                        and not any(c in other for j, other in enumerate(seen) if j != k)]
             for k in range(len(frames))}
    alone = {name: only for name, only in alone.items() if only}
    if alone:
        import warnings

        from ..errors import format_ids

        listed = "; ".join(f"only in {name}'s codes: {format_ids(only)}"
                           for name, only in alone.items())
        warnings.warn(
            f"agreement: some comment_id values are in one coder's codes only ({listed}). "
            "Each counts as a comment every coder coded, the others assigning it no theme. "
            "If that is not so (comments one coder did not see, or ids written differently), "
            "pass comment_ids, the comments every coder coded.", UserWarning, stacklevel=3)


def agreement(
    human_codes: pd.DataFrame,
    model_codes: pd.DataFrame,
    *,
    second_coder: pd.DataFrame | None = None,
    comment_ids: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    names: tuple[str, ...] = ("human", "model", "human_2"),
    n_boot: int = 1000,
    level: float = 0.95,
    random_state: int = 0,
    min_codes: int = MIN_CODES,
) -> pd.DataFrame:
    """Per-theme agreement between two coders, with bootstrap confidence intervals.

    Parameters
    ----------
    human_codes, model_codes : pandas.DataFrame
        Long codes (``comment_id``, ``theme``, optionally ``assigned``) of the two coders, e.g.
        a person's codes and :meth:`ThemeCoder.predict` output. Any two coders work (for two
        people, pass them here or use ``second_coder``).
    second_coder : pandas.DataFrame, optional
        A second person's codes of the same comments: the table then also has the pairs
        human vs human_2 and human_2 vs model.
    comment_ids : sequence of str, optional
        The comments both coded. Give it: a comment a person coded as raising no theme has no
        code row. Codes of other comments are ignored (e.g. model codes of the whole survey
        against a person's codes of a sample); an error says so when none of a coder's codes
        is of these comments. By default, every ``comment_id`` that appears in any of the
        frames (a ``no_theme`` row marks a comment coded with no theme), with a warning naming
        the ids that only one coder's codes have. Ids are compared as
        :func:`carevoice.corpus.normalise_ids` writes them, each frame's column as a whole:
        ``1.0`` (a spreadsheet's number) and ``"1"`` are the same comment.
    themes : sequence of str, optional
        The themes to compare; default: every theme in the frames except ``no_theme``, sorted.
    names : tuple of str, default ("human", "model", "human_2")
        Names of the coders in the ``pair`` column.
    n_boot : int, default 1000
        Bootstrap resamples of comments; 0 skips the intervals.
    level : float, default 0.95
        Confidence level of the intervals.
    random_state : int, default 0
        Seed of the bootstrap.
    min_codes : int, default 5
        The fewest comments a theme must be coded with (by either coder), and coded without
        (by either), for its intervals: below it they are NaN, not estimable, since the
        resamples hold one or two of its codes or none and the percentile interval collapses
        (a theme both coders used on one comment read "1.0 (1.0 to 1.0)"). The ``overall``
        row follows the same rule, and ``macro`` has intervals only when every theme it
        averages has them: pass ``themes`` (the themes with enough codes) for a macro
        interval, and report the rare themes as such. 0 gives every interval.

    Returns
    -------
    pandas.DataFrame
        One row per pair and theme plus ``overall`` (every comment x theme decision pooled) and
        ``macro`` (mean over themes where defined); columns ``pair``, ``theme``,
        ``n_comments``, ``n_a`` and ``n_b`` (how often each coder assigned it),
        ``percent_agreement``, ``kappa``, ``alpha``, ``f1`` and their ``_low`` / ``_high``
        bounds: percentile intervals of the resamples where the statistic is defined (each
        macro resample averages the themes the macro point averages). NaN where a statistic
        is undefined (e.g. kappa when neither coder used a theme), and intervals NaN below
        ``min_codes``. Where the coders agree on every comment, the interval is 1 to 1: the
        resamples cannot show disagreement the sample does not have.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"comment_id": ["1", "2", "3"], "theme": ["money", "money", "safety"]})
    >>> b = pd.DataFrame({"comment_id": ["1", "3", "4"], "theme": ["money", "safety", "money"]})
    >>> t = agreement(a, b, comment_ids=["1", "2", "3", "4"], n_boot=0)
    >>> t.set_index("theme").loc[["money", "safety"], ["kappa", "f1"]].round(2)
            kappa    f1
    theme
    money    0.0  0.5
    safety   1.0  1.0
    """
    import pandas as pd

    frames = [_check_codes(human_codes, "human_codes"), _check_codes(model_codes, "model_codes")]
    if second_coder is not None:
        frames.append(_check_codes(second_coder, "second_coder"))
    if not isinstance(n_boot, int) or isinstance(n_boot, bool) or n_boot < 0:
        raise InputError(
            f"The 'n_boot' argument of agreement must be an int in the range [0, inf). "
            f"Got {n_boot!r} instead."
        )
    if not isinstance(level, float) or not 0 < level < 1:
        raise InputError(
            f"The 'level' argument of agreement must be a float in (0, 1). Got {level!r} instead."
        )
    if not isinstance(min_codes, int) or isinstance(min_codes, bool) or min_codes < 0:
        raise InputError(
            f"The 'min_codes' argument of agreement must be an int in the range [0, inf). "
            f"Got {min_codes!r} instead."
        )
    if len(names) < len(frames):
        raise InputError(f"The 'names' argument of agreement needs {len(frames)} names.")
    arguments = ["human_codes", "model_codes", "second_coder"][:len(frames)]
    if comment_ids is None:
        ids = list(dict.fromkeys(c for f in frames for c in f[COMMENT_ID]))
        _warn_one_coder_only(frames, names, ids)
    else:
        ids = list(dict.fromkeys(_ids(comment_ids).dropna()))
        if not ids:
            raise InputError("agreement needs at least one comment: 'comment_ids' is empty.")
        for frame, argument in zip(frames, arguments, strict=True):
            coded = set(_assigned(frame)[COMMENT_ID])
            if coded and not coded & set(ids):
                from ..errors import format_ids

                raise InputError(
                    f"None of the comment_id values of the '{argument}' argument of agreement "
                    f"is in 'comment_ids' (e.g. {format_ids(sorted(coded), limit=3)}; "
                    f"'comment_ids' has e.g. {format_ids(ids, limit=3)}): check that both "
                    "name the same comments the same way."
                )
    if not ids:
        raise InputError("agreement needs at least one comment: 'comment_ids' is empty.")
    if themes is None:
        themes = sorted({str(t) for f in frames for t in _assigned(f)["theme"]} - {NO_THEME})
    themes = list(themes)
    mats = [codes_matrix(f, ids, themes) for f in frames]
    rng = np.random.default_rng(random_state)
    pairs = [(0, 1)] if len(frames) == 2 else [(0, 1), (0, 2), (2, 1)]
    rows = []
    for i, j in pairs:
        rows += _pair_table(mats[i], mats[j], themes, f"{names[i]} vs {names[j]}", n_boot,
                            level, rng, min_codes)
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
