"""The documentation builds without warnings (sphinx -W) and the docstring examples run."""

from __future__ import annotations

import doctest
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["carevoice.errors", "carevoice.corpus", "carevoice._files", "carevoice._answers",
           "carevoice._validate", "carevoice.embed", "carevoice.demo",
           "carevoice.models", "carevoice.link.indicators", "carevoice.link.tables",
           "carevoice.link.regression", "carevoice.link.linkage", "carevoice.link.waves",
           "carevoice.quotes",
           "carevoice.disclosure", "carevoice._disclosure_waves", "carevoice.report.build",
           "carevoice.report.tables",
           "carevoice.report.joint", "carevoice.report.charts", "carevoice.report.render",
           "carevoice.report.command", "carevoice.qda._xml", "carevoice.qda.codebook",
           "carevoice.qda.export", "carevoice.qda.read", "carevoice.qda._values",
           "carevoice._flags", "carevoice._palette", "carevoice.batch._checks",
           "carevoice.batch.pseudonymise",
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
           "carevoice.pseudonymise.animals", "carevoice.pseudonymise.neighbours",
           "carevoice.pseudonymise._name_words", "carevoice.pseudonymise._said_of_people",
           "carevoice.pseudonymise._name_context", "carevoice.pseudonymise._lexicon_rules",
           "carevoice.pseudonymise._word_rules", "carevoice.pseudonymise._institution_names",
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


def test_discovery_tutorial_text_does_not_restate_the_figures_its_cells_print():
    """Tutorial 4's text quoted an older run (a 45-comment topic, 70 coded, kappa 0.48) beside
    cells that print the current figures; it says what to read in the output instead, and its
    last check cell asserts the story it tells."""
    cells = json.loads((ROOT / "notebooks" / "04-discovery.ipynb").read_text("utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    quoted = re.findall(r"\b0\.\d+|\b\d+[ -]comments?\b|\b(?:kappa|F1|here|about) \d+", prose,
                        flags=re.IGNORECASE)
    assert quoted == []
