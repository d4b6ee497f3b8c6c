"""What every store guarantees beyond the basic contract, whatever the backend: counts that do not double,
documents that are never written twice, retraction that keeps what others support, and text of any kind
(quotes, backslashes, braces, newlines, query fragments, HTML, any Unicode) stored and returned unchanged."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, QuoteMode, Span
from kg.store.base import ClaimFilter, Store

EXTRACTOR = ExtractorInfo("kg.test", 1)
GLOBEX = Entity.named("Globex", EntityType.ORGANIZATION)

#: Text that breaks queries, markup or parsers when pasted instead of bound or escaped.
HOSTILE = [
    'Robert "Bobby" Tables',
    "O'Brien's \\ back\\slash \\n \\u0022",
    "{braces} {{double}} $param ?var",
    "line one\nline two\r\nline three\ttab",
    '"}) DETACH DELETE n //',
    "} ; DROP ALL",
    "'; MATCH (n) DETACH DELETE n; //",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "]]><!-- --> &amp; &lt; <![CDATA[",
    "ein „Zitat“ mit »Marken« und ‚einfachen‘",
    "\u202eRTL override \u200b zero width \ufeff BOM inside",
    "emoji 👩‍👩‍👧 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]


def _quote(doc: Document, speaker: Entity, content: str, addressee: Entity | None = None) -> Claim:
    start = doc.text.index(content)
    ev = Evidence.at(
        doc,
        Span(0, len(doc.text)),
        EXTRACTOR,
        0.8,
        content=Span(start, start + len(content)),
        subject_mention=Mention.at(doc.text, Span(0, 1)),
        cue=Mention.at(doc.text, Span(0, 1)),
        mode=QuoteMode.DIRECT,
        addressee=addressee,
    )
    return Claim.quote(speaker, content, (ev,))


def _sued(doc: Document, subject: Entity) -> Claim:
    return Claim.relation(subject, "sued", GLOBEX, (Evidence.at(doc, Span(0, len(doc.text)), EXTRACTOR, 0.9),))


def _counts(store: Store) -> dict[str, int]:
    counts = store.stats().counts
    return {k: counts[k] for k in ("documents", "entities", "claims", "evidence")}


def test_a_fact_found_twice_in_one_batch_is_counted_once(store: Store) -> None:
    acme = Entity.named("Acme", EntityType.ORGANIZATION)
    a = Document.create("Acme sued Globex.", "a.txt", language="en")
    b = Document.create("Acme sued Globex, again.", "b.txt", language="en")
    result = store.write([a, b], [_sued(a, acme), _sued(b, acme)])
    assert (result.documents, result.claims_added, result.evidence_added, result.entities_added) == (2, 1, 2, 2)
    assert _counts(store) == {"documents": 2, "entities": 2, "claims": 1, "evidence": 2}


def test_a_complete_document_is_not_written_again_even_later(store: Store) -> None:
    acme = Entity.named("Acme", EntityType.ORGANIZATION)
    doc = Document.create("Acme sued Globex.", "a.txt", language="en")
    store.write([doc], [_sued(doc, acme)])
    before = (_counts(store), list(store.claims()), list(store.documents()))
    time.sleep(1.1)  # a later run: its time stamps differ, and must not be added beside the first ones
    again = store.write([doc], [_sued(doc, acme)])
    assert (again.documents, again.claims_added, again.evidence_added, again.entities_added) == (0, 0, 0, 0)
    assert (_counts(store), list(store.claims()), list(store.documents())) == before


def test_retraction_keeps_an_addressee_that_other_evidence_names(store: Store) -> None:
    speaker = Entity.named("Nora Winter", EntityType.PERSON)
    other = Entity.named("Karl Franke", EntityType.PERSON)
    a = Document.create("N: Wir bleiben hier.", "a.txt", language="de")
    b = Document.create("K: Wir gehen jetzt.", "b.txt", language="de")
    store.write([a], [_quote(a, speaker, "Wir bleiben hier.")])
    store.write([b], [_quote(b, other, "Wir gehen jetzt.", addressee=speaker)])
    store.retract([a.id])
    assert {e.name for e in store.entities()} == {"Nora Winter", "Karl Franke"}
    [claim] = store.claims()
    assert claim.evidence[0].addressee == speaker
    store.retract([b.id])
    assert _counts(store) == dict.fromkeys(("documents", "entities", "claims", "evidence"), 0)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_stored_and_returned_unchanged(store: Store, hostile: str) -> None:
    text = f"X: {hostile} Ende."
    doc = Document.create(
        text, f"dir/{hostile}.txt", language="de", title=hostile, publisher=hostile, author=hostile, url=hostile
    )
    speaker = Entity.named(f"Anna {hostile}", EntityType.PERSON, aliases=(hostile,))
    claim = _quote(doc, speaker, hostile)
    store.write([doc], [claim, _sued(doc, speaker)])
    assert list(store.documents()) == [doc]
    assert {e.id: e for e in store.entities()}[speaker.id] == speaker
    quotes = list(store.claims(ClaimFilter(predicates=frozenset({"said"}))))
    assert [c.content for c in quotes] == [hostile]
    assert quotes[0].evidence[0].sentence == text
    assert store.find_documents(f"dir/{hostile}.txt") == [doc.id]
    if "sparql" in store.query_languages:
        rows = store.query("SELECT ?what WHERE { ?s kg:said ?what }", "sparql", {"what": hostile}).rows
        assert rows == [(hostile,)]
    assert store.retract(store.find_documents(doc.id)).documents == 1
    assert _counts(store) == dict.fromkeys(("documents", "entities", "claims", "evidence"), 0)


_SERIAL = itertools.count()
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, name=_TEXT, source=_TEXT)
def test_any_unicode_round_trips(store: Store, text: str, name: str, source: str) -> None:
    # Examples share the store: a fresh number keeps each example's document and claim apart (quotes that
    # differ only in punctuation or case are one claim by design).
    serial = next(_SERIAL)
    doc = Document.create(f"«{text}» {serial}", source, language="und", title=text)
    speaker = Entity.named(f"N{serial} {name}", EntityType.PERSON)
    store.write([doc], [_quote(doc, speaker, text)])
    assert list(store.documents([doc.id])) == [doc]
    [claim] = store.claims(ClaimFilter(document=doc.id))
    assert (claim.content, claim.subject, claim.evidence[0].sentence) == (text, speaker, doc.text)
    assert doc.id in store.find_documents(source)
