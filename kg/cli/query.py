"""``kg query``: ask the store in SPARQL (embedded store) or Cypher (Neo4j)."""

from __future__ import annotations

import click

from kg.api import query
from kg.cli.options import read_text_argument, store_option, wait_option
from kg.cli.tables import FORMATS, render
from kg.store.sparql import IRI


def _params(values: tuple[str, ...], iris: tuple[str, ...]) -> dict[str, object]:
    params: dict[str, object] = {}
    for option, items in (("--param", values), ("--param-iri", iris)):
        for item in items:
            name, sep, value = item.partition("=")
            if not sep or not name.strip():
                raise click.BadParameter(f"{item!r}: write a parameter as name=value", param_hint=option)
            if option == "--param-iri":
                params[name.strip()] = IRI(value)
            else:
                params[name.strip()] = int(value) if value.lstrip("-").isdigit() else value
    return params


@click.command()
@click.option("--sparql", "sparql", metavar="QUERY|@FILE", help="A SPARQL 1.1 query, or @file.rq.")
@click.option("--cypher", "cypher", metavar="QUERY|@FILE", help="A Cypher query, or @file.cypher (Neo4j).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter, bound by the store (never pasted into the query); whole numbers are integers, "
    "anything else is text. In SPARQL the variable must be selected.",
)
@click.option(
    "--param-iri", "iri_params", multiple=True, metavar="NAME=IRI", help="A parameter whose value is an IRI (SPARQL)."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@store_option
@wait_option
def command(
    sparql: str | None,
    cypher: str | None,
    params: tuple[str, ...],
    iri_params: tuple[str, ...],
    fmt: str,
    store: str,
    wait: float,
) -> None:
    """Answer a query over the stored graph.

    \b
    kg query --sparql 'SELECT ?who ?what WHERE { ?s kg:said ?what ; schema:name ?who }'
    kg query --sparql @questions/quotes.rq --param who="Elon Musk" --format json
    kg query --cypher 'MATCH (p:Person)-[:SAID]->(q:Claim) RETURN p.name, q.content' --store bolt://host:7687

    In SPARQL the prefixes kg:, rdf:, rdfs:, xsd:, prov:, schema:, oa: are predeclared. Cypher queries (Neo4j)
    bind $name parameters and only read.
    """
    if (sparql is None) == (cypher is None):
        raise click.UsageError("give exactly one of --sparql or --cypher")
    language, text = ("sparql", sparql) if sparql is not None else ("cypher", cypher)
    assert text is not None
    result = query(read_text_argument(text), language, store=store, params=_params(params, iri_params), wait=wait)
    click.echo(render(result, fmt))
