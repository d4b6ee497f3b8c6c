"""Relation extraction: who sued, founded, owns, develops, left, works for, leads or accused whom, from patterns
in ``kg/lang/<code>/relations.toml`` and role nouns in ``roles.toml``, with arguments resolved through the one
coreference mechanism of :mod:`kg.extract.coref`.

>>> from kg.extract.analysis import Analysis
>>> from kg.model import Document
>>> text = "Elon Musk hat OpenAI mit gegründet. Er hat eine Klage gegen OpenAI eingereicht."
>>> claims = RelationExtractor().extract(Analysis(Document.create(text, "a.txt", language="de")))
>>> sorted((c.subject.name, c.predicate, c.object.name) for c in claims)
[('Elon Musk', 'co_founded', 'OpenAI'), ('Elon Musk', 'sued', 'OpenAI')]
"""

from __future__ import annotations

from kg.extract.relations.extractor import RelationExtractor

__all__ = ["RelationExtractor"]
