"""Hand the embedded store's bulk loader the same N-Triples in different ways; report CPU, wall time and memory.

    python -m bench.load_variants --claims 1000000 --variant batches --store /tmp/v-batches
    python -m bench.load_variants --claims 1000000 --variant parts --lines 990000 --store /tmp/v-parts
    python -m bench.load_variants --claims 1000000 --variant stream --optimize --store /tmp/v-stream

The lines of generated claims (:mod:`bench.synthetic`) are prepared as ``Store.write_many`` prepares them, in
batches of 50,000 claims, before the clock starts; then they are joined and loaded as the store's loader does.
``batches`` is what the store does: one bulk load per batch, then its completion marks. ``parts`` regroups the
lines into bulk loads of ``--lines`` lines whatever the batches. ``stream`` feeds every batch through a pipe
into one bulk load, which Oxigraph cuts into parts of a million quads and ingests at its end. ``--optimize``
times ``Store.optimize()`` after the load (the merging the store would otherwise do in the background, or
leave to later). CPU seconds are the whole process's, the store's background threads included; the peak
resident memory is the load's, the prepared lines included (reported beside it: the resident size when the
clock starts). The last line printed is a JSON object.

>>> list(parts(["a", "b\\nc", "d", "e"], 3))
[['a', 'b\\nc'], ['d', 'e']]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from bench.synthetic import batches
from kg.store.rdf_writing import RdfWriter

__all__ = ["VARIANTS", "parts", "prepare"]

Prepared = list[tuple[list[str], str]]  # each batch's data lines (an item may hold several) and completion marks
_NT = ox.RdfFormat.N_TRIPLES


def prepare(claims: int, batch: int = 50_000) -> Prepared:
    """The N-Triples of ``claims`` generated claims, batch by batch, as an empty store is written them."""
    writer = RdfWriter(ox.Store(), "2026-01-01T00:00:00Z")
    prepared = []
    for documents, generated in batches(claims, batch_claims=batch):
        lines = writer.prepare(documents, generated)
        prepared.append((lines.lines, "\n".join(lines.completion)))
    return prepared


def parts(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """Consecutive items (each one line or several) in lists of at most ``size`` lines."""
    part: list[str] = []
    count = 0
    for item in items:
        lines = item.count("\n") + 1
        if part and count + lines > size:
            yield part
            part, count = [], 0
        part.append(item)
        count += lines
    if part:
        yield part


def _batches(store: ox.Store, prepared: Prepared, _lines: int) -> None:
    for lines, marks in prepared:
        store.bulk_load("\n".join(lines), format=_NT, lenient=True)
        store.load(marks, format=_NT, lenient=True)


def _parts(store: ox.Store, prepared: Prepared, lines: int) -> None:
    every = (item for items, _marks in prepared for item in items)
    for part in parts(every, lines):
        store.bulk_load("\n".join(part), format=_NT, lenient=True)
    store.load("\n".join(marks for _data, marks in prepared), format=_NT, lenient=True)


def _stream(store: ox.Store, prepared: Prepared, _lines: int) -> None:
    read, write = os.pipe()
    loading = threading.Thread(
        target=store.bulk_load, kwargs={"path": f"/dev/fd/{read}", "format": _NT, "lenient": True}
    )
    loading.start()
    with os.fdopen(write, "w") as pipe:
        for lines, _marks in prepared:
            pipe.write("\n".join(lines) + "\n")
    loading.join()
    os.close(read)
    store.load("\n".join(marks for _data, marks in prepared), format=_NT, lenient=True)


VARIANTS: dict[str, Callable[[ox.Store, Prepared, int], None]] = {
    "batches": _batches,
    "parts": _parts,
    "stream": _stream,
}


def _memory_mb(field: str) -> int:
    """``VmRSS`` (resident now) or ``VmHWM`` (the peak since the start, or since :func:`_reset_peak`)."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(field)) // 1024


def _reset_peak() -> None:
    # Linux resets the peak resident size on this; the load's peak is then its own, not the preparing's.
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def _timed(step: Callable[[], None]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    step()
    return round(time.perf_counter() - start, 1), round(time.process_time() - cpu, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Load the same N-Triples into a new store in different ways.")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--variant", choices=sorted(VARIANTS), default="batches")
    parser.add_argument("--lines", type=int, default=990_000, help="lines per bulk load (variant parts)")
    parser.add_argument("--optimize", action="store_true", help="also time Store.optimize() after the load")
    parser.add_argument("--store", required=True, help="a directory, emptied first")
    args = parser.parse_args()
    prepared = prepare(args.claims)
    _reset_peak()
    prepared_mb = _memory_mb("VmRSS")
    shutil.rmtree(args.store, ignore_errors=True)
    store = ox.Store(args.store)
    seconds, cpu = _timed(lambda: VARIANTS[args.variant](store, prepared, args.lines))
    figures = {"variant": args.variant, "claims": args.claims, "seconds": seconds, "cpu_seconds": cpu}
    if args.optimize:
        figures["optimize_seconds"], figures["optimize_cpu_seconds"] = _timed(store.optimize)
    figures |= {"peak_rss_mb": _memory_mb("VmHWM"), "prepared_rss_mb": prepared_mb, "loadavg": os.getloadavg()[0]}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
