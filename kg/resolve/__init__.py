"""Entity resolution: one entity per real-world thing, inside a document (:mod:`kg.resolve.document`, run with
extraction) and across documents (:mod:`kg.resolve.stage`, run against the store before writing), with the
user's corrections (:mod:`kg.resolve.corrections`: ``kg merge``, ``kg split``) kept as provenance.
"""

from __future__ import annotations

from kg.resolve.corrections import CorrectionReport, Corrections, find_entity, merge_entities, split_entity
from kg.resolve.document import unify_document
from kg.resolve.stage import RESOLVER, Resolver

__all__ = [
    "RESOLVER",
    "CorrectionReport",
    "Corrections",
    "Resolver",
    "find_entity",
    "merge_entities",
    "split_entity",
    "unify_document",
]
