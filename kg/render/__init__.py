"""Views of the graph: part of it chosen by focus, depth or a query, held to a node limit, and drawn as an
interactive HTML page or written as GraphML or JSON by the renderers registered under ``kg.renderers``.

>>> from kg.model import Claim, Entity, EntityType
>>> claim = Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "sued",
...                        Entity.named("Globex", EntityType.ORGANIZATION))
>>> view = view_of([claim], {}, Selection(focus=("Globex",)))
>>> sorted(view.graph.nodes[n]["label"] for n in view.graph)
['Acme', 'Globex']
"""

from __future__ import annotations

from kg.render.base import Renderer, render_to, renderer_named
from kg.render.view import DEFAULT_MAX_NODES, GraphView, Selection, build_view, view_of

__all__ = [
    "DEFAULT_MAX_NODES",
    "GraphView",
    "Renderer",
    "Selection",
    "build_view",
    "render_to",
    "renderer_named",
    "view_of",
]
