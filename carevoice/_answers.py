"""Closed survey answers: typing them, and telling them from free text.

The public names (:data:`KNOWN_SCALES`, :data:`MissingValues`, :func:`type_answers`,
:func:`free_text_columns`, :func:`closed_answers`) are re-exported by :mod:`carevoice.corpus`.
The work is split by step, each re-exported here for the modules that import it from here:

- :mod:`carevoice._answer_codes`: answers as read, missing-value codes, answers a message may show;
- :mod:`carevoice._answer_levels`: known scales, ranges, given levels, levels as tables show them;
- :mod:`carevoice._answer_types`: :func:`type_answers`;
- :mod:`carevoice._free_text`: :func:`free_text_columns`;
- this module: :func:`closed_answers` (the check as the readers and commands run it),
  :func:`note_left_out` and :func:`extra_text_columns`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ._answer_codes import MissingValues, _codes_by_column
from ._answer_levels import KNOWN_SCALES, _level_orders, answer_levels, level_label, level_labels
from ._answer_types import type_answers
from ._free_text import free_text_columns
from ._platforms import option_columns_message, unnamed_option_columns
from ._stat_files import VOUCHED_ATTR
from .errors import InputError, Problem, ValidationError
from .schema import COMMENT_COLUMNS, RESPONDENT_ID

logger = logging.getLogger("carevoice.corpus")

# Re-exported for the modules that import them from here (carevoice.corpus, _labelled, the
# link tables, the commands), the private ones included.
__all__ = ["KNOWN_SCALES", "PYTHON_UNNAMED_HOW", "PYTHON_WAY_OUT", "MissingValues",
           "_codes_by_column", "_level_orders", "answer_levels", "closed_answers",
           "extra_text_columns", "free_text_columns", "level_label", "level_labels",
           "note_left_out", "type_answers"]


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
