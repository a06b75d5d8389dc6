"""The end-to-end pipeline behind ``carevoice demo``.

Each step is a plain library function; this module only calls them in order and writes what they
return, so a notebook can run the same steps one by one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import check_output_path, read_survey, write_corpus, write_table
from .demo import demo_path
from .errors import InputError, OutlierWarning
from .schema import COMMENT_ID, REVIEW_FILE, Corpus

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["DEMO_TEXT_COLUMNS", "run_demo"]

logger = logging.getLogger(__name__)

#: The free-text columns of the demo survey export and their question ids.
DEMO_TEXT_COLUMNS = {
    "What would make your life better?": "better",
    "Care is...": "care_is",
    "Tell us about getting an advocate": "advocate",
    "Anything else you want to tell us?": "anything",
}


def _demo_outliers(found: OutlierWarning) -> str:
    """Discovery's outlier warning (:class:`carevoice.errors.OutlierWarning`) in the demo's
    words: ``carevoice demo --discover-method`` on the command line, the ``discover_method``
    argument of :func:`run_demo` in Python. The demo sets no number of topics (it finds
    them), so the advice to ask for more is left out.

    Examples
    --------
    >>> said = _demo_outliers(OutlierWarning("", share=0.3, n_topics=8, n_auto=8))
    >>> print(said)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    30.0% of the answered comments have no topic (outliers) with discover_method="sparse" at 8
    topics, more than 15%: ... Fewer are left out with k-means, the default
    (discover_method="kmeans"); see docs/discover.md, *Fewer topics*.
    """
    from ._argnames import typed_as
    from .discover.sparse import outlier_message

    option = typed_as("discover_method")  # carevoice demo: its option
    sparse, kmeans = ((f"{option} sparse", f"{option} kmeans") if option else
                      ('discover_method="sparse"', 'discover_method="kmeans"'))
    return outlier_message(float(found.share or 0.0), n_topics=int(found.n_topics or 0),
                           n_auto=int(found.n_auto or 0), method=sparse, kmeans=kmeans,
                           topics=None, auto=None)


#: How the demo's codes were made (recorded in its manifests).
_CROSS_FITTED = ("cross-fitted: each half of the respondents coded by a coder that learned from "
                 "the other half's coded comments (the default coder's reference comments are "
                 "this corpus)")


def _demo_coder_settings(seed: int) -> dict[str, Any]:
    """The settings of the demo's cross-fitted coders (recorded in the manifest)."""
    return {"reference": False, "human_weight": 1, "random_state": seed}


def _cross_fitted_codes(comments: pd.DataFrame, seed: int, embedder: Any = None
                        ) -> pd.DataFrame:
    """Code the demo comments so that no comment is coded by a coder that learned from it.

    The coder's packaged reference comments are this very corpus. So the respondents are split
    in two halves (seeded); each half is coded by a coder that learned, as the default coder
    does from its reference comments, from the codebook and the other half's coded comments
    (:func:`carevoice.demo.load_demo_codes`, weight 1). The codes are what the default coder
    would give comments it has never seen.
    """
    import numpy as np
    import pandas as pd

    from .demo import load_demo_codes
    from .schema import RESPONDENT_ID, TEXT
    from .themes import ThemeCoder

    coded = load_demo_codes()
    people = np.array(sorted(comments[RESPONDENT_ID].astype(str).unique()))
    first = set(np.random.default_rng(seed).permutation(people)[: len(people) // 2])
    in_first = comments[RESPONDENT_ID].astype(str).isin(first).to_numpy()
    parts = []
    for held in (in_first, ~in_first):
        train = comments.loc[~held, [COMMENT_ID, TEXT]]
        coder = ThemeCoder(embedder, **_demo_coder_settings(seed)).fit(
            train, coded[coded[COMMENT_ID].isin(train[COMMENT_ID])])
        parts.append(coder.predict(comments.loc[held, [COMMENT_ID, TEXT]]))
    order = {cid: i for i, cid in enumerate(comments[COMMENT_ID])}
    codes = pd.concat(parts, ignore_index=True)
    rank = codes[COMMENT_ID].map(order)
    return codes.iloc[np.lexsort((np.arange(len(codes)), rank.to_numpy()))].reset_index(drop=True)


def run_demo(output: str | Path, *, seed: int = 0, timestamp: bool = True,
             discover_method: str = "kmeans") -> dict[str, Path]:
    """Run the pipeline on the embedded demo survey export and write every output.

    Steps: read the wide export (:func:`carevoice.read_survey`), keep the answered comments,
    pseudonymise them (:func:`carevoice.pseudonymise.pseudonymise`), code them against the
    default codebook (:class:`carevoice.themes.ThemeCoder`; cross-fitted, because the coder's
    reference comments are this corpus: see ``_cross_fitted_codes``), look for topics among the
    comments the coder left without a theme or with low confidence
    (:class:`carevoice.discover.ThemeDiscovery`), link the codes to the survey answers
    (:func:`carevoice.link.link`), build the report (:func:`carevoice.report.build_report`) and
    export a REFI-QDA project for review in a QDA tool (:func:`carevoice.qda.export_qdpx`).
    Every output holds pseudonymised text only; no re-identification key is written. The
    answered comments are screened for safeguarding concerns first
    (:func:`carevoice.safeguarding.screen_comments`): ``safeguarding_flags.csv`` (no text;
    owner read/write only, as it says which young person disclosed what) lists them, and the
    report quotes none of them. The manifest gives their number as ``"fewer than 5"`` when it
    is below the report's disclosure threshold; the exact count is in
    ``not-for-publication/analyst.json``. ``review_flags.csv`` (ids only, owner read/write
    only) lists the comments with a span a person should review, and the ``needs_review``
    column of ``comments_pseudonymised.csv`` and ``corpus/comments.csv`` marks them, as
    ``carevoice pseudonymise`` marks its output: the report quotes none of them either, nor
    does ``carevoice report`` on either comments file, wherever it is copied.

    Parameters
    ----------
    output : str or pathlib.Path
        The output folder (created if missing).
    seed : int, default 0
        Seed recorded in the manifest and passed to every random step.
    timestamp : bool, default True
        Record the time in the report's manifest; False makes two runs byte-identical.
    discover_method : {"kmeans", "sparse"}, default "kmeans"
        How discovery finds topics (the ``method`` of
        :class:`carevoice.discover.ThemeDiscovery`), recorded in the manifest under
        ``settings`` > ``discover``; checked before any work.

    Returns
    -------
    dict
        Output name to path.
    """
    from dataclasses import asdict

    from . import __version__
    from .disclosure import DisclosureConfig
    from .discover import METHODS, ThemeDiscovery
    from .discover.sparse import outliers_said
    from .embed import CachedEmbedder, SentenceTransformerEmbedder
    from .link import link
    from .provenance import (
        codebook_record,
        command_line,
        environment,
        file_sha256,
        published_count,
        published_outputs,
        write_codes_manifest,
        write_manifest,
        write_unpublished_counts,
    )
    from .pseudonymise import (
        PseudonymiseConfig,
        pseudonymise,
        review_flags,
        with_review_column,
    )
    from .pseudonymise._files import write_csv
    from .qda import default_user, export_qdpx
    from .report import build_report
    from .safeguarding import screen_comments, write_flags
    from .themes import ThemeCoder, load_codebook

    if discover_method not in METHODS:  # before any work, as the steps' own settings
        raise InputError(f"The 'discover_method' argument of run_demo must be one of "
                         f"{', '.join(map(repr, METHODS))}. Got {discover_method!r} instead.")
    output = check_output_path(output, argument="output", kind="folder")
    output.mkdir(parents=True, exist_ok=True)
    export = demo_path("survey_export.csv")
    corpus = read_survey(export, text_columns=DEMO_TEXT_COLUMNS, id_column="Respondent ID")
    answered = corpus.answered
    logger.info("demo: %d comments (%d answered) from %d respondents",
                len(corpus.comments), len(answered), len(corpus.respondents))

    result = pseudonymise(answered)
    safe = Corpus(result.comments, corpus.respondents)
    written: dict[str, Path] = {}
    # Safeguarding first: the comments a safeguarding lead must read, owner-only (0600), and
    # never quoted in the report.
    flags = screen_comments(answered)
    written["safeguarding_flags"] = write_flags(flags, output / "safeguarding_flags.csv")
    # how many: exact for the analyst only; the manifest gives a small count in words
    flagged = int(flags[COMMENT_ID].nunique())
    written["analyst"] = write_unpublished_counts(output, {
        "safeguarding_flagged_comments": flagged, "safeguarding_priority_comments":
        int(flags.loc[flags["level"] == "priority", COMMENT_ID].nunique())})
    # The comments whose spans a person should review (the rule of every command): marked in
    # the needs_review column `carevoice pseudonymise` writes, which travels with the text,
    # and listed (with the reason) beside the comments as a batch run lists them: `carevoice
    # report` on comments_pseudonymised.csv or corpus/comments.csv withholds them too.
    review = review_flags(result)
    marked = with_review_column(safe.comments, review, "comments")
    written["comments"] = write_table(marked, output / "comments_pseudonymised.csv")
    written["review_flags"] = write_csv(review, output / REVIEW_FILE, private=True)
    written["respondents"] = write_corpus(Corpus(marked, corpus.respondents),
                                          output / "corpus")["respondents"]
    written["spans"] = write_table(result.spans, output / "spans.csv")

    # One in-memory cache: the coders, discovery and the quotes embed the same comments.
    embedder = CachedEmbedder(SentenceTransformerEmbedder(), None)
    codes = _cross_fitted_codes(safe.comments, seed, embedder)
    written["codes"] = write_table(
        codes.assign(assigned=codes["assigned"].map({True: "true", False: "false"})),
        output / "codes.csv")  # as `carevoice code` writes it, and its manifest beside it
    written["codes_manifest"] = write_codes_manifest(
        written["codes"], "demo", settings={**_demo_coder_settings(seed),
                                            "embedder": embedder.name},
        seed=seed, codebook=None, inputs={"survey": {"file": export.name,
                                                     "sha256": file_sha256(export)}},
        theme_coding=_CROSS_FITTED, run_manifest="manifest.json")

    discovery = ThemeDiscovery(embedder, random_state=seed, text_is_pseudonymised=True,
                               method=discover_method)
    with outliers_said(_demo_outliers):  # in the demo's words, not ThemeDiscovery's
        topics = discovery.fit(safe.comments, codes).topics_
    written["topics"] = write_table(topics.to_table(), output / "topics.csv")

    linked = link(safe.comments, codes, safe.respondents)
    written["associations"] = write_table(linked.associations, output / "associations.csv")
    written["prevalence"] = write_table(linked.prevalence, output / "prevalence.csv")

    coding = {"known": True, "made_by": "carevoice demo", "seed": seed,
              "codebook": codebook_record(None), "theme_coding": _CROSS_FITTED,
              "settings": _demo_coder_settings(seed)}
    report = build_report(safe, codes, output / "report", text_is_pseudonymised=True,
                          flagged=set(review[COMMENT_ID]), safeguarding=flags,
                          embedder=embedder,
                          inputs={"comments": written["comments"], "codes": written["codes"],
                                  "respondents": written["respondents"]},
                          codes_made_with=coding, timestamp=timestamp)
    written.update({f"report_{name}": path for name, path in report.items()})
    written["qdpx"] = export_qdpx(safe.comments, codes, safe.respondents,
                                  output / "carevoice-demo.qdpx", pseudonymise=False,
                                  project_name="carevoice demo",
                                  user=default_user(load_codebook().version))  # model codes

    manifest = {
        "seed": seed,
        "command": command_line(names_only=True, here=output),
        "inputs": {"survey": {"file": export.name, "sha256": file_sha256(export)}},
        "counts": {"comments": len(corpus.comments), "answered": len(answered),
                   "respondents": len(corpus.respondents), "spans": len(result.spans),
                   "spans_for_review": len(result.review),
                   "safeguarding_flagged_comments": published_count(
                       flagged, DisclosureConfig().threshold),  # the report's threshold
                   "assigned_codes": int(codes["assigned"].sum()),
                   "comments_for_discovery": len(topics.comments),
                   "topics": len(topics.topic_ids)},
        "carevoice": __version__,
        "environment": environment(),
        "codebook": codebook_record(None),
        "note": "All text in these outputs is pseudonymised; no re-identification key was written.",
        "theme_coding": _CROSS_FITTED,
        "theme_coder": {k: v for k, v in ThemeCoder(**_demo_coder_settings(seed))
                        .get_params().items() if k not in ("embedder", "codebook")},
        "settings": {
            "pseudonymise": asdict(PseudonymiseConfig()),
            "discover": {k: v for k, v in discovery.get_params().items() if k != "embedder"},
            "link": linked.settings,
            "embedder": embedder.name,
        },
    }
    # What may be shared with this manifest is hashed; the report's not-for-publication/ and
    # the owner-only flags files are named only: a checksum would give their counts away.
    manifest["outputs"], manifest["not_published"] = published_outputs(written, output)
    written["manifest"] = write_manifest(output / "manifest.json", manifest)
    return written
