"""What the command tests share: the environment that points kg at the test's Bolt server."""

from __future__ import annotations

import pytest

from tests.arcadedb import BoltServer


@pytest.fixture
def bolt_env(bolt: BoltServer) -> dict[str, str]:
    """The environment that points kg at the test server (emptied for the test), password included."""
    return {
        "KG_STORE": bolt.uri,
        "KG_NEO4J_USER": bolt.user,
        "KG_NEO4J_PASSWORD": bolt.password,
        "KG_NEO4J_DATABASE": bolt.database,
    }
