"""``kg validate``: check the stored graph against the SHACL shapes."""

from __future__ import annotations

import click

from kg.api import validate
from kg.cli.options import store_option, wait_option


@click.command()
@store_option
@wait_option
def command(store: str, wait: float) -> None:
    """Validate the store against schemas/shapes.ttl and list every violation (exit code 1 if any)."""
    report = validate(store, wait=wait)
    for v in report.violations:
        click.echo(f"{v.severity}: {v.focus} {v.path}: {v.message}")
    if report.conforms:
        click.echo("the graph conforms to schemas/shapes.ttl")
        return
    click.echo(f"{len(report.violations)} violation(s)", err=True)
    raise click.exceptions.Exit(1)
