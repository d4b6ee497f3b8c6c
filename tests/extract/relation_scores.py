"""Precision and recall of relation extraction, per predicate, on the hand-written German and English articles
of tests/fixtures/relations (each ``NAME.txt`` with its golden ``NAME.json``).

Print them with::

    python -m tests.extract.relation_scores

A golden file lists the relations a careful reader takes from the article (``relations``) and, for articles
about negations, questions, conditionals, link lists and namesakes, relations that must not be extracted
(``absent``). A predicted relation matches a golden one when the predicate agrees ("founded" and
"co_founded" count as one, as the seed's gold file has it) and the golden subject and object are the names or
aliases of the predicted entities (case-insensitive; a golden name may list alternatives separated by "|").
Predicted relations that match nothing are false positives.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Claim, ClaimKind, Document, Entity
from kg.pipeline import extract_documents

FIXTURES = Path(__file__).parent.parent / "fixtures" / "relations"
#: Founding alone and founding with others are one relation for scoring.
FOUNDING = frozenset({"founded", "co_founded"})

Triple = tuple[str, str, str]


@dataclass
class Article:
    name: str
    document: Document
    claims: list[Claim]
    gold: list[Triple]
    absent: list[Triple]


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def precision(self, predicate: str | None = None) -> float:
        tp, fp = self._sum(self.tp, predicate), self._sum(self.fp, predicate)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, predicate: str | None = None) -> float:
        tp, fn = self._sum(self.tp, predicate), self._sum(self.fn, predicate)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counts: Counter[str], predicate: str | None) -> int:
        return counts[predicate] if predicate else sum(counts.values())

    def predicates(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


def _names(entity: Entity) -> set[str]:
    return {n.casefold() for n in (entity.name, *entity.aliases)}


def _named(golden: str, entity: Entity) -> bool:
    """A golden name may list alternatives: "Mediengruppe Aschenbach|Aschenbach" (German names with and without
    their head noun, inflected forms)."""
    return any(option.casefold() in _names(entity) for option in golden.split("|"))


def matches(claim: Claim, triple: Triple) -> bool:
    """Whether ``claim`` states the golden ``(subject, predicate, object)``."""
    subject, predicate, obj = triple
    same = claim.predicate == predicate or {claim.predicate, predicate} <= FOUNDING
    assert claim.object is not None
    return same and _named(subject, claim.subject) and _named(obj, claim.object)


def load_articles(folder: Path = FIXTURES) -> list[Article]:
    """The fixture articles with their extracted relations (as ``kg extract`` finds them) and golden files."""
    out = []
    for item in extract_documents(sorted(folder.glob("*.txt"))):
        assert not hasattr(item, "message"), item
        doc, claims = item  # type: ignore[misc]
        gold = json.loads(Path(doc.source).with_suffix(".json").read_text("utf-8"))
        relations = [c for c in claims if c.kind is ClaimKind.RELATION]
        out.append(
            Article(
                Path(doc.source).stem,
                doc,
                relations,
                [tuple(t) for t in gold["relations"]],  # type: ignore[misc]
                [tuple(t) for t in gold.get("absent", [])],  # type: ignore[misc]
            )
        )
    return out


def _unique(claims: Iterable[Claim]) -> list[Claim]:
    return list({c.id: c for c in claims}.values())


def score(articles: Iterable[Article]) -> Scores:
    """True and false positives and false negatives per predicate, over all articles."""
    scores = Scores()
    for article in articles:
        predicted = _unique(article.claims)
        for triple in article.gold:
            if any(matches(c, triple) for c in predicted):
                scores.tp[triple[1]] += 1
            else:
                scores.fn[triple[1]] += 1
                scores.misses.append(f"{article.name}: {triple}")
        for claim in predicted:
            if not any(matches(claim, t) for t in article.gold):
                scores.fp[claim.predicate] += 1
                assert claim.object is not None
                scores.wrong.append(f"{article.name}: {claim.subject.name} {claim.predicate} {claim.object.name}")
    return scores


def report(scores: Scores) -> str:
    lines = [f"{'predicate':12} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for p in [*scores.predicates(), None]:
        tp, fp, fn = (scores._sum(c, p) for c in (scores.tp, scores.fp, scores.fn))
        lines.append(f"{p or 'all':12} {scores.precision(p):6.3f} {scores.recall(p):6.3f} {tp:4} {fp:4} {fn:4}")
    return "\n".join(lines)


def main() -> None:
    scores = score(load_articles())
    print(report(scores))
    print("\nmissed:", *scores.misses, sep="\n  ")
    print("\nnot in the golden files:", *scores.wrong, sep="\n  ")


if __name__ == "__main__":
    main()
