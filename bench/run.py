"""Run kg's benchmarks: prepare inputs, run every step, print a table and, as the last line, one JSON object.

    python bench/run.py --quick          # under ten minutes on two cores
    python bench/run.py                  # more repetitions, worker variants, the store comparison

Inputs are prepared in a temporary directory (or ``--workdir``): the German news of
``../shared/corpus/de-10kgnad-test.csv``, generated English articles, and a million generated claims.
Timings on a shared machine are noisy: the table shows CPU seconds beside wall seconds, and the JSON the
load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import StepFailed
from bench.steps import STEPS, Context, Row

__all__ = ["main", "run_steps", "table"]


def table(rows: list[Row]) -> str:
    """The rows as an aligned text table."""
    header = ("step", "what", "figure", "wall s", "cpu s", "peak MB")
    lines = [header]
    for row in rows:
        m = row.measured
        numbers = (f"{m.seconds:.1f}", f"{m.cpu_seconds:.1f}", f"{m.peak_rss_mb:.0f}") if m else ("", "", "")
        lines.append((row.step, row.what, row.figure, *numbers))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)


def run_steps(ctx: Context, only: set[str] | None = None) -> None:
    """Run the steps (those named in ``only``, if given); a failing step is reported and the rest go on."""
    for step in STEPS:
        if only is not None and step.__name__ not in only:
            continue
        try:
            step(ctx)
        except (StepFailed, OSError) as exc:
            ctx.rows.append(Row(step.__name__, "failed", str(exc).splitlines()[-1][:200]))
            ctx.figures.setdefault("failed", []).append(step.__name__)


def _environment() -> dict[str, object]:
    import pyoxigraph

    return {
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run kg's benchmarks.")
    parser.add_argument("--quick", action="store_true", help="one repetition of each step (under ten minutes)")
    parser.add_argument("--claims", type=int, default=1_000_000, help="generated claims to load and query")
    parser.add_argument("--articles", type=int, help="use only this many articles per language")
    parser.add_argument("--bolt", metavar="URI", help="also bulk-load over Bolt into this server")
    parser.add_argument("--steps", help="comma-separated steps to run (default: all)")
    parser.add_argument("--workdir", type=Path, help="keep inputs and stores here instead of a temporary directory")
    args = parser.parse_args(argv)
    only = set(args.steps.split(",")) if args.steps else None
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        ctx = Context(workdir, args.quick, args.claims, args.articles, args.bolt)
        before = _environment()
        run_steps(ctx, only)
    print(table(ctx.rows))
    after = os.getloadavg()
    print(
        json.dumps({**ctx.figures, "quick": args.quick, **before, "load_average_after": [round(x, 2) for x in after]})
    )


if __name__ == "__main__":
    main()
