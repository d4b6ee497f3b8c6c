"""The one data model every stage shares: Span, Document, Mention, Entity, Claim, Evidence, ExtractorInfo.

All classes are frozen dataclasses. Offsets are Python ``str`` indices (code points) into ``Document.text``,
end exclusive. Identifiers are derived from content, so the same article, entity or fact always gets the same
id, which is what makes ingestion idempotent.

>>> doc = Document.create("Musk sued OpenAI.", source="a.txt", language="en")
>>> musk, openai = Entity.named("Elon Musk", EntityType.PERSON), Entity.named("OpenAI", EntityType.ORGANIZATION)
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), confidence=0.9)
>>> claim = Claim.relation(musk, "sued", openai, evidence=(ev,))
>>> claim.id == Claim.relation(musk, "sued", openai).id
True
>>> ev.sentence
'Musk sued OpenAI.'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum

__all__ = [
    "Claim",
    "ClaimKind",
    "Document",
    "Entity",
    "EntityType",
    "Evidence",
    "ExtractorInfo",
    "Mention",
    "MentionKind",
    "QuoteMode",
    "Resolution",
    "ResolutionKind",
    "Span",
    "document_id",
    "entity_id",
    "normalize_text",
]

#: How much text either side of an evidence span a text-quote selector keeps to re-find it.
SELECTOR_CONTEXT = 32


class EntityType(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PRODUCT = "Product"
    PLATFORM = "Platform"
    PLACE = "Place"
    UNNAMED_GROUP = "UnnamedGroup"
    THING = "Thing"


class ClaimKind(StrEnum):
    QUOTE = "quote"
    RELATION = "relation"


class QuoteMode(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    HEADLINE = "headline"


class MentionKind(StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"


# -- identifiers ---------------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_text(text: str) -> str:
    """The form of a text that identity is computed on: NFC, whitespace runs folded to one space, stripped.

    >>> normalize_text("  Hallo\\r\\n  Welt ")
    'Hallo Welt'
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _digest(*parts: str, length: int = 32) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]


def document_id(text: str) -> str:
    """The sha256 of the normalised text: re-ingesting an article, however its whitespace differs, is a no-op.

    >>> document_id("a  b") == document_id("a b\\n")
    True
    """
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub("-", ascii_name.lower()).strip("-")[:48] or "x"


def _name_key(name: str) -> str:
    return normalize_text(name).casefold()


def entity_id(name: str, scope: str = "") -> str:
    """A readable, stable id: a slug of the name and a hash of its case-folded form (and of ``scope``, if any).

    Entities with the same name are one entity across documents; ``scope`` keeps apart what must not merge,
    such as an unnamed group ("einige Experten"), which is scoped to its document.

    >>> entity_id("Elon Musk") == entity_id("elon  musk")
    True
    >>> entity_id("Elon Musk").startswith("elon-musk-")
    True
    """
    key = _name_key(name)
    return f"{_slug(name)}-{_digest(key, scope, length=10)}"


def _content_key(text: str) -> str:
    # Quotes are compared on their words: typography and case differ between outlets, the statement does not.
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFC", text).casefold()).split())


# -- the model ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A character range ``[start, end)`` of a document's text.

    >>> Span(4, 9).of("the quick fox")
    'quick'
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise TypeError(f"span offsets must be int, got {self.start!r}, {self.end!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"a span needs 0 <= start < end, got ({self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read: its text (evidence offsets point into it) and what is known about its origin."""

    id: str
    text: str
    source: str
    language: str = "und"
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[0-9a-f]{64}", self.id):
            raise ValueError(f"a document id is a sha256 hex digest, got {self.id!r}")

    @classmethod
    def create(cls, text: str, source: str, **metadata: str | None) -> Document:
        """A document whose id is computed from its text."""
        return cls(id=document_id(text), text=text, source=source, **metadata)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that names or refers to something: ``Elon Musk``, ``Er``, ``der Konzern``."""

    span: Span
    text: str
    kind: MentionKind = MentionKind.NAME

    @classmethod
    def at(cls, text: str, span: Span, kind: MentionKind = MentionKind.NAME) -> Mention:
        return cls(span, span.of(text), kind)


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world thing with a stable id, a canonical name and the other names it goes by."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()

    @classmethod
    def named(cls, name: str, type: EntityType, aliases: tuple[str, ...] = ()) -> Entity:
        name = normalize_text(name)
        return cls(entity_id(name), name, type, _clean_aliases(name, aliases))

    @classmethod
    def unnamed_group(cls, description: str, document: str) -> Entity:
        """An unnamed source ("einige Experten", "officials"): one per document, never merged across articles."""
        description = normalize_text(description)
        return cls(entity_id(description, scope=document), description, EntityType.UNNAMED_GROUP)

    @property
    def unnamed(self) -> bool:
        return self.type is EntityType.UNNAMED_GROUP

    def with_aliases(self, *names: str) -> Entity:
        return replace(self, aliases=_clean_aliases(self.name, (*self.aliases, *names)))


def _clean_aliases(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    seen = {_name_key(name)}
    out = []
    for alias in aliases:
        alias = normalize_text(alias)
        if alias and _name_key(alias) not in seen:
            seen.add(_name_key(alias))
            out.append(alias)
    return tuple(sorted(out))


@dataclass(frozen=True, slots=True)
class ExtractorInfo:
    """The versioned name provenance records for every piece of evidence.

    >>> str(ExtractorInfo("kg.quotes.de", 2)), ExtractorInfo.parse("kg.quotes.de@2").version
    ('kg.quotes.de@2', 2)
    """

    name: str
    version: int

    def __str__(self) -> str:
        return f"{self.name}@{self.version}"

    @classmethod
    def parse(cls, text: str) -> ExtractorInfo:
        name, _, version = text.rpartition("@")
        if not name or not version.isdigit():
            raise ValueError(f"an extractor is written name@version, got {text!r}")
        return cls(name, int(version))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where one claim stands in one document, found by which extractor, with what confidence.

    ``span`` covers the sentence (or passage) that supports the claim, ``sentence`` is its text, and
    ``prefix``/``suffix`` complete a text-quote selector that re-finds it. Quote evidence also carries the
    content span, cue, mode, addressee and medium, because those belong to one report of a quote, not to the
    quote itself.
    """

    document: str
    source: str
    span: Span
    sentence: str
    extractor: ExtractorInfo
    confidence: float
    prefix: str = ""
    suffix: str = ""
    subject_mention: Mention | None = None
    object_mention: Mention | None = None
    content: Span | None = None
    cue: Mention | None = None
    mode: QuoteMode | None = None
    addressee: Entity | None = None
    medium: str | None = None
    extracted_at: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence lies in [0, 1], got {self.confidence}")

    @classmethod
    def at(
        cls, document: Document, span: Span, extractor: ExtractorInfo, confidence: float, **details: object
    ) -> Evidence:
        """Evidence for ``span`` of ``document``, with the sentence and selector context cut from its text."""
        text = document.text
        return cls(
            document=document.id,
            source=document.source,
            span=span,
            sentence=span.of(text),
            prefix=text[max(0, span.start - SELECTOR_CONTEXT) : span.start],
            suffix=text[span.end : span.end + SELECTOR_CONTEXT],
            extractor=extractor,
            confidence=round(confidence, 3),
            **details,  # type: ignore[arg-type]
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact: a quote (speaker said content) or a relation (subject predicate object), with its evidence.

    The id depends on what is claimed, never on where: the same fact in two articles is one claim with two
    pieces of evidence.
    """

    kind: ClaimKind
    subject: Entity
    predicate: str
    object: Entity | None = None
    content: str | None = None
    evidence: tuple[Evidence, ...] = ()
    id: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if self.kind is ClaimKind.QUOTE:
            if not self.content or self.object is not None:
                raise ValueError("a quote claim has content and no object")
            key = _content_key(self.content)
        else:
            if self.object is None or self.content is not None:
                raise ValueError("a relation claim has an object and no content")
            key = self.object.id
        object.__setattr__(self, "id", _digest(self.kind.value, self.subject.id, self.predicate, key))

    @classmethod
    def quote(
        cls, speaker: Entity, content: str, evidence: tuple[Evidence, ...] = (), predicate: str = "said"
    ) -> Claim:
        return cls(ClaimKind.QUOTE, speaker, predicate, content=content, evidence=evidence)

    @classmethod
    def relation(cls, subject: Entity, predicate: str, object: Entity, evidence: tuple[Evidence, ...] = ()) -> Claim:
        return cls(ClaimKind.RELATION, subject, predicate, object=object, evidence=evidence)

    def entities(self) -> tuple[Entity, ...]:
        extra = tuple(ev.addressee for ev in self.evidence if ev.addressee is not None)
        return (self.subject, *((self.object,) if self.object else ()), *extra)

    def evidence_id(self, evidence: Evidence) -> str:
        """The id of one piece of this claim's evidence; stable across runs of the same extractor version."""
        return _digest(
            self.id, evidence.document, str(evidence.span.start), str(evidence.span.end), str(evidence.extractor)
        )


class ResolutionKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class Resolution:
    """A decision about which entity a name stands for, kept as provenance.

    - ``merge``: ``entity`` is the same as ``target``; its claims moved there (``kg merge A B``).
    - ``split``: the mentions called ``alias`` of ``entity`` (in ``document`` only, if given) name another
      entity, ``target`` (``kg split``).
    - ``ambiguous``: ``entity`` may be ``target`` (one record per candidate), but nothing in the articles
      said so; both stay apart and the doubt stays visible.

    ``agent`` says who decided: ``"user"`` for a correction (replayed whenever a document is ingested again)
    or the resolver's versioned name. Names are kept because a merged entity leaves the store.

    >>> r = Resolution(ResolutionKind.MERGE, "musk-1", "elon-musk-2", "Musk", "Elon Musk", agent="user")
    >>> r.id == Resolution(ResolutionKind.MERGE, "musk-1", "elon-musk-2", "Musk", "Elon Musk", agent="user").id
    True
    """

    kind: ResolutionKind
    entity: str
    target: str
    entity_name: str
    target_name: str
    alias: str | None = None
    document: str | None = None
    agent: str = "user"
    at: str | None = None
    id: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        parts = (self.kind.value, self.entity, self.target, self.alias or "", self.document or "", self.agent)
        object.__setattr__(self, "id", _digest(*parts))

    @property
    def by_user(self) -> bool:
        return self.agent == "user"
