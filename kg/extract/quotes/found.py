"""What a quote finder reports before speakers are resolved to entities: the content, the speaker's words,
the cue, the mode and the rule that found it.

>>> Found(Span(10, 20), Span(0, 4), None, "said", QuoteMode.INDIRECT, "source", 0.7).passage
Span(start=0, end=20)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.model import Mention, QuoteMode, Span

__all__ = ["Found", "hull"]


def hull(*spans: Span | None) -> Span:
    """The smallest span that covers all given spans.

    >>> hull(Span(5, 9), None, Span(2, 4))
    Span(start=2, end=9)
    """
    real = [s for s in spans if s is not None]
    return Span(min(s.start for s in real), max(s.end for s in real))


@dataclass(frozen=True, slots=True)
class Found:
    """A quote as found in the text. ``speaker`` is the span that names the speaker here; ``refers`` the span
    to resolve instead, where the speaker is named elsewhere ("Demnach ...", a quote that goes on)."""

    content: Span
    speaker: Span
    cue: Mention | None
    predicate: str
    mode: QuoteMode
    rule: str
    confidence: float
    frame: Span | None = None
    refers: Span | None = None
    #: Whom the frame says the words were addressed to ("told reporters", "warf dem Konzern vor").
    addressee: Span | None = None

    @property
    def passage(self) -> Span:
        """The stretch of text that supports the quote: speaker, cue and content."""
        return hull(self.content, self.speaker, self.cue.span if self.cue else None, self.frame)

    def but(self, **changes: object) -> Found:
        return replace(self, **changes)  # type: ignore[arg-type]
