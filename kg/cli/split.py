"""``kg split``: correct the graph where one entity is two."""

from __future__ import annotations

import click

from kg.api import split
from kg.cli.options import store_option, wait_option


@click.command()
@click.argument("entity")
@click.option("--alias", required=True, metavar="NAME", help="The name whose mentions belong to another entity.")
@click.option("--name", "new_name", metavar="NAME", help="The other entity's name (default: the alias).")
@click.option("--document", metavar="SOURCE", help="Only in this article (its path, URL or id).")
@store_option
@wait_option
def command(entity: str, alias: str, new_name: str | None, document: str | None, store: str, wait: float) -> None:
    """Split ENTITY (an id, a name or an alias): its mentions called --alias name another entity.

    \b
    kg split "Elon Musk" --alias Musk --name "Kimbal Musk" --document articles/brothers.txt

    The correction is recorded as provenance (attributed to the user) and applied again to every article
    ingested later, so it survives re-ingestion.
    """
    report = split(entity, alias, store, new_name, document, wait=wait)
    r = report.resolution
    click.echo(
        f"split {alias!r} off {r.entity_name!r} as {r.target_name!r} ({r.target}): {report.claims_moved} claim(s) moved"
    )
