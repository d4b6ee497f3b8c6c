"""Headless Chromium through Playwright, as the browser tests, the benchmark and the docs screenshot use it.

Debian's ``/usr/bin/chromium`` (no browser download), with the flags that work on the project's machines, a
fresh profile per launch, and the network switched off: a page that needs anything from outside fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing() -> str | None:
    """Why a browser cannot run here, or None if it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python Playwright is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set KG_CHROMIUM)"
    return None


@contextmanager
def browser_context(width: int = 1400, height: int = 900) -> Iterator[Any]:
    """A fresh, offline browser context of the given window size."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            offline=True,
            viewport={"width": width, "height": height},
        )
        try:
            yield context
        finally:
            context.close()


def open_graph(context: Any, page_file: Path, timeout: float = 60_000) -> Any:
    """Open a graph page and wait until its layout has settled (``data-kg-state="ready"``)."""
    page = context.new_page()
    page.goto(page_file.resolve().as_uri())
    page.wait_for_selector("body[data-kg-state=ready]", timeout=timeout)
    return page


def edge_point(page: Any, edge_id: str) -> tuple[float, float]:
    """Where on the page the middle of an edge is drawn (vis-network's own geometry of the edge)."""
    point = page.evaluate(
        """(id) => {
            const net = window.kg.network;
            const mid = net.body.edges[id].edgeType.getPoint(0.5);
            const dom = net.canvasToDOM(mid);
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        edge_id,
    )
    return float(point[0]), float(point[1])


def node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Where on the page the centre of a node is drawn."""
    point = page.evaluate(
        """(id) => {
            const net = window.kg.network;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById("kg-network").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        node_id,
    )
    return float(point[0]), float(point[1])
