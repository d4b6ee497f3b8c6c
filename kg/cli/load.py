"""``kg load``: bulk-load bundles of extracted documents and claims into a store."""

from __future__ import annotations

import click

from kg.api import load
from kg.cli.ingest import print_summary
from kg.cli.options import store_option, wait_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@wait_option
def command(paths: tuple[str, ...], store: str, wait: float) -> None:
    """Load bundles (files or directories of .jsonl, as `kg extract --format bundle` writes them) into the store.

    Extraction can run anywhere, on any number of machines, as a map from articles to bundles; this command
    stores the result. Documents already in the store are left alone; bad lines are listed at the end and the
    rest is stored (exit code 3).
    """
    print_summary(load(paths, store=store, wait=wait), store)
