"""The exporter interface and the one function that runs an exporter by name."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import BinaryIO

from kg.errors import ConfigError
from kg.registry import exporters
from kg.store.base import Store

__all__ = ["Exporter", "export_to"]


class Exporter(ABC):
    """Writes a whole store to a binary stream in one format."""

    name: str
    suffix: str

    @abstractmethod
    def export(self, store: Store, output: BinaryIO) -> None: ...


def export_to(store: Store, format: str, output: BinaryIO) -> None:
    """Write ``store`` to ``output`` with the exporter registered as ``format``."""
    exporter = exporters.get(format)
    if not isinstance(exporter, Exporter):
        raise ConfigError(f"{format!r} is not an exporter")
    exporter.export(store, output)
