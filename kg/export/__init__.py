"""Exporters: the graph in standard formats, each a component registered under ``kg.exporters``.

>>> from kg.registry import exporters
>>> {"turtle", "graphml", "cypher", "neo4j-csv"} <= set(exporters.names())
True
"""

from __future__ import annotations

from kg.export.base import Exporter, export_to

__all__ = ["Exporter", "export_to"]
