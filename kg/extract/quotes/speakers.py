"""Who a speaker phrase refers to, through the document's one coreference mechanism
(:class:`kg.extract.coref.Coreference`): a name in the phrase, a pronoun or a description resolved to the
entity named before, the organisation a spokesperson speaks for ("a spokesperson for Acme"), or else an
unnamed group of the article ("einige Experten", "officials").

>>> from bisect import bisect_left

from kg.extract.analysis import Analysis
>>> from kg.model import Document
>>> text = "Kanzlerin Eva Lind kam. Sie sagte, es gehe voran. Einige Experten warnten."
>>> a = Analysis(Document.create(text, "a.txt", language="de"))
>>> speakers = Speakers(a)
>>> [(r.mention.text, r.entity.name, r.entity.type.value) for r in (speakers.resolve(Span(24, 27)),
...                                                                speakers.resolve(Span(50, 65)))]
[('Sie', 'Eva Lind', 'Person'), ('Einige Experten', 'Einige Experten', 'UnnamedGroup')]
"""

from __future__ import annotations

from bisect import bisect_left

from kg.extract.analysis import Analysis
from kg.extract.coref import Resolved
from kg.extract.lexicon import lexicon
from kg.extract.quotes.lexicon import SpeechLexicon
from kg.extract.tokens import Token
from kg.model import Entity, EntityType, Mention, MentionKind, Span

__all__ = ["Speakers"]

#: Entity types that can speak through a spokesperson.
_SPEAKING_BODIES = frozenset({EntityType.ORGANIZATION, EntityType.PLATFORM, EntityType.THING})
#: Entity types that cannot say anything (a product, a place), unless nothing else is named.
_MUTE = frozenset({EntityType.PRODUCT, EntityType.PLACE})


def _strip_genitive(text: str, span: Span, endings: tuple[str, ...]) -> Span:
    """The span without a genitive ending, so "des Unternehmens" can be looked up as "des Unternehmen"."""
    for ending in sorted(endings, key=len, reverse=True):
        if text.endswith(ending) and len(span) > len(ending) + 3:
            return Span(span.start, span.end - len(ending))
    return span


class Speakers:
    """Resolves the speaker phrases of one analysed document to entities. It remembers the last named
    speaker, so that a pronoun with no named antecedent is read as the person quoted just before, and the
    speakers it found by description, so that "der Sprecher" is the "Sprecher des Konzerns" quoted before."""

    def __init__(self, analysis: Analysis) -> None:
        assert analysis.lang is not None
        self.analysis = analysis
        self.lex = SpeechLexicon.of(analysis.lang)
        self.words = lexicon(analysis.lang)
        self.last: Resolved | None = None
        self.described: dict[str, Resolved] = {}
        self._name_starts = [m.span.start for m in analysis.names]

    def _head(self, tokens: list[Token]) -> tuple[Token | None, int]:
        """The head noun of a speaker phrase and the index of the word that attaches more to it: a link
        ("Sprecher von Tesla", "spokesperson for Acme") or, after the head, a genitive article ("Ansicht
        einiger Experten")."""
        head = None
        for i, tok in enumerate(tokens):
            folded = tok.text.casefold()
            if i and (folded in self.lex.spokesperson_links or not tok.is_word):
                return head, i
            if folded in self.lex.determiners:
                if head is not None and self.lex.capitalised_nouns:
                    return head, i
                continue
            head = tok
        return head, len(tokens)

    def _names(self, span: Span) -> list[Resolved]:
        coref, lex = self.analysis.coref, self.lex
        every = self.analysis.names
        names = []
        # Indexed: a slice would copy every later name for each span looked at.
        for i in range(bisect_left(self._name_starts, span.start), len(every)):
            m = every[i]
            if m.span.start >= span.end:
                break
            if span.contains(m.span):
                names.append(m)
        names = [m for m in names if not (lex.is_head(m.text, lex.report_nouns) or lex.is_head(m.text, lex.unnamed))]
        return [r for m in names if (r := coref.name_at(m.span.start)) is not None]

    def _as(self, span: Span, entity: Entity, kind: MentionKind = MentionKind.DESCRIPTION) -> Resolved:
        return Resolved(Mention(span, span.of(self.analysis.text), kind), entity)

    def _named(self, span: Span, tokens: list[Token], head: Token | None, link: int) -> Resolved | None:
        found = self._names(span)
        people = [r for r in found if r.entity.type is EntityType.PERSON]
        if people:
            return people[0]
        if head is None:
            return None
        spokes = self.lex.is_head(head.text, self.lex.spokespersons)
        bodies = [r for r in found if r.entity.type in _SPEAKING_BODIES]
        if spokes and bodies:
            return self._as(span, bodies[0].entity)  # "a spokesperson for Acme", "a WHO spokesman"
        if spokes and link < len(tokens):
            opener = tokens[link]
            at = link + 1 if opener.text.casefold() in self.lex.spokesperson_links and link + 1 < len(tokens) else link
            complement = Span(tokens[at].span.start, span.end)
            described = self._described(complement, head=None)
            return self._as(span, described.entity) if described is not None else None
        if self.lex.is_head(head.text, self.lex.unnamed):
            return None  # "analysts at Brennan & Co." are unnamed, whatever they work for
        if self.lex.is_head(head.text, self.lex.report_nouns) and link < len(tokens):
            source = self.resolve(Span(tokens[link].span.start, span.end))  # "Angaben der Polizei"
            return self._as(span, source.entity) if source is not None else None
        speaking = [r for r in found if r.entity.type not in _MUTE]
        ranked = speaking or found
        return ranked[0] if ranked else None

    def _pronoun(self, span: Span, tokens: list[Token]) -> Resolved | None:
        if len(tokens) != 1 or tokens[0].text.casefold() not in self.lex.pronouns:
            return None
        resolved = self.analysis.coref.resolve(span)
        if resolved is None and self.last is not None:
            resolved = Resolved(Mention(span, tokens[0].text, MentionKind.PRONOUN), self.last.entity)
        return resolved

    def _described(self, span: Span, head: Token | None) -> Resolved | None:
        """ "der Sprecher" after "ein Sprecher des Konzerns": the speaker found before by the same head noun;
        else "das Unternehmen", "the company": the entity of that kind named before."""
        earlier = self.described.get(head.text.casefold()) if head is not None else None
        if earlier is not None and head is not None and self.lex.is_head(head.text, self.lex.spokespersons):
            return self._as(span, earlier.entity)  # "der Sprecher": the spokesperson quoted before
        text = span.of(self.analysis.text)
        resolved = self.analysis.coref.resolve(_strip_genitive(text, span, self.lex.genitive_endings))
        if resolved is not None and resolved.mention.kind is not MentionKind.NAME:
            return self._as(span, resolved.entity)  # names were weighed already, with what the phrase says
        return self._as(span, earlier.entity) if earlier is not None else None

    def _unnamed(self, span: Span) -> Resolved:
        entity = Entity.unnamed_group(span.of(self.analysis.text), self.analysis.document.id)
        return self._as(span, entity)

    def can_speak(self, span: Span) -> bool:
        """Whether the phrase at ``span`` has a head that names someone who can speak: a group of people
        ("Experten"), a spokesperson, a role ("der Minister"), an organisation or a medium; not a thing
        ("Besondere Probleme")."""
        head, _link = self._head(self.analysis.tokens_in(span))
        if head is None:
            return False
        word, lex = head.text, self.lex
        if any(lex.is_head(word, heads) for heads in (lex.unnamed, lex.spokespersons, lex.media_nouns)):
            return True
        return self.words.is_role(word) or self.words.is_org_word(word) or self.words.cue_type(word) is not None

    def resolve(self, span: Span, remember: bool = True) -> Resolved | None:
        """The mention and entity the speaker phrase at ``span`` stands for, or None for a lone pronoun with
        nothing to refer to. ``remember``: let later phrases refer back to this one (not for addressees)."""
        tokens = self.analysis.tokens_in(span)
        head, link = self._head(tokens)
        found = self._pronoun(span, tokens)
        if found is None and len(tokens) == 1 and tokens[0].text.casefold() in self.lex.pronouns:
            return None
        end = tokens[link - 1].span.end if 0 < link <= len(tokens) else span.end
        found = found or self._named(span, tokens, head, link) or self._described(Span(span.start, end), head)
        found = found or self._unnamed(span)
        if remember and found.mention.kind is not MentionKind.NAME and head is not None:
            self.described.setdefault(head.text.casefold(), found)
        if remember and not found.entity.unnamed:
            self.last = found
        return found
