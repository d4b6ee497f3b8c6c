"""Which names of one document are one entity."""

from __future__ import annotations

from kg.extract.analysis import Analysis
from kg.extract.clusters import cluster_names
from kg.extract.lexicon import lexicon
from kg.extract.mentions import find_names, tokenize
from kg.lang import language
from kg.model import Document


def _entities(text: str, code: str = "en") -> dict[str, list[str]]:
    lang = language(code)
    clusters = cluster_names(find_names(text, tokenize(text), lang), lexicon(lang), text)
    return {c.entity.name: sorted({m.text for m in c.members}) for c in clusters}


def test_a_surname_joins_the_only_person_named_before_it() -> None:
    text = "Gordon Pike bought a yard. Pike also owns a team. His daughter Amelia Pike designs boats."
    assert _entities(text)["Gordon Pike"] == ["Gordon Pike", "Pike"]


def test_a_surname_after_two_namesakes_stays_apart() -> None:
    text = "Anna Berger met Paul Berger on Monday. Berger said the talks had failed."
    assert _entities(text)["Berger"] == ["Berger"]


def test_a_company_joins_its_short_form_and_its_acronym() -> None:
    found = _entities("Acme Industries opened a plant. Acme expects growth.")
    assert found["Acme Industries"] == ["Acme", "Acme Industries"]
    found = _entities("The Association of Southeast Asian Nations (ASEAN) met. ASEAN agreed.")
    assert found["Association of Southeast Asian Nations"] == ["ASEAN", "Association of Southeast Asian Nations"]


def test_a_known_parent_stays_apart_from_the_name_that_extends_it() -> None:
    found = _entities("Sony Pictures cancelled the film. Sony said little.")
    assert set(found) == {"Sony Pictures", "Sony"}


def test_a_name_from_a_tokenised_corpus_is_named_as_written() -> None:
    text = "Jean - Claude Briodin sang for Acme Records , Inc. , a label ."
    analysis = Analysis(Document.create(text, "a.txt", language="en"))
    assert [e.name for e in analysis.coref.entities()] == ["Jean-Claude Briodin", "Acme Records, Inc."]


def test_a_surname_with_particles_joins_the_full_name() -> None:
    found = _entities("Francesco De Masi was a composer. De Masi wrote scores for Italian films.")
    assert found["Francesco De Masi"] == ["De Masi", "Francesco De Masi"]


def test_a_name_with_an_initial_is_written_like_a_person_s() -> None:
    lang = language("en")
    text = "Amos J. Hochstein is an adviser. Later Hochstein joined Tellurian."
    clusters = cluster_names(find_names(text, tokenize(text), lang), lexicon(lang), text)
    [hochstein] = [c for c in clusters if c.entity.name == "Amos J. Hochstein"]
    assert hochstein.person_like and [m.text for m in hochstein.members] == ["Amos J. Hochstein", "Hochstein"]


def test_a_german_organisation_word_is_named_in_its_base_form() -> None:
    assert set(_entities("Paulsen ist Vorsitzender des Verbands Deutscher Reeder.", "de")) == {
        "Paulsen",
        "Verband Deutscher Reeder",
    }
