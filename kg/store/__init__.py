"""Stores behind one interface: the embedded RDF store (default) and Neo4j, chosen by the location's scheme.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d, open_store(d) as store:
...     store.stats().counts["claims"]
0
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from kg.errors import ConfigError
from kg.registry import stores
from kg.store.base import ClaimFilter, QueryResult, Stats, Store, WriteResult

__all__ = [
    "DEFAULT_LOCATION",
    "ClaimFilter",
    "Location",
    "QueryResult",
    "Stats",
    "Store",
    "WriteResult",
    "open_store",
    "store_location",
]

#: Where the embedded store lives unless ``--store`` or ``$KG_STORE`` say otherwise.
DEFAULT_LOCATION = "./kg-data"


class Location(str):
    """A store's location that carries the options to open it with (a Neo4j user, password and database).

    It reads, prints and compares as the location alone, so an option such as a password is never shown where
    the location is. The CLI's ``--store`` builds one; :func:`open_store` unpacks it.

    >>> where = Location("bolt://localhost:7687", password="s3cret!x", database="news")
    >>> where, where.options["database"]
    ('bolt://localhost:7687', 'news')
    """

    options: dict[str, str]

    def __new__(cls, location: str | os.PathLike[str], **options: str | None) -> Location:
        made = super().__new__(cls, os.fspath(location))
        made.options = {key: value for key, value in options.items() if value}
        return made


def store_location(location: str | os.PathLike[str] | None = None) -> str:
    """``location``, else ``$KG_STORE``, else ``./kg-data``."""
    return str(location or os.environ.get("KG_STORE") or DEFAULT_LOCATION)


def _scheme(location: str) -> str:
    scheme = urlsplit(location).scheme
    # A Windows drive letter or a bare path is not a scheme.
    return "" if len(scheme) <= 1 else scheme.lower()


def open_store(
    location: str | os.PathLike[str] | None = None, *, readonly: bool = False, wait: float = 0.0, **options: object
) -> Store:
    """Open the store at ``location`` with the backend registered for its scheme; ``options`` (and those a
    :class:`Location` carries) go to the backend."""
    options = {**getattr(location, "options", {}), **options}
    where = store_location(location)
    scheme = _scheme(where)
    for _name, cls in stores.items():
        if scheme in cls.schemes:
            store: Store = cls.open(where, readonly=readonly, wait=wait, **options)
            return store
    known = sorted({s for _n, cls in stores.items() for s in cls.schemes if s})
    raise ConfigError(f"no store for {where!r}: use a directory path or one of {', '.join(known)}://")
