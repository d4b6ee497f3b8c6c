"""Coreference: pronouns by gender, salience and number, descriptions by the topic of the passage."""

from __future__ import annotations

from kg.extract.analysis import Analysis
from kg.model import Document, Span


def _resolve(text: str, words: str, code: str, nth: int = 0, **options: object) -> str | None:
    analysis = Analysis(Document.create(text, "a.txt", language=code))
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    found = analysis.coref.resolve(Span(start, start + len(words)), **options)  # type: ignore[arg-type]
    return found.entity.name if found else None


def test_he_and_she_follow_the_gender_of_the_given_name() -> None:
    text = "Anna Berger met Paul Roth. She said no. He said yes."
    assert _resolve(text, "She", "en") == "Anna Berger" and _resolve(text, "He", "en") == "Paul Roth"


def test_he_means_the_person_the_passage_is_about() -> None:
    text = "Rudolf Halin studied in Cologne. Halin worked with Klaus Wagner there. Later he joined a university."
    assert _resolve(text, "he", "en") == "Rudolf Halin"


def test_a_description_means_the_topic_of_the_passage_not_the_last_name() -> None:
    text = (
        "Maria Lopez co-founded Acme Robotics with engineer David Chen of Globex Industries. "
        "Chen left the company in 2020."
    )
    assert _resolve(text, "the company", "en") == "Acme Robotics"


def test_a_description_prefers_a_name_that_holds_its_noun() -> None:
    text = "Der Morgenroth Verlag wird verkauft. Das gab die Mediengruppe Aschenbach bekannt. Der Verlag bleibt."
    assert _resolve(text, "Der Verlag", "de") == "Morgenroth Verlag"


def test_a_description_never_means_the_other_argument_of_its_clause() -> None:
    text = "Die Nordwind AG verklagte die Helios GmbH. Nordwind wirft dem Unternehmen Betrug vor."
    analysis = Analysis(Document.create(text, "a.txt", language="de"))
    nordwind = analysis.coref.named("Nordwind")
    assert nordwind is not None
    start = text.index("dem Unternehmen")
    found = analysis.coref.resolve(Span(start, start + 15), exclude=frozenset({nordwind.id}))
    assert found is not None and found.entity.name == "Helios GmbH"


def test_the_verb_tells_she_from_they() -> None:
    text = "Ingrid Haller verließ die Firma Helvion. Sie führt heute Nordlicht."
    assert _resolve(text, "Sie", "de", singular=True) == "Ingrid Haller"


def test_he_in_an_encyclopaedia_article_means_the_person_it_opens_with() -> None:
    text = (
        "Amos J. Hochstein is a businessman. He served under the Barack Obama administration. "
        "President Barack Obama nominated Hochstein in 2015. In 2017 he joined Tellurian."
    )
    assert _resolve(text, "he", "en", nth=0) == "Amos J. Hochstein"


def test_a_team_named_like_a_person_does_not_outweigh_the_person_named_first() -> None:
    text = (
        "Joseph Daniel Gates was a baseball player. His only hit came against the Kansas City Royals. "
        "The pitcher for the Royals was young. He later coached a minor league team."
    )
    assert _resolve(text, "He", "en") == "Joseph Daniel Gates"


def test_its_far_from_any_organisation_means_the_one_the_passage_is_about() -> None:
    text = (
        "The Independent Democratic Action is a party in Sao Tome. It joined the Force alliance in 2002. "
        "It left this alliance later. In the 2006 election, its leader Patrice Trovoada ran."
    )
    assert _resolve(text, "its", "en") == "Independent Democratic Action"


def test_the_agent_of_a_passive_is_not_what_its_passage_is_about() -> None:
    text = "The Halden Tribune is a daily newspaper. It is owned by the media group Kestrel Media. Its editor spoke."
    assert _resolve(text, "Its", "en") == "Halden Tribune"
