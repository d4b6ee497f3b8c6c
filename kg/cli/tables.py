"""Query answers as a table to read, JSON, or CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil

from kg.store.base import QueryResult

__all__ = ["FORMATS", "render"]

FORMATS = ("table", "json", "csv")
_MIN_WIDTH = 8


def _cell(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def _table(result: QueryResult) -> str:
    if not result.columns:
        return ""
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    room = max(_MIN_WIDTH * len(widths), shutil.get_terminal_size((160, 24)).columns - 2 * len(widths))
    while sum(widths) > room and max(widths) > _MIN_WIDTH:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def line(values: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    out = [line(list(result.columns)), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def render(result: QueryResult, fmt: str) -> str:
    """``result`` as text in ``fmt`` (table, json or csv)."""
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
        return buffer.getvalue().rstrip("\n")
    return _table(result)
