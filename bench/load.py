"""Bulk-load generated claims into a store and report claims per second.

    python -m bench.load --claims 1000000 --store /tmp/kg-1m
    python -m bench.load --claims 100000 --store bolt://127.0.0.1:7687   # any registered backend

All claims are generated (:mod:`bench.synthetic`) before the clock starts and held in memory (about 1.4 kB
each), then written in one ``Store.write_many``, the store's bulk path; only the writing is timed, and the
memory the generated claims take is reported beside the peak. The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from dataclasses import asdict

from bench.synthetic import batches
from kg.model import Claim, Document
from kg.store import open_store

__all__ = ["load"]

Batch = tuple[list[Document], list[Claim]]


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def load(location: str, claims: int, batch: int = 50_000, seed: int = 0) -> dict[str, object]:
    """Write ``claims`` generated claims (rounded up to whole documents) to the store at ``location``."""
    start = time.perf_counter()
    generated = list(batches(claims, batch_claims=batch, seed=seed))
    generating = time.perf_counter() - start
    # A million claims are millions of objects: keep the collector from walking them again and again.
    gc.freeze()
    rss_before = _rss_mb()
    with open_store(location) as store:
        start, cpu = time.perf_counter(), time.process_time()
        written = store.write_many(generated)
        writing, cpu = time.perf_counter() - start, time.process_time() - cpu
    count = sum(len(c) for _d, c in generated)
    return {
        "claims": count,
        "seconds": round(writing, 3),
        "cpu_seconds": round(cpu, 3),
        "generate_seconds": round(generating, 3),
        "generated_rss_mb": round(rss_before),
        "store_claims_per_s": round(count / writing),
        **asdict(written),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Bulk-load generated claims into a store.")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--store", required=True, help="a new directory, or a store URI")
    parser.add_argument("--batch", type=int, default=50_000, help="claims per batch handed to the store")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(load(args.store, args.claims, args.batch, args.seed)))


if __name__ == "__main__":
    main()
