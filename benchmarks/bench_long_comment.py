"""Benchmark: how the pseudonymiser's time grows with the length of one comment.

Command (from the repository root)::

    python benchmarks/bench_long_comment.py
    python benchmarks/bench_long_comment.py --lengths 10000,50000,100000,200000

A life in care told over years can run to tens of thousands of characters in one answer. An
earlier version of the span steps scanned the whole comment (or every span found so far) once
per span, and a 100,000-character answer took about 55 s; each step is now about linear in the
comment's length. The benchmark runs :func:`carevoice.pseudonymise.detect_pii` (default
settings) on one fictional comment of each length, made by repeating a sentence with names, a
carer, a children's home and a phone number, after a warm-up that loads the models, and prints
per length: seconds, seconds per 10,000 characters, spans found, and the ratio of the time to
that of the shortest length scaled by length (about 1 when time is linear in length; a step
that is quadratic shows as a ratio growing with length). Figures are per machine; compare the
rows of one run.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

PART = ("we went to the shops and Kai said hello to my carer Bev at Oakfield Lodge, "
        "then I rang 07700 900123 and mr Okafor-Bright came round. ")


def comment(length: int) -> str:
    """A fictional comment of exactly ``length`` characters."""
    return (PART * (length // len(PART) + 1))[:length]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="10000,25000,50000,100000",
                        help="comma-separated comment lengths in characters")
    args = parser.parse_args(argv)
    from carevoice.pseudonymise import detect_pii

    lengths = sorted(int(x) for x in args.lengths.split(","))
    detect_pii(pd.DataFrame({"comment_id": ["w"], "text": ["warm up with Kai"]}))
    print(f"{'characters':>10} {'seconds':>8} {'s per 10k':>9} {'spans':>6} {'vs linear':>9}")
    base = None
    for length in lengths:
        frame = pd.DataFrame({"comment_id": ["a"], "text": [comment(length)]})
        start = time.perf_counter()
        spans = detect_pii(frame)
        seconds = time.perf_counter() - start
        per = seconds / length * 10_000
        base = base or per
        print(f"{length:>10,} {seconds:>8.2f} {per:>9.3f} {len(spans):>6} {per / base:>9.2f}")


if __name__ == "__main__":
    main()
