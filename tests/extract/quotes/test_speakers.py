"""Who a speaker phrase refers to, through the document's coreference: names, pronouns, descriptions,
spokespersons, sources named by a report, and unnamed groups, flagged as such."""

from __future__ import annotations

from kg.extract.analysis import Analysis
from kg.extract.quotes.speakers import Speakers
from kg.model import Document, EntityType, MentionKind, Span


def _resolve(text: str, phrase: str, lang: str = "de", nth: int = 0) -> tuple[str, EntityType, MentionKind] | None:
    speakers = Speakers(Analysis(Document.create(text, "a.txt", language=lang)))
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    resolved = speakers.resolve(Span(at, at + len(phrase)))
    return None if resolved is None else (resolved.entity.name, resolved.entity.type, resolved.mention.kind)


def test_a_person_named_in_the_phrase_speaks() -> None:
    text = "Der Leiter der Behörde, Klaus Meier, sagte etwas."
    assert _resolve(text, "Der Leiter der Behörde, Klaus Meier")[0:1] == ("Klaus Meier",)


def test_a_pronoun_refers_to_the_person_named_before() -> None:
    text = "Kanzlerin Eva Lind kam. Sie sagte etwas."
    assert _resolve(text, "Sie") == ("Eva Lind", EntityType.PERSON, MentionKind.PRONOUN)


def test_a_lone_pronoun_with_nothing_before_is_no_speaker() -> None:
    assert _resolve("Er sagte etwas.", "Er") is None


def test_a_spokesperson_speaks_for_the_organisation_named_with_them() -> None:
    text = "A spokesperson for Acme Corp. said nothing."
    name, _, kind = _resolve(text, "A spokesperson for Acme Corp.", "en")
    assert name.startswith("Acme") and kind is MentionKind.DESCRIPTION


def test_an_unnamed_source_is_an_unnamed_group_of_the_article() -> None:
    name, kind, _ = _resolve("Einige Experten warnten.", "Einige Experten")
    assert (name, kind) == ("Einige Experten", EntityType.UNNAMED_GROUP)


def test_analysts_at_a_firm_stay_unnamed() -> None:
    text = "Analysts at Brennan & Co. expect losses."
    assert _resolve(text, "Analysts at Brennan & Co.", "en")[1] is EntityType.UNNAMED_GROUP


def test_a_report_speaks_for_whom_it_reports() -> None:
    text = "Nach Ansicht einiger Experten ist das falsch."
    assert _resolve(text, "Ansicht einiger Experten")[0:2] == ("einiger Experten", EntityType.UNNAMED_GROUP)


def test_the_spokesperson_again_is_the_one_quoted_before() -> None:
    text = "Ein Sprecher des Konzerns erklärte das. Später sagte der Sprecher mehr."
    speakers = Speakers(Analysis(Document.create(text, "a.txt", language="de")))
    first = speakers.resolve(Span(0, 25))
    again = speakers.resolve(Span(text.index("der Sprecher"), text.index("der Sprecher") + 12))
    assert first is not None and again is not None and again.entity == first.entity
