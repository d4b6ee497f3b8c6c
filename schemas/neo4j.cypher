// Constraints and indexes of kg's graph in Neo4j, created by kg on first use (kg.store.neo4j).
//
// The graph: (:Document), (:Entity:<Type>), (:Claim) and (:Evidence) nodes;
//   (claim)-[:SUBJECT]->(entity), (claim)-[:OBJECT]->(entity)        what a claim is about
//   (evidence)-[:SUPPORTS]->(claim), (evidence)-[:FROM]->(document)    where it stands
//   (evidence)-[:ADDRESSEE]->(entity)                                  to whom a quote was addressed
//   (entity)-[:SUED {claim}]->(entity), (entity)-[:SAID {claim}]->(claim)   one direct relationship per fact
// and (:Resolution {id, kind, entity, target, entityName, targetName, alias, document, agent, at}) nodes, a merge,
// split or ambiguity decided by the user or the resolver, which keep the ids and names of their entities:
//   (resolution)-[:RESOLVED_ENTITY]->(entity), (resolution)-[:RESOLVED_TARGET]->(entity)   those still there
//   (entity)-[:POSSIBLY_SAME_AS]->(entity)                             an ambiguity, as kg:possiblySameAs
//
// Statements end with a semicolon; each is idempotent (IF NOT EXISTS) and runs on Neo4j 5 and ArcadeDB.

CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT kg_claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT kg_evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT kg_resolution_id IF NOT EXISTS FOR (r:Resolution) REQUIRE r.id IS UNIQUE;

CREATE INDEX kg_entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX kg_claim_predicate IF NOT EXISTS FOR (c:Claim) ON (c.predicate);
CREATE INDEX kg_document_source IF NOT EXISTS FOR (d:Document) ON (d.source);
CREATE INDEX kg_document_url IF NOT EXISTS FOR (d:Document) ON (d.url);
CREATE INDEX kg_resolution_entity IF NOT EXISTS FOR (r:Resolution) ON (r.entity);
CREATE INDEX kg_resolution_target IF NOT EXISTS FOR (r:Resolution) ON (r.target);
