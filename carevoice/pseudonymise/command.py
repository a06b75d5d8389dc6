"""The ``carevoice pseudonymise`` and ``carevoice reidentify`` commands.

Thin typer functions: they parse arguments, call the library functions and print counts. They
never print comment text. ``carevoice.cli`` registers them with
``app.command("pseudonymise")(pseudonymise_command)``.

Every output path is checked before anything is written (an output that is an input, two
outputs that are one file, a key file that exists without ``--overwrite``), and every file is
written through a temporary file and a rename, so a refused or failed run leaves the files it
found as they were.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .._argnames import as_typed
from .._options import EncodingOption, SepOption, typed_command

__all__ = ["pseudonymise_command", "reidentify_command"]


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {as_typed(str(error))}", err=True)
    return typer.Exit(code=2)


def _secret(secret_file: Path | None, new_secret: Path | None, prompt_secret: bool,
            required: bool) -> bytes | None:
    from ..errors import InputError
    from .keys import generate_secret, read_secret
    from .replace import as_secret

    given = [x for x in (secret_file, new_secret) if x is not None] + ([1] if prompt_secret else [])
    if len(given) > 1:
        raise InputError("Give only one of --secret-file, --new-secret and --prompt-secret.")
    if secret_file is not None:
        return read_secret(secret_file)
    if new_secret is not None:  # written by the caller once the run has succeeded
        return as_secret(generate_secret())
    if prompt_secret:
        if not sys.stdin.isatty():
            raise InputError("--prompt-secret needs an interactive terminal; use --secret-file.")
        return as_secret(typer.prompt("Project secret", hide_input=True))
    if required:
        raise InputError("Writing or reading a re-identification key needs the project secret: "
                         "give --secret-file PATH, --new-secret PATH (creates one) or "
                         "--prompt-secret.")
    return None


def _columns(pairs: list[str] | None) -> dict[str, str] | None:
    """``--column Answer=text`` options as a rename mapping."""
    from ..errors import InputError

    if not pairs:
        return None
    out = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise InputError(f"--column takes YOURS=OURS, e.g. --column Answer=text. Got {pair!r}.")
        out[old.strip()] = new.strip()
    return out


def _csv_output(path: Path) -> None:
    """The pseudonymised (or restored) comments are written as CSV only: say so up front."""
    from ..errors import InputError

    if path.suffix.lower() != ".csv":
        raise InputError(f"The --output option must name a .csv file (the comments are "
                         f"written as UTF-8 CSV). Got {path.name!r}; convert it afterwards "
                         "with any spreadsheet program if you need another format.")


def _read(path: Path, columns: dict[str, str] | None, encoding: str | None = None,
          sep: str | None = None) -> Any:
    """Read comments; a missing column's error says to map columns with --column (the
    command records ``columns`` as ``--column``: see :func:`carevoice._argnames.typed_as`)."""
    from ..corpus import read_comments

    return read_comments(path, columns=columns, encoding=encoding, sep=sep)


def _without_text_columns(frame: Any, drop: list[str] | None, name: str) -> Any:
    """The comments less the ``--drop-column`` columns; refuse other columns of free text."""
    from .._answers import extra_text_columns
    from ..errors import InputError, ValidationError
    from ..schema import COMMENT_ID, TEXT

    drop = list(dict.fromkeys(drop or ()))
    unknown = [c for c in drop if c not in frame.columns or c in (COMMENT_ID, TEXT)]
    if unknown:
        raise InputError(f"The --drop-column option names columns that {name} does not have "
                         f"(or needs: comment_id, text): {unknown}.")
    kept = frame.drop(columns=drop)
    problems = extra_text_columns(kept, "Leave it out with --drop-column COLUMN (repeatable), "
                                        "or pseudonymise its answers as comments of their own "
                                        "(one row each in the text column).")
    if problems:
        raise ValidationError(name, problems)
    return kept


def _check_decisions(decided: Any, frame: Any, path: Path) -> None:
    """Refuse decision rows on comments COMMENTS lacks, or offsets outside their comment's
    text (the check of batch runs, :func:`carevoice.pseudonymise.review.misplaced_decisions`):
    such a row would otherwise decide nothing, unseen. Ids only, never text."""
    from ..errors import InputError, format_ids
    from ..schema import COMMENT_ID
    from .review import misplaced_decisions

    known = set(frame[COMMENT_ID].astype(str))
    unknown = list(dict.fromkeys(c for c in decided[COMMENT_ID].astype(str) if c not in known))
    misplaced = misplaced_decisions(decided, frame)
    problems = []
    if unknown:
        problems.append(f"rows for comments that are not in COMMENTS: {format_ids(unknown)} "
                        "(fill in the review file of a run of this input, or delete those "
                        "rows)")
    if misplaced:
        problems.append(f"start/end offsets outside the text of their comment: "
                        f"{format_ids(misplaced)} (filled in for another version of the "
                        "input, or edited by hand? Leave start and end as the review file "
                        "has them)")
    if problems:
        raise InputError(f"The --decisions file {path.name!r} has " + "; and ".join(problems)
                         + ". Nothing was written.")


def _write_spans(path: Path, spans: Any) -> None:
    from ._files import write_atomic

    def write(fh: Any) -> None:
        for row in spans.itertuples(index=False):
            fh.write(json.dumps({"comment_id": row.comment_id, "start": int(row.start),
                                 "end": int(row.end), "label": row.label,
                                 "score": round(float(row.score), 3),
                                 "detector": row.detector}) + "\n")

    write_atomic(path, write)


def _write_manifest(config: Any, *, output: Path, comments: Path, result: Any,
                    secret: str | None, names: dict[str, str] | None,
                    drop_column: list[str] | None, encoding: str | None, sep: str | None,
                    **files: Path | None) -> None:
    """``NAME.manifest.json`` beside the pseudonymised comments: settings, files, versions.

    The secret is never recorded, only the option that gave it; the key and the review file
    are named with their SHA-256 (of the encrypted key; of the review file, which holds
    original text and stays with the research team).
    """
    from dataclasses import asdict

    from ..provenance import write_step_manifest
    from ..quotes import REVIEW_COLUMN

    settings = asdict(config)
    write_step_manifest(
        output, "pseudonymise", seed=None, codebook=False,
        settings={**settings, "token_model": "packaged" if settings["token_model"] is None
                  else str(settings["token_model"]), "secret": secret,
                  "decisions": files["decisions"] is not None, "column": names,
                  "drop_column": drop_column, "encoding": encoding, "sep": sep},
        inputs={"COMMENTS": comments, "--decisions": files["decisions"],
                "--token-model": files["token_model"],
                "--previous-key": files["previous_key"]},
        outputs={"--output": output, "--spans": files["spans"],
                 "--review-file": files["review_file"], "--key-file": files["key_file"]},
        counts={"comments": len(result.comments), "spans": len(result.spans),
                "for_review": len(result.review),
                "needs_review": int(result.comments[REVIEW_COLUMN].sum())})


@typed_command(columns="--column")
def pseudonymise_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file (CSV/XLSX/Parquet) with comment_id and text; respondent_id, "
             "question_id and other columns pass through, unless they look like free text.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Pseudonymised comments (CSV).")],
    spans: Annotated[Path | None, typer.Option(
        "--spans", help="Write the detected spans here (JSON lines; offsets into the original "
                        "text; no text).")] = None,
    mode: Annotated[str, typer.Option(
        help="tags ([PERSON_1]), surrogates (realistic fictional values) or redact.")] = "tags",
    tag_style: Annotated[str, typer.Option(
        "--tag-style", help="label ([PERSON_1]) or words ([Person 1]).")] = "label",
    redaction: Annotated[str, typer.Option(
        help="The mask written in redact mode.")] = "[REDACTED]",
    locale: Annotated[str, typer.Option(
        help="Faker locale of surrogate places, streets and organisations.")] = "en_GB",
    key_file: Annotated[Path | None, typer.Option(
        "--key-file",
        help="Write the encrypted re-identification key here (needs a secret).")] = None,
    previous_key: Annotated[Path | None, typer.Option(
        "--previous-key", help="The key of an earlier wave pseudonymised with the same secret "
                               "and mode: its people keep their tags or surrogates.")] = None,
    secret_file: Annotated[Path | None, typer.Option(
        "--secret-file", help="Read the project secret from this file.")] = None,
    new_secret: Annotated[Path | None, typer.Option(
        "--new-secret", help="Generate a project secret and write it to this new file.")] = None,
    prompt_secret: Annotated[bool, typer.Option(
        "--prompt-secret", help="Type the project secret (hidden).")] = False,
    review_file: Annotated[Path | None, typer.Option(
        "--review-file", help="Write uncertain spans, and words shaped like a missed name, "
                              "for a person to accept or reject (.csv or .xlsx; holds "
                              "original text; owner-only).")] = None,
    decisions: Annotated[Path | None, typer.Option(
        "--decisions", help="Apply a filled-in review file from an earlier run.")] = None,
    review_threshold: Annotated[float, typer.Option(
        help="Spans scoring below this go to the review file.")] = 0.6,
    n_process: Annotated[int, typer.Option(
        help="spaCy processes (helps from a few thousand comments).")] = 1,
    token_model: Annotated[Path | None, typer.Option(
        "--token-model", help="A token model of your own (saved with TokenModel.save) instead "
                              "of the packaged one.")] = None,
    column: Annotated[list[str] | None, typer.Option(
        "--column", help="Map a column of yours to carevoice's, e.g. --column Answer=text "
                         "(repeat for each).")] = None,
    drop_column: Annotated[list[str] | None, typer.Option(
        "--drop-column", help="A column of COMMENTS to leave out of the output (repeatable). "
                              "A column other than text that looks like free text or asks for "
                              "a name is refused until you leave it out.")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing key file.")] = False,
    encoding: EncodingOption = None,
    sep: SepOption = None,
) -> None:
    """Find and replace personal data in comments; write the key only when asked, encrypted.

    Only the text column is pseudonymised; the other columns are copied as they are, so one
    that looks like free text ("worker_note", "child_name") is refused: leave it out with
    --drop-column.
    """
    from dataclasses import replace

    from ..errors import CarevoiceError
    from ._files import check_paths, write_csv
    from .core import PseudonymiseConfig, pseudonymise
    from .keys import write_secret
    from .review import (
        check_review_path,
        is_shape_row,
        read_decisions,
        review_flags,
        with_review_column,
        write_review_table,
    )

    try:
        config = PseudonymiseConfig(mode=mode, review_threshold=review_threshold,
                                    n_process=n_process, token_model=token_model,
                                    tag_style=tag_style, redaction=redaction, locale=locale)
        _csv_output(output)
        if review_file is not None:
            check_review_path(review_file, "The --review-file option")
        check_paths(
            {"COMMENTS": comments, "--decisions": decisions, "--secret-file": secret_file,
             "--token-model": token_model, "--previous-key": previous_key},
            {"--output": output, "--spans": spans, "--review-file": review_file,
             "--key-file": key_file, "--new-secret": new_secret},
            keep={"--new-secret": "carevoice will not overwrite a secret (old keys need it).",
                  **({} if overwrite else {
                      "--key-file": "Pass --overwrite to replace it, or choose another path."})})
        if (key_file is not None or previous_key is not None) and not (
                secret_file or new_secret or prompt_secret):
            _secret(None, None, False, required=True)  # says which options give a secret
        names = _columns(column)
        frame = _without_text_columns(_read(comments, names, encoding, sep), drop_column,
                                      comments.name)
        decided = read_decisions(decisions) if decisions is not None else None
        if decided is not None:  # rows for other comments, or offsets beyond the text
            _check_decisions(decided, frame, decisions)
        secret = _secret(secret_file, new_secret, prompt_secret,
                         required=key_file is not None or previous_key is not None)
        result = pseudonymise(frame, config, secret=secret, decisions=decided,
                              previous_key=previous_key)
        # the comments not to quote until a person has reviewed them (the rule of every
        # command), marked in a column that travels with the text
        result = replace(result, comments=with_review_column(
            result.comments, review_flags(result, config=config.review_config()),
            comments.name))
        if new_secret is not None:  # before the key it opens; nothing is written before it
            assert secret is not None
            write_secret(new_secret, secret.decode("utf-8"))
            typer.echo(f"wrote a new project secret to {new_secret} (keep it apart from the "
                       "outputs; it is needed to open the key and to keep replacements "
                       "consistent)", err=True)
        if key_file is not None:  # the key next: outputs without their key are of no use
            assert secret is not None  # _secret raised otherwise
            result.write_key(key_file, secret, overwrite=overwrite)
        write_csv(result.comments, output)
        if spans is not None:
            _write_spans(spans, result.spans)
        if review_file is not None:
            write_review_table(result.review, review_file, "The --review-file option")
        _write_manifest(config, output=output, spans=spans, review_file=review_file,
                        key_file=key_file, comments=comments, decisions=decisions,
                        token_model=token_model, previous_key=previous_key,
                        secret=next((how for how, given in (
                            ("--secret-file", secret_file), ("--new-secret", new_secret),
                            ("--prompt-secret", prompt_secret)) if given), None),
                        names=names, drop_column=drop_column, encoding=encoding, sep=sep,
                        result=result)
    except CarevoiceError as e:
        raise _fail(e) from e
    counts = ", ".join(f"{lab} {n}" for lab, n in result.counts().itertuples(index=False))
    n_comments = result.spans["comment_id"].nunique() if len(result.spans) else 0
    typer.echo(f"{len(result.comments)} comments, {len(result.spans)} spans replaced in "
               f"{n_comments} comments ({counts or 'none'}); mode {mode}; wrote {output}", err=True)
    if review_file is not None:
        words = int(is_shape_row(result.review["detector"]).sum())
        typer.echo(f"{len(result.review)} spans to review in {review_file}"
                   + (f" ({words} of them a word shaped like a missed name: 'accept' masks "
                      "it, 'reject' says it is no name)" if words else ""), err=True)
    flagged = int(result.comments["needs_review"].sum())
    if flagged:
        typer.echo(f"{flagged} comments marked needs_review in {output.name}: carevoice report "
                   "never quotes them until the review is done (see --review-file and "
                   "--decisions)", err=True)
    if decided is not None:
        typer.echo(f"decisions applied: {result.spans.attrs.get('decisions', {})}", err=True)
    if key_file is not None:
        typer.echo(f"encrypted key written to {key_file}", err=True)
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    if secret is None and mode == "surrogates":
        typer.echo("note: no project secret given, so surrogates will differ in the next run; "
                   "use --new-secret / --secret-file to keep them stable", err=True)


@typed_command()
def reidentify_command(
    pseudonymised: Annotated[Path, typer.Argument(help="Pseudonymised comments (CSV).")],
    key_file: Annotated[Path, typer.Option("--key-file", help="The encrypted key.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Re-identified comments (CSV).")],
    secret_file: Annotated[Path | None, typer.Option(
        "--secret-file", help="Read the project secret from this file.")] = None,
    prompt_secret: Annotated[bool, typer.Option(
        "--prompt-secret", help="Type the project secret (hidden).")] = False,
    keep_changed: Annotated[bool, typer.Option(
        "--keep-changed", help="Leave comments whose text changed since pseudonymisation "
                               "masked (their ids are listed) instead of refusing.")] = False,
    encoding: EncodingOption = None,
    sep: SepOption = None,
) -> None:
    """Put the original text back, for an authorised person holding the project secret.

    Exits with status 2, writing nothing, when the key restores none of the comments and
    some of them show it is not their key (tags it has no entry for, another text under a
    ``comment_id`` it knows); warns with counts and ids when only some comments hold tags it
    does not know.
    """
    import warnings

    from ..errors import CarevoiceError
    from ._files import check_paths, write_csv
    from .keys import read_key, reidentify

    try:
        _csv_output(output)
        check_paths({"PSEUDONYMISED": pseudonymised, "--key-file": key_file,
                     "--secret-file": secret_file}, {"--output": output})
        secret = _secret(secret_file, None, prompt_secret, required=True)
        assert secret is not None
        frame = _read(pseudonymised, None, encoding, sep)
        key = read_key(key_file, secret)
        with warnings.catch_warnings(record=True) as caught:  # shown as lines of our own
            warnings.simplefilter("always", UserWarning)
            restored = reidentify(frame, key, if_changed="keep" if keep_changed else "raise")
        write_csv(restored, output, private=True)
    except CarevoiceError as e:
        raise _fail(e) from e
    done = restored.attrs.get("reidentified", 0)
    typer.echo(f"{done} of {len(restored)} comments re-identified ({len(key.occurrences)} "
               f"occurrences in the key); wrote {output}", err=True)
    note = restored.attrs.get("note")
    if note:
        typer.echo(f"note: {note}", err=True)
    for warning in caught:
        typer.echo(f"warning: {warning.message}", err=True)
