"""The data model: identities are derived from content, spans are checked, records are frozen."""

from __future__ import annotations

import dataclasses

import pytest

from kg.model import (
    Claim,
    ClaimKind,
    Document,
    Entity,
    EntityType,
    Evidence,
    ExtractorInfo,
    QuoteMode,
    Span,
    document_id,
    entity_id,
)

EXTRACTOR = ExtractorInfo("kg.test", 1)


def test_document_id_ignores_whitespace_and_normalises_unicode() -> None:
    composed, decomposed = "Grüße", "Gru\u0308ße"
    assert document_id(f"  {composed}\r\n") == document_id(decomposed)
    assert document_id("a") != document_id("b")


def test_a_span_must_be_non_empty_and_ordered() -> None:
    with pytest.raises(ValueError, match="start < end"):
        Span(5, 5)
    with pytest.raises(ValueError, match="start < end"):
        Span(-1, 3)
    assert Span(2, 5).overlaps(Span(4, 9)) and not Span(2, 5).overlaps(Span(5, 9))


def test_entities_with_the_same_name_are_one_entity_but_unnamed_groups_stay_apart() -> None:
    assert Entity.named("Elon  Musk", EntityType.PERSON).id == Entity.named("elon musk", EntityType.PERSON).id
    experts_a = Entity.unnamed_group("einige Experten", "a" * 64)
    experts_b = Entity.unnamed_group("einige Experten", "b" * 64)
    assert experts_a.id != experts_b.id and experts_a.unnamed


def test_aliases_exclude_the_name_and_duplicates() -> None:
    musk = Entity.named("Elon Musk", EntityType.PERSON, ("Musk", "musk", "Elon Musk"))
    assert musk.aliases == ("Musk",)


def test_the_same_fact_from_two_documents_is_one_claim() -> None:
    a = Document.create("Acme sued Globex on Monday.", "a.txt", language="en")
    b = Document.create("On Monday, Acme sued Globex.", "b.txt", language="en")
    acme, globex = Entity.named("Acme", EntityType.ORGANIZATION), Entity.named("Globex", EntityType.ORGANIZATION)
    one = Claim.relation(acme, "sued", globex, (Evidence.at(a, Span(0, 27), EXTRACTOR, 0.9),))
    two = Claim.relation(acme, "sued", globex, (Evidence.at(b, Span(0, 28), EXTRACTOR, 0.8),))
    assert one.id == two.id
    assert one.evidence_id(one.evidence[0]) != two.evidence_id(two.evidence[0])


def test_quote_identity_ignores_typography_and_case() -> None:
    speaker = Entity.named("Anna Berger", EntityType.PERSON)
    assert Claim.quote(speaker, "Wir kommen – bald!").id == Claim.quote(speaker, "wir kommen bald").id


def test_claims_check_their_shape() -> None:
    speaker = Entity.named("Anna Berger", EntityType.PERSON)
    with pytest.raises(ValueError, match="quote claim"):
        Claim.quote(speaker, "")
    with pytest.raises(ValueError, match="relation claim"):
        Claim(ClaimKind.RELATION, speaker, "sued")


def test_evidence_cuts_sentence_and_selector_context_from_the_text() -> None:
    doc = Document.create("Erster Satz. Zweiter Satz. Dritter.", "a.txt", language="de")
    ev = Evidence.at(doc, Span(13, 26), EXTRACTOR, 0.5, mode=QuoteMode.DIRECT)
    assert (ev.prefix, ev.sentence, ev.suffix) == ("Erster Satz. ", "Zweiter Satz.", " Dritter.")
    with pytest.raises(ValueError, match="confidence"):
        Evidence.at(doc, Span(0, 5), EXTRACTOR, 1.5)


def test_model_objects_are_frozen() -> None:
    entity = Entity.named("Acme", EntityType.ORGANIZATION)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.name = "Other"  # type: ignore[misc]
    assert entity_id("Acme") == entity.id
