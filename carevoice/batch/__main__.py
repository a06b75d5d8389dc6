"""``python -m carevoice.batch PIPELINE.toml``: the ``carevoice run`` command on its own."""

import typer

from .command import run_command

if __name__ == "__main__":
    typer.run(run_command)
