"""Typing closed answers: numbers, ordered and unordered categories
(:func:`type_answers`, re-exported by :mod:`carevoice.corpus`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._answer_codes import MissingValues, _answers, _codes_by_column, _drop_codes, _shown_answers
from ._answer_levels import _known_order, _level_orders, _natural, _range_key
from ._decimals import decimal_comma_kind, from_decimal_comma
from ._wording import excel_dates
from .errors import Problem, ValidationError
from .schema import RESPONDENT_ID

logger = logging.getLogger("carevoice.corpus")


def _warn_mostly_numeric(column: Any, present: pd.Series, numeric: pd.Series) -> None:
    """Log a column of mostly numbers that some other answers make a category."""
    is_number = numeric.notna()
    n_numbers, n_other = int(is_number.sum()), int((~is_number).sum())
    if n_numbers == 0 or n_numbers < n_other:
        return
    listed = _shown_answers(present[~is_number])
    others_text = (f"{n_other} other answer ({listed}) makes" if n_other == 1
                   else f"{n_other} other answers ({listed}) make")
    logger.warning(
        "column %r: %d of %d answers are numbers, but %s the column an unordered category "
        "(each number a level of its own), not numbers. If these answers mean "
        "'no answer' (\"don't know\", -99), give them as missing values (missing_values=[...]; "
        "--missing-value on the command line; [input] missing_values in a batch run); if "
        "they are real answers, give the column's order (levels={column: [...]}; --levels "
        "'COLUMN=LEVEL,LEVEL,...' on the command line; [input] levels in a batch run).",
        column, n_numbers, len(present), others_text)


def _warn_excel_dates(column: Any, present: pd.Series) -> None:
    """Log a column of ranges ("8-10", "11-13") some of which Excel turned into dates."""
    dated = excel_dates(present)
    ranges = present[~dated].map(_range_key)
    if not dated.any() or dated.all() or ranges.isna().any():
        return
    logger.warning(
        "column %r: %d answers (%s) look like ranges that Excel turned into dates ('8-10' "
        "saved as '08-Oct', or as a date cell), among answers that are ranges ('11-13'): "
        "each date is read as a level of its own and the ranges lose their order. Write "
        "the ranges back in the file (format the column as Text in Excel first), or give "
        "the column's order (levels=...).", column, int(dated.sum()),
        _shown_answers(present[dated]))


def _decimal_comma(column: Any, present: pd.Series, attrs: Mapping[str, Any],
                   enabled: bool = True) -> bool:
    """Whether to read a column of numbers written with a decimal comma as numbers: yes in a
    ``;``-separated file (with a notice), else no (with a warning); never when ``enabled`` is
    False (``decimal_comma=False``, ``--no-decimal-comma``); see :mod:`carevoice._decimals`."""
    kind = decimal_comma_kind(present)
    if kind is None:
        return False
    if not enabled:
        logger.info("column %r: answers such as 6,5 are read as text, not as numbers with a "
                    "decimal comma (decimal_comma=False).", column)
        return False
    if kind == "decimal" and attrs.get("separator") == ";":
        logger.warning(
            "column %r: its answers are numbers written with a decimal comma (such as 6,5), as "
            "Excel saves them in this ;-separated file, and are read as numbers (6,5 as 6.5). "
            "If they are categories, give the column's order with levels=.", column)
        return True
    why = ("every comma could also be a thousands separator (1,500 is 1.5 in one locale and "
           "1500 in another). If they are numbers, write them without the comma (1500) or with "
           "a decimal point (1.5)" if kind == "ambiguous"
           else "a decimal comma is read as such only in a ;-separated file, as Excel saves "
                "one where the comma is the decimal mark. If they are numbers, write them with "
                "a decimal point (6.5), or save the file from Excel as CSV with ; between values")
    logger.warning(
        "column %r: its answers look like numbers written with a comma (such as 6,5) but are "
        "read as text, an unordered category (each number a level of its own): %s.", column, why)
    return False


def type_answers(respondents: pd.DataFrame,
                 levels: Mapping[str, Sequence[str]] | None = None, *,
                 missing_values: MissingValues | None = None,
                 decimal_comma: bool = True) -> pd.DataFrame:
    """Type closed answers: numbers where numeric, ordered categoricals where the order is known.

    Answers are stripped of surrounding spaces first, and blank answers are missing, so that
    ``"Always "`` and ``"always"`` are one level and a blank cell does not turn a number column
    into text. Known scales and given levels are matched ignoring case.

    Survey exports often mark a non-answer with a code ("don't know", "prefer not to say",
    "N/A", -99, 999). Such codes are answers like any other unless you list them in
    ``missing_values``: then they become missing before the column is typed, so a column of
    numbers with some "don't know" answers stays numeric and -99 no longer drags its mean
    down. Nothing is treated as a code by default, since 0 or 99 can be real answers ("how
    many times have you moved?"). A column where at least half the answers are numbers but
    some are not is typed as an unordered category (each number a level of its own, in number
    order: ``"2"`` before ``"10"``); a warning on the ``carevoice.corpus`` logger names the
    column, counts the answers that are not numbers and shows up to five of them (those of at
    most 20 characters given by two respondents or more, as codes such as "don't know" are;
    an answer given by one respondent only is counted, never shown, since it can identify
    them), so that you can list them in ``missing_values`` or give ``levels``.

    Parameters
    ----------
    respondents : pandas.DataFrame
        String-valued answers (as read by :func:`carevoice.corpus.read_table`);
        ``respondent_id`` is left as is.
    levels : mapping of str to sequence of str, optional
        Level order per column, overriding detection: the column becomes an ordered
        categorical with these categories, in this order. Answers not in the list (ignoring
        case) are an error naming the column and the respondents, which shows such answers
        only as the warning above does (an answer given once is counted, never
        shown). Naming a column that ``respondents`` lacks is an error too.
    missing_values : sequence or mapping, optional
        Answers that mean "no answer" and become missing before typing. A list of codes
        (``["don't know", "-99"]``) applies to every column; a mapping gives each column its
        own list, ``"*"`` giving the list for every column not named
        (``{"*": ["don't know"], "times_moved": ["don't know", "99"]}``; a column given
        ``[]`` keeps all its answers). A code matches an answer after stripping spaces,
        ignoring case, runs of spaces and the kind of apostrophe (``"Don’t  know"``), and a
        code that is a number matches the same number however it is written (``-99`` matches
        ``"-99"`` and ``"-99.0"``). How many answers of each column became missing is logged
        at INFO level.
    decimal_comma : bool, default True
        In a ``;``-separated file (``respondents.attrs["separator"]``, as the readers record
        it), read a column whose answers are all numbers, some written with a decimal comma
        (``6,5``), as numbers, with a notice naming it. False keeps such a column as text, an
        unordered category (``"1,5"`` a level of its own).

    Returns
    -------
    pandas.DataFrame
        A typed copy: ``Int64`` / ``Float64`` for numeric columns; ordered ``category`` for
        columns matching ``levels``, one of :data:`KNOWN_SCALES` or numeric ranges such as
        ``"8-10"``, ``"11-13"``, ``"22+"``; unordered ``category`` otherwise.

    Raises
    ------
    ValidationError
        If answers are not in the levels given for their column.
    InputError
        If ``missing_values`` is not a list of codes (text or numbers) or a mapping of such
        lists, if ``levels`` is not a mapping of lists or gives a level twice, or if either
        names a column that ``respondents`` lacks.

    Examples
    --------
    >>> import pandas as pd
    >>> df = type_answers(pd.DataFrame({"respondent_id": ["1", "2", "3"],
    ...                                 "age_group": ["11-13", "8-10", "8-10"],
    ...                                 "feels_safe": ["always", "sometimes", "Always "],
    ...                                 "score": ["7", "5", " "]}))
    >>> list(df["age_group"].cat.categories), list(df["feels_safe"].cat.categories)
    (['8-10', '11-13'], ['sometimes', 'always'])
    >>> df["score"].tolist()
    [7, 5, <NA>]

    A "don't know" among numbers, and an SPSS-style -99:

    >>> answers = pd.DataFrame({"respondent_id": ["1", "2", "3"],
    ...                         "placements": ["4", "10", "Don't know"],
    ...                         "contact_hours": ["3", "-99.0", "5"]})
    >>> typed = type_answers(answers, missing_values=["don't know", -99])
    >>> typed["placements"].tolist(), float(typed["contact_hours"].mean())
    ([4, 10, <NA>], 4.0)
    """
    out = respondents.copy()
    levels = _level_orders(levels, [c for c in out.columns if c != RESPONDENT_ID])
    codes = _codes_by_column(missing_values, [c for c in out.columns if c != RESPONDENT_ID])
    problems = []
    for col in out.columns:
        if col == RESPONDENT_ID:
            continue
        values = _answers(out[col])
        if col in codes:
            values, n_codes = _drop_codes(values, codes[col])
            if n_codes:
                logger.info("column %r: %d answers are missing-value codes, now missing", col,
                            n_codes)
        present = values.dropna().astype(str)
        if col in levels:
            order = levels[col]
            folded: dict[str, str] = {}
            for level in order:
                folded.setdefault(level.casefold(), level)
            mapped = present.map(lambda v, o=order, f=folded: v if v in o
                                 else f.get(v.casefold(), v))
            outside = ~mapped.isin(order)
            if outside.any():
                n_out = int(outside.sum())
                problems.append(Problem(
                    "unknown_level", f"{n_out} answer{'s are' if n_out > 1 else ' is'} not "
                    f"among the levels given for this column ({_shown_answers(present[outside])}"
                    f"; the order given: {order}). Add the missing levels to the order, or "
                    "list codes such as \"don't know\" as missing values.", column=str(col),
                    ids=tuple(out.loc[mapped.index[outside], RESPONDENT_ID].astype(str))
                    if RESPONDENT_ID in out else ()))
                continue
            values.loc[mapped.index] = mapped
            out[col] = pd.Categorical(values, categories=order, ordered=True)
            continue
        if present.empty:
            out[col] = values.astype("string")
            continue
        numeric = pd.to_numeric(present, errors="coerce")
        if not numeric.notna().all() and _decimal_comma(col, present, out.attrs,
                                                        decimal_comma):
            values, present = values.map(from_decimal_comma), present.map(from_decimal_comma)
            numeric = pd.to_numeric(present, errors="coerce")
        if numeric.notna().all():
            full = pd.to_numeric(values, errors="coerce")
            out[col] = full.astype("Int64" if np.all(np.mod(numeric, 1) == 0) else "Float64")
            continue
        known = _known_order(present.tolist())
        if known is not None:
            order, spelling = known
            values.loc[present.index] = present.map(spelling)
            out[col] = pd.Categorical(values, categories=order, ordered=True)
        else:
            if decimal_comma_kind(present) is None:  # else _decimal_comma has said why
                _warn_mostly_numeric(col, present, numeric)
            _warn_excel_dates(col, present)
            values.loc[present.index] = present
            out[col] = pd.Categorical(values, categories=sorted(set(present), key=_natural),
                                      ordered=False)
    if problems:
        raise ValidationError("respondents", problems)
    return out
