"""`bench/run.py` end to end on a small scale: it prepares its inputs, runs every step, prints a table and, as
its last line, one JSON object with the figures. (Speed is the benchmark's business; this checks that it runs.)"""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

REPOSITORY = Path(__file__).resolve().parents[2]
MODULES = ["bench.measure", "bench.inputs", "bench.english", "bench.synthetic", "bench.queries", "bench.load_variants"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.shared
@pytest.mark.slow
def test_a_small_run_prints_the_figures_last(tmp_path: Path) -> None:
    if not (SHARED / "corpus" / "de-10kgnad-test.csv").is_file():
        pytest.skip(f"the German corpus is not here ({SHARED}/corpus); it lives in ../shared, outside the repository")
    argv = [sys.executable, "bench/run.py", "--quick", "--claims", "3000", "--articles", "30", "--workdir", tmp_path]
    done = subprocess.run([str(a) for a in argv], cwd=REPOSITORY, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    *table, last = done.stdout.strip().splitlines()
    figures = json.loads(last)
    for key in (
        "extract_articles_per_s",
        "extract_mb_per_s",
        "ingest_articles_per_s",
        "store_claims_per_s",
        "sparql_p50_ms_3000",
        "sparql_p95_ms_3000",
    ):
        assert figures[key] > 0, key
    assert figures["viz_ms_5k"] > 0 and figures["viz_nodes"] > 4000
    assert {"extract", "ingest", "store", "sparql", "viz"} <= set(figures["peak_rss_mb"])
    assert "failed" not in figures
    # Which build was measured, so that a figure of pure Python is never taken for a compiled one's.
    from kg import compiled

    assert figures["extract_compiled"] is compiled()
    assert any(
        ("(compiled)" if compiled() else "(pure Python)") in line for line in table if line.startswith("extract")
    )
    # Bolt: a figure when the ArcadeDB server of the test extra started, else a row saying why not.
    [bolt] = [line for line in table if line.startswith("bolt")]
    assert figures.get("store_bolt_claims_per_s", 0) > 0 or "skipped" in bolt
