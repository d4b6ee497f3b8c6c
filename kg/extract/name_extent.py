"""Where a name ends: capitalised words one space apart, initials and abbreviations ("Ulysses S. Grant", "U.S.
Department of Agriculture"), particles after given names ("Ursula von der Leyen"), connectors inside an
organisation's name ("Bank of America", "Council of Science and Technology"), numerals ("Gustav III"), and a
closing legal form, also after a comma ("Acme GmbH", "PSA Airlines, Inc.").

>>> from kg.extract.lexicon import lexicon
>>> from kg.extract.tokens import tokenize
>>> from kg.lang import language
>>> text = "Yesterday PSA Airlines, Inc. hired Ursula von der Leyen."
>>> tokens = tokenize(text)
>>> [t.text for t in tokens[1 : phrase_end(text, tokens, 1, lexicon(language("en")))]]
['PSA', 'Airlines', ',', 'Inc', '.']
"""

from __future__ import annotations

import re

from kg.extract.entity_types import name_shaped
from kg.extract.lexicon import Lexicon
from kg.extract.name_words import camel, is_candidate, named_compound
from kg.extract.tokens import Token

__all__ = ["adjacent", "phrase_end"]

#: An initial ("P") or a dotted abbreviation ("U.S", whose last full stop is a token of its own).
_ABBREVIATION = re.compile(r"[A-Z](?:\.[A-Z])*")
#: Numerals and generational suffixes that continue a personal name.
_NUMERALS = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "Jr", "Sr", "Jr.", "Sr."})
#: At most this many connectors in a row join the parts of an organisation's name ("University of the Arts").
MAX_CONNECTORS = 2
#: At most this many particles in a row join the parts of a personal name ("von der", "de la").
MAX_PARTICLES = 3


def adjacent(text: str, tokens: list[Token], j: int) -> bool:
    """Names do not run across punctuation or line breaks: one plain space separates their words."""
    return text[tokens[j - 1].span.end : tokens[j].span.start] == " "


def _connected(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """After ``tokens[i:j]``, the index of the first word after connectors ("of", "&", "für") that lead to more
    of the name, or ``j``. Only organisation names take connectors: "Bank of America", not "Duke of York"."""
    k = j
    while k < len(tokens) and k - j < MAX_CONNECTORS and tokens[k].text in lex.connectors and adjacent(text, tokens, k):
        k += 1
    if k == j or k >= len(tokens) or not adjacent(text, tokens, k) or not is_candidate(tokens[k], lex):
        return j
    if tokens[k].text in lex.not_names and not (k + 1 < len(tokens) and is_candidate(tokens[k + 1], lex)):
        return j  # "Congress on December 6", but "Court for the Northern District"
    left = any(lex.is_org_word(t.text) for t in tokens[i:j])
    if tokens[j].text in lex.coordinators:
        # "Park and Recreation Board", "Museum of Science and Industry", "Council of Science and Technology",
        # but two names in a list are two: "PC Partner Communications and Zumatel Communications", "Brauhaus
        # Lenz und Fährlinie Nordsee".
        right = any(lex.is_org_word(tokens[n].text) for n in _run(text, tokens, k, lex))
        return k if (right and not left) or (left and _joint_complement(tokens, i, j, k, lex, right)) else j
    return k if "&" in (t.text for t in tokens[j:k]) or left else j


def _run(text: str, tokens: list[Token], k: int, lex: Lexicon) -> range:
    """The indices of the capitalised words from ``k`` on, one space apart, at most four."""
    n = k + 1
    while n < min(len(tokens), k + 4) and adjacent(text, tokens, n) and tokens[n].text[:1].isupper():
        n += 1
    return range(k, n)


def _joint_complement(tokens: list[Token], i: int, j: int, k: int, lex: Lexicon, organization: bool) -> bool:
    """True if "and" at ``j`` joins two words of the complement of an organisation's name: "Museum of Science
    and Industry", "Council of Science and Technology of Equatorial Guinea"; an organisation word after "and"
    must end the name or go on with a connector ("University of Oxford and Cambridge University" are two)."""
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    ends = after is None or not is_candidate(after, lex)
    complement = j - i >= 3 and tokens[j - 2].text in lex.connectors and tokens[j - 2].text not in lex.coordinators
    return complement and (ends or not organization)


def _genitive_end(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A German personal name in the genitive ends before the next noun: "Elon Musks xAI"."""
    last = tokens[j - 1].text
    return lex.compounds and j - i >= 2 and last.endswith("s") and len(last) >= 4 and lex.is_given_name(tokens[i].text)


def _lower_camel(word: str) -> bool:
    """A camel-case name that starts in lower case ("xAI", "iPhone") or holds a digit (a link's id) stands alone;
    one that starts capitalised may be a word of a longer name ("Gary SouthShore RailCats", "Google DeepMind")."""
    return camel(word) and (word[:1].islower() or any(c.isdigit() for c in word))


def _continues(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    tok = tokens[j]
    if lex.is_org_word(tok.text):
        return True  # "Deutsche Bank", "Harvard University"
    if tok.text in _NUMERALS:
        return True  # "Gustav III", "Paul Desmarais Jr"
    if lex.is_role(tok.text) and j + 1 < len(tokens) and lex.is_org_word(tokens[j + 1].text):
        return True  # "Defense Industry Executive Committee"
    if (lex.compounds and lex.cue_type(tok.text) is not None) or _genitive_end(tokens, i, j, lex):
        return False  # "Elon Musks KI-Unternehmen": a cue noun starts the next phrase (English "Film Company" goes on)
    if lex.compounds and tokens[j - 1].text in lex.places:
        return False  # "beim Landgericht München Klage eingereicht": a noun after a place is not the name
    if (_lower_camel(tok.text) or _lower_camel(tokens[j - 1].text)) and tok.text not in lex.legal:
        return False  # "xAI Grok", "Elon Musk xAI": a camel-case name does not join other words
    if tok.text in lex.particles:
        return lex.is_given_name(tokens[i].text) and _particles_lead_on(text, tokens, i, j, lex)
    if "-" in tok.text and named_compound(tok.text, lex):
        return True  # "Sparkasse Rhein-Main", "Hans-Peter Müller"
    return is_candidate(tok, lex) and tok.text not in lex.legal


def _particles_lead_on(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """True if the particles from ``j`` on ("von der", "y") lead to more of the personal name starting at ``i``:
    "Ursula von der Leyen", "Carl Gösta Björn Joachim von der Esch", "Miguel Hidalgo y Costilla". After a full
    name "von" is a preposition when an organisation or a place follows ("Angela Merkel von der CDU", "Anna
    Berger von den Stadtwerken Kassel")."""
    k = j
    while k < len(tokens) and k - j < MAX_PARTICLES and tokens[k].text in lex.particles:
        k += 1
    if k >= len(tokens) or not all(adjacent(text, tokens, n) for n in range(j + 1, k + 1)):
        return False
    if not is_candidate(tokens[k], lex):
        return False
    given = all(
        lex.is_given_name(t.text) or _ABBREVIATION.fullmatch(t.text) or t.text in lex.particles or t.text == "."
        for t in tokens[i:j]
    )
    return given or tokens[j].text in lex.surname_particles or not _named_elsewise(tokens[k].text, lex)


def _named_elsewise(word: str, lex: Lexicon) -> bool:
    """A word that names an organisation or a place by itself: an acronym, a known organisation or place, an
    organisation word."""
    return name_shaped(word) or word in lex.organizations or word in lex.places or lex.is_org_word(word)


def _initial(text: str, tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """At ``j`` the full stop of an initial or an abbreviation inside a name: "Robert P. Lockwood", "Ulysses S.
    Grant", "U.S. Department of Agriculture"."""
    prev = tokens[j - 1].text
    return (
        tokens[j].text == "."
        and _ABBREVIATION.fullmatch(prev) is not None
        and tokens[j].span.start == tokens[j - 1].span.end
        and j + 1 < len(tokens)
        and adjacent(text, tokens, j + 1)
        and is_candidate(tokens[j + 1], lex)
    )


def phrase_end(text: str, tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Index after the last token of the name starting at ``i``: capitalised words, initials, inner particles
    and connectors, a closing legal form or a small number ("Acme GmbH", "Llama 2")."""
    j = i + 1
    while j < len(tokens):
        if _initial(text, tokens, j, lex):
            j += 2
            continue
        if not adjacent(text, tokens, j):
            break
        if _continues(text, tokens, i, j, lex):
            j += 1
            continue
        tok = tokens[j]
        if tok.text in lex.legal or (tok.text.isdigit() and len(tok.text) <= 2):
            dotted = j + 1 < len(tokens) and tokens[j + 1].text == "." and tok.text + "." in lex.legal
            return j + 2 if dotted and tokens[j + 1].span.start == tok.span.end else j + 1
        k = _connected(text, tokens, i, j, lex)
        if k == j:
            break
        j = k + 1
    return _legal_after_comma(text, tokens, j, lex)


def _legal_after_comma(text: str, tokens: list[Token], j: int, lex: Lexicon) -> int:
    """The end of a name that a comma and a legal form close ("PSA Airlines, Inc."), else ``j``."""
    if j + 1 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].text.rstrip(".") not in lex.comma_legal:
        return j
    if text[tokens[j - 1].span.end : tokens[j].span.start] not in ("", " ") or not adjacent(text, tokens, j + 1):
        return j
    dotted = j + 2 < len(tokens) and tokens[j + 2].text == "." and tokens[j + 2].span.start == tokens[j + 1].span.end
    return j + 3 if dotted and tokens[j + 1].text + "." in lex.legal else j + 2
