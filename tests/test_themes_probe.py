"""The theme coder on comments written blind to it (``tests/data/theme_probe.jsonl``).

898 fictional comments. The first 826 were written on 2026-12-02 to 06 by seven helper sessions
that read the codebook's definitions but not the coder, its reference comments or the
development set:

* ``words_of_care`` (80): comments about the words of care ("stop calling it contact"), the same
  words used in their ordinary sense, and family mentioned without family contact;
* ``voice`` (90): ``voice_decisions`` as a second theme (told about a move the night before,
  nothing explained at 18), the same topics without it, and people who did listen;
* ``four_themes`` (120): ``postcode_lottery``, ``education``, ``safety`` and ``wellbeing``, 30
  each: main theme, second theme, and near misses;
* ``eleven_themes`` (176, seventh session): the eleven themes no probe had covered (stigma,
  staff turnover, advocacy, independent visitors, complaints, meetings, money, housing,
  placement stability, red tape, relationships), 16 each: 7 main, 5 as a second theme, 4 near
  misses. Measured once, before anyone read it; nothing was changed after it.
* ``survey_mix`` (120, tenth session): a realistic survey mix written from the definitions
  alone (30 comments with no theme, 25 with one, 45 with two, 20 with three or four). Measured
  once, before anyone read it; nothing was changed after it.
* ``survey_mix_b`` (120, eleventh session): the same brief, a second helper. Measured once,
  before anyone read it; nothing was changed after it.
* ``survey_mix_x`` (120, twenty-fifth session; ids ``t3-x...``): the same brief, a third
  helper. Measured blind once (macro-F1 0.835, ``relationships_trust`` 0.57), then **read for
  development**: the clause themes and codebook 1.3.0 were written after reading its misses
  (``docs/themes.md``, *Clause themes and codebook 1.3.0*), so it is development data now, a
  regression guard and not an out-of-sample measure.
* ``denials`` (48, twenty-sixth session, written with the denial reading and so development
  data from the start): 28 answers that deny a theme in passing ("no complaints really",
  "can't complain", "never needed an advocate", "nobody treats me differently") while raising
  another or none, and 20 that raise complaints, advocacy, staff turnover or stigma *with* a
  negative ("nobody told me how to complain", "I never had an advocate").
* ``stigma_edges`` (24, twenty-sixth session, written after reading the stigma false codes of
  the sets above, so development data): 8 comments about being treated differently because of
  care, 16 about ordinary unfairness, bullying or feeling different with no link to care, and
  neutral mentions of being in care.

The first two were used to check the mention reading, the family-background supplement and the
``voice_decisions`` label audit (``docs/themes.md``), and ``survey_mix_x`` to write the clause
themes, so they are a regression guard, not an out-of-sample measure. ``four_themes`` and
``eleven_themes`` changed nothing yet: they are still out of sample. Never train on any of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from carevoice import SentenceTransformerEmbedder
from carevoice.themes.model import ThemeCoder

PROBE = Path(__file__).parent / "data" / "theme_probe.jsonl"


def _f1(gold: list[set[str]], predicted: list[set[str]], theme: str) -> float:
    tp = sum(theme in g and theme in p for g, p in zip(gold, predicted, strict=True))
    n_gold = sum(theme in g for g in gold)
    n_pred = sum(theme in p for p in predicted)
    return 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 1.0


@pytest.mark.model
def test_blind_theme_probe_regression_guard():
    rows = [json.loads(line) for line in PROBE.read_text("utf-8").splitlines()]
    comments = pd.DataFrame({"comment_id": [r["comment_id"] for r in rows],
                             "text": [r["text"] for r in rows]})
    coder = ThemeCoder(embedder=SentenceTransformerEmbedder()).fit()
    codes = coder.predict(comments)
    assigned = codes[codes["assigned"]].groupby("comment_id")["theme"].apply(set)
    by_set: dict[str, tuple[list[set[str]], list[set[str]]]] = {}
    for r in rows:
        gold, pred = by_set.setdefault(r["set"], ([], []))
        gold.append(set(r["themes"]))
        pred.append(assigned.get(r["comment_id"], set()))
    # measured 2026-12-02: 0.78, 0.75 and 0.89; then 0.95, 0.86, 0.91 and 0.85
    assert _f1(*by_set["words_of_care"], "family_contact") >= 0.70
    assert _f1(*by_set["words_of_care"], "records_language") >= 0.65
    assert _f1(*by_set["voice"], "voice_decisions") >= 0.80
    four = by_set["four_themes"]
    for theme, least in (("postcode_lottery", 0.85), ("education", 0.75), ("safety", 0.8),
                         ("wellbeing", 0.75)):
        assert _f1(*four, theme) >= least, theme
    # measured 2026-12-02 (seventh session), blind: 0.93 0.80 0.96 1.00 0.90 0.90 0.94 1.00 0.83
    # 0.97 0.86 (macro 0.916); each guard sits 0.1 below its figure
    eleven = by_set["eleven_themes"]
    for theme, least in (("stigma", 0.83), ("staff_turnover", 0.70), ("advocacy", 0.86),
                         ("independent_visitors", 0.9), ("complaints", 0.8),
                         ("meetings_reviews", 0.8), ("money", 0.84),
                         ("housing_leaving_care", 0.9), ("placement_stability", 0.73),
                         ("red_tape", 0.87), ("relationships_trust", 0.76)):
        assert _f1(*eleven, theme) >= least, theme
    # measured 2026-12-03 (tenth session), blind: macro-F1 0.895 over the 18 themes; the guard
    # sits 0.1 below it, and no theme with six or more gold comments may fall under 0.55
    mix = by_set["survey_mix"]
    per_theme = {t: _f1(*mix, t) for t in sorted(set().union(*mix[0]))}
    assert sum(per_theme.values()) / len(per_theme) >= 0.79
    assert min(per_theme.values()) >= 0.55, per_theme
    # measured 2026-12-03 (eleventh session), blind: macro-F1 0.864, weakest relationships_trust
    # 0.57 (8 gold comments); the same guards, 0.1 below the macro figure
    # (2026-12-06, with the clause themes and codebook 1.3.0: 0.904 and 0.880)
    mix_b = by_set["survey_mix_b"]
    per_theme = {t: _f1(*mix_b, t) for t in sorted(set().union(*mix_b[0]))}
    assert sum(per_theme.values()) / len(per_theme) >= 0.76
    assert min(per_theme.values()) >= 0.47, per_theme
    # measured 2026-12-06 (twenty-fifth session): blind, macro-F1 0.835 and relationships_trust
    # 0.57 (6 of 14 found); after the clause themes and codebook 1.3.0, written from its misses
    # (in-sample), 0.842 and 0.80 (10 of 14), voice_decisions 0.77. Guards 0.1 below.
    mix_x = by_set["survey_mix_x"]
    per_theme = {t: _f1(*mix_x, t) for t in sorted(set().union(*mix_x[0]))}
    assert sum(per_theme.values()) / len(per_theme) >= 0.74
    assert per_theme["relationships_trust"] >= 0.70, per_theme
    assert per_theme["voice_decisions"] >= 0.67, per_theme
    # measured 2026-12-06 (twenty-sixth session), seed 0: complaints F1 0.62 (22 coded for 10)
    # and advocacy 0.67 (8 for 4) before the denial reading, 1.00 and 1.00 after it
    # (development data: the reading and these comments were written together)
    denied = by_set["denials"]
    assert _f1(*denied, "complaints") >= 0.9
    assert _f1(*denied, "advocacy") >= 0.85
