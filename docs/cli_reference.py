"""A Sphinx directive that documents the ``carevoice`` command line from the command itself.

``.. carevoice-cli::`` writes, for every command, its help text, its usage line and each
argument and option with its help and default, as ``carevoice COMMAND --help`` prints them,
so the page cannot drift from the code. (Typer vendors its own copy of click, which
sphinx-click does not recognise; this walks the same objects with click's public methods.)
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


def _command_nodes(name: str, command: object, parent_ctx: object) -> list[nodes.Node]:
    ctx = command.make_context(  # type: ignore[attr-defined]
        name, [], parent=parent_ctx, resilient_parsing=True)
    out: list[nodes.Node] = [nodes.rubric(text=f"carevoice {name}")]
    text = getattr(command, "help", None) or ""
    for para in text.split("\n\n"):
        if para.strip():
            out.append(nodes.paragraph(text=" ".join(para.split())))
    usage = command.get_usage(ctx)
    out.append(nodes.literal_block(usage, usage, language="text"))
    items = nodes.definition_list()
    for param in command.params:
        record = param.get_help_record(ctx)
        if record is None:  # hidden
            continue
        left, right = record
        item = nodes.definition_list_item()
        item += nodes.term("", "", nodes.literal(text=left))
        item += nodes.definition("", nodes.paragraph(text=" ".join(right.split())))
        items += item
    if len(items.children):
        out.append(items)
    return out


class CarevoiceCli(SphinxDirective):
    """Every ``carevoice`` command with its arguments and options."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        import typer.main

        from carevoice.cli import app

        group = typer.main.get_command(app)
        ctx = group.make_context("carevoice", [], resilient_parsing=True)
        out: list[nodes.Node] = []
        for name in group.list_commands(ctx):
            out += _command_nodes(name, group.get_command(ctx, name), ctx)
        return out


def setup(app):  # type: ignore[no-untyped-def]
    app.add_directive("carevoice-cli", CarevoiceCli)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
