"""Options shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from kg.store import Location

__all__ = ["read_text_argument", "store_option", "wait_option"]

F = TypeVar("F", bound=Callable[..., Any])


#: Options of the Neo4j store: (flag, key the store takes, environment variable, help).
_NEO4J_OPTIONS = (
    ("--neo4j-user", "user", "KG_NEO4J_USER", "Neo4j user (default neo4j)."),
    ("--neo4j-password", "password", "KG_NEO4J_PASSWORD", "Neo4j password; never printed."),
    ("--neo4j-database", "database", "KG_NEO4J_DATABASE", "Neo4j database (default neo4j)."),
)
_STORE_OPTIONS = "kg.store_options"


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value and param.name:
        ctx.meta.setdefault(_STORE_OPTIONS, {})[param.name] = value


def _location(ctx: click.Context, _param: click.Parameter, value: str) -> Location:
    # The Neo4j options are eager, so they are all read by now, whatever their order on the command line.
    return Location(value, **ctx.meta.get(_STORE_OPTIONS, {}))


def store_option(f: F) -> F:
    """``--store`` and the options that go with it; the command receives a :class:`kg.store.Location`."""
    for flag, key, env, text in _NEO4J_OPTIONS:
        f = click.option(
            flag,
            key,
            envvar=env,
            metavar="TEXT",
            help=f"{text} Env: {env}.",
            is_eager=True,
            expose_value=False,
            callback=_remember,
        )(f)
    return click.option(
        "--store",
        "store",
        envvar="KG_STORE",
        default="./kg-data",
        show_default=True,
        metavar="DIR|URI",
        callback=_location,
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
