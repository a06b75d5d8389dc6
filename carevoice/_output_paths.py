"""Output paths checked against the inputs before anything is written.

A command that reads several files and writes one or more must never write over one of its
inputs, nor write two outputs to one file (the second would silently replace the first).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError

__all__ = ["check_paths"]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:  # pragma: no cover
        pass
    return a.resolve() == b.resolve()


def check_paths(inputs: Mapping[str, Path | None], outputs: Mapping[str, Path | None], *,
                keep: Mapping[str, str] | None = None) -> None:
    """Check output paths before anything is written.

    Parameters
    ----------
    inputs : mapping of str to pathlib.Path or None
        What each input option is called ("COMMENTS", "--decisions") and its path.
    outputs : mapping of str to pathlib.Path or None
        The same for outputs.
    keep : mapping of str to str, optional
        Outputs that must not exist yet, with the hint to give if one does.

    Raises
    ------
    InputError
        If an output is an input, two outputs are one file, an output is a folder, or an
        output named in ``keep`` exists.
    """
    given_in = {k: Path(v) for k, v in inputs.items() if v is not None}
    given_out = {k: Path(v) for k, v in outputs.items() if v is not None}
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
