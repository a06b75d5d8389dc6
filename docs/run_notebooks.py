"""Re-execute the tutorial notebooks and store their outputs (``make notebooks``).

The documentation shows each tutorial with the outputs stored in the notebook (Sphinx does not
execute them), and the test suite executes every notebook but does not compare its outputs with
the stored ones. Run this after a change that moves a tutorial's figures, so that what readers
see is what the code computes now::

    .venv/bin/python docs/run_notebooks.py                 # every notebook
    .venv/bin/python docs/run_notebooks.py 05-mixed-methods  # one, by name

Each notebook runs in its own folder (``notebooks/``), as under the test suite. What would
only churn or leak the machine is dropped (:func:`tidy`): execution times, widget state, and
tqdm's warning that no notebook progress bar is available (it prints this machine's paths); the
other text and image outputs are kept.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def tidy(nb: Any) -> Any:
    """Drop execution times, widget state and tqdm's "IProgress not found" warning."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs
                            if not (o.get("name") == "stderr"
                                    and "IProgress not found" in o.get("text", ""))]
    return nb


def run(path: Path, timeout: int = 1500) -> float:
    """Execute one notebook in place; return the seconds it took."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(tidy(nb), path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="Notebook names (without .ipynb); all if none.")
    args = parser.parse_args(argv)
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if args.names:
        wanted = {n.removesuffix(".ipynb") for n in args.names}
        unknown = wanted - {p.stem for p in paths}
        if unknown:
            parser.error(f"no such notebook: {', '.join(sorted(unknown))}")
        paths = [p for p in paths if p.stem in wanted]
    for path in paths:
        print(f"{path.name}: executed in {run(path):.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
