"""The HTML page in a real browser (headless Chromium, offline): it loads without the network, draws its
canvas, shows the evidence of an edge on hover and all of it on click, filters and searches, and no script
from article text ever runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.render import browser
from tests.render.conftest import write
from tests.render.graphs import HOSTILE_NAME, HOSTILE_QUOTE, Graph, hostile, nordwerk, synthetic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing())),
]


def render(store: Path, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["viz", "--store", str(store), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pages rendered by `kg viz` from real stores: the lawsuit, hostile text, and a graph over the limit."""
    tmp = tmp_path_factory.mktemp("pages")
    graph, bad = nordwerk(), hostile()
    stores = {
        "nordwerk": write(graph, tmp / "nordwerk"),
        "hostile": write(Graph({**graph.documents, **bad.documents}, graph.claims + bad.claims), tmp / "hostile"),
        "big": write(synthetic(1000), tmp / "big"),
    }
    out = {name: render(store, tmp / f"{name}.html") for name, store in stores.items() if name != "big"}
    out["big"] = render(stores["big"], tmp / "big.html", "--max-nodes", "120")
    return out


class Watched:
    """A page with everything it asked the network for, its script errors and any dialog it opened."""

    def __init__(self, context: Any, page_file: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page = context.new_page()
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(page_file.resolve().as_uri())
        page.wait_for_selector("body[data-kg-state=ready]", timeout=60_000)
        self.page = page

    def link_id(self, predicate: str) -> str:
        return str(self.page.evaluate("(p) => Object.values(window.kg.edges.get()).find(e => "
                                      "JSON.parse(document.getElementById('kg-data').textContent).links"
                                      ".find(l => l.id === e.id).predicate === p).id", predicate))  # fmt: skip

    def node_id(self, label: str) -> str:
        script = "(l) => JSON.parse(document.getElementById('kg-data').textContent).nodes.find(n => n.label === l).id"
        return str(self.page.evaluate(script, label))

    def shown(self) -> tuple[set[str], set[str]]:
        """Labels of the nodes and predicates the network shows now."""
        nodes, predicates = self.page.evaluate("""() => {
            const data = JSON.parse(document.getElementById('kg-data').textContent);
            const links = Object.fromEntries(data.links.map(l => [l.id, l]));
            const labels = Object.fromEntries(data.nodes.map(n => [n.id, n.label]));
            const body = window.kg.network.body.data;
            return [body.nodes.getIds().map(id => labels[id]), body.edges.getIds().map(id => links[id].predicate)];
        }""")  # fmt: skip
        return set(nodes), set(predicates)


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    with browser.browser_context() as opened:
        yield opened


def test_the_page_loads_offline_and_draws_its_canvas(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["nordwerk"])
    assert watched.requests == [pages["nordwerk"].resolve().as_uri()]
    assert watched.errors == []
    inked = watched.page.evaluate("""() => {
        const canvas = document.querySelector('#kg-network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 0; i < pixels.length; i += 4) { if (pixels[i + 3] > 0) { inked += 1; } }
        return inked;
    }""")  # fmt: skip
    assert inked > 2000
    assert len(watched.shown()[0]) == 6


def test_the_tooltip_of_an_edge_holds_its_sentence(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["nordwerk"])
    watched.page.mouse.move(*browser.edge_point(watched.page, watched.link_id("sued")))
    tooltip = watched.page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    assert "Die Nordwerk AG hat den Konkurrenten Südstahl verklagt." in tooltip.inner_text()
    assert "1 of 2 pieces of evidence" in tooltip.inner_text()
    assert tooltip.locator("mark.hl-object").first.inner_text() == "Südstahl"


def test_clicking_an_edge_lists_every_piece_of_its_evidence(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["nordwerk"])
    watched.page.mouse.click(*browser.edge_point(watched.page, watched.link_id("sued")))
    details = watched.page.locator("#kg-details")
    assert details.locator("li.kg-evidence").count() == 2
    text = details.inner_text()
    for expected in ("Die Nordwerk AG hat den Konkurrenten Südstahl verklagt.", "Nordwerk sued its rival Südstahl",
                     "Hafenblatt, 2024-05-02", "Harbour Post", "confidence 0.86", "confidence 0.91",
                     "kg.relations.test@2", "nordwerk.en.txt"):  # fmt: skip
        assert expected in text
    assert details.locator("a.kg-source-title").get_attribute("href") == "https://example.org/nordwerk"


def test_clicking_a_quote_shows_speaker_cue_and_the_quote_highlighted(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["nordwerk"])
    watched.page.mouse.click(*browser.node_point(watched.page, watched.node_id("Wir lassen uns das nicht gefallen")))
    details = watched.page.locator("#kg-details")
    assert details.locator(".kg-claim .kg-subject").inner_text() == "Jana Maier"
    assert details.locator("mark.hl-quote").inner_text() == "Wir lassen uns das nicht gefallen"
    assert details.locator("mark.hl-cue").inner_text() == "sagte"
    assert "Nordwerk verklagt Südstahl" in details.inner_text()


def test_no_script_from_article_text_runs(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["hostile"])
    page = watched.page
    for label in (HOSTILE_QUOTE, HOSTILE_NAME):
        x, y = browser.node_point(page, watched.node_id(label))
        page.mouse.move(x, y)
        page.locator("#kg-tooltip").wait_for(state="visible")
        page.mouse.click(x, y)
    page.fill("#kg-search-input", "Evil")
    page.press("#kg-search-input", "Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.kgPwned") is None
    assert watched.dialogs == [] and watched.errors == []
    assert watched.requests == [pages["hostile"].resolve().as_uri()]
    assert page.locator("img").count() == 0 and page.locator("script").count() == 3
    assert HOSTILE_NAME in page.locator("#kg-details").inner_text()


def test_a_quote_s_hostile_words_show_as_text(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["hostile"])
    watched.page.mouse.click(*browser.node_point(watched.page, watched.node_id(HOSTILE_QUOTE)))
    details = watched.page.locator("#kg-details")
    assert details.locator("mark.hl-quote").inner_text() == HOSTILE_QUOTE
    assert "<script>window.kgPwned='title'</script>" in details.inner_text()
    assert details.locator("a").count() == 0  # a javascript: URL is never made a link
    assert watched.page.evaluate("() => window.kgPwned") is None


def test_filters_hide_types_predicates_and_sources(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["nordwerk"])
    page = watched.page
    page.locator("#kg-types input[value=Quote]").uncheck()
    nodes, predicates = watched.shown()
    assert "said" not in predicates and len(nodes) == 4
    page.locator("#kg-types input[value=Quote]").check()
    page.locator("#kg-predicates input[value=sued]").uncheck()
    assert "sued" not in watched.shown()[1]
    page.locator("#kg-predicates input[value=sued]").check()
    english = page.evaluate("() => Object.entries(JSON.parse(document.getElementById('kg-data').textContent)"
                            ".documents).find(([id, d]) => d.language === 'en')[0]")  # fmt: skip
    page.locator(f"#kg-sources input[value='{english}']").uncheck()
    nodes, predicates = watched.shown()
    assert "sued" in predicates and "owns" not in predicates and "Lumen" not in nodes


def test_the_search_box_focuses_a_node(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["nordwerk"])
    page = watched.page
    page.fill("#kg-search-input", "maier")
    page.press("#kg-search-input", "Enter")
    assert page.evaluate("() => window.kg.network.getSelectedNodes()") == [watched.node_id("Jana Maier")]
    assert page.locator("#kg-details .kg-subject").first.inner_text() == "Jana Maier"
    assert "4 claims" in page.locator("#kg-details").inner_text()
    page.fill("#kg-search-input", "Globex")
    page.press("#kg-search-input", "Enter")
    assert "nothing matches" in page.locator("#kg-search-status").inner_text()


def test_the_page_says_what_the_node_limit_left_out(context: Any, pages: dict[str, Path]) -> None:
    watched = Watched(context, pages["big"])
    note = watched.page.locator("#kg-omitted")
    assert note.is_visible()
    assert "node limit (120)" in note.inner_text() and "Left out: 880 nodes" in note.inner_text()
    assert len(watched.shown()[0]) == 120
