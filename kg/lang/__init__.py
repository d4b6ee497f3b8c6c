"""Language knowledge as data: one folder per language (``kg/lang/de``, ``kg/lang/en``), one file per topic.

A topic is a TOML table (``cues.toml``, ``pronouns.toml``, ...) or a word list (``stopwords.txt``, one entry a
line, ``#`` starts a comment). Marks and characters that every language shares, such as quotation marks, live
once in ``kg/lang/common.toml``. A third language is a new folder, not new code.

>>> de = language("de")
>>> "und" in de.words("stopwords")
True
>>> "de" in available_languages()
True
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from kg.errors import ConfigError

__all__ = ["LanguageData", "available_languages", "common", "language"]

_ROOT = resources.files("kg.lang")


@dataclass(frozen=True)
class LanguageData:
    """The data files of one language, read on first use and kept."""

    code: str
    _tables: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def table(self, topic: str) -> dict[str, Any]:
        """The TOML file ``<code>/<topic>.toml`` as a dict (empty if the language has none)."""
        if topic not in self._tables:
            path = _ROOT / self.code / f"{topic}.toml"
            self._tables[topic] = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}
        return self._tables[topic]

    def words(self, topic: str) -> frozenset[str]:
        """The word list ``<code>/<topic>.txt`` (empty if the language has none)."""
        if topic not in self._words:
            path = _ROOT / self.code / f"{topic}.txt"
            text = path.read_text("utf-8") if path.is_file() else ""
            self._words[topic] = frozenset(_entries(text))
        return self._words[topic]

    def entries(self, topic: str, key: str) -> tuple[str, ...]:
        """A list-valued entry of a TOML table, e.g. ``lang.entries("pronouns", "male")``."""
        value = self.table(topic).get(key, [])
        if not isinstance(value, list):
            raise ConfigError(f"kg/lang/{self.code}/{topic}.toml: {key} must be a list")
        return tuple(str(v) for v in value)


def _entries(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages that ship data (a folder with at least a stop-word list)."""
    return tuple(sorted(p.name for p in _ROOT.iterdir() if p.is_dir() and (p / "stopwords.txt").is_file()))


@cache
def language(code: str) -> LanguageData:
    """The data of one language; ``ConfigError`` if `kg` has none for it."""
    if code not in available_languages():
        raise ConfigError(f"no language data for {code!r} (available: {', '.join(available_languages())})")
    return LanguageData(code)


@cache
def common() -> dict[str, Any]:
    """What all languages share: quotation-mark pairs, dashes, apostrophes."""
    return tomllib.loads((_ROOT / "common.toml").read_text("utf-8"))
