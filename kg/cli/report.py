"""How commands report inputs that failed: one line each on stderr, then exit code 3."""

from __future__ import annotations

from collections.abc import Sequence

import click

from kg.errors import one_line
from kg.pipeline import Failure

__all__ = ["print_failures"]


def print_failures(failures: Sequence[Failure]) -> None:
    """List failed inputs; end the command with exit code 3 if there were any."""
    for failure in failures:
        click.echo(f"kg: error: {one_line(failure.message)} [{failure.code}]", err=True)
    if failures:
        from kg.cli import EXIT_PARTIAL

        raise click.exceptions.Exit(EXIT_PARTIAL)
