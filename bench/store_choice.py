"""The store choice, measured again: pyoxigraph on disk, rdflib's in-memory graph kept in a file, and rdflib over
Oxigraph (oxrdflib), on the same generated claims in kg's own RDF mapping.

    python -m bench.store_choice --claims 100000

For each engine: the load rate (triples a second, from N-Triples), the time to reopen what was stored (a new
process would pay it), and the median time of a one-hop question (quotes by a speaker) and a two-hop one
(co-founders of organisations someone sued), each with a time limit. Each engine runs in a process of its own,
so that one's memory and caches do not help another. The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pyoxigraph as ox

from bench.measure import REPOSITORY, last_json, python_module, run
from bench.synthetic import batches
from kg.store.rdf_writing import RdfWriter
from kg.store.sparql import PREFIXES

__all__ = ["ENGINES", "write_ntriples"]

ONE_HOP = "SELECT ?name ?quote WHERE { ?speaker schema:name ?name ; kg:said ?quote }"
TWO_HOP = """SELECT DISTINCT ?name ?cofounder WHERE {
  ?plaintiff schema:name ?name ; kg:sued ?org . ?person kg:co_founded ?org ; schema:name ?cofounder }"""
_PREAMBLE = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"
#: Runs of each question; the median is reported.
RUNS = 5


class TimedOut(Exception):
    pass


@contextmanager
def _limit(seconds: int) -> Iterator[None]:
    """Interrupt pure-Python work (rdflib's query engine) after ``seconds``."""

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise TimedOut

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_ntriples(claims: int, path: Path) -> tuple[int, str, str]:
    """kg's N-Triples for ``claims`` generated claims at ``path``: (lines, a speaker, someone who sued)."""
    writer = RdfWriter(ox.Store(), "2024-01-01T00:00:00Z")
    lines = 0
    speaker = plaintiff = ""
    with path.open("w", encoding="utf-8") as fh:
        for docs, found in batches(claims):
            batch = writer.prepare(docs, found)
            for chunk in (*batch.lines, *batch.completion):
                fh.write(chunk + "\n")
                lines += chunk.count("\n") + 1
            speaker = speaker or next(c.subject.name for c in found if c.predicate == "said")
            plaintiff = plaintiff or next(c.subject.name for c in found if c.predicate == "sued")
    return lines, speaker, plaintiff


def _timed(ask: Callable[[], int], limit: int) -> float | None:
    """Median milliseconds of RUNS answers, or None if one took longer than ``limit`` seconds."""
    times = []
    try:
        for _ in range(RUNS):
            start = time.perf_counter()
            with _limit(limit):
                ask()
            times.append((time.perf_counter() - start) * 1000)
    except TimedOut:
        return None
    return round(statistics.median(times), 2)


def _pyoxigraph(data: Path, where: Path, names: tuple[str, str], limit: int) -> dict[str, Any]:
    store = ox.Store(str(where))
    start = time.perf_counter()
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
    loaded = time.perf_counter() - start
    store.flush()
    del store
    start = time.perf_counter()
    store = ox.Store(str(where))
    reopened = time.perf_counter() - start

    def ask(query: str, name: str) -> Callable[[], int]:
        return lambda: len(
            list(store.query(query, prefixes=PREFIXES, substitutions={ox.Variable("name"): ox.Literal(name)}))
        )

    return {
        "load_s": loaded,
        "reopen_s": reopened,
        "one_hop_ms": _timed(ask(ONE_HOP, names[0]), limit),
        "two_hop_ms": _timed(ask(TWO_HOP, names[1]), limit),
    }


def _rdflib(data: Path, where: Path, names: tuple[str, str], limit: int, oxigraph: bool) -> dict[str, Any]:
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    def graph() -> rdflib.Graph:
        if not oxigraph:
            return rdflib.Graph()
        g = rdflib.Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)
        g.open(str(where))
        return g

    g = graph()
    start = time.perf_counter()
    if oxigraph:  # oxrdflib hands a non-transactional parse to Oxigraph's bulk loader
        g.parse(str(data), format="ox-nt", transactional=False)
    else:
        g.parse(str(data), format="nt")
    if not oxigraph:  # the in-memory graph is kept as a file
        g.serialize(str(where.with_suffix(".nt")), format="nt", encoding="utf-8")
    loaded = time.perf_counter() - start
    g.close()
    del g
    start = time.perf_counter()
    g = graph()
    if not oxigraph:
        g.parse(str(where.with_suffix(".nt")), format="nt")
    reopened = time.perf_counter() - start

    def ask(query: str, name: str) -> Callable[[], int]:
        return lambda: len(list(g.query(_PREAMBLE + query, initBindings={"name": rdflib.Literal(name)})))

    return {
        "load_s": loaded,
        "reopen_s": reopened,
        "one_hop_ms": _timed(ask(ONE_HOP, names[0]), limit),
        "two_hop_ms": _timed(ask(TWO_HOP, names[1]), limit),
    }


ENGINES: dict[str, Callable[[Path, Path, tuple[str, str], int], dict[str, Any]]] = {
    "pyoxigraph": _pyoxigraph,
    "rdflib": lambda d, w, n, t: _rdflib(d, w, n, t, oxigraph=False),
    "rdflib+oxrdflib": lambda d, w, n, t: _rdflib(d, w, n, t, oxigraph=True),
}


def _one_engine(args: argparse.Namespace) -> None:
    found = ENGINES[args.engine](Path(args.data), Path(args.where), (args.speaker, args.plaintiff), args.limit)
    found["load_triples_per_s"] = round(args.lines / found.pop("load_s"))
    found["reopen_s"] = round(found["reopen_s"], 3)
    print(json.dumps(found))


def compare(claims: int, limit: int, engines: list[str]) -> dict[str, Any]:
    """Every engine on the same ``claims``, each in a child process; peak memory from the child's usage."""
    with tempfile.TemporaryDirectory(prefix="kg-store-choice-") as tmp:
        data = Path(tmp, "claims.nt")
        lines, speaker, plaintiff = write_ntriples(claims, data)
        out: dict[str, Any] = {"claims": claims, "triples": lines, "time_limit_s": limit, "engines": {}}
        for engine in engines:
            where = Path(tmp, engine)
            argv = python_module(
                "bench.store_choice",
                "--engine",
                engine,
                "--data",
                data,
                "--where",
                where,
                "--lines",
                str(lines),
                "--speaker",
                speaker,
                "--plaintiff",
                plaintiff,
                "--limit",
                str(limit),
            )
            measured = run(argv, cwd=REPOSITORY)
            out["engines"][engine] = {**last_json(measured.stdout), "peak_rss_mb": round(measured.peak_rss_mb)}
            shutil.rmtree(where, ignore_errors=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare the embedded store's candidates.")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--limit", type=int, default=120, help="seconds a question may take")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    for hidden in ("--data", "--where", "--speaker", "--plaintiff"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    parser.add_argument("--lines", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        _one_engine(args)
        return
    result = compare(args.claims, args.limit, args.engines.split(","))
    for name, figures in result["engines"].items():
        print(f"{name:16} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
