"""The ``carevoice`` command line: thin commands that call the library functions.

Run ``carevoice --help`` for the list. Messages name files, columns and ``comment_id``s; they never
print comment text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ._argnames import as_typed
from ._options import (
    CLI_UNNAMED_HOW,
    CLI_WAY_OUT,
    ClosedColumnOption,
    DecimalCommaOption,
    DropColumnOption,
    EncodingOption,
    LevelsOption,
    MissingValueOption,
    MultiSelectColumnsOption,
    MultiSelectOption,
    NotFreeTextOption,
    SepOption,
    given_levels,
    missing_values,
    multi_select_argument,
    typed_command,
)
from .errors import CarevoiceError, InputError

app = typer.Typer(
    name="carevoice",
    help="Pseudonymise, theme and link what children in care and care leavers say. Offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"carevoice {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Print carevoice's version (the one every manifest records) and exit.")] = False,
) -> None:
    """Pseudonymise, theme and link what children in care and care leavers say. Offline."""


def fail(error: Exception) -> typer.Exit:
    """Print a carevoice error without a traceback and return the exit to raise.

    Parameters
    ----------
    error : Exception
        The error; its message names ids and columns only. It is printed as plain text: square
        brackets in it (``[column 'text']``, an id such as ``[/x]``) are not rich markup.

    Returns
    -------
    typer.Exit
        Exit code 2 (bad input) to raise.
    """
    console.print(Text("error: ", style="bold red") + Text(as_typed(str(error))),
                  highlight=False)
    return typer.Exit(code=2)


@app.command("demo")
@typed_command()
def demo_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the outputs.")] = Path(
        "carevoice-demo"),
    seed: Annotated[int, typer.Option(help="Seed for every random step.")] = 0,
    timestamp: Annotated[bool, typer.Option(
        "--timestamp/--no-timestamp", help="Record the time in the report's manifest; "
                                           "--no-timestamp makes two runs byte-identical.")
    ] = True,
    discover_method: Annotated[str, typer.Option(
        "--discover-method", help="How discovery finds topics: kmeans or sparse, as "
                                  "'carevoice discover --method' (see docs/discover.md).")]
    = "kmeans",
) -> None:
    """Run the pipeline on the embedded fictional demo corpus and write its outputs."""
    from .pipeline import run_demo

    try:
        written = run_demo(output, seed=seed, timestamp=timestamp,
                           discover_method=discover_method)
    except CarevoiceError as e:
        raise fail(e) from e
    table = Table(title=f"carevoice demo: outputs in {output}")
    table.add_column("output")
    table.add_column("file")
    for name, path in written.items():
        table.add_row(name, str(path))
    Console().print(table)


@app.command("validate")
@typed_command()
def validate_command(
    comments: Annotated[Path, typer.Argument(help="Comments file (CSV/XLSX/Parquet).")],
    respondents: Annotated[Path | None, typer.Argument(help="Respondents file, optional.")] = None,
    encoding: EncodingOption = None,
    sep: SepOption = None,
    missing_value: MissingValueOption = None,
    levels: LevelsOption = None,
    drop_column: DropColumnOption = None,
    closed_column: ClosedColumnOption = None,
    not_free_text: NotFreeTextOption = None,
    multi_select: MultiSelectOption = None,
    multi_select_columns: MultiSelectColumnsOption = None,
    decimal_comma: DecimalCommaOption = True,
) -> None:
    """Check input files and list every problem (columns, ids, encodings) in one go.

    Columns that look like free text where carevoice expects none are problems too: in
    RESPONDENTS any (leave them out with --drop-column, or vouch for a closed question with
    --not-free-text, as for link and report), in COMMENTS any besides text (they would pass
    through pseudonymisation unmasked).
    """
    from ._answers import closed_answers, extra_text_columns
    from ._platforms import note_partial_responses
    from .corpus import read_comments, read_corpus
    from .errors import ValidationError

    try:
        order = given_levels(levels)
        if order and respondents is None:
            raise InputError("The --levels option orders the answers of RESPONDENTS columns, "
                             "but no RESPONDENTS file was given.")
        if respondents is None:
            frame = read_comments(comments, encoding=encoding, sep=sep)
            n_resp = frame["respondent_id"].nunique() if "respondent_id" in frame else 0
        else:
            corpus = read_corpus(comments, respondents, encoding=encoding, sep=sep,
                                 missing_values=missing_values(missing_value), levels=order,
                                 multi_select=multi_select_argument(multi_select,
                                                                    multi_select_columns),
                                 decimal_comma=decimal_comma)
            frame, n_resp = corpus.comments, len(corpus.respondents)
            note_partial_responses(corpus.respondents, respondents.name)
        problems = extra_text_columns(frame, (
            "Leave it out when you pseudonymise (carevoice pseudonymise --drop-column COLUMN; "
            "[input] drop_columns in a batch run), or remove it from the file."))
        if respondents is not None:
            try:
                closed_answers(corpus.respondents, closed_columns=closed_column or None,
                               drop_columns=drop_column or (), how=CLI_WAY_OUT,
                               not_free_text=not_free_text or (), source=respondents.name,
                               unnamed_how=CLI_UNNAMED_HOW)
            except ValidationError as e:
                problems += [replace(p, message=f"{respondents.name}: {p.message}")
                             for p in e.problems]
        if problems:
            raise ValidationError(comments.name if respondents is None else
                                  f"{comments.name} and {respondents.name}", problems)
        n, answered = len(frame), int(frame["text"].notna().sum())
        enc = frame.attrs.get("encoding")
    except CarevoiceError as e:
        raise fail(e) from e
    Console().print(f"ok: {n} comments ({answered} answered, {n - answered} no answer) from "
                    f"{n_resp} respondents; encoding {enc}", markup=False)


@app.command("convert")
@typed_command()
def convert_command(
    survey: Annotated[Path, typer.Argument(
        help="Wide survey export (CSV, XLSX, Parquet, SPSS .sav or Stata .dta).")],
    id_column: Annotated[str, typer.Option(help="The respondent id column.")],
    text_column: Annotated[list[str], typer.Option(
        help="A free-text column, repeatable; 'COLUMN=question_id' names its question.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the long form.")],
    drop_column: Annotated[list[str] | None, typer.Option(
        help="A column to leave out, repeatable: free text you do not analyse, names, e-mail "
             "addresses.")] = None,
    closed_column: Annotated[list[str] | None, typer.Option(
        help="Keep ONLY this closed question (repeatable), trusted to be closed: every other "
             "column is left out (a warning names them). Without it every other column is "
             "kept and one that looks like free text is refused; to keep one refused by "
             "mistake and all the others, use --not-free-text.")]
    = None,
    not_free_text: NotFreeTextOption = None,
    multi_select: MultiSelectOption = None,
    multi_select_columns: MultiSelectColumnsOption = None,
    rename: Annotated[list[str] | None, typer.Option(
        help="Rename a closed column in the respondents file: 'OLD=NEW', repeatable (e.g. "
             "'Age group=age_group', the name `carevoice report` looks for).")] = None,
    format: Annotated[str, typer.Option(help="csv, xlsx or parquet.")] = "csv",
    encoding: EncodingOption = None,
    sep: SepOption = None,
    missing_value: MissingValueOption = None,
    levels: LevelsOption = None,
    decimal_comma: DecimalCommaOption = True,
) -> None:
    """Turn a wide survey export into long-form comments and respondents files.

    Columns that look like free text are refused as closed answers: analyse them with
    --text-column, leave them out with --drop-column, or vouch for a closed question with
    --not-free-text. A tick-all-that-apply question (--multi-select,
    --multi-select-columns) becomes one no/yes answer per option.
    """

    from ._labelled import rename_answers
    from ._output_paths import check_paths
    from .corpus import check_output_path, read_survey, write_corpus

    mapping = dict(c.split("=", 1) if "=" in c else (c, c) for c in text_column)
    try:
        check_output_path(output, kind="folder")
        check_paths({"SURVEY": survey},
                    {f"--output folder's {name}.{format}": output / f"{name}.{format}"
                     for name in ("comments", "respondents")})
        renames = _renames(rename)
        corpus = read_survey(survey, text_columns=mapping, id_column=id_column,
                             closed_columns=closed_column, drop_columns=drop_column or (),
                             not_free_text=not_free_text or (),
                             encoding=encoding, sep=sep,
                             missing_values=missing_values(missing_value),
                             levels=given_levels(levels),
                             multi_select=multi_select_argument(multi_select,
                                                                multi_select_columns),
                             decimal_comma=decimal_comma)
        closed = [c for c in corpus.respondents.columns if c != "respondent_id"]
        unknown = [old for old in renames if old not in closed]
        taken = [new for old, new in renames.items()
                 if new == "respondent_id" or (new in closed and new not in renames)]
        if unknown or taken or len(set(renames.values())) < len(renames):
            raise InputError(
                "The --rename option must name closed columns of the respondents file and new "
                "names that are not taken"
                + (f"; not closed columns: {unknown}" if unknown else "")
                + (f"; names taken: {taken}" if taken else "") + ".")
        corpus = replace(corpus, respondents=rename_answers(corpus.respondents, renames))
        paths = write_corpus(corpus, output, format=format)
        from .provenance import step_manifest, write_manifest

        write_manifest(Path(output) / "manifest.json", step_manifest(
            "convert", seed=None, models=False,
            settings={"id_column": id_column, "text_columns": mapping,
                      "closed_column": closed_column or [], "drop_column": drop_column or [],
                      "not_free_text": not_free_text or [], "rename": renames,
                      "format": format, "encoding": encoding, "sep": sep,
                      "missing_values": missing_values(missing_value),
                      "levels": given_levels(levels),
                      **({} if decimal_comma else {"decimal_comma": False})},
            inputs={"SURVEY": survey}, outputs=paths))
    except CarevoiceError as e:
        raise fail(e) from e
    Console().print(f"{corpus!r} written to {paths['comments']} and {paths['respondents']}",
                    markup=False)


def _renames(specs: list[str] | None) -> dict[str, str]:
    """Parse ``--rename OLD=NEW`` options into a mapping."""
    out: dict[str, str] = {}
    for spec in specs or []:
        old, sep, new = spec.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise InputError(f"The --rename option must look like 'OLD=NEW'. Got {spec!r} "
                             "instead.")
        out[old.strip()] = new.strip()
    return out


@app.command("models")
@typed_command()
def models_command() -> None:
    """Verify the packaged models' file hashes and print their versions."""
    from .models import SENTENCE_MODEL, SPACY_MODEL, model_versions, verify_model

    try:
        for model in (SPACY_MODEL, SENTENCE_MODEL):
            verify_model(model)
    except CarevoiceError as e:
        raise fail(e) from e
    table = Table(title="carevoice models (hashes verified, loaded offline)")
    table.add_column("package")
    table.add_column("version")
    for name, version in model_versions().items():
        table.add_row(name, version)
    Console().print(table)


def _register_step_commands() -> None:
    """Register the commands each pipeline step defines next to its own code.

    The step modules import only typer at module level; their heavy dependencies load when a
    command runs, so ``carevoice --help`` stays fast.
    """
    from .batch.command import run_command
    from .discover.command import discover_command
    from .pseudonymise.command import pseudonymise_command, reidentify_command
    from .qda.command import export_qdpx_command, import_qdpx_command
    from .report.command import compare_waves_command, link_command, report_command
    from .safeguarding.command import safeguarding_command
    from .themes.agreement_command import agreement_command
    from .themes.command import code_command

    for name, function in [
        ("pseudonymise", pseudonymise_command),
        ("reidentify", reidentify_command),
        ("safeguarding", safeguarding_command),
        ("code", code_command),
        ("discover", discover_command),
        ("link", link_command),
        ("compare-waves", compare_waves_command),
        ("report", report_command),
        ("export-qdpx", export_qdpx_command),
        ("import-qdpx", import_qdpx_command),
        ("agreement", agreement_command),
        ("run", run_command),
    ]:
        app.command(name)(function)


_register_step_commands()


def main() -> None:
    """Entry point of the ``carevoice`` script."""
    app()


if __name__ == "__main__":
    main()
