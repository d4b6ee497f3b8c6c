"""Extraction: from a Document to claims with evidence, through the registered extractors.

>>> from kg.model import Document
>>> doc = Document.create('„Wir liefern im Mai aus“, sagte Firmenchefin Anna Berger.', "a.txt", language="de")
>>> [(c.subject.name, c.content) for c in extract_claims(doc)]
[('Anna Berger', 'Wir liefern im Mai aus')]
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.analysis import Analysis
from kg.extract.base import Extractor
from kg.model import Claim, Document
from kg.registry import extractors

__all__ = ["Analysis", "Extractor", "default_extractors", "extract_claims"]


def default_extractors(names: Sequence[str] | None = None) -> list[Extractor]:
    """Instances of the named extractors, or of every registered one."""
    return [extractors.get(name)() for name in (names or extractors.names())]


def extract_claims(document: Document, chosen: Sequence[Extractor] | None = None) -> list[Claim]:
    """Claims the extractors find in ``document``; each has one piece of evidence. A pure function of the text."""
    analysis = Analysis(document)
    claims: list[Claim] = []
    for extractor in chosen if chosen is not None else default_extractors():
        if extractor.accepts(analysis):
            claims.extend(extractor.extract(analysis))
    return claims
