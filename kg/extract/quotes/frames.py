"""Quotes framed by a cue verb: who the verb's subject is, and which words it reports, before it ("Die Lage
sei ernst, sagte Müller"), after it ("Müller sagte, die Lage sei ernst"; "Smith said that ..."), on both sides
("Die Lage, sagte er, sei ernst"), around it ("wie die Polizei mitteilte"), or, for a speech act, as its
object ("Die Opposition forderte den Rücktritt des Ministers").

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> text = "OpenAI kontert, Musk habe zugestimmt."
>>> c = Clause.of(text, tokenize(text), SpeechLexicon.of(language("de")), [])
>>> [(text[f.speaker.start:f.speaker.end], f.content.of(text)) for f in verb_frames(c)]
[('OpenAI', 'Musk habe zugestimmt')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.quotes.cues import Cue, clause_end, find_cues
from kg.extract.quotes.found import Found
from kg.extract.quotes.phrases import (
    clause_start,
    noun_phrase,
    sentence_subject,
    skip_adjunct,
    starts_phrase,
    subject_after,
    subject_before,
)
from kg.extract.quotes.words import Clause, Kind
from kg.model import QuoteMode, Span

__all__ = ["Neighbours", "content_span", "verb_frames"]

#: Words a reported statement needs, so that "sagte er." is not taken for one.
MIN_CONTENT = 2


def content_span(c: Clause, start: int, end: int, least: int = MIN_CONTENT) -> Span | None:
    """The span of words ``[start, end)`` without the punctuation at either edge, if ``least`` words remain."""
    while start < end and c.words[start].kind is Kind.PUNCT:
        start += 1
    while end > start and c.words[end - 1].kind is Kind.PUNCT:
        end -= 1
    words = sum(1 for w in c.words[start:end] if w.kind not in (Kind.PUNCT, Kind.MARK))
    return c.span(start, end) if words >= max(1, least) else None


def _sentence_end(c: Clause, start: int, stops: list[int]) -> int:
    """Where a statement that begins at ``start`` ends: before the next cue's clause or a semicolon, else at
    the end of the sentence."""
    later = [s for s in stops if s > start]
    semicolon = c.first_of(start, len(c), frozenset({";"}))
    return min([*later, len(c) if semicolon is None else semicolon])


def _is_statement(c: Clause, start: int, end: int, after_colon: bool) -> bool:
    """Whether words ``[start, end)`` after a cue verb can be what was said: a "dass" clause, a quotation,
    anything after a colon, or a clause of its own; not an adverbial or relative clause, a coordinated
    verb or an apposition ("sagte der Sprecher, Hans Meier, ...")."""
    if start >= end:
        return False
    first = c.words[start]
    if after_colon or first.folded in c.lex.complementizers or first.kind is Kind.MARK or first.quoted:
        return True
    if first.kind in (Kind.CONJ, Kind.SUB) or (first.kind is Kind.DET and not starts_phrase(c, start, False)):
        return False
    last = end
    while last > start and c.words[last - 1].text in ".!?":
        last -= 1  # the full stop after "sagte Hans Meier, der Sprecher der Stadt."
    if starts_phrase(c, start, subject=False) and noun_phrase(c, start) >= last:
        return False
    return sum(1 for w in c.words[start:end] if w.token.is_word) >= 3


def _parenthetical(c: Clause, k: int) -> bool:
    """An adverb between commas before a complementizer: ", however, that"."""
    if k + 3 >= len(c) or c.words[k + 1].kind is not Kind.ADV or c.words[k + 2].text != ",":
        return False
    return c.words[k + 3].folded in c.lex.complementizers


def _right(c: Clause, after: int, stops: list[int]) -> Span | None:
    """The statement after the verb's clause: behind a comma or colon, or a complementizer ("said that")."""
    k = clause_end(c, after)
    if k >= len(c):
        return None
    w = c.words[k]
    if w.text == "," and _parenthetical(c, k):
        k += 3  # "cautioned, however, that ..."
        w = c.words[k]
    begin = k if w.folded in c.lex.complementizers or w.kind is Kind.MARK else k + 1
    if w.kind is Kind.PUNCT and w.text in ".!?":
        return None
    if not c.lex.comma_complements and w.text == "," and not (c.words[begin].said or c.words[begin].kind is Kind.MARK):
        return None  # English: '"...," said Maria Lopez, Acme's chief executive' has nothing after the comma
    if not c.lex.comma_complements and w.kind is Kind.MARK and k > after:
        return None  # English: 'said the company would "defend itself"': the words before the mark belong to it
    end = _sentence_end(c, begin, stops)
    if not _is_statement(c, begin, end, w.text == ":"):
        return None
    return content_span(c, begin, end)


def _bare_right(c: Clause, after: int, stops: list[int]) -> Span | None:
    """English reports without "that" or comma: "He said the plan would fail"."""
    if c.lex.capitalised_nouns or after >= len(c) or c.words[after].is_break():
        return None
    begin = after
    while begin < len(c) and (nxt := skip_adjunct(c, begin)) > begin:
        begin = nxt  # "said on Monday the plan ...", "said in a statement."
    end = _sentence_end(c, begin, stops)
    return content_span(c, begin, end) if _is_statement(c, begin, end, False) and _clause_like(c, begin, end) else None


def _clause_like(c: Clause, start: int, end: int) -> bool:
    """A subject and then a verb: "the plan would fail", not just a phrase ("a state of emergency")."""
    j = noun_phrase(c, start) if starts_phrase(c, start) else start
    while j < end and (c.words[j].kind is Kind.ADV or c.words[j].kind is Kind.MARK):
        j += 1  # "most schools already restricted", 'the offer "exists only ..."'
    return j < end and c.words[j].kind in (Kind.AUX, Kind.LOW)


def _left(c: Clause, start: int, stops: list[int]) -> Span | None:
    """The statement before the frame: "Die Lage sei ernst, sagte er", '"We will win," Smith said'."""
    if start == 0 or not (c.words[start - 1].is_break() or c.words[start - 1].kind is Kind.MARK):
        return None
    begin = 0
    for k in range(start - 2, -1, -1):
        if c.words[k].text in (":", ";") and not c.words[k].quoted:
            begin = k + 1
            break
    if any(begin <= stop < start - 1 for stop in stops):
        return None  # "Sie betonte, man habe ...": what stands before is another frame
    first = c.words[begin]
    if first.kind is Kind.SUB and first.folded not in c.lex.complementizers:
        return None  # "Während ..., äußern andere Bedenken": a subordinate clause is no statement
    if not first.quoted and starts_phrase(c, begin, subject=False) and noun_phrase(c, begin) >= start - 1:
        return None  # "Hans Meier, Sprecher der Firma, sagte": a name before the frame is no statement
    return content_span(c, begin, start - 1)


def _object(c: Clause, cue: Cue, subject: tuple[int, int]) -> Span | None:
    """What a speech act is about, when it has no clause: the words between the verb and the clause end."""
    begin = max(cue.verb, subject[1] if subject[0] > cue.anchor else cue.verb) + 1
    end = clause_end(c, begin)
    if cue.particle is not None and cue.particle < end:
        end = cue.particle
    nouns = [
        w for w in c.words[begin:end] if w.kind is Kind.CAP or (w.kind is Kind.LOW and not c.lex.capitalised_nouns)
    ]
    return content_span(c, begin, end) if nouns else None


def _verb_final(c: Clause, cue: Cue) -> bool:
    """The verb group closes its clause, as in a subordinate clause ("wie die Polizei mitteilte")."""
    end = clause_end(c, cue.verb + 1)
    return all(w.kind is Kind.AUX for w in c.words[cue.last + 1 : end])


def _after_quotation(c: Clause, start: int) -> bool:
    """The clause follows a quotation ('"...," said Smith'), where English puts the subject after the verb."""
    before = [w for w in c.words[max(0, start - 2) : start] if w.text != ","]
    return bool(before) and (before[-1].kind is Kind.MARK or before[-1].said)


def _coordinated(c: Clause, cue: Cue) -> bool:
    """The verb follows "und": "Er sagte, ... und fügte hinzu", "Er rief die Polizei und teilte mit"."""
    return cue.anchor > 0 and c.words[cue.anchor - 1].kind is Kind.CONJ


def _agent(c: Clause, cue: Cue) -> tuple[int, int] | None:
    """The speaker of a passive frame: "wurden von Minister Stolpe als unrealistisch bezeichnet"."""
    start, end = clause_start(c, cue.anchor), clause_end(c, cue.verb + 1)
    for k in range(start, end):
        w = c.words[k]
        if w.folded in c.lex.agent_prepositions and not w.said and starts_phrase(c, k + 1, subject=False):
            return k + 1, noun_phrase(c, k + 1)
    return None


def _subject(c: Clause, cue: Cue, earlier: tuple[int, int] | None) -> tuple[int, int] | None:
    start = clause_start(c, cue.anchor)
    if cue.anchor != cue.verb and c.words[cue.anchor].folded in c.lex.passive_auxiliaries:
        return _agent(c, cue)
    if _coordinated(c, cue):
        if earlier is not None:
            return earlier
        return (start, noun_phrase(c, start)) if starts_phrase(c, start) else sentence_subject(c)
    if c.words[start].kind is Kind.SUB:
        first = start + 1
        while first < cue.anchor and c.words[first].kind is Kind.ADV:
            first += 1  # "wie schon die WHO sagte"
        if not _verb_final(c, cue) or not starts_phrase(c, first):
            return None
        return first, noun_phrase(c, first)
    if start > 0 and c.words[start - 1].text == "(":
        return None  # "(Wikinews berichtete)": a bracketed reference frames nothing
    found = subject_before(c, cue.anchor)
    if found is None and (c.lex.subject_after_verb or (start == cue.anchor and _after_quotation(c, start))):
        found = subject_after(c, cue.anchor, clause_end(c, cue.anchor + 1))
    return found


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The sentences around the one being read: a frame may point back ("Das bestätigte die Polizei") or
    forward ("Gall schreibt:" before a quotation)."""

    previous: Span | None = None
    #: The quotation that opens the next sentence, if one does.
    follow: Span | None = None
    #: The quotation that closes the sentence before, if one does ("„…“ erklärte die Ministerin.").
    behind: Span | None = None


def _lead(c: Clause, after: int, near: Neighbours) -> Span | None:
    """A frame that ends its sentence with a colon introduces the quotation that follows ("Gall schreibt:")."""
    k = clause_end(c, after)
    rest = [w for w in c.words[k:] if w.kind is not Kind.MARK]
    return near.follow if len(rest) == 1 and rest[0].text == ":" else None


def _back(c: Clause, cue: Cue, subject: tuple[int, int], near: Neighbours) -> Span | None:
    """ "Das bestätigte die Polizei": a demonstrative before the verb reports the sentence before."""
    start = clause_start(c, cue.anchor)
    fronted = c.words[start : cue.anchor]
    if len(fronted) == 1 and fronted[0].folded in c.lex.demonstratives and subject[0] > cue.anchor:
        return near.previous
    return None


def _quotation(c: Clause, span: Span) -> bool:
    first = next(w for w in c.words if w.span.end > span.start)
    return first.said or (first.kind is Kind.MARK and not first.title)


def _trailing(c: Clause, cue: Cue, near: Neighbours) -> Span | None:
    """ "„…“ erklärte die Ministerin.": a sentence that opens with its verb reports the quotation before it."""
    return near.behind if cue.anchor == 0 else None


def _contents(
    c: Clause, cue: Cue, subject: tuple[int, int], stops: list[int], near: Neighbours
) -> list[tuple[Span, str]]:
    """What the frame reports: usually one statement; two where it splits a quotation ("„A“, sagte X, „B“")."""
    start = clause_start(c, cue.anchor)
    after = max(cue.last, subject[1] - 1) + 1
    if cue.sense.addressee and starts_phrase(c, after, subject=False):
        after = noun_phrase(c, after)  # "told reporters that ..."
    if c.words[start].folded in c.lex.as_clause:
        around = _around(c, start, after)
        return [(around, "as")] if around else []
    right = _right(c, after, stops) or _bare_right(c, after, stops)
    left = None if c.words[start].kind is Kind.SUB else _left(c, min(start, subject[0]), stops)
    if right and left and _quotation(c, left) and _quotation(c, right):
        return [(left, "verb"), (right, "verb")]
    told = right or left or _lead(c, after, near) or _back(c, cue, subject, near) or _trailing(c, cue, near)
    if told is not None:
        return [(told, "verb")]
    act = _object(c, cue, subject) if cue.sense.act else None
    return [(act, "act")] if act else []


def _addressee(c: Clause, cue: Cue, subject: tuple[int, int]) -> Span | None:
    after = max(cue.last, subject[1] - 1) + 1
    if cue.sense.addressee and starts_phrase(c, after, subject=False):
        return c.span(after, noun_phrase(c, after))
    return None


def _frames(c: Clause, cue: Cue, subject: tuple[int, int], stops: list[int], near: Neighbours) -> list[Found]:
    if subject[1] - subject[0] == 1 and c.words[subject[0]].folded in c.lex.generic:
        return []
    start = clause_start(c, cue.anchor)
    after = max(cue.last, subject[1] - 1) + 1
    frame = c.span(start, max(after, clause_end(c, after)))
    speaker, mode, addressee = c.span(*subject), QuoteMode.INDIRECT, _addressee(c, cue, subject)
    return [
        Found(
            content, speaker, cue.mention(c), cue.sense.predicate, mode, rule, _confidence(rule), frame, None, addressee
        )
        for content, rule in _contents(c, cue, subject, stops, near)
    ]


def _around(c: Clause, start: int, after: int) -> Span | None:
    """The rest of the sentence around a "wie X mitteilte" clause."""
    end = clause_end(c, after)
    before = content_span(c, 0, start - 1) if start > 1 else None
    behind = content_span(c, end + 1, len(c)) if end + 1 < len(c) else None
    if before and behind:
        return Span(before.start, behind.end)
    return before or behind


def _confidence(rule: str) -> float:
    return {"verb": 0.8, "as": 0.75, "act": 0.6}.get(rule, 0.7)


def verb_frames(c: Clause, near: Neighbours = Neighbours()) -> Iterator[Found]:
    """Quotes framed by the cue verbs of the sentence ``c``, whose neighbours are ``near``."""
    cues = find_cues(c)
    stops = [cue.anchor - 1 if _coordinated(c, cue) else clause_start(c, cue.anchor) for cue in cues]
    earlier: tuple[int, int] | None = None
    for cue in cues:
        subject = _subject(c, cue, earlier)
        if subject is None:
            continue
        earlier = subject
        yield from _frames(c, cue, subject, stops, near)
