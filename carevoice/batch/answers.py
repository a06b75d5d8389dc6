"""A batch run's closed answers, and the columns of its input that must not pass unmasked.

Only comment text is pseudonymised. The respondents' answers reach the shareable outputs
(association and prevalence tables, quote attributions) as they are, and so do the comments
file's other columns (``outputs/comments.csv``), so a column that looks like free text or asks
for a name (:func:`carevoice.corpus.free_text_columns`) stops the run before any work unless
``[input] drop_columns`` leaves it out or ``[input] not_free_text`` vouches for it (``[input]
closed_columns`` keeps only the columns it lists), as ``carevoice convert``, ``link`` and
``report`` refuse it too. A survey platform's metadata (submission times, durations,
``Status``, ``Progress``, ``Finished``, the platform's ids) is not a survey answer: it is left
out with a warning naming the columns, as ``carevoice convert`` leaves it out, unless
``[input] not_free_text`` (or ``[input] levels``, ``[link] variables`` or ``[link] by``) names
it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem, ValidationError
from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT
from .chunks import ChunkSpec, Source, file_separator, read_raw, staged_variables

if TYPE_CHECKING:  # pragma: no cover
    from .config import BatchConfig

__all__ = ["BATCH_WAY_OUT", "read_answers", "text_column_problems"]

#: How a batch run's errors say to leave a column out or keep it.
BATCH_WAY_OUT = ("Leave them out with [input] drop_columns = [...] or, if one is a closed "
                 "question after all, vouch for it with [input] not_free_text = [...]: the "
                 "other columns are kept and checked as before ([input] closed_columns would "
                 "keep only the columns it lists).")


def text_column_problems(comments: Any) -> list[Problem]:
    """Columns of a chunk of comments, besides carevoice's own, that look like free text.

    Parameters
    ----------
    comments : pandas.DataFrame
        A chunk as :func:`carevoice.batch.chunks.to_comments` returns it (``[input]
        drop_columns`` already left out).

    Returns
    -------
    list of Problem
        One per column, naming it, never its values.
    """
    from .._answers import extra_text_columns

    return extra_text_columns(comments, "Leave it out with [input] drop_columns = [...], or "
                                        "pseudonymise its answers as comments of their own.")


def _unknown_drops(cfg: BatchConfig, source: Source, specs: list[ChunkSpec],
                   answers: list[str]) -> list[Problem]:
    """Names in ``[input] drop_columns`` that neither the input nor the respondents have."""
    drop = list(cfg.input.drop_columns)
    if not drop or not specs:
        return []
    header = list(read_raw(source, specs[0]).rename(columns=dict(source.columns)).columns)
    needed = [c for c in drop if c in (COMMENT_ID, TEXT, source.id_column)
              or c in {c for c, _ in source.text_columns}]
    unknown = [c for c in drop if c not in header and c not in answers]
    out = []
    if needed:
        out.append(Problem("bad_setting", f"[input] drop_columns names columns the run needs: "
                           f"{needed}.", column="input.drop_columns"))
    if unknown:
        out.append(Problem("missing_column", f"[input] drop_columns names columns that "
                           f"neither {source.file.name} nor the respondents have: {unknown}; "
                           "check the spelling against the file's header.",
                           column="input.drop_columns"))
    return out


#: The reader arguments that ``[input]`` settings feed, as a batch run's errors name them.
_SETTINGS = {"levels": "[input] levels", "missing_values": "[input] missing_values"}


def _as_settings(error: InputError) -> InputError:
    """A reader's error about its arguments, naming the ``[input]`` settings instead."""
    from .._argnames import as_typed, typed_names

    with typed_names(_SETTINGS):
        said = as_typed(str(error))
    return error if said == str(error) else InputError(said)


def read_answers(cfg: BatchConfig, source: Source, specs: list[ChunkSpec]) -> Any:
    """The typed closed answers of a run, or None when it has none.

    From ``[input] respondents``, or the closed questions of a survey export (every column
    but the id and the text columns). ``[input] drop_columns`` are left out; with ``[input]
    closed_columns`` only those are kept, trusted (a warning names the others); otherwise a
    column that looks like free text stops the run (:func:`carevoice.corpus.closed_answers`)
    unless ``[input] not_free_text`` vouches for it. A question given an order in ``[input]
    levels`` is an ordered scale, not checked for free text.

    Parameters
    ----------
    cfg : BatchConfig
    source : Source
    specs : list of ChunkSpec
        The input's chunks (a survey export's answers are read from them).

    Returns
    -------
    pandas.DataFrame or None

    Raises
    ------
    ValidationError
        Columns that look like free text, ``drop_columns`` / ``closed_columns`` naming
        columns the files lack, or answers outside the ``[input] levels`` of their column.
    InputError
        ``[input] levels`` or ``missing_values`` naming a column the answers lack (the error
        names the setting, as the readers' errors name their arguments).
    """
    try:
        return _read_answers(cfg, source, specs)
    except ValidationError:
        raise
    except InputError as e:
        raise _as_settings(e) from e


def _metadata(cfg: BatchConfig, answers: Any, candidates: list[str], source: str) -> list[str]:
    """A survey platform's metadata columns among ``candidates``, to leave out (warned),
    after a warning counting the partial responses.

    None are left out when ``[input] closed_columns`` lists the columns to keep (trusted, as
    in ``carevoice convert``); a column named in ``[input] not_free_text``, ``[input]
    levels``, ``[link] variables`` or ``[link] by`` is kept.
    """
    from .._platforms import note_metadata, note_partial_responses, platform_metadata

    note_partial_responses(answers, source)
    if cfg.input.closed_columns is not None:
        return []
    asked = {*cfg.input.not_free_text, *(cfg.input.level_order or {}),
             *(cfg.link.variables or ()), *(cfg.link.by or ())}
    metadata = platform_metadata(answers, [c for c in candidates if c not in asked])
    if metadata:
        note_metadata(metadata, source, left_out_of="the answers",
                      keep="in [input] not_free_text = [...]")
    return metadata


def _separator(source: Source) -> str | None:
    """The separator of the user's CSV survey export (None for other formats), so that its
    answers are typed as ``carevoice convert`` types them: ``6,5`` is a number in a ``;``
    file (:mod:`carevoice._decimals`). The chunks are read without the file's attributes;
    the same function finds their separator (:func:`carevoice.batch.chunks.file_separator`)."""
    return file_separator(source.file, source.encoding)


def _read_answers(cfg: BatchConfig, source: Source, specs: list[ChunkSpec]) -> Any:
    """The work of :func:`read_answers`."""
    import pandas as pd

    from .._answers import closed_answers, free_text_columns, note_left_out
    from .._argnames import typed_names
    from .._labelled import type_closed
    from .._multiselect import (
        MULTI_SELECT_ATTR,
        multi_select_questions,
        resolve_questions,
        split_multi_select,
    )
    from .._platforms import option_columns_message, unnamed_option_columns
    from ..corpus import read_respondents, validate_respondents

    inp = cfg.input
    drop = set(inp.drop_columns)
    if inp.respondents is not None:
        # a file of only a header is refused naming the setting, not the 'path' argument
        with typed_names(files={"[input] respondents": inp.respondents}):
            answers = read_respondents(inp.respondents, missing_values=inp.missing_codes,
                                       encoding=inp.encoding, levels=inp.level_order,
                                       multi_select=inp.multi_select_argument,
                                       decimal_comma=inp.decimal_comma)
        problems = _unknown_drops(cfg, source, specs, list(answers.columns))
        if problems:
            raise ValidationError("[input] drop_columns", problems)
        metadata = _metadata(cfg, answers, [c for c in answers.columns if c != RESPONDENT_ID
                                            and c not in drop], "[input] respondents")
        return closed_answers(answers, closed_columns=inp.closed_columns,
                              drop_columns=[c for c in answers.columns
                                            if c in drop or c in metadata],
                              source="[input] respondents", how=BATCH_WAY_OUT,
                              not_free_text=list(inp.not_free_text),
                              unnamed_how=("[input.multi_select] {quoted} = {listed}",
                                           "[input] drop_columns"))
    if source.kind != "survey":
        problems = _unknown_drops(cfg, source, specs, [])
        if problems:
            raise ValidationError("[input] drop_columns", problems)
        return None
    text_cols = {c for c, _ in source.text_columns}
    questions = multi_select_questions(inp.multi_select_argument)
    if questions and specs:  # SurveyMonkey's "Question - Option" columns of a question
        header = list(read_raw(source, specs[0]).columns)
        questions = resolve_questions(questions, header)
    ticked = [c for q in questions for c in q.columns]
    parts: list[Any] = []
    others: list[str] = []
    closed: list[str] = []
    for spec in specs:
        raw = read_raw(source, spec)
        others = [c for c in raw.columns if c != source.id_column and c not in text_cols
                  and c not in drop and c not in ticked]
        closed = list(inp.closed_columns) if inp.closed_columns is not None else others
        lacking = [c for c in ticked if c not in raw.columns]
        if lacking:
            raise ValidationError("[input] multi_select", [Problem(
                "missing_column", f"[input] multi_select names columns that "
                f"{source.file.name} lacks: {lacking}; check the spelling against the "
                "file's header.", column="input.multi_select")])
        parts.append(raw[[source.id_column, *closed,
                          *(c for c in ticked if c not in closed)]])
    problems = _unknown_drops(cfg, source, specs, [])
    if problems:
        raise ValidationError("[input] drop_columns", problems)
    unknown = [c for c in inp.not_free_text if c not in closed]
    if unknown:
        raise ValidationError("[input] not_free_text", [Problem(
            "missing_column", f"[input] not_free_text names columns that are not closed "
            f"questions of {source.file.name}: {unknown}; check the spelling against the "
            "file's header ([input] closed_columns, when given, keeps only the columns it "
            "lists).", column="input.not_free_text")])
    wide = pd.concat(parts, ignore_index=True).rename(columns={source.id_column: RESPONDENT_ID})
    wide.attrs["separator"] = _separator(source)
    metadata = _metadata(cfg, wide, [c for c in wide.columns if c != RESPONDENT_ID
                                     and c not in set(ticked)], "[input] survey")
    wide = wide.drop(columns=metadata)
    # What an SPSS or Stata input says of its questions (code order, scales, wording, text
    # variables), kept beside its staged copy.
    variables = staged_variables(source).renamed({source.id_column: RESPONDENT_ID})
    if inp.closed_columns is None:
        # The answers are written to the shareable outputs unpseudonymised: free text must
        # not pass for a closed question (as `carevoice convert` refuses it too).
        # A given order ([input] levels) says the question is closed, as in read_survey.
        vouched = {*inp.not_free_text, *(inp.level_order or {})}
        unnamed = unnamed_option_columns(wide, [c for c in wide.columns if c not in vouched
                                                and c not in set(ticked)])
        if unnamed:
            raise ValidationError("[input] survey", [Problem("unnamed_columns", (
                option_columns_message(unnamed, leave_out="[input] drop_columns",
                                       declare="[input.multi_select] {quoted} = {listed}")),
                column="input.multi_select")])
        flagged = free_text_columns(wide, [c for c in wide.columns if c != RESPONDENT_ID
                                           and c not in vouched and c not in set(ticked)],
                                    missing_values=inp.missing_codes,
                                    wording=variables.wording, text_variables=variables.text,
                                    value_labelled=variables.closed)
        if flagged:
            raise ValidationError("[input] survey", [Problem(
                "free_text_column", f"column {col!r} looks like free text ({why}); add it to "
                "[input] text_columns to pseudonymise and code it, leave it out with [input] "
                "drop_columns, or, if it is a closed question after all, vouch for it with "
                "[input] not_free_text (the other columns are kept and checked).",
                column=str(col)) for col, why in flagged.items()])
    elif parts:
        note_left_out([c for c in others if c not in set(inp.closed_columns)], len(others),
                      "[input] survey")
    names = [q.name for q in questions]
    given = inp.level_order or {}
    split = split_multi_select(wide, questions, source="[input] survey",
                               options={k: v for k, v in given.items() if k in names})
    typed = type_closed(validate_respondents(split.frame), variables,
                        {**{k: v for k, v in given.items() if k not in names},
                         **split.levels} or None, missing_values=inp.missing_codes,
                        decimal_comma=inp.decimal_comma)
    if split.options:
        typed.attrs[MULTI_SELECT_ATTR] = split.options
    return typed
