"""A view as plain data, the same for every format: nodes, links (one per claim, with every piece of evidence),
the predicates and sources they use, and what the node limit left out.

The JSON format writes it as it is (nodes and links, as D3 reads them); the HTML page reads it to draw the
graph, its filters and its evidence panels.

>>> from kg.model import *
>>> from kg.render.view import Selection, view_of
>>> doc = Document.create("Acme sued Globex.", "a.txt", language="de")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9)
>>> claim = Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "sued",
...                        Entity.named("Globex", EntityType.ORGANIZATION), (ev,))
>>> data = view_payload(view_of([claim], {doc.id: doc}, Selection()))
>>> [link["label"] for link in data["links"]], data["links"][0]["evidence"][0]["sentence"]
(['verklagte'], 'Acme sued Globex.')
>>> view_payload(view_of([claim], {doc.id: doc}, Selection()), lang="en")["links"][0]["label"]
'sued'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

import networkx as nx

from kg.contract import evidence_fields
from kg.model import Claim, ClaimKind, Document, Evidence
from kg.render.evidence import highlight
from kg.render.view import GraphView
from kg.vocab import vocabulary

__all__ = ["AUTO", "claim_language", "document_record", "evidence_record", "predicate_label", "view_payload"]

#: The ``lang`` that labels each claim in the language of the article it comes from.
AUTO = "auto"


def predicate_label(predicate: str, lang: str) -> str:
    """The label of ``predicate`` in ``lang``, else in English; a predicate outside the vocabulary as written.

    >>> predicate_label("sued", "de"), predicate_label("sued", "fr"), predicate_label("took_over", "de")
    ('verklagte', 'sued', 'took over')
    """
    known = vocabulary().get(predicate)
    return known.label(lang) if known else predicate.replace("_", " ")


def claim_language(claim: Claim, documents: Mapping[str, Document], lang: str) -> str:
    """``lang``, or for :data:`AUTO` the language of the first article that supports ``claim`` (else English)."""
    if lang != AUTO:
        return lang
    for ev in claim.evidence:
        doc = documents.get(ev.document)
        if doc is not None and doc.language not in ("", "und"):
            return doc.language
    return "en"


def document_record(doc: Document) -> dict[str, Any]:
    """What a reader needs to find an article again: title, publisher, date, link or path."""
    return {
        "id": doc.id,
        "title": doc.title,
        "publisher": doc.publisher,
        "author": doc.author,
        "published": doc.published,
        "url": doc.url,
        "source": doc.source,
        "language": doc.language,
    }


def evidence_record(claim: Claim, ev: Evidence) -> dict[str, Any]:
    """One piece of evidence, with its sentence cut into highlighted segments (:func:`kg.render.evidence.highlight`)."""
    return {
        **evidence_fields(claim, ev),
        "segments": [list(segment) for segment in highlight(ev)],
        "subject_as": ev.subject_mention.text if ev.subject_mention else None,
        "object_as": ev.object_mention.text if ev.object_mention else None,
        "cue": ev.cue.text if ev.cue else None,
        "mode": ev.mode.value if ev.mode else None,
        "addressee": ev.addressee.name if ev.addressee else None,
        "medium": ev.medium,
        "confidence": ev.confidence,
        "extractor": str(ev.extractor),
        "extracted_at": ev.extracted_at,
    }


def _node_record(graph: nx.MultiDiGraph, node: str, focus: frozenset[str]) -> dict[str, Any]:
    data = graph.nodes[node]
    return {
        "id": node,
        "label": data["label"],
        "type": data["type"],
        "aliases": [a for a in str(data.get("aliases") or "").split("; ") if a],
        "degree": graph.degree(node),
        "focus": node in focus,
    }


def _link_record(view: GraphView, source: str, target: str, claim: Claim, lang: str) -> dict[str, Any]:
    language = claim_language(claim, view.documents, lang)
    return {
        "id": claim.id,
        "source": source,
        "target": target,
        "kind": claim.kind.value,
        "predicate": claim.predicate,
        "label": predicate_label(claim.predicate, language),
        "language": language,
        "content": claim.content if claim.kind is ClaimKind.QUOTE else None,
        "evidence_count": len(claim.evidence),
        "confidence": max((ev.confidence for ev in claim.evidence), default=0.0),
        "sources": sorted({ev.document for ev in claim.evidence}),
        "evidence": [evidence_record(claim, ev) for ev in claim.evidence],
    }


def _predicates(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(link["predicate"] for link in links)
    first = {link["predicate"]: link for link in reversed(links)}
    return [
        {"name": name, "label": first[name]["label"], "kind": first[name]["kind"], "count": counts[name]}
        for name in sorted(counts)
    ]


def view_payload(view: GraphView, lang: str = AUTO) -> dict[str, Any]:
    """The whole view as JSON-ready data; ``lang`` chooses the language of predicate labels (:data:`AUTO`)."""
    graph = view.graph
    nodes = [_node_record(graph, n, view.focus) for n in sorted(graph.nodes)]
    links = sorted(
        (_link_record(view, u, v, view.claims[key], lang) for u, v, key in graph.edges(keys=True)),
        key=lambda link: link["id"],
    )
    return {
        "meta": {
            "nodes": len(nodes),
            "links": len(links),
            "evidence": sum(link["evidence_count"] for link in links),
            "documents": len(view.documents),
            "lang": lang,
            "focus": sorted(str(graph.nodes[n]["label"]) for n in view.focus if n in graph),
        },
        "omitted": asdict(view.omitted) if view.omitted else None,
        "nodes": nodes,
        "links": links,
        "predicates": _predicates(links),
        "documents": {i: document_record(d) for i, d in sorted(view.documents.items())},
    }
