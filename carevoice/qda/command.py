"""The ``carevoice export-qdpx`` and ``carevoice import-qdpx`` commands.

Thin wrappers: they parse arguments, read the files and call :mod:`carevoice.qda`. Messages name
files, columns and ids, never comment text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .._options import (
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

__all__ = ["export_qdpx_command", "import_qdpx_command"]


def _fail(error: Exception) -> typer.Exit:
    from ..cli import fail

    return fail(error)


def _count_codings(path: Path) -> int:
    """How many codings the project written holds (read back from its ``project.qde``)."""
    import xml.etree.ElementTree as ET
    import zipfile

    from ._xml import local

    with zipfile.ZipFile(path) as archive, archive.open("project.qde") as fh:
        return sum(1 for _, el in ET.iterparse(fh) if local(el.tag) == "Coding")


def _warn_unknown_themes(coded: Any, book: Any, path: Path | None) -> None:
    """Warn about themes the codebook lacks (a .qdc codebook lists its codes' themes)."""
    from .._theme_ids import codebook_name, unknown_themes

    if book is None:
        from ..themes import load_codebook

        book = load_codebook()
    known = (book.theme_ids if hasattr(book, "theme_ids")
             else book["theme"].tolist() if "theme" in getattr(book, "columns", ()) else None)
    if known is not None:  # a .qdc read as a frame (theme ids that a Codebook refuses)
        unknown_themes(coded["theme"], [str(t) for t in known], codebook=codebook_name(path))


def _read_codebook(path: Path | None):
    if path is None:
        return None
    if path.suffix.lower() == ".qdc":
        from .codebook import read_qdc

        return read_qdc(path)
    from ..themes import load_codebook

    return load_codebook(path)


def _check_declared(frame: Any, comments: Path, answers: Any, free: list[Any]) -> None:
    """Refuse comments or free-text answers said to be pseudonymised that hold a phone number,
    e-mail address, postcode, NHS or NI number (named by comment_id, respondent_id)."""
    import pandas as pd

    from ..pseudonymise.declared import check_pseudonymised
    from ..schema import RESPONDENT_ID, TEXT

    check_pseudonymised(frame, declared="--already-pseudonymised",
                        what=f"the comments of COMMENTS {comments.name!r}")
    for column in free:
        cells = pd.DataFrame({RESPONDENT_ID: answers[RESPONDENT_ID].to_numpy(),
                              TEXT: answers[column].astype(object).to_numpy()})
        cells[TEXT] = [None if pd.isna(t) else str(t) for t in cells[TEXT]]
        check_pseudonymised(cells, declared="--already-pseudonymised", id_column=RESPONDENT_ID,
                            what=f"the free-text answers in column {str(column)!r} of "
                                 "RESPONDENTS")


@typed_command()
def export_qdpx_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file (CSV/XLSX/Parquet): comment_id, text, respondent_id, question_id.")],
    codes: Annotated[Path, typer.Argument(
        help="Codes as written by `carevoice code`: comment_id, theme, score, assigned.")],
    respondents: Annotated[Path | None, typer.Argument(
        help="Respondents file: respondent_id and the survey answers (become case variables).")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The .qdpx file to write.")
                      ] = Path("project.qdpx"),
    codebook: Annotated[Path | None, typer.Option(
        help="Codebook (.yaml/.toml/.json or .qdc); the default codebook if left out.")] = None,
    already_pseudonymised: Annotated[bool, typer.Option(
        "--already-pseudonymised",
        help="COMMENTS is the output of `carevoice pseudonymise`: write its text (and the "
             "free-text answers) as they are (refused if a phone number, e-mail address, "
             "postcode, NHS or NI number is found in them). Without this flag both are "
             "pseudonymised on export.")] = False,
    free_text: Annotated[list[str] | None, typer.Option(
        "--free-text", help="A RESPONDENTS column that holds free text (pseudonymised with "
                            "the comments, never listed as levels); repeatable. Columns that "
                            "look like free text or ask for a name are found as well.")] = None,
    user: Annotated[str | None, typer.Option(
        help="Name of the person (or model) who made the codings whose row names no one (a "
             "'user' or 'coder' column of CODES names the coder row by row). Default: "
             "carevoice's coder when the manifest beside CODES (CODES.manifest.json, as "
             "`carevoice code`, a batch run and the demo write it) says it made them, else "
             "'carevoice export (coder not stated)'.")] = None,
    model_codes: Annotated[bool, typer.Option(
        "--model-codes",
        help="CODES was written by carevoice's coder with the packaged sentence model but "
             "has no manifest beside it (copied without it, or from an older version): name "
             "carevoice's coder, with the model and the --codebook's version, as the user of "
             "the codings whose row names no one.")] = False,
    name: Annotated[str, typer.Option(help="The project's name in the QDA tool.")
                    ] = "carevoice project",
    inline_text: Annotated[bool, typer.Option(
        "--inline-text", help="Put the text inside project.qde instead of sources/*.txt.")
    ] = False,
    validate: Annotated[bool, typer.Option(
        "--validate", help="Check the project against the REFI-QDA schema (needs xmlschema).")
    ] = False,
    encoding: EncodingOption = None,
    sep: SepOption = None,
    missing_value: MissingValueOption = None,
    levels: LevelsOption = None,
    drop_column: DropColumnOption = None,
    not_free_text: NotFreeTextOption = None,
    multi_select: MultiSelectOption = None,
    multi_select_columns: MultiSelectColumnsOption = None,
    decimal_comma: DecimalCommaOption = True,
) -> None:
    """Write a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder.

    One text source per comment (pseudonymised), one case per respondent with the survey answers
    as variables, the codebook, and one coding per assigned theme. Answer columns of only
    true/false become Boolean variables, of only dates (YYYY-MM-DD) Date variables, of dates
    and times (YYYY-MM-DDTHH:MM:SS) DateTime variables. Answer columns that look like free
    text or ask for a name are pseudonymised with the comments (a closed question never is);
    leave a column out of the project with --drop-column, or vouch for a closed question
    taken for free text with --not-free-text.
    """
    from .._output_paths import check_paths
    from ..corpus import check_output_path, read_codes, read_comments, read_respondents
    from ..errors import CarevoiceError, InputError
    from ..provenance import CODER_STEPS, codes_provenance, write_step_manifest
    from ._values import free_text_answers, identifier_answers
    from .export import export_qdpx

    try:
        check_output_path(output, argument="--output", kind="file", suffixes=(".qdpx",))
        check_paths({"COMMENTS": comments, "CODES": codes, "RESPONDENTS": respondents,
                     "--codebook": codebook}, {"--output": output})
        if model_codes and user is not None:
            raise InputError("The --user and --model-codes options both name the coder; give "
                             "one of them.")
        order = given_levels(levels)
        if order and respondents is None:
            raise InputError("The --levels option orders the answers of RESPONDENTS columns, "
                             "but no RESPONDENTS file was given.")
        frame = read_comments(comments, encoding=encoding, sep=sep)
        coded = read_codes(codes, encoding=encoding, sep=sep)
        # as read: free text is judged before answers are typed, as `link` judges it
        answers = None if respondents is None else read_respondents(
            respondents, encoding=encoding, sep=sep,
            missing_values=missing_values(missing_value), levels=order,
            multi_select=multi_select_argument(multi_select, multi_select_columns),
            decimal_comma=decimal_comma)
        if drop_column:
            if answers is None:
                raise InputError("The --drop-column option names RESPONDENTS columns, but no "
                                 "RESPONDENTS file was given.")
            unknown = [c for c in drop_column if c not in answers.columns
                       or c == "respondent_id"]
            if unknown:
                raise InputError(f"The --drop-column option names columns that "
                                 f"{respondents.name} does not have as answers: {unknown}.")
            answers = answers.drop(columns=list(dict.fromkeys(drop_column)))
        if not_free_text and answers is None:
            raise InputError("The --not-free-text option names RESPONDENTS columns, but no "
                             "RESPONDENTS file was given.")
        free = free_text_answers(answers, free_text, not_free_text=not_free_text or ())
        left_out = identifier_answers(answers, free)  # export_qdpx leaves them out
        written = [c for c in free if c not in set(left_out)]
        if already_pseudonymised:  # a cheap check that the flag is not given by mistake
            _check_declared(frame, comments, answers, written)
        book = _read_codebook(codebook)
        _warn_unknown_themes(coded, book, codebook)
        made = codes_provenance(codes)
        coder_from = "--user" if user is not None else None
        if model_codes:  # the version of the codebook the project holds, as the codes'
            from .codebook import code_specs
            from .export import default_user

            user, coder_from = default_user(code_specs(book)[1].version), "--model-codes"
        elif user is None and made["known"] and made.get("step") in CODER_STEPS:
            # `carevoice code`, a run or the demo wrote these codes, their manifest says: the
            # coder made them, reading the comments with the model it names
            from .export import default_user

            user = default_user((made.get("codebook") or {}).get("version"),
                                carevoice_version=made.get("carevoice"),
                                model=(made.get("settings") or {}).get("embedder"))
            coder_from = made["manifest"]
        path = export_qdpx(frame, coded, answers, output, codebook=book,
                           user=user, pseudonymise=not already_pseudonymised, free_text=free,
                           not_free_text=not_free_text or (),
                           project_name=name, inline_text=inline_text, validate=validate)
        write_step_manifest(
            output, "export-qdpx", seed=None, codebook=codebook, models=False,
            settings={"already_pseudonymised": already_pseudonymised,
                      "free_text": [str(c) for c in written],
                      "left_out": [str(c) for c in left_out],
                      "user_given": user is not None, "coder_from": coder_from,
                      "inline_text": inline_text, "validate": validate,
                      "drop_column": drop_column or [], "not_free_text": not_free_text or [],
                      "encoding": encoding, "sep": sep,
                      "missing_values": missing_values(missing_value), "levels": order,
                      **({} if decimal_comma else {"decimal_comma": False})},
            inputs={"COMMENTS": comments, "CODES": codes, "RESPONDENTS": respondents,
                    "--codebook": codebook},
            outputs={"--output": path}, codes_made_with=made)
    except CarevoiceError as e:
        raise _fail(e) from e
    columns = ", ".join(map(str, written))
    if already_pseudonymised:
        note = " (text written as given" + (
            f"; free-text answers in {columns} written as given, not pseudonymised)"
            if written else ")")
    else:
        note = " (comment text" + (f" and free-text answers in {columns}" if written else "") + (
            " pseudonymised on export)")
    if left_out:
        note += (f"; left out of the project: {', '.join(map(str, left_out))} (identifiers "
                 "given as numbers or dates, such as a date of birth or an NHS or phone "
                 "number, which pseudonymising cannot hide; --not-free-text COLUMN keeps a "
                 "closed question taken for one)")
    if coder_from not in (None, "--user", "--model-codes"):
        note += (f"; codings that name no coder attributed to carevoice's coder, as "
                 f"{coder_from} says (--user NAME names another)")
    typer.echo(f"wrote {path}: {int(frame['text'].notna().sum())} comments, "
               f"{_count_codings(path)} codings{note}")


@typed_command()
def import_qdpx_command(
    project: Annotated[Path, typer.Argument(
        help="A .qdpx project (or .qde file, or unzipped project folder) edited in a QDA tool.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Codes file to write (CSV/XLSX/Parquet): one row per coding.")
    ] = Path("codes.csv"),
    user: Annotated[list[str] | None, typer.Option(
        "--user", help="Keep only this user's codings; repeatable.")] = None,
    reviewed: Annotated[bool, typer.Option(
        "--reviewed", help="Write one row per comment and theme still coded after review "
                           "(comment_id, theme, assigned), for `carevoice code` training.")
    ] = False,
    comments_out: Annotated[Path | None, typer.Option(
        "--comments", help="Also write the sources (comment_id, respondent_id, question_id, "
                           "text) to this file.")] = None,
    respondents_out: Annotated[Path | None, typer.Option(
        "--respondents", help="Also write the cases' variables to this file.")] = None,
    codebook_out: Annotated[Path | None, typer.Option(
        "--codebook", help="Also write the project's codebook (.yaml, .json or .qdc).")] = None,
    validate: Annotated[bool, typer.Option(
        "--validate", help="Refuse a project that does not validate against the schema.")
    ] = False,
    allow_changed_text: Annotated[bool, typer.Option(
        "--allow-changed-text", help="Read sources whose text changed since carevoice "
                                     "exported it (their codings may point at other words).")
    ] = False,
    overwrite: Annotated[bool, typer.Option(
        help="Replace an existing --comments or --respondents file (refused without it: the "
             "survey's own comments or respondents file is easily named there by mistake).")
    ] = False,
) -> None:
    """Read a REFI-QDA project back into a codes table keyed by comment_id and user.

    With --user, the codes file holds only the codings of the users named. The codes' manifest
    goes beside them (codes.manifest.json for codes.csv), as every single-step command writes
    one: the settings, the SHA-256 of the project and of every file written.
    """
    from .._files import check_table_cells
    from .._output_paths import check_paths
    from ..corpus import check_output_path, write_table
    from ..errors import CarevoiceError, InputError
    from ..provenance import write_step_manifest
    from .codebook import write_qdc
    from .read import read_qdpx, reviewed_codes

    try:
        check_output_path(output, argument="--output")
        for option, path in (("--comments", comments_out), ("--respondents", respondents_out)):
            if path is not None:
                check_output_path(path, argument=option)
        if codebook_out is not None:
            check_output_path(codebook_out, argument="--codebook", kind="file")
        check_paths({"PROJECT": project},
                    {"--output": output, "--comments": comments_out,
                     "--respondents": respondents_out, "--codebook": codebook_out},
                    keep={} if overwrite else dict.fromkeys(
                        ("--comments", "--respondents"),
                        "Pass --overwrite to replace it, or choose another path."))
        read = read_qdpx(project, validate=validate, check_text=not allow_changed_text)
        codes = read.codes
        if user:
            known = set(codes["user"].astype(str))
            unknown = [u for u in user if u not in known]
            if unknown:
                raise InputError(f"The --user option names users with no coding: "
                                 f"{', '.join(unknown)}. Users: {', '.join(sorted(known))}.")
            codes = codes[codes["user"].isin(user).to_numpy()]
        table = reviewed_codes(codes) if reviewed else codes.drop(columns=["coding_guid"])
        if "assigned" in table and table["assigned"].dtype == bool:
            # as `carevoice code` writes it
            table = table.assign(assigned=table["assigned"].map({True: "true", False: "false"}))
        # every table checked before the first is written, so that none is left half done
        for frame, path in ((table, output), (read.comments, comments_out),
                            (read.respondents, respondents_out)):
            if path is not None:
                check_table_cells(frame, path)
        if (codebook_out is not None and codebook_out.suffix.lower() != ".qdc"
                and not hasattr(read.codebook, "themes")):
            raise InputError(
                "The project's codebook has no codes, or theme ids that are not carevoice "
                "theme ids (lower-case letters, digits and '_'), so it cannot be written as "
                f"{codebook_out.suffix or 'YAML'}; write it as .qdc instead (--codebook "
                "codebook.qdc).")
        write_table(table, output)
        if comments_out is not None:
            write_table(read.comments, comments_out)
        if respondents_out is not None:
            write_table(read.respondents, respondents_out)
        if codebook_out is not None:
            if codebook_out.suffix.lower() == ".qdc":
                write_qdc(read.codebook, codebook_out)
            else:
                from ..themes import write_codebook

                write_codebook(read.codebook, codebook_out)
        write_step_manifest(
            output, "import-qdpx", seed=None, codebook=False, models=False,
            # the users' names may be people's: how many were asked for, not who
            settings={"users_given": len(user or ()), "reviewed": reviewed,
                      "validate": validate, "allow_changed_text": allow_changed_text,
                      "rows": len(table)},
            inputs={"PROJECT": project},
            outputs={"--output": output, "--comments": comments_out,
                     "--respondents": respondents_out, "--codebook": codebook_out})
    except CarevoiceError as e:
        raise _fail(e) from e
    typer.echo(f"wrote {output}: {len(table)} rows from {read!r}")
