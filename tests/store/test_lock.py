"""Two ``kg`` processes on one embedded store, for real: a second writer (or a reader) stops with a clear
message and exit code 75, or waits with ``--wait``; either way the store ends up exactly as one run leaves it.
A writer killed with ``kill -9`` does not leave the store locked."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.errors import StoreLocked
from kg.store.lock import LOCK_NAME, StoreLock
from tests.corpus import kg_process, run_kg, snapshot

pytestmark = pytest.mark.slow

ARTICLES = 40

#: Makes the first writer slow (a pause per batch), so that the second surely meets it at work.
SLOW_WRITER = """
import time
import kg.pipeline, kg.store.rdf_writing as rw
kg.pipeline.BATCH_SIZE = 8
original = rw.RdfWriter.prepare
def prepare(self, documents, claims):
    time.sleep(0.4)
    return original(self, documents, claims)
rw.RdfWriter.prepare = prepare
"""


def _writing(corpus: Path, store: Path) -> subprocess.Popen[str]:
    """A slow ``kg ingest`` that holds the store's write lock by the time this returns."""
    writer = kg_process("ingest", str(corpus), "--store", str(store), patch=SLOW_WRITER)
    lock = store / LOCK_NAME
    while writer.poll() is None and not (lock.exists() and lock.read_text().strip() == str(writer.pid)):
        time.sleep(0.01)
    assert writer.poll() is None, writer.communicate()
    return writer


def test_a_second_writer_stops_with_a_clear_message(corpus: Path, expected: dict[str, object], tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = _writing(corpus, store)
    second = run_kg("ingest", str(corpus), "--store", str(store))
    assert second.returncode == StoreLocked.exit_code == 75
    assert second.stderr == (
        f"kg: error: the store {store} is in use by another kg process (process {first.pid}); "
        "wait for it to finish or pass --wait SECONDS [KG201]\n"
    )
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert snapshot(store) == expected


def test_a_second_writer_with_wait_runs_after_the_first(
    corpus: Path, expected: dict[str, object], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    first = _writing(corpus, store)
    second = run_kg("ingest", str(corpus), "--store", str(store), "--wait", "120")
    assert first.wait(timeout=120) == 0
    assert second.returncode == 0, second.stderr
    assert f"documents: 0 new, {ARTICLES} unchanged, 0 failed" in second.stdout
    assert snapshot(store) == expected


def test_a_reader_does_not_read_a_store_being_written(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("ingest", str(corpus / "article-0000.txt"), "--store", str(store))
    first = _writing(corpus, store)
    reader = run_kg("stats", "--store", str(store))
    assert reader.returncode == 75 and "is being written by another kg process" in reader.stderr
    assert first.wait(timeout=120) == 0
    assert run_kg("stats", "--store", str(store)).returncode == 0


def test_a_killed_writer_leaves_the_store_unlocked(corpus: Path, expected: dict[str, object], tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = _writing(corpus, store)
    first.send_signal(signal.SIGKILL)
    first.wait()
    after = run_kg("ingest", str(corpus), "--store", str(store))
    assert after.returncode == 0, after.stderr
    assert snapshot(store) == expected


def test_readers_share_and_a_writer_waits_for_them(tmp_path: Path) -> None:
    readers = StoreLock(tmp_path, exclusive=False), StoreLock(tmp_path, exclusive=False)
    with readers[0], readers[1], pytest.raises(StoreLocked, match="is in use by another kg process; wait"):
        StoreLock(tmp_path, exclusive=True).acquire()
    with StoreLock(tmp_path, exclusive=True, wait=1.0):
        pass
