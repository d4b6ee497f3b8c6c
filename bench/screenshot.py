"""A PNG of a graph page as headless Chromium draws it, with the evidence panel of one claim open: how the
screenshot in docs/ is made.

``python bench/screenshot.py graph.html docs/seed-graph.png [--claim-of NAME]``: NAME is an entity whose first
claim is clicked (default: the entity with the most claims).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.render import browser  # noqa: E402


def _claim(page: Any, name: str | None) -> tuple[str, str] | None:
    """The id of the claim to open and the node it starts from."""
    data = json.loads(page.locator("#kg-data").text_content())
    if not data["links"]:
        return None
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    links = [link for link in data["links"] if name is None or labels[link["source"]] == name]
    if not links:
        raise SystemExit(f"no claim of {name!r} in the page")
    link = max(links, key=lambda item: (item["evidence_count"], item["confidence"]))
    return str(link["id"]), str(link["source"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--claim-of", dest="name")
    parser.add_argument("--size", default="1400x820")
    parser.add_argument("--hover", action="store_true", help="keep the tooltip of the claim open too")
    args = parser.parse_args()
    if reason := browser.missing():
        raise SystemExit(reason)
    width, height = (int(n) for n in args.size.split("x"))
    with browser.browser_context(width, height) as context:
        page = browser.open_graph(context, args.page)
        chosen = _claim(page, args.name)
        if chosen is not None:
            x, y = browser.edge_point(page, chosen[0])
            page.mouse.click(x, y)
            page.mouse.move(x, y + 2)
            page.locator("#kg-tooltip").wait_for(state="visible")
            if not args.hover:
                page.mouse.move(1, 1)
                page.locator("#kg-tooltip").wait_for(state="hidden")
        page.screenshot(path=str(args.png))
    print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
