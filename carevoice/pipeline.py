"""The end-to-end pipeline behind ``carevoice demo``.

Each step is a plain library function; this module only calls them in order and writes what they
return, so a notebook can run the same steps one by one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
from pathlib import Path

from .corpus import read_survey, write_corpus, write_table
from .demo import demo_path
from .models import model_versions
from .schema import COMMENT_ID, Corpus

__all__ = ["run_demo", "DEMO_TEXT_COLUMNS"]

logger = logging.getLogger(__name__)

#: The free-text columns of the demo survey export and their question ids.
DEMO_TEXT_COLUMNS = {
    "What would make your life better?": "better",
    "Care is...": "care_is",
    "Tell us about getting an advocate": "advocate",
    "Anything else you want to tell us?": "anything",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_demo(output: str | Path, *, seed: int = 0) -> dict[str, Path]:
    """Run the pipeline on the embedded demo survey export and write every output.

    Steps: read the wide export (:func:`carevoice.read_survey`), keep the answered comments,
    pseudonymise them (:func:`carevoice.pseudonymise.pseudonymise`), code them against the
    default codebook (:class:`carevoice.themes.ThemeCoder`), look for topics among the comments
    the coder left without a theme or with low confidence
    (:class:`carevoice.discover.ThemeDiscovery`), link the codes to the survey answers
    (:func:`carevoice.link.link`), build the report (:func:`carevoice.report.build_report`) and
    export a REFI-QDA project for review in a QDA tool (:func:`carevoice.qda.export_qdpx`).
    Every output holds pseudonymised text only; no re-identification key is written.

    Parameters
    ----------
    output : str or pathlib.Path
        The output folder (created if missing).
    seed : int, default 0
        Seed recorded in the manifest and passed to every random step.

    Returns
    -------
    dict
        Output name to path.
    """
    from .discover import ThemeDiscovery
    from .link import link
    from .pseudonymise import pseudonymise
    from .qda import export_qdpx
    from .report import build_report
    from .themes import ThemeCoder

    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    export = demo_path("survey_export.csv")
    corpus = read_survey(export, text_columns=DEMO_TEXT_COLUMNS, id_column="Respondent ID")
    answered = corpus.answered
    logger.info("demo: %d comments (%d answered) from %d respondents",
                len(corpus.comments), len(answered), len(corpus.respondents))

    result = pseudonymise(answered)
    safe = Corpus(result.comments, corpus.respondents)
    written: dict[str, Path] = {}
    written["comments"] = write_table(safe.comments, output / "comments_pseudonymised.csv")
    written["respondents"] = write_corpus(safe, output / "corpus")["respondents"]
    written["spans"] = write_table(result.spans, output / "spans.csv")

    # The coder's packaged reference comments are this very corpus: leave them out, so the demo
    # shows what the coder does with comments it has never seen (zero-shot from the codebook).
    codes = ThemeCoder(reference=False, random_state=seed).fit().predict(safe.comments)
    written["codes"] = write_table(codes, output / "codes.csv")

    topics = ThemeDiscovery(random_state=seed).fit(safe.comments, codes).topics_
    written["topics"] = write_table(topics.to_table(), output / "topics.csv")

    linked = link(safe.comments, codes, safe.respondents)
    written["associations"] = write_table(linked.associations, output / "associations.csv")
    written["prevalence"] = write_table(linked.prevalence, output / "prevalence.csv")

    report = build_report(safe, codes, output / "report", text_is_pseudonymised=True,
                          flagged=set(result.review[COMMENT_ID]), seed=seed,
                          inputs={export.name: export})
    written.update({f"report_{name}": path for name, path in report.items()})
    written["qdpx"] = export_qdpx(safe.comments, codes, safe.respondents,
                                  output / "carevoice-demo.qdpx", pseudonymise=False,
                                  project_name="carevoice demo")

    manifest = {
        "seed": seed,
        "input": {"file": export.name, "sha256": _sha256(export)},
        "counts": {"comments": int(len(corpus.comments)), "answered": int(len(answered)),
                   "respondents": int(len(corpus.respondents)), "spans": int(len(result.spans)),
                   "spans_for_review": int(len(result.review)),
                   "assigned_codes": int(codes["assigned"].sum()),
                   "comments_for_discovery": int(len(topics.comments)),
                   "topics": int(len(topics.topic_ids))},
        "versions": model_versions(),
        "python": platform.python_version(),
        "note": "All text in these outputs is pseudonymised; no re-identification key was written.",
    }
    manifest_path = output / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=1), "utf-8")
    written["manifest"] = manifest_path
    return written
