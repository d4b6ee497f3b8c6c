"""``kill -9`` during ``kg ingest``, for real: a ``kg`` process is killed at chosen points of a write (and at
a moment of the operating system's choosing); the store it leaves opens, passes ``kg validate``, and a
second run completes it to exactly what an uninterrupted run stores, without a duplicate."""

from __future__ import annotations

import json
import random
import re
import signal
import time
from pathlib import Path

import pytest

from tests.corpus import kg_process, run_kg, snapshot

pytestmark = pytest.mark.slow

ARTICLES = 120

#: Python run in the killed process before ``kg``: smaller batches, so that a kill lands between batches.
_SETUP = (
    "import os, signal, threading\nimport kg.pipeline, kg.store.rdf as rdf, kg.store.rdf_loading as loading\n"
    "kg.pipeline.BATCH_SIZE = 16\n"
)

#: Where the process dies. Each patch wraps the store's loading of N-Triples (data first, then the completion
#: marks of a batch's documents) and sends SIGKILL to its own process.
KILL_POINTS = {
    "after a bulk load, before the completion marks": """
loading.BULK_BYTES = 0
original, seen = loading._load, []
def _load(store, lines):
    original(store, lines)
    seen.append(not any("ingestedAt" in line for line in lines))
    if seen.count(True) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
loading._load = _load
""",
    "inside a bulk load": """
loading.BULK_BYTES = 0
original, seen = loading._load, []
def _load(store, lines):
    seen.append(not any("ingestedAt" in line for line in lines))
    if seen.count(True) == 3:
        threading.Timer(0.001, os.kill, (os.getpid(), signal.SIGKILL)).start()
    original(store, lines)
loading._load = _load
""",
    "inside a transaction": """
original, seen = loading._load, []
def _load(store, lines):
    seen.append(True)
    if len(seen) == 3:
        threading.Timer(0.001, os.kill, (os.getpid(), signal.SIGKILL)).start()
    original(store, lines)
loading._load = _load
""",
}

#: Dies right after clearing the remains of interrupted documents, before writing them again.
KILL_AFTER_CLEARING = """
original = rdf.RdfStore._delete
def _delete(self, ids):
    ids = list(ids)
    original(self, ids)
    if ids:
        os.kill(os.getpid(), signal.SIGKILL)
rdf.RdfStore._delete = _delete
"""


def _documents_stored(store: Path) -> int:
    opened = run_kg("stats", "--json", "--store", str(store))
    assert opened.returncode == 0, opened.stderr
    count = json.loads(opened.stdout)["documents"]
    assert isinstance(count, int)
    return count


def _assert_recovers(store: Path, corpus: Path, expected: dict[str, object]) -> None:
    """The killed run's store opens and validates; the next run completes it, exactly."""
    assert _documents_stored(store) < ARTICLES
    checked = run_kg("validate", "--store", str(store))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rerun = run_kg("ingest", str(corpus), "--store", str(store))
    assert rerun.returncode == 0, rerun.stderr
    summary = re.search(r"documents: (\d+) new, (\d+) unchanged, 0 failed", rerun.stdout)
    assert summary is not None and int(summary[1]) > 0 and int(summary[1]) + int(summary[2]) == ARTICLES
    assert snapshot(store) == expected
    assert run_kg("validate", "--store", str(store)).returncode == 0


def _killed(*args: str, patch: str) -> None:
    run = run_kg(*args, patch=_SETUP + patch)
    assert run.returncode == -signal.SIGKILL, f"the process was not killed: {run.returncode} {run.stderr}"


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_kill_during_ingest_leaves_a_store_that_the_next_run_completes(
    point: str, corpus: Path, expected: dict[str, object], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    _killed("ingest", str(corpus), "--store", str(store), patch=KILL_POINTS[point])
    _assert_recovers(store, corpus, expected)


def test_kill_while_finishing_an_interrupted_run(corpus: Path, expected: dict[str, object], tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = KILL_POINTS["after a bulk load, before the completion marks"]
    _killed("ingest", str(corpus), "--store", str(store), patch=first)
    _killed("ingest", str(corpus), "--store", str(store), patch=KILL_AFTER_CLEARING)
    _assert_recovers(store, corpus, expected)


def test_kill_at_a_moment_the_test_does_not_choose(corpus: Path, expected: dict[str, object], tmp_path: Path) -> None:
    store = tmp_path / "store"
    child = kg_process("ingest", str(corpus), "--store", str(store), patch=_SETUP)
    while not (store / "CURRENT").exists() and child.poll() is None:
        time.sleep(0.01)
    time.sleep(random.Random().uniform(0.05, 0.4))
    child.send_signal(signal.SIGKILL)
    child.communicate()
    if child.returncode != -signal.SIGKILL:
        pytest.skip("the run ended before it could be killed")
    checked = run_kg("validate", "--store", str(store))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert run_kg("ingest", str(corpus), "--store", str(store)).returncode == 0
    assert snapshot(store) == expected
