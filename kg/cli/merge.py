"""``kg merge``: correct the graph where two entities are one."""

from __future__ import annotations

import click

from kg.api import merge
from kg.cli.options import store_option, wait_option


@click.command()
@click.argument("source")
@click.argument("target")
@store_option
@wait_option
def command(source: str, target: str, store: str, wait: float) -> None:
    """Merge entity SOURCE into TARGET (each an id, a name or an alias): SOURCE's claims and mentions move to
    TARGET, which keeps SOURCE's names as aliases.

    The correction is recorded as provenance (attributed to the user) and applied again to every article
    ingested later, so it survives re-ingestion.
    """
    report = merge(source, target, store, wait=wait)
    r = report.resolution
    click.echo(f"merged {r.entity_name!r} into {r.target_name!r} ({r.target}): {report.claims_moved} claim(s) moved")
