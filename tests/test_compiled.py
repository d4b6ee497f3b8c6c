"""``kg.compiled()`` says which build of the extraction runs: the one a regular install compiles with mypyc,
or pure Python (an editable install). CI runs the extraction tests against both; there it also says which one
it expects (``KG_EXPECT_COMPILED``)."""

from __future__ import annotations

import importlib.util
import os

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main


def test_compiled_tells_whether_the_extraction_is_an_extension_module() -> None:
    spec = importlib.util.find_spec("kg.extract.analysis")
    assert spec is not None and spec.origin is not None
    assert kg.compiled() is (not spec.origin.endswith(".py"))


def test_the_version_says_which_build_runs() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.rstrip().endswith("(compiled)" if kg.compiled() else "(pure Python)")


def test_the_build_ci_expects() -> None:
    expected = os.environ.get("KG_EXPECT_COMPILED")
    if expected is None:
        pytest.skip("KG_EXPECT_COMPILED is not set (CI sets it for each of its two builds)")
    assert kg.compiled() is (expected == "1")
