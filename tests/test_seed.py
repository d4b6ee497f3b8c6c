"""The seed article (from ../shared; skipped where it is absent): idempotent ingestion, the contract, the score."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.api import ingest, stats
from kg.cli import main
from kg.contract import validate_record
from tests.conftest import SEED_GOLD, SHARED

pytestmark = pytest.mark.shared


def test_ingesting_the_seed_twice_leaves_the_store_unchanged(seed: Path, store_dir: Path) -> None:
    ingest([seed], store=store_dir)
    before = stats(store_dir).counts
    report = ingest([seed], store=store_dir)
    assert (report.new, report.unchanged) == (0, 1)
    assert stats(store_dir).counts == before


def test_extract_on_the_seed_follows_the_contract_and_is_scored(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(main, ["extract", str(seed), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert records
    for record in records:
        validate_record(record)
    gold = json.loads(SEED_GOLD.read_text("utf-8"))
    assert all(r["evidence"]["start"] < gold["no_claims_after"] for r in records), "a claim from the link list"
    score = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SEED_GOLD), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(score.stdout)
    assert report["quote"]["tp"] >= 1 and report["quote"]["precision"] >= 0.8
    # All five 'must' relations: Musk sued OpenAI, Musk and Sutskever co-founded OpenAI, xAI develops Grok,
    # Musk owns xAI.
    assert report["relation"]["tp"] == 5 and report["relation"]["precision"] >= 0.8
