"""``kg entities``: the entities of the store, their aliases, mentions and resolutions."""

from __future__ import annotations

import json
from typing import Any

import click

from kg.api import entities
from kg.cli.options import store_option, wait_option
from kg.model import EntityType
from kg.resolve.listing import EntityRecord


def _record(r: EntityRecord, mentions: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.entity.id, "name": r.entity.name, "type": r.entity.type.value}
    out["aliases"] = list(r.aliases)
    out["merged_from"] = r.merged_from
    out["possibly_same_as"] = [{"id": i, "name": n} for i, n in r.possibly]
    if mentions:
        out["claims"] = r.claims
        out["mentions"] = [vars(m) for m in r.mentions]
    return out


def _lines(r: EntityRecord, mentions: bool) -> list[str]:
    lines = [f"{r.entity.name}  [{r.entity.type.value}]  {r.entity.id}"]
    if r.aliases:
        lines.append("  aliases: " + ", ".join(r.aliases))
    if r.merged_from:
        lines.append("  merged from: " + ", ".join(r.merged_from))
    if r.possibly:
        lines.append("  possibly the same as: " + ", ".join(f"{n} ({i})" for i, n in r.possibly))
    if mentions:
        lines.append(f"  claims: {r.claims}")
        lines += [f"  {m.source}:{m.start}-{m.end}  {m.text}" for m in r.mentions]
    return lines


@click.command()
@click.option("--name", metavar="TEXT", help="Only entities whose id, name or alias contains TEXT.")
@click.option("--type", "kind", type=click.Choice([t.value for t in EntityType]), help="Only entities of this type.")
@click.option("--mentions", is_flag=True, help="Also list the mentions that resolved to each entity.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@store_option
@wait_option
def command(name: str | None, kind: str | None, mentions: bool, fmt: str, store: str, wait: float) -> None:
    """List the entities of the store with their aliases, and which others they may be or were merged from.

    \b
    kg entities --name musk --mentions
    kg entities --type Organization --format json
    """
    found = entities(store, name, EntityType(kind) if kind else None, mentions, wait=wait)
    if fmt == "json":
        click.echo(json.dumps([_record(r, mentions) for r in found], ensure_ascii=False, indent=2))
        return
    for record in found:
        click.echo("\n".join(_lines(record, mentions)))
    click.echo(f"({len(found)} entit{'y' if len(found) == 1 else 'ies'})")
