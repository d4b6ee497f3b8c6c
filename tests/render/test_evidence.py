"""The sentence of a piece of evidence, cut into marked segments: quote, cue, subject and object."""

from __future__ import annotations

from kg.model import Document, Evidence, ExtractorInfo, Mention, Span
from kg.render.evidence import highlight
from tests.render.graphs import NORDWERK_DE, QUOTES, evidence

DOC = Document.create(NORDWERK_DE, "n.txt", language="de")
QUOTE_SENTENCE = "„Wir lassen uns das nicht gefallen“, sagte Nordwerk-Chefin Jana Maier am Montag."


def test_the_segments_put_together_are_the_sentence() -> None:
    ev = evidence(DOC, QUOTE_SENTENCE, QUOTES, 0.9, quote="Wir lassen uns", cue="sagte", subject="Jana Maier")
    assert "".join(text for text, _role in highlight(ev)) == QUOTE_SENTENCE


def test_quote_cue_and_speaker_are_marked() -> None:
    ev = evidence(DOC, QUOTE_SENTENCE, QUOTES, 0.9, quote="Wir lassen uns das nicht gefallen", cue="sagte",
                  subject="Jana Maier")  # fmt: skip
    marked = [(text, role) for text, role in highlight(ev) if role]
    assert marked == [("Wir lassen uns das nicht gefallen", "quote"), ("sagte", "cue"), ("Jana Maier", "subject")]


def test_a_sentence_without_marks_is_one_plain_segment() -> None:
    ev = evidence(DOC, "Maier hatte Nordwerk 2009 gegründet.", QUOTES, 0.5)
    assert highlight(ev) == [("Maier hatte Nordwerk 2009 gegründet.", "")]


def test_a_cue_inside_a_quote_keeps_its_own_mark() -> None:
    ev = evidence(DOC, QUOTE_SENTENCE, QUOTES, 0.9, quote="Wir lassen uns das nicht gefallen", cue="uns")
    assert highlight(ev)[1:4] == [("Wir lassen ", "quote"), ("uns", "cue"), (" das nicht gefallen", "quote")]


def test_parts_of_a_span_outside_the_sentence_are_dropped() -> None:
    sentence = Span(NORDWERK_DE.index("Maier hatte"), len(NORDWERK_DE))
    quote, cue = Span(sentence.start - 10, sentence.start + 5), Mention.at(NORDWERK_DE, Span(0, 8))
    ev = Evidence.at(DOC, sentence, ExtractorInfo("kg.test", 1), 0.5, content=quote, cue=cue)
    assert highlight(ev)[0] == ("Maier", "quote")
    assert all(role != "cue" for _text, role in highlight(ev))
