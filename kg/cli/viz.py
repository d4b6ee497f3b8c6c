"""``kg viz``: the graph, or part of it, as an interactive HTML page that works offline, or as GraphML or JSON."""

from __future__ import annotations

import io
import sys

import click

from kg.api import visualize
from kg.cli.options import read_text_argument, store_option, wait_option
from kg.registry import renderers
from kg.render.view import DEFAULT_MAX_NODES, GraphView, Selection
from kg.vocab import vocabulary


def _languages() -> list[str]:
    return ["auto", *sorted({lang for p in vocabulary().values() for lang in p.labels})]


def _selection(
    focus: tuple[str, ...], depth: int | None, sparql: str | None, cypher: str | None, max_nodes: int
) -> Selection:
    if sparql is not None and cypher is not None:
        raise click.UsageError("give at most one of --sparql or --cypher")
    query, language = (sparql, "sparql") if sparql is not None else (cypher, "cypher")
    if query is not None and focus:
        raise click.UsageError("choose the nodes either with --focus or with a query, not both")
    if depth is not None and query is None and not focus:
        raise click.UsageError("--depth counts claims away from --focus or a query's nodes: give one of them")
    text = read_text_argument(query) if query is not None else None
    return Selection(focus=focus, depth=depth, query=text, language=language, max_nodes=max_nodes)


def _summary(view: GraphView) -> str:
    nodes, claims = view.graph.number_of_nodes(), view.graph.number_of_edges()
    shown = f"{nodes:,} node{'s' * (nodes != 1)}, {claims:,} claim{'s' * (claims != 1)}"
    if view.omitted is None:
        return shown
    left = view.omitted
    return (
        f"{shown}; the node limit of {left.limit:,} left out {left.nodes:,} nodes and {left.edges:,} claims "
        "(raise --max-nodes, or choose with --focus or a query)"
    )


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="The file to write ('-': standard output). Default: graph.html, graph.graphml or graph.json.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(renderers.names()),
    default="html",
    show_default=True,
    help="html: an interactive page; graphml: for Gephi and Cytoscape; json: nodes and links for D3.",
)
@click.option("--focus", multiple=True, metavar="NAME", help="Show this entity (name or alias) and its surroundings.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    help="How many claims away from the focus or the query's nodes to reach. [default: 1 with --focus, 0 with a query]",
)
@click.option("--sparql", metavar="QUERY|@FILE", help="Show the entities and claims this SPARQL query returns.")
@click.option("--cypher", metavar="QUERY|@FILE", help="Show the entities and claims this Cypher query returns (Neo4j).")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="Keep at most this many nodes, the most connected; the page says what was left out.",
)
@click.option(
    "--lang",
    type=click.Choice(_languages()),
    default="auto",
    show_default=True,
    help="Language of the predicate labels; auto: the language of the article each claim comes from.",
)
@store_option
@wait_option
def command(
    output: str | None,
    fmt: str,
    focus: tuple[str, ...],
    depth: int | None,
    sparql: str | None,
    cypher: str | None,
    max_nodes: int,
    lang: str,
    store: str,
    wait: float,
) -> None:
    """Draw the graph as one HTML page that works offline: who said what, with every piece of evidence.

    \b
    kg viz -o graph.html
    kg viz --focus "Anna Berger" --depth 2 -o berger.html
    kg viz --sparql 'SELECT ?s WHERE { ?s kg:sued ?o }' --format graphml -o sued.graphml

    A query selects the entities and claims whose IRI, id or name it returns.
    """
    selection = _selection(focus, depth, sparql, cypher, max_nodes)
    buffer = io.BytesIO()
    view = visualize(buffer, fmt, store=store, selection=selection, lang=lang, wait=wait)
    target = output or f"graph{renderers.get(fmt).suffix}"
    if target == "-":
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.buffer.flush()
        return
    with open(target, "wb") as fh:
        fh.write(buffer.getvalue())
    click.echo(f"wrote {target}: {_summary(view)}", err=True)
