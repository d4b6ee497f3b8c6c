"""What every claim must satisfy before it is stored, whichever extractor (built in or plug-in) made it: a
predicate of the vocabulary, evidence in its own document, every span inside the text, and the text at a
span equal to what the claim says stands there.

>>> from kg.model import Document, Entity, EntityType, Evidence, ExtractorInfo, Span
>>> doc = Document.create("Acme sued Globex.", "a.txt", language="en")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9)
>>> acme, globex = Entity.named("Acme", EntityType.ORGANIZATION), Entity.named("Globex", EntityType.ORGANIZATION)
>>> check_claims(doc, [Claim.relation(acme, "sued", globex, (ev,))])
>>> check_claims(doc, [Claim.relation(acme, "befriended", globex, (ev,))])
Traceback (most recent call last):
...
kg.errors.ExtractionFailed: a.txt: extraction failed (kg.example@1 made a claim with the unknown predicate 'befriended')
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.errors import ExtractionFailed
from kg.model import Claim, Document, Evidence, Mention, Span
from kg.vocab import vocabulary

__all__ = ["check_claims"]


def _spans(ev: Evidence) -> Iterable[tuple[str, Span, str | None]]:
    """Each span of a piece of evidence, with the text that should stand there (None: any)."""
    yield "evidence", ev.span, ev.sentence
    mentions: tuple[tuple[str, Mention | None], ...] = (
        ("subject", ev.subject_mention),
        ("object", ev.object_mention),
        ("cue", ev.cue),
    )
    for name, mention in mentions:
        if mention is not None:
            yield name, mention.span, mention.text
    if ev.content is not None:
        yield "quote", ev.content, None


def _problem(document: Document, claim: Claim, ev: Evidence) -> str | None:
    if claim.predicate not in vocabulary():
        return f"made a claim with the unknown predicate {claim.predicate!r}"
    if ev.document != document.id:
        return "made a claim whose evidence names another document"
    for name, span, text in _spans(ev):
        if span.end > len(document.text):
            return f"put its {name} span ({span.start}, {span.end}) past the end of the text ({len(document.text)})"
        if text is not None and span.of(document.text) != text:
            return f"put its {name} span ({span.start}, {span.end}) where the text is not {text[:40]!r}"
    return None


def check_claims(document: Document, claims: Iterable[Claim]) -> None:
    """Raise `ExtractionFailed` naming the extractor and the fault if a claim does not fit ``document``."""
    for claim in claims:
        for ev in claim.evidence:
            problem = _problem(document, claim, ev)
            if problem is not None:
                raise ExtractionFailed(document.source, f"{ev.extractor} {problem}")
