"""How a message names an argument: as the Python API calls it, or as the user typed it.

The library's messages name Python arguments ("The 'by' argument of compare_waves ...", "The
'path' argument names no file ..."). On the command line the user typed ``--by`` or a file
after ``carevoice link``, and should read those names instead. While a command runs,
:mod:`carevoice.cli` records them with :func:`typed_names`; the file readers then name a file
by what gave it (:func:`file_argument`), and the commands print every error through
:func:`as_typed`. Outside a command nothing changes. Only the standard library is imported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

__all__ = ["as_typed", "file_argument", "in_command", "ordinal", "phrase", "typed_as",
           "typed_names"]

# (library argument name -> name typed, absolute file path -> name typed) of the running command
_TYPED: ContextVar[tuple[Mapping[str, str], Mapping[str, str]]] = ContextVar(
    "carevoice_typed_names", default=({}, {}))
# "The 'by' argument of compare_waves", "the 'reducer' parameter of ThemeDiscovery"
_NAMED = re.compile(r"\b([Tt]he) '([A-Za-z_]\w*)' (?:argument|parameter)(?: of [A-Za-z_][\w.]*)?")


def ordinal(n: int) -> str:
    """How a message names a place in a list: a value by its place, never by its text.

    Examples
    --------
    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def phrase(name: str) -> str:
    """How a message opens on an option, a positional argument or a Python argument.

    Parameters
    ----------
    name : str
        ``"--by"`` (an option), ``"CODES"`` (a positional argument, in capitals as the help
        shows it), ``"[input] levels"`` (a batch run's setting) or ``"path"`` (a Python
        argument).

    Returns
    -------
    str

    Examples
    --------
    >>> phrase("--changes"), phrase("CODES"), phrase("path")
    ('The --changes option', 'CODES', "The 'path' argument")
    >>> phrase("[input] levels")
    'The [input] levels setting'
    """
    if name.startswith("-"):
        return f"The {name} option"
    if name.startswith("["):
        return f"The {name} setting"
    if name.isupper():
        return name
    return f"The {name!r} argument"


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(path))


@contextmanager
def typed_names(arguments: Mapping[str, str] | None = None,
                files: Mapping[str, str | os.PathLike[str] | None] | None = None
                ) -> Iterator[None]:
    """While the block runs, name arguments and files as the user typed them.

    Names given here win over those of an enclosing block.

    Parameters
    ----------
    arguments : mapping of str to str, optional
        Library argument name -> name typed: ``{"by": "--by", "codes": "CODES"}``.
    files : mapping of str to path, optional
        Name typed -> the file it gave: ``{"CODES": Path("codes.csv")}``; None values are
        skipped. A file given twice keeps the first name.

    Examples
    --------
    >>> with typed_names({"by": "--by"}, {"CODES": "codes.csv"}):
    ...     print(as_typed("The 'by' argument of compare_waves must ..."))
    ...     print(file_argument("codes.csv"))
    The --by option must ...
    CODES
    >>> file_argument("codes.csv")
    "The 'path' argument"
    """
    outer_arguments, outer_files = _TYPED.get()
    inner: dict[str, str] = {}
    for name, path in (files or {}).items():
        if path is not None:
            inner.setdefault(_key(path), name)
    token = _TYPED.set(({**outer_arguments, **(arguments or {})}, {**outer_files, **inner}))
    try:
        yield
    finally:
        _TYPED.reset(token)


def file_argument(path: str | Path, default: str = "The 'path' argument") -> str:
    """How a message about the file ``path`` names the argument that gave it.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.
    default : str, default "The 'path' argument"
        The name outside a command, or when the command did not get the file from its user.

    Returns
    -------
    str
        ``"CODES"``, ``"The --changes option"`` or ``default``.
    """
    name = _TYPED.get()[1].get(_key(path))
    return default if name is None else phrase(name)


def in_command() -> bool:
    """Whether a command is running: its user typed options, not Python arguments.

    A message whose advice differs between the two (a Python argument has no option on the
    command line) picks by it.

    Examples
    --------
    >>> in_command()
    False
    >>> with typed_names({"by": "--by"}):
    ...     in_command()
    True
    """
    return bool(_TYPED.get()[0])


def typed_as(argument: str) -> str | None:
    """The option the running command gives the library argument ``argument`` by, if any.

    Examples
    --------
    >>> with typed_names({"columns": "--column"}):
    ...     typed_as("columns"), typed_as("levels")
    ('--column', None)
    """
    return _TYPED.get()[0].get(argument)


def as_typed(message: str) -> str:
    """A message with the Python arguments the user gave on the command line named as typed.

    "The 'reference' argument of compare_waves must be ..." becomes "The --reference option
    must be ..."; names the running command did not record stay as they are.

    Parameters
    ----------
    message : str
        An error message.

    Returns
    -------
    str
    """
    arguments = _TYPED.get()[0]

    def typed(match: re.Match[str]) -> str:
        name = arguments.get(match[2])
        if name is None:
            return match[0]
        said = phrase(name)
        return said if match[1] == "The" or said.isupper() else said[0].lower() + said[1:]

    return _NAMED.sub(typed, message) if arguments else message
