"""The pseudonymisation benchmark runs end to end on a few demo comments."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.model
@pytest.mark.slow
def test_benchmark_runs(tmp_path):
    systems = ["carevoice"]
    if importlib.util.find_spec("presidio_analyzer") is not None:
        systems.append("presidio-per-text")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_pseudonymise.py"), "--limit", "40",
         "--systems", ",".join(systems), "--json", str(tmp_path / "bench.json")],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    rows = {r["system"]: r for r in json.loads((tmp_path / "bench.json").read_text())}
    assert set(rows) == set(systems)
    assert rows["carevoice"]["recall"] >= 0.9 and rows["carevoice"]["comments_per_s"] > 0
