"""Tokens, and texts from tokenised corpora that set punctuation apart from words."""

from __future__ import annotations

from kg.extract.analysis import Analysis
from kg.extract.tokens import join_spaced_hyphens, spaced_out, tokenize
from kg.model import Document


def test_a_text_that_spaces_its_commas_and_full_stops_is_spaced_out() -> None:
    assert spaced_out("Acme , Inc . was founded in 1990 , in Ohio .")
    assert not spaced_out("Acme, Inc. was founded in 1990, in Ohio - a state - and grew.")
    assert not spaced_out("One sentence.")


def test_a_spaced_hyphen_joins_words_written_alike_but_not_a_name_and_a_lower_case_word() -> None:
    text = "the co - founder Jean - Claude Briodin joined FK Teleoptik - a club"
    words = [t.text for t in join_spaced_hyphens(tokenize(text), text)]
    assert words == ["the", "co-founder", "Jean-Claude", "Briodin", "joined", "FK", "Teleoptik", "-", "a", "club"]


def test_a_joined_token_spans_what_the_text_says() -> None:
    text = "Jean - Pierre Morel , a chef , founded it ."
    [first] = [t for t in join_spaced_hyphens(tokenize(text), text) if t.text == "Jean-Pierre"]
    assert first.span.of(text) == "Jean - Pierre" and first.index == 0


def test_an_analysis_joins_spaced_hyphens_only_in_a_spaced_out_text() -> None:
    tokenised = Analysis(Document.create("He is a co - founder , with Jean - Pierre Morel .", "a.txt", language="en"))
    plain = Analysis(Document.create("He left - and Acme - a firm - grew.", "b.txt", language="en"))
    assert "co-founder" in [t.text for t in tokenised.tokens]
    assert "-" in [t.text for t in plain.tokens]
