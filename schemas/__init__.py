"""The normative schemas of `kg` (claim contract, ontology, SHACL shapes, Neo4j constraints), shipped with the
package as ``kg.schemas`` so that an installed `kg` reads the same files as the repository."""
