"""``kg extract``: the claims of articles, without storing them, in the contract format."""

from __future__ import annotations

import os
import stat
from typing import TextIO

import click

from kg.api import extract
from kg.bundle import bundle_line
from kg.cli.report import print_failures
from kg.contract import claim_records, json_line
from kg.ingest.sources import FileKey
from kg.pipeline import Failure


def _table_row(record: dict[str, object]) -> str:
    subject = record["subject"]
    assert isinstance(subject, dict)
    if record["type"] == "quote":
        quote = record["quote"]
        assert isinstance(quote, dict)
        what = "„" + " ".join(str(quote["text"]).split())[:90] + "“"
    else:
        obj = record["object"]
        assert isinstance(obj, dict)
        what = str(obj["name"])
    return f"{subject['name'][:28]:28} {record['predicate']:12} {what}"


def _output_key(output: TextIO) -> frozenset[FileKey]:
    """The output file, when it is a file: `kg extract dir/ > dir/claims.jsonl` must not read its own output."""
    try:
        st = os.fstat(output.fileno())
    except (OSError, ValueError):
        return frozenset()
    return frozenset({(st.st_dev, st.st_ino)}) if stat.S_ISREG(st.st_mode) else frozenset()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table", "bundle"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one claim per line (schemas/claim.schema.json); table: one line per claim, to read; "
    "bundle: one document with its claims per line, for `kg load`.",
)
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of standard output."
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True)
def command(paths: tuple[str, ...], fmt: str, output: TextIO, workers: int) -> None:
    """Extract claims from articles and print them; nothing is stored.

    Standard output carries only claims; unreadable inputs are reported on standard error (exit code 3).
    """
    failures: list[Failure] = []
    for item in extract(paths, workers=workers, exclude=_output_key(output)):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        document, claims = item
        if fmt == "bundle":
            output.write(bundle_line(document, claims) + "\n")
            continue
        for claim in claims:
            for record in claim_records(claim):
                line = json_line(record) if fmt == "jsonl" else _table_row(record)
                output.write(line + "\n")
    output.flush()
    print_failures(failures)
