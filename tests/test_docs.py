"""The documentation builds without warnings (sphinx -W) and the docstring examples run."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["carevoice.errors", "carevoice.corpus", "carevoice._files", "carevoice._answers",
           "carevoice._validate", "carevoice.embed", "carevoice.demo", "carevoice.placeholders",
           "carevoice._summaries",
           "carevoice.models", "carevoice.link.indicators", "carevoice.link.tables",
           "carevoice.link.regression", "carevoice.link.linkage", "carevoice.quotes",
           "carevoice.disclosure", "carevoice.report.build", "carevoice.report.tables",
           "carevoice.report.joint", "carevoice.report.charts", "carevoice.report.render",
           "carevoice.report.command", "carevoice.qda._xml", "carevoice.qda.codebook",
           "carevoice.qda.export", "carevoice.qda.read", "carevoice.qda._values",
           "carevoice._flags", "carevoice.batch._checks", "carevoice.batch.pseudonymise",
           "carevoice.pseudonymise._base", "carevoice.pseudonymise.lexicons",
           "carevoice.pseudonymise.patterns", "carevoice.pseudonymise._words",
           "carevoice.pseudonymise.names", "carevoice.pseudonymise.places",
           "carevoice.pseudonymise.tagger", "carevoice.pseudonymise.learned",
           "carevoice.pseudonymise._pattern",
           "carevoice.pseudonymise.identifiers", "carevoice.pseudonymise.dates",
           "carevoice.pseudonymise.addresses", "carevoice.pseudonymise.institutions",
           "carevoice.pseudonymise.replace", "carevoice.pseudonymise.keys",
           "carevoice.pseudonymise.review", "carevoice.pseudonymise.core",
           "carevoice.pseudonymise.joins", "carevoice.pseudonymise.boundaries",
           "carevoice.pseudonymise.surrogates", "carevoice.pseudonymise._files",
           "carevoice.pseudonymise.animals",
           "carevoice.themes.codebook", "carevoice.themes.model", "carevoice.themes.agreement",
           "carevoice.themes.sampling", "carevoice.themes.reference", "carevoice.themes.kinship",
           "carevoice.themes.reading", "carevoice.themes.training",
           "carevoice.themes.codebook_files", "carevoice.themes.codebook_checks",
           "carevoice.discover.represent",
           "carevoice.discover.model", "carevoice.discover.result", "carevoice.discover.edit",
           "carevoice.discover.plots"]


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(ROOT / "docs"), str(tmp_path / "html")],
        capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    assert (tmp_path / "html" / "index.html").is_file()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_command_line_page_lists_every_command_and_option():
    """docs/cli.md is generated from the commands: each command, argument and option (with
    its help) appears, so the page cannot drift from ``carevoice COMMAND --help``."""
    import typer.main

    from carevoice.cli import app

    sys.path.insert(0, str(ROOT / "docs"))
    try:
        reference = importlib.import_module("cli_reference")
    finally:
        sys.path.remove(str(ROOT / "docs"))
    group = typer.main.get_command(app)
    ctx = group.make_context("carevoice", [], resilient_parsing=True)
    names = group.list_commands(ctx)
    assert {"pseudonymise", "code", "discover", "link", "export-qdpx", "run"} <= set(names)
    for name in names:
        command = group.get_command(ctx, name)
        text = "\n".join(node.astext() for node in reference._command_nodes(name, command, ctx))
        assert f"carevoice {name}" in text
        for param in command.params:
            if getattr(param, "hidden", False):
                continue
            for opt in param.opts:
                assert opt in text, (name, opt)
            if getattr(param, "help", None):
                assert " ".join(param.help.split())[:40] in text, (name, param.name)
