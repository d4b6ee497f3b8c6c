"""Every Cypher statement of kg, in one module: schema, batched writes, reads, retraction, resolutions, literals.

Values reach a statement only as parameters (``$rows``, ``$ids``, ...). The one exception is what Cypher cannot
take as a parameter, labels and relationship types: those come from kg's vocabulary (entity types, the
predicates of ``schemas/kg.ttl``) and pass :func:`name` before they are put into a statement.

Every statement runs on Neo4j 5 and on ArcadeDB's Bolt server, which the tests use. Where the two differ,
the statements keep to what both accept:

- Emptiness is tested with ``OPTIONAL MATCH ... WITH count(x) AS n WHERE n = 0`` rather than ``EXISTS {}``
  subqueries or pattern predicates, which are outside the subset of DESIGN.md.
- ArcadeDB does not refuse writes in a read-access session; :mod:`kg.store.neo4j` therefore runs user queries
  in a transaction it rolls back, and refuses those that report updates.
- ArcadeDB (26.10) keeps a node's labels as its type and fails to change them inside an explicit
  transaction when a uniqueness constraint covers the node (its index then sees the node twice); a statement
  that runs on its own (auto-commit) can. Entities are therefore created with their labels, and the rare
  change of labels (a vague type yielding to a specific one) runs as statements of their own after the write.

>>> name("SUED")
'SUED'
>>> literal({"name": "O'Brien", "aliases": ["Bob"], "start": 3, "confidence": 0.9})
"{name: 'O\\\\'Brien', aliases: ['Bob'], start: 3, confidence: 0.9}"
>>> inline(COMPLETE, ids=["d1"], when="2024-05-01T12:00:00Z")
"UNWIND ['d1'] AS id MATCH (d:Document {id: id}) SET d.ingestedAt = '2024-05-01T12:00:00Z'"
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache

from kg.vocab import schema_file

__all__ = [
    "CLAIMS",
    "CLAIM_IDS",
    "COMPLETE",
    "COUNTS",
    "DOCUMENTS",
    "ENTITIES",
    "EVIDENCE",
    "FIND_DOCUMENTS",
    "KNOWN_DOCUMENTS",
    "LINK_RESOLUTIONS",
    "PER_PREDICATE",
    "POSSIBLY_SAME_AS",
    "READY",
    "READ_RESOLUTIONS",
    "REPLACED_CANDIDATES",
    "REPLACED_EVIDENCE",
    "RESOLUTIONS",
    "RETRACT_CANDIDATES",
    "RETRACT_CLAIMS",
    "RETRACT_DOCUMENTS",
    "RETRACT_ENTITIES",
    "RETRACT_EVIDENCE",
    "RETRACT_FACTS",
    "STUB_DOCUMENTS",
    "claim_rows",
    "fact",
    "inline",
    "literal",
    "name",
    "new_entities",
    "read_documents",
    "read_entities",
    "relabel",
    "schema_statements",
]

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def name(identifier: str) -> str:
    """``identifier`` if it can stand in a statement as a label or relationship type as it is, else an error."""
    if not _NAME.fullmatch(identifier):
        raise ValueError(f"not a label or relationship type kg writes: {identifier!r}")
    return identifier


@cache
def schema_statements() -> tuple[str, ...]:
    """The constraints and indexes of ``schemas/neo4j.cypher``, one statement each."""
    lines = [line for line in schema_file("neo4j.cypher").splitlines() if not line.lstrip().startswith("//")]
    return tuple(s.strip() for s in "\n".join(lines).split(";") if s.strip())


# -- writing: each statement takes a batch as $rows (or $ids) ------------------------------------------------

DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.properties
"""

# Evidence may point into a document that is not part of this write: it gets a node, not a completion mark.
STUB_DOCUMENTS = "UNWIND $ids AS id MERGE (:Document {id: id})"

COMPLETE = "UNWIND $ids AS id MATCH (d:Document {id: id}) SET d.ingestedAt = $when"

# An entity is created with the labels of its type at once, as ArcadeDB cannot change labels inside a
# transaction (see above); a later change of labels is left to :func:`relabel`, run on its own.
_NEW_ENTITIES = """
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row WHERE old IS NULL
CREATE (:Entity:{label} {id: row.id, name: row.name, type: row.type, aliases: row.aliases})
"""

# The first specific type an entity is given stays; the vague one ($vague: Thing) yields to a specific one.
# Aliases are merged; an entity without any has no aliases property (as after a bulk import).
ENTITIES = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
WITH e, row, [a IN coalesce(e.aliases, []) WHERE NOT a IN coalesce(row.aliases, [])] + coalesce(row.aliases, [])
     AS aliases
SET e.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
    e.type = CASE WHEN e.type = $vague THEN row.type ELSE e.type END
"""

_RELABEL = """
UNWIND $ids AS id
MATCH (e:Entity {id: id}) WHERE e:{vague} AND e.type = $type
REMOVE e:{vague} SET e:{label}
"""


def new_entities(entity_type: str) -> str:
    """The statement that creates the entities of ``$rows`` (all of ``entity_type``) that are not there yet."""
    return _NEW_ENTITIES.replace("{label}", name(entity_type))


def relabel(vague: str, entity_type: str) -> str:
    """The statement that moves those entities of ``$ids`` whose type is now ``$type`` (``entity_type``) from
    the ``vague`` label to that of their type."""
    return _RELABEL.replace("{vague}", name(vague)).replace("{label}", name(entity_type))


CLAIMS = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MERGE (c:Claim {id: row.id})
ON CREATE SET c.kind = row.kind, c.predicate = row.predicate, c.content = row.content
MERGE (c)-[:SUBJECT]->(s)
WITH c, row WHERE row.object IS NOT NULL
MATCH (o:Entity {id: row.object})
MERGE (c)-[:OBJECT]->(o)
"""

_FACT = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (t:{target} {id: row.target})
MERGE (s)-[:{type} {claim: row.claim}]->(t)
"""


def fact(rel_type: str, target: str) -> str:
    """The direct relationship of a fact: ``(:Entity)-[:SUED {claim}]->(:Entity)``, or to the :Claim that holds
    a quote's words."""
    return _FACT.replace("{target}", name(target)).replace("{type}", name(rel_type))


EVIDENCE = """
UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
MATCH (d:Document {id: row.document})
MERGE (v:Evidence {id: row.id})
ON CREATE SET v += row.properties
MERGE (v)-[:SUPPORTS]->(c)
MERGE (v)-[:FROM]->(d)
WITH v, row WHERE row.addressee IS NOT NULL
MATCH (a:Entity {id: row.addressee})
MERGE (v)-[:ADDRESSEE]->(a)
"""

# -- reading -------------------------------------------------------------------------------------------------

#: The first question to a database: it answers once it is there and ready.
READY = "RETURN 1 AS ready"

KNOWN_DOCUMENTS = "MATCH (d:Document) WHERE d.id IN $ids AND d.ingestedAt IS NOT NULL RETURN d.id AS id"

_READ_DOCUMENTS = """
MATCH (d:Document) WHERE d.ingestedAt IS NOT NULL {AND}
RETURN d.id AS id, d.text AS text, d.source AS source, d.language AS language, d.title AS title, d.url AS url,
       d.publisher AS publisher, d.author AS author, d.published AS published
ORDER BY id
"""

_READ_ENTITIES = """
MATCH (e:Entity) WHERE true {AND}
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases
ORDER BY id
"""


def read_documents(chosen: bool) -> str:
    """Completely ingested documents: all of them, or (``chosen``) those of ``$ids``."""
    return _READ_DOCUMENTS.replace("{AND}", "AND d.id IN $ids" if chosen else "")


def read_entities(chosen: bool) -> str:
    """Entities: all of them, or (``chosen``) those of ``$ids``."""
    return _READ_ENTITIES.replace("{AND}", "AND e.id IN $ids" if chosen else "")


# Evidence counts once its document is complete: a write that was cut short is not read back half-done.
_CLAIM_MATCH = """
MATCH (v:Evidence)-[:SUPPORTS]->(c:Claim)-[:SUBJECT]->(s:Entity)
MATCH (v)-[:FROM]->(d:Document)
OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
WITH v, c, s, d, o WHERE d.ingestedAt IS NOT NULL {AND}
"""

_CLAIM_FILTERS = {
    "document": "d.id = $document",
    "predicates": "c.predicate IN $predicates",
    "entities": "(s.id IN $entities OR o.id IN $entities)",
    "claims": "c.id IN $claims",
}

CLAIM_IDS = "WITH DISTINCT c.id AS id ORDER BY id LIMIT $limit RETURN id"

_CLAIM_ROWS = """
OPTIONAL MATCH (v)-[:ADDRESSEE]->(a:Entity)
RETURN c.id AS c, s.id AS s, c.predicate AS p, o.id AS object, c.content AS content, v.id AS ev,
       d.id AS doc, v.start AS start, v.end AS end, v.sentence AS exact, v.confidence AS confidence,
       v.extractor AS agent, v.extractorVersion AS version, v.extractedAt AS time,
       v.subjectStart AS ss, v.subjectEnd AS se, v.objectStart AS os, v.objectEnd AS oe,
       v.contentStart AS cs, v.contentEnd AS ce, v.cueStart AS qs, v.cueEnd AS qe,
       v.mode AS mode, a.id AS addressee, v.medium AS medium
ORDER BY c, ev
"""


def claim_rows(filters: frozenset[str], ids_only: bool = False) -> str:
    """Evidence rows of the claims that pass ``filters`` (names of :data:`_CLAIM_FILTERS`, bound as parameters
    of the same names), or with ``ids_only`` the first ``$limit`` of their claim ids."""
    where = "".join(f" AND {_CLAIM_FILTERS[f]}" for f in sorted(filters))
    return _CLAIM_MATCH.replace("{AND}", where) + (CLAIM_IDS if ids_only else _CLAIM_ROWS)


COUNTS = {
    "documents": "MATCH (d:Document) WHERE d.ingestedAt IS NOT NULL RETURN count(d) AS n",
    "entities": "MATCH (e:Entity) RETURN count(e) AS n",
    "claims": "MATCH (c:Claim) RETURN count(c) AS n",
    "evidence": "MATCH (v:Evidence) RETURN count(v) AS n",
    "nodes": "MATCH (n) RETURN count(n) AS n",
    "relationships": "MATCH ()-[r]->() RETURN count(r) AS n",
}

PER_PREDICATE = "MATCH (c:Claim) RETURN c.predicate AS p, count(c) AS n ORDER BY p"

FIND_DOCUMENTS = """
MATCH (d:Document) WHERE d.ingestedAt IS NOT NULL AND (d.source = $source OR d.url = $source OR d.id = $source)
RETURN d.id AS id ORDER BY id
"""

# -- retraction, in this order, in one transaction: candidates, evidence, documents, facts, claims, entities ------
# Replacing claims runs the same steps with the claims' own candidates and evidence, then writes, then entities.

_CANDIDATE_ENTITIES = """
OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (v)-[:ADDRESSEE]->(a:Entity)
RETURN DISTINCT c.id AS claim, s.id AS subject, o.id AS object, a.id AS addressee
"""

RETRACT_CANDIDATES = (
    "MATCH (d:Document)<-[:FROM]-(v:Evidence)-[:SUPPORTS]->(c:Claim)-[:SUBJECT]->(s:Entity) WHERE d.id IN $ids"
    + _CANDIDATE_ENTITIES
)

REPLACED_CANDIDATES = (
    "UNWIND $claims AS id MATCH (c:Claim {id: id})-[:SUBJECT]->(s:Entity) OPTIONAL MATCH (v:Evidence)-[:SUPPORTS]->(c)"
    + _CANDIDATE_ENTITIES
)

RETRACT_EVIDENCE = "MATCH (d:Document)<-[:FROM]-(v:Evidence) WHERE d.id IN $ids DETACH DELETE v"

REPLACED_EVIDENCE = "UNWIND $claims AS id MATCH (v:Evidence)-[:SUPPORTS]->(:Claim {id: id}) DETACH DELETE v"

RETRACT_DOCUMENTS = """
MATCH (d:Document) WHERE d.id IN $ids
WITH d, d.ingestedAt IS NOT NULL AS complete
DETACH DELETE d
RETURN count(CASE WHEN complete THEN 1 END) AS n
"""

_UNSUPPORTED = """
UNWIND $claims AS id
MATCH (c:Claim {id: id})
OPTIONAL MATCH (c)<-[:SUPPORTS]-(v:Evidence)
WITH c, count(v) AS support WHERE support = 0
"""

RETRACT_FACTS = _UNSUPPORTED + "MATCH (c)-[:SUBJECT]->(s:Entity) MATCH (s)-[r]->() WHERE r.claim = c.id DELETE r"

RETRACT_CLAIMS = _UNSUPPORTED + "DETACH DELETE c"

RETRACT_ENTITIES = """
UNWIND $entities AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)<-[r:SUBJECT|OBJECT|ADDRESSEE]-()
WITH e, count(r) AS uses WHERE uses = 0
DETACH DELETE e
"""

# -- entity resolution: merges, splits and ambiguities ----------------------------------------------------

# A resolution keeps the ids and names of its entities, as a merged entity leaves the graph; its relationships
# reach those of its entities that are there.
RESOLUTIONS = """
UNWIND $rows AS row
MERGE (r:Resolution {id: row.id})
ON CREATE SET r += row.properties
"""

_LINK = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
MATCH (r:Resolution {{side}: id})
MERGE (r)-[:{type}]->(e)
"""

#: Links from resolutions to the entities of ``$ids`` they name, run whenever entities or resolutions are
#: written: the resolver records an ambiguity before the new entity it concerns is written.
LINK_RESOLUTIONS = tuple(
    _LINK.replace("{side}", side).replace("{type}", rel_type)
    for side, rel_type in (("entity", "RESOLVED_ENTITY"), ("target", "RESOLVED_TARGET"))
)

# The ambiguities ($kind) that concern the entities of $ids, as direct relationships (kg:possiblySameAs in RDF):
# one per pair of entities, however many resolutions name it.
POSSIBLY_SAME_AS = """
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:RESOLVED_ENTITY|RESOLVED_TARGET]-(r:Resolution {kind: $kind})
MATCH (a:Entity)<-[:RESOLVED_ENTITY]-(r)-[:RESOLVED_TARGET]->(b:Entity)
MERGE (a)-[:POSSIBLY_SAME_AS]->(b)
"""

READ_RESOLUTIONS = """
MATCH (r:Resolution)
RETURN r.id AS id, r.kind AS kind, r.entity AS entity, r.target AS target, r.entityName AS entityName,
       r.targetName AS targetName, r.alias AS alias, r.document AS document, r.agent AS agent, r.at AS at
ORDER BY at, id
"""

# -- a script: the same statements with their rows written out as literals ---------------------------------

_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def literal(value: object) -> str:
    """A Cypher literal for a parameter value (None, bool, int, float, str, list, map); strings are escaped, so
    no text can end its quotes or its line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no Cypher literal for {value}")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{name(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def inline(statement: str, **params: object) -> str:
    """``statement`` on one line with every parameter written out as a literal, for a script.

    The substitution is one pass over the statement's own text, so nothing inside an inserted literal is ever
    read as a parameter.
    """

    def value(match: re.Match[str]) -> str:
        if match.group(1) not in params:
            raise ValueError(f"no value for ${match.group(1)}")
        return literal(params[match.group(1)])

    return _PARAMETER.sub(value, " ".join(statement.split()))
