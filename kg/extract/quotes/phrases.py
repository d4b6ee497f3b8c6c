"""Noun phrases by rule: where a phrase that can name a speaker starts and ends, and where the subject of a
cue verb stands (before it, after it, or as an apposition: "Der Leiter der WHO, Klaus Stöhr, sagte").

German capitalises every noun, so a German phrase runs from its determiner over lower-case adjectives to its
capitalised head; English phrases run over any words up to a preposition, verb or punctuation. Either may go
on with a genitive or "von"/"of" attachment and a short bracket: "Patrick Kamanda von der Umweltbehörde
(NEMA)".

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> text = "Gestern hat eine Sprecherin des Gerichts in Berlin mitgeteilt, dass"
>>> c = Clause.of(text, tokenize(text), SpeechLexicon.of(language("de")), [])
>>> c.phrase(*subject_after(c, 1, 9))
'eine Sprecherin des Gerichts'
"""

from __future__ import annotations

from kg.extract.quotes.words import Clause, Kind, Word

__all__ = [
    "clause_start",
    "noun_phrase",
    "sentence_subject",
    "skip_adjunct",
    "source_phrase",
    "starts_phrase",
    "subject_after",
    "subject_before",
]

#: Words a bracket inside a noun phrase may hold ("(SPD)", "(National Environment Management Authority)").
MAX_BRACKET = 10
#: Words an English noun phrase may run over before its head.
MAX_PHRASE = 8
#: Endings of inflected adjectives ("israelischen Angaben"), in languages that capitalise nouns.
_INFLECTED = ("e", "en", "er", "es", "em")
#: The ending of English past forms, which end a noun phrase when they follow its noun.
_PAST = "ed"
#: Words a German subject may stand after its verb ("teilte am Montag in Berlin die Polizei mit").
MAX_MIDFIELD = 8


def starts_phrase(c: Clause, i: int, subject: bool = True) -> bool:
    """True if a noun phrase can start at word ``i`` (as a subject, unless ``subject`` is False)."""
    if i >= len(c) or c.words[i].said:
        return False
    w = c.words[i]
    if w.title:
        return w.kind is Kind.MARK and c.words[i - 1].kind is not Kind.MARK if i > 0 else True
    if w.kind is Kind.DET:
        return not (subject and w.folded in c.lex.oblique) and _reaches_head(c, i + 1)
    if w.kind is Kind.PRON:
        return w.folded not in c.lex.not_speakers
    if w.kind in (Kind.CAP, Kind.NUM):
        return w.kind is Kind.CAP or _reaches_head(c, i + 1)
    if w.kind is not Kind.LOW or c.lex.senses(w.text):
        return False
    # German nouns are capitalised: a lower-case word opens a phrase only as an adjective before one.
    return not c.lex.capitalised_nouns or (w.text.endswith(_INFLECTED) and _reaches_head(c, i + 1))


def _reaches_head(c: Clause, i: int) -> bool:
    """After a determiner: adjectives and numbers, then a head noun."""
    for w in c.words[i : i + MAX_PHRASE]:
        if w.said or w.is_break() or w.kind in (Kind.PREP, Kind.SUB, Kind.AUX, Kind.CONJ, Kind.PUNCT):
            return False
        if w.kind is Kind.LOW and c.lex.senses(w.text):
            return False  # "Das bestätigte die Polizei": a verb, not an adjective
        if w.kind is Kind.CAP or (not c.lex.capitalised_nouns and w.kind is Kind.LOW):
            return True
    return False


def _head_end(c: Clause, i: int) -> int:
    """End of the phrase's own words from ``i``: determiner, adjectives, numbers, head nouns."""
    j = i + (c.words[i].kind in (Kind.DET, Kind.PRON))
    if c.words[i].kind is Kind.PRON:
        return j
    last = j
    while j < len(c) and j - i <= MAX_PHRASE:
        w = c.words[j]
        if w.title:
            j += 1
            last = j
            continue
        if w.text == "&" and j + 1 < len(c) and c.words[j + 1].kind is Kind.CAP:
            j += 1  # "Brennan & Co."
            continue
        if w.text == "." and c.words[j - 1].text in c.lex.abbreviations:
            j += 1  # "Dr. Naomi Feld"
            continue
        if w.quoted or w.kind not in (Kind.CAP, Kind.LOW, Kind.NUM) or (c.lex.senses(w.text) and w.kind is Kind.LOW):
            break
        if _verb_after_noun(c, j, last > i):
            break
        j += 1
        if w.kind is Kind.CAP or not c.lex.capitalised_nouns:
            last = j
    return max(last, i + 1)


def _verb_after_noun(c: Clause, j: int, after_noun: bool) -> bool:
    """In English, a word after the noun starts the predicate where it is a past form ("Patient groups
    welcomed ...") or where an article, pronoun, number or adverb follows it ("the attack bore the marks")."""
    w = c.words[j]
    if c.lex.capitalised_nouns or not after_noun or w.kind is not Kind.LOW:
        return False
    following = c.words[j + 1].kind if j + 1 < len(c) else None
    return w.text.endswith(_PAST) or following in (Kind.DET, Kind.PRON, Kind.NUM, Kind.ADV, Kind.MARK)


def _attachment(c: Clause, j: int) -> int | None:
    """End of a genitive, "von"/"of" phrase or bracket that continues a noun phrase at ``j``, if any."""
    if j >= len(c) or c.words[j].said:
        return None
    w = c.words[j]
    if w.text == "(":
        close = bracket_close(c, j)
        return None if close is None else close + 1
    if w.kind is Kind.PREP and w.folded in c.lex.spokesperson_links and starts_phrase(c, j + 1, subject=False):
        return _head_end(c, j + 1)
    if w.kind is Kind.DET and w.folded in c.lex.genitive_articles and starts_phrase(c, j, subject=False):
        return _head_end(c, j)
    return None


def noun_phrase(c: Clause, i: int) -> int:
    """End (exclusive) of the noun phrase that starts at word ``i``, with its attachments."""
    end = _head_end(c, i)
    for _ in range(3):
        more = _attachment(c, end)
        if more is None or more <= end:
            break
        end = more
    return end


def bracket_close(c: Clause, opening: int) -> int | None:
    """Index of the ")" that closes a short bracket opening at ``opening`` ("(SPD)")."""
    return next((k for k in range(opening + 1, min(len(c), opening + MAX_BRACKET + 2)) if c.words[k].text == ")"), None)


def _bracket_open(c: Clause, close: int) -> int | None:
    """Index of the "(" that a short bracket closing at ``close`` opens with."""
    for k in range(close - 1, max(-1, close - MAX_BRACKET - 2), -1):
        if c.words[k].text == "(":
            return k
    return None


def clause_start(c: Clause, anchor: int, floor: int = 0) -> int:
    """Index of the first word of the clause that holds word ``anchor``: after the last break before it.
    A short bracket ("(SPD)") is part of its clause."""
    k = anchor - 1
    while k >= floor:
        w = c.words[k]
        if w.text == ")" and not w.quoted and (opened := _bracket_open(c, k)) is not None:
            k = opened - 1
            continue
        if w.said or w.is_break() or w.kind is Kind.SUB:
            return k + 1 if w.kind is not Kind.SUB else k
        k -= 1
    return floor


def _trim(c: Clause, start: int, end: int) -> tuple[int, int]:
    while start < end and c.words[start].kind in (Kind.CONJ, Kind.ADV):
        start += 1
    while end > start and c.words[end - 1].kind is Kind.ADV:
        end -= 1
    return start, end


def _segment_start(c: Clause, end: int) -> int:
    """Index after the break before word ``end``: the start of a stretch between commas, whatever
    subordinators stand in it ("Küng, der als Kritiker gilt, hofft")."""
    k = end - 1
    while k >= 0:
        w = c.words[k]
        if w.text == ")" and not w.said and (opened := _bracket_open(c, k)) is not None:
            k = opened - 1  # "Sandra Boser (GRÜNE), erklärte"
            continue
        if w.said or w.is_break():
            return k + 1
        k -= 1
    return 0


def _relative(c: Clause, start: int, end: int) -> bool:
    """Words ``[start, end)`` are a relative clause: "der als Kritiker gilt", "who founded the firm"."""
    first = c.words[start]
    return first.kind in (Kind.SUB, Kind.DET) and noun_phrase(c, start) < end


def _apposition(c: Clause, start: int) -> tuple[int, int] | None:
    """The subject before an apposition or a relative clause that ends right before ``start``: "Der Leiter
    der WHO, Klaus Stöhr, sagte", "Küng, der als Kritiker gilt, hofft"."""
    if start < 2 or c.words[start - 1].text != ",":
        return None
    inner = _segment_start(c, start - 1)
    if inner >= start - 1 or inner < 2 or c.words[inner - 1].text != ",":
        return None
    relative = _relative(c, inner, start - 1)
    age = all(w.kind is Kind.NUM for w in c.words[inner : start - 1])  # "Brian Cole, 67, said"
    phrase = starts_phrase(c, inner) and (noun_phrase(c, inner) >= start - 1 or _nominal(c, inner, start - 1, True))
    if not relative and not age and not phrase:
        return None
    outer = _segment_start(c, inner - 1)
    if (outer > 0 and not c.words[outer - 1].is_break()) or not starts_phrase(c, outer):
        return None
    if noun_phrase(c, outer) < inner - 1 and not _nominal(c, outer, inner - 1):
        return None
    return (outer, inner - 1) if relative else (outer, start - 1)


def _nominal(c: Clause, start: int, end: int, joined: bool = False) -> bool:
    """Words ``[start, end)`` are nouns, names, articles, adjectives and prepositions only (and coordinators,
    if ``joined``): a noun phrase with detail ("Der Doktorvater zu Guttenbergs", "Vorsitzender der
    Journalistinnen- und Journalisten-Union"), no verb among them."""
    for w in c.words[start:end]:
        if w.kind in (Kind.AUX, Kind.SUB, Kind.PRON) or (w.kind is Kind.CONJ and not joined) or w.said:
            return False
        if w.kind is Kind.LOW and (
            c.lex.senses(w.text) or (c.lex.capitalised_nouns and not w.text.endswith(_INFLECTED))
        ):
            return False
    return True


def subject_before(c: Clause, anchor: int) -> tuple[int, int] | None:
    """The subject standing before the verb at ``anchor`` (the German Vorfeld, the English subject)."""
    start = clause_start(c, anchor)
    if c.words[start].kind is Kind.SUB:
        return None
    begin, end = _trim(c, start, anchor)
    if begin >= end:
        return _apposition(c, start)
    if end - begin == 1 and c.words[begin].folded in c.lex.generic:
        return begin, end  # "man habe ... hingewiesen": a generic subject, no one to quote
    begin = _after_coordinator(c, begin, end)
    if begin == 0 and c.words[0].kind is Kind.CAP and c.words[0].folded.endswith(c.lex.adverbial_endings):
        return None  # "Relativierend fügt Gall hinzu": an adverb, not a subject
    if not starts_phrase(c, begin):
        return None
    stop = noun_phrase(c, begin)
    if stop < end and c.lex.subject_after_verb and not _only_attachments(c, stop, end):
        return None  # "Am Montag sagte ..." or a fronted object with more after it
    return begin, max(stop, end) if c.lex.capitalised_nouns else stop


def _after_coordinator(c: Clause, begin: int, end: int) -> int:
    """Where the subject of the last of two joined main clauses starts: "..., und die Hongkonger befürchten"."""
    for k in range(end - 1, begin, -1):
        if c.words[k].kind is Kind.CONJ and starts_phrase(c, k + 1) and noun_phrase(c, k + 1) >= end:
            return k + 1
    return begin


def _only_attachments(c: Clause, start: int, end: int) -> bool:
    """The rest of a German Vorfeld is prepositional detail of the subject ("Die Polizei in Berlin")."""
    return c.words[start].kind is Kind.PREP and all(not w.said and w.kind is not Kind.AUX for w in c.words[start:end])


def skip_adjunct(c: Clause, j: int) -> int:
    """Past an adverb, a reflexive or a prepositional phrase that stands between verb and subject."""
    w = c.words[j]
    if w.kind is Kind.ADV or w.folded in ("sich",):
        return j + 1
    if w.kind is Kind.PREP and j + 1 < len(c) and starts_phrase(c, j + 1, subject=False):
        return _head_end(c, j + 1)
    if w.kind is Kind.PREP and j + 1 < len(c) and c.words[j + 1].kind is Kind.NUM:
        return j + 2
    return j


def subject_after(c: Clause, anchor: int, stop: int) -> tuple[int, int] | None:
    """The subject standing after the verb at ``anchor``, before word ``stop`` ("sagte der Sprecher")."""
    j = anchor + 1
    limit = min(stop, anchor + 1 + MAX_MIDFIELD)
    while j < limit:
        w: Word = c.words[j]
        if w.said or w.is_break():
            return None
        if starts_phrase(c, j):
            return j, noun_phrase(c, j)
        if not c.lex.subject_after_verb:
            return None  # English puts nothing between an inverted verb and its subject
        nxt = skip_adjunct(c, j)
        if nxt == j:
            j += 1 if w.kind in (Kind.AUX, Kind.LOW) else limit
        else:
            j = nxt
    return None


def sentence_subject(c: Clause) -> tuple[int, int] | None:
    """The subject of a sentence's main clause: the phrase it opens with, or the one after its first verb
    when it opens with an adverbial ("Gestern teilte die Polizei mit")."""
    begin = 0
    while begin < len(c) and c.words[begin].kind in (Kind.CONJ, Kind.ADV):
        begin += 1
    if starts_phrase(c, begin):
        return begin, noun_phrase(c, begin)
    while begin < len(c) and (after := skip_adjunct(c, begin)) > begin:
        begin = after  # "Am vergangenen Freitag wurde ..."
    for w in c.words[begin:]:
        if w.quoted or w.is_break():
            return None
        if w.kind in (Kind.AUX, Kind.LOW):
            return subject_after(c, w.index, len(c))
    return None


def _adjective(c: Clause, j: int) -> bool:
    w = c.words[j]
    return w.kind is Kind.LOW and not w.text.endswith(_PAST) and not c.lex.senses(w.text)


def source_phrase(c: Clause, i: int) -> int:
    """End of the phrase that names a source after "according to": in English it runs on over detail up to
    the end of its clause ("people familiar with the matter", "a report by the National Audit Office")."""
    end = noun_phrase(c, i)
    if c.lex.capitalised_nouns:
        return end
    for _ in range(3):
        if end + 1 < len(c) and c.words[end].kind is Kind.PREP and starts_phrase(c, end + 1, subject=False):
            end = noun_phrase(c, end + 1)
        elif end + 2 < len(c) and _adjective(c, end) and c.words[end + 1].kind is Kind.PREP:
            end += 1  # "familiar with ..."
        else:
            break
    return end
