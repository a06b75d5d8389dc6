"""Closed survey answers: typing them, and telling them from free text.

The public names (:data:`KNOWN_SCALES`, :data:`MissingValues`, :func:`type_answers`,
:func:`free_text_columns`, :func:`closed_answers`) are re-exported by :mod:`carevoice.corpus`.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._answer_names import person_named, plain_labels
from ._decimals import decimal_comma_kind, from_decimal_comma
from ._multiselect import undeclared_write_ins
from ._platforms import option_columns_message, unnamed_option_columns
from ._stat_files import VOUCHED_ATTR, file_hints
from ._wording import (
    IDENTIFIER,
    PLATFORM_IDENTIFIER,
    all_dates,
    answer_keys,
    closed_labels,
    closed_list,
    excel_dates,
    header_texts,
    names_a_list,
    platform_identifier,
    question_asks,
    repeated_short,
    replies_only,
)
from .errors import InputError, Problem, ValidationError
from .schema import COMMENT_COLUMNS, RESPONDENT_ID

logger = logging.getLogger("carevoice.corpus")

#: The ``missing_values`` argument: codes that mean "no answer" in every column (``["don't
#: know", -99]``), or per column (``{"times_moved": ["-99"], "*": ["don't know"]}``; ``"*"``
#: covers every column not named).
MissingValues = Sequence[str | float] | Mapping[str, Sequence[str | float]]

#: Ordered answer scales recognised when typing closed answers. A column whose values all belong
#: to one scale (ignoring case, spaces, hyphens and the kind of apostrophe: "Don't know" and
#: "Don’t know" are one answer) becomes an ordered categorical in this order. Pass ``levels=``
#: to override.
KNOWN_SCALES: tuple[tuple[str, ...], ...] = (
    ("never", "hardly_ever", "sometimes", "mostly", "always"),
    ("never", "rarely", "sometimes", "often", "always"),
    ("no_contact", "too_little", "just_right", "too_much"),
    ("strongly_disagree", "disagree", "neither", "agree", "strongly_agree"),
    ("very_unhappy", "unhappy", "ok", "happy", "very_happy"),
    ("no", "not_sure", "yes"),
    ("no", "unsure", "yes"),
    ("no", "don't_know", "yes"),
    ("no", "dont_know", "yes"),
    ("no", "yes"),
)

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$|^\s*(\d+)\s*\+\s*$")


#: How :func:`closed_answers` tells a Python user to leave columns out or keep them.
PYTHON_WAY_OUT = ("Leave them out of the frame (respondents.drop(columns=[...])) or, if one is "
                  "a closed question after all, vouch for it with not_free_text=[...]: the "
                  "other columns are kept and checked as before (closed_columns=[...] would "
                  "keep only the columns it lists).")

#: How :func:`closed_answers` tells a Python user to declare a tick-all-that-apply question
#: whose option columns have no header, and to leave columns out (see
#: :func:`carevoice._platforms.option_columns_message`).
PYTHON_UNNAMED_HOW = ("read_respondents(..., multi_select={{{quoted}: {listed}}})",
                      "respondents.drop(columns=[...])")

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _code_key(value: str) -> str:
    """A code or answer as matched: stripped, spaces collapsed, any case, any apostrophe."""
    return re.sub(r"\s+", " ", value.strip()).casefold().translate(_APOSTROPHES)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return None if math.isnan(number) else number
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return float(value)
    return None


class _Codes:
    """The missing-value codes of a column; calling it on an answer says if it is one."""

    def __init__(self, codes: Sequence[Any]) -> None:
        self.texts = {_code_key(str(c)) for c in codes}
        self.numbers = {n for n in map(_as_number, codes) if n is not None}

    def __call__(self, value: Any) -> bool:
        if isinstance(value, str) and _code_key(value) in self.texts:
            return True
        number = _as_number(value) if self.numbers else None
        return number is not None and number in self.numbers


def _code_list(codes: Any, where: str) -> list[Any]:
    """The codes as a list; an error naming the argument if they are not a list of codes."""
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable) \
            or isinstance(codes, Mapping):
        example = f"[{codes!r}]" if isinstance(codes, (str, int, float)) else "[\"don't know\"]"
        raise InputError(f"The 'missing_values' argument{where} must be a list of codes, e.g. "
                         f"{example}. Got {type(codes).__name__} instead.")
    out = list(codes)
    for code in out:
        if not (isinstance(code, str) or _as_number(code) is not None):
            raise InputError(f"The 'missing_values' argument{where} must hold text or numbers "
                             f"such as \"don't know\" or -99. Got {code!r} instead.")
    return out


def _codes_by_column(missing_values: MissingValues | None,
                     columns: Sequence[Any]) -> dict[Any, _Codes]:
    """The codes of each column that has some; checks the argument first."""
    if missing_values is None:
        return {}
    if not isinstance(missing_values, Mapping):
        every = _Codes(_code_list(missing_values, ""))
        return {c: every for c in columns} if every.texts else {}
    given = {k: _code_list(v, f" for column {k!r}" if k != "*" else " for '*'")
             for k, v in missing_values.items()}
    unknown = [c for c in given if c != "*" and c not in set(columns)]
    if unknown:
        raise InputError(f"The 'missing_values' argument names columns that are not closed "
                         f"answers here: {unknown}. Check the spelling against the file's "
                         "header, or use '*' for every column.")
    every = _Codes(given.pop("*", []))
    out = {}
    for column in columns:
        codes = _Codes(given[column]) if column in given else every
        if codes.texts:
            out[column] = codes
    return out


def _drop_codes(values: pd.Series, codes: _Codes) -> tuple[pd.Series, int]:
    """``values`` (from :func:`_answers`) with the answers that are codes made missing."""
    try:
        found = {v for v in pd.unique(values.dropna()) if codes(v)}
        hits = values.isin(found) if found else pd.Series(False, index=values.index)
    except TypeError:  # unhashable answers in a frame built in memory
        hits = values.map(codes).astype(bool)
    return values.where(~hits, None), int(hits.sum())


def _shown_answers(others: pd.Series) -> str:
    """The answers a warning may show: those given by two respondents or more, counted else.

    An answer given by one respondent only ("Kayleigh") can identify them, so it is counted,
    never shown; a code such as "don't know" is given by several. Answers are counted as codes
    are matched (any case, spaces or apostrophe) and shown as most people wrote them; at most
    five of at most 20 characters are shown.

    Examples
    --------
    >>> _shown_answers(pd.Series(["dk", "DK ", "Kayleigh", "not sure", "Not  sure", "n/a"]))
    "'dk', 'not sure' and 2 answers given once, not shown"
    """
    keys = others.astype(str).map(_code_key)
    counts = keys.value_counts(sort=False)
    spelt = others.astype(str).groupby(keys.to_numpy(), sort=False).agg(
        lambda v: v.value_counts().index[0])
    repeated = sorted((k for k in counts.index if counts[k] >= 2), key=lambda k: -counts[k])
    items = [repr(spelt[k]) for k in repeated if len(spelt[k]) <= 20][:5]
    hidden, once = len(repeated) - len(items), int((counts == 1).sum())
    if hidden:
        items.append(f"{hidden} more" if items else f"{hidden} distinct, not shown")
    if once:
        items.append(f"{once} answer{'s' if once > 1 else ''} given once, not shown")
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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


def _level_orders(levels: Mapping[str, Sequence[Any]] | None,
                  columns: Sequence[Any]) -> dict[Any, list[str]]:
    """The ``levels`` argument checked: each column's order as stripped strings.

    An error names the argument and the column, never a level: a column that is not an
    answer column here (a misspelt name is not silently ignored, as in ``missing_values``),
    an order that is not a list, or a level given twice.
    """
    if levels is None:
        return {}
    if not isinstance(levels, Mapping):
        raise InputError("The 'levels' argument must be a mapping of column to its answers in "
                         "order, e.g. {\"age_group\": [\"8-11\", \"12-15\", \"16-17\"]}. Got "
                         f"{type(levels).__name__} instead.")
    unknown = [c for c in levels if c not in set(columns)]
    if unknown:
        raise InputError(f"The 'levels' argument names columns that are not closed answers "
                         f"here: {unknown}. Check the spelling against the file's header.")
    out = {}
    for column, order in levels.items():
        if isinstance(order, (str, bytes)) or not isinstance(order, Iterable):
            raise InputError(f"The 'levels' argument for column {column!r} must be a list of "
                             f"its answers in order. Got {type(order).__name__} instead.")
        out[column] = [str(v).strip() for v in order]
        if len(set(out[column])) < len(out[column]):
            raise InputError(f"The 'levels' argument gives a level twice for column "
                             f"{column!r}; give each answer once, in order.")
    return out


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


def _norm_level(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower().translate(_APOSTROPHES))


def _range_key(value: str) -> float | None:
    m = _RANGE.match(value)
    if not m:
        return None
    return float(m.group(1) or m.group(3))


def _answers(values: pd.Series) -> pd.Series:
    """Object copy with strings stripped and blank or missing cells as ``None``."""
    out = values.astype(object).where(values.notna(), None)
    out = out.map(lambda v: (v.strip() or None) if isinstance(v, str) else v)
    return out.where(out.notna(), None)


def _known_order(present: Sequence[str]) -> tuple[list[str], dict[str, str]] | None:
    """The natural order of a column's answers, if they are ranges or on a known scale.

    Returns the levels in order and a map from each answer as written to its level: answers
    that differ only in case, spaces or hyphens are one level, spelt as most people wrote it.
    """
    uniq = list(dict.fromkeys(present))
    keys = [_range_key(u) for u in uniq]
    if len(uniq) > 1 and all(k is not None for k in keys):
        return [u for _, u in sorted(zip(keys, uniq, strict=True))], {u: u for u in uniq}
    counts = pd.Series(list(present), dtype=object).value_counts(sort=False)
    spellings: dict[str, str] = {}
    for value in uniq:  # the most common spelling of each level; the first seen on a tie
        key = _norm_level(value)
        if key not in spellings or counts[value] > counts[spellings[key]]:
            spellings[key] = value
    for scale in KNOWN_SCALES:
        if set(spellings) <= set(scale) and len(spellings) > 1:
            return ([spellings[s] for s in scale if s in spellings],
                    {u: spellings[_norm_level(u)] for u in uniq})
    return None


def _natural(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that reads digits as numbers: "2" before "10", "wave 2" before "wave 10"."""
    return tuple((0, int(part)) if part.isdecimal() else (1, part)
                 for part in re.split(r"(\d+)", value) if part)


def level_label(value: Any) -> str:
    """An answer as the level a table shows it under: its text, a whole number without ".0".

    Examples
    --------
    >>> level_label(8.0), level_label(8.5), level_label("8-10")
    ('8', '8.5', '8-10')
    """
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)


def level_labels(series: pd.Series) -> np.ndarray:
    """Each answer's :func:`level_label`, or None where there is no answer (an object array)."""
    return np.array([None if pd.isna(v) else level_label(v) for v in series.astype(object)],
                    dtype=object)


def answer_levels(series: pd.Series) -> list[str]:
    """The levels an answer column has, in the order tables show them.

    A categorical's own order; numbers by value (8, 10, 12, not "10", "12", "8"); other text
    in natural order ("wave 2" before "wave 10"), as :func:`type_answers` orders categories.

    Examples
    --------
    >>> answer_levels(pd.Series([12, 8, None, 10, 8], dtype="Int64"))
    ['8', '10', '12']
    >>> answer_levels(pd.Series(["wave 10", "wave 2"]))
    ['wave 2', 'wave 10']
    """
    labels = level_labels(series)
    present = {label for label in labels if label is not None}
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [label for label in dict.fromkeys(map(level_label, series.cat.categories))
                if label in present]
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        value = {label: float(v) for label, v in zip(labels, series, strict=True)
                 if label is not None}
        return sorted(value, key=lambda label: (value[label], label))
    return sorted(present, key=lambda label: (_natural(label), label))


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


def free_text_columns(frame: pd.DataFrame, columns: Iterable[str] | None = None, *,
                      missing_values: MissingValues | None = None,
                      wording: Mapping[str, str] | None = None,
                      text_variables: Iterable[str] | None = None,
                      value_labelled: Iterable[str] | None = None) -> dict[str, str]:
    """Find columns that hold free text (or values unique to a respondent), not closed answers.

    A wide export's other columns become closed answers in ``respondents``, which is never
    pseudonymised; this finds the ones that must not. A column is free text or closed as a
    whole; it is flagged when

    - an answer runs over several lines, or a long answer (more than 80 characters or 12
      words or more) is given by one respondent only (a long label that several chose, "No,
      I would like to see them a lot more than I do now", is a closed answer);
    - its question asks for free text ("Other (please specify)", "Anything else?",
      ``placement_other``, ``Q5_6_TEXT``, ``gender_self``) or for a name or contact details
      ("First name", ``yp_name``, "Name of school", "Email", "Contact number", "Address",
      "Postcode", "Date of birth"), and its answers differ (or are only a few); headers
      are read with CamelCase split into words too (``RecipientFirstName``);
    - its header names a survey platform's record of who answered or where from
      (``IPAddress``, ``LocationLatitude``, ``RecipientEmail``, ``ExternalReference``),
      whatever its answers (the same IP address for every young person in one home);
    - its question is open ("Why?", "Details", "Please describe") and some answer is given by
      one respondent only, or is long;
    - nearly every answer differs from the others (20 answers or more, at least half of them
      different; or 8 or more, all different), unless most answers repeat and those given
      once are short labels ("Leeds", "Kingston upon Hull"), or the question names a list of
      places or groups (a council, an ethnic group) and every answer is such a label, or, in
      a small survey (fewer than 20 answers), every answer is a plain label of ordinary words
      ("Foster care", "Year 10"; :func:`carevoice._answer_names.plain_labels`);
    - some answer reads as a person's name to the pseudonymiser's name detector ("Jayden",
      however many typed it; :func:`carevoice._answer_names.person_named`), unless the
      question names a list of places or groups;
    - its answers are the options of a tick-all-that-apply question joined in one cell
      (Microsoft Forms ``"Sport;Gaming;"``, Google Forms ``"Sport, Gaming"``) and some
      parts were written in, not ticked: text after "Other:", a person's name, or a part
      given by three respondents or fewer that reads as one's own words ("fishing with Tariq"; see
      :func:`carevoice._multiselect.undeclared_write_ins`). Declared with ``multi_select``,
      the question is split into one no/yes answer per option before this check.

    Not flagged, however the question is worded: answers that are all replies such as "Yes",
    "No", "Don't know", "Not sure" (so "Do you know your social worker's name?" and
    ``adv_details`` are closed questions), a question answered the same by everyone, numbers,
    dates, age bands, answers on a known scale (:data:`KNOWN_SCALES`) and categoricals with
    an order (``levels=``, an ordinal SPSS question). Wordings of closed questions that share
    words with open ones are read as closed: "Which of these best describes ...", "How would
    you describe ...", "Has anyone explained why ...", ``know_why_care``, "Other children
    living in your home". A question that asks for a name or contact details is flagged even
    when its answers are numbers, if one has six digits or more (a phone number).

    What an SPSS or Stata file says about its variables counts too: the question wording
    (variable label, "Other (please specify)") is checked as the column name is; a string
    variable without value labels is free text (unless its answers are on a known scale or
    age bands), numbers included; a question with value labels is closed by construction and
    never flagged. The readers record these in ``frame.attrs`` (see
    :func:`carevoice.read_respondents`), where they are taken from by default.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per respondent, values as read (or typed).
    columns : iterable of str, optional
        The columns to check; by default all.
    missing_values : sequence or mapping, optional
        Codes that mean "no answer", left out before checking (as in :func:`type_answers`), so
        that a column of numbers with some "don't know" answers counts as numeric.
    wording : mapping of str to str, optional
        Each column's question wording; by default ``frame.attrs["question_wording"]``.
    text_variables : iterable of str, optional
        The string variables without value labels of an SPSS or Stata file; by default
        ``frame.attrs["text_variables"]``.
    value_labelled : iterable of str, optional
        The questions with value labels of an SPSS or Stata file; by default
        ``frame.attrs["value_labelled"]``.

    Returns
    -------
    dict
        ``{column: reason}`` for each column that looks like free text.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"age": ["8-10", "11-13"],
    ...                      "Other (please specify)": ["my nan", None],
    ...                      "Has anyone explained why you are in care?": ["Yes", "Don't know"]})
    >>> free_text_columns(wide)
    {'Other (please specify)': 'its question asks for free text'}

    An SPSS variable ``placement_other`` worded "Other (please specify)":

    >>> free_text_columns(wide.rename(columns={"Other (please specify)": "placement_other"}),
    ...                   wording={"placement_other": "Other (please specify)"})
    {'placement_other': 'its question asks for free text'}
    """
    found = {}
    checked = list(frame.columns if columns is None else columns)
    codes = _codes_by_column(missing_values, checked)
    wording, text_variables, value_labelled = file_hints(frame, wording, text_variables,
                                                         value_labelled)
    for col in checked:
        if col in value_labelled:  # answers chosen from the file's value labels: closed
            continue
        if isinstance(frame[col].dtype, pd.CategoricalDtype) and frame[col].dtype.ordered:
            continue  # an order (levels=, a schema side file, SPSS ordinal) says it is closed
        values = _answers(frame[col])
        if col in codes:
            values = _drop_codes(values, codes[col])[0]
        present = values.dropna().astype(str)
        if present.empty:
            continue
        # the column name and, for an SPSS or Stata file or a Qualtrics export, its question
        # wording; each as written and with CamelCase split (RecipientFirstName)
        headers = [t for h in (col, wording.get(col)) if h for t in header_texts(h)]
        header = " ".join(headers)
        if any(platform_identifier(h) for h in headers):
            found[str(col)] = PLATFORM_IDENTIFIER  # IPAddress, LocationLatitude: any answers
            continue
        asked = [question_asks(h) for h in headers]
        asks = next((reason for reason, _ in asked if reason), "")
        # How firmly: an open question ("Why?") in any reading of the header lets repeated
        # answers through; a lead-in ("Please tell us ...") only when no reading says
        # "always" (Q3_TEXT worded "Please tell us ...") and the answers are a list's labels.
        hows = {how for reason, how in asked if asks and reason == asks}
        firmly = "open" if "open" in hows else ("lead_in" if hows == {"lead_in"} else "")
        numbers = (pd.to_numeric(present, errors="coerce").notna().all()
                   or decimal_comma_kind(present) is not None)  # 6,5: a number, not words
        if col not in text_variables and (numbers or all_dates(present)):
            if asks == IDENTIFIER and (present.str.count(r"\d") >= 6).any():
                found[str(col)] = asks  # a phone number, an NHS number, a date of birth
            continue
        if _known_order(present.tolist()) is not None:
            continue
        keys = answer_keys(present)
        once = keys.map(keys.value_counts()) == 1
        n, distinct = len(present), keys.nunique()
        long = (present.str.len() > 80) | (present.str.split().str.len() >= 12)
        if present.str.contains(r"[\r\n]").any():
            found[str(col)] = "answers run over several lines"
        elif (long & once).any():
            found[str(col)] = "some answers are long"
        elif asks and not replies_only(keys) \
                and (keys != _code_key(str(col))).any() and (n < 5 or distinct > 1) \
                and not (firmly == "open" and repeated_short(present, once)) \
                and not (firmly == "lead_in" and closed_labels(present, once)):
            found[str(col)] = asks
        elif col in text_variables:
            found[str(col)] = ("it is a text variable without value labels in an SPSS or "
                               "Stata file")
        elif ((n >= 20 and distinct >= 0.5 * n)
              or (n >= 8 and distinct == n and not (n < 20 and plain_labels(present)))) \
                and not closed_list(header, present, once):
            found[str(col)] = "nearly every answer differs from the others"
        elif (joined := undeclared_write_ins(present)) is not None:
            found[str(col)] = _joined_reason(str(col), *joined)
        elif not names_a_list(header) and (named := person_named(present.unique())):
            found[str(col)] = _named_reason(len(named))
    return found


def _named_reason(n: int) -> str:
    """Why a column of labels is refused when some answers hold a person's name."""
    return (f"{n} of its different answers read as a person's name (a first name typed in "
            "as an option, as an 'Other' box lets one write), and closed answers are never "
            "pseudonymised")


def _joined_reason(column: str, sep: str, n: int) -> str:
    """Why a joined tick-all-that-apply column with write-ins is refused, and what to do."""
    return (f"its answers are options joined by {sep!r}, and {n} of them hold words written "
            "in, not ticked: a tick-all-that-apply question with a young person's write-ins. "
            f"Declare it (multi_select={{{column!r}: {sep!r}}}; --multi-select "
            f"'{column}={sep}' on the command line; [input.multi_select] in a batch run), "
            "giving its options in order if one is taken for a write-in (levels=...; --levels "
            "'COLUMN=OPTION,...'; [input.levels]): each option becomes a no/yes answer and the "
            "write-ins are left out")


def closed_answers(respondents: pd.DataFrame, *, closed_columns: Sequence[str] | None = None,
                   drop_columns: Sequence[str] = (), source: str = "respondents",
                   how: str = PYTHON_WAY_OUT, not_free_text: Sequence[str] = (),
                   unnamed_how: tuple[str, str] = PYTHON_UNNAMED_HOW) -> pd.DataFrame:
    """The closed answers of a respondents frame, refusing columns that look like free text.

    Closed answers are shown as written, never pseudonymised, in every table, prevalence
    and attribution that carevoice writes, so a column that looks like free text or asks for
    a name (:func:`free_text_columns`) is refused unless you leave it out or vouch for it.
    So are columns without a header (``Unnamed: 5``) that look like the option columns of a
    SurveyMonkey tick-all-that-apply question whose second header row was deleted
    (:func:`carevoice._platforms.unnamed_option_columns`), as :func:`carevoice.read_survey`
    refuses them: each would be read as a question of one answer, never tested.

    Parameters
    ----------
    respondents : pandas.DataFrame
        ``respondent_id`` and the answers (as read, or typed). Not modified.
    closed_columns : sequence of str, optional
        The closed questions to keep, trusted to be closed (not checked); every other answer
        column is left out, and a warning on the ``carevoice.corpus`` logger says how many
        and which. By default every column not in ``drop_columns`` is kept and checked.
    drop_columns : sequence of str, default ()
        Columns to leave out.
    source : str, default "respondents"
        What the error calls the frame (a file name).
    how : str
        The sentence of the error that says how to leave columns out or keep them, in the
        words of the caller (Python arguments, command-line options or batch settings).
    not_free_text : sequence of str, default ()
        Columns you vouch for as closed questions: kept and not checked, while every other
        column is kept and checked as usual. The way to keep a column refused by mistake
        without leaving out the others (as ``closed_columns`` would). Columns vouched for
        when the file was converted (``respondents.attrs["not_free_text"]``, read back from
        the schema side file) are not checked either.
    unnamed_how : (str, str)
        How the refusal of option columns without a header says to declare their question
        (a template: see :func:`carevoice._platforms.option_columns_message`) and to leave
        them out, in the words of the caller; columns vouched for, or given an order of
        answers (an ordered category), are not looked at.

    Returns
    -------
    pandas.DataFrame
        The kept columns, ``respondent_id`` first when there is one.

    Raises
    ------
    ValidationError
        A column named that the frame lacks, a column both kept and dropped, a column vouched
        for that ``closed_columns`` leaves out, columns that look like free text (named
        with the reason, never with their answers), or option columns without a header.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame({"respondent_id": ["r1", "r2"], "age": ["8-10", "11-13"],
    ...                         "first_name": ["Zebedee", "Quorn"]})
    >>> closed_answers(answers)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.ValidationError: 1 problem(s) in respondents:
      - free_text_column: these columns look like free text, ... 'first_name' (its question...
    >>> list(closed_answers(answers, drop_columns=["first_name"]).columns)
    ['respondent_id', 'age']
    >>> list(closed_answers(answers, not_free_text=["first_name"]).columns)
    ['respondent_id', 'age', 'first_name']
    """
    drop = _column_names(drop_columns, "drop_columns")
    closed = None if closed_columns is None else _column_names(closed_columns,
                                                                "closed_columns")
    trusted = _column_names(not_free_text, "not_free_text")
    problems = []
    answers = [c for c in respondents.columns if c != RESPONDENT_ID]
    # vouched for when the file was converted (the schema side file remembers it)
    remembered = respondents.attrs.get(VOUCHED_ATTR)
    remembered = [c for c in remembered if c in answers] \
        if isinstance(remembered, list | tuple) else []
    unknown = [c for c in dict.fromkeys([*drop, *(closed or []), *trusted]) if c not in answers]
    if unknown:
        problems.append(Problem("missing_column", f"no answer columns {unknown} to keep or "
                                "leave out; check the spelling against the file's header."))
    both = [c for c in drop if c in (closed or []) or c in trusted]
    if both:
        problems.append(Problem("conflicting_columns", f"columns {both} are both kept as "
                                "closed and left out."))
    outside = [c for c in trusted if closed is not None and c not in closed]
    if outside:
        problems.append(Problem("conflicting_columns", (
            f"columns {outside} are vouched for as closed (not_free_text), but closed_columns "
            "keeps only the columns it lists. Give not_free_text alone to keep every column, "
            "or add them to closed_columns.")))
    if problems:
        raise ValidationError(source, problems)
    ids = [RESPONDENT_ID] if RESPONDENT_ID in respondents.columns else []
    if closed is not None:
        note_left_out([c for c in answers if c not in set(closed) and c not in set(drop)],
                      len([c for c in answers if c not in set(drop)]), source)
        return respondents[ids + [c for c in answers if c in set(closed)]]
    kept = respondents[ids + [c for c in answers if c not in set(drop)]]
    checked = [c for c in kept.columns if c != RESPONDENT_ID and c not in {*trusted, *remembered}]
    # SurveyMonkey's option columns with their header row deleted, as read_survey finds them
    unnamed = unnamed_option_columns(respondents, [
        c for c in checked if not (isinstance(kept[c].dtype, pd.CategoricalDtype)
                                   and kept[c].dtype.ordered)])
    if unnamed:
        declare, leave_out = unnamed_how
        problems.append(Problem("unnamed_columns", option_columns_message(
            unnamed, declare=declare, leave_out=leave_out)))
    options = {c for group in unnamed.values() for c in group}
    flagged = free_text_columns(kept, [c for c in checked if c not in options])
    if flagged:
        problems.append(Problem("free_text_column", (
            "these columns look like free text, not closed answers: "
            + "; ".join(f"{c!r} ({why})" for c, why in flagged.items())
            + ". Closed answers are written as they are, never pseudonymised, in the tables "
            "and quote attributions, so a name written there would be published. " + how)))
    if problems:
        raise ValidationError(source, problems)
    return kept


def note_left_out(left: Sequence[Any], n_columns: int, source: str) -> None:
    """Warn that a list of closed columns left other answer columns out, naming them.

    Parameters
    ----------
    left : sequence
        The answer columns left out (not those the caller asked to drop).
    n_columns : int
        How many answer columns there were.
    source : str
        The file or frame, for the message.
    """
    if not left:
        return
    shown = ", ".join(repr(str(c)) for c in left[:10])
    more = f" and {len(left) - 10} more" if len(left) > 10 else ""
    logger.warning(
        "%s: the list of closed columns (closed_columns=[...]; --closed-column on the command "
        "line; [input] closed_columns in a batch run) keeps only the columns it names, so %d "
        "of %d answer columns are left out: %s%s. To keep every column and vouch for one that "
        "was refused as free text, name it in not_free_text=[...] (--not-free-text; [input] "
        "not_free_text) instead.", source, len(left), n_columns, shown, more)


def _column_names(names: Any, argument: str) -> list[str]:
    if isinstance(names, str):
        raise InputError(f"The {argument!r} argument must be a list of column names, not a "
                         f"single string; did you mean {argument}=[{names!r}]?")
    return list(dict.fromkeys(names))


def extra_text_columns(comments: pd.DataFrame, how: str) -> list[Problem]:
    """Columns of a comments frame, besides carevoice's own, that look like free text.

    Only ``text`` is pseudonymised; ``comment_id``, ``respondent_id`` and ``question_id`` are
    ids, and any other column is copied to the pseudonymised output as it is. A column that
    looks like free text or asks for a name (:func:`free_text_columns`: "worker_note",
    "child_name") would carry names and contact details past the pseudonymiser.

    Parameters
    ----------
    comments : pandas.DataFrame
        The comments, columns named as carevoice names them.
    how : str
        The sentence that says how to leave a column out, in the caller's words.

    Returns
    -------
    list of Problem
        One ``free_text_column`` problem naming the columns (never their values), or none.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["c1", "c2"], "text": ["hi", "ok"],
    ...                       "wave": ["w1", "w1"], "child_name": ["Zebedee", "Quorn"]})
    >>> [p.column for p in extra_text_columns(frame, "Drop it.")]
    ['child_name']
    """
    flagged = free_text_columns(comments, [c for c in comments.columns
                                           if c not in COMMENT_COLUMNS])
    return [Problem("free_text_column", (
        f"the column {col!r} looks like free text ({why}). Only the 'text' column is "
        "pseudonymised; other columns are copied to the output as they are, so a name or "
        f"phone number in it would be kept. {how}"), column=str(col))
        for col, why in flagged.items()]
