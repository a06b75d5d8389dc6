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

import pandas as pd

from .corpus import read_survey, write_corpus, write_table
from .demo import demo_path
from .models import model_versions
from .schema import COMMENT_ID, RESPONDENT_ID

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
    pseudonymise them, code them against the default codebook and tabulate theme prevalence by
    age group and placement type. Writes nothing but pseudonymised text.

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
    from .pseudonymise import pseudonymise
    from .themes import ThemeCoder

    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    export = demo_path("survey_export.csv")
    corpus = read_survey(export, text_columns=DEMO_TEXT_COLUMNS, id_column="Respondent ID")
    answered = corpus.answered
    logger.info("demo: %d comments (%d answered) from %d respondents",
                len(corpus.comments), len(answered), len(corpus.respondents))

    result = pseudonymise(answered)
    safe = result.comments
    written: dict[str, Path] = {}
    written["comments"] = write_table(safe, output / "comments_pseudonymised.csv")
    written["respondents"] = write_corpus(type(corpus)(safe, corpus.respondents),
                                          output / "corpus")["respondents"]
    spans = result.spans.drop(columns=[c for c in ("text",) if c in result.spans])
    written["spans"] = write_table(spans, output / "spans.csv")

    coder = ThemeCoder().fit()
    codes = coder.predict(safe)
    written["codes"] = write_table(codes, output / "codes.csv")

    assigned = codes[codes["assigned"]].merge(safe[[COMMENT_ID, RESPONDENT_ID]], on=COMMENT_ID)
    raised = (assigned.groupby([RESPONDENT_ID, "theme"]).size().unstack(fill_value=0) > 0)
    raised = raised.reindex(corpus.respondents[RESPONDENT_ID], fill_value=False)
    tables = []
    for variable in ("age_group", "placement_type"):
        groups = corpus.respondents.set_index(RESPONDENT_ID)[variable]
        for level, members in groups.groupby(groups, observed=True):
            sub = raised.loc[members.index]
            for theme in raised.columns:
                n = int(sub[theme].sum())
                tables.append({"variable": variable, "level": str(level), "theme": theme,
                               "n": n, "respondents": len(sub),
                               "share": round(n / len(sub), 4) if len(sub) else float("nan")})
    prevalence = pd.DataFrame(tables)
    written["prevalence"] = write_table(prevalence, output / "prevalence_by_group.csv")

    manifest = {
        "carevoice_demo": True,
        "seed": seed,
        "input": {"file": export.name, "sha256": _sha256(export)},
        "counts": {"comments": int(len(corpus.comments)), "answered": int(len(answered)),
                   "respondents": int(len(corpus.respondents)), "spans": int(len(spans)),
                   "assigned_codes": int(codes["assigned"].sum())},
        "versions": model_versions(),
        "python": platform.python_version(),
        "note": "All text in these outputs is pseudonymised; no re-identification key was written.",
    }
    manifest_path = output / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=1), "utf-8")
    written["manifest"] = manifest_path
    return written
