"""Relations on real English text: the Re-DocRED dev split of ../shared/eval/en-relations (500 Wikipedia
introductions), scored by ../shared/eval/score_relations.py as the issue asks; skipped where ../shared is
absent. The floors are the figures measured when the patterns were written (see the README)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

pytestmark = [pytest.mark.shared, pytest.mark.slow]

DEV = SHARED / "eval" / "en-relations" / "dev.json"
SCORER = SHARED / "eval" / "score_relations.py"
F1 = 0.35
PRECISION = 0.6


def test_relations_on_wikipedia_introductions_reach_the_floor(tmp_path: Path) -> None:
    if not DEV.is_file():
        pytest.skip(f"the English relation data is not here ({DEV}); it lives in ../shared, outside the repository")
    kg = Path(sys.executable).parent / "kg"
    result = subprocess.run(
        [sys.executable, str(SCORER), str(DEV), "--kg", str(kg), "--json", "--keep", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)["all"]
    assert figures["f1"] >= F1 and figures["precision"] >= PRECISION, figures
