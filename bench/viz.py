"""How big graphs fare in ``kg viz``: time to choose and render a view from a store, the page's size, and the
time headless Chromium takes to load the page and settle its layout.

Run from the repository root: ``python bench/viz.py [--nodes 5000] [--caps 300,1000,2000,5000] [--no-browser]``.
The graph is synthetic (tests/render/graphs.py: people, companies, quotes), written through the store API.
"""

from __future__ import annotations

import argparse
import io
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


def render(store: Path, cap: int, page: Path) -> tuple[float, float, int]:
    """Seconds to build the view, seconds to render it, and the page's size in bytes."""
    started = time.perf_counter()
    with open_store(store, readonly=True) as opened:
        view = build_view(opened, Selection(max_nodes=cap))
    built = time.perf_counter()
    out = io.BytesIO()
    render_to(view, "html", out)
    page.write_bytes(out.getvalue())
    return built - started, time.perf_counter() - built, len(out.getvalue())


def settle(context: object, page: Path) -> float:
    """Seconds from opening the page to a settled layout (``data-kg-state="ready"``)."""
    started = time.perf_counter()
    browser.open_graph(context, page, timeout=900_000).close()  # type: ignore[attr-defined]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--caps", default="300,1000,2000,5000")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    caps = [int(c) for c in args.caps.split(",")]
    use_browser = not args.no_browser and browser.missing() is None
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store = write(synthetic(args.nodes), Path(tmp, "store"))
        print(f"store of {args.nodes:,} nodes written in {time.perf_counter() - started:.1f} s")
        print(f"{'max-nodes':>9}  {'view s':>7}  {'render s':>8}  {'page KiB':>8}  {'settle s':>8}")
        rows = [(cap, Path(tmp, f"page-{cap}.html")) for cap in caps]
        timings = [(cap, page, *render(store, cap, page)) for cap, page in rows]
        context_manager = browser.browser_context() if use_browser else None
        context = context_manager.__enter__() if context_manager else None
        try:
            for cap, page, view_s, render_s, size in timings:
                settled = f"{settle(context, page):8.1f}" if context else f"{'-':>8}"
                print(f"{cap:>9,}  {view_s:7.2f}  {render_s:8.2f}  {size / 1024:8.0f}  {settled}", flush=True)
        finally:
            if context_manager:
                context_manager.__exit__(None, None, None)


if __name__ == "__main__":
    main()
