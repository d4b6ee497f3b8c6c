"""A real Bolt + Cypher server for the tests and the benchmark: ArcadeDB from the ``arcadedb-embedded`` wheel
(Apache-2.0, with its own Java runtime), in a process of its own, on 127.0.0.1 and free ports.

The server has a root password of 16 random characters, given to its process in the environment (never on a
command line), and one named database created at start. It counts as up only once the database has answered a
first query through the ``neo4j`` driver. Leaving the context stops it.

Run as a script, this file is that process: ``python tests/arcadedb.py ROOT BOLT_PORT HTTP_PORT HTTPS_PORT
DATABASE`` with ``$KG_ARCADEDB_PASSWORD`` set.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["BoltServer", "arcadedb", "free_ports"]

#: How long a server may take to answer its first query (two shared cores: the JVM can be slow to start).
START_TIMEOUT = 240.0
_PASSWORD_VAR = "KG_ARCADEDB_PASSWORD"


@dataclass(frozen=True)
class BoltServer:
    """Where a Bolt server listens and how to log in; ``repr`` leaves the password out."""

    uri: str
    user: str
    database: str
    password: str = field(repr=False)

    def options(self) -> dict[str, str]:
        """The options :func:`kg.store.open_store` takes to reach this server."""
        return {"user": self.user, "password": self.password, "database": self.database}

    def run(self, statement: str, **params: object) -> list[dict[str, Any]]:
        """Run one statement as it is, outside kg (to look at or prepare the database under test)."""
        import neo4j

        # A session's own statement: no retries (a server that is not up yet fails at once), and no transaction
        # around it, as cypher-shell runs a script.
        with (
            neo4j.GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as driver,
            driver.session(database=self.database) as session,
        ):
            return [r.data() for r in session.run(statement, params)]

    def snapshot(self, ignore: frozenset[str] = frozenset()) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The whole graph as sorted lists of nodes (labels, properties) and relationships (type, start id,
        end id, properties), without the properties named in ``ignore``."""

        def props(values: dict[str, Any]) -> tuple[Any, ...]:
            kept = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items() if k not in ignore}
            return tuple(sorted(kept.items()))

        nodes = self.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        links = self.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props")
        return (
            sorted((tuple(sorted(n["labels"])), props(n["props"])) for n in nodes),
            sorted((r["type"], r["a"], r["b"], props(r["props"])) for r in links),
        )

    def clear(self) -> None:
        """Remove every node and relationship (constraints and indexes stay)."""
        self.run("MATCH (n) DETACH DELETE n")


def free_ports(count: int) -> list[int]:
    """Ports on 127.0.0.1 that nothing listens on (held open together, so that they differ)."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]


def _answers(server: BoltServer) -> bool:
    import neo4j

    try:
        return server.run("RETURN 1 AS ready") == [{"ready": 1}]
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError):
        return False


def _wait_until_ready(server: BoltServer, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _answers(server):
        if process.poll() is not None:
            raise RuntimeError(f"ArcadeDB stopped at start (exit {process.returncode}):\n{_tail(log)}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"ArcadeDB did not answer within {timeout:.0f} s:\n{_tail(log)}")
        time.sleep(0.5)


def _tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text("utf-8", "replace").splitlines()[-lines:]) if log.exists() else "(no log)"


@contextmanager
def arcadedb(workdir: Path, database: str = "kg", timeout: float = START_TIMEOUT) -> Iterator[BoltServer]:
    """Start an ArcadeDB server with Bolt in ``workdir``; stop it on leaving the context."""
    bolt, http, https = free_ports(3)
    server = BoltServer(f"bolt://127.0.0.1:{bolt}", "root", database, secrets.token_urlsafe(12))
    log = workdir / "arcadedb.log"
    command = [sys.executable, str(Path(__file__).resolve()), str(workdir / "root"), *map(str, (bolt, http, https))]
    env = {**os.environ, _PASSWORD_VAR: server.password}
    with open(log, "wb") as out:
        process = subprocess.Popen([*command, database], cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_ready(server, process, log, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _serve(root: str, bolt: int, http: int, https: int, database: str) -> None:
    """The server process: start ArcadeDB, create the database, and run until SIGTERM or SIGINT."""
    from arcadedb_embedded.server import ArcadeDBServer

    config = {
        "host": "127.0.0.1",
        "http_port": http,
        "server_httpsIncomingPort": https,
        "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "bolt_port": bolt,
    }
    server = ArcadeDBServer(root, os.environ[_PASSWORD_VAR], config, jvm_kwargs={"heap_size": "1g"})
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda _signum, _frame: stop.set())
    server.start()
    try:
        server.create_database(database)
        print(f"ArcadeDB: database {database!r}, Bolt on 127.0.0.1:{bolt}", flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()


if __name__ == "__main__":
    root_dir, bolt_port, http_port, https_port, name = sys.argv[1:6]
    _serve(root_dir, int(bolt_port), int(http_port), int(https_port), name)
