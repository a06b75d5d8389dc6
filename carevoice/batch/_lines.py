"""Where in the user's input file a chunk's row is, for the messages of a batch run.

A chunk is validated as a frame, so a row without an id is found by its position in the chunk.
The single-file readers name a CSV file's line instead (the line where the record starts, the
header being line 1); :func:`in_input` gives a batch run's messages the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .._files import Table
from ..errors import Problem
from .chunks import ChunkSpec, Source

__all__ = ["in_input"]


def _record_lines(source: Source, spec: ChunkSpec) -> list[int]:
    """The line where each record of a CSV chunk starts; blank lines are skipped, as the chunk's
    reader skips them, and a line break inside quotes stays in its record."""
    with source.path.open("rb") as fh:
        line = fh.read(spec.start).count(b"\n") + 1
        body = fh.read(spec.stop - spec.start)
    starts: list[int] = []
    quotes, first, blank = 0, line, True
    for physical in body.splitlines(keepends=True):
        if quotes % 2 == 0:
            first, blank = line, True
        quotes += physical.count(b'"')
        blank = blank and not physical.strip()
        line += physical.count(b"\n")
        if quotes % 2 == 0 and not blank:
            starts.append(first)
    return starts


def in_input(problems: Sequence[Problem], source: Source, spec: ChunkSpec,
             n_rows: int) -> list[Problem]:
    """A chunk's problems with their rows as the user's file numbers them.

    Parameters
    ----------
    problems : sequence of Problem
        As the chunk's validation found them: rows by 1-based position in the chunk.
    source, spec : Source, ChunkSpec
        The input and the chunk.
    n_rows : int
        The chunk's number of rows.

    Returns
    -------
    list of Problem
        Rows as line numbers of a CSV input; else as data rows of the input counted from 1
        under the header. A problem without rows says which input rows the chunk holds.
    """
    name = source.file.name
    in_chunk = Table.of_frame(pd.DataFrame()).counting  # how a chunk's rows were counted
    lines = None
    if source.format == "csv" and any(p.rows for p in problems):
        lines = _record_lines(source, spec)
        if len(lines) != n_rows:  # not as the chunk was read: number the data rows instead
            lines = None
    counting = (f"line numbers in {name}, the header being line 1" if lines is not None
                else f"data rows of {name} counted from 1 under the header")
    out = []
    for p in problems:
        if not p.rows:
            out.append(Problem(p.check, f"{p.message} (input rows {spec.first_row}-"
                               f"{spec.first_row + n_rows - 1})", p.column, p.ids))
            continue
        rows = tuple(lines[r - 1] if lines is not None else spec.first_row + r - 1
                     for r in p.rows)
        out.append(Problem(p.check, p.message.replace(in_chunk, counting), p.column, p.ids,
                           rows))
    return out
