"""The whole graph as a Cypher script (``.cypher``) for ``cypher-shell``, made from any store.

The script creates the constraints and indexes of ``schemas/neo4j.cypher`` and then runs the statements the
Neo4j store runs when it writes, with their rows written out as literals, one statement a line. Every
statement merges, so running the script twice, or into a database that already holds part of the graph, adds
nothing twice. Text goes through :func:`kg.store.cypher.literal`, which escapes it.
"""

from __future__ import annotations

from typing import BinaryIO

from kg import __version__
from kg.export.base import Exporter
from kg.store.base import Store
from kg.store.cypher import inline, schema_statements
from kg.store.neo4j_mapping import chunks, store_rows, utc_now, write_plan

__all__ = ["CYPHER", "CypherScriptExporter"]

#: Rows written into one statement of the script.
ROWS_PER_STATEMENT = 200


class CypherScriptExporter(Exporter):
    name = "cypher"
    suffix = ".cypher"

    def export(self, store: Store, output: BinaryIO) -> None:
        when = utc_now()
        plan = write_plan(store_rows(store, when), when)
        output.write(
            f"// kg {__version__}: the graph as Cypher, written {when}. Run: cypher-shell -d DATABASE -f FILE\n"
            "// Every statement merges: running this twice adds nothing twice.\n".encode()
        )
        for statement in schema_statements():
            output.write(f"{' '.join(statement.split())};\n".encode())
        for step in (*plan.write, *plan.labels, *plan.complete):
            for chunk in chunks(step.items, ROWS_PER_STATEMENT):
                output.write(f"{inline(step.statement, **{step.key: list(chunk)}, **step.params)};\n".encode())


CYPHER = CypherScriptExporter()
