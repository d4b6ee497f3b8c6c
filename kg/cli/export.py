"""``kg export``: the whole graph as Turtle, TriG, N-Quads, JSON-LD or GraphML."""

from __future__ import annotations

import sys
from typing import BinaryIO

import click

from kg.api import export
from kg.cli.options import store_option, wait_option
from kg.registry import exporters


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(exporters.names()), help="The output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    show_default=True,
    help="The file to write ('-': standard output).",
)
@store_option
@wait_option
def command(fmt: str, output: str, store: str, wait: float) -> None:
    """Write the whole graph in a standard format."""
    if output == "-":
        export(fmt, sys.stdout.buffer, store=store, wait=wait)
        return
    with open(output, "wb") as fh:
        target: BinaryIO = fh
        export(fmt, target, store=store, wait=wait)
    click.echo(f"wrote {output}", err=True)
