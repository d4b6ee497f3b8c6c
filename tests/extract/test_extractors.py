"""Every registered extractor, whatever it is, under generated text: it never raises, every span it reports
lies inside its document with start < end and holds the text it claims, and the same text always gives the
same claims, in this process and in another one with a different hash seed.

Text comes in two kinds: any Unicode at all, and news-like text assembled from the languages' own data (cue
verbs, the words of relation patterns, role nouns, pronouns, abbreviations, name cues, section markers) with
every kind of quotation mark, so that generated examples reach the code that finds speakers and relations,
not just the code that finds nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.contract import claim_records
from kg.extract import default_extractors, extract_claims
from kg.lang import available_languages, common, language
from kg.model import Claim, Document, Span
from tests.corpus import run_kg

LANGUAGES = [*available_languages(), "und"]


def _strings(value: object) -> Iterator[str]:
    """Every string in a TOML value, keys of tables included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _words(value: object) -> set[str]:
    """The words in a TOML value: cue verb forms, the literal words of relation patterns."""
    return {w for s in _strings(value) for w in re.findall(r"[^\W\d_]+", s) if w not in {"S", "O", "poss"}}


@cache
def _lexicon() -> dict[str, list[str]]:
    """Words from every language's data files, by kind: what extractors look for."""
    kinds: dict[str, set[str]] = {"cues": set(), "relations": set(), "roles": set(), "other": set()}
    for code in available_languages():
        lang = language(code)
        kinds["cues"] |= _words(lang.table("cues").get("verbs", {}))
        kinds["relations"] |= _words(lang.table("relations").get("predicates", {}))
        kinds["roles"] |= set(lang.table("roles").get("person", {}).get("nouns", []))
        pronouns = [w for v in lang.table("pronouns").values() if isinstance(v, list) for w in v]
        names = [w for v in lang.table("names").values() if isinstance(v, list) for w in v]
        sections = lang.entries("boilerplate", "section_starts")
        kinds["other"] |= {*pronouns, *names, *sections, *lang.words("abbreviations")}
    return {kind: sorted(w for w in words if isinstance(w, str) and w) for kind, words in kinds.items()}


def _vocabulary() -> list[str]:
    return [w for words in _lexicon().values() for w in words]


_PAIRS = [tuple(pair) for pair in common()["quote_pairs"]]
_MARKS = sorted({m for pair in _PAIRS for m in pair})
_PUNCTUATION = [". ", ", ", ": ", "! ", "? ", "… ", " – ", "(", ")", " 3. ", "\n", "\n\n", "\t", "\u00a0", "\u2028"]
_NAMES = st.text(st.characters(whitelist_categories=("Ll",)), min_size=1, max_size=8).map(str.capitalize)
_WORD = st.one_of(st.sampled_from(_vocabulary()), _NAMES, st.sampled_from(_MARKS), st.text(max_size=6))
_NOISE = st.one_of(_WORD, st.sampled_from(_PUNCTUATION))


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    """A sentence in one of the shapes news attributes speech in, or plain words, with generated parts."""
    opening, closing = draw(st.sampled_from(_PAIRS))
    quote = opening + " ".join(draw(st.lists(_WORD, min_size=1, max_size=8))) + closing
    cue, speaker = draw(st.sampled_from(_lexicon()["cues"])), " ".join(draw(st.lists(_NAMES, min_size=1, max_size=3)))
    role = draw(st.sampled_from(["", *_lexicon()["roles"]]))
    shapes = [
        f"{quote}, {cue} {role} {speaker}.",
        f"{role} {speaker} {cue}: {quote}",
        f"{speaker} {cue}, {quote}",
        f"{role} {speaker} {draw(st.sampled_from(_lexicon()['relations']))} {draw(_NAMES)} {draw(_NAMES)}.",
        " ".join(draw(st.lists(_NOISE, max_size=12))),
    ]
    return draw(st.sampled_from(shapes))


NEWS_LIKE = st.lists(st.one_of(_sentence(), _NOISE), max_size=30).map(" ".join)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)
TEXTS = st.one_of(NEWS_LIKE, ANY_TEXT)


def _spans(claim: Claim) -> list[tuple[str, Span, str | None]]:
    out: list[tuple[str, Span, str | None]] = []
    for ev in claim.evidence:
        out.append(("evidence", ev.span, ev.sentence))
        for name, mention in (("subject", ev.subject_mention), ("object", ev.object_mention), ("cue", ev.cue)):
            if mention is not None:
                out.append((name, mention.span, mention.text))
        if ev.content is not None:
            out.append(("content", ev.content, None))
    return out


def _records(doc: Document) -> list[dict[str, object]]:
    return [record for claim in extract_claims(doc, default_extractors()) for record in claim_records(claim)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, code=st.sampled_from(LANGUAGES))
def test_extractors_never_raise_and_every_span_lies_in_its_document(text: str, code: str) -> None:
    doc = Document.create(text, "generated.txt", language=code)
    for claim in extract_claims(doc, default_extractors()):
        assert claim.evidence, f"{claim} has no evidence"
        for ev in claim.evidence:
            assert ev.document == doc.id and ev.source == doc.source
        for name, span, expected in _spans(claim):
            assert 0 <= span.start < span.end <= len(text), f"{name} span {span} outside a text of {len(text)}"
            if expected is not None:
                assert span.of(text) == expected, f"the {name} span {span} does not hold {expected!r}"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, code=st.sampled_from(LANGUAGES))
def test_the_same_text_gives_the_same_claims(text: str, code: str) -> None:
    doc = Document.create(text, "generated.txt", language=code)
    assert _records(doc) == _records(Document.create(text, "generated.txt", language=code))


def test_the_same_articles_give_the_same_claims_in_processes_with_different_hash_seeds(articles: Path) -> None:
    runs = [run_kg("extract", str(articles), env={"PYTHONHASHSEED": seed}) for seed in ("1", "2", "random")]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    first = [json.loads(line) for line in runs[0].stdout.splitlines()]
    assert first and all([json.loads(line) for line in run.stdout.splitlines()] == first for run in runs[1:])
