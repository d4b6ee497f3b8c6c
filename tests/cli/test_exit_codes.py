"""Exit codes and one-line messages of real ``kg`` processes: files the user may not read, a reader that stops
early, an interrupt, and the documented codes 0, 1, 2, 3, 75, 130 and 141."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_PARTIAL
from tests.corpus import kg_process, run_kg, snapshot, write_corpus
from tests.store.test_lock import SLOW_WRITER


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can enter (pytest's own temporary folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="kg-perm-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def _as_another_user() -> list[str]:
    """Root reads every file whatever its permissions: run as root without the capabilities that allow it
    (the Python installation stays readable, which it may not be for an unprivileged user)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_files_and_folders_that_may_not_be_read_are_reported_and_the_rest_stored(
    shared_dir: Path, articles: Path
) -> None:
    folder = shared_dir / "articles"
    shutil.copytree(articles, folder)
    (folder / "secret.txt").write_text("Er sagte, das bleibe geheim.", "utf-8")
    (folder / "secret.txt").chmod(0o000)
    (folder / "closed").mkdir()
    (folder / "closed" / "inside.txt").write_text("Sie sagte, das sei drinnen.", "utf-8")
    (folder / "closed").chmod(0o000)
    for path in [folder, *folder.iterdir()]:
        if path.name not in ("secret.txt", "closed"):
            path.chmod(0o777 if path.is_dir() else 0o666)
    result = run_kg("ingest", str(folder), "--store", str(shared_dir / "store"), prefix=_as_another_user())
    assert result.returncode == EXIT_PARTIAL, result.stderr
    assert sorted(result.stderr.splitlines()) == [
        f"kg: error: {folder / 'closed'}: cannot be read (Permission denied) [KG102]",
        f"kg: error: {folder / 'secret.txt'}: cannot be read (Permission denied) [KG102]",
    ]
    assert "documents: 5 new, 0 unchanged, 2 failed" in result.stdout


def test_output_to_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 300)  # more claims than a pipe holds unread
    kg = kg_process("extract", str(corpus))
    assert kg.stdout is not None and kg.stderr is not None
    kg.stdout.readline()
    kg.stdout.close()  # what `kg extract ... | head -1` does once head has its line
    assert kg.wait(timeout=120) == EXIT_BROKEN_PIPE
    assert kg.stderr.read() == ""


def test_an_interrupt_stops_cleanly_and_the_next_run_completes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 40)
    store = tmp_path / "store"
    started = tmp_path / "writing"  # touched at the first write: four slow ones are still to come
    marked = "import pathlib\nslow = rw.RdfWriter.prepare\nrw.RdfWriter.prepare = lambda self, d, c: ("
    marked += f"pathlib.Path({str(started)!r}).touch(), slow(self, d, c))[1]\n"
    child = kg_process("ingest", str(corpus), "--store", str(store), patch=SLOW_WRITER + marked)
    while child.poll() is None and not started.exists():
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)
    _out, err = child.communicate(timeout=120)
    assert (child.returncode, err) == (EXIT_INTERRUPTED, "kg: interrupted\n")
    assert run_kg("validate", "--store", str(store)).returncode == 0
    assert run_kg("ingest", str(corpus), "--store", str(store)).returncode == 0
    reference = tmp_path / "reference"
    assert run_kg("ingest", str(corpus), "--store", str(reference)).returncode == 0
    assert snapshot(store) == snapshot(reference)


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (["--version"], 0, ""),
        (["stats", "--store", "{tmp}/none"], 1, "kg: error: no store at {tmp}/none"),
        (["ingest"], 2, "Usage: kg ingest"),
        (["ingest", "{tmp}/missing.txt", "--store", "{tmp}/s"], 3, "kg: error: {tmp}/missing.txt: no such file"),
    ],
)
def test_documented_exit_codes(tmp_path: Path, args: list[str], code: int, stderr: str) -> None:
    result = run_kg(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == code
    assert result.stderr.startswith(stderr.format(tmp=tmp_path))
    assert "Traceback" not in result.stderr


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _parallel_ingest(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """A slow ``kg ingest --workers 2``, once both its worker processes run."""
    corpus = write_corpus(tmp_path / "corpus", 40)
    child = kg_process("ingest", str(corpus), "--store", str(tmp_path / "store"), "--workers", "2", patch=SLOW_WRITER)
    while child.poll() is None and len(_children(child.pid)) < 2:
        time.sleep(0.01)
    workers = _children(child.pid)
    assert len(workers) == 2
    return child, workers


def test_terminating_a_parallel_ingest_stops_it_cleanly(tmp_path: Path) -> None:
    child, workers = _parallel_ingest(tmp_path)
    child.terminate()
    _out, err = child.communicate(timeout=60)
    assert (child.returncode, err) == (EXIT_INTERRUPTED, "kg: interrupted\n")
    assert not any(_alive(w) for w in workers)


def test_killing_a_parallel_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    child, workers = _parallel_ingest(tmp_path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
