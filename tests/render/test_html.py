"""The HTML page as a file: self-contained, nothing fetched from anywhere, article text only inside the escaped
data block, and only the page's own scripts allowed to run."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from kg.render.html import render_page
from kg.render.payload import view_payload
from kg.render.view import Selection, view_of
from tests.render.graphs import HOSTILE_NAME, HOSTILE_QUOTE, Graph, hostile, nordwerk


class Page(HTMLParser):
    """The elements of a page, with their attributes, and the text inside each script element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))
            self._in_script = None


@pytest.fixture(scope="module")
def hostile_page() -> str:
    graph, bad = nordwerk(), hostile()
    view = view_of(graph.claims + bad.claims, {**graph.documents, **bad.documents}, Selection())
    return render_page(view)


def data_of(page: Page) -> Any:
    [(_attrs, text)] = [(a, t) for a, t in page.scripts if a.get("type") == "application/json"]
    return json.loads(text)


def test_the_page_loads_nothing_from_anywhere(hostile_page: str) -> None:
    page = Page(hostile_page)
    assert not [t for t, a in page.tags if t == "link" or (t in ("script", "img", "iframe") and a.get("src"))]
    assert "cdn" not in hostile_page.lower() and "bootstrap" not in hostile_page.lower()


def test_vis_network_and_the_page_script_are_inlined(hostile_page: str) -> None:
    code = [text for attrs, text in Page(hostile_page).scripts if "type" not in attrs]
    assert len(code) == 2
    assert "vis-network" in code[0] and "@version 9.1.2" in code[0]
    assert "kg-data" in code[1]


def test_only_the_page_s_own_scripts_may_run(hostile_page: str) -> None:
    page = Page(hostile_page)
    [csp] = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None and "default-src 'none'" in csp and "unsafe-inline' " not in csp.split("style-src")[0]
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    code = [text for attrs, text in page.scripts if "type" not in attrs]
    assert allowed == {base64.b64encode(hashlib.sha256(c.encode()).digest()).decode() for c in code}


def test_article_text_never_appears_as_markup(hostile_page: str) -> None:
    page = Page(hostile_page)
    assert [t for t, _a in page.tags].count("script") == 3
    assert hostile_page.count("</script>") == 3
    assert not [t for t, _a in page.tags if t in ("img", "b")] and "<img" not in hostile_page
    assert HOSTILE_NAME not in hostile_page and HOSTILE_QUOTE not in hostile_page


def test_the_data_block_gives_back_every_string_intact(hostile_page: str) -> None:
    data = data_of(Page(hostile_page))
    assert HOSTILE_NAME in {n["label"] for n in data["nodes"]}
    assert HOSTILE_QUOTE in {link["content"] for link in data["links"]}
    assert "javascript:window.kgPwned='url'" in {d["url"] for d in data["documents"].values()}


def test_the_page_carries_the_view_its_styles_and_the_network_options() -> None:
    graph = nordwerk()
    view = view_of(graph.claims, graph.documents, Selection())
    data = data_of(Page(render_page(view, lang="de")))
    expected = view_payload(view, "de")
    assert data["links"] == expected["links"] and data["nodes"] == expected["nodes"]
    assert {t["type"] for t in data["types"]} == {"Person", "Organization", "Platform", "Quote"}
    edges = {e["id"]: e for e in data["vis"]["edges"]}
    sued = next(link for link in expected["links"] if link["predicate"] == "sued")
    assert edges[sued["id"]]["label"] == "verklagte (2)"
    assert data["vis"]["options"]["physics"]["stabilization"]["enabled"]


def test_claims_between_the_same_two_nodes_curve_apart() -> None:
    graph = nordwerk()
    data = data_of(Page(render_page(view_of(graph.claims, graph.documents, Selection()))))
    nodes = {n["id"]: n["label"] for n in data["nodes"]}
    between = [e for e in data["vis"]["edges"] if {nodes[e["from"]], nodes[e["to"]]} == {"Jana Maier", "Nordwerk"}]
    assert len(between) == 2
    assert {e["smooth"]["type"] for e in between} == {"curvedCW", "curvedCCW"}


def test_an_empty_graph_is_a_page_that_says_so() -> None:
    html = render_page(view_of(Graph().claims, {}, Selection()))
    assert data_of(Page(html))["meta"]["nodes"] == 0
