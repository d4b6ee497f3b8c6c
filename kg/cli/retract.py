"""``kg retract``: remove documents, and what only they support, from the store."""

from __future__ import annotations

import click

from kg.api import retract
from kg.cli.options import store_option, wait_option
from kg.cli.report import print_failures


@click.command()
@click.argument("sources", nargs=-1, required=True)
@store_option
@wait_option
@click.option("--dry-run", is_flag=True, help="List the documents that would be removed; change nothing.")
def command(sources: tuple[str, ...], store: str, wait: float, dry_run: bool) -> None:
    """Remove documents named by SOURCES: a document id, the path (or path:line) or URL it was read from, or a
    file or folder of articles, read again to find its documents by content.

    Every claim and entity that no other document supports goes with them; a claim that other documents
    support stays, with their evidence. Sources that name nothing stored are listed (exit code 3).
    """
    report = retract(sources, store=store, wait=wait, dry_run=dry_run)
    for doc in report.documents:
        click.echo(f"{'would retract' if dry_run else 'retracted'} {doc.id}  {doc.source}")
    r = report.removed
    if not dry_run:
        click.echo(
            f"documents: {r.documents} retracted; claims removed: {r.claims_removed}; evidence removed: "
            f"{r.evidence_removed}; entities removed: {r.entities_removed}  (store: {store})"
        )
    print_failures(report.failed)
