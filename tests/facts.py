"""A small graph written by hand: three short articles (English and German) and the facts in them, as claims
with their evidence, the way extractors would report them. It has what the store tests ask about: lawsuits,
co-founders, a fact found in two articles, quotes in several modes, a quote with an addressee, and
sub-predicates of "said" (wrote, announced); and a fourth article whose short names are corrected by a merge, a
split and a recorded doubt."""

from __future__ import annotations

from kg.model import (
    Claim,
    Document,
    Entity,
    EntityType,
    Evidence,
    ExtractorInfo,
    Mention,
    QuoteMode,
    Resolution,
    ResolutionKind,
    Span,
)
from kg.pipeline import ingest_paths
from kg.resolve import RESOLVER, merge_entities, split_entity
from kg.store.base import Store
from tests.conftest import ARTICLES

__all__ = ["DOCUMENTS", "FOLLOW_UP", "claims", "correct", "entity", "fill"]

RELATIONS = ExtractorInfo("kg.test.relations", 1)
QUOTES = ExtractorInfo("kg.test.quotes", 2)

NORDLICHT_EN = Document.create(
    "Nordlicht Energy sued Baltic Grid over grid fees. "
    "Jana Vogt co-founded Nordlicht Energy with Tomas Berg in 2015. "
    '"We will win this case," said Jana Vogt. '
    "Baltic Grid wrote that the fees are lawful.",
    "news/nordlicht.en.txt",
    language="en",
    title="Nordlicht sues Baltic Grid",
    url="https://example.org/nordlicht",
    published="2024-03-04",
)
NORDLICHT_DE = Document.create(
    "Nordlicht Energy hat Baltic Grid verklagt. "
    "„Die Gebühren sind überhöht“, sagte Tomas Berg dem Handelsblatt. "
    "Tomas Berg leitet Nordlicht Energy seit 2020. "
    "Jana Vogt sagte, man werde gewinnen.",
    "news/nordlicht.de.txt",
    language="de",
    publisher="Beispiel-Zeitung",
)
SOL = Document.create(
    "Sol Robotics develops the Atlas arm. "
    "Mara Lind founded Sol Robotics. "
    '"Atlas will ship in May," Mara Lind announced. '
    "Mara Lind left Baltic Grid in 2019.",
    "news/sol.en.txt",
    language="en",
)
DOCUMENTS = (NORDLICHT_EN, NORDLICHT_DE, SOL)

#: An article that names its people and companies short: what :func:`correct` corrects.
FOLLOW_UP = Document.create(
    'Nordlicht sued Baltic Grid again. Vogt said that the court will decide. "Sol Robotics will grow," Lind said.',
    "news/follow-up.en.txt",
    language="en",
    published="2024-06-01",
)

_TYPES = {
    "Nordlicht Energy": EntityType.ORGANIZATION,
    "Nordlicht": EntityType.ORGANIZATION,
    "Baltic Grid": EntityType.ORGANIZATION,
    "Sol Robotics": EntityType.ORGANIZATION,
    "Handelsblatt": EntityType.ORGANIZATION,
    "Atlas": EntityType.PRODUCT,
}


def entity(name: str) -> Entity:
    return Entity.named(name, _TYPES.get(name, EntityType.PERSON))


def _sentence(doc: Document, starts_with: str) -> Span:
    start = doc.text.index(starts_with)
    end = doc.text.find(". ", start)
    return Span(start, len(doc.text) if end < 0 else end + 1)


def _mention(doc: Document, within: Span, text: str) -> Mention:
    start = doc.text.index(text, within.start)
    return Mention.at(doc.text, Span(start, start + len(text)))


def _relation(doc: Document, sentence: str, subject: str, predicate: str, obj: str) -> Claim:
    span = _sentence(doc, sentence)
    ev = Evidence.at(
        doc,
        span,
        RELATIONS,
        0.85,
        subject_mention=_mention(doc, span, subject),
        object_mention=_mention(doc, span, obj),
    )
    return Claim.relation(entity(subject), predicate, entity(obj), (ev,))


def _quote(
    doc: Document, sentence: str, speaker: str, content: str, cue: str, mode: QuoteMode, **details: object
) -> Claim:
    span = _sentence(doc, sentence)
    where = doc.text.index(content, span.start)
    ev = Evidence.at(
        doc,
        span,
        QUOTES,
        0.9 if mode is QuoteMode.DIRECT else 0.7,
        subject_mention=_mention(doc, span, speaker),
        content=Span(where, where + len(content)),
        cue=_mention(doc, span, cue),
        mode=mode,
        **details,
    )
    predicate = {"wrote": "wrote", "announced": "announced"}.get(cue, "said")
    return Claim.quote(entity(speaker), content, (ev,), predicate=predicate)


def claims() -> list[Claim]:
    """The facts of :data:`DOCUMENTS`, one claim per fact and article (a store merges equal facts)."""
    en, de, sol = DOCUMENTS
    return [
        _relation(en, "Nordlicht Energy sued", "Nordlicht Energy", "sued", "Baltic Grid"),
        _relation(en, "Jana Vogt co-founded", "Jana Vogt", "co_founded", "Nordlicht Energy"),
        _relation(en, "Jana Vogt co-founded", "Tomas Berg", "co_founded", "Nordlicht Energy"),
        _quote(en, '"We will win', "Jana Vogt", "We will win this case", "said", QuoteMode.DIRECT),
        _quote(en, "Baltic Grid wrote", "Baltic Grid", "the fees are lawful", "wrote", QuoteMode.INDIRECT),
        _relation(de, "Nordlicht Energy hat", "Nordlicht Energy", "sued", "Baltic Grid"),
        _quote(
            de,
            "„Die Gebühren",
            "Tomas Berg",
            "Die Gebühren sind überhöht",
            "sagte",
            QuoteMode.DIRECT,
            addressee=entity("Handelsblatt"),
        ),
        _relation(de, "Tomas Berg leitet", "Tomas Berg", "leads", "Nordlicht Energy"),
        _quote(de, "Jana Vogt sagte", "Jana Vogt", "man werde gewinnen", "sagte", QuoteMode.INDIRECT),
        _relation(sol, "Sol Robotics develops", "Sol Robotics", "develops", "Atlas"),
        _relation(sol, "Mara Lind founded", "Mara Lind", "founded", "Sol Robotics"),
        _quote(sol, '"Atlas will', "Mara Lind", "Atlas will ship in May", "announced", QuoteMode.DIRECT),
        _relation(sol, "Mara Lind left", "Mara Lind", "left", "Baltic Grid"),
    ]


def fill(store: Store) -> None:
    """Ingest the fixture articles (quotes, through the pipeline) and write the facts above."""
    ingest_paths([ARTICLES], store)
    store.write(list(DOCUMENTS), claims())


def correct(store: Store) -> None:
    """Write the facts of :data:`FOLLOW_UP` as they were extracted, then correct who is who: "Nordlicht" is
    merged into "Nordlicht Energy", the "Lind" of that article (taken for Mara Lind) is split off as "Lena Lind",
    and "Vogt" is recorded as possibly "Jana Vogt"."""
    doc = FOLLOW_UP
    lind = _quote(doc, '"Sol Robotics', "Lind", "Sol Robotics will grow", "said", QuoteMode.DIRECT)
    store.write(
        [doc],
        [
            _relation(doc, "Nordlicht sued", "Nordlicht", "sued", "Baltic Grid"),
            _quote(doc, "Vogt said", "Vogt", "the court will decide", "said", QuoteMode.INDIRECT),
            Claim.quote(entity("Mara Lind"), lind.content or "", lind.evidence),
        ],
    )
    merge_entities(store, "Nordlicht", "Nordlicht Energy")
    split_entity(store, "Mara Lind", "Lind", name="Lena Lind", document=doc.id)
    vogt, jana = entity("Vogt"), entity("Jana Vogt")
    store.record_resolution(
        Resolution(ResolutionKind.AMBIGUOUS, vogt.id, jana.id, vogt.name, jana.name, agent=str(RESOLVER))
    )
