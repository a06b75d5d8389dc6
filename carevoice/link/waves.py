"""Change in theme prevalence between survey waves: differences, intervals and tests.

A survey run again (a *wave*) asks whether a theme became more or less common. Each wave is
linked on its own (:func:`respondent_themes`, :func:`prevalence`), so the same ``comment_id``
or ``respondent_id`` in two waves never collides; then, theme by theme, each wave is compared
with the one before it (or with the first):

* **independent**: every young person of each wave, the two waves taken as separate samples.
  The difference of the two shares with Newcombe's hybrid score interval (statsmodels
  ``confint_proportions_2indep(method="newcomb")``), and Fisher's exact test (or chi-square)
  on the wave x raised table, as in :func:`associations`;
* **paired** (``paired=True``, when a ``respondent_id`` is the same young person in every
  wave): the young people who answered both waves, followed from one to the next. The
  difference with Newcombe's interval for paired proportions (method 10 of Newcombe, 1998:
  Wilson intervals combined with the phi correlation, continuity-corrected) and McNemar's
  exact test (statsmodels ``mcnemar(exact=True)``).

With ``paired=True`` both are reported: the independent rows describe each wave as a whole
(young people who answered both waves are in both samples, which makes that test cautious)
and the paired rows the change among the same young people. q-values are Benjamini-Hochberg
adjusted across themes and comparisons within each family of rows: the independent overall
rows, the paired rows, and the rows of each subgroup variable. Apply
:func:`carevoice.disclosure.suppress_changes` before publishing.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._answers import closed_answers
from .._disclosure_links import BY_WAVE, CELLS, LINKS
from ..errors import InputError, Problem, ValidationError
from ..schema import RESPONDENT_ID
from .indicators import _NO_THEME, ALL, bh, check_alpha, ci_level, respondent_themes
from .tables import _check_test, _p_value, _wilson, prevalence

_log = logging.getLogger(__name__)

__all__ = ["CHANGE_COLUMNS", "WaveComparison", "compare_waves", "paired_difference_ci",
           "wave_changes"]

#: How each wave is compared: with the wave before it, or with the first wave.
REFERENCES = ("previous", "first")

#: The columns of a table of changes (:func:`wave_changes`).
CHANGE_COLUMNS = ["theme", "variable", "level", "wave_from", "wave_to", "analysis", "n_from",
                  "base_from", "share_from", "n_to", "base_to", "share_to", "overlap", "both",
                  "from_only", "to_only", "neither", "difference", "ci_low", "ci_high",
                  "p_value", "test", "q_value", "ci_level"]
#: Columns added to :data:`CHANGE_COLUMNS` later, at its end: a table written before them
#: lacks them and is still read (:func:`missing_change_columns`).
_LATER_CHANGE_COLUMNS = ("ci_level",)


def missing_change_columns(columns: Sequence[object]) -> list[str]:
    """The columns a table of changes must have that ``columns`` lack.

    A table written by an earlier carevoice, without the columns added since (``ci_level``),
    lacks none.

    Parameters
    ----------
    columns : sequence
        A table's columns.

    Returns
    -------
    list of str

    Examples
    --------
    >>> missing_change_columns(CHANGE_COLUMNS[:-1]), missing_change_columns(["theme"])[:2]
    ([], ['variable', 'level'])
    """
    have = {str(c) for c in columns}
    return [c for c in CHANGE_COLUMNS if c not in have and c not in _LATER_CHANGE_COLUMNS]


@dataclass(frozen=True)
class WaveComparison:
    """Everything :func:`compare_waves` computes, as tidy frames.

    Parameters
    ----------
    indicators : pandas.DataFrame
        Respondent x theme booleans of every wave, indexed by ``(wave, respondent_id)``.
    prevalence : pandas.DataFrame
        Prevalence of each wave (:func:`prevalence` with a first ``wave`` column).
    changes : pandas.DataFrame
        The changes between waves, see :func:`wave_changes`.
    settings : dict
        The arguments used, for the run manifest.
    """

    indicators: pd.DataFrame
    prevalence: pd.DataFrame
    changes: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)


@contextmanager
def _in_wave(name: str) -> Iterator[None]:
    """Name the wave in any input error raised inside."""
    try:
        yield
    except ValidationError as e:
        raise ValidationError(f"wave {name!r} ({e.what})", e.problems) from e
    except InputError as e:
        raise InputError(f"Wave {name!r}: {e}") from e


def _wave_names(waves: Any, argument: str) -> list[str]:
    if not isinstance(waves, Mapping):
        raise InputError(f"The '{argument}' argument must be a mapping from wave name to the "
                         f"wave's data, in wave order. Got {type(waves).__name__} instead.")
    names = list(waves)
    bad = [n for n in names if not isinstance(n, str) or not n.strip()]
    if bad:
        raise InputError(f"The '{argument}' argument must name each wave with a non-empty "
                         f"string. Got {bad!r} instead.")
    if len(names) < 2:
        raise InputError(f"The '{argument}' argument must hold at least two waves to compare. "
                         f"Got {len(names)} instead.")
    return names


def compare_waves(waves: Mapping[str, tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]],
                  *, themes: Sequence[str] | None = None, by: str | Sequence[str] = (),
                  paired: bool = False, reference: str = "previous", test: str = "fisher",
                  base: str = "commented", alpha: float = 0.05,
                  closed_columns: Sequence[str] | None = None,
                  not_free_text: Sequence[str] = ()) -> WaveComparison:
    """Compare theme prevalence between survey waves in one call.

    Parameters
    ----------
    waves : mapping of str to (comments, codes, respondents)
        Each wave's frames, in wave order (e.g. ``{"2024": (...), "2025": (...)}``), as for
        :func:`link`; ``respondents`` may be None without ``by`` and with
        ``base="commented"``. Ids need no rewriting: each wave is linked on its own.
    themes : sequence of str, optional
        The themes to compare, in this order (the q-values adjust over these alone); default
        every theme coded in any wave. A theme nobody raised in a wave counts as 0 there.
    by : str or sequence of str, default ()
        Respondents columns to break the independent comparison down by (each wave's own
        answers). The paired comparison is made for all young people only.
    paired : bool, default False
        True when a ``respondent_id`` is the same young person in every wave: adds the paired
        rows for the young people in both waves of a comparison.
    reference : {"previous", "first"}, default "previous"
        Compare each wave with the one before it, or with the first wave.
    test : {"fisher", "chi2", "auto"}, default "fisher"
        Test of the independent comparison, as in :func:`associations`.
    base : {"commented", "all"}, default "commented"
        Denominator, see :func:`respondent_themes`. With ``"commented"``, a young person is
        paired only when they answered a free-text question in both waves.
    alpha : float, default 0.05
        1 - confidence level.
    closed_columns : sequence of str, optional
        The answer columns of every wave to use, trusted to be closed questions, as in
        :func:`link`. By default a wave's answer column that looks like free text or asks
        for a name is refused (named with its wave): leave it out of that wave's frame or,
        if it is a closed question after all, name it in ``not_free_text``.
    not_free_text : sequence of str, default ()
        Answer columns vouched for as closed questions (in every wave), as in :func:`link`:
        used and not checked; the other columns are used and checked.

    Returns
    -------
    WaveComparison
        The indicators, each wave's prevalence and the changes.

    Raises
    ------
    InputError
        For a bad argument, or with ``paired=True`` when two waves compared share no
        ``respondent_id``; errors in a wave's data name the wave and the ids concerned.

    Examples
    --------
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2", "c3"],
    ...                          "respondent_id": ["r1", "r2", "r3"]})
    >>> w1 = (comments, pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]}), None)
    >>> w2 = (comments, pd.DataFrame({"comment_id": ["c1", "c2"], "theme": ["money"] * 2}), None)
    >>> result = compare_waves({"2024": w1, "2025": w2}, paired=True)
    >>> result.changes[["analysis", "n_from", "n_to", "overlap", "to_only"]].values.tolist()
    [['independent', 1, 2, 3, <NA>], ['paired', 1, 2, 3, 1]]
    """
    names = _wave_names(waves, "waves")
    for name in names:
        value = waves[name]
        if not (isinstance(value, (tuple, list)) and len(value) == 3
                and all(isinstance(v, pd.DataFrame) for v in value[:2])
                and (value[2] is None or isinstance(value[2], pd.DataFrame))):
            raise InputError("The 'waves' argument must map each wave name to a (comments, "
                             "codes, respondents) tuple of DataFrames (respondents may be "
                             f"None). Wave {name!r} got {type(value).__name__} instead.")
    chosen = themes is not None
    if isinstance(themes, str):
        raise InputError("The 'themes' argument of compare_waves must be a list of theme ids, "
                         f"not one string. Got {themes!r}.")
    if themes is None:
        coded = [str(t) for name in names if "theme" in waves[name][1]
                 for t in waves[name][1]["theme"].astype(str)]
        themes = list(dict.fromkeys(t for t in coded if t != _NO_THEME))
    absent = _themes_never_coded(waves, names, list(themes))
    indicators = {}
    answers = {name: waves[name][2] for name in names}
    for name in names:
        comments, codes, respondents = waves[name]
        with _in_wave(name):
            if respondents is not None:
                respondents = answers[name] = closed_answers(
                    respondents, closed_columns=closed_columns,
                    not_free_text=not_free_text)
            raised = respondent_themes(comments, codes, respondents, themes=list(themes),
                                       base=base)
        # Given themes are the comparison (and the family the q-values adjust over).
        indicators[name] = raised[list(themes)] if chosen else raised
    prev, changes = _analyse(indicators, answers, by, paired, reference, test, alpha)
    frames = _aligned(indicators, names)
    stacked = pd.concat(frames, names=["wave", RESPONDENT_ID])
    settings = {"waves": names, "themes": list(stacked.columns),
                "by": [by] if isinstance(by, str) else list(by), "paired": paired,
                "reference": reference, "test": test, "base": base, "alpha": alpha,
                "themes_never_coded": absent,
                "closed_columns": None if closed_columns is None else list(closed_columns),
                "not_free_text": list(not_free_text),
                "multiple_testing": "Benjamini-Hochberg across themes and comparisons within "
                                    "each family: independent overall, paired, each subgroup "
                                    "variable"}
    return WaveComparison(stacked, prev, changes, settings)


def _themes_never_coded(waves: Mapping[str, Any], names: list[str],
                        themes: list[str]) -> dict[str, list[str]]:
    """Themes that some waves' codes mention and others' never do, not even unassigned.

    A coder writes a row for every theme of its codebook, assigned or not; a wave whose codes
    never name a theme was most likely coded with a codebook without it, so its 0% is no
    measurement. Logged as a warning and returned (theme -> those waves).
    """
    seen = {name: set(waves[name][1]["theme"].astype(str)) for name in names
            if "theme" in waves[name][1]}
    absent = {t: [n for n in names if n in seen and t not in seen[n]] for t in themes}
    absent = {t: w for t, w in absent.items() if w and len(w) < len(seen)}
    for theme, missing in absent.items():
        _log.warning("theme %r is never named in the codes of wave(s) %s, not even as "
                     "unassigned: if they were coded with a codebook without it, their 0%% "
                     "is no measurement and the change is not a finding.", theme,
                     ", ".join(repr(w) for w in missing))
    return absent


def wave_changes(indicators: Mapping[str, pd.DataFrame],
                 respondents: Mapping[str, pd.DataFrame | None] | None = None, *,
                 by: str | Sequence[str] = (), paired: bool = False,
                 reference: str = "previous", test: str = "fisher",
                 alpha: float = 0.05) -> pd.DataFrame:
    """The change in each theme's prevalence between waves, from each wave's indicators.

    Parameters
    ----------
    indicators : mapping of str to pandas.DataFrame
        Each wave's :func:`respondent_themes` (or ``link(...).indicators``), in wave order.
        A theme missing from a wave's columns counts as raised by nobody there.
    respondents : mapping of str to pandas.DataFrame, optional
        Each wave's respondents; needed for ``by``.
    by, paired, reference, test, alpha
        As in :func:`compare_waves`.

    Returns
    -------
    pandas.DataFrame
        One row per comparison x theme x analysis (and subgroup level), columns
        :data:`CHANGE_COLUMNS`: ``wave_from`` and ``wave_to``; ``analysis`` (``"independent"``
        or ``"paired"``); ``n`` of ``base`` raised the theme in each wave (for paired rows,
        among the young people in both); ``overlap``, the young people in both waves (with
        ``paired=True``); for paired rows the cells ``both, from_only, to_only, neither``;
        ``difference`` (``share_to - share_from``, a proportion) with ``ci_low, ci_high``;
        ``p_value``, ``test`` and ``q_value``; ``ci_level``, the intervals' confidence level
        (``1 - alpha``), as every table with an interval has it (last, as it came later).
        Subgroup rows have the subgroup's ``variable`` and ``level``; the others ``"all"``.

    Examples
    --------
    >>> ids = pd.Index([f"r{i}" for i in range(40)], name="respondent_id")
    >>> w1 = pd.DataFrame({"advocacy": [True] * 10 + [False] * 30}, index=ids)
    >>> w2 = pd.DataFrame({"advocacy": [True] * 22 + [False] * 18}, index=ids)
    >>> row = wave_changes({"w1": w1, "w2": w2}, paired=True).iloc[1]
    >>> row["analysis"], round(float(row["difference"]), 2), row["test"]
    ('paired', 0.3, 'mcnemar_exact')
    >>> bool(row["ci_low"] > 0), bool(row["p_value"] < 0.001)
    (True, True)
    """
    return _analyse(indicators, respondents, by, paired, reference, test, alpha)[1]


def _aligned(indicators: Mapping[str, pd.DataFrame], names: list[str]) -> dict[str, pd.DataFrame]:
    """Each wave's indicators with the same theme columns (missing ones all False)."""
    themes = list(dict.fromkeys(str(c) for n in names for c in indicators[n].columns))
    out = {}
    for name in names:
        frame = indicators[name]
        if not isinstance(frame, pd.DataFrame):
            raise InputError("The 'indicators' argument must map each wave name to a "
                             f"DataFrame. Wave {name!r} got {type(frame).__name__} instead.")
        copy = frame.copy()
        copy.columns = [str(c) for c in copy.columns]
        copy = copy.reindex(columns=themes, fill_value=False).astype(bool)
        copy.index = pd.Index(copy.index.astype(str), name=RESPONDENT_ID)
        dupes = sorted(set(copy.index[copy.index.duplicated()]))
        if dupes:
            raise ValidationError(f"wave {name!r} (indicators)", [Problem(
                "duplicate_id", "each respondent must have one row of indicators.",
                column=RESPONDENT_ID, ids=tuple(dupes))])
        out[name] = copy
    return out


def _analyse(indicators: Mapping[str, pd.DataFrame],
             respondents: Mapping[str, pd.DataFrame | None] | None, by: str | Sequence[str],
             paired: bool, reference: str, test: str,
             alpha: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each wave's prevalence (with a ``wave`` column) and the table of changes."""
    names = _wave_names(indicators, "indicators")
    check_alpha(alpha, "compare_waves")
    _check_test(test, "two-sided", "compare_waves")
    if reference not in REFERENCES:
        raise InputError(f"The 'reference' argument of compare_waves must be one of "
                         f"{list(REFERENCES)}. Got {reference!r} instead.")
    if not isinstance(paired, bool):
        raise InputError("The 'paired' argument of compare_waves must be True or False. Got "
                         f"{paired!r} instead.")
    variables = [by] if isinstance(by, str) else list(by)
    frames = _aligned(indicators, names)
    answers = dict(respondents or {})
    parts = []
    for name in names:
        resp = answers.get(name)
        if variables and resp is None:
            raise InputError(f"The 'by' argument needs the respondents of every wave; wave "
                             f"{name!r} has none.")
        with _in_wave(name):
            part = prevalence(frames[name], resp, variables if resp is not None else [],
                              alpha=alpha)
        part.insert(0, "wave", name)
        parts.append(part)
    prev = pd.concat(parts, ignore_index=True)
    # each wave's nested levels and answer cells, for disclosure control (concat keeps attrs
    # only where every wave has the same)
    prev.attrs[BY_WAVE] = {name: {key: part.attrs[key] for key in (LINKS, CELLS)
                                  if key in part.attrs} for name, part in zip(names, parts,
                                                                                strict=True)}
    pairs = [(names[i - 1] if reference == "previous" else names[0], names[i])
             for i in range(1, len(names))]
    rows: list[dict[str, Any]] = []
    for first, second in pairs:
        common = frames[first].index.intersection(frames[second].index, sort=False)
        if paired and not len(common):
            raise InputError(f"The 'paired' argument is True, but waves {first!r} and "
                             f"{second!r} share no respondent_id. Pair waves only when an id "
                             "is the same young person in each; else pass paired=False.")
        rows += _independent_rows(prev, first, second, len(common) if paired else None,
                                  test, alpha)
        if paired:
            rows += _paired_rows(frames[first].loc[common], frames[second].loc[common],
                                 first, second, alpha)
    out = pd.DataFrame(rows, columns=CHANGE_COLUMNS[:CHANGE_COLUMNS.index("q_value")])
    for column in ("overlap", "both", "from_only", "to_only", "neither"):
        out[column] = out[column].astype("Int64")
    family = out["analysis"] + "\x1f" + out["variable"].astype(str)
    q = pd.Series(np.nan, index=out.index, dtype=float)
    for index in out.groupby(family, sort=False).groups.values():
        q[index] = bh(out.loc[index, "p_value"].astype(float))
    out["q_value"] = q
    out["ci_level"] = ci_level(alpha)
    return prev, out


def _merged(first: list[Any], second: list[Any]) -> list[Any]:
    """The items of both lists in one order that keeps each list's own order.

    A level only the second wave has goes right after the level before it in that wave, so
    that each wave's cells keep the order of its own prevalence table (secondary suppression
    breaks ties by that order, and must choose as it does for that wave's published tables).
    """
    out = list(first)
    seen = set(out)
    for i, item in enumerate(second):
        if item in seen:
            continue
        before = next((x for x in reversed(second[:i]) if x in seen), None)
        out.insert(0 if before is None else out.index(before) + 1, item)
        seen.add(item)
    return out


def _side(part: pd.DataFrame, key: tuple[str, str, str]) -> tuple[int, int]:
    if key not in part.index:
        return 0, 0
    row = part.loc[key]
    return int(row["n"]), int(row["base"])


def _independent_rows(prev: pd.DataFrame, first: str, second: str, overlap: int | None,
                      test: str, alpha: float) -> list[dict[str, Any]]:
    key = ["theme", "variable", "level"]
    before = prev[prev["wave"] == first].set_index(key)
    after = prev[prev["wave"] == second].set_index(key)
    keys = _merged(list(before.index), list(after.index))
    rows = []
    for theme, variable, level in keys:
        n1, b1 = _side(before, (theme, variable, level))
        n2, b2 = _side(after, (theme, variable, level))
        diff = low = high = p = math.nan
        used = "none"
        if b1 > 0 and b2 > 0:
            from statsmodels.stats.proportion import confint_proportions_2indep

            diff = n2 / b2 - n1 / b1
            low, high = (float(v) for v in confint_proportions_2indep(
                n2, b2, n1, b1, method="newcomb", compare="diff", alpha=alpha))
            table = np.array([[n2, b2 - n2], [n1, b1 - n1]], dtype=float)
            p, used = _p_value(table, test, "two-sided", False)
        rows.append({
            "theme": theme, "variable": variable, "level": level, "wave_from": first,
            "wave_to": second, "analysis": "independent", "n_from": n1, "base_from": b1,
            "share_from": n1 / b1 if b1 else math.nan, "n_to": n2, "base_to": b2,
            "share_to": n2 / b2 if b2 else math.nan,
            "overlap": overlap if overlap is not None and variable == ALL else math.nan,
            "both": math.nan, "from_only": math.nan, "to_only": math.nan, "neither": math.nan,
            "difference": diff, "ci_low": min(low, diff), "ci_high": max(high, diff),
            "p_value": p, "test": used})
    return rows


def paired_difference_ci(both: int, from_only: int, to_only: int, neither: int,
                         alpha: float = 0.05) -> tuple[float, float, float]:
    """Difference of paired proportions with Newcombe's square-and-add interval.

    Method 10 of Newcombe (1998), *Improved confidence intervals for the difference between
    binomial proportions based on paired data*, Statistics in Medicine 17: 2635-2650: the
    Wilson interval of each wave's share, combined with the phi correlation of the paired
    table (continuity-corrected as Newcombe does).

    Parameters
    ----------
    both, from_only, to_only, neither : int
        Young people who raised the theme in both waves, in the first only, in the second
        only, in neither.
    alpha : float, default 0.05
        1 - confidence level.

    Returns
    -------
    tuple of float
        ``(difference, low, high)``, the difference being the second share minus the first.

    Examples
    --------
    The Cavo et al. (2012) example of Fagerland, Lydersen and Laake (2017), *Statistical
    Analysis of Contingency Tables*, chapter 8: 59, 6, 16, 80 gives 0.0621 (0.0046 to
    0.1186).

    >>> [round(v, 4) for v in paired_difference_ci(59, 6, 16, 80)]
    [0.0621, 0.0046, 0.1186]
    """
    n = both + from_only + to_only + neither
    if n <= 0:
        return math.nan, math.nan, math.nan
    p1, p2 = (both + from_only) / n, (both + to_only) / n
    l1, u1 = _wilson(both + from_only, n, alpha)
    l2, u2 = _wilson(both + to_only, n, alpha)
    margins = float((both + from_only) * (to_only + neither) * (both + to_only)
                    * (from_only + neither))
    phi = 0.0
    if margins > 0:
        cross = float(both * neither - from_only * to_only)
        cross = cross - n / 2 if cross > n / 2 else min(cross, 0.0)
        phi = cross / math.sqrt(margins)
    diff = p2 - p1
    down = (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2
    up = (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1) + (p1 - l1) ** 2
    return diff, diff - math.sqrt(max(down, 0.0)), diff + math.sqrt(max(up, 0.0))


def _paired_rows(before: pd.DataFrame, after: pd.DataFrame, first: str, second: str,
                 alpha: float) -> list[dict[str, Any]]:
    from statsmodels.stats.contingency_tables import mcnemar

    n = len(before)
    rows = []
    for theme in before.columns:
        x = before[theme].to_numpy(dtype=bool)
        y = after[theme].to_numpy(dtype=bool)
        both, from_only = int((x & y).sum()), int((x & ~y).sum())
        to_only, neither = int((~x & y).sum()), int((~x & ~y).sum())
        diff, low, high = paired_difference_ci(both, from_only, to_only, neither, alpha)
        p, used = math.nan, "none"
        # nothing to test when nobody, or everybody, raised it in both waves (as for the
        # independent rows, whose table then has an empty margin)
        if both + from_only + to_only > 0 and neither + from_only + to_only > 0:
            p = float(mcnemar([[both, from_only], [to_only, neither]], exact=True).pvalue)
            used = "mcnemar_exact"
        rows.append({
            "theme": str(theme), "variable": ALL, "level": ALL, "wave_from": first,
            "wave_to": second, "analysis": "paired", "n_from": both + from_only,
            "base_from": n, "share_from": (both + from_only) / n, "n_to": both + to_only,
            "base_to": n, "share_to": (both + to_only) / n, "overlap": n, "both": both,
            "from_only": from_only, "to_only": to_only, "neither": neither,
            "difference": diff, "ci_low": low, "ci_high": high, "p_value": p, "test": used})
    return rows
