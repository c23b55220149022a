"""Output files written whole or not at all.

Every export (PDF, CSV, XLSX, report) is written into a temporary file beside its target and
renamed over it only once complete: a failure half-way (disk full, a bug, Ctrl+C) leaves the
previous file intact and no temporary file behind. The rename stays in one folder, so it is
atomic on every file system we run on.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: str | os.PathLike[str], *, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``target`` to write into; moved over ``target`` when the
    block ends without error, removed otherwise."""
    final = Path(target)
    folder = final.parent if str(final.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=".regie-", suffix=suffix, dir=folder)
    os.close(handle)
    try:
        yield Path(temp)
        os.replace(temp, final)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def atomic_write(target: str | os.PathLike[str], writer: Callable[[Path], object]) -> None:
    """``writer(path)`` writes the whole file at a temporary ``path``; it then replaces
    ``target`` in one step."""
    with replacing(target) as temp:
        writer(temp)


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """``data`` as the new content of ``target``, all or nothing."""
    atomic_write(target, lambda temp: temp.write_bytes(data))
