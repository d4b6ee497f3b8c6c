"""Relations in hand-written German and English articles: precision and recall per predicate against golden
files, nothing from negations, questions, conditionals, link lists or the wrong namesake, and evidence that
points at the words that state the relation."""

from __future__ import annotations

import pytest

from kg.contract import claim_records, validate_record
from kg.extract import extract_claims
from kg.model import ClaimKind, Document, MentionKind
from tests.extract.relation_scores import Article, load_articles, matches, report, score

#: Floors under the figures measured when the articles were written (see the README); a change that lowers
#: them lowers what kg extracts correctly.
OVERALL_PRECISION = 0.9
OVERALL_RECALL = 0.7
PREDICATE_PRECISION = 0.85
PREDICATE_RECALL = 0.45


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_articles()


def test_there_are_at_least_thirty_articles_in_both_languages(articles: list[Article]) -> None:
    languages = [a.document.language for a in articles]
    assert len(articles) >= 30 and languages.count("de") >= 15 and languages.count("en") >= 15


def test_precision_and_recall_per_predicate(articles: list[Article]) -> None:
    scores = score(articles)
    print("\n" + report(scores))
    assert scores.precision() >= OVERALL_PRECISION and scores.recall() >= OVERALL_RECALL
    for predicate in scores.predicates():
        assert scores.precision(predicate) >= PREDICATE_PRECISION, predicate
        assert scores.recall(predicate) >= PREDICATE_RECALL, predicate


def test_no_relation_from_negations_questions_conditionals_link_lists_or_namesakes(articles: list[Article]) -> None:
    for article in articles:
        for triple in article.absent:
            found = [c for c in article.claims if matches(c, triple)]
            assert not found, f"{article.name}: {triple} from {[c.evidence[0].sentence for c in found]}"


def test_every_relation_follows_the_contract_and_points_at_its_words(articles: list[Article]) -> None:
    for article in articles:
        text = article.document.text
        for claim in article.claims:
            for record in claim_records(claim):
                validate_record(record)
            ev = claim.evidence[0]
            assert ev.span.of(text) == ev.sentence
            assert ev.subject_mention is not None and ev.subject_mention.span.of(text) == ev.subject_mention.text
            assert ev.span.contains(ev.subject_mention.span)
            if ev.object_mention is not None:
                assert ev.span.contains(ev.object_mention.span)


def _relations(text: str, language: str) -> list[tuple[str, str, str]]:
    claims = extract_claims(Document.create(text, "a.txt", language=language))
    return sorted(
        (c.subject.name, c.predicate, c.object.name) for c in claims if c.kind is ClaimKind.RELATION if c.object
    )


def test_a_pronoun_subject_resolves_to_the_person_named_before() -> None:
    text = "Tech-Milliardär Elon Musk streitet mit OpenAI. Er hat eine Klage gegen OpenAI eingereicht."
    claims = [c for c in extract_claims(Document.create(text, "a.txt", language="de")) if c.predicate == "sued"]
    [claim] = claims
    assert (claim.subject.name, claim.object.name if claim.object else None) == ("Elon Musk", "OpenAI")
    assert claim.evidence[0].subject_mention is not None
    assert claim.evidence[0].subject_mention.kind is MentionKind.PRONOUN


def test_a_role_before_a_name_relates_the_person_to_the_organisation_of_the_passage() -> None:
    text = (
        "OpenAI kontert die Vorwürfe. Die Forschung sollte geheim bleiben. "
        "Konkret schrieb Mitgründer Ilya Sutskever eine lange Mail."
    )
    assert ("Ilya Sutskever", "co_founded", "OpenAI") in _relations(text, "de")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme Corp did not sue Globex Inc. this year.", "en"),
        ("Will Acme Corp sue Globex Inc. next year?", "en"),
        ("If Acme Corp sued Globex Inc., the case would take years.", "en"),
        ("Acme Corp threatened to sue Globex Inc. over the patents.", "en"),
        ("Die Nordwind AG hat die Helios GmbH nicht verklagt.", "de"),
        ("Verklagt die Nordwind AG bald die Helios GmbH?", "de"),
        ("Falls die Nordwind AG die Helios GmbH verklagt, wird es teuer.", "de"),
    ],
)
def test_no_relation_from_a_negated_questioned_or_conditional_clause(text: str, language: str) -> None:
    assert _relations(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Acme Corp has sued Globex Inc. in Ohio.", "en", ("Acme Corp", "sued", "Globex Inc.")),
        ("Globex Inc. was acquired by Acme Corp in 2020.", "en", ("Acme Corp", "owns", "Globex Inc.")),
        ("Maria Lopez, chief executive of Acme Corp, spoke first.", "en", ("Maria Lopez", "leads", "Acme Corp")),
        ("Acme Corp was founded by Ann Lee and Bob Stone.", "en", ("Bob Stone", "founded", "Acme Corp")),
        ("Die Nordwind AG hat die Helios GmbH verklagt.", "de", ("Nordwind AG", "sued", "Helios GmbH")),
        (
            "Bereits 2019 hatte die Nordwind AG die Helios GmbH übernommen.",
            "de",
            ("Nordwind AG", "owns", "Helios GmbH"),
        ),
        (
            "Die Helios GmbH wächst. Helios-Chefin Katrin Albers lachte.",
            "de",
            ("Katrin Albers", "leads", "Helios GmbH"),
        ),
    ],
)
def test_clauses_appositions_and_compounds_state_relations(
    text: str, language: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _relations(text, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Halvard Brenne is an engineer. He was the chief executive of the ferry operator Nordkyst Line.",
            ("leads", "Nordkyst Line"),
        ),
        ("Marta Lund teaches at the University of Bergen.", ("works_for", "University of Bergen")),
        ("CBBC is a British television strand owned by the BBC.", ("owns", "CBBC")),
        (
            "Cinema Verity was a British production company, founded in 1985 by Verity Lambert.",
            ("founded", "Cinema Verity"),
        ),
        (
            "Hugh Davis, brother of Ann Davis and a professor at the University of Massachusetts Amherst, spoke.",
            ("works_for", "University of Massachusetts Amherst"),
        ),
        (
            "Charles Johnson was an American sociologist, the first president of Fisk University.",
            ("leads", "Fisk University"),
        ),
        (
            "The bird was named after John Cassin, who was a curator at the Philadelphia Academy of Natural Sciences.",
            ("works_for", "Philadelphia Academy of Natural Sciences"),
        ),
        ("Ana Ruiz is the founder of Northwind Media company Steelyard Pictures.", ("founded", "Steelyard Pictures")),
    ],
)
def test_english_clauses_and_appositions_of_encyclopaedia_style(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(p, o) for _s, p, o in _relations(text, "en")]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ann Lee joined the Labour Party in 2001.", ("Ann Lee", "works_for", "Labour Party")),
        ("Ann Lee, deputy leader of the Green Party, spoke.", ("Ann Lee", "works_for", "Green Party")),
        (
            "She is Reischauer Professor of Japanese Politics, Director of the Harvard Asia Center.",
            ("Politics", "works_for", "Harvard Asia Center"),
        ),
        (
            "Tomasz Bohdanowicz was a painter. From 1893 he was a professor at the Moscow School of Painting, "
            "Sculpture and Architecture.",
            ("Tomasz Bohdanowicz", "works_for", "Sculpture"),
        ),
        (
            "Ana Ruiz is the founder of Northwind Media company Steelyard Pictures.",
            ("Ana Ruiz", "founded", "Northwind Media"),
        ),
        (
            "She succeeded Richard Roe, the fifth child of David Roe, who served as Acme Corp's chairman.",
            ("David Roe", "leads", "Acme Corp"),
        ),
        (
            "David Bohigian worked at the Commerce Department . "
            "Earlier , Bohigian led the Department 's Policy Office .",
            ("David Bohigian", "leads", "Commerce Department"),
        ),
    ],
)
def test_no_relation_from_membership_an_unknown_kind_a_modifier_or_a_nested_phrase(
    text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in _relations(text, "en")


def test_a_subject_pronoun_after_the_verb_shows_that_the_name_before_it_is_the_object() -> None:
    opening = "Der Minister Yanis Varoufakis kritisierte die Gläubiger. "
    inverted = _relations(opening + "Wolfgang Schäuble warf er vor, einen Grexit zu betreiben.", "de")
    plain = _relations(opening + "Er warf Wolfgang Schäuble vor, einen Grexit zu betreiben.", "de")
    assert ("Wolfgang Schäuble", "accused", "Yanis Varoufakis") not in inverted
    assert ("Yanis Varoufakis", "accused", "Wolfgang Schäuble") in plain
