"""The documentation builds without warnings (sphinx -W) and the docstring examples run."""

from __future__ import annotations

import doctest
import importlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
def _modules_with_examples() -> list[str]:
    """Every carevoice module whose source holds a docstring example (``>>>``), so that a new
    module's examples run without anyone adding it to a list."""
    names = []
    for path in sorted((ROOT / "carevoice").rglob("*.py")):
        if ">>>" in path.read_text("utf-8"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules_with_examples()


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(ROOT / "docs"), str(tmp_path / "html")],
        capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    assert (tmp_path / "html" / "index.html").is_file()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    """Each module's examples pass and remove every temporary folder they make (session 31:
    19 modules' examples made folders with ``tempfile.mkdtemp()`` and left them behind)."""
    module = importlib.import_module(name)
    # every temporary file or folder the examples make goes here, where it can be seen
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    # torch makes its compile cache (torchinductor_USER) here when sentence-transformers is
    # first imported: torch's own folder, made once, not one the examples make
    left = [p.name for p in tmp_path.iterdir() if not p.name.startswith("torchinductor_")]
    assert left == [], f"{name}'s examples left {left} in the temporary folder"


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


def test_readme_command_list_names_every_command():
    """Docs audit F3 (session 28): the README's *Command line* list left out ``carevoice
    safeguarding``, so a reader of the README never learned the DSL's screen existed."""
    import typer.main

    from carevoice.cli import app

    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("## Command line", 1)[1].split("```", 2)[1]
    group = typer.main.get_command(app)
    ctx = group.make_context("carevoice", [], resilient_parsing=True)
    listed = set(re.findall(r"^carevoice ([a-z-]+)(?: / ([a-z-]+))?", block, re.MULTILINE))
    listed = {name for pair in listed for name in pair if name}
    assert "safeguarding" in group.list_commands(ctx)
    assert set(group.list_commands(ctx)) <= listed, set(group.list_commands(ctx)) - listed


def test_discovery_tutorial_text_does_not_restate_the_figures_its_cells_print():
    """Tutorial 4's text quoted an older run (a 45-comment topic, 70 coded, kappa 0.48) beside
    cells that print the current figures; it says what to read in the output instead, and its
    last check cell asserts the story it tells."""
    cells = json.loads((ROOT / "notebooks" / "04-discovery.ipynb").read_text("utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    quoted = re.findall(r"\b0\.\d+|\b\d+[ -]comments?\b|\b(?:kappa|F1|here|about) \d+", prose,
                        flags=re.IGNORECASE)
    assert quoted == []
