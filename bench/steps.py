"""The steps of ``bench/run.py``: one function each, run in order, each adding table rows and figures.

A step measures real ``kg`` commands or benchmark modules in child processes (:mod:`bench.measure`) and
records its peak memory. To add a step, write a function taking the
:class:`Context` and add it to :data:`STEPS`; a step that cannot run here calls :meth:`Context.skip` with the
reason, and prints no figure.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from bench.inputs import Corpus, english_corpus, german_corpus
from bench.measure import REPOSITORY, Measured, StepFailed, last_json, python_module, run

__all__ = ["STEPS", "Context", "Row"]


@dataclass(frozen=True)
class Row:
    """One line of the printed table."""

    step: str
    what: str
    figure: str
    measured: Measured | None = None


@dataclass
class Context:
    """What the steps share: the working directory, the mode, and what they found."""

    workdir: Path
    quick: bool
    claims: int = 1_000_000
    articles: int | None = None
    bolt: str | None = None
    rows: list[Row] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def german(self) -> Corpus:
        return german_corpus(self.workdir, limit=self.articles)

    @cached_property
    def english(self) -> Corpus:
        return english_corpus(self.workdir, self.articles or 1028)

    @property
    def store_1m(self) -> Path:
        return self.workdir / "store-generated"

    def kg(self, *args: str | os.PathLike[str]) -> Measured:
        """Run the ``kg`` command of this interpreter's environment."""
        script = Path(sys.executable).with_name("kg")
        command = [script] if script.exists() else [sys.executable, "-c", "from kg.cli import main; main()"]
        return run([*command, *args], cwd=self.workdir)

    def module(self, name: str, *args: str | os.PathLike[str]) -> tuple[Measured, dict[str, Any]]:
        """Run ``python -m bench.<name>`` and read the JSON object it prints last."""
        measured = run(python_module(f"bench.{name}", *args), cwd=REPOSITORY)
        return measured, last_json(measured.stdout)

    def add(self, step: str, what: str, figure: str, measured: Measured | None = None) -> None:
        self.rows.append(Row(step, what, figure, measured))
        if measured is not None:
            peaks = self.figures.setdefault("peak_rss_mb", {})
            peaks[step] = max(peaks.get(step, 0), round(measured.peak_rss_mb))

    def skip(self, step: str, why: str) -> None:
        self.rows.append(Row(step, "skipped", why))


def extract(ctx: Context) -> None:
    """``kg extract`` over the German news and the English articles, one process each, saying whether the
    measured ``kg`` runs compiled extraction (``pip install .``) or pure Python (``pip install -e .``)."""
    compiled = ctx.kg("--version").stdout.rstrip().endswith("(compiled)")
    ctx.figures["extract_compiled"] = compiled
    build = "compiled" if compiled else "pure Python"
    articles = seconds = cpu = megabytes = 0.0
    for corpus, lang in ((ctx.german, "de"), (ctx.english, "en")):
        out = ctx.workdir / f"claims-{lang}.jsonl"
        m = ctx.kg("extract", corpus.path, "--format", "jsonl", "-o", out)
        claims = sum(1 for _ in out.open(encoding="utf-8"))
        rate = corpus.articles / m.seconds
        ctx.figures[f"extract_{lang}_articles_per_s"] = round(rate, 1)
        ctx.figures[f"extract_{lang}_claims"] = claims
        ctx.add(
            "extract",
            f"kg extract ({build}): {corpus.articles} {lang} articles, {claims} claims",
            f"{rate:.0f} articles/s",
            m,
        )
        articles, seconds, megabytes = articles + corpus.articles, seconds + m.seconds, megabytes + corpus.megabytes
        cpu += m.cpu_seconds
    ctx.figures["extract_articles_per_s"] = round(articles / seconds, 1)
    ctx.figures["extract_mb_per_s"] = round(megabytes / seconds, 3)
    ctx.figures["extract_articles_per_cpu_s"] = round(articles / cpu, 1)


def ingest(ctx: Context) -> None:
    """``kg ingest`` of the German news into a new embedded store, with the default ``--workers``."""
    variants: list[tuple[str, ...]] = [()] if ctx.quick else [(), ("--workers", "1"), ("--workers", "2")]
    for options in variants:
        store = ctx.workdir / "store-ingest"
        shutil.rmtree(store, ignore_errors=True)
        m = ctx.kg("ingest", ctx.german.path, "--store", store, *options)
        rate = ctx.german.articles / m.seconds
        label = " ".join(options) or "default workers"
        ctx.add("ingest", f"kg ingest: {ctx.german.articles} de articles, {label}", f"{rate:.0f} articles/s", m)
        if not options:
            ctx.figures["ingest_articles_per_s"] = round(rate, 1)
            ctx.figures["ingest_articles_per_cpu_s"] = round(ctx.german.articles / m.cpu_seconds, 1)


def store(ctx: Context) -> None:
    """Bulk load of generated claims into a new embedded store (kept for the query step)."""
    shutil.rmtree(ctx.store_1m, ignore_errors=True)
    m, found = ctx.module("load", "--claims", str(ctx.claims), "--store", ctx.store_1m)
    ctx.figures["store_claims_per_s"] = found["store_claims_per_s"]
    ctx.figures["store_claims_per_cpu_s"] = round(found["claims"] / found["cpu_seconds"])
    ctx.figures["store_claims"] = found["claims"]
    what = f"write_many: {found['claims']:,} generated claims ({found['generated_rss_mb']} MB of them in memory)"
    ctx.add("store", what, f"{found['store_claims_per_s']:,} claims/s, {found['seconds']:.0f} s", m)


def bolt(ctx: Context) -> None:
    """Writes over Bolt (bench/bolt.py): into the server named with ``--bolt``, or else into an ArcadeDB server
    the benchmark starts itself from the ``arcadedb-embedded`` wheel of the test extra."""
    if ctx.bolt is None and importlib.util.find_spec("arcadedb_embedded") is None:
        ctx.skip("bolt", "no Bolt server: arcadedb-embedded is not installed (test extra) and no --bolt URI given")
        return
    claims = "10000" if ctx.quick else str(min(ctx.claims, 50_000))
    target = ("--store", ctx.bolt) if ctx.bolt else ()
    try:
        m, found = ctx.module("bolt", "--claims", claims, *target, "--json")
    except StepFailed as exc:
        if ctx.bolt is None:  # the server of our own could not start (no Java, no free port): say why
            ctx.skip("bolt", f"the ArcadeDB server did not start: {str(exc).splitlines()[-1][:160]}")
            return
        raise
    ctx.figures["store_bolt_claims_per_s"] = found["claims_per_s"]
    what = f"Neo4jStore.write over Bolt: {found['claims']:,} claims ({found['server']})"
    ctx.add("bolt", what, f"{found['claims_per_s']:,} claims/s, again {found['again_claims_per_s']:,}/s", m)


def sparql(ctx: Context) -> None:
    """The usual questions on the store of generated claims."""
    runs = "30" if ctx.quick else "200"
    m, found = ctx.module("queries", "--store", ctx.store_1m, "--runs", runs)
    size = "1m" if ctx.claims == 1_000_000 else str(ctx.claims)
    ctx.figures[f"sparql_p50_ms_{size}"] = found["p50_ms"]
    ctx.figures[f"sparql_p95_ms_{size}"] = found["p95_ms"]
    for name, q in found["questions"].items():
        ctx.add("sparql", f"{name} ({q['rows']} rows on average)", f"p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms")
    ctx.add("sparql", f"all questions, {runs} runs each", f"p50 {found['p50_ms']} ms, p95 {found['p95_ms']} ms", m)


def store_choice(ctx: Context) -> None:
    """The embedded store's candidates compared (bench/store_choice.py); not in quick mode."""
    if ctx.quick:
        ctx.skip("store_choice", "not in quick mode (python -m bench.store_choice)")
        return
    m, found = ctx.module("store_choice", "--claims", str(min(ctx.claims, 100_000)))
    ctx.figures["store_choice"] = found
    late = f"over {found['time_limit_s']} s"
    for name, f in found["engines"].items():
        hops = [
            f"{n}-hop {late if ms is None else f'{ms} ms'}" for n, ms in ((1, f["one_hop_ms"]), (2, f["two_hop_ms"]))
        ]
        figure = f"load {f['load_triples_per_s']:,} triples/s, reopen {f['reopen_s']} s, {', '.join(hops)}"
        ctx.add("store_choice", f"{name}, {found['triples']:,} triples", figure)
    ctx.add("store_choice", "all three engines", "", m)


def viz(ctx: Context) -> None:
    """``kg viz``'s work for a focus view of 5,000 nodes (bench/viz.py): choosing the view from a store of a
    synthetic graph, then rendering its HTML page; outside quick mode also the time Chromium takes to settle."""
    browser = ("--no-browser",) if ctx.quick else ()
    m, found = ctx.module(
        "viz", "--nodes", "6500", "--caps", "5000", "--focus", "Company 00000", "--depth", "4", "--json", *browser
    )
    [view] = found["views"]
    ctx.figures["viz_ms_5k"] = view["view_ms"] + view["render_ms"]
    ctx.figures["viz_nodes"] = view["nodes"]
    what = f"focus view of {view['nodes']:,} nodes: view {view['view_ms']} ms + HTML {view['render_ms']} ms"
    figure = f"{view['view_ms'] + view['render_ms']} ms, {view['page_kib']:,} KiB"
    if view["settle_s"] is not None:
        ctx.figures["viz_settle_s_5k"] = view["settle_s"]
        figure += f", settles in Chromium in {view['settle_s']} s"
    ctx.add("viz", what, figure, m)


#: The steps in the order they run.
STEPS: list[Callable[[Context], None]] = [extract, ingest, store, bolt, sparql, viz, store_choice]
