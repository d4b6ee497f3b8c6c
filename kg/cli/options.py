"""Options shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["read_text_argument", "store_option", "wait_option"]

F = TypeVar("F", bound=Callable[..., Any])


def store_option(f: F) -> F:
    return click.option(
        "--store",
        "store",
        envvar="KG_STORE",
        default="./kg-data",
        show_default=True,
        metavar="DIR|URI",
        help="The store: a directory for the embedded RDF store, or bolt://, neo4j:// for Neo4j. Env: KG_STORE.",
    )(f)


def wait_option(f: F) -> F:
    return click.option(
        "--wait",
        type=click.FloatRange(min=0),
        default=0.0,
        show_default=True,
        metavar="SECONDS",
        help="How long to wait for a store another kg process is using.",
    )(f)


def read_text_argument(value: str) -> str:
    """A query given inline, or ``@file`` to read it from a file."""
    if value.startswith("@"):
        path = value[1:]
        try:
            with open(path, encoding="utf-8") as fh:
                return fh.read()
        except OSError as exc:
            raise click.BadParameter(f"cannot read {path}: {exc.strerror}") from None
    return value
