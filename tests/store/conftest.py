"""Stores under test: every backend that can run here. The contract suite runs against each of them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.store import Location, open_store
from kg.store.base import Store


@pytest.fixture
def store(location: Location) -> Iterator[Store]:
    """A fresh, empty, writable store of each backend (see the ``location`` fixture)."""
    with open_store(location) as opened:
        yield opened
