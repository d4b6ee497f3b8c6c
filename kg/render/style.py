"""How a view looks: colour and shape per entity type and for quotes, edge colours, and the vis-network options
(physics tuned to settle in a second or two, then switched off so the picture holds still).

>>> style_of("Person").shape, style_of("Quote").name, style_of("SomethingNew").name
('dot', 'quote', 'other')
>>> [vis_options(n)["physics"]["stabilization"]["iterations"] for n in (50, 1000, 5000)]
[400, 80, 80]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.model import EntityType
from kg.network import QUOTE_TYPE

__all__ = ["EDGE_COLORS", "STYLES", "NodeStyle", "style_of", "vis_options"]


@dataclass(frozen=True)
class NodeStyle:
    """The legend name (and its plural), fill and border colour, and vis-network shape of one type of node."""

    name: str
    plural: str
    color: str
    border: str
    shape: str


#: One style per node type; colours from a palette that stays distinct for colour-blind readers.
STYLES: dict[str, NodeStyle] = {
    EntityType.PERSON.value: NodeStyle("person", "people", "#4e79a7", "#2e4a6b", "dot"),
    EntityType.ORGANIZATION.value: NodeStyle("organisation", "organisations", "#f28e2b", "#a85d12", "square"),
    EntityType.PRODUCT.value: NodeStyle("product", "products", "#59a14f", "#356530", "diamond"),
    EntityType.PLATFORM.value: NodeStyle("platform", "platforms", "#b07aa1", "#714d67", "hexagon"),
    EntityType.PLACE.value: NodeStyle("place", "places", "#76b7b2", "#447470", "triangle"),
    EntityType.UNNAMED_GROUP.value: NodeStyle(
        "unnamed source", "unnamed sources", "#bab0ac", "#6b625e", "triangleDown"
    ),
    EntityType.THING.value: NodeStyle("other", "others", "#d7d7d7", "#858585", "dot"),
    QUOTE_TYPE: NodeStyle("quote", "quotes", "#fff5cc", "#c99a06", "box"),
}

#: Edge colours: a speech act (said, wrote, ...) and a relation (sued, owns, ...).
EDGE_COLORS = {"quote": "#c99a06", "relation": "#5b6573"}

#: Above this many nodes vis-network's initial layout (Kamada-Kawai on clusters) costs more than it helps.
IMPROVED_LAYOUT_MAX = 150


def style_of(node_type: str) -> NodeStyle:
    """The style of ``node_type``; a type this version does not know is drawn as "other"."""
    return STYLES.get(node_type, STYLES[EntityType.THING.value])


def _iterations(nodes: int) -> int:
    # Each iteration costs about O(n log n): fewer of them for big graphs keeps the settling time bounded.
    return max(80, min(400, 60_000 // max(nodes, 1)))


def vis_options(nodes: int) -> dict[str, Any]:
    """vis-network options for a graph of ``nodes`` nodes."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": nodes <= IMPROVED_LAYOUT_MAX},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -120,
                "centralGravity": 0.012,
                "springLength": 120,
                "springConstant": 0.07,
                "damping": 0.55,
                "avoidOverlap": 0.6,
            },
            "maxVelocity": 60,
            "minVelocity": 1.5,
            "timestep": 0.45,
            "stabilization": {"enabled": True, "iterations": _iterations(nodes), "updateInterval": 10, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": nodes > 500, "navigationButtons": False},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "font": {"size": 11, "align": "horizontal", "color": "#3b3b3b", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "nodes": {
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
        },
    }
