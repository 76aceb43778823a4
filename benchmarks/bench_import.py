"""Import time of ``nkcorpus`` against ``import json`` in fresh interpreters.

Run: ``python -m benchmarks.bench_import``. The ratio is how many times longer a
fresh ``python -c "import nkcorpus"`` takes than ``python -c "import json"``;
the goal keeps ``import nkcorpus`` light (no torch, Stanza, Argos, spaCy, Dask).
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks.harness import Comparison, compare, format_table, quick, save


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def run() -> list[Comparison]:
    """Measure and return the comparison."""
    repeat = 3 if quick() else 15
    result = compare(
        "import nkcorpus vs import json",
        lambda: _python("import nkcorpus"),
        lambda: _python("import json"),
        unit="imports",
        repeat=repeat,
        goal=3.0,
        higher_is_better=False,
        notes="whole interpreter start-up included on both sides",
    )
    return [result]


def main() -> None:
    """Run, print the table and save JSON results."""
    comparisons = run()
    print(format_table(comparisons))
    print(f"results: {save('import', comparisons)}")


if __name__ == "__main__":
    main()
