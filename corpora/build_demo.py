"""Build the embedded demo corpus from the hand-written sources in ``corpora/demo/source/``.

    python corpora/build_demo.py            # writes carevoice/data/demo/ and the supplement
    python corpora/build_demo.py --check    # exits 1 if the packaged files are out of date

It also builds the theme coder's reference supplement (``corpora/reference/source/``, same
format, no respondents) into ``carevoice/data/reference_supplement.jsonl``.

The comments are hand-written fiction (see ``corpora/README.md``). This script only adds the
structure: it strips the inline ``[[LABEL:text]]`` markup into gold spans, groups comments into
fictional respondents (one answer per question at most) and draws the respondents' closed
answers with planted, documented associations to the themes they raise. Everything is seeded,
so the output is byte-identical on every run.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "demo" / "source"
TARGET = ROOT.parent / "carevoice" / "data" / "demo"
SUPPLEMENT_SOURCE = ROOT / "reference" / "source"
SUPPLEMENT_TARGET = ROOT.parent / "carevoice" / "data" / "reference_supplement.jsonl"
SEED = 20261123

VOICES = ("child", "teen", "leaver")
QUESTIONS = {
    "better": "What would make your life better?",
    "care_is": "Care is...",
    "advocate": "Tell us about getting an advocate",
    "anything": "Anything else you want to tell us?",
}
THEMES = (
    "stigma", "family_contact", "staff_turnover", "records_language", "advocacy",
    "independent_visitors", "complaints", "meetings_reviews", "voice_decisions", "safety",
    "wellbeing", "education", "money", "housing_leaving_care", "placement_stability", "red_tape",
    "relationships_trust", "postcode_lottery",
)
LABELS = ("PERSON", "LOCATION", "ORG", "PHONE", "EMAIL", "HANDLE", "DATE", "ADDRESS", "POSTCODE",
          "ID")
MARK = re.compile(r"\[\[([A-Z]+):([^\[\]]+?)\]\]")
#: Average answered questions per respondent; leaves some respondents with no free text.
COMMENTS_PER_RESPONDENT = 2.5


@dataclass(frozen=True)
class Line:
    """One hand-written comment with its source position."""

    source: str
    lineno: int
    voice: str
    question: str
    themes: tuple[str, ...]
    text: str
    pii: tuple[dict, ...]


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Strip ``[[LABEL:text]]`` marks, returning the plain text and gold spans."""
    out, spans, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        start = sum(len(p) for p in out)
        surface = m.group(2)
        out.append(surface)
        spans.append({"start": start, "end": start + len(surface), "label": m.group(1),
                      "text": surface})
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def read_sources(folder: Path = SOURCE) -> list[Line]:
    """Read and check every source file; raise listing every bad line."""
    lines, errors = [], []
    for path in sorted(folder.glob("*.tsv")):
        for i, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not raw.strip() or raw.startswith("#"):
                continue
            where = f"{path.name}:{i}"
            fields = raw.split("\t")
            if len(fields) != 4:
                errors.append(f"{where}: {len(fields)} fields, expected 4")
                continue
            voice, question, themes, marked = (f.strip() for f in fields)
            theme_ids = () if themes == "-" else tuple(t.strip() for t in themes.split(","))
            text, spans = parse_markup(marked)
            problems = []
            if voice not in VOICES:
                problems.append(f"voice {voice!r}")
            if question not in QUESTIONS:
                problems.append(f"question {question!r}")
            problems += [f"theme {t!r}" for t in theme_ids if t not in THEMES]
            problems += [f"label {s['label']!r}" for s in spans if s["label"] not in LABELS]
            if "[[" in text or "]]" in text:
                problems.append("unclosed markup")
            if not text:
                problems.append("empty text")
            if problems:
                errors.append(f"{where}: bad {', '.join(problems)}")
                continue
            lines.append(Line(path.name, i, voice, question, tuple(sorted(set(theme_ids))), text,
                              tuple(spans)))
    if errors:
        raise SystemExit("source errors:\n" + "\n".join(errors))
    seen: dict[str, str] = {}
    dups = []
    for line in lines:
        key = line.text.lower()
        if key in seen and len(key) > 15:
            dups.append(f"{line.source}:{line.lineno} repeats {seen[key]}")
        seen.setdefault(key, f"{line.source}:{line.lineno}")
    if dups:
        print(f"warning: {len(dups)} repeated comments, e.g. {dups[:3]}", file=sys.stderr)
    return lines


def _pick(rng: np.random.Generator, probs: dict[str, float]) -> str:
    keys = list(probs)
    p = np.array([probs[k] for k in keys], dtype=float)
    return str(keys[int(rng.choice(len(keys), p=p / p.sum()))])


def draw_answers(rng: np.random.Generator, voice: str, themes: set[str]) -> dict[str, object]:
    """Draw one respondent's closed answers given their voice and the themes they raised.

    The planted associations (documented in corpora/README.md) are the shifts below.
    """
    age = _pick(rng, {"child": {"8-10": .45, "11-13": .55},
                      "teen": {"14-15": .55, "16-17": .45},
                      "leaver": {"16-17": .08, "18-21": .57, "22-25": .35}}[voice])
    survey = "care_leaver" if voice == "leaver" else "in_care"
    if survey == "in_care":
        placement = _pick(rng, {"foster": .62, "kinship": .14, "residential": .24}
                          if "family_contact" not in themes else
                          {"foster": .45, "kinship": .10, "residential": .45})
    else:
        placement = _pick(rng, {"staying_put": .10, "supported_accommodation": .28,
                                "living_independently": .52, "other": .10}
                          if "housing_leaving_care" not in themes else
                          {"staying_put": .05, "supported_accommodation": .45,
                           "living_independently": .40, "other": .10})
    age_low = int(re.match(r"\d+", age).group())  # type: ignore[union-attr]
    years = int(np.clip(rng.poisson(4 if voice != "child" else 3) + 1, 1, max(1, age_low - 1)))
    moves = 1 + rng.poisson(1.6) + (rng.poisson(3) if "placement_stability" in themes else 0)
    moves += int(placement == "residential") + int(years > 6)
    return {
        "survey": survey,
        "age_group": age,
        "gender": _pick(rng, {"female": .48, "male": .44, "non_binary": .05,
                              "prefer_not_to_say": .03}),
        "placement_type": placement,
        "local_authority": f"LA{int(rng.integers(1, 13)):02d}",
        "years_in_care": years,
        "n_placements": int(moves),
        "knows_advocate": _pick(rng, {"yes": .62, "not_sure": .26, "no": .12}
                                if "advocacy" not in themes else
                                {"yes": .36, "not_sure": .34, "no": .30}),
        "see_family": _pick(rng, {"just_right": .40, "too_little": .24, "no_contact": .30,
                                  "too_much": .06} if "family_contact" not in themes else
                            {"just_right": .12, "too_little": .62, "no_contact": .22,
                             "too_much": .04}),
        "feels_safe": _pick(rng, {"always": .56, "mostly": .32, "sometimes": .09, "never": .03}
                            if "safety" not in themes else
                            {"always": .22, "mostly": .28, "sometimes": .35, "never": .15}),
        "included_decisions": _pick(
            rng, {"always": .22, "sometimes": .50, "hardly_ever": .20, "never": .08}
            if not themes & {"staff_turnover", "voice_decisions"} else
            {"always": .08, "sometimes": .40, "hardly_ever": .34, "never": .18}),
        "treated_differently": _pick(rng, {"no": .52, "not_sure": .25, "yes": .23}
                                     if "stigma" not in themes else
                                     {"no": .18, "not_sure": .22, "yes": .60}),
        "life_satisfaction": int(np.clip(round(rng.normal(
            6.6 - 1.6 * ("wellbeing" in themes) - 1.0 * ("safety" in themes)
            - 0.8 * ("stigma" in themes), 1.8)), 0, 10)),
    }


def build(lines: list[Line], seed: int = SEED) -> dict[str, str]:
    """Group comments into respondents, draw answers; return the file contents by name."""
    rng = np.random.default_rng(seed)
    respondents: list[dict] = []
    for voice in VOICES:
        mine = [ln for ln in lines if ln.voice == voice]
        by_q = {q: [ln for ln in mine if ln.question == q] for q in QUESTIONS}
        n = max(max(len(v) for v in by_q.values()),
                math.ceil(len(mine) / COMMENTS_PER_RESPONDENT))
        slots: list[dict[str, Line]] = [{} for _ in range(n)]
        for q, items in by_q.items():
            order = rng.permutation(len(items))
            who = rng.choice(n, size=len(items), replace=False)
            for idx, person in zip(order, who, strict=True):
                slots[int(person)][q] = items[int(idx)]
        for slot in slots:
            respondents.append({"voice": voice, "answers": slot})
    order = rng.permutation(len(respondents))
    rows_resp, rows_com, gold, wide = [], [], [], []
    for number, idx in enumerate(order, start=1):
        person = respondents[int(idx)]
        rid = f"R{number:04d}"
        raised = {t for ln in person["answers"].values() for t in ln.themes}
        answers = draw_answers(rng, person["voice"], raised)
        rows_resp.append({"respondent_id": rid, **answers})
        wide_row: dict[str, object] = {"Respondent ID": rid}
        for q, label in QUESTIONS.items():
            ln = person["answers"].get(q)
            wide_row[label] = ln.text if ln else ""
            if ln is None:
                continue
            cid = f"{rid}-{q}"
            rows_com.append({"comment_id": cid, "respondent_id": rid, "question_id": q,
                             "text": ln.text})
            gold.append({"comment_id": cid, "themes": list(ln.themes), "pii": list(ln.pii)})
        wide.append({**wide_row, **answers})
    com = pd.DataFrame(rows_com)
    resp = pd.DataFrame(rows_resp)
    out = {
        "comments.csv": com.to_csv(index=False, lineterminator="\n"),
        "respondents.csv": resp.to_csv(index=False, lineterminator="\n"),
        "gold.jsonl": "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold),
        # Excel's "CSV UTF-8" export starts with a byte-order mark; so does ours.
        "survey_export.csv": "\ufeff" + pd.DataFrame(wide).to_csv(index=False,
                                                                  lineterminator="\r\n"),
    }
    out["respondents.schema.json"] = json.dumps(_schema(resp), indent=1) + "\n"
    return out


def build_supplement(lines: list[Line], demo: list[Line]) -> str:
    """The reference supplement as JSON lines: one comment each, in source order.

    Fields: ``source`` (file:line), ``voice``, ``question_id``, ``themes``, ``text`` and ``pii``
    (gold spans, as in ``gold.jsonl``). Raises if a supplement comment repeats a demo comment.
    """
    demo_texts = {ln.text.lower() for ln in demo}
    repeats = [f"{ln.source}:{ln.lineno}" for ln in lines if ln.text.lower() in demo_texts]
    if repeats:
        raise SystemExit(f"supplement comments repeat demo comments: {', '.join(repeats)}")
    return "".join(json.dumps({"source": f"{ln.source}:{ln.lineno}", "voice": ln.voice,
                               "question_id": ln.question, "themes": list(ln.themes),
                               "text": ln.text, "pii": list(ln.pii)}, ensure_ascii=False) + "\n"
                   for ln in lines)


def _schema(resp: pd.DataFrame) -> dict[str, dict]:
    ordered = {
        "age_group": ["8-10", "11-13", "14-15", "16-17", "18-21", "22-25"],
        "knows_advocate": ["no", "not_sure", "yes"],
        "see_family": ["no_contact", "too_little", "just_right", "too_much"],
        "feels_safe": ["never", "sometimes", "mostly", "always"],
        "included_decisions": ["never", "hardly_ever", "sometimes", "always"],
        "treated_differently": ["no", "not_sure", "yes"],
    }
    schema: dict[str, dict] = {}
    for col in resp.columns[1:]:
        if col in ordered:
            schema[col] = {"type": "ordered", "levels": ordered[col]}
        elif pd.api.types.is_integer_dtype(resp[col]):
            schema[col] = {"type": "Int64"}
        else:
            schema[col] = {"type": "category", "levels": sorted(resp[col].unique().tolist())}
    return schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the packaged files")
    args = parser.parse_args(argv)
    lines = read_sources()
    supplement = read_sources(SUPPLEMENT_SOURCE)
    files = {TARGET / name: content for name, content in build(lines).items()}
    files[SUPPLEMENT_TARGET] = build_supplement(supplement, lines)
    if args.check:
        stale = [str(p.relative_to(ROOT.parent)) for p, c in files.items()
                 if not p.is_file() or p.read_bytes() != c.encode("utf-8")]
        if stale:
            print(f"out of date: {stale}; run python corpora/build_demo.py", file=sys.stderr)
            return 1
        return 0
    TARGET.mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
    for name, part, where in (("demo", lines, TARGET), ("supplement", supplement,
                                                        SUPPLEMENT_TARGET)):
        n_pii = sum(len(ln.pii) for ln in part)
        print(f"{name}: {len(part)} comments, {n_pii} gold PII spans -> {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
