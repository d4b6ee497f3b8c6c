"""Generated English news-like articles for the extraction benchmark: quotes with cue verbs, speakers with
roles, lawsuits and foundings between invented companies, and ordinary sentences in between.

The material (invented names, quote fragments, filler sentences) is in ``bench/data/english.toml``; the same
seed gives the same articles everywhere.

>>> first = articles(2)[0]
>>> first == articles(2)[0], first.count('"') >= 2, len(first) > 1000
(True, True, True)
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path

__all__ = ["articles"]

_DATA = Path(__file__).parent / "data" / "english.toml"


@cache
def _material() -> dict[str, list[str]]:
    with _DATA.open("rb") as fh:
        return tomllib.load(fh)


class _Article:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.m = _material()

    def pick(self, key: str) -> str:
        return self.rng.choice(self.m[key])

    def person(self) -> str:
        return f"{self.pick('first_names')} {self.pick('last_names')}"

    def quote(self) -> str:
        return f"{self.pick('openings')} {self.pick('continuations')}"

    def filler(self) -> str:
        number = str(self.rng.randint(2, 900))
        return self.pick("fillers").format(
            org=self.pick("organisations"), place=self.pick("places"), day=self.pick("days"), number=number
        )

    def quote_after(self) -> str:
        return f'"{self.quote()}," {self.person()} {self.pick("cues")}.'

    def quote_with_role(self) -> str:
        who = f"{self.person()}, the {self.pick('roles')} of {self.pick('organisations')},"
        return f'{who} said: "{self.quote()}."'

    def quote_before(self) -> str:
        return f'"{self.quote()}," said {self.person()}, {self.pick("roles")} at {self.pick("organisations")}.'

    def lawsuit(self) -> str:
        where, when = self.pick("places"), self.pick("days")
        return f"{self.pick('organisations')} sued {self.pick('organisations')} in {where} on {when}."

    def founding(self) -> str:
        return f"{self.person()} co-founded {self.pick('organisations')} in {self.rng.randint(1970, 2020)}."


#: Sentence kinds, drawn with equal chance: about one sentence in six is a quote, as in wire copy.
_SENTENCES: tuple[Callable[[_Article], str], ...] = (
    _Article.quote_after,
    _Article.quote_with_role,
    _Article.quote_before,
    _Article.lawsuit,
    _Article.founding,
    *([_Article.filler] * 12),
)


def _article(rng: random.Random) -> str:
    art = _Article(rng)
    title = f"{art.pick('organisations')} faces questions in {art.pick('places')}"
    paragraphs = [
        " ".join(rng.choice(_SENTENCES)(art) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(12, 20))
    ]
    return "\n\n".join([title, *paragraphs])


def articles(count: int, seed: int = 0) -> list[str]:
    """``count`` generated articles of roughly 1.5 to 3 kB each."""
    return [_article(random.Random(f"en-{seed}-{i}")) for i in range(count)]
