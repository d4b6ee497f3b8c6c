"""Direct quotes with a speaker in the same sentence, compared with golden files beside the fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import extract_claims
from kg.extract.quotemarks import find_quotations
from kg.ingest import read_documents
from kg.model import ClaimKind, Document, MentionKind

GOLDEN = Path(__file__).parent / "golden"


def _document(path: Path) -> Document:
    [doc] = read_documents([path])
    assert isinstance(doc, Document)
    return doc


@pytest.mark.parametrize("name", ["werk.de.txt", "bakery.en.txt", "hafen.de.html"])
def test_quotes_match_the_golden_file(articles: Path, name: str) -> None:
    doc = _document(articles / name)
    found = [
        {"speaker": c.subject.name, "content": c.content, "cue": c.evidence[0].cue.text if c.evidence[0].cue else None}
        for c in extract_claims(doc)
        if c.kind is ClaimKind.QUOTE
    ]
    expected = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    assert found == expected


def test_quote_spans_point_at_the_words_between_the_marks(articles: Path) -> None:
    doc = _document(articles / "werk.de.txt")
    for claim in (c for c in extract_claims(doc) if c.kind is ClaimKind.QUOTE):
        ev = claim.evidence[0]
        assert ev.content is not None and ev.content.of(doc.text) == claim.content
        assert ev.span.contains(ev.content) and ev.span.of(doc.text) == ev.sentence
        assert ev.subject_mention is not None and ev.subject_mention.span.of(doc.text) == ev.subject_mention.text


def test_a_pronoun_speaker_resolves_to_the_person_named_before() -> None:
    text = "Kanzlerin Eva Lind besuchte das Werk. „Das ist ein guter Tag für alle hier“, sagte sie."
    [claim] = [c for c in extract_claims(Document.create(text, "a.txt", language="de")) if c.kind is ClaimKind.QUOTE]
    assert claim.subject.name == "Eva Lind"
    assert claim.evidence[0].subject_mention is not None
    assert claim.evidence[0].subject_mention.kind is MentionKind.PRONOUN


def test_scare_quotes_and_quotes_without_a_speaker_are_not_claims() -> None:
    text = 'Die Firma will weniger "offen" sein. "Das ist ein langer Satz ohne Sprecher hier."'
    assert extract_claims(Document.create(text, "a.txt", language="de")) == []


def test_nothing_is_extracted_from_a_link_list_after_read_more() -> None:
    text = (
        'The mayor spoke on Monday. "We will build it," said Mayor Ann Cole.\nRead more\n'
        '"Taxes will rise next year," said Bob Stone.'
    )
    claims = extract_claims(Document.create(text, "a.txt", language="en"))
    assert [c.subject.name for c in claims] == ["Ann Cole"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Er sagte: „Eins zwei.“ Sie: »Drei vier.«", ["Eins zwei.", "Drei vier."]),
        ("He said \u201cone two\u201d and 'three four' today.", ["one two", "three four"]),
        ("Musk's plan and O'Brien's idea are 'not the same'.", ["not the same"]),
    ],
)
def test_quotation_marks_of_every_style(text: str, contents: list[str]) -> None:
    assert [q.content for q in find_quotations(text, 0, len(text))] == contents
