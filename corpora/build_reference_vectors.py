"""Build the theme coder's shipped training vectors (carevoice/data/reference_vectors.npz).

Usage (from the repository root)::

    python corpora/build_reference_vectors.py           # embed and write (about 30 s on 2 cores)
    python corpora/build_reference_vectors.py --check   # exits 1 if the file is out of date

Re-run it after editing the default codebook (carevoice/data/codebook.yaml) or the demo corpus:
the file holds the packaged MiniLM's vectors of every default training text (example phrasings,
no-theme examples, the demo corpus's comments and their sentences), keyed by SHA-256, so a fit of
the default coder does not embed them again. ``--check`` needs no model: it compares keys only.
The test suite runs the same check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "carevoice" / "data" / "reference_vectors.npz"


def stale_reason(path: Path = TARGET) -> str | None:
    """Why the shipped file does not match the current training texts, or None if it does."""
    from carevoice.themes.reference import (
        default_training_texts,
        model_names,
        read_vectors,
        text_key,
    )

    if not path.is_file():
        return f"{path} does not exist"
    key_list, vectors, model = read_vectors(path)
    keys = set(key_list)
    if model != model_names()[0]:
        return f"it holds vectors of {model}, not {model_names()[0]}"
    wanted = {text_key(t) for t in default_training_texts()}
    if keys != wanted or vectors.shape[0] != len(keys):
        return (f"{len(wanted - keys)} training texts have no vector and {len(keys - wanted)} "
                "vectors belong to texts no longer used")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is current")
    args = parser.parse_args(argv)
    if args.check:
        reason = stale_reason()
        if reason:
            print(f"out of date: {reason}; run python corpora/build_reference_vectors.py",
                  file=sys.stderr)
            return 1
        print("reference vectors are up to date")
        return 0

    from carevoice.embed import SentenceTransformerEmbedder
    from carevoice.themes.reference import default_training_texts, model_names, write_vectors

    texts = default_training_texts()
    vectors = SentenceTransformerEmbedder(show_progress_bar=True).encode(texts)
    write_vectors(TARGET, texts, vectors, model_names()[0])
    print(f"{len(texts)} vectors -> {TARGET} ({TARGET.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
