"""Hand-written graphs for the view's tests, built through the model API: two short articles about an invented
lawsuit (German and English, so one claim has evidence in both), an article whose every string is hostile
markup, and a synthetic graph of any size for the node limit and the benchmark."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, QuoteMode, Span

QUOTES = ExtractorInfo("kg.quotes.test", 1)
RELATIONS = ExtractorInfo("kg.relations.test", 2)

NORDWERK_DE = (
    "Nordwerk verklagt Südstahl\n"
    "Die Nordwerk AG hat den Konkurrenten Südstahl verklagt. "
    "„Wir lassen uns das nicht gefallen“, sagte Nordwerk-Chefin Jana Maier am Montag. "
    "Maier hatte Nordwerk 2009 gegründet."
)
NORDWERK_EN = (
    "Nordwerk sued its rival Südstahl over a patent on Tuesday. "
    '"We will not let this pass," said Jana Maier, the chief executive of Nordwerk. '
    "Südstahl owns the Lumen platform."
)
#: Markup and script in every place an article can put text: title, publisher, URL, names, quotes.
HOSTILE_NAME = "Eve \"Evil\" O'Neil</script><script>window.kgPwned='name'</script>"
HOSTILE_QUOTE = "</script><script>window.kgPwned='quote'</script><img src=x onerror=\"window.kgPwned='img'\">"
HOSTILE_TEXT = f'"{HOSTILE_QUOTE}," said {HOSTILE_NAME} at the <b>meeting</b>.'


@dataclass
class Graph:
    """Documents and claims to store or to view."""

    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)


def _span(doc: Document, text: str, after: int = 0) -> Span:
    start = doc.text.index(text, after)
    return Span(start, start + len(text))


def evidence(doc: Document, sentence: str, extractor: ExtractorInfo, confidence: float, **marks: str) -> Evidence:
    """Evidence for ``sentence`` of ``doc``; ``marks`` (quote, cue, subject, object) are found inside it."""
    span = _span(doc, sentence)
    found = {role: _span(doc, text, span.start) for role, text in marks.items()}
    details: dict[str, object] = {}
    if "quote" in found:
        details |= {"content": found["quote"], "mode": QuoteMode.DIRECT}
    if "cue" in found:
        details["cue"] = Mention.at(doc.text, found["cue"])
    if "subject" in found:
        details["subject_mention"] = Mention.at(doc.text, found["subject"])
    if "object" in found:
        details["object_mention"] = Mention.at(doc.text, found["object"])
    return Evidence.at(doc, span, extractor, confidence, **details)


def nordwerk() -> Graph:
    """A lawsuit reported in two articles: one claim with two pieces of evidence, quotes, parallel claims."""
    de = Document.create(
        NORDWERK_DE, "nordwerk.de.txt", language="de", title="Nordwerk verklagt Südstahl",
        publisher="Hafenblatt", published="2024-05-02", url="https://example.org/nordwerk",
    )  # fmt: skip
    en = Document.create(
        NORDWERK_EN, "nordwerk.en.txt", language="en", title="Nordwerk sues rival Südstahl",
        publisher="Harbour Post", published="2024-05-03",
    )  # fmt: skip
    maier = Entity.named("Jana Maier", EntityType.PERSON, aliases=("Maier",))
    nordwerk_ag = Entity.named("Nordwerk", EntityType.ORGANIZATION, aliases=("Nordwerk AG",))
    suedstahl = Entity.named("Südstahl", EntityType.ORGANIZATION)
    lumen = Entity.named("Lumen", EntityType.PLATFORM)
    de_sued = "Die Nordwerk AG hat den Konkurrenten Südstahl verklagt."
    en_sued = "Nordwerk sued its rival Südstahl over a patent on Tuesday."
    de_quote = "„Wir lassen uns das nicht gefallen“, sagte Nordwerk-Chefin Jana Maier am Montag."
    en_quote = '"We will not let this pass," said Jana Maier, the chief executive of Nordwerk.'
    claims = [
        Claim.relation(nordwerk_ag, "sued", suedstahl, (
            evidence(de, de_sued, RELATIONS, 0.86, subject="Nordwerk AG", object="Südstahl", cue="verklagt"),
            evidence(en, en_sued, RELATIONS, 0.91, subject="Nordwerk", object="Südstahl", cue="sued"),
        )),
        Claim.quote(maier, "Wir lassen uns das nicht gefallen", (
            evidence(de, de_quote, QUOTES, 0.93, quote="Wir lassen uns das nicht gefallen", cue="sagte",
                     subject="Jana Maier"),
        )),
        Claim.quote(maier, "We will not let this pass", (
            evidence(en, en_quote, QUOTES, 0.9, quote="We will not let this pass", cue="said", subject="Jana Maier"),
        )),
        Claim.relation(maier, "founded", nordwerk_ag, (
            evidence(de, "Maier hatte Nordwerk 2009 gegründet.", RELATIONS, 0.8, subject="Maier", object="Nordwerk"),
        )),
        Claim.relation(maier, "leads", nordwerk_ag, (
            evidence(en, en_quote, RELATIONS, 0.7, subject="Jana Maier", object="Nordwerk"),
        )),
        Claim.relation(suedstahl, "owns", lumen, (
            evidence(en, "Südstahl owns the Lumen platform.", RELATIONS, 0.75, subject="Südstahl", object="Lumen"),
        )),
    ]  # fmt: skip
    return Graph({de.id: de, en.id: en}, claims)


def hostile() -> Graph:
    """An article whose title, publisher, URL, speaker and quote are all markup that would run if pasted."""
    doc = Document.create(
        HOSTILE_TEXT, "hostile.txt", language="en", title="<script>window.kgPwned='title'</script>",
        publisher="\"><img src=x onerror=\"window.kgPwned='publisher'\">", url="javascript:window.kgPwned='url'",
    )  # fmt: skip
    speaker = Entity.named(HOSTILE_NAME, EntityType.PERSON)
    ev = evidence(doc, HOSTILE_TEXT, QUOTES, 0.9, quote=HOSTILE_QUOTE, cue="said", subject=HOSTILE_NAME)
    return Graph({doc.id: doc}, [Claim.quote(speaker, HOSTILE_QUOTE, (ev,))])


def synthetic(nodes: int, seed: int = 5) -> Graph:
    """About ``nodes`` nodes: organisations and people with relations among them (a few hubs, many leaves),
    and a quote for every third person, all from a handful of articles."""
    rng = random.Random(seed)
    texts = [f"Article {i}: " + " ".join(f"Sentence {j} of article {i}." for j in range(40)) for i in range(8)]
    docs = [Document.create(t, f"synthetic/{i}.txt", language="en", title=f"Article {i}") for i, t in enumerate(texts)]
    people = [Entity.named(f"Person {i:05d}", EntityType.PERSON) for i in range(nodes * 3 // 5)]
    orgs = [Entity.named(f"Company {i:05d}", EntityType.ORGANIZATION) for i in range(nodes // 5)]
    claims: list[Claim] = []
    for i, person in enumerate(people):
        doc = docs[i % len(docs)]
        sentence = f"Sentence {i % 40} of article {i % len(docs)}."
        org = orgs[min(int(rng.paretovariate(1.2)) - 1, len(orgs) - 1)]
        claims.append(Claim.relation(person, "works_for", org, (evidence(doc, sentence, RELATIONS, 0.8),)))
        if i % 3 == 0:
            claims.append(Claim.quote(person, f"Statement number {i}", (evidence(doc, sentence, QUOTES, 0.9),)))
    for i, org in enumerate(orgs[1:], start=1):
        owner = orgs[rng.randrange(i)]
        ev = evidence(docs[i % len(docs)], "Sentence 1 of", RELATIONS, 0.7)
        claims.append(Claim.relation(org, "owns", owner, (ev,)))
    return Graph({d.id: d for d in docs}, claims)
