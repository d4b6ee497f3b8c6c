"""Time the usual questions against a store: quotes by a speaker, the evidence of a claim, and the co-founders
of organisations someone sued (two hops). Parameters are drawn from the store itself, weighted as the news
weights them (a speaker with many quotes is drawn more often), with a fixed seed.

    python -m bench.queries --store /tmp/kg-1m --runs 30

Each question runs once unmeasured to warm the store's caches, then ``--runs`` times with different
parameters; times include turning the answer into Python values. The last line printed is a JSON object.

>>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50), percentile([5.0, 1.0, 3.0, 2.0, 4.0], 95)
(3.0, 5.0)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.store import open_store
from kg.store.base import Store
from kg.store.sparql import IRI

__all__ = ["QUESTIONS", "Timings", "percentile", "time_questions"]

_HERE = Path(__file__).parent / "questions"

#: Each question's file in bench/questions/, its parameter, and the query that draws parameter values.
QUESTIONS = {
    "quotes_by_speaker": ("name", "SELECT ?v WHERE { ?c rdf:predicate kg:said ; rdf:subject/schema:name ?v }"),
    "evidence_of_claim": ("claim", "SELECT ?v WHERE { ?v rdf:predicate ?p }"),
    "cofounders_of_sued": ("name", "SELECT ?v WHERE { ?c rdf:predicate kg:sued ; rdf:subject/schema:name ?v }"),
}

#: How many candidate parameter values are read from the store to draw from.
CANDIDATES = 5000


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def _draw(store: Store, query: str, runs: int, rng: random.Random) -> list[object]:
    rows = store.query(f"{query} LIMIT {CANDIDATES}", "sparql").rows
    if not rows:
        return []
    return [rows[rng.randrange(len(rows))][0] for _ in range(runs + 1)]


@dataclass
class Timings:
    """One question's measured runs: milliseconds each, and rows in each answer."""

    times_ms: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "p50_ms": round(percentile(self.times_ms, 50), 2),
            "p95_ms": round(percentile(self.times_ms, 95), 2),
            "rows": round(sum(self.rows) / len(self.rows), 1),
        }


def time_questions(store: Store, runs: int, seed: int = 0) -> dict[str, Timings]:
    """Every question of :data:`QUESTIONS` asked ``runs`` times (after one run to warm up)."""
    rng = random.Random(seed)
    out: dict[str, Timings] = {}
    for name, (param, draw) in QUESTIONS.items():
        text = (_HERE / f"{name}.rq").read_text("utf-8")
        values = _draw(store, draw, runs, rng)
        timings = out[name] = Timings()
        for i, value in enumerate(values):
            start = time.perf_counter()
            answer = store.query(text, "sparql", {param: IRI(value) if param == "claim" else value})
            elapsed = (time.perf_counter() - start) * 1000
            if i:
                timings.times_ms.append(elapsed)
                timings.rows.append(len(answer.rows))
    return {name: t for name, t in out.items() if t.times_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the usual questions against a store.")
    parser.add_argument("--store", required=True)
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each question")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with open_store(args.store, readonly=True) as store:
        found = time_questions(store, args.runs, args.seed)
    every = [t for timings in found.values() for t in timings.times_ms]
    figures = {
        "p50_ms": round(percentile(every, 50), 2) if every else None,
        "p95_ms": round(percentile(every, 95), 2) if every else None,
        "questions": {name: timings.summary() for name, timings in found.items()},
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
