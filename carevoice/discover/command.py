"""The ``carevoice discover`` command: inductive topic discovery without the codebook.

A thin typer function: it parses arguments, calls :class:`carevoice.discover.ThemeDiscovery` and
writes tables. It never prints comment text, and the tables it writes hold no comment text
either (examples are given by ``comment_id``); topic labels and keywords are words of the
comments, so the comments are pseudonymised first unless ``--already-pseudonymised`` says they
were. ``carevoice.cli`` registers it with
``app.command("discover")(discover_command)``.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated

import typer

from .._argnames import as_typed
from .._options import EncodingOption, SepOption, typed_command

__all__ = ["discover_command"]


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {as_typed(str(error))}", err=True)
    return typer.Exit(code=2)


@typed_command(random_state="--seed")
def discover_command(
    comments: Annotated[Path, typer.Argument(help="Comments file (CSV/XLSX/Parquet) with "
                                                  "comment_id and text.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="TOPICS.csv: comment_id, topic (-1 = outlier), score, primary, "
                               "label, keywords, size; a comment may have several rows.")],
    seed: Annotated[int, typer.Option(help="Seed of every random step; same input and seed "
                                           "give a byte-identical output.")] = 0,
    n_topics: Annotated[str, typer.Option(
        "--n-topics", help="Number of topics, or 'auto' (grows with the square root of the "
                           "number of comments).")] = "auto",
    codes: Annotated[Path | None, typer.Option(
        "--codes", help="A CODES.csv from `carevoice code`: discover only over the comments "
                        "it left without a theme or with low confidence.")] = None,
    low_confidence: Annotated[float, typer.Option(
        "--low-confidence", help="With --codes: also rediscover comments whose best assigned "
                                 "theme scores below this.")] = 0.6,
    background: Annotated[Path | None, typer.Option(
        "--background", help="Other comments (comment_id, text), e.g. earlier waves, clustered "
                             "together with COMMENTS to steady a small survey's topics; "
                             "only COMMENTS are assigned and quoted.")] = None,
    topics_info: Annotated[Path | None, typer.Option(
        "--topics-info", help="Also write one row per topic: label, keywords, size, "
                              "representative and diverse example comment_ids.")] = None,
    stability: Annotated[int, typer.Option(
        "--stability", help="Refit at this many other seeds and add each topic's stability "
                            "(mean best-match Jaccard of its comments with the refits' "
                            "topics, 0-1) to --topics-info; each refit costs about as much as "
                            "the clustering.")] = 0,
    min_similarity: Annotated[float, typer.Option(
        "--min-similarity", help="Similarity to the nearest topic below which a comment is an "
                                 "outlier.")] = 0.2,
    max_topics: Annotated[int, typer.Option(
        "--max-topics", help="Most topics per comment.")] = 3,
    membership: Annotated[str, typer.Option(
        "--membership", help="How a comment joins further topics: classifier (each topic's "
                             "cross-fitted logistic regression, probability >= 0.5) or "
                             "similarity (close to the topic's centroid).")] = "classifier",
    reducer: Annotated[str, typer.Option(
        help="Dimension reduction before clustering: spectral, umap or none.")] = "spectral",
    method: Annotated[str, typer.Option(
        "--method", help="kmeans (reduce, cluster, assign) or sparse (each topic an atom of a "
                         "sparse code; a comment in the atoms its code uses; same topics at "
                         "every seed; no --stability). See docs/discover.md.")] = "kmeans",
    centre: Annotated[bool, typer.Option(
        "--centre", help="With --method sparse: centre the vectors before coding (with "
                         "fewer topics than 'auto' it leaves many comments out as "
                         "outliers; see docs/discover.md).")] = False,
    embedder: Annotated[str, typer.Option(
        help="minilm (the packaged sentence model) or hashing (fast, spelling only; for "
             "tests).")] = "minilm",
    cache: Annotated[Path | None, typer.Option(
        "--cache", help="Folder to cache embeddings in: vectors of the pseudonymised text, "
                        "which partly reveal its words, so readable by you alone; delete it "
                        "with the project.")] = None,
    already_pseudonymised: Annotated[bool, typer.Option(
        "--already-pseudonymised",
        help="COMMENTS (and --background) is the output of `carevoice pseudonymise`: use its "
             "text as it is (refused if a phone number, e-mail address, postcode, NHS or NI "
             "number is found in it). Without this flag the text is pseudonymised first, "
             "because topic labels and keywords are made of its words.")] = False,
    encoding: EncodingOption = None,
    sep: SepOption = None,
) -> None:
    """Discover topics in comments without the codebook; write one row per comment and topic.

    Beside TOPICS goes NAME.manifest.json: the version, command, settings, seed, the SHA-256
    of every input and output, the models and the libraries' versions.
    """
    from .._files import check_input_file
    from .._output_paths import check_paths
    from .._summaries import topics_summary
    from ..corpus import check_output_path, read_codes, read_comments, write_table
    from ..embed import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder
    from ..errors import CarevoiceError, InputError
    from ..provenance import codes_provenance, write_step_manifest
    from .model import ThemeDiscovery

    try:
        check_output_path(output)
        if topics_info is not None:
            check_output_path(topics_info, argument="--topics-info")
        check_paths({"COMMENTS": comments, "--codes": codes, "--background": background},
                    {"--output": output, "--topics-info": topics_info})
        if embedder not in ("minilm", "hashing"):
            raise InputError(f"The --embedder option must be 'minilm' or 'hashing'. Got "
                             f"{embedder!r} instead.")
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise InputError(f"The --seed option must be a whole number, 0 or more. Got "
                             f"{seed!r} instead.")
        for path in (comments, codes, background):  # before any work; named as typed
            if path is not None:
                check_input_file(path)
        if isinstance(stability, bool) or not isinstance(stability, int) or stability < 0:
            raise InputError(f"The --stability option must be a whole number, 0 or more. Got "
                             f"{stability!r} instead.")
        if n_topics != "auto" and not n_topics.isdigit():
            raise InputError(f"The --n-topics option must be 'auto' or a positive whole "
                             f"number. Got {n_topics!r} instead.")
        model_embedder: object = (SentenceTransformerEmbedder() if embedder == "minilm"
                                  else HashingEmbedder())
        if cache is not None:
            model_embedder = CachedEmbedder(model_embedder, cache)
        frame = read_comments(comments, encoding=encoding, sep=sep)
        code_frame = (read_codes(codes, encoding=encoding, sep=sep) if codes is not None
                      else None)
        background_frame = (read_comments(background, encoding=encoding, sep=sep)
                            if background is not None else None)
        if already_pseudonymised:  # a cheap check that the flag is not given by mistake
            from ..pseudonymise.declared import check_pseudonymised

            for option, path, table in (("COMMENTS", comments, frame),
                                        ("--background", background, background_frame)):
                if table is not None:
                    check_pseudonymised(table, declared="--already-pseudonymised",
                                        what=f"the comments of {option} {Path(path).name!r}")
        model = ThemeDiscovery(model_embedder, n_topics="auto" if n_topics == "auto"
                               else int(n_topics), reducer=reducer,
                               min_similarity=min_similarity, max_topics=max_topics,
                               membership=membership, low_confidence=low_confidence,
                               random_state=seed, stability=stability,
                               text_is_pseudonymised=already_pseudonymised, method=method,
                               centre=centre)
        with warnings.catch_warnings(record=True) as caught:  # shown as lines of our own
            warnings.simplefilter("always", UserWarning)  # OutlierWarning: many left out
            topics = model.fit(frame, code_frame, background=background_frame).topics_
        write_table(topics.to_table(), output)
        if topics_info is not None:
            info = topics.topics.copy()
            for name in ("keywords", "representative", "diverse"):
                info[name] = ["; ".join(map(str, v)) for v in info[name]]
            write_table(info, topics_info)
        write_step_manifest(
            output, "discover", seed=seed, codebook=False,
            settings={**{k: v for k, v in model.get_params().items() if k != "embedder"},
                      "embedder": getattr(model_embedder, "name", embedder),
                      "already_pseudonymised": already_pseudonymised,
                      "encoding": encoding, "sep": sep},
            inputs={"COMMENTS": comments, "--codes": codes, "--background": background},
            outputs={"--output": output, "--topics-info": topics_info},
            codes_made_with=None if codes is None else codes_provenance(codes))
    except CarevoiceError as e:
        raise _fail(e) from e
    summary = topics_summary(frame, topics, with_codes=code_frame is not None)
    typer.echo(f"{summary}; wrote {output}", err=True)
    for warning in caught:
        typer.echo(f"warning: {as_typed(str(warning.message))}", err=True)
