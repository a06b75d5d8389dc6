"""Typing the closed answers of an SPSS or Stata file with what the file says of them.

:func:`carevoice.corpus.read_survey`, :func:`carevoice.corpus.read_respondents` and a batch
run's survey input read the answers as text (:mod:`carevoice._files`); the file's value
labels, measurement levels and variable labels (:class:`~carevoice._stat_files.FileVariables`)
then give the answers their order, say which questions are numbers, and travel with the typed
frame in ``attrs`` and in the respondents' schema side file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from ._answers import MissingValues, _codes_by_column, _level_orders, type_answers
from ._multiselect import MULTI_SELECT_ATTR
from ._stat_files import (
    LABELLED_ATTR,
    TEXT_ATTR,
    VOUCHED_ATTR,
    WORDING_ATTR,
    FileVariables,
    LabelledColumn,
    renamed_attrs,
)
from .schema import RESPONDENT_ID

logger = logging.getLogger("carevoice.corpus")

__all__ = ["rename_answers", "respondents_schema", "type_closed"]


def _is_missing(spec: LabelledColumn, answer: str, is_code: Any) -> bool:
    """Whether a labelled answer is a missing-value code, given as its label or its code."""
    return bool(is_code(answer) or any(is_code(c) for c in spec.codes.get(answer, ())))


def _file_levels(variables: FileVariables, columns: Sequence[str],
                 missing_values: MissingValues | None) -> dict[str, list[str]]:
    """The answer order of the questions an SPSS file marks ordinal (labels in code order).

    Only questions whose every answer has a label: an unlabelled code has no place on the
    scale, so such a question is typed as any other. Labels listed as missing-value codes
    (by label or by code) are left out of the order, as they are left out of the answers.
    """
    codes = _codes_by_column(missing_values, list(columns)) if missing_values else {}
    return {c: [v for v in spec.levels if not (c in codes and _is_missing(spec, v, codes[c]))]
            for c, spec in variables.labelled.items()
            if c in columns and spec.ordered and spec.complete and not spec.numeric}


def _from_codes(answers: pd.DataFrame, variables: FileVariables,
                missing_values: MissingValues | None) -> pd.DataFrame:
    """The answers with labels turned back into codes where the codes are what counts.

    A label whose code is a missing-value code (``missing_values=[99]`` for 99 = "Don't
    know") is no answer. A question SPSS measures as *scale* and labels on only some codes
    (``LabelledColumn.numeric``: 0 = "None", 10 = "10 or more") is read as numbers: each
    label as its code, logged. ``answers`` is not modified.
    """
    columns = [c for c in answers.columns if c != RESPONDENT_ID]
    codes = _codes_by_column(missing_values, columns)
    out = answers
    for column, spec in variables.labelled.items():
        if column not in columns or not (spec.numeric or column in codes):
            continue
        is_code = codes.get(column)
        read: dict[str, str] = {}

        def answer(value: Any, spec: LabelledColumn = spec, is_code: Any = is_code,
                   read: dict[str, str] = read) -> Any:
            if not isinstance(value, str) or value.strip() not in spec.codes:
                return value
            label = value.strip()
            if is_code is not None and _is_missing(spec, label, is_code):
                return None
            if not spec.numeric:
                return value
            read[label] = spec.codes[label][0]
            return read[label]

        out = out.copy() if out is answers else out
        out[column] = answers[column].astype(object).map(answer)
        if read:
            logger.warning(
                "column %r: the SPSS file measures it as a scale and labels only some of "
                "its codes, so its answers are read as numbers: %s. If a code means 'no "
                "answer', give it as a missing value (missing_values=[...]; --missing-value; "
                "[input] missing_values in a batch run) or mark it missing in SPSS.", column,
                ", ".join(f"{label!r} as {code}" for label, code in read.items()))
    return out


def _order_as_file(typed: pd.DataFrame, variables: FileVariables, skip: Iterable[str]) -> None:
    """Put the levels of the other labelled questions in the order of their codes, in place.

    An unordered question read from an SPSS or Stata file ("Foster care" = 1, "Residential"
    = 2, "Kinship" = 3) lists its answers as the file's codes do, not alphabetically, codes
    answered without a label in their place among them; labels nobody gave are not added.
    A question the SPSS file measures as *nominal* is not a scale even when its answers are
    on a known one (Yes, No, Not sure): it is unordered, in code order. Questions typed
    otherwise (numbers, ordered scales of the file or of ``levels``, ``skip``) are left alone.
    """
    skip = set(skip)
    for column, spec in variables.labelled.items():
        if column in skip or column not in typed.columns or spec.numeric:
            continue
        values = typed[column]
        if not isinstance(values.dtype, pd.CategoricalDtype):
            continue
        if values.cat.ordered:
            if spec.measure != "nominal":
                continue
            values = values.cat.as_unordered()
        rank = {label.casefold(): i for i, label in enumerate(spec.levels)}
        present = list(values.cat.categories)
        order = sorted(present, key=lambda v: (rank.get(str(v).casefold(), len(rank)),
                                              present.index(v)))
        typed[column] = values.cat.reorder_categories(order)


def _set_file_attrs(frame: pd.DataFrame, variables: FileVariables) -> None:
    """Record in ``frame.attrs`` what the file says of its answer columns, in place."""
    for key in (WORDING_ATTR, LABELLED_ATTR, TEXT_ATTR):
        frame.attrs.pop(key, None)
    frame.attrs.update(variables.attrs(c for c in frame.columns if c != RESPONDENT_ID))


def type_closed(respondents: pd.DataFrame, variables: FileVariables,
                levels: Mapping[str, Sequence[str]] | None = None,
                missing_values: MissingValues | None = None,
                decimal_comma: bool = True) -> pd.DataFrame:
    """Type the closed answers of a file as :func:`carevoice.corpus.type_answers` does, with
    what the file says of them (:func:`carevoice.read_survey`, a batch run's survey input).

    An SPSS or Stata file's ordinal questions become ordered scales in code order, its other
    labelled questions list their answers in code order, a partly labelled scale is read as
    numbers, and ``frame.attrs`` records the question wording, the value-labelled questions
    and the text variables (see :func:`carevoice.read_respondents`).

    Parameters
    ----------
    respondents : pandas.DataFrame
        ``respondent_id`` and the answers as read (strings).
    variables : FileVariables
        What the file says of its variables, by the column names of ``respondents``.
    levels, missing_values, decimal_comma
        As in :func:`carevoice.corpus.type_answers`; ``levels`` overrides the file's order.

    Returns
    -------
    pandas.DataFrame
        The typed answers.
    """
    columns = [c for c in respondents.columns if c != RESPONDENT_ID]
    given = _level_orders(levels, columns)  # checked before it is merged with the file's
    answers = _from_codes(respondents, variables, missing_values)
    file_levels = _file_levels(variables, columns, missing_values)
    typed = type_answers(answers, {**file_levels, **given}, missing_values=missing_values,
                         decimal_comma=decimal_comma)
    _order_as_file(typed, variables, {*file_levels, *given})
    _set_file_attrs(typed, variables)
    return typed


def _stored_variables(stored: Mapping[str, Mapping[str, Any]]) -> FileVariables:
    """What a schema side file recorded of the SPSS or Stata file its respondents came from:
    the question wording, and which questions had value labels (with the recorded levels)."""
    wording = {c: spec["wording"] for c, spec in stored.items()
               if isinstance(spec.get("wording"), str)}
    labelled = {c: LabelledColumn(tuple(map(str, spec.get("levels", ()))),
                                  spec["type"] == "ordered", True)
                for c, spec in stored.items() if spec.get("value_labels") is True}
    return FileVariables(labelled, wording)


def rename_answers(respondents: pd.DataFrame, mapping: Mapping[str, str]) -> pd.DataFrame:
    """``respondents.rename(columns=mapping)``, with the question wording and the other
    entries of ``attrs`` that name columns (see :func:`carevoice.read_respondents`) renamed too."""
    out = respondents.rename(columns=dict(mapping))
    out.attrs = renamed_attrs(respondents.attrs, mapping)
    return out


def respondents_schema(respondents: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The side file's record of each answer column: its type and levels, its question
    wording, whether it was answered from value labels, whether the user vouched for it
    as a closed question (``attrs``, see :func:`carevoice.read_respondents`) and the
    tick-all-that-apply question and option it stands for (``attrs["multi_select"]``, see
    :func:`carevoice.read_survey`)."""
    wording = respondents.attrs.get(WORDING_ATTR)
    wording = wording if isinstance(wording, Mapping) else {}
    labelled = respondents.attrs.get(LABELLED_ATTR)
    labelled = set(labelled) if isinstance(labelled, list | tuple) else set()
    vouched = respondents.attrs.get(VOUCHED_ATTR)
    vouched = set(vouched) if isinstance(vouched, list | tuple) else set()
    ticked = respondents.attrs.get(MULTI_SELECT_ATTR)
    ticked = ticked if isinstance(ticked, Mapping) else {}
    schema = {}
    for column in respondents.columns:
        if column == RESPONDENT_ID:
            continue
        spec = _column_schema(respondents[column])
        if isinstance(wording.get(column), str):
            spec["wording"] = wording[column]
        if column in labelled:
            spec["value_labels"] = True
        if column in vouched:  # convert --not-free-text: not refused again by later commands
            spec["not_free_text"] = True
        if isinstance(ticked.get(column), Mapping):
            spec[MULTI_SELECT_ATTR] = dict(ticked[column])
        schema[str(column)] = spec
    return schema


def _column_schema(series: pd.Series) -> dict[str, Any]:
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return {"type": "ordered" if dtype.ordered else "category",
                "levels": [str(v) for v in dtype.categories]}
    if pd.api.types.is_integer_dtype(dtype):
        return {"type": "Int64"}
    if pd.api.types.is_float_dtype(dtype):
        return {"type": "Float64"}
    return {"type": "string"}
