"""Resolution inside one document and re-pointing claims."""

from __future__ import annotations

from kg.model import Claim, Entity, EntityType
from kg.resolve.document import unify_document
from kg.resolve.rewrite import rewrite


def test_every_claim_of_a_document_sees_one_entity_with_all_names_and_the_surest_type() -> None:
    vague = Entity.named("Helios", EntityType.THING, ("Helios-Gruppe",))
    sure = Entity.named("Helios", EntityType.ORGANIZATION)
    claims = unify_document(
        [
            Claim.quote(vague, "Wir liefern."),
            Claim.relation(Entity.named("Nordwind", EntityType.ORGANIZATION), "sued", sure),
        ]
    )
    assert {c.entities()[-1].type for c in claims} == {EntityType.ORGANIZATION}
    assert claims[0].subject.aliases == ("Helios-Gruppe",)


def test_a_rewrite_that_would_relate_an_entity_to_itself_drops_the_claim() -> None:
    a, b = Entity.named("Acme", EntityType.ORGANIZATION), Entity.named("Acme Inc.", EntityType.ORGANIZATION)
    assert rewrite([Claim.relation(a, "owns", b)], {a.id: b}) == []
