"""Names that German word order and cue nouns run together, taken apart by what the rest of the article shows.

An inverted German clause can set two names side by side ("Bereits 2019 hatte Baumark Chemie Solvent
verklagt"), and an organisation noun can stand before a name ("die Brauerei Brauhaus Lenz"). Such a run is
two names when the article uses both parts as names on their own, and a name after a cue noun when it uses the
rest on its own. Languages that do not capitalise nouns keep their runs: in English "Square Enix" is one name
even where Square and Enix are named too.

>>> from kg.extract.mentions import find_names, tokenize
>>> from kg.lang import language
>>> text = "Der Konzern Solvent klagt. Bereits 2019 hatte Baumark Chemie Solvent verklagt. Baumark Chemie schweigt."
>>> [m.text for m in find_names(text, tokenize(text), language("de"))]
['Solvent', 'Baumark Chemie', 'Solvent', 'Baumark Chemie']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.entity_types import Strength
from kg.extract.lexicon import Lexicon
from kg.model import EntityType, Span

if TYPE_CHECKING:
    from kg.extract.mentions import NameMention

__all__ = ["split_runs"]


def _part(m: NameMention, start: int, text: str, known: dict[str, NameMention]) -> NameMention:
    """The mention of ``text`` at ``start`` inside ``m``, typed as the article's other mention of it."""
    other = known[text]
    return m.but(Span(start, start + len(text)), text, other.type, other.strength)


def _split(m: NameMention, known: dict[str, NameMention], lex: Lexicon) -> list[NameMention]:
    words = m.text.split(" ")
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        start = m.span.start + len(left) + 1
        if left in known and right in known and not _place(right, known, lex):
            return [_part(m, m.span.start, left, known), _part(m, start, right, known)]
        if k == 1 and _described(left, right, known, lex):
            found = _part(m, start, right, known)
            return [found.but(found.span, found.text, EntityType.ORGANIZATION, Strength.CUE)]
    return [m]


def _described(noun: str, name: str, known: dict[str, NameMention], lex: Lexicon) -> bool:
    """An organisation noun before a name the article uses on its own ("die Brauerei Brauhaus Lenz")."""
    organization = lex.is_org_word(noun) or lex.cue_type(noun) is EntityType.ORGANIZATION
    return organization and name in known and not _place(name, known, lex)


def _place(name: str, known: dict[str, NameMention], lex: Lexicon) -> bool:
    """A place after an organisation's name or noun is part of it: "Sky Deutschland", "Stadtwerke Kassel"."""
    return name in lex.places or (name in known and known[name].type is EntityType.PLACE)


def split_runs(found: Sequence[NameMention], lex: Lexicon) -> list[NameMention]:
    """``found`` with each run of two names split, where the language capitalises its nouns."""
    if not lex.compounds:
        return list(found)
    # Built once, not per mention (which made long articles quadratic): a run is only ever looked up by its
    # strictly shorter parts, so its own entry never needs leaving out.
    known = {n.text: n for n in found if n.supported}
    out: list[NameMention] = []
    for m in found:
        out += _split(m, known, lex) if len(m.text.split(" ")) > 1 else [m]
    return out
