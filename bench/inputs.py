"""The benchmark's inputs, prepared in its working directory: real German news from ``../shared`` and
generated English articles, each as one JSON Lines file of articles (the form ``kg ingest`` streams).

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     corpus = english_corpus(pathlib.Path(d), 3)
...     lines = corpus.path.read_text("utf-8").splitlines()
>>> corpus.articles, len(lines), corpus.megabytes > 0.003
(3, 3, True)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.english import articles
from bench.measure import REPOSITORY

__all__ = ["GERMAN_CSV", "Corpus", "english_corpus", "german_corpus", "write_corpus"]

#: 1,028 German news articles (10kGNAD test split), one per line as ``category;'text'``; outside the repository.
GERMAN_CSV = REPOSITORY.parent / "shared" / "corpus" / "de-10kgnad-test.csv"


@dataclass(frozen=True)
class Corpus:
    """A JSON Lines file of articles, how many, and their text's size in megabytes (10^6 bytes of UTF-8)."""

    path: Path
    articles: int
    megabytes: float


def write_corpus(texts: Sequence[str], path: Path) -> Corpus:
    """Write ``texts`` as JSON Lines articles at ``path``."""
    with path.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    return Corpus(path, len(texts), size)


def german_corpus(workdir: Path, csv_path: Path = GERMAN_CSV, limit: int | None = None) -> Corpus:
    """The German news of ``csv_path`` (its texts; the category column is dropped)."""
    if not csv_path.is_file():
        raise FileNotFoundError(
            f"the German corpus is not at {csv_path} (it lives in ../shared, beside the repository)"
        )
    with csv_path.open(encoding="utf-8", newline="") as fh:
        texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) == 2]
    return write_corpus(texts[:limit], workdir / "de-news.jsonl")


def english_corpus(workdir: Path, count: int) -> Corpus:
    """``count`` generated English articles (see :mod:`bench.english`)."""
    return write_corpus(articles(count), workdir / "en-generated.jsonl")
