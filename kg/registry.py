"""Registries of named components (readers, extractors, stores, exporters, renderers), filled from entry points.

Built-in components are declared in ``setup.cfg`` under the same entry-point groups a third-party package
uses, so there is one way in for both. Components load lazily, on first use.

>>> from kg.registry import extractors
>>> "quotes.direct" in extractors.names()
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import metadata
from typing import TYPE_CHECKING, Generic, TypeVar

from kg.errors import ConfigError

if TYPE_CHECKING:
    from kg.export.base import Exporter
    from kg.extract.base import Extractor
    from kg.ingest.base import Reader
    from kg.render.base import Renderer
    from kg.store.base import Store

__all__ = ["Registry", "exporters", "extractors", "readers", "renderers", "stores"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Named components of one kind. ``register`` adds one at run time (tests, notebooks, plug-ins)."""

    def __init__(self, kind: str, group: str) -> None:
        self.kind = kind
        self.group = group
        self._loaded: dict[str, T] = {}
        self._entry_points: dict[str, metadata.EntryPoint] | None = None

    def _points(self) -> dict[str, metadata.EntryPoint]:
        if self._entry_points is None:
            self._entry_points = {ep.name: ep for ep in metadata.entry_points(group=self.group)}
        return self._entry_points

    def register(self, name: str) -> Callable[[T], T]:
        def add(component: T) -> T:
            self._loaded[name] = component
            return component

        return add

    def names(self) -> list[str]:
        return sorted(set(self._points()) | set(self._loaded))

    def get(self, name: str) -> T:
        if name not in self._loaded:
            point = self._points().get(name)
            if point is None:
                known = ", ".join(self.names()) or "none"
                raise ConfigError(f"no {self.kind} named {name!r} (known: {known})")
            self._loaded[name] = point.load()
        return self._loaded[name]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names()

    def items(self) -> Iterator[tuple[str, T]]:
        for name in self.names():
            yield name, self.get(name)


readers: Registry[type[Reader]] = Registry("reader", "kg.readers")
extractors: Registry[type[Extractor]] = Registry("extractor", "kg.extractors")
stores: Registry[type[Store]] = Registry("store", "kg.stores")
exporters: Registry[Exporter] = Registry("exporter", "kg.exporters")
renderers: Registry[Renderer] = Registry("renderer", "kg.renderers")
