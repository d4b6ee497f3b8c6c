"""Write throughput of the Neo4j store over Bolt, in claims per second.

Synthetic articles (each with quotes and relation facts among a pool of people and organisations, every claim
with its evidence) are written through ``kg.store.neo4j.Neo4jStore.write`` in batches of documents, as
``kg ingest`` writes them. Then the same batches are written again, which must add nothing.

By default the benchmark starts its own server, ArcadeDB from the ``arcadedb-embedded`` wheel (the test
dependency), on 127.0.0.1. With ``--store bolt://...`` (user, password and database from ``$KG_NEO4J_USER``,
``$KG_NEO4J_PASSWORD``, ``$KG_NEO4J_DATABASE``) it writes into that server instead, which must be empty.

    python bench/bolt.py [--claims 10000] [--batch 64] [--store bolt://localhost:7687]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, QuoteMode, Span
from kg.store import open_store
from kg.store.neo4j import Neo4jStore

#: Claims per synthetic article: half quotes (new every time), half facts (often known already).
CLAIMS_PER_ARTICLE = 10
EXTRACTOR = ExtractorInfo("kg.bench", 1)
PREDICATES = ("sued", "co_founded", "founded", "owns", "develops", "left", "works_for", "leads", "accused")


@dataclass(frozen=True)
class Figure:
    claims: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.claims / self.seconds if self.seconds else float("inf")


Fact = tuple[str, Entity, str, Entity | str]


def _facts(rng: random.Random, number: int, people: list[Entity], orgs: list[Entity]) -> list[Fact]:
    """The sentences of one article, each with its subject, predicate and object (or quoted words)."""
    out: list[Fact] = []
    for k in range(CLAIMS_PER_ARTICLE // 2):
        subject, predicate, obj = rng.choice(people + orgs), rng.choice(PREDICATES), rng.choice(orgs)
        out.append((f"{subject.name} {predicate} {obj.name} again.", subject, predicate, obj))
        speaker = rng.choice(people)
        content = f"Statement {number}-{k} on topic {rng.randrange(500)} is what we think"
        out.append((f'"{content}," said {speaker.name}.', speaker, "said", content))
    return out


def _claim(doc: Document, span: Span, fact: Fact, rng: random.Random) -> Claim:
    _sentence, subject, predicate, obj = fact
    named = doc.text.index(subject.name, span.start)
    who = Mention.at(doc.text, Span(named, named + len(subject.name)))
    if isinstance(obj, str):
        content = Span(span.start + 1, span.start + 1 + len(obj))
        ev = Evidence.at(doc, span, EXTRACTOR, 0.9, subject_mention=who, content=content, mode=QuoteMode.DIRECT)
        return Claim.quote(subject, obj, (ev,))
    ev = Evidence.at(doc, span, EXTRACTOR, round(rng.uniform(0.6, 0.95), 2), subject_mention=who)
    return Claim.relation(subject, predicate, obj, (ev,))


def _article(rng: random.Random, number: int, people: list[Entity], orgs: list[Entity]) -> tuple[Document, list[Claim]]:
    """One synthetic article and its claims, with evidence spans into its text."""
    facts = _facts(rng, number, people, orgs)
    doc = Document.create(" ".join(fact[0] for fact in facts), f"bench/article-{number}.txt", language="en")
    claims, offset = [], 0
    for fact in facts:
        span = Span(offset, offset + len(fact[0]))
        offset = span.end + 1
        claims.append(_claim(doc, span, fact, rng))
    return doc, claims


def articles(count: int, seed: int = 7) -> list[tuple[Document, list[Claim]]]:
    """``count`` synthetic articles, the same for the same seed."""
    rng = random.Random(seed)
    people = [Entity.named(f"Person{i} Example", EntityType.PERSON) for i in range(300)]
    orgs = [Entity.named(f"Company{i} Holding", EntityType.ORGANIZATION) for i in range(120)]
    return [_article(rng, n, people, orgs) for n in range(count)]


def _write_all(store: Neo4jStore, batches: list[list[tuple[Document, list[Claim]]]]) -> Figure:
    claims, start = 0, time.perf_counter()
    for batch in batches:
        written = [c for _doc, cs in batch for c in cs]
        store.write([doc for doc, _cs in batch], written)
        claims += len(written)
    return Figure(claims, time.perf_counter() - start)


@contextmanager
def _server(store: str | None) -> Iterator[tuple[str, dict[str, str], str]]:
    """The store to write to: the one given, or an ArcadeDB server of our own."""
    if store:
        yield store, {}, "the given server"
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.arcadedb import arcadedb

    with tempfile.TemporaryDirectory() as workdir, arcadedb(Path(workdir), database="bench") as server:
        yield server.uri, server.options(), "ArcadeDB (arcadedb-embedded) over Bolt on 127.0.0.1"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10000, help="claims to write (default 10000)")
    parser.add_argument("--batch", type=int, default=64, help="articles per write (default 64, as kg ingest)")
    parser.add_argument("--store", help="a bolt:// or neo4j:// URI (default: start ArcadeDB)")
    args = parser.parse_args(argv)
    data = articles(max(1, args.claims // CLAIMS_PER_ARTICLE))
    batches = [data[i : i + args.batch] for i in range(0, len(data), args.batch)]
    with _server(args.store) as (uri, options, label), open_store(uri, **options) as store:
        assert isinstance(store, Neo4jStore), f"{uri} is not a Bolt store"
        first = _write_all(store, batches)
        again = _write_all(store, batches)
        counts = store.stats().counts
    print(f"bolt writes: {first.claims} claims in {first.seconds:.1f} s = {first.rate:,.0f} claims/s ({label})")
    print(f"bolt writes again (nothing new): {again.rate:,.0f} claims/s")
    print(
        f"graph: {counts['claims']} claims, {counts['evidence']} evidence, {counts['nodes']} nodes, "
        f"{counts['relationships']} relationships; batches of {args.batch} articles"
    )


if __name__ == "__main__":
    main()
