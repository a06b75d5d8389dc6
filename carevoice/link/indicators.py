"""Respondent-level theme indicators and the helpers every linkage table shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .._answers import answer_levels, level_label, level_labels
from .._decimals import comma_number
from ..errors import InputError, Problem, ValidationError
from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT

__all__ = ["ALL", "DEFAULT_EXCLUDE", "categorical_variables", "group_levels",
           "numeric_variables", "respondent_themes", "unknown_respondent_problems"]

#: The ``variable`` and ``level`` of the overall rows of a prevalence table.
ALL = "all"

#: Columns that are not tested by default in :func:`carevoice.link.associations`. ``survey``
#: says which questionnaire a respondent answered (children in care or care leavers); the two
#: questionnaires ask different free-text questions, so a theme's difference between them
#: measures the questions as much as the young people. It is still used for prevalence by
#: subgroup.
DEFAULT_EXCLUDE: tuple[str, ...] = ("survey",)

#: Values of an ``assigned`` column read as true (case-insensitive, after str()).
_NO_THEME = "no_theme"
TESTS = ("fisher", "chi2", "auto")
ALTERNATIVES = ("two-sided", "greater", "less")


# --------------------------------------------------------------------------------------------
# Respondent-level indicators
# --------------------------------------------------------------------------------------------
def _assigned(codes: pd.DataFrame) -> pd.Series:
    from .._flags import assigned_mask

    return pd.Series(assigned_mask(codes), index=codes.index)


def _present(ids: pd.Series) -> pd.Series:
    """Which ids are given (not missing, not blank)."""
    return ids.notna() & (ids.astype(str).str.strip() != "")


def _comment_problems(comments: pd.DataFrame) -> list[Problem]:
    """Comments without a respondent, and duplicated comment ids (named by comment_id)."""
    problems = []
    cid = comments[COMMENT_ID].astype(str)
    orphans = cid[~_present(comments[RESPONDENT_ID])]
    if len(orphans):
        problems.append(Problem(
            "missing_respondent_id", "comments have no respondent_id; give each comment the "
            "respondent who wrote it.", column=RESPONDENT_ID, ids=tuple(orphans)))
    dupes = sorted(set(cid[cid.duplicated()]))
    if dupes:
        problems.append(Problem(
            "duplicate_id", "comment ids must be unique.", column=COMMENT_ID, ids=tuple(dupes)))
    return problems


def _respondent_problems(respondents: pd.DataFrame) -> list[Problem]:
    """Duplicated or missing respondent ids in a respondents frame (the readers' check)."""
    from .._files import Table
    from .._validate import _id_problems, normalise_ids

    return _id_problems(normalise_ids(respondents[RESPONDENT_ID]), RESPONDENT_ID,
                        Table.of_frame(respondents, "respondents"))


def unknown_respondent_problems(respondent_ids: Iterable[object],
                                respondents: pd.DataFrame) -> list[Problem]:
    """The cross-file check: comments whose respondent is not in the respondents frame.

    ``link``, ``report``, ``export-qdpx`` and the batch runner all call this one check, so a
    respondents file whose ids do not match the comments' (``"007"`` against ``7`` after a
    spreadsheet dropped the leading zeros) is refused with the same ``unknown_respondent``
    problem everywhere.

    Parameters
    ----------
    respondent_ids : iterable
        The ``respondent_id`` of each comment (missing and blank ids are skipped).
    respondents : pandas.DataFrame
        Has a ``respondent_id`` column.

    Returns
    -------
    list of Problem
        Empty, or one ``unknown_respondent`` problem naming the ids not found (as text).

    Examples
    --------
    >>> respondents = pd.DataFrame({"respondent_id": [7, 8]})
    >>> [p.check for p in unknown_respondent_problems(["007", "8"], respondents)]
    ['unknown_respondent']
    """
    ids = pd.Series(list(respondent_ids), dtype=object)
    given = set(ids[_present(ids)].astype(str)) if len(ids) else set()
    missing = sorted(given - set(respondents[RESPONDENT_ID].astype(str)))
    if not missing:
        return []
    return [Problem("unknown_respondent", "comments come from respondents that are not in the "
                    "respondents file.", column=RESPONDENT_ID, ids=tuple(missing))]


def respondent_themes(comments: pd.DataFrame, codes: pd.DataFrame,
                      respondents: pd.DataFrame | None = None, *,
                      themes: Sequence[str] | None = None,
                      base: str = "commented") -> pd.DataFrame:
    """Turn comment-level theme codes into respondent-level indicators.

    A respondent raises a theme when any of their comments is assigned it.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``respondent_id`` (and ``text``: rows with missing text are
        unanswered questions and do not count).
    codes : pandas.DataFrame
        Long codes frame: ``comment_id``, ``theme`` and optionally ``assigned`` (bool or
        ``"true"``/``"false"``; missing means every row is assigned). ``no_theme`` rows are
        ignored.
    respondents : pandas.DataFrame, optional
        With ``respondent_id``. Needed for ``base="all"``; when given, every respondent of
        ``comments`` must be in it.
    themes : sequence of str, optional
        The themes to report, in order (e.g. the codebook's ids). Default: every theme in
        ``codes``, in order of first appearance. Themes nobody raised get an all-false column.
    base : {"commented", "all"}, default "commented"
        Who is in the denominator: respondents who answered at least one free-text question, or
        every respondent in ``respondents``.

    Returns
    -------
    pandas.DataFrame
        Boolean, one row per respondent (index ``respondent_id``), one column per theme.

    Raises
    ------
    ValidationError
        If a column is missing or codes name ``comment_id`` values that are not in ``comments``.

    Examples
    --------
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2", "c3"],
    ...                          "respondent_id": ["r1", "r1", "r2"]})
    >>> codes = pd.DataFrame({"comment_id": ["c1", "c3"], "theme": ["money", "safety"],
    ...                       "assigned": [True, False]})
    >>> respondent_themes(comments, codes)
                   money  safety
    respondent_id
    r1              True   False
    r2             False   False
    """
    if base not in ("commented", "all"):
        raise InputError("The 'base' argument of respondent_themes must be one of "
                         f"['commented', 'all']. Got {base!r} instead.")
    problems = [Problem("missing_column", f"comments must have a {col!r} column.", column=col)
                for col in (COMMENT_ID, RESPONDENT_ID) if col not in comments]
    problems += [Problem("missing_column", f"codes must have a {col!r} column.", column=col)
                 for col in (COMMENT_ID, "theme") if col not in codes]
    if problems:
        raise ValidationError("comments/codes", problems)
    answered = comments
    if TEXT in comments:
        answered = comments[comments[TEXT].notna()]
    problems = _comment_problems(comments)
    cid = answered[COMMENT_ID].astype(str)
    rid = answered[RESPONDENT_ID].astype(str)
    owned = _present(answered[RESPONDENT_ID]).to_numpy() & ~cid.duplicated(keep=False).to_numpy()
    owner = pd.Series(rid.to_numpy()[owned], index=cid.to_numpy()[owned])
    code_ids = codes[COMMENT_ID].astype(str)
    unknown = sorted(set(code_ids) - set(comments[COMMENT_ID].astype(str)))
    if unknown:
        problems.append(Problem(
            "unknown_comment", "codes name comments that are not in the comments file; "
            "pass the comments that were coded.", column=COMMENT_ID, ids=tuple(unknown)))
    if respondents is not None:
        if RESPONDENT_ID not in respondents:
            problems.append(Problem(
                "missing_column", "respondents must have a 'respondent_id' column.",
                column=RESPONDENT_ID))
        else:
            problems += _respondent_problems(respondents)
            problems += unknown_respondent_problems(owner, respondents)
    if problems:
        raise ValidationError("comments/codes/respondents", problems)
    theme_col = codes["theme"].astype(str)
    keep = _assigned(codes).to_numpy() & (theme_col != _NO_THEME).to_numpy()
    keep &= code_ids.isin(owner.index).to_numpy()
    raised = pd.DataFrame({RESPONDENT_ID: owner.loc[code_ids[keep]].to_numpy(),
                           "theme": theme_col[keep].to_numpy()})
    order = list(themes) if themes is not None else list(
        dict.fromkeys(t for t in theme_col if t != _NO_THEME))
    if themes is not None:
        order += [t for t in dict.fromkeys(raised["theme"]) if t not in set(order)]
    rid = rid[owned]
    if base == "all":
        if respondents is None:
            raise InputError("respondent_themes(base='all') needs the 'respondents' argument.")
        index = list(dict.fromkeys(respondents[RESPONDENT_ID].astype(str)))
    else:
        index = list(dict.fromkeys(rid))
    table = pd.crosstab(raised[RESPONDENT_ID], raised["theme"]) > 0 if len(raised) else \
        pd.DataFrame(index=pd.Index([], name=RESPONDENT_ID))
    out = table.reindex(index=index, columns=order, fill_value=False).astype(bool)
    out.index.name = RESPONDENT_ID
    out.columns.name = None
    return out


# --------------------------------------------------------------------------------------------
# Variables
# --------------------------------------------------------------------------------------------
def _is_numeric(series: pd.Series) -> bool:
    return bool(pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series))


def categorical_variables(respondents: pd.DataFrame,
                          exclude: Iterable[str] = ()) -> list[str]:
    """Return the categorical (non-numeric) answer columns of a respondents frame.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Typed respondents (see :func:`carevoice.read_respondents`).
    exclude : iterable of str, default ()
        Columns to leave out.

    Returns
    -------
    list of str
        Column names in frame order, without ``respondent_id``.

    Examples
    --------
    >>> df = pd.DataFrame({"respondent_id": ["a"], "age_group": ["8-10"], "score": [3]})
    >>> categorical_variables(df)
    ['age_group']
    """
    skip = set(exclude) | {RESPONDENT_ID}
    return [c for c in respondents.columns if c not in skip and not _is_numeric(respondents[c])]


def numeric_variables(respondents: pd.DataFrame, exclude: Iterable[str] = ()) -> list[str]:
    """Return the numeric answer columns of a respondents frame.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Typed respondents.
    exclude : iterable of str, default ()
        Columns to leave out.

    Returns
    -------
    list of str
        Column names in frame order.

    Examples
    --------
    >>> df = pd.DataFrame({"respondent_id": ["a"], "age_group": ["8-10"], "score": [3]})
    >>> numeric_variables(df)
    ['score']
    """
    skip = set(exclude) | {RESPONDENT_ID}
    return [c for c in respondents.columns if c not in skip and _is_numeric(respondents[c])]




def group_levels(respondents: pd.DataFrame,
                 groups: Mapping[str, Mapping[str, Sequence[str]]]) -> pd.DataFrame:
    """Merge levels of categorical answers, e.g. ``"no"`` and ``"not_sure"`` into one.

    Parameters
    ----------
    respondents : pandas.DataFrame
        Respondents; not modified.
    groups : mapping
        ``{variable: {new_level: [old levels]}}``. Levels not named keep their value. The new
        level takes the place of the first old level in the level order.

    Returns
    -------
    pandas.DataFrame
        A copy with the grouped variables as categoricals (ordered if they were).

    Raises
    ------
    InputError
        If a variable or an old level does not exist.

    Examples
    --------
    >>> df = pd.DataFrame({"respondent_id": ["a", "b", "c"],
    ...                    "knows_advocate": ["yes", "no", "not_sure"]})
    >>> grouped = group_levels(df, {"knows_advocate": {"no_or_not_sure": ["no", "not_sure"]}})
    >>> grouped["knows_advocate"].tolist()
    ['yes', 'no_or_not_sure', 'no_or_not_sure']
    """
    out = respondents.copy()
    for variable, mapping in groups.items():
        if variable not in out:
            raise InputError(f"The 'groups' argument names the variable {variable!r}, which is "
                             f"not a respondents column. Columns: {list(out.columns)}.")
        col = out[variable]
        old_order = list(dict.fromkeys(map(level_label, col.cat.categories))) if isinstance(
            col.dtype, pd.CategoricalDtype) else answer_levels(col)
        recode: dict[str, str] = {}
        for new, olds in mapping.items():
            for old in ([olds] if isinstance(olds, str) else olds):
                if str(old) not in old_order:
                    raise InputError(
                        f"The 'groups' argument maps level {old!r} of {variable!r}, which does "
                        f"not exist. Levels: {old_order}.")
                recode[str(old)] = str(new)
        order = list(dict.fromkeys(recode.get(lev, lev) for lev in old_order))
        values = [None if v is None else recode.get(v, v) for v in level_labels(col)]
        ordered = bool(getattr(col.dtype, "ordered", False))
        out[variable] = pd.Categorical(values, categories=order, ordered=ordered)
    return out


def _weights(respondents: pd.DataFrame | None, weights: str | pd.Series | None,
             index: pd.Index) -> np.ndarray | None:
    if weights is None:
        return None
    if isinstance(weights, str):
        if respondents is None or weights not in respondents:
            raise InputError(f"The 'weights' argument names the column {weights!r}, which is not "
                             "in the respondents frame.")
        series = respondents.set_index(respondents[RESPONDENT_ID].astype(str))[weights]
    else:
        series = pd.Series(weights)
        series.index = series.index.astype(str)
    given = series.reindex(index).astype(object)
    w = pd.to_numeric(given, errors="coerce").astype(float).to_numpy()
    # a weight given but not a number (text such as 0,75) is named as such, not as negative
    unread = [str(i) for i, v, x in zip(index, given, w, strict=True)
              if not pd.isna(v) and np.isnan(x)]
    named = set(unread)
    bad = [str(i) for i, v in zip(index, w, strict=True)
           if (not np.isfinite(v) or v < 0) and str(i) not in named]
    column = weights if isinstance(weights, str) else None
    problems = []
    if unread:
        comma = ("; they are written with a decimal comma (0,75), which is read as one only in "
                 "a ;-separated file, as Excel saves one where the comma is the decimal mark: "
                 "write them with a decimal point (0.75) or save the file from Excel as CSV "
                 "with ; between values" if any(comma_number(str(v)) for v in given) else "")
        problems.append(Problem(
            "bad_weight", f"survey weights must be numbers; these were not read as numbers"
            f"{comma}.", column=column, ids=tuple(unread)))
    if bad:
        problems.append(Problem(
            "bad_weight", "survey weights must be finite and non-negative for every analysed "
            "respondent.", column=column, ids=tuple(bad)))
    if problems:
        raise ValidationError("weights", problems)
    return w


def _kish(w: np.ndarray) -> float:
    total = float(w.sum())
    return total * total / float((w * w).sum()) if total > 0 else 0.0


def _joined(indicators: pd.DataFrame, respondents: pd.DataFrame) -> pd.DataFrame:
    if RESPONDENT_ID not in respondents:
        raise ValidationError("respondents", [Problem(
            "missing_column", "respondents must have a 'respondent_id' column.",
            column=RESPONDENT_ID)])
    problems = _respondent_problems(respondents)
    if problems:
        raise ValidationError("respondents", problems)
    answers = respondents.set_index(respondents[RESPONDENT_ID].astype(str))
    answers = answers.drop(columns=[RESPONDENT_ID])
    index = indicators.index.astype(str)
    missing = sorted(set(index) - set(answers.index))
    if missing:
        raise ValidationError("respondents", [Problem(
            "unknown_respondent", "the theme indicators hold respondents that are not in the "
            "respondents frame.", column=RESPONDENT_ID, ids=tuple(missing))])
    return answers.loc[index]


def check_alpha(alpha: float, where: str) -> None:
    if not isinstance(alpha, (int, float)) or not 0 < alpha < 1:
        raise InputError(f"The 'alpha' argument of {where} must be a number in (0, 1). "
                         f"Got {alpha!r} instead.")


def ci_level(alpha: float) -> float:
    """The confidence level ``1 - alpha`` that the tables record beside their intervals
    (``ci_level``), rounded so that 0.05 gives 0.95, not 0.9500000000000001."""
    return round(1 - float(alpha), 10)


def bh(p: pd.Series) -> pd.Series:
    """Benjamini-Hochberg q values over the p values given (NaN: not tested, no q)."""
    from statsmodels.stats.multitest import multipletests

    q = pd.Series(np.nan, index=p.index, dtype=float)
    ok = p.notna()
    if ok.any():
        q[ok] = multipletests(p[ok].to_numpy(dtype=float), method="fdr_bh")[1]
    return q


def bh_shown(p: pd.Series, hidden: pd.Series, q: pd.Series | None = None) -> pd.Series:
    """Benjamini-Hochberg q values of the shown rows of a family, as if every hidden row's p
    value were 1.

    A q value adjusted over the whole family moves with the p values of the hidden rows, so
    that the q printed beside a shown row would tell a reader where a hidden row's p lies, and
    so its count. With every hidden p taken as 1, the shown rows take the first ranks of the
    family of ``m`` tests: each shown q depends only on the shown p values and ``m`` (the
    tested rows, hidden ones included), and is at least its q over the true p values (raising
    p values never lowers a q value), so the adjustment stays conservative.

    Parameters
    ----------
    p : pandas.Series
        The family's p values (NaN: not tested).
    hidden : pandas.Series of bool
        The rows that are suppressed, on the same index.
    q : pandas.Series, optional
        The q values over the true p values (:func:`bh` of ``p``): handed back unchanged when
        no tested row is hidden, and kept for the hidden rows (which print no figure).

    Returns
    -------
    pandas.Series
        The q values: the shown rows' adjusted so, the hidden rows' as in ``q`` (or NaN).

    Examples
    --------
    >>> p = pd.Series([0.01, 0.04, 0.03])
    >>> bh_shown(p, pd.Series([False, True, False])).round(3).tolist()
    [0.03, nan, 0.045]
    """
    hidden = pd.Series(np.asarray(hidden, dtype=bool), index=p.index)
    p = pd.to_numeric(p, errors="coerce").astype(float)
    base = bh(p) if q is None else pd.Series(q, index=p.index, dtype=float)
    if not (hidden & p.notna()).any():
        return base if q is not None else base.where(~hidden)
    adjusted = bh(p.where(~hidden | p.isna(), 1.0))
    return adjusted.where(~hidden, base if q is not None else np.nan)
