"""The extractor interface: a named, versioned component that reads an :class:`Analysis` and yields claims.

Extractors register under the ``kg.extractors`` entry-point group (``setup.cfg``); the version goes into the
provenance of every claim they produce, so a change of behaviour must bump it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from kg.extract.analysis import Analysis
from kg.model import Claim, ExtractorInfo

__all__ = ["Extractor"]


class Extractor(ABC):
    """Reads one analysed document, yields claims each with exactly one piece of evidence."""

    name: ClassVar[str]
    version: ClassVar[int]
    #: Language codes this extractor reads; empty means every language with data.
    languages: ClassVar[frozenset[str]] = frozenset()

    @property
    def info(self) -> ExtractorInfo:
        return ExtractorInfo(self.name, self.version)

    def accepts(self, analysis: Analysis) -> bool:
        if analysis.lang is None:
            return False
        return not self.languages or analysis.lang.code in self.languages

    @abstractmethod
    def extract(self, analysis: Analysis) -> Iterator[Claim]:
        """Claims found in the document."""
