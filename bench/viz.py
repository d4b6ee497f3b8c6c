"""How big graphs fare in ``kg viz``: time to choose and render a view from a store, the page's size, and the
time headless Chromium takes to load the page and settle its layout.

Run from the repository root: ``python bench/viz.py [--nodes 5000] [--caps 300,1000,2000,5000] [--no-browser]
[--focus NAME --depth N] [--json]``. The graph is synthetic (tests/render/graphs.py: people, companies, quotes),
written through the store API. With ``--focus`` the views are focus views (``kg viz --focus NAME --depth N``);
with ``--json`` the last line is one JSON object of the figures (as ``bench/run.py`` reads them).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.render import Selection, build_view, render_to  # noqa: E402
from kg.store import open_store  # noqa: E402
from tests.render import browser  # noqa: E402
from tests.render.conftest import write  # noqa: E402
from tests.render.graphs import synthetic  # noqa: E402


def render(store: Path, selection: Selection, page: Path) -> tuple[float, float, int, int]:
    """Seconds to build the view, seconds to render it, the page's size in bytes and the nodes it shows."""
    started = time.perf_counter()
    with open_store(store, readonly=True) as opened:
        view = build_view(opened, selection)
    built = time.perf_counter()
    out = io.BytesIO()
    render_to(view, "html", out)
    page.write_bytes(out.getvalue())
    return built - started, time.perf_counter() - built, len(out.getvalue()), view.graph.number_of_nodes()


def settle(context: object, page: Path) -> float:
    """Seconds from opening the page to a settled layout (``data-kg-state="ready"``)."""
    started = time.perf_counter()
    browser.open_graph(context, page, timeout=900_000).close()  # type: ignore[attr-defined]
    return time.perf_counter() - started


Timing = tuple[int, Path, float, float, int, int]  # cap, page, view s, render s, page bytes, nodes shown


def report(timings: list[Timing], use_browser: bool) -> list[dict[str, object]]:
    """Print a row per view (with the browser's settle time if ``use_browser``) and return them as figures."""
    figures: list[dict[str, object]] = []
    context_manager = browser.browser_context() if use_browser else None
    context = context_manager.__enter__() if context_manager else None
    try:
        for cap, page, view_s, render_s, size, shown in timings:
            settle_s = settle(context, page) if context else None
            settled = f"{'-':>8}" if settle_s is None else f"{settle_s:8.1f}"
            print(f"{cap:>9,}  {shown:>6,}  {view_s:7.2f}  {render_s:8.2f}  {size / 1024:8.0f}  {settled}", flush=True)
            milliseconds = {"view_ms": round(view_s * 1000), "render_ms": round(render_s * 1000)}
            page_kib = round(size / 1024)
            settled_s = None if settle_s is None else round(settle_s, 1)
            figures.append(
                {"max_nodes": cap, "nodes": shown, **milliseconds, "page_kib": page_kib, "settle_s": settled_s}
            )
    finally:
        if context_manager:
            context_manager.__exit__(None, None, None)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--caps", default="300,1000,2000,5000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--focus", help="the entity (name) each view is centred on")
    parser.add_argument("--depth", type=int, help="claims away from the focus (with --focus)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = parser.parse_args()
    caps = [int(c) for c in args.caps.split(",")]
    focus = (args.focus,) if args.focus else ()
    use_browser = not args.no_browser and browser.missing() is None
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store = write(synthetic(args.nodes), Path(tmp, "store"))
        print(f"store of {args.nodes:,} nodes written in {time.perf_counter() - started:.1f} s")
        print(f"{'max-nodes':>9}  {'shown':>6}  {'view s':>7}  {'render s':>8}  {'page KiB':>8}  {'settle s':>8}")
        rows = [(cap, Path(tmp, f"page-{cap}.html")) for cap in caps]
        timings = [(cap, page, *render(store, Selection(focus, args.depth, max_nodes=cap), page)) for cap, page in rows]
        figures = report(timings, use_browser)
    if args.json:
        print(json.dumps({"graph_nodes": args.nodes, "focus": args.focus, "depth": args.depth, "views": figures}))


if __name__ == "__main__":
    main()
