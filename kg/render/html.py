"""The HTML view: one self-contained page (vis-network inlined from pyvis, no CDN) with a legend, filters by type,
predicate and source, a search box, tooltips and a panel that lists every piece of evidence of a claim.

pyvis holds the network (its node and edge option dicts and its copy of vis-network); the page around it is
kg's own, because pyvis's template links Bootstrap from a CDN and pastes menus and headings unescaped
(DESIGN.md, "Rendering"). Article text reaches the page only inside a JSON block in which ``<``, ``>``, ``&`` and
``'`` are escaped, and from there only as DOM text. A Content-Security-Policy runs no script but the page's own
two (by hash), no inline event handler, and fetches nothing.

>>> from kg.model import *
>>> from kg.render.view import Selection, view_of
>>> evil = Entity.named('Eve </script><img src=x onerror="alert(1)">', EntityType.PERSON)
>>> page = render_page(view_of([Claim.quote(evil, "<b>hi</b>")], {}, Selection()))
>>> "<img src=x" in page, "\\\\u003cimg src=x" in page, "https://" in page.split("<script>")[0]
(False, True, False)
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

import pyvis
from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg import __version__
from kg.errors import ConfigError
from kg.network import QUOTE_TYPE
from kg.render.base import Renderer
from kg.render.payload import AUTO, view_payload
from kg.render.style import EDGE_COLORS, STYLES, style_of, vis_options
from kg.render.view import GraphView

__all__ = ["HTML", "HtmlRenderer", "page_network", "render_page"]

#: vis-network as pyvis ships it (pyvis inlines the same file with ``cdn_resources="in_line"``).
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)

#: How much of a quote its node shows; the panel shows all of it.
QUOTE_LABEL = 90

#: The spring length of an edge to a quote: quote boxes are wide, and a shorter edge hides its label under them.
QUOTE_EDGE_LENGTH = 230


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kg.render", "templates"), autoescape=True, keep_trailing_newline=True)


@cache
def _asset(name: str) -> Markup:
    """A script or style sheet to inline; it must not be able to close the element it goes into."""
    source = VIS_JS if name == "vis" else resources.files("kg.render").joinpath(name)
    text = source.read_text("utf-8")
    # A source map is fetched by developer tools; the page has no file beside it to offer.
    text = _SOURCE_MAP.sub("", text)
    if "</script" in text.lower() or "</style" in text.lower():
        raise ConfigError(f"{name} cannot be inlined: it contains a closing tag")
    return Markup(text)  # noqa: S704 - our own files, checked above; never article text


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vis_node(record: dict[str, Any]) -> dict[str, Any]:
    style = style_of(record["type"])
    colors = {"background": style.color, "border": style.border}
    options: dict[str, Any] = {
        "color": {**colors, "highlight": colors, "hover": colors},
        "borderWidth": 4 if record["focus"] else 1.5,
    }
    if record["type"] == QUOTE_TYPE:
        label = f"“{_short(record['label'], QUOTE_LABEL)}”"
        options |= {"widthConstraint": {"maximum": 170}, "margin": 8, "font": {"size": 12, "face": "Georgia, serif"}}
        options["shapeProperties"] = {"borderRadius": 6}
    else:
        label = _short(record["label"], 40)
        options["size"] = round(min(34.0, 10 + 4 * math.sqrt(record["degree"])), 1)
    node: dict[str, Any] = Node(record["id"], style.shape, label, **options).options
    return node


def _curves(links: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Curves that keep apart the claims between the same two nodes, alternating sides."""
    pairs: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for link in links:
        pairs[frozenset((link["source"], link["target"]))].append(link)
    curves: dict[str, dict[str, Any]] = {}
    for group in pairs.values():
        if len(group) < 2:
            continue
        for i, link in enumerate(group, start=1 - len(group) % 2):
            clockwise = (i % 2 == 0) == (link["source"] < link["target"])
            curves[link["id"]] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": 0.2 * ((i + 1) // 2),
            }
    return curves


def _vis_edges(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    curves = _curves(links)
    edges = []
    for link in links:
        n = link["evidence_count"]
        options: dict[str, Any] = {
            "id": link["id"],
            "label": f"{link['label']} ({n})",
            "width": round(min(6.0, 1 + 1.3 * math.log2(max(n, 1))), 2),
            "color": {"color": EDGE_COLORS[link["kind"]], "highlight": "#222222", "hover": "#222222"},
        }
        if link["id"] in curves:
            options["smooth"] = curves[link["id"]]
        if link["kind"] == "quote":
            options["length"] = QUOTE_EDGE_LENGTH
        edges.append(Edge(link["source"], link["target"], directed=True, **options).options)
    return edges


def page_network(payload: dict[str, Any]) -> Network:
    """The pyvis network of a payload (:func:`kg.render.payload.view_payload`), styled by type.

    Option dicts are appended to pyvis's lists directly: its ``add_node``/``add_edge`` scan those lists on
    every call, which takes seconds for a few thousand edges (DESIGN.md, "Rendering").
    """
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes.extend(_vis_node(record) for record in payload["nodes"])
    net.node_ids.extend(record["id"] for record in payload["nodes"])
    net.edges.extend(_vis_edges(payload["links"]))
    net.options = vis_options(len(payload["nodes"]))
    return net


def _types(payload: dict[str, Any]) -> list[dict[str, Any]]:
    present = Counter(record["type"] for record in payload["nodes"])
    omitted = (payload["omitted"] or {}).get("by_type", {})
    order = [*STYLES, *sorted((set(present) | set(omitted)) - set(STYLES))]
    return [{"type": t, "count": present[t], **asdict(style_of(t))} for t in order if t in present or t in omitted]


def _csp(*scripts: str) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; base-uri 'none'; form-action 'none'"
    )


def _title(payload: dict[str, Any]) -> str:
    focus = payload["meta"]["focus"]
    return "kg: " + (", ".join(focus) if focus else "the graph")


def render_page(view: GraphView, lang: str = AUTO) -> str:
    """The HTML page of ``view``, with predicate labels in ``lang`` (``auto``: each claim's article language)."""
    payload = view_payload(view, lang)
    net = page_network(payload)
    vis_nodes, vis_edges, _heading, _height, _width, _options = net.get_network_data()
    data = {
        **payload,
        "types": _types(payload),
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": net.options},
    }
    vis_js, page_js = _asset("vis"), _asset("static/graph.js")
    return (
        _environment()
        .get_template("page.html")
        .render(
            title=_title(payload),
            version=__version__,
            csp=_csp(vis_js, page_js),
            css=_asset("static/graph.css"),
            data=data,
            vis_js=vis_js,
            page_js=page_js,
        )
    )


class HtmlRenderer(Renderer):
    name = "html"
    suffix = ".html"

    def render(self, view: GraphView, output: BinaryIO, lang: str = AUTO) -> None:
        output.write(render_page(view, lang).encode("utf-8"))


HTML = HtmlRenderer()
