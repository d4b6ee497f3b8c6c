"""An evidence's sentence cut into segments marked as plain text, quote, cue, subject or object.

A view highlights the segments by their role and always inserts their text as text, never as markup, so
nothing an article says can become part of the page.

>>> from kg.model import Document, Evidence, ExtractorInfo, Mention, Span
>>> doc = Document.create("„Wir bauen“, sagte Anna Berger.", "a.txt", language="de")
>>> ev = Evidence.at(doc, Span(0, 31), ExtractorInfo("kg.example", 1), 0.9, content=Span(1, 10),
...                  cue=Mention.at(doc.text, Span(13, 18)), subject_mention=Mention.at(doc.text, Span(19, 30)))
>>> highlight(ev)
[('„', ''), ('Wir bauen', 'quote'), ('“, ', ''), ('sagte', 'cue'), (' ', ''), ('Anna Berger', 'subject'), ('.', '')]
"""

from __future__ import annotations

from itertools import pairwise

from kg.model import Evidence, Span

__all__ = ["ROLES", "highlight"]

#: Roles a segment can have, the innermost first: a cue or a name inside a quote keeps its own mark.
ROLES = ("cue", "subject", "object", "quote")


def _marked(ev: Evidence) -> list[tuple[str, Span]]:
    spans = {
        "cue": ev.cue.span if ev.cue else None,
        "subject": ev.subject_mention.span if ev.subject_mention else None,
        "object": ev.object_mention.span if ev.object_mention else None,
        "quote": ev.content,
    }
    return [(role, span) for role in ROLES if (span := spans[role]) is not None]


def _clip(span: Span, within: Span) -> tuple[int, int] | None:
    """``span`` as offsets into the text of ``within``, cut to it; None if they do not overlap."""
    start, end = max(span.start, within.start), min(span.end, within.end)
    return (start - within.start, end - within.start) if start < end else None


def highlight(ev: Evidence) -> list[tuple[str, str]]:
    """The sentence of ``ev`` as ``(text, role)`` pairs in order; role is ``""`` for plain text.

    Spans are document offsets; parts of them outside the sentence are dropped. Where spans overlap, the
    role first in :data:`ROLES` wins.
    """
    text = ev.sentence
    marks = [(role, cut) for role, span in _marked(ev) if (cut := _clip(span, ev.span)) is not None]
    cuts = sorted({0, len(text), *(i for _r, (s, e) in marks for i in (s, e) if 0 <= i <= len(text))})
    segments: list[tuple[str, str]] = []
    for start, end in pairwise(cuts):
        role = next((r for r, (s, e) in marks if s <= start and end <= e), "")
        if segments and segments[-1][1] == role:
            segments[-1] = (segments[-1][0] + text[start:end], role)
        else:
            segments.append((text[start:end], role))
    return segments
