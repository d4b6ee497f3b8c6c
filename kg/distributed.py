"""Extraction as a map over a distributed dataset (Dask): article files in, bundle files out, for ``kg load``.

Extraction is a pure function of a document's text, so it scales out as a plain map: each partition (one
JSON Lines file of articles) becomes one file of bundles (:mod:`kg.bundle`), on whatever workers the Dask
scheduler has, on one machine or many. Loading the bundles into a store is the one step that is not spread
out (``kg load OUTPUT``); for Neo4j clusters point ``--store`` at a ``neo4j://`` routing address.

    from dask.distributed import Client
    from kg.distributed import extract_to_bundles

    with Client("tcp://scheduler:8786"):                    # or Client() for a local cluster
        extract_to_bundles("s3://news/2024/*.jsonl", "s3://news/bundles-2024")

Ray and Spark do the same with :func:`kg.bundle.extract_bundles` as the function mapped over partitions.
Dask is optional: ``pip install 'kg[distributed]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kg.bundle import extract_bundles
from kg.errors import ConfigError

__all__ = ["extract_partition", "extract_to_bundles"]


def extract_partition(lines: Iterable[tuple[str, str]]) -> list[str]:
    """Bundle lines for one partition of ``(line, path)`` pairs, as ``dask.bag.read_text(include_path=True)``
    makes them; sources are ``path:line``, as ``kg ingest`` names them.

    >>> line = '{"text": "„Das ist gut so“, sagte Anna Berger am Montag.", "language": "de"}'
    >>> [bundle] = extract_partition([(line, "a.jsonl")])
    >>> '"source": "a.jsonl:1"' in bundle
    True
    """
    by_path: dict[str, list[str]] = {}
    for line, path in lines:
        by_path.setdefault(path, []).append(line)
    return [bundle for path, found in by_path.items() for bundle in extract_bundles(found, source=path)]


def extract_to_bundles(inputs: str | Sequence[str], output: str, **compute: Any) -> list[str]:
    """Map JSON Lines article files (a path, glob or URL, or a list of them; one partition per file) to bundle
    files in the directory ``output``, with the current Dask scheduler (or ``compute``'s, e.g.
    ``scheduler="processes"``). Returns the files written."""
    try:
        import dask.bag as db
    except ImportError:
        raise ConfigError("distributed extraction needs Dask: pip install 'kg[distributed]'") from None
    bag = db.read_text(inputs, include_path=True, blocksize=None)  # type: ignore[no-untyped-call]
    written: list[str] = bag.map_partitions(extract_partition).to_textfiles(
        f"{output.rstrip('/')}/*.jsonl", last_endline=True, encoding="utf-8", **compute
    )
    return written
