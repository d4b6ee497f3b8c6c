"""The build policy of setup.py: a regular install compiles the extraction, an editable one does not unless
asked, ``KG_COMPILE`` decides over both, and pip's metadata steps compile nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SETUP = Path(__file__).resolve().parents[1] / "setup.py"


@pytest.fixture(scope="module")
def setup_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_setup", SETUP)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("commands", "flag", "compiles"),
    [
        ({"bdist_wheel", "--dist-dir", "/tmp/x"}, None, True),  # pip install . builds a wheel
        ({"editable_wheel"}, None, False),  # pip install -e . stays pure Python
        ({"egg_info"}, None, False),  # metadata only
        ({"dist_info"}, "1", False),
        ({"bdist_wheel"}, "0", False),
        ({"editable_wheel"}, "1", True),
        ({"develop"}, "1", True),
        ({"bdist_wheel"}, "yes", True),  # anything but 0 or 1 leaves the default
    ],
)
def test_which_builds_compile(
    setup_py: ModuleType, monkeypatch: pytest.MonkeyPatch, commands: set[str], flag: str | None, compiles: bool
) -> None:
    if flag is None:
        monkeypatch.delenv("KG_COMPILE", raising=False)
    else:
        monkeypatch.setenv("KG_COMPILE", flag)
    assert setup_py._wanted(commands) is compiles


def test_the_compiled_modules_are_the_extraction_but_its_plug_in_interface(setup_py: ModuleType) -> None:
    modules = setup_py._modules()
    assert "kg/extract/analysis.py" in modules and "kg/extract/quotes/words.py" in modules
    assert "kg/extract/base.py" not in modules
    assert all(m.startswith("kg/extract/") for m in modules)


def test_a_failed_compile_leaves_pure_python(setup_py: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """mypyc reports type errors by exiting; the install goes on without compiled modules."""

    def refuse(paths: list[str], **options: object) -> list[object]:
        raise SystemExit(1)

    import mypyc.build

    monkeypatch.setattr(mypyc.build, "mypycify", refuse)
    assert setup_py._extensions() == []
