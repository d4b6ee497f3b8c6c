"""Extraction as a Dask map on a real local cluster (two worker processes), then `kg load` of the bundles it
wrote: the same graph as `kg ingest` of the same article files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.api import ingest, load
from kg.ingest import read_documents
from tests.conftest import Triples

distributed = pytest.importorskip("distributed", reason="Dask is optional: pip install 'kg[distributed]'")


@pytest.fixture
def dataset(articles: Path, tmp_path: Path) -> Path:
    """The fixture articles as three JSON Lines files (three partitions), with a blank and a broken line."""
    folder = tmp_path / "dataset"
    folder.mkdir()
    texts = [json.dumps({"text": doc.text, "language": doc.language}) for doc in read_documents([articles])]
    texts[1:1] = ["", "{broken"]
    for part in range(3):
        (folder / f"part-{part}.jsonl").write_text("\n".join(texts[part::3]) + "\n", "utf-8")
    return folder


@pytest.mark.slow
def test_a_dask_map_then_a_bulk_load_stores_what_ingest_stores(
    dataset: Path, tmp_path: Path, stored_graph: Callable[[Path], Triples]
) -> None:
    from kg.distributed import extract_to_bundles

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        written = extract_to_bundles(str(dataset / "*.jsonl"), str(tmp_path / "bundles"))
    assert len(written) == 3
    loaded = load([tmp_path / "bundles"], store=tmp_path / "loaded")
    ingested = ingest(sorted(dataset.glob("*.jsonl")), store=tmp_path / "ingested")
    assert loaded.new == ingested.new == 5
    assert [f.message for f in loaded.failed] == [f.message for f in ingested.failed]  # the broken line
    assert len(loaded.failed) == 1
    assert stored_graph(tmp_path / "loaded") == stored_graph(tmp_path / "ingested")
