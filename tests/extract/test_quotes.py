"""Quotes of whole articles through the registered extractors, compared with golden files beside the
fixtures; the contract every quote claim keeps (spans, cue, mode, confidence); and what is not a statement of
the article (scare quotes, link lists, author tags)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract import extract_claims
from kg.ingest import read_documents
from kg.model import Claim, ClaimKind, Document, MentionKind
from kg.registry import extractors
from tests.conftest import SEED_GOLD, SHARED

GOLDEN = Path(__file__).parent / "golden"


def _document(path: Path) -> Document:
    [doc] = read_documents([path])
    assert isinstance(doc, Document)
    return doc


def _quotes(doc: Document) -> list[Claim]:
    return [c for c in extract_claims(doc) if c.kind is ClaimKind.QUOTE]


def _row(claim: Claim) -> dict[str, str | None]:
    ev = claim.evidence[0]
    mode = ev.mode.value if ev.mode else None
    return {
        "speaker": claim.subject.name,
        "content": claim.content,
        "cue": ev.cue.text if ev.cue else None,
        "mode": mode,
    }


def test_every_kind_of_quote_has_a_registered_extractor() -> None:
    assert {"quotes.direct", "quotes.indirect", "quotes.headline"} <= set(extractors.names())


@pytest.mark.parametrize("name", ["werk.de.txt", "bakery.en.txt", "hafen.de.html"])
def test_quotes_match_the_golden_file(articles: Path, name: str) -> None:
    found = sorted((_row(c) for c in _quotes(_document(articles / name))), key=lambda r: str(r["content"]))
    expected = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    assert found == sorted(expected, key=lambda r: r["content"])


@pytest.mark.parametrize("name", ["werk.de.txt", "bakery.en.txt"])
def test_every_quote_claim_carries_its_spans_cue_mode_and_confidence(articles: Path, name: str) -> None:
    doc = _document(articles / name)
    for claim in _quotes(doc):
        ev = claim.evidence[0]
        assert ev.content is not None and ev.content.of(doc.text) == claim.content
        assert ev.span.contains(ev.content) and ev.span.of(doc.text) == ev.sentence
        assert ev.subject_mention is not None and ev.subject_mention.span.of(doc.text) == ev.subject_mention.text
        assert ev.cue is not None and ev.cue.span.of(doc.text) == ev.cue.text
        assert ev.mode is not None and 0.0 < ev.confidence <= 1.0
        assert ev.extractor.name.startswith("kg.quotes.")


def test_a_pronoun_speaker_resolves_to_the_person_named_before() -> None:
    text = "Kanzlerin Eva Lind besuchte das Werk. „Das ist ein guter Tag für alle hier“, sagte sie."
    [claim] = [c for c in extract_claims(Document.create(text, "a.txt", language="de")) if c.kind is ClaimKind.QUOTE]
    assert claim.subject.name == "Eva Lind"
    assert claim.evidence[0].subject_mention is not None
    assert claim.evidence[0].subject_mention.kind is MentionKind.PRONOUN


def test_scare_quotes_and_quotes_without_a_speaker_are_not_claims() -> None:
    text = 'Die Firma will weniger "offen" sein. "Das ist ein langer Satz ohne Sprecher hier."'
    assert extract_claims(Document.create(text, "a.txt", language="de")) == []


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            'The mayor spoke on Monday. "We will build it," said Mayor Ann Cole.\nRead more\n'
            '"Taxes will rise next year," said Bob Stone.',
            "en",
            "Ann Cole",
        ),
        (
            "„Wir bauen das Werk“, sagte Konzernchefin Anna Berger.\nMehr zum Thema\n"
            "Minister Paul Roth: Der Bund zahlt nichts\n„Das wird teuer“, sagte Paul Roth.",
            "de",
            "Anna Berger",
        ),
    ],
)
def test_nothing_is_extracted_from_a_link_list(text: str, language: str, speaker: str) -> None:
    claims = extract_claims(Document.create(text, "a.txt", language=language))
    assert [c.subject.name for c in claims] == [speaker]


def test_an_author_tag_is_not_a_statement() -> None:
    text = "Die Stadt Kiel baut eine Brücke, sagte Bürgermeister Jan Ohm.\n(emw)"
    claims = extract_claims(Document.create(text, "a.txt", language="de"))
    assert [c.subject.name for c in claims] == ["Jan Ohm"]


def _score(script: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(SHARED / "eval" / script), *args, "--json"], capture_output=True, text=True, check=True
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report


@pytest.mark.shared
def test_the_seed_quotes_are_all_found_with_their_speakers(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(main, ["extract", str(seed), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = _score("score.py", str(SEED_GOLD), str(out))
    assert report["quote"]["fn"] == 0 and report["quote"]["precision"] >= 0.8
    assert report["all"]["claims_in_boilerplate"] == 0


@pytest.mark.shared
def test_german_news_quotes_on_the_dev_split() -> None:
    dev = SHARED / "eval" / "de-news" / "dev"
    if not dev.is_dir():
        pytest.skip(f"the German news evaluation data is not here ({dev})")
    kg = f'{sys.executable} -c "from kg.cli import main; main()"'
    report = _score("score_quotes.py", str(dev), "--kg", kg)
    assert report["quote_overlap"]["f1"] >= 0.65
    assert report["joint"]["f1"] >= 0.55


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Ministerin Eva Lind sagte am Montag, die Lage sei ernst. Foto: dpa\nDer Tag war lang.", "de"),
        ('Mayor Ann Cole said the bridge "will be built." Photo: Reuters\nThe day was long.', "en"),
    ],
)
def test_a_picture_caption_is_not_a_statement(text: str, language: str) -> None:
    assert extract_claims(Document.create(text, "a.txt", language=language)) == []
