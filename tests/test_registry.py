"""Components register under entry-point groups; built-ins use the same mechanism as plug-ins."""

from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.registry import Registry, exporters, extractors, readers, stores


def test_built_in_components_are_registered() -> None:
    assert {"text", "html", "jsonl"} <= set(readers.names())
    assert "quotes.direct" in extractors.names()
    assert "oxigraph" in stores.names()
    assert {"turtle", "trig", "nquads", "jsonld", "graphml"} <= set(exporters.names())


def test_a_component_can_be_registered_at_run_time() -> None:
    registry: Registry[str] = Registry("widget", "kg.test-widgets")
    registry.register("spinner")("a spinner")
    assert registry.get("spinner") == "a spinner"
    assert "spinner" in registry


def test_an_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="no extractor named 'nope'"):
        extractors.get("nope")
