"""Build of kg: a regular install compiles the extraction with mypyc, an editable install stays pure Python.

``KG_COMPILE=0`` skips compiling, ``KG_COMPILE=1`` compiles an editable install too. Where compiling is
impossible (no C compiler, a mypyc error) the install goes on as pure Python and says so on the build output
(``pip install -v``); ``kg.compiled()`` tells which one runs. Metadata lives in setup.cfg.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: The extraction package, compiled module by module.
COMPILED_PACKAGE = "kg/extract"
#: Modules of it that stay interpreted: plug-ins subclass the extractor interface, and a compiled class cannot
#: have interpreted subclasses.
INTERPRETED = frozenset({"kg/extract/base.py"})
#: Commands that build what an install ships; pip's metadata steps (egg_info, dist_info) compile nothing.
BUILDING = frozenset({"bdist_wheel", "build", "build_ext", "install", "editable_wheel", "develop"})
EDITABLE = frozenset({"editable_wheel", "develop"})
#: mypy options of the compile: only the compiled modules must type-check here; the rest of kg and its
#: dependencies may be absent from the build environment (pip builds in isolation).
MYPY_OPTIONS = ["--follow-imports=silent", "--ignore-missing-imports"]


def _say(message: str) -> None:
    print(f"kg build: {message}", file=sys.stderr, flush=True)


def _wanted(commands: set[str]) -> bool:
    if not commands & BUILDING:
        return False
    flag = os.environ.get("KG_COMPILE", "")
    if flag in ("0", "1"):
        return flag == "1"
    return not commands & EDITABLE  # an edited .py file must take effect in a developer's checkout


def _modules() -> list[str]:
    here = Path(__file__).parent
    found = (p.relative_to(here).as_posix() for p in (here / COMPILED_PACKAGE).rglob("*.py"))
    return sorted(p for p in found if p not in INTERPRETED)


def _extensions() -> list[Any]:
    try:
        from mypyc.build import mypycify

        extensions: list[Any] = mypycify([*MYPY_OPTIONS, *_modules()], opt_level="3")
    except (Exception, SystemExit) as exc:  # mypyc reports type errors by exiting
        _say(f"compiling the extraction failed ({type(exc).__name__}: {exc}); installing pure Python")
        return []
    _say(f"compiling {len(_modules())} modules of {COMPILED_PACKAGE} with mypyc")
    return extensions


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or, if the C compiler fails, leaves them out: kg then runs as Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers, a compiler error
            _say(f"the C compiler failed ({type(exc).__name__}: {exc}); installing pure Python")
            self._discard()

    def _discard(self) -> None:
        for ext in self.extensions:
            for inplace in (False, True):
                self.inplace = inplace
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
        self.extensions = []
        self.distribution.ext_modules = []


if __name__ == "__main__":  # as setuptools runs it; tests import the policy above
    setup(
        ext_modules=_extensions() if _wanted(set(sys.argv[1:])) else [],
        cmdclass={"build_ext": OptionalBuildExt},
    )
