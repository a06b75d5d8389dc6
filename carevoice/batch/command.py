"""The ``carevoice run`` command: run a pipeline described by a ``PIPELINE.toml`` file.

Registered by :mod:`carevoice.cli` as ``app.command("run")(run_command)``. It only parses
arguments and calls :func:`carevoice.batch.run_batch`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._argnames import as_typed
from .._options import typed_command

__all__ = ["run_command"]


@typed_command()
def run_command(
    pipeline: Annotated[Path, typer.Argument(
        help="The PIPELINE.toml file: inputs, column mapping, pseudonymisation, codebook, "
             "discovery, linkage, reports, engine.")],
    resume: Annotated[bool, typer.Option(
        "--resume/--no-resume",
        help="Reuse the chunks an earlier (or killed) run of this folder finished; "
             "--no-resume recomputes everything.")] = True,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress",
        help="Show progress bars (default: run.progress in the settings file).",
        show_default=False)] = None,
) -> None:
    """Run a whole pipeline in chunks: resumable, reproducible, on Dask if configured."""
    import sys
    import warnings

    from ..errors import CarevoiceError
    from .runner import run_batch

    try:
        with warnings.catch_warnings(record=True) as caught:  # shown as lines of our own
            warnings.simplefilter("always", UserWarning)
            result = run_batch(pipeline, resume=resume, progress=progress)
    except CarevoiceError as e:
        typer.echo(f"error: {as_typed(str(e))}", err=True)
        raise typer.Exit(code=2) from e
    for warning in caught:
        typer.echo(f"warning: {warning.message}", err=True)
    c = result.counts
    print(f"{c['comments']} comments ({c['answered']} answered) in {c['chunks']} chunks "
          f"({c['chunks_coded']} coded now, {c['chunks'] - c['chunks_coded']} reused): "
          f"{c['spans']} spans replaced, {c['assigned_codes']} theme codes; outputs in "
          f"{result.folder / 'outputs'}, manifest {result.manifest.name}", file=sys.stderr)
