"""The Neo4j store: kg's graph in Neo4j 5 (or another server that speaks Bolt and Cypher), through the official
``neo4j`` driver.

The graph is the one the RDF store holds, as a property graph (see ``schemas/neo4j.cypher``): documents,
entities, claims and evidence as nodes, and one direct relationship per fact, ``(:Person)-[:SUED]->(:Organization)``
or ``(:Person)-[:SAID]->(:Claim)``, that carries its claim's id; and resolutions (merges, splits, ambiguities)
as nodes linked to their entities. Every statement is in :mod:`kg.store.cypher`.

Writes are batches of ``UNWIND $rows AS row MERGE ...`` in one managed transaction per call (the driver retries
it on transient errors; every statement is idempotent), then the label changes that must run on their own (see
:mod:`kg.store.cypher`), then a last transaction that marks the documents complete, as the RDF store does: a
document without the mark was interrupted, is not read back, and is written again by the next ingest. The
constraints and indexes of ``schemas/neo4j.cypher`` are created before the first write.

The connection: ``bolt://``, ``neo4j://`` (and their ``+s``/``+ssc`` forms) URIs; user, password and database
from options, else ``$KG_NEO4J_USER`` (default ``neo4j``), ``$KG_NEO4J_PASSWORD`` and ``$KG_NEO4J_DATABASE``
(default ``neo4j``). The password is held by the driver alone: it is in no message, repr or log line.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

import neo4j
import neo4j.exceptions as nx

from kg import __version__
from kg.errors import ConfigError, KGError, QueryError, StoreError
from kg.model import Claim, Document, Entity, Resolution
from kg.store import cypher
from kg.store.base import ClaimFilter, QueryResult, RetractResult, Stats, Store, WriteResult
from kg.store.neo4j_mapping import Step, WritePlan, chunks, graph_rows, utc_now, write_plan
from kg.store.neo4j_reading import claims_from_records, entity_from_record, plain, resolution_from_record
from kg.store.rdf_reading import document_from_row

__all__ = ["Connection", "Neo4jStore"]

#: Rows sent with one statement; a write of more rows sends several statements in the same transaction.
ROWS_PER_STATEMENT = 1000

T = TypeVar("T")


@dataclass(frozen=True)
class Connection:
    """Where the graph is and as whom to reach it; ``repr`` leaves the password out."""

    uri: str
    user: str = "neo4j"
    database: str = "neo4j"
    password: str | None = field(default=None, repr=False)

    @classmethod
    def resolve(cls, location: str, options: Mapping[str, Any], env: Mapping[str, str]) -> Connection:
        """The connection for ``location``: options first, then a user named in the URI, then the environment.

        >>> c = Connection.resolve("bolt://alice@db:7687", {"database": "news"}, {"KG_NEO4J_PASSWORD": "s3cret!x"})
        >>> c
        Connection(uri='bolt://db:7687', user='alice', database='news')
        """
        parts = urlsplit(location)
        if parts.password is not None:
            raise ConfigError("give the Neo4j password as --neo4j-password or $KG_NEO4J_PASSWORD, not in the URI")
        return cls(
            uri=parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl(),
            user=str(options.get("user") or parts.username or env.get("KG_NEO4J_USER") or "neo4j"),
            database=str(options.get("database") or env.get("KG_NEO4J_DATABASE") or "neo4j"),
            password=_text(options.get("password")) or env.get("KG_NEO4J_PASSWORD") or None,
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _one_line(message: object) -> str:
    return " ".join(str(message).split())


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    return chunks(items, ROWS_PER_STATEMENT)


class Neo4jStore(Store):
    """kg's graph in a Neo4j database, reached over Bolt."""

    schemes = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
    query_languages = frozenset({"cypher"})

    def __init__(self, connection: Connection, *, readonly: bool = False, wait: float = 0.0) -> None:
        self.connection = connection
        self.readonly = readonly
        self._schema_ready = False
        auth = (connection.user, connection.password) if connection.password is not None else None
        with self._errors():
            self._driver = neo4j.GraphDatabase.driver(
                connection.uri, auth=auth, user_agent=f"kg/{__version__}", notifications_min_severity="OFF"
            )
        try:
            self._connect(wait)
        except BaseException:
            self._driver.close()
            raise

    @classmethod
    def open(cls, location: str, *, readonly: bool = False, wait: float = 0.0, **options: Any) -> Neo4jStore:
        return cls(Connection.resolve(location, options, os.environ), readonly=readonly, wait=wait)

    def close(self) -> None:
        self._driver.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.connection!r}, readonly={self.readonly})"

    # -- connection --------------------------------------------------------------------------------------

    @contextmanager
    def _errors(self, query: bool = False) -> Iterator[None]:
        """Driver errors as kg errors; with ``query``, a fault in the statement is the query's, not the store's."""
        where = f"Neo4j at {self.connection.uri}, database {self.connection.database!r}"
        try:
            yield
        except KGError:
            raise
        except nx.AuthError:
            raise StoreError(
                f"{where}: authentication failed for user {self.connection.user!r} "
                "(set --neo4j-user/--neo4j-password or $KG_NEO4J_USER/$KG_NEO4J_PASSWORD)"
            ) from None
        except (nx.ServiceUnavailable, nx.SessionExpired) as exc:
            raise StoreError(f"cannot reach {where}: {_one_line(exc)}") from None
        except nx.ConfigurationError as exc:
            raise ConfigError(f"{self.connection.uri}: {_one_line(exc)}") from None
        except nx.Neo4jError as exc:
            code = exc.code or ""
            if code.endswith("DatabaseNotFound"):
                raise StoreError(f"{where}: no such database (choose one with --neo4j-database)") from None
            if query and code.startswith("Neo.ClientError.Statement"):
                raise QueryError(f"Cypher: {_one_line(exc.message or code)}") from None
            raise StoreError(f"{where}: {_one_line(exc.message or code)}") from None
        except nx.DriverError as exc:
            raise StoreError(f"{where}: {_one_line(exc)}") from None

    def _connect(self, wait: float) -> None:
        """Wait up to ``wait`` seconds for the server to answer, then ask the database a first question."""
        deadline = time.monotonic() + wait
        with self._errors():
            while True:
                try:
                    self._driver.verify_connectivity()
                    break
                except nx.ServiceUnavailable:
                    if time.monotonic() >= deadline:
                        raise
                    time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
        self._records(cypher.READY)

    def _session(self, write: bool = False) -> neo4j.Session:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.connection.database, default_access_mode=mode)

    def _read(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with self._errors(), self._session() as session:
            return session.execute_read(work)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        if self.readonly:
            raise StoreError("the store was opened read-only")
        self._ensure_schema()
        with self._errors(), self._session(write=True) as session:
            return session.execute_write(work)

    def _records(self, statement: str, **params: Any) -> list[dict[str, Any]]:
        return self._read(lambda tx: [r.data() for r in tx.run(statement, params)])

    def _ensure_schema(self) -> None:
        """Constraints and indexes, each in a transaction of its own, as Neo4j wants schema changes."""
        if self._schema_ready:
            return
        with self._errors(), self._session(write=True) as session:
            for statement in cypher.schema_statements():
                session.run(statement).consume()
        self._schema_ready = True

    # -- writing -----------------------------------------------------------------------------------------

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        return {r["id"] for chunk in _chunks(wanted) for r in self._records(cypher.KNOWN_DOCUMENTS, ids=chunk)}

    def write(self, documents: Sequence[Document], claims: Sequence[Claim]) -> WriteResult:
        # A document already stored completely is not written again: a later run's time stamps stay out.
        done = self.known_documents(d.id for d in documents)
        fresh = list({d.id: d for d in documents if d.id not in done}.values())
        when = utc_now()
        result = self._apply(write_plan(graph_rows(fresh, claims, when), when))
        result.documents = len(fresh)
        return result

    def _apply(
        self, plan: WritePlan, work: Callable[[neo4j.ManagedTransaction], WriteResult] | None = None
    ) -> WriteResult:
        """Run ``plan``: its write part (or ``work``, which runs it) in one transaction, then its label changes,
        then its completion marks."""
        result = self._write(work or (lambda tx: _run_steps(tx.run, plan.write)))
        with self._errors(), self._session(write=True) as session:
            _run_steps(session.run, plan.labels)
        self._write(lambda tx: _run_steps(tx.run, plan.complete))
        return result

    def retract(self, document_ids: Sequence[str]) -> RetractResult:
        ids = sorted(set(document_ids))
        if not ids:
            return RetractResult()
        return self._write(lambda tx: _retract(tx, ids))

    # -- reading -----------------------------------------------------------------------------------------

    def run_query(self, language: str, text: str, params: Mapping[str, object]) -> QueryResult:
        """Answer a Cypher query in a transaction that is always rolled back; one that changes the graph is
        refused (Neo4j refuses it in a read session itself; ArcadeDB does not)."""
        values = {k.lstrip("$"): str(v) if isinstance(v, str) else v for k, v in params.items()}
        with self._errors(query=True), self._session() as session, session.begin_transaction() as tx:
            result = tx.run(text, values)
            columns = tuple(result.keys())
            rows = [tuple(plain(v) for v in record.values()) for record in result]
            changed = result.consume().counters.contains_updates
            tx.rollback()
        if changed:
            raise QueryError("queries only read: this one would change the graph, and nothing was changed")
        return QueryResult(columns, rows)

    def stats(self) -> Stats:
        counts = {key: int(self._records(statement)[0]["n"]) for key, statement in cypher.COUNTS.items()}
        per = {r["p"]: int(r["n"]) for r in self._records(cypher.PER_PREDICATE)}
        return Stats(counts, per)

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            records = self._records(cypher.read_documents(chosen=False))
        else:
            wanted = sorted(set(ids))
            chosen = cypher.read_documents(chosen=True)
            records = [r for chunk in _chunks(wanted) for r in self._records(chosen, ids=chunk)]
        for record in records:
            yield document_from_row(record)

    def entities(self) -> Iterator[Entity]:
        for record in self._records(cypher.read_entities(chosen=False)):
            yield entity_from_record(record)

    def _entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        chosen = cypher.read_entities(chosen=True)
        wanted = sorted(set(ids))
        return {r["id"]: entity_from_record(r) for chunk in _chunks(wanted) for r in self._records(chosen, ids=chunk)}

    def claims(self, where: ClaimFilter | None = None) -> Iterator[Claim]:
        where = where or ClaimFilter()
        params: dict[str, Any] = {
            "document": where.document,
            "predicates": sorted(where.predicates) if where.predicates is not None else None,
            "entities": sorted(where.entities) if where.entities is not None else None,
        }
        params = {k: v for k, v in params.items() if v is not None}
        if where.limit is not None:
            first = self._records(cypher.claim_rows(frozenset(params), ids_only=True), limit=where.limit, **params)
            params["claims"] = [r["id"] for r in first]
        records = self._records(cypher.claim_rows(frozenset(params)), **params)
        docs = {d.id: d for d in self.documents({r["doc"] for r in records})}
        used = {r[k] for r in records for k in ("s", "object", "addressee") if r[k] is not None}
        yield from claims_from_records(records, docs, self._entities(used))

    def find_documents(self, source: str) -> list[str]:
        return [r["id"] for r in self._records(cypher.FIND_DOCUMENTS, source=source)]

    # -- entity resolution -------------------------------------------------------------------------------

    def replace_claims(self, removed: Sequence[str], added: Sequence[Claim]) -> WriteResult:
        """Remove the claims ``removed`` and write ``added`` in one transaction, so that claims moved from one
        entity to another are never lost half-way."""
        when = utc_now()
        plan = write_plan(graph_rows([], added, when), when)
        claims = sorted(set(removed))
        return self._apply(plan, lambda tx: _replace(tx, claims, plan.write))

    def record_resolution(self, resolution: Resolution) -> None:
        when = utc_now()
        self._apply(write_plan(graph_rows([], [], when, resolutions=[resolution]), when))

    def resolutions(self) -> list[Resolution]:
        return [resolution_from_record(r) for r in self._records(cypher.READ_RESOLUTIONS)]


# -- the work of one transaction: functions of the transaction alone, so that the driver may retry them ----------


def _run_steps(run: Callable[[str, dict[str, Any]], neo4j.Result], steps: Sequence[Step]) -> WriteResult:
    """Run ``steps`` (in a transaction, or each on its own), counting the nodes they create towards the figures
    they name."""
    result = WriteResult()
    for step in steps:
        for chunk in _chunks(step.items):
            created = run(step.statement, {step.key: chunk, **step.params}).consume().counters.nodes_created
            if step.counts:
                setattr(result, step.counts, getattr(result, step.counts) + created)
    return result


def _deleted(tx: neo4j.ManagedTransaction, statement: str, **params: Any) -> int:
    return tx.run(statement, params).consume().counters.nodes_deleted


def _candidates(found: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """The claims and the entities that rows of a ``..._CANDIDATES`` statement name."""
    claims = sorted({r["claim"] for r in found})
    entities = sorted({r[k] for r in found for k in ("subject", "object", "addressee") if r[k] is not None})
    return claims, entities


def _retract(tx: neo4j.ManagedTransaction, ids: list[str]) -> RetractResult:
    claims, entities = _candidates(tx.run(cypher.RETRACT_CANDIDATES, ids=ids).data())
    result = RetractResult()
    result.evidence_removed = _deleted(tx, cypher.RETRACT_EVIDENCE, ids=ids)
    result.documents = int(tx.run(cypher.RETRACT_DOCUMENTS, ids=ids).single(strict=True)["n"])
    tx.run(cypher.RETRACT_FACTS, claims=claims).consume()
    result.claims_removed = _deleted(tx, cypher.RETRACT_CLAIMS, claims=claims)
    result.entities_removed = _deleted(tx, cypher.RETRACT_ENTITIES, entities=entities)
    return result


def _replace(tx: neo4j.ManagedTransaction, removed: list[str], steps: Sequence[Step]) -> WriteResult:
    """Remove the claims ``removed`` with their evidence and facts, write ``steps``, then remove the entities
    that only the removed claims named (after the write, which may name them again)."""
    claims, entities = _candidates(tx.run(cypher.REPLACED_CANDIDATES, claims=removed).data())
    tx.run(cypher.REPLACED_EVIDENCE, claims=claims).consume()
    tx.run(cypher.RETRACT_FACTS, claims=claims).consume()
    tx.run(cypher.RETRACT_CLAIMS, claims=claims).consume()
    result = _run_steps(tx.run, steps)
    tx.run(cypher.RETRACT_ENTITIES, entities=entities).consume()
    return result
