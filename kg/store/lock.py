"""A file lock that lets many readers or one writer use an embedded store at a time.

The embedded store's own lock refuses a second writer with a low-level error, and reading while another
process writes is undefined; this lock turns both into waiting (up to a limit) and a clear message.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d, StoreLock(d, exclusive=True):
...     pass
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from kg.errors import StoreError, StoreLocked

__all__ = ["LOCK_NAME", "StoreLock"]

LOCK_NAME = ".kg-lock"
_POLL = 0.1


def _holder(path: Path) -> int | None:
    """The writer named in the lock file, if that process is alive (a killed writer leaves its id behind)."""
    try:
        text = path.read_text(errors="replace").strip()
    except OSError:
        return None
    if not text.isdigit():
        return None
    try:
        os.kill(int(text), 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, but another user's
    return int(text)


class StoreLock:
    """``exclusive`` for writers, shared for readers; waits up to ``wait`` seconds, then `StoreLocked`."""

    def __init__(self, directory: str | os.PathLike[str], exclusive: bool, wait: float = 0.0) -> None:
        self.path = Path(directory) / LOCK_NAME
        self.exclusive = exclusive
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot use the store at {self.path.parent}: {exc.strerror or exc}") from None
        mode = (fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLocked(self._message()) from None
                time.sleep(_POLL)
        if self.exclusive:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def _message(self) -> str:
        doing = "is being written by another kg process" if not self.exclusive else "is in use by another kg process"
        holder = _holder(self.path)
        who = f" (process {holder})" if holder else ""
        return f"the store {self.path.parent} {doing}{who}; wait for it to finish or pass --wait SECONDS"

    def release(self) -> None:
        if self._fd is not None:
            if self.exclusive:
                os.ftruncate(self._fd, 0)  # no stale process id for the next message
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
