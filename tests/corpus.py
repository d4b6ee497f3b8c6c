"""Many small articles for tests that need a batch large enough to interrupt, and a real ``kg`` process.

Each article is one of the hand-written fixture articles with a numbered headline and a closing quote of its
own: every article is a different document with a claim of its own, while the fixture's quotes recur, so
the store holds claims with evidence from many documents, the case where duplicates would show.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.store import Location, open_store
from tests.conftest import ARTICLES

__all__ = ["environment", "kg_process", "run_kg", "snapshot", "write_corpus"]

#: A fixture article and a closing line whose quote is this article's own.
_TEMPLATES = (
    ("werk.de.txt", "„Meldung {k} endet hier heute“, sagte Sprecherin Nora Winter."),
    ("bakery.en.txt", '"Report {k} ends here today," said spokeswoman Nora Winter.'),
)


def write_corpus(folder: Path, count: int) -> Path:
    """``count`` articles as .txt files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    bodies = [((ARTICLES / name).read_text("utf-8"), closing) for name, closing in _TEMPLATES]
    for k in range(count):
        body, closing = bodies[k % len(bodies)]
        (folder / f"article-{k:04d}.txt").write_text(f"Meldung {k}\n{body}\n{closing.format(k=k)}\n", "utf-8")
    return folder


def environment() -> dict[str, str]:
    # The child imports kg (and, with a patch, the tests) from this checkout, whatever its working directory.
    root = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}


def kg_process(
    *args: str, patch: str = "", prefix: Sequence[str] = (), env: Mapping[str, str] | None = None
) -> subprocess.Popen[str]:
    """A real ``kg`` process; ``patch`` is Python run in it first (to kill itself at a chosen point), ``prefix``
    a command that runs it (``setpriv ...``), ``env`` extra environment variables."""
    code = f"{patch}\nimport sys\nfrom kg.cli import run\nsys.argv[0] = 'kg'\nrun()"
    return subprocess.Popen(
        [*prefix, sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**environment(), **(env or {})},
    )


def run_kg(
    *args: str,
    patch: str = "",
    prefix: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run ``kg`` to its end in a process of its own."""
    child = kg_process(*args, patch=patch, prefix=prefix, env=env)
    out, err = child.communicate(timeout=timeout)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def snapshot(location: Path | Location) -> dict[str, object]:
    """What the store holds, independent of when it was written; and a check that nothing is doubled."""
    with open_store(location, readonly=True) as store:
        claims = {}
        for claim in store.claims():
            evidence = [claim.evidence_id(ev) for ev in claim.evidence]
            assert len(evidence) == len(set(evidence)), f"claim {claim.id} has duplicated evidence"
            claims[claim.id] = sorted(evidence)
        entities = sorted((e.id, e.name, e.type.value, e.aliases) for e in store.entities())
        return {
            "claims": claims,
            "documents": sorted(d.id for d in store.documents()),
            "entities": entities,
            "counts": store.stats().counts,
        }
