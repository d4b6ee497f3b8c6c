"""``python -m kg``: the ``kg`` command, for environments where the console script is not on the PATH."""

from __future__ import annotations

import sys

from kg.cli import main

sys.exit(main())
