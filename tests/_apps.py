"""Typer apps of single carevoice commands, as the carevoice app registers them, for tests."""

from __future__ import annotations

import typer


def discover_app() -> typer.Typer:
    """``carevoice discover`` alone (with a second command, so typer keeps sub-commands)."""
    from carevoice.discover.command import discover_command

    app = typer.Typer()
    app.command("discover")(discover_command)

    @app.command("noop")
    def noop() -> None:  # a second command keeps typer in sub-command mode
        """Nothing."""

    return app


def qda_app() -> typer.Typer:
    """``carevoice export-qdpx`` and ``carevoice import-qdpx``."""
    from carevoice.qda.command import export_qdpx_command, import_qdpx_command

    app = typer.Typer(pretty_exceptions_enable=False)
    app.command("export-qdpx")(export_qdpx_command)
    app.command("import-qdpx")(import_qdpx_command)
    return app
