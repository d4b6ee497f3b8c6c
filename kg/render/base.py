"""The renderer interface, and the one function that runs a renderer by name.

Renderers are components registered under the ``kg.renderers`` entry-point group (``html``, ``graphml``,
``json``); a plug-in package adds a format the same way.

>>> from kg.registry import renderers
>>> renderers.names()[:3]
['graphml', 'html', 'json']
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import BinaryIO

from kg.errors import ConfigError
from kg.registry import renderers
from kg.render.payload import AUTO
from kg.render.view import GraphView

__all__ = ["Renderer", "render_to", "renderer_named"]


class Renderer(ABC):
    """Writes a view of the graph to a binary stream in one format."""

    name: str
    suffix: str

    @abstractmethod
    def render(self, view: GraphView, output: BinaryIO, lang: str = AUTO) -> None:
        """Write ``view``, with predicate labels in ``lang`` (``auto``: each claim's article language)."""


def renderer_named(format: str) -> Renderer:
    """The renderer registered as ``format``."""
    renderer = renderers.get(format)
    if not isinstance(renderer, Renderer):
        raise ConfigError(f"{format!r} is not a renderer")
    return renderer


def render_to(view: GraphView, format: str, output: BinaryIO, lang: str = AUTO) -> None:
    """Write ``view`` to ``output`` with the renderer registered as ``format``."""
    renderer_named(format).render(view, output, lang)
