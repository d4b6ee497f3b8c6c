"""GraphML for Gephi, Cytoscape and yEd: the network view of :mod:`kg.network`.

GraphML is XML 1.0, which cannot hold most control characters at all (not even escaped); an article that
contains one (a stray ESC or NUL from a scraped page) gets U+FFFD in its place in this format only.

>>> xml_safe("bell\\x07 tab\\t")
'bell\\ufffd tab\\t'
"""

from __future__ import annotations

import re
from typing import BinaryIO

import networkx as nx

from kg.export.base import Exporter
from kg.network import build_network
from kg.store.base import Store

__all__ = ["GRAPHML", "GraphMLExporter", "xml_safe"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: object) -> object:
    """A string with the characters XML 1.0 cannot hold replaced by U+FFFD; any other value as it is."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


class GraphMLExporter(Exporter):
    name = "graphml"
    suffix = ".graphml"

    def export(self, store: Store, output: BinaryIO) -> None:
        graph = build_network(store.claims())
        for _node, data in graph.nodes(data=True):
            data.update({k: xml_safe(v) for k, v in data.items()})
        for _u, _v, data in graph.edges(data=True):
            data.update({k: xml_safe(v) for k, v in data.items()})
        nx.write_graphml(graph, output, encoding="utf-8", named_key_ids=True)


GRAPHML = GraphMLExporter()
