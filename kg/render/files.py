"""A view as files for other tools: GraphML for Gephi and Cytoscape, node-link JSON for D3.

Both hold the same selection as the HTML page, with predicate labels in the chosen language. GraphML keeps
scalar attributes (the first piece of evidence of each claim, and counts); the JSON keeps every piece.

>>> import io
>>> from kg.model import *
>>> from kg.render.view import Selection, view_of
>>> claim = Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "owns",
...                        Entity.named("Globex", EntityType.ORGANIZATION))
>>> out = io.BytesIO()
>>> JSON.render(view_of([claim], {}, Selection()), out, lang="de")
>>> json.loads(out.getvalue())["links"][0]["label"]
'besitzt'
"""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from kg.render.base import Renderer
from kg.render.payload import AUTO, claim_language, predicate_label, view_payload
from kg.render.view import GraphView

__all__ = ["GRAPHML", "JSON", "GraphMLRenderer", "JsonRenderer"]


class GraphMLRenderer(Renderer):
    name = "graphml"
    suffix = ".graphml"

    def render(self, view: GraphView, output: BinaryIO, lang: str = AUTO) -> None:
        graph = view.graph.copy()
        for _u, _v, key, data in graph.edges(keys=True, data=True):
            claim = view.claims[key]
            data["label"] = predicate_label(claim.predicate, claim_language(claim, view.documents, lang))
        if view.omitted is not None:
            graph.graph["omitted_nodes"] = view.omitted.nodes
            graph.graph["omitted_edges"] = view.omitted.edges
        nx.write_graphml(graph, output, encoding="utf-8", named_key_ids=True)


class JsonRenderer(Renderer):
    """Node-link JSON: ``nodes`` and ``links`` (``source``, ``target``) as D3's force layout reads them."""

    name = "json"
    suffix = ".json"

    def render(self, view: GraphView, output: BinaryIO, lang: str = AUTO) -> None:
        text = json.dumps(view_payload(view, lang), ensure_ascii=False, indent=1)
        output.write(text.encode("utf-8") + b"\n")


GRAPHML = GraphMLRenderer()
JSON = JsonRenderer()
