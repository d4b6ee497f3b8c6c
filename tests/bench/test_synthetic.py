"""The generated claims the load and query benchmarks use are deterministic and as valid as extracted ones:
stored, they pass the SHACL shapes, and every offset points at the text it names."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import CLAIMS_PER_DOCUMENT, batches
from kg.api import validate
from kg.store import open_store


def test_the_same_arguments_give_the_same_claims() -> None:
    first = [c.id for _docs, claims in batches(200, batch_claims=64) for c in claims]
    again = [c.id for _docs, claims in batches(200, batch_claims=64) for c in claims]
    assert first == again and len(first) == -(-200 // CLAIMS_PER_DOCUMENT) * CLAIMS_PER_DOCUMENT


def test_every_offset_points_at_what_it_names() -> None:
    for docs, claims in batches(100):
        texts = {d.id: d.text for d in docs}
        for claim in claims:
            [ev] = claim.evidence
            text = texts[ev.document]
            assert ev.span.of(text) == ev.sentence
            assert ev.subject_mention is not None and ev.subject_mention.span.of(text) == claim.subject.name
            if claim.content is not None:
                assert ev.content is not None and ev.content.of(text) == claim.content
            else:
                assert claim.object is not None and ev.object_mention is not None
                assert ev.object_mention.span.of(text) == claim.object.name


def test_stored_generated_claims_conform_to_the_shapes(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.write_many(batches(300, batch_claims=100))
    report = validate(store=tmp_path / "s")
    assert report.conforms, report.violations[:3]
