"""English quotes on hand-written news articles (``tests/fixtures/quotes/*.en.txt``), compared with the golden
JSON beside each: precision and recall over all of them, and per article.

A found quote matches a golden one when the speaker agrees (the entity's name or an alias, case-folded, or
one within the other) and the two contents overlap by at least half of the shorter.
``python -m tests.extract.test_quotes_english`` prints the figures and every miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.extract import extract_claims
from kg.ingest import read_documents
from kg.model import Claim, ClaimKind, Document, Span

ARTICLES = Path(__file__).parent.parent / "fixtures" / "quotes"
#: What the quote extractors must reach on these articles.
MIN_PRECISION = 0.85
MIN_RECALL = 0.75


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    right_found: int = 0
    right_expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_found / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right_expected / self.expected if self.expected else 0.0


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _within(part: list[str], whole: list[str]) -> bool:
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _same_speaker(claim: Claim, speaker: str) -> bool:
    """The entity is the golden speaker: its name or an alias, or one of them within the other, word by word,
    since where a name begins ("Inspector Maya Singh") is the business of name detection, not of quotes."""
    gold = _fold(speaker).split()
    names = [_fold(n).split() for n in (claim.subject.name, *claim.subject.aliases)]
    return any(_within(gold, n) or _within(n, gold) for n in names if n)


def _overlap(a: Span, b: Span) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and shared >= 0.5 * min(len(a), len(b))


def _matches(claim: Claim, gold: dict[str, str], text: str) -> bool:
    at = text.find(gold["content"])
    content = claim.evidence[0].content
    assert at >= 0, f"golden content not in the article: {gold['content']!r}"
    return (
        content is not None
        and _same_speaker(claim, gold["speaker"])
        and _overlap(content, Span(at, at + len(gold["content"])))
    )


def score_article(path: Path, score: Score) -> None:
    """Add the comparison of one article with its golden file to ``score``."""
    [doc] = read_documents([path])
    assert isinstance(doc, Document)
    claims = [c for c in extract_claims(doc) if c.kind is ClaimKind.QUOTE]
    golden = json.loads(path.with_suffix(".json").read_text("utf-8"))
    score.found += len(claims)
    score.expected += len(golden)
    for claim in claims:
        if any(_matches(claim, g, doc.text) for g in golden):
            score.right_found += 1
        else:
            score.misses.append(f"{path.stem}: extra {claim.subject.name!r}: {claim.content!r}")
    for g in golden:
        if any(_matches(c, g, doc.text) for c in claims):
            score.right_expected += 1
        else:
            score.misses.append(f"{path.stem}: missed {g['speaker']!r}: {g['content']!r}")


def score_all() -> Score:
    score = Score()
    for path in sorted(ARTICLES.glob("*.en.txt")):
        score_article(path, score)
    return score


ARTICLE_PATHS = sorted(ARTICLES.glob("*.en.txt"))


def test_there_are_at_least_twenty_articles() -> None:
    assert len(ARTICLE_PATHS) >= 20


def test_precision_and_recall_over_all_articles() -> None:
    score = score_all()
    assert score.precision >= MIN_PRECISION, "\n".join(score.misses)
    assert score.recall >= MIN_RECALL, "\n".join(score.misses)


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_each_article_yields_right_quotes(path: Path) -> None:
    score = Score()
    score_article(path, score)
    assert score.right_found >= 1, "\n".join(score.misses)


if __name__ == "__main__":
    result = score_all()
    for miss in result.misses:
        print(miss)
    print(
        f"articles: {len(ARTICLE_PATHS)}  quotes expected: {result.expected}  found: {result.found}\n"
        f"precision: {result.precision:.3f}  recall: {result.recall:.3f}"
    )


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_every_quote_carries_its_cue_speaker_content_mode_and_confidence(path: Path) -> None:
    [doc] = read_documents([path])
    assert isinstance(doc, Document)
    for claim in (c for c in extract_claims(doc) if c.kind is ClaimKind.QUOTE):
        ev = claim.evidence[0]
        assert ev.cue is not None and ev.subject_mention is not None and ev.content is not None, claim
        assert ev.mode is not None and 0.0 < ev.confidence <= 1.0
