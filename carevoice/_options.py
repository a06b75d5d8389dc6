"""Command-line options shared by the commands, and how their errors name them.

Only typer is imported here, so that ``carevoice --help`` stays fast. Each command passes the
values on to the readers (:func:`carevoice.corpus.read_table` and the functions built on it).
Each command is wrapped in :func:`typed_command`, so that its errors name the options and files
as its user typed them.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

import typer

from ._argnames import ordinal, typed_names

__all__ = ["CLI_WAY_OUT", "ClosedColumnOption", "DecimalCommaOption", "DropColumnOption",
           "EncodingOption", "LevelsOption", "MissingValueOption", "MultiSelectColumnsOption",
           "MultiSelectOption", "NotFreeTextOption", "SepOption", "given_levels",
           "missing_values", "multi_select_argument", "typed_command"]

_Command = TypeVar("_Command", bound=Callable[..., Any])

#: ``--encoding``: force the encoding of CSV inputs.
EncodingOption = Annotated[str | None, typer.Option(
    "--encoding",
    help="Encoding of the CSV input files, e.g. utf-8 or cp1252 (Excel's plain 'CSV'). "
         "Detected by default; a file that mixes encodings is refused until you give one.")]

#: ``--sep``: force the separator of CSV inputs.
SepOption = Annotated[str | None, typer.Option(
    "--sep",
    help="Separator of the CSV input files: ',', ';' (Excel in much of Europe), 'tab' or '|'. "
         "Detected from the header line by default.")]

#: ``--decimal-comma/--no-decimal-comma``: read "6,5" in a ;-separated file as 6.5, or not.
DecimalCommaOption = Annotated[bool, typer.Option(
    "--decimal-comma/--no-decimal-comma",
    help="In a ;-separated RESPONDENTS file (or survey export), read a column whose answers "
         "are all numbers, some written with a decimal comma (6,5, as Excel saves them where "
         "the comma is the decimal mark), as numbers, with a notice naming it (the default). "
         "--no-decimal-comma keeps such columns as text: for codes such as 1,5 that are not "
         "numbers. A --multi-select column is split first, never read as a number.")]

#: ``--missing-value``: a closed answer that means "no answer" (repeatable).
MissingValueOption = Annotated[list[str] | None, typer.Option(
    "--missing-value",
    help="A closed answer that means 'no answer', such as \"don't know\" or -99; repeatable. "
         "It becomes missing in every respondents column before the answers are typed, so a "
         "column of numbers stays numeric. Matched ignoring case and spaces, and a number "
         "matches however it is written (-99 matches -99.0). None by default: 0 or 99 can be "
         "real answers.")]

#: ``--levels``: the order of a respondents column's answers (repeatable).
LevelsOption = Annotated[list[str] | None, typer.Option(
    "--levels",
    help="The answers of a closed question in order, 'COLUMN=LEVEL,LEVEL,...'; repeatable, "
         "once per column, e.g. --levels 'age_group=8-11,12-15,16-17'. The "
         "column becomes an ordered scale and its tables list the answers in this order. "
         "Levels are separated by commas and may hold spaces, hyphens and slashes; put a "
         "level with a comma in double quotes, 'see_family=never,\"once a month, or "
         "less\",weekly' (a double quote inside one is written twice). Matched ignoring "
         "case; an answer that is not a level is an error (list codes such as \"don't "
         "know\" with --missing-value). A column so ordered is closed: not checked for "
         "free text.")]

#: ``--drop-column``: a respondents column to leave out (repeatable).
DropColumnOption = Annotated[list[str] | None, typer.Option(
    "--drop-column",
    help="A RESPONDENTS column to leave out, repeatable: free text such as 'Other (please "
         "specify)', names. Its answers are not read into the analysis or any output.")]

#: ``--closed-column``: the only respondents columns to keep, trusted to be closed (repeatable).
ClosedColumnOption = Annotated[list[str] | None, typer.Option(
    "--closed-column",
    help="Keep ONLY this RESPONDENTS column (repeatable), trusted to be closed: every column "
         "not named is left out (a warning names them). To keep a column that was refused as "
         "free text by mistake and all the others, use --not-free-text instead.")]

#: ``--not-free-text``: a respondents column vouched for as closed; the others are kept too.
NotFreeTextOption = Annotated[list[str] | None, typer.Option(
    "--not-free-text",
    help="A RESPONDENTS column that is a closed question although it looks like free text "
         "(repeatable): vouched for, it is kept as a closed question, not checked, while "
         "every other column is kept and checked as usual.")]

#: ``--multi-select``: a tick-all-that-apply column of joined answers (repeatable).
MultiSelectOption = Annotated[list[str] | None, typer.Option(
    "--multi-select",
    help="A tick-all-that-apply question whose cells join the options ticked, 'COLUMN' or "
         "'COLUMN=SEP' (e.g. 'Q4=,', 'What do you do in your free time?=;'); repeatable. "
         "It becomes one no/yes answer per option, 'COLUMN: option'; a blank cell is no "
         "answer. The separator is detected (';', '|', then ',') unless given. Its options "
         "are those ticked by two respondents or more, or, in order, the --levels given for "
         "COLUMN. Write-ins are left out (or are the comments of --text-column COLUMN). See "
         "'Tick-all-that-apply questions' in docs/data.md.")]

#: ``--multi-select-columns``: a tick-all-that-apply question with a column per option.
MultiSelectColumnsOption = Annotated[list[str] | None, typer.Option(
    "--multi-select-columns",
    help="A tick-all-that-apply question exported one column per option, each holding the "
         "option when ticked and blank otherwise (SurveyMonkey): 'QUESTION=COL1,COL2,...' "
         "(a column with a comma in double quotes); repeatable. It becomes one no/yes "
         "answer per option, 'QUESTION: option'; a blank is 'no' when another option of "
         "the question is ticked, no answer when none is.")]

#: How the commands that read a respondents file say to leave a column out or keep it.
CLI_WAY_OUT = ("Leave them out with --drop-column COLUMN (repeatable; --exclude only keeps a "
               "column out of the tests, not out of the tables) or, if one is a closed "
               "question after all, vouch for it with --not-free-text COLUMN (repeatable): "
               "the other columns are kept and checked as before (--closed-column would keep "
               "only the columns it names).")
#: How a command's refusal of option columns without a header (``Unnamed: 5``) says to declare
#: their question and to leave them out (:func:`carevoice.corpus.closed_answers`).
CLI_UNNAMED_HOW = ("--multi-select-columns '{question}={columns}'", "--drop-column COLUMN")


def missing_values(option: Sequence[str] | None) -> list[str] | None:
    """The ``missing_values`` argument of the readers from ``--missing-value`` options.

    Parameters
    ----------
    option : sequence of str or None
        The values given, in order.

    Returns
    -------
    list of str or None
        None when the option was not given.

    Examples
    --------
    >>> missing_values(["don't know", "-99"]), missing_values(None)
    (["don't know", '-99'], None)
    """
    return list(option) if option else None


def given_levels(option: Sequence[str] | None) -> dict[str, list[str]] | None:
    """The ``levels`` argument of the readers from ``--levels COLUMN=LEVEL,LEVEL`` options.

    Everything up to the first ``=`` is the column; the rest is read as one line of CSV, so
    a level that holds a comma is written in double quotes (``"once a month, or less"``) and
    a double quote inside such a level is written twice. Spaces around a level do not
    count. Errors name the option, the column and the position of a level, never a level.

    Parameters
    ----------
    option : sequence of str or None
        The values given, in order.

    Returns
    -------
    dict or None
        ``{column: [levels in order]}``; None when the option was not given.

    Raises
    ------
    InputError
        A value without ``=`` or without a column, a column given twice, no levels, an
        empty level, a level given twice (ignoring case), or unbalanced double quotes.

    Examples
    --------
    >>> given_levels(["age_group=8-11,12-15,16-17"])
    {'age_group': ['8-11', '12-15', '16-17']}
    >>> given_levels(['see_family=never,"once a month, or less",weekly'])
    {'see_family': ['never', 'once a month, or less', 'weekly']}
    >>> given_levels(None) is None
    True
    """
    import csv

    from .errors import InputError

    if not option:
        return None
    how = ("'COLUMN=LEVEL,LEVEL,...', e.g. 'age_group=8-11,12-15,16-17' (a level with a "
           "comma in double quotes)")
    out: dict[str, list[str]] = {}
    for i, spec in enumerate(option, 1):
        column, equals, rest = spec.partition("=")
        column = column.strip()
        if not equals or not column:
            raise InputError(f"The --levels option must look like {how}; its "
                             f"{ordinal(i)} value has no column before '='.")
        if column in out:
            raise InputError(f"The --levels option gives the column {column!r} twice; give "
                             "each column's levels once, all in order.")
        if rest.count('"') % 2:
            raise InputError(f"The --levels option for column {column!r} opens a double quote "
                             "that it does not close; put a level that holds a comma in "
                             'double quotes, and write a double quote inside one twice ("").')
        levels = next(csv.reader([rest], skipinitialspace=True), [])
        levels = [level.strip() for level in levels]
        if not any(levels):
            raise InputError(f"The --levels option gives no levels for column {column!r}; "
                             f"write {how}.")
        empty = [n for n, level in enumerate(levels, 1) if not level]
        if empty:
            raise InputError(f"The --levels option gives an empty level for column {column!r} "
                             f"(the {ordinal(empty[0])} of {len(levels)}): two commas in a "
                             "row, or one at the start or end.")
        seen: dict[str, int] = {}
        for n, level in enumerate(levels, 1):
            first = seen.setdefault(level.casefold(), n)
            if first != n:
                raise InputError(f"The --levels option gives the same level twice for column "
                                 f"{column!r} (the {ordinal(first)} and {ordinal(n)} of "
                                 f"{len(levels)}, ignoring case).")
        out[column] = levels
    return out


def multi_select_argument(joined: Sequence[str] | None,
                          columns: Sequence[str] | None) -> dict[str, Any] | None:
    """The ``multi_select`` argument of the readers from ``--multi-select`` and
    ``--multi-select-columns`` options.

    ``--multi-select COLUMN=SEP`` takes what follows the last ``=`` as the separator when it
    is one to three characters, none a letter or digit; otherwise the whole value is the
    column. ``--multi-select-columns QUESTION=COL1,COL2`` reads what follows the first ``=``
    as one line of CSV (a column with a comma in double quotes).

    Parameters
    ----------
    joined, columns : sequence of str or None
        The values of the two options, in order.

    Returns
    -------
    dict or None
        ``{column: separator or None, question: [columns]}``; None when neither was given.

    Raises
    ------
    InputError
        A question given twice, or ``--multi-select-columns`` without ``=`` or columns.

    Examples
    --------
    >>> multi_select_argument(["Q4=,", "Free time"], ['Clubs=Q9,"Unnamed: 13"'])
    {'Q4': ',', 'Free time': None, 'Clubs': ['Q9', 'Unnamed: 13']}
    >>> multi_select_argument(None, None) is None
    True
    """
    import csv

    from .errors import InputError

    if not joined and not columns:
        return None
    out: dict[str, Any] = {}

    def add(question: str, value: Any, option: str) -> None:
        if question in out:
            raise InputError(f"The {option} option gives the question {question!r} twice.")
        out[question] = value

    for spec in joined or []:
        column, equals, sep = spec.rpartition("=")
        if equals and column.strip() and 0 < len(sep) <= 3 and not any(
                ch.isalnum() for ch in sep):
            add(column.strip(), sep, "--multi-select")
        else:
            add(spec.strip(), None, "--multi-select")
    for spec in columns or []:
        question, equals, rest = spec.partition("=")
        names = [c.strip() for c in next(csv.reader([rest], skipinitialspace=True), [])]
        if not equals or not question.strip() or not [c for c in names if c]:
            raise InputError("The --multi-select-columns option must look like "
                             "'QUESTION=COLUMN,COLUMN,...' (the option columns of one "
                             f"question). Got {spec!r} instead.")
        add(question.strip(), [c for c in names if c], "--multi-select-columns")
    return out


@functools.cache
def _typed(function: Callable[..., Any]) -> dict[str, str]:
    """Each parameter of a command function -> its option (``--by``) or argument (``CODES``),
    as typer itself names them."""
    app = typer.Typer()
    app.command()(function)
    names = {}
    for param in typer.main.get_command(app).params:
        options = [o for o in param.opts if o.startswith("-")]
        longs = [o for o in options if o.startswith("--")]
        if param.name is not None:
            names[param.name] = (longs or options)[0] if options else param.name.upper()
    return names


def typed_command(**renames: str) -> Callable[[_Command], _Command]:
    """Make a command's errors name its options and files as its user typed them.

    While the command runs, the library's "The 'by' argument ..." reads "The --by option ..."
    once the command prints it through :func:`carevoice._argnames.as_typed`, and a file the
    command was given is named by its option or argument ("CODES names no file: ..."); see
    :func:`carevoice._argnames.typed_names`.

    Parameters
    ----------
    **renames : str
        Library arguments fed by an option of another name, e.g. ``variables="--variable"``
        (the others share their option's name: ``by`` is ``--by``, ``codes`` is CODES).

    Returns
    -------
    callable
        A decorator; the command keeps its signature, so typer reads its options as before.
    """
    def decorate(function: _Command) -> _Command:
        @functools.wraps(function)
        def command(*args: Any, **kwargs: Any) -> Any:
            names = {**_typed(function), **renames}
            files = {names[k]: v for k, v in kwargs.items()
                     if k in names and isinstance(v, os.PathLike)}
            with typed_names(names, files):
                return function(*args, **kwargs)

        return command  # type: ignore[return-value]

    return decorate
