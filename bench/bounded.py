"""Bounded resources: time and peak memory of ``kg ingest`` on a 10 MB article and a 50,000-sentence article.

Each article is assembled from the hand-written sentences of ``bench/bounded.toml`` and ingested into a fresh
store by a separate ``kg`` process, whose wall time and peak resident memory (from ``wait4``) are reported.
``--scaling`` also runs each article at a quarter and half of its size: time and memory that grow in
proportion to the size show that no step is super-linear. ``--hostile`` adds articles shaped to defeat
naive text processing: 10 MB on one line, 10 MB without a sentence end, 1 MB of quotation marks that never
close.

    python bench/bounded.py              # the two articles of issue 7
    python bench/bounded.py --quick      # a tenth of the sizes, for a smoke run
    python bench/bounded.py --scaling --hostile
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ARTICLES", "Figure", "measure", "run"]

_MATERIAL = Path(__file__).with_suffix(".toml")
MB = 1_000_000


def _material() -> dict[str, object]:
    with _MATERIAL.open("rb") as fh:
        return tomllib.load(fh)


def _fill(template: str, rng: random.Random, material: dict[str, object]) -> str:
    first, last = material["first"], material["last"]
    assert isinstance(first, list) and isinstance(last, list)
    name = {"first": rng.choice(first), "last": rng.choice(last)}
    return template.format(**name, n=rng.randint(2, 900), day=rng.randint(1, 28))


def _paragraphs(size: int, joiner: str = "\n") -> str:
    """About ``size`` bytes of news paragraphs."""
    material, rng = _material(), random.Random(size)
    templates = material["paragraph"]
    assert isinstance(templates, list)
    parts: list[str] = []
    total = 0
    while total < size:
        part = " ".join(_fill(t, rng, material) for t in templates)
        parts.append(part)
        total += len(part.encode()) + 1
    return joiner.join(parts)


def news(size: int) -> str:
    """A long article in paragraphs."""
    return _paragraphs(size)


def one_line(size: int) -> str:
    """The same text without a single line break."""
    return _paragraphs(size, joiner=" ")


def no_sentence_end(size: int) -> str:
    """Words and quotes with no full stop, question or exclamation mark anywhere."""
    return re.sub(r"[.!?]", "", _paragraphs(size, joiner=" "))


def unclosed_quotes(size: int) -> str:
    """Opening quotation marks of every style that never close."""
    return "".join(f"Er sagte {mark}nichts " for mark in "„“»«‚‘›‹\"'" * (size // 140 + 1))[:size]


def sentences(count: int) -> str:
    """``count`` sentences in paragraphs of five; every tenth sentence is a quote with its speaker."""
    material, rng = _material(), random.Random(count)
    sentence, quote = material["sentence"], material["quote"]
    assert isinstance(sentence, str) and isinstance(quote, str)
    said = [_fill(quote if i % 10 == 9 else sentence, rng, material) for i in range(count)]
    return "\n".join(" ".join(said[i : i + 5]) for i in range(0, count, 5))


@dataclass(frozen=True)
class Article:
    name: str
    make: Callable[[int], str]
    size: int
    unit: str
    hostile: bool = False


ARTICLES = [
    Article("10 MB article", news, 10 * MB, "bytes"),
    Article("50,000-sentence article", sentences, 50_000, "sentences"),
    Article("10 MB on one line", one_line, 10 * MB, "bytes", hostile=True),
    Article("10 MB without a sentence end", no_sentence_end, 10 * MB, "bytes", hostile=True),
    Article("1 MB of unclosed quotation marks", unclosed_quotes, MB, "bytes", hostile=True),
]


@dataclass(frozen=True)
class Figure:
    article: str
    size: int
    unit: str
    chars: int
    seconds: float
    peak_mb: float
    summary: str

    def __str__(self) -> str:
        return (
            f"{self.article:34} {self.size:>11,} {self.unit:9} {self.chars:>11,} chars {self.seconds:8.1f} s "
            f"{self.peak_mb:8.0f} MB peak   {self.summary}"
        )


def measure(article: Article, size: int, workdir: Path) -> Figure:
    """Ingest the article at ``size`` into a fresh store in a child process; its wall time and peak RSS."""
    text = article.make(size)
    path = workdir / f"{article.make.__name__}-{size}.txt"
    path.write_text(text, "utf-8")
    store = workdir / f"store-{article.make.__name__}-{size}"
    command = [sys.executable, "-m", "kg", "ingest", str(path), "--store", str(store)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    claims = re.search(r"claims added: (\d+)", output)
    summary = f"{claims.group(1)} claims" if claims and child.returncode == 0 else f"exit {child.returncode}: {output}"
    return Figure(article.name, size, article.unit, len(text), seconds, usage.ru_maxrss / 1024, summary.strip())


def run(quick: bool = False, scaling: bool = False, hostile: bool = False) -> Iterator[Figure]:
    """Figures for every chosen article and size, measured one after another."""
    with tempfile.TemporaryDirectory(prefix="kg-bounded-") as tmp:
        for article in ARTICLES:
            if article.hostile and not hostile:
                continue
            full = article.size // 10 if quick else article.size
            for size in (full // 4, full // 2, full) if scaling else (full,):
                yield measure(article, size, Path(tmp))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of every size")
    parser.add_argument("--scaling", action="store_true", help="also a quarter and a half of every size")
    parser.add_argument("--hostile", action="store_true", help="also articles shaped against naive processing")
    args = parser.parse_args()
    print(f"kg ingest, one article per fresh store, {os.cpu_count()} cores", flush=True)
    for figure in run(args.quick, args.scaling, args.hostile):
        print(figure, flush=True)


if __name__ == "__main__":
    main()
