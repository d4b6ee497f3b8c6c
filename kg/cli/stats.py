"""``kg stats``: what the store holds."""

from __future__ import annotations

import json

import click

from kg.api import stats
from kg.cli.options import store_option, wait_option


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@wait_option
def command(store: str, as_json: bool, wait: float) -> None:
    """Count documents, entities, claims, evidence and triples, and claims per predicate."""
    figures = stats(store, wait=wait)
    if as_json:
        click.echo(json.dumps({**figures.counts, "predicates": figures.predicates}, ensure_ascii=False))
        return
    width = max(map(len, figures.counts), default=0)
    for name, count in figures.counts.items():
        click.echo(f"{name:{width}} {count:>10,}")
    if figures.predicates:
        click.echo("claims by predicate:")
        for name, count in sorted(figures.predicates.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"  {name:12} {count:>8,}")
