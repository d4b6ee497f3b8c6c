"""GraphML for Gephi, Cytoscape and yEd: the network view of :mod:`kg.network`."""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from kg.export.base import Exporter
from kg.network import build_network
from kg.store.base import Store

__all__ = ["GRAPHML", "GraphMLExporter"]


class GraphMLExporter(Exporter):
    name = "graphml"
    suffix = ".graphml"

    def export(self, store: Store, output: BinaryIO) -> None:
        nx.write_graphml(build_network(store.claims()), output, encoding="utf-8", named_key_ids=True)


GRAPHML = GraphMLExporter()
