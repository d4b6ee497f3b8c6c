"""Running one benchmark step as a child process and measuring it: wall time, CPU time and peak memory.

Each step runs in a process of its own so that its peak resident memory is its own. ``os.wait4`` returns the
child's resource usage, which includes every process it started and waited for (extraction workers), so CPU
time is the whole tree's and peak RSS the largest single process's.

>>> import sys
>>> m = run([sys.executable, "-c", "print('hi')"])
>>> m.stdout, m.seconds > 0, m.peak_rss_mb > 1
('hi\\n', True, True)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["REPOSITORY", "Measured", "StepFailed", "last_json", "python_module", "run"]

#: The repository root: benchmark modules run as ``python -m bench.<name>`` from here.
REPOSITORY = Path(__file__).resolve().parent.parent


class StepFailed(RuntimeError):
    """A child process exited with an error; the message ends with its standard error."""


@dataclass(frozen=True)
class Measured:
    """What one child process took."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def run(
    argv: Sequence[str | os.PathLike[str]],
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    check: bool = True,
) -> Measured:
    """Run ``argv`` to its end and measure it; ``check`` raises :class:`StepFailed` on a non-zero exit."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # Output goes to files, not pipes: Popen.communicate would reap the child and lose its resource usage.
        proc = subprocess.Popen([str(a) for a in argv], cwd=cwd, env=dict(env) if env else None, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if check and proc.returncode != 0:
        command = " ".join(str(a) for a in argv)
        raise StepFailed(f"{command} exited with {proc.returncode}: {stderr.strip()[-2000:]}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr)


def last_json(text: str) -> dict[str, Any]:
    """The JSON object on the last non-empty line of ``text`` (how every benchmark script reports).

    >>> last_json('table\\n{"a": 1}\\n')
    {'a': 1}
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise StepFailed("the step printed nothing")
    value = json.loads(lines[-1])
    if not isinstance(value, dict):
        raise StepFailed(f"the last line is not a JSON object: {lines[-1][:200]}")
    return value


def python_module(module: str, *args: str | os.PathLike[str]) -> list[str]:
    """The command line that runs ``python -m module args`` with this interpreter (run it from REPOSITORY)."""
    return [sys.executable, "-m", module, *(str(a) for a in args)]
