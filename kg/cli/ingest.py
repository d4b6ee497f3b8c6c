"""``kg ingest``: read articles, extract claims, store them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from kg.api import ingest
from kg.cli.options import store_option, wait_option
from kg.cli.report import print_failures
from kg.ingest import iter_inputs
from kg.pipeline import IngestReport, default_workers


@contextmanager
def _progress(paths: tuple[str, ...]) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal (counting input files), nothing when output is piped."""
    if not sys.stderr.isatty():
        yield None
        return
    total = sum(1 for _ in iter_inputs(paths))
    with click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True) as bar:
        yield bar.update


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that extract in parallel (default: one per core, at most 4); the result is the same for "
    "every number.",
)
@wait_option
def command(paths: tuple[str, ...], store: str, workers: int | None, wait: float) -> None:
    """Read articles (.txt, .html, .jsonl, or directories of them), extract claims, and store them.

    Articles already in the store are left alone; a fact found again gains the new evidence. Inputs that
    cannot be read are listed at the end and the rest is stored (exit code 3).
    """
    with _progress(paths) as progress:
        report = ingest(paths, store=store, workers=workers or default_workers(), wait=wait, progress=progress)
    print_summary(report, store)


def print_summary(report: IngestReport, store: str) -> None:
    """What an ingestion or load did, then the inputs that failed (exit code 3 if any)."""
    w = report.written
    click.echo(f"documents: {report.new} new, {report.unchanged} unchanged, {len(report.failed)} failed")
    click.echo(
        f"claims added: {w.claims_added}; evidence added: {w.evidence_added}; "
        f"entities added: {w.entities_added}  (store: {store})"
    )
    print_failures(report.failed)
