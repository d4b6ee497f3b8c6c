"""Deterministic generated claims for load and query benchmarks: documents, entities, quotes and relations.

Every claim has one piece of evidence that points into its generated document with real offsets (the sentence,
the subject and object mentions, the quoted content and the cue), so the generated graph passes the same
checks as an extracted one. Popular entities recur (a skewed choice), so that speakers have many quotes,
organisations several co-founders, and some facts several pieces of evidence.

>>> docs, claims = next(batches(48, batch_claims=48))
>>> len(claims), len(docs), all(c.evidence for c in claims)
(48, 3, True)
>>> [c.id for c in next(batches(48, batch_claims=48))[1]] == [c.id for c in claims]
True
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, QuoteMode, Span
from kg.vocab import vocabulary

__all__ = ["CLAIMS_PER_DOCUMENT", "EXTRACTOR", "Cast", "batches", "cast"]

#: Claims (sentences) in one generated document.
CLAIMS_PER_DOCUMENT = 16
#: One entity for this many claims: a million claims name 100,000 people and organisations.
CLAIMS_PER_ENTITY = 10
EXTRACTOR = ExtractorInfo("kg.bench.synthetic", 1)
_DATA = Path(__file__).parent / "data" / "synthetic.toml"
_RELATIONS_OF_PERSONS = ("sued", "co_founded", "founded", "works_for", "leads", "left", "owns", "accused")


@cache
def _material() -> dict[str, list[str]]:
    with _DATA.open("rb") as fh:
        return tomllib.load(fh)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_material()["syllables"]) for _ in range(syllables))


@dataclass(frozen=True)
class Cast:
    """The people and organisations of a generated corpus; low indices are chosen most often."""

    people: tuple[Entity, ...]
    organisations: tuple[Entity, ...]

    @staticmethod
    def _pick(rng: random.Random, pool: tuple[Entity, ...]) -> Entity:
        return pool[int(len(pool) * rng.random() ** 2)]

    def person(self, rng: random.Random) -> Entity:
        return self._pick(rng, self.people)

    def organisation(self, rng: random.Random) -> Entity:
        return self._pick(rng, self.organisations)


def cast(entities: int, seed: int = 0) -> Cast:
    """``entities`` distinct people (60 %) and organisations, named from pseudo-words."""
    rng = random.Random(f"cast-{seed}")
    suffixes = _material()["organisation_suffixes"]
    people: dict[str, Entity] = {}
    organisations: dict[str, Entity] = {}
    while len(people) < entities * 3 // 5:
        name = f"{_word(rng, 2).title()} {_word(rng, 3).title()}"
        people.setdefault(name, Entity.named(name, EntityType.PERSON))
    while len(organisations) < entities - len(people):
        name = f"{_word(rng, 3).title()} {rng.choice(suffixes)}"
        organisations.setdefault(name, Entity.named(name, EntityType.ORGANIZATION))
    return Cast(tuple(people.values()), tuple(organisations.values()))


class _Writer:
    """Builds one document's text sentence by sentence, remembering where each part landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> Span:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return Span(start, self.length)


@dataclass(frozen=True)
class _Sentence:
    """One generated sentence and where its parts stand in the document."""

    subject: Entity
    predicate: str
    region: Span
    subject_span: Span
    obj: Entity | None = None
    object_span: Span | None = None
    content: str | None = None
    content_span: Span | None = None
    cue_span: Span | None = None


def _relation(rng: random.Random, people: Cast, out: _Writer) -> _Sentence:
    predicate = rng.choice(_RELATIONS_OF_PERSONS)
    subject, obj = people.person(rng), people.organisation(rng)
    start = out.length
    s = out.add(subject.name)
    out.add(f" {vocabulary()[predicate].label('en')} ")
    o = out.add(obj.name)
    out.add(". ")
    return _Sentence(subject, predicate, Span(start, o.end + 1), s, obj=obj, object_span=o)


def _quote(rng: random.Random, people: Cast, out: _Writer) -> _Sentence:
    speaker = people.person(rng)
    content = " ".join(_word(rng, rng.randint(1, 4)) for _ in range(rng.randint(4, 14))).capitalize()
    start = out.length
    out.add('"')
    c = out.add(content)
    out.add('," ')
    s = out.add(speaker.name)
    out.add(" ")
    cue = out.add("said")
    out.add(". ")
    return _Sentence(speaker, "said", Span(start, cue.end + 1), s, content=content, content_span=c, cue_span=cue)


def _claim(doc: Document, sentence: _Sentence, confidence: float) -> Claim:
    details: dict[str, object] = {"subject_mention": Mention.at(doc.text, sentence.subject_span)}
    if sentence.obj is not None and sentence.object_span is not None:
        details["object_mention"] = Mention.at(doc.text, sentence.object_span)
    elif sentence.cue_span is not None:
        details.update(
            content=sentence.content_span, cue=Mention.at(doc.text, sentence.cue_span), mode=QuoteMode.DIRECT
        )
    evidence = (Evidence.at(doc, sentence.region, EXTRACTOR, confidence, **details),)
    if sentence.obj is not None:
        return Claim.relation(sentence.subject, sentence.predicate, sentence.obj, evidence)
    assert sentence.content is not None
    return Claim.quote(sentence.subject, sentence.content, evidence)


def _document(index: int, people: Cast, seed: int) -> tuple[Document, list[Claim]]:
    rng = random.Random(f"doc-{seed}-{index}")
    out = _Writer()
    sentences = [
        _quote(rng, people, out) if rng.random() < 0.5 else _relation(rng, people, out)
        for _ in range(CLAIMS_PER_DOCUMENT)
    ]
    doc = Document.create("".join(out.parts), f"synthetic/{index:07d}.txt", language="en", title=f"Report {index}")
    return doc, [_claim(doc, s, 0.5 + rng.random() / 2) for s in sentences]


def batches(
    claims: int, batch_claims: int = 50_000, seed: int = 0, start: int = 0
) -> Iterator[tuple[list[Document], list[Claim]]]:
    """``claims`` generated claims (rounded up to whole documents) in batches of about ``batch_claims``.

    The same arguments give the same documents and claims on every run and machine; ``start`` skips that many
    documents, so that parts of one corpus can be generated separately.
    """
    people = cast(max(100, claims // CLAIMS_PER_ENTITY), seed)
    total = -(-claims // CLAIMS_PER_DOCUMENT)
    per_batch = max(1, batch_claims // CLAIMS_PER_DOCUMENT)
    for first in range(start, total, per_batch):
        docs: list[Document] = []
        found: list[Claim] = []
        for index in range(first, min(total, first + per_batch)):
            doc, doc_claims = _document(index, people, seed)
            docs.append(doc)
            found.extend(doc_claims)
        yield docs, found
