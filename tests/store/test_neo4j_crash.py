"""``kill -9`` during ``kg ingest`` into Neo4j, and two ``kg ingest`` processes writing to it at once, for real:
the server is left holding no half-written document, nothing is stored twice, and the next run completes what
was cut short to exactly what one uninterrupted run stores."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

import pytest

from kg.store import Location
from tests.arcadedb import BoltServer
from tests.corpus import kg_process, run_kg, snapshot

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

ARTICLES = 48

#: Kills the process after the write transaction of its third batch, before that batch's completion marks.
KILL_BEFORE_COMPLETION = """
import os, signal
import kg.pipeline, kg.store.neo4j as n4
kg.pipeline.BATCH_SIZE = 8
original, done = n4.Neo4jStore._apply, []
def _apply(self, plan, work=None):
    if len(done) == 2:
        self._write(work or (lambda tx: n4._run_steps(tx.run, plan.write)))
        os.kill(os.getpid(), signal.SIGKILL)
    done.append(plan)
    return original(self, plan, work)
n4.Neo4jStore._apply = _apply
"""

_COUNTED = ("documents", "claims", "evidence", "entities")


def _held(bolt: BoltServer) -> dict[str, object]:
    """What the server holds, as :func:`snapshot` sees it, with the counts both backends share."""
    held = snapshot(Location(bolt.uri, **bolt.options()))
    counts = held.pop("counts")
    assert isinstance(counts, dict)
    return {**held, "counts": {k: counts[k] for k in _COUNTED}}


def _uninterrupted(expected: dict[str, object]) -> dict[str, object]:
    counts = expected["counts"]
    assert isinstance(counts, dict)
    return {**expected, "counts": {k: counts[k] for k in _COUNTED}}


def _documents(bolt_env: dict[str, str]) -> int:
    stats = run_kg("stats", "--json", env=bolt_env)
    assert stats.returncode == 0, stats.stderr
    count = json.loads(stats.stdout)["documents"]
    assert isinstance(count, int)
    return count


def test_kill_during_ingest_into_neo4j_leaves_what_the_next_run_completes(
    corpus: Path, expected: dict[str, object], bolt: BoltServer, bolt_env: dict[str, str]
) -> None:
    killed = run_kg("ingest", str(corpus), patch=KILL_BEFORE_COMPLETION, env=bolt_env)
    assert killed.returncode == -signal.SIGKILL, f"the process was not killed: {killed.returncode} {killed.stderr}"
    assert _documents(bolt_env) == 16  # two batches complete; the third was written but never marked
    assert snapshot(Location(bolt.uri, **bolt.options()))["documents"] != expected["documents"]
    rerun = run_kg("ingest", str(corpus), env=bolt_env)
    assert rerun.returncode == 0, rerun.stderr
    assert re.search(rf"documents: {ARTICLES - 16} new, 16 unchanged, 0 failed", rerun.stdout), rerun.stdout
    assert _held(bolt) == _uninterrupted(expected)


def test_two_ingests_into_neo4j_at_once_corrupt_nothing_and_a_rerun_completes_them(
    corpus: Path, expected: dict[str, object], bolt: BoltServer, bolt_env: dict[str, str]
) -> None:
    runs = [kg_process("ingest", str(corpus), env=bolt_env) for _ in range(2)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, _out, err in results:
        # Both may race to create the same document: the server refuses one of them, which stops that run
        # with one line (never a traceback) and leaves the other's work intact.
        assert code == 0 or (code == 1 and err.startswith("kg: error: ") and err.count("\n") == 1), err
    rerun = run_kg("ingest", str(corpus), env=bolt_env)
    assert rerun.returncode == 0, rerun.stderr
    assert _held(bolt) == _uninterrupted(expected)
