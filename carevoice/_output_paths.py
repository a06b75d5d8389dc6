"""Output paths checked against the inputs before anything is written.

A command that reads several files and writes one or more must never write over one of its
inputs, nor write two outputs to one file (the second would silently replace the first); and an
output that cannot be written must be an error before the work, not after it
(:func:`check_writable`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path

from .errors import InputError

__all__ = ["check_paths", "check_writable"]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:  # pragma: no cover
        pass
    return a.resolve() == b.resolve()


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies in it (links followed, as a write would)."""
    path, folder = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return path == folder or folder in path.parents


def check_writable(path: str | Path, what: str, *, folder: bool = False) -> None:
    """Check that ``path`` can be written: its folder exists or can be made, and takes files.

    The nearest folder that exists at or above the one that will hold ``path`` gets a
    temporary file, made and removed at once: this is what the writers do (a temporary file
    beside the output, renamed over it), and unlike ``os.access`` it cannot be fooled by a
    user who may write anywhere (root) on a file system that takes no files (read-only,
    ``/proc``, a share without write access).

    Parameters
    ----------
    path : str or pathlib.Path
        The output: a file, or with ``folder=True`` a folder (made if missing).
    what : str
        How the message opens on the output ("The --output option", "The 'path' argument").
    folder : bool, default False
        ``path`` is a folder to write into, not a file.

    Raises
    ------
    InputError
        If a parent of ``path`` is a file, or the nearest existing folder takes no new file.

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as name:  # removed with what it holds
    ...     notes = Path(name) / "notes.txt"
    ...     _ = notes.write_text("not a folder")
    ...     check_writable(notes / "codes.csv", "The --output option")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: The --output option cannot be written: ... is a file, not a folder.
    """
    path = Path(path)
    target = path if folder else path.parent
    existing = next((p for p in (target, *target.parents) if p.exists()), None)
    if existing is None:  # pragma: no cover - the root exists
        return
    if not existing.is_dir():
        raise InputError(f"{what} cannot be written: {existing} is a file, not a folder.")
    try:
        handle, probe = tempfile.mkstemp(prefix=".carevoice-check-", dir=existing)
    except OSError as e:
        reason = e.strerror or type(e).__name__
        where = (f"{target} does not exist and cannot be made in {existing}"
                 if existing != target else f"no file can be made in {target}")
        raise InputError(f"{what} cannot be written: {where} ({reason}). Give a path in a "
                         "folder you can write to.") from e
    os.close(handle)
    os.remove(probe)


def check_paths(inputs: Mapping[str, Path | None], outputs: Mapping[str, Path | None], *,
                keep: Mapping[str, str] | None = None,
                folders: Mapping[str, Path | None] | None = None,
                read_folders: Collection[str] = ()) -> None:
    """Check output paths before anything is written.

    Parameters
    ----------
    inputs : mapping of str to pathlib.Path or None
        What each input option is called ("COMMENTS", "--decisions") and its path (a file,
        or a folder that is read, such as ``--earlier-report``).
    outputs : mapping of str to pathlib.Path or None
        The same for output files.
    keep : mapping of str to str, optional
        Outputs that must not exist yet, with the hint to give if one does.
    folders : mapping of str to pathlib.Path or None, optional
        Output folders (a report's ``--output``, a batch run's ``[run] output``): the
        command writes files of its own names in them, and they are shared or published
        whole, so none may hold an input, nor lie in an input folder.
    read_folders : collection of str, default ()
        The inputs that are folders read by design (``--earlier-report``): an output folder
        in one is refused. A file input given a folder by mistake is left to its reader.

    Raises
    ------
    InputError
        If an output is an input, two outputs are one file, an output is a folder, an output
        named in ``keep`` exists, an output folder holds an input or lies in one, or an
        output cannot be written (:func:`check_writable`).

    Examples
    --------
    >>> with tempfile.TemporaryDirectory() as name:  # removed with what it holds
    ...     folder = Path(name)
    ...     _ = (folder / "comments.csv").write_text("comment_id,text\\n")
    ...     check_paths({"COMMENTS": folder / "comments.csv"}, {},
    ...                 folders={"--output": folder})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: The --output folder ... holds the COMMENTS file ...
    """
    given_in = {k: Path(v) for k, v in inputs.items() if v is not None}
    given_out = {k: Path(v) for k, v in outputs.items() if v is not None}
    for name, folder in ((k, Path(v)) for k, v in (folders or {}).items() if v is not None):
        for other, source in given_in.items():
            if _within(source, folder):
                kind = "folder" if source.is_dir() else "file"
                raise InputError(
                    f"The {name} folder {str(folder)!r} holds the {other} {kind} "
                    f"({str(source)!r}). carevoice writes its outputs into that folder, "
                    f"which is shared or published as a whole, so it must not hold an input: "
                    f"it could replace it, or publish it with the outputs. Choose another "
                    f"folder for {name}, or move the input out of it.")
            if other in read_folders and _within(folder, source):
                raise InputError(
                    f"The {name} folder {str(folder)!r} lies in the {other} folder "
                    f"({str(source)!r}), which carevoice reads: writing there would change "
                    f"it. Choose another folder for {name}.")
    for name, path in given_out.items():
        if path.is_dir():
            raise InputError(f"The {name} path {str(path)!r} is a folder; give a file path.")
        for other, source in given_in.items():
            if _same(path, source):
                raise InputError(
                    f"The {name} path {str(path)!r} is the {other} file; carevoice never writes "
                    f"over its input. Choose another path for {name}.")
    names = list(given_out)
    for i, name in enumerate(names):
        for other in names[i + 1:]:
            if _same(given_out[name], given_out[other]):
                raise InputError(f"{name} and {other} are the same file "
                                 f"({str(given_out[name])!r}); give each its own path.")
    for name, hint in (keep or {}).items():
        path = given_out.get(name)
        if path is not None and path.exists():
            raise InputError(f"The {name} file {str(path)!r} exists already. {hint}")
    for name, path in given_out.items():
        check_writable(path, f"The {name} path {str(path)!r}")
