"""The same questions, asked in SPARQL of the embedded store and in Cypher of Neo4j over Bolt, get the same
answers: both stores hold one graph, written by the same calls (and read back as RDF, it is one graph).

Each question names its parameters once; SPARQL binds them as variables (which it must select), Cypher as
``$parameters`` (returned under the same name). Rows are compared as sets unless the question orders them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.export.rdf import store_lines
from kg.model import Claim
from kg.store import open_store
from kg.store.base import Store
from kg.vocab import KG, PROV
from tests.arcadedb import BoltServer
from tests.facts import NORDLICHT_EN, correct, entity, fill

pytestmark = pytest.mark.neo4j


@dataclass(frozen=True)
class Question:
    name: str
    sparql: str
    cypher: str
    params: dict[str, object] = field(default_factory=dict)
    ordered: bool = False


SUED = Claim.relation(entity("Nordlicht Energy"), "sued", entity("Baltic Grid"))
RELATION_PATH = "|".join(
    f"{way}kg:{p}" for p in ("sued", "co_founded", "founded", "leads", "left", "develops") for way in ("", "^")
)

QUESTIONS = [
    Question(
        "who said what",
        "SELECT DISTINCT ?who ?what WHERE { ?s kg:said ?what ; schema:name ?who }",
        "MATCH (s:Entity)-[:SAID]->(q:Claim) RETURN DISTINCT s.name AS who, q.content AS what",
    ),
    Question(
        "quotes about a topic",
        """SELECT DISTINCT ?topic ?who ?what WHERE {
             ?s kg:said ?what ; schema:name ?who . FILTER(CONTAINS(LCASE(?what), LCASE(?topic))) }""",
        """MATCH (s:Entity)-[:SAID]->(q:Claim) WHERE toLower(q.content) CONTAINS toLower($topic)
           RETURN DISTINCT $topic AS topic, s.name AS who, q.content AS what""",
        {"topic": "WIN"},
    ),
    Question(
        "quotes by a speaker, with their mode",
        """SELECT ?who ?what ?mode WHERE {
             ?s schema:name ?who . ?c rdf:subject ?s ; rdf:object ?what . ?ev kg:supports ?c ; kg:mode ?mode }""",
        """MATCH (v:Evidence)-[:SUPPORTS]->(c:Claim)-[:SUBJECT]->(s:Entity {name: $who})
           WHERE c.kind = 'quote' RETURN $who AS who, c.content AS what, v.mode AS mode""",
        {"who": "Jana Vogt"},
    ),
    Question(
        "who sued whom",
        "SELECT ?plaintiff ?defendant WHERE { ?a kg:sued ?b . ?a schema:name ?plaintiff . ?b schema:name ?defendant }",
        "MATCH (a:Entity)-[:SUED]->(b:Entity) RETURN a.name AS plaintiff, b.name AS defendant",
    ),
    Question(
        "co-founders of an organisation",
        "SELECT ?org ?founder WHERE { ?f kg:co_founded ?o . ?o schema:name ?org . ?f schema:name ?founder }",
        "MATCH (f:Person)-[:CO_FOUNDED]->(:Organization {name: $org}) RETURN $org AS org, f.name AS founder",
        {"org": "Nordlicht Energy"},
    ),
    Question(
        "the evidence of a claim",
        """SELECT ?claim ?source ?start ?end ?sentence ?extractor ?version ?confidence WHERE {
             ?ev kg:supports ?c ; oa:start ?start ; oa:end ?end ; oa:exact ?sentence ; kg:confidence ?confidence ;
                 prov:wasGeneratedBy ?act .
             ?act prov:used ?doc ; prov:wasAssociatedWith ?agent .
             ?agent kg:extractorName ?extractor ; kg:extractorVersion ?version .
             ?doc kg:source ?source .
             FILTER(STRAFTER(STR(?c), STR(claim:)) = ?claim) }""",
        """MATCH (d:Document)<-[:FROM]-(v:Evidence)-[:SUPPORTS]->(:Claim {id: $claim})
           RETURN $claim AS claim, d.source AS source, v.start AS start, v.end AS end, v.sentence AS sentence,
                  v.extractor AS extractor, v.extractorVersion AS version, v.confidence AS confidence""",
        {"claim": SUED.id},
    ),
    Question(
        "every claim from one source",
        """SELECT DISTINCT ?source ?claim ?predicate WHERE {
             ?doc kg:source ?source . ?act prov:used ?doc . ?ev prov:wasGeneratedBy ?act ; kg:supports ?c .
             ?c rdf:predicate ?p .
             BIND(STRAFTER(STR(?c), STR(claim:)) AS ?claim) BIND(STRAFTER(STR(?p), STR(kg:)) AS ?predicate) }""",
        """MATCH (:Document {source: $source})<-[:FROM]-(:Evidence)-[:SUPPORTS]->(c:Claim)
           RETURN DISTINCT $source AS source, c.id AS claim, c.predicate AS predicate""",
        {"source": NORDLICHT_EN.source},
    ),
    Question(
        "the entities quoted most",
        """SELECT ?name (COUNT(DISTINCT ?c) AS ?quotes) WHERE {
             ?c rdf:subject ?s ; rdf:object ?o . FILTER(isLiteral(?o)) ?s schema:name ?name }
           GROUP BY ?name ORDER BY DESC(?quotes) ?name LIMIT 3""",
        """MATCH (c:Claim {kind: 'quote'})-[:SUBJECT]->(s:Entity)
           RETURN s.name AS name, count(DISTINCT c) AS quotes ORDER BY quotes DESC, name LIMIT 3""",
        ordered=True,
    ),
    Question(
        "what an entity did",
        """SELECT ?name ?predicate ?object WHERE {
             ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?s schema:name ?name . ?o schema:name ?object .
             BIND(STRAFTER(STR(?p), STR(kg:)) AS ?predicate) }""",
        """MATCH (o:Entity)<-[:OBJECT]-(c:Claim)-[:SUBJECT]->(:Entity {name: $name})
           RETURN $name AS name, c.predicate AS predicate, o.name AS object""",
        {"name": "Mara Lind"},
    ),
    Question(
        "claims per source",
        """SELECT ?source (COUNT(DISTINCT ?c) AS ?claims) WHERE {
             ?doc kg:source ?source . ?act prov:used ?doc . ?ev prov:wasGeneratedBy ?act ; kg:supports ?c }
           GROUP BY ?source""",
        """MATCH (d:Document)<-[:FROM]-(:Evidence)-[:SUPPORTS]->(c:Claim)
           RETURN d.source AS source, count(DISTINCT c) AS claims""",
    ),
    Question(
        "facts reported by more than one article",
        """SELECT ?subject ?predicate (COUNT(DISTINCT ?doc) AS ?articles) WHERE {
             ?c rdf:subject ?s ; rdf:predicate ?p . ?s schema:name ?subject .
             ?ev kg:supports ?c ; prov:wasGeneratedBy ?act . ?act prov:used ?doc .
             BIND(STRAFTER(STR(?p), STR(kg:)) AS ?predicate) }
           GROUP BY ?subject ?predicate HAVING (COUNT(DISTINCT ?doc) > 1)""",
        """MATCH (d:Document)<-[:FROM]-(:Evidence)-[:SUPPORTS]->(c:Claim)-[:SUBJECT]->(s:Entity)
           WITH s.name AS subject, c.predicate AS predicate, count(DISTINCT d) AS articles WHERE articles > 1
           RETURN subject, predicate, articles""",
    ),
    Question(
        "entities by type",
        """SELECT ?type (COUNT(?e) AS ?entities) WHERE {
             ?e a kg:Entity , ?class . FILTER(?class != kg:Entity) BIND(REPLACE(STR(?class), "^.*[/#]", "") AS ?type) }
           GROUP BY ?type""",
        "MATCH (e:Entity) RETURN e.type AS type, count(e) AS entities",
    ),
    Question(
        "who said something to whom",
        """SELECT ?speaker ?addressee WHERE {
             ?ev kg:addressee ?a ; kg:supports ?c . ?c rdf:subject ?s .
             ?s schema:name ?speaker . ?a schema:name ?addressee }""",
        """MATCH (a:Entity)<-[:ADDRESSEE]-(:Evidence)-[:SUPPORTS]->(:Claim)-[:SUBJECT]->(s:Entity)
           RETURN s.name AS speaker, a.name AS addressee""",
    ),
    Question(
        "who is within two facts of an entity",
        f"""SELECT DISTINCT ?name ?other WHERE {{
             ?x schema:name ?name ; ({RELATION_PATH})/({RELATION_PATH})? ?y . ?y schema:name ?other
             FILTER(?y != ?x) }}""",
        """MATCH (x:Entity {name: $name})-[:SUED|CO_FOUNDED|FOUNDED|LEADS|LEFT|DEVELOPS*1..2]-(y:Entity)
           WHERE y <> x RETURN DISTINCT $name AS name, y.name AS other""",
        {"name": "Baltic Grid"},
    ),
    Question(
        "which entities may be the same",
        """SELECT ?name ?other WHERE { ?a kg:possiblySameAs ?b . ?a schema:name ?name . ?b schema:name ?other }""",
        "MATCH (a:Entity)-[:POSSIBLY_SAME_AS]->(b:Entity) RETURN a.name AS name, b.name AS other",
    ),
    Question(
        "what was merged into an entity, and by whom",
        """SELECT ?name ?merged ?agent WHERE {
             ?r kg:resolutionKind "merge" ; kg:resolvedTarget ?t ; kg:entityName ?merged ; prov:wasAttributedTo ?by .
             ?by kg:agentName ?agent . ?t schema:name ?name }""",
        """MATCH (r:Resolution {kind: 'merge'})-[:RESOLVED_TARGET]->(t:Entity)
           RETURN t.name AS name, r.entityName AS merged, r.agent AS agent""",
    ),
    Question(
        "the aliases of every entity",
        "SELECT ?name ?alias WHERE { ?e a kg:Entity ; schema:name ?name ; kg:alias ?alias }",
        "MATCH (e:Entity) UNWIND e.aliases AS alias RETURN e.name AS name, alias",
    ),
    Question(
        "names split off in one article, and who they are",
        """SELECT ?name ?alias ?into ?source WHERE {
             ?r kg:resolutionKind "split" ; kg:entityName ?name ; kg:resolvedAlias ?alias ; kg:resolvedTarget ?t ;
                kg:inDocument ?doc . ?t schema:name ?into . ?doc kg:source ?source }""",
        """MATCH (r:Resolution {kind: 'split'})-[:RESOLVED_TARGET]->(t:Entity) MATCH (d:Document {id: r.document})
           RETURN r.entityName AS name, r.alias AS alias, t.name AS into, d.source AS source""",
    ),
]


@pytest.fixture(scope="module")
def stores(bolt_server: BoltServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    """The embedded store and Neo4j, each written with the same calls."""
    bolt_server.clear()
    path: Path = tmp_path_factory.mktemp("parity") / "store"
    with open_store(path) as rdf, open_store(bolt_server.uri, **bolt_server.options()) as graph:
        for store in (rdf, graph):
            fill(store)
            correct(store)
        yield rdf, graph


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.name for q in QUESTIONS])
def test_sparql_and_cypher_give_the_same_answer(stores: tuple[Store, Store], question: Question) -> None:
    rdf, graph = stores
    by_sparql = rdf.query(question.sparql, "sparql", question.params)
    by_cypher = graph.query(question.cypher, "cypher", question.params)
    assert by_sparql.rows, "a question whose answer is empty would prove nothing"
    assert by_sparql.columns == by_cypher.columns
    if question.ordered:
        assert by_sparql.rows == by_cypher.rows
    else:
        assert sorted(by_sparql.rows) == sorted(by_cypher.rows)


#: Times differ between two stores written one after the other.
TIMES = frozenset(rdflib.URIRef(p) for p in (KG + "ingestedAt", PROV + "startedAtTime", PROV + "generatedAtTime"))


def _graph(store: Store) -> rdflib.Graph:
    """The store's graph as RDF, read through the Store interface, times left out."""
    graph = rdflib.Graph().parse(data="\n".join(store_lines(store)), format="nt")
    for triple in [t for t in graph if t[1] in TIMES]:
        graph.remove(triple)
    return graph


def test_both_stores_hold_the_same_graph_resolutions_included(stores: tuple[Store, Store]) -> None:
    rdf, graph = stores
    assert graph.resolutions() and {r.id for r in graph.resolutions()} == {r.id for r in rdf.resolutions()}
    assert isomorphic(_graph(rdf), _graph(graph))
