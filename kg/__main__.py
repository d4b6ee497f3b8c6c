"""``python -m kg``: the ``kg`` command, for environments where the console script is not on the PATH."""

from __future__ import annotations

from kg.cli import run

run()
