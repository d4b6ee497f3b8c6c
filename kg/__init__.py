"""kg: turn news text into a knowledge graph in which every fact keeps the words it came from.

The library is the product; the ``kg`` command is a thin skin over :mod:`kg.api`.

>>> import kg
>>> kg.__version__.count(".") >= 1
True
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

__version__ = "0.1.0"

# The public API is loaded on first use so that `import kg` (and `kg --help`) stay fast.
_API = (
    "ingest",
    "load",
    "extract",
    "query",
    "retract",
    "stats",
    "export",
    "validate",
    "visualize",
    "open_store",
    "read_documents",
)

__all__ = ["__version__", "compiled", *_API]


def compiled() -> bool:
    """True if the extraction that runs here is compiled (a regular install builds it with mypyc), False if it
    is pure Python (an editable install, ``KG_COMPILE=0``, or a machine where compiling failed). Looks at the
    files only: Python imports an extension module before the ``.py`` file beside it.

    >>> compiled() in (True, False)
    True
    """
    extract = Path(__file__).parent / "extract"
    return any((extract / f"analysis{suffix}").is_file() for suffix in EXTENSION_SUFFIXES)


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module("kg.api"), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
