"""`bench/load_variants.py`: every way of handing the bulk loader the prepared lines stores the same graph,
the graph ``Store.write_many`` stores for the same claims."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.load_variants import VARIANTS, parts, prepare
from bench.synthetic import batches
from kg.store import open_store

CLAIMS = 400


def _graph(store: ox.Store) -> set[str]:
    text = store.dump(format=ox.RdfFormat.N_QUADS).decode()
    # Times of ingestion differ from one run to the next; everything else must not.
    return set(re.sub(r'"[0-9T:-]+Z"', '"T"', text).splitlines())


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    path = tmp_path_factory.mktemp("written") / "store"
    with open_store(str(path)) as store:
        store.write_many(batches(CLAIMS, batch_claims=100))
    return _graph(ox.Store.read_only(str(path)))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_stores_what_the_store_writes(variant: str, written: set[str], tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    VARIANTS[variant](store, prepare(CLAIMS, batch=100), 1000)
    assert _graph(store) == written


def test_parts_keep_multi_line_items_whole_and_never_exceed_the_size() -> None:
    items = ["a\nb\nc", "d", "e\nf", "g"]
    assert list(parts(items, 3)) == [["a\nb\nc"], ["d", "e\nf"], ["g"]]
    assert list(parts(items, 100)) == [items]
