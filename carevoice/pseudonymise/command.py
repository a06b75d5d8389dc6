"""The ``carevoice pseudonymise`` and ``carevoice reidentify`` commands.

Thin typer functions: they parse arguments, call the library functions and print counts. They
never print comment text. ``carevoice.cli`` registers them with
``app.command("pseudonymise")(pseudonymise_command)``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["pseudonymise_command", "reidentify_command"]


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(code=2)


def _secret(secret_file: Path | None, new_secret: Path | None, prompt_secret: bool,
            required: bool) -> bytes | None:
    from ..errors import InputError
    from .keys import read_secret, write_secret
    from .replace import as_secret

    given = [x for x in (secret_file, new_secret) if x is not None] + ([1] if prompt_secret else [])
    if len(given) > 1:
        raise InputError("Give only one of --secret-file, --new-secret and --prompt-secret.")
    if secret_file is not None:
        return read_secret(secret_file)
    if new_secret is not None:
        path = write_secret(new_secret)
        typer.echo(f"wrote a new project secret to {path} (keep it apart from the outputs; "
                   "it is needed to open the key and to keep replacements consistent)", err=True)
        return read_secret(path)
    if prompt_secret:
        if not sys.stdin.isatty():
            raise InputError("--prompt-secret needs an interactive terminal; use --secret-file.")
        return as_secret(typer.prompt("Project secret", hide_input=True))
    if required:
        raise InputError("Writing or reading a re-identification key needs the project secret: "
                         "give --secret-file PATH, --new-secret PATH (creates one) or "
                         "--prompt-secret.")
    return None


def pseudonymise_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file (CSV/XLSX/Parquet) with comment_id and text; other columns pass "
             "through.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Pseudonymised comments (CSV).")],
    spans: Annotated[Path | None, typer.Option(
        "--spans", help="Write the detected spans here (JSON lines; offsets into the original "
                        "text; no text).")] = None,
    mode: Annotated[str, typer.Option(
        help="tags ([PERSON_1]), surrogates (realistic fictional values) or redact.")] = "tags",
    key_file: Annotated[Path | None, typer.Option(
        "--key-file",
        help="Write the encrypted re-identification key here (needs a secret).")] = None,
    secret_file: Annotated[Path | None, typer.Option(
        "--secret-file", help="Read the project secret from this file.")] = None,
    new_secret: Annotated[Path | None, typer.Option(
        "--new-secret", help="Generate a project secret and write it to this new file.")] = None,
    prompt_secret: Annotated[bool, typer.Option(
        "--prompt-secret", help="Type the project secret (hidden).")] = False,
    review_file: Annotated[Path | None, typer.Option(
        "--review-file", help="Write uncertain spans for a person to accept or reject (CSV; "
                              "holds original text).")] = None,
    decisions: Annotated[Path | None, typer.Option(
        "--decisions", help="Apply a filled-in review file from an earlier run.")] = None,
    review_threshold: Annotated[float, typer.Option(
        help="Spans scoring below this go to the review file.")] = 0.6,
    n_process: Annotated[int, typer.Option(
        help="spaCy processes (helps from a few thousand comments).")] = 1,
    token_model: Annotated[Path | None, typer.Option(
        "--token-model", help="A token model of your own (saved with TokenModel.save) instead "
                              "of the packaged one.")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing key file.")] = False,
) -> None:
    """Find and replace personal data in comments; write the key only when asked, encrypted."""
    from ..corpus import read_comments
    from ..errors import CarevoiceError
    from .core import PseudonymiseConfig, pseudonymise
    from .review import read_decisions

    try:
        config = PseudonymiseConfig(mode=mode, review_threshold=review_threshold,
                                    n_process=n_process, token_model=token_model)
        secret = _secret(secret_file, new_secret, prompt_secret, required=key_file is not None)
        frame = read_comments(comments)
        decided = read_decisions(decisions) if decisions is not None else None
        result = pseudonymise(frame, config, secret=secret, decisions=decided)
        output.parent.mkdir(parents=True, exist_ok=True)
        result.comments.to_csv(output, index=False, encoding="utf-8")
        if spans is not None:
            spans.parent.mkdir(parents=True, exist_ok=True)
            with spans.open("w", encoding="utf-8") as fh:
                for row in result.spans.itertuples(index=False):
                    fh.write(json.dumps({"comment_id": row.comment_id, "start": int(row.start),
                                         "end": int(row.end), "label": row.label,
                                         "score": round(float(row.score), 3),
                                         "detector": row.detector}) + "\n")
        if review_file is not None:
            review_file.parent.mkdir(parents=True, exist_ok=True)
            result.review.to_csv(review_file, index=False, encoding="utf-8-sig")
        if key_file is not None:
            assert secret is not None  # _secret raised otherwise
            result.write_key(key_file, secret, overwrite=overwrite)
    except CarevoiceError as e:
        raise _fail(e) from e
    counts = ", ".join(f"{lab} {n}" for lab, n in result.counts().itertuples(index=False))
    n_comments = result.spans["comment_id"].nunique() if len(result.spans) else 0
    typer.echo(f"{len(result.comments)} comments, {len(result.spans)} spans replaced in "
               f"{n_comments} comments ({counts or 'none'}); mode {mode}; wrote {output}", err=True)
    if review_file is not None:
        typer.echo(f"{len(result.review)} spans to review in {review_file}", err=True)
    if decided is not None:
        typer.echo(f"decisions applied: {result.spans.attrs.get('decisions', {})}", err=True)
    if key_file is not None:
        typer.echo(f"encrypted key written to {key_file}", err=True)
    if secret is None and mode == "surrogates":
        typer.echo("note: no project secret given, so surrogates will differ in the next run; "
                   "use --new-secret / --secret-file to keep them stable", err=True)


def reidentify_command(
    pseudonymised: Annotated[Path, typer.Argument(help="Pseudonymised comments (CSV).")],
    key_file: Annotated[Path, typer.Option("--key-file", help="The encrypted key.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Re-identified comments (CSV).")],
    secret_file: Annotated[Path | None, typer.Option(
        "--secret-file", help="Read the project secret from this file.")] = None,
    prompt_secret: Annotated[bool, typer.Option(
        "--prompt-secret", help="Type the project secret (hidden).")] = False,
) -> None:
    """Put the original text back, for an authorised person holding the project secret."""
    from ..corpus import read_comments
    from ..errors import CarevoiceError
    from .keys import read_key, reidentify

    try:
        secret = _secret(secret_file, None, prompt_secret, required=True)
        assert secret is not None
        frame = read_comments(pseudonymised)
        key = read_key(key_file, secret)
        restored = reidentify(frame, key)
        output.parent.mkdir(parents=True, exist_ok=True)
        restored.to_csv(output, index=False, encoding="utf-8")
    except CarevoiceError as e:
        raise _fail(e) from e
    typer.echo(f"{len(restored)} comments re-identified from {len(key.occurrences)} "
               f"occurrences; wrote {output}", err=True)
    note = restored.attrs.get("note")
    if note:
        typer.echo(f"note: {note}", err=True)
