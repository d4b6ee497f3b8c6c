"""Bundles: one document and all its claims as one JSON Lines record, the unit that extraction run as a map
over a distributed dataset writes, and that ``kg load`` bulk-loads into a store.

A bundle is ``{"document": {...}, "claims": [...]}``: the document with its text and metadata (evidence
offsets point into the text, so it travels along), and its claims as records of the extraction contract
(``schemas/claim.schema.json``), a relation's record also with the ``cue`` the contract leaves out. An input
that could not be read or extracted leaves a line ``{"failure": {"source": ..., "message": ..., "code": ...}}``
in its place, which ``kg load`` reports.

Extraction is a pure function of the text, so :func:`extract_bundles` can map any partition of articles to
bundles on any machine (Dask, Ray, Spark, a shell loop).

>>> line = '{"text": "„Wir bauen das Werk“, sagte Konzernchefin Anna Berger.", "language": "de"}'
>>> [bundle] = extract_bundles([line], source="part-0.jsonl")
>>> document, claims = read_bundle(bundle, "bundles.jsonl:1")
>>> document.source, [(c.subject.name, c.content) for c in claims]
('part-0.jsonl:1', [('Anna Berger', 'Wir bauen das Werk')])
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from kg.contract import claim_records
from kg.errors import InputError, MalformedInput, MissingPath, UnreadableInput
from kg.extract import default_extractors
from kg.ingest.jsonl import JsonLinesReader
from kg.model import (
    Claim,
    ClaimKind,
    Document,
    Entity,
    EntityType,
    Evidence,
    ExtractorInfo,
    Mention,
    QuoteMode,
    Span,
    document_id,
)
from kg.pipeline import Failure, extract_one

__all__ = ["RecordedFailure", "bundle_line", "extract_bundles", "failure_line", "read_bundle", "read_bundles"]

_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))


def bundle_line(document: Document, claims: Iterable[Claim]) -> str:
    """One document and its claims as one line of JSON (without the newline)."""
    doc = {name: getattr(document, name) for name in _DOCUMENT_FIELDS if getattr(document, name) is not None}
    records = [record for claim in claims for record in _records(claim)]
    return json.dumps({"document": doc, "claims": records}, ensure_ascii=False)


def _records(claim: Claim) -> Iterator[dict[str, Any]]:
    """The contract records of ``claim``, and the cue of a relation's evidence, which the contract leaves out
    but the store keeps: a bulk load must store what ingestion stores."""
    for record, ev in zip(claim_records(claim), claim.evidence, strict=True):
        if ev.cue is not None and "quote" not in record:
            record["cue"] = {"start": ev.cue.span.start, "end": ev.cue.span.end, "text": ev.cue.text}
        yield record


def failure_line(failure: Failure) -> str:
    """A line that records, in place of a bundle, an input that failed; ``kg load`` reports it."""
    return json.dumps({"failure": {"source": failure.source, "message": failure.message, "code": failure.code}})


class RecordedFailure(InputError):
    """An input that failed where the bundles were made; its message and code travel in the bundle file."""

    def __init__(self, source: str, message: str, code: str) -> None:
        super().__init__(source)
        self.args = (message,)
        self.code = code


def extract_bundles(lines: Iterable[str | bytes], source: str = "<partition>") -> Iterator[str]:
    """Map article lines (the JSON Lines input of ``kg ingest``, numbered from 1 as in ``source``) to bundle
    lines, or failure lines for those that cannot be read or extracted. The function to map over partitions
    (``dask.bag.Bag.map_partitions`` and the like)."""
    reader = JsonLinesReader()
    extractors = default_extractors()
    for number, line in enumerate(lines, 1):
        raw = line.encode("utf-8") if isinstance(line, str) else line
        if not raw.strip():
            continue
        document = reader.read_line(raw, f"{source}:{number}")
        if isinstance(document, InputError):
            yield failure_line(Failure.of(document))
            continue
        claims = extract_one(document, extractors)
        yield failure_line(claims) if isinstance(claims, Failure) else bundle_line(document, claims)


def _span(record: Mapping[str, Any]) -> Span:
    return Span(int(record["start"]), int(record["end"]))


def _mention(record: Mapping[str, Any] | None) -> Mention | None:
    return None if record is None else Mention(_span(record), str(record["text"]))


def _entity(record: Mapping[str, Any]) -> Entity:
    return Entity(str(record["id"]), str(record["name"]), EntityType(record["type"]), tuple(record.get("aliases", ())))


def _evidence(record: Mapping[str, Any], document: Document) -> Evidence:
    ev, quote = record["evidence"], record.get("quote") or {}
    if ev["document"] != document.id:
        raise ValueError(f"evidence of claim {record['id']} points into another document")
    return Evidence(
        document=document.id,
        source=document.source,
        span=_span(ev),
        sentence=ev["sentence"],
        extractor=ExtractorInfo.parse(record["extractor"]),
        confidence=float(record["confidence"]),
        prefix=ev.get("prefix", ""),
        suffix=ev.get("suffix", ""),
        subject_mention=_mention(record["subject"].get("mention")),
        object_mention=_mention((record.get("object") or {}).get("mention")),
        content=_span(quote) if quote else None,
        cue=_mention(quote.get("cue") or record.get("cue")),
        mode=QuoteMode(quote["mode"]) if quote else None,
        addressee=_entity(quote["addressee"]) if quote.get("addressee") else None,
        medium=quote.get("medium"),
    )


def _claims(records: Iterable[Mapping[str, Any]], document: Document) -> list[Claim]:
    """Contract records (one per claim and piece of evidence) as claims, each with all its evidence."""
    grouped: dict[str, tuple[Mapping[str, Any], list[Evidence]]] = {}
    for record in records:
        grouped.setdefault(str(record["id"]), (record, []))[1].append(_evidence(record, document))
    claims = []
    for first, evidence in grouped.values():
        subject = _entity(first["subject"])
        if ClaimKind(first["type"]) is ClaimKind.QUOTE:
            claims.append(Claim.quote(subject, first["quote"]["text"], tuple(evidence), first["predicate"]))
        else:
            claims.append(Claim.relation(subject, first["predicate"], _entity(first["object"]), tuple(evidence)))
    return claims


def read_bundle(line: str | bytes, source: str) -> tuple[Document, list[Claim]]:
    """The document and claims of one bundle line; :class:`MalformedInput` says what is wrong with it."""
    try:
        record = json.loads(line)
        if "failure" in record:
            failed = record["failure"]
            raise RecordedFailure(str(failed["source"]), str(failed["message"]), str(failed["code"]))
        document = Document(**{k: v for k, v in record["document"].items() if k in _DOCUMENT_FIELDS})
        if document_id(document.text) != document.id:
            raise ValueError("the document id is not the hash of its text")
        return document, _claims(record["claims"], document)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MalformedInput(source, f"not a bundle: {type(exc).__name__}: {exc}") from None


def _read_file(path: Path) -> Iterator[tuple[Document, list[Claim]] | InputError]:
    try:
        with path.open("rb") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield read_bundle(line, f"{path}:{number}")
                except InputError as err:
                    yield err
    except OSError as exc:
        yield UnreadableInput(str(path), exc.strerror or type(exc).__name__)


def read_bundles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Document, list[Claim]] | InputError]:
    """The bundles in ``paths`` (files, or directories of ``.jsonl`` files), or an error in place of a bad line."""
    for root in map(Path, paths):
        if not root.exists():
            yield MissingPath(str(root))
            continue
        for path in sorted(root.rglob("*.jsonl")) if root.is_dir() else [root]:
            yield from _read_file(path)
