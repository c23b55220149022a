"""The statements' PDFs for a batch, rendered in parallel processes when there are many.

Drawing a statement (reportlab, then PDF/A) is most of a month's batch, and pure CPU:
with ``PARALLEL_FROM`` statements or more (``PARALLEL_FROM_SPAWNED`` when the processes
are spawned), blocks of ``BLOCK`` statements go to a pool of processes (one per CPU, at
most ``MAX_PROCESSES``), each writing its PDFs into the batch's private folder; the results come back in the order given (the merged PDF
keeps the customers' order). Fewer statements are drawn here, in this process: starting
processes would cost more than it saves. Processes are forked when this process has a
single thread (Linux: cheap, the renderer imported once), spawned otherwise (the desktop
app's threads; Windows, macOS).

``Pool.map`` yields each block's results in order; leaving the ``with`` early (a cancel:
the batch's ``progress`` raising) cancels the blocks not started and waits for the
running ones, so that nothing writes into the folder once the batch has removed it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from app.core.pdf import Logo
from invoicing.document import Party
from invoicing.statement_model import Statement

#: Statements per job sent to a process.
BLOCK = 20
#: From this many statements on, they are drawn in parallel processes: forked ones (cheap
#: to start), or spawned ones (each imports the renderer first: about a second of CPU).
PARALLEL_FROM = 40
PARALLEL_FROM_SPAWNED = 150
MAX_PROCESSES = 4


@dataclass(frozen=True)
class Drawn:
    """A statement's PDF written into the batch's folder."""

    name: str
    pages: int


@dataclass(frozen=True)
class Job:
    statements: tuple[Statement, ...]
    names: tuple[str, ...]
    folder: str
    seller: Party
    logo: Logo
    demo: bool


def draw_block(job: Job) -> list[Drawn]:
    """Renders each statement of ``job`` into ``job.folder`` (in a pool's process, or
    here)."""
    from invoicing.statement_pdf import statement_pdf_pages

    out = []
    for statement, name in zip(job.statements, job.names, strict=True):
        pdf, pages = statement_pdf_pages(statement, job.seller, logo=job.logo, demo=job.demo)
        (Path(job.folder) / name).write_bytes(pdf)
        out.append(Drawn(name, pages))
    return out


def processes_for(count: int) -> int:
    """How many processes draw ``count`` statements (1: this one)."""
    if count < (PARALLEL_FROM if _forks() else PARALLEL_FROM_SPAWNED):
        return 1
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def _single_threaded() -> bool:
    """Only this thread in the process (Qt's and Python's counted): forking is safe."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _forks() -> bool:
    """Processes are forked (not spawned) from this one."""
    return sys.platform.startswith("linux") and _single_threaded()


def _warm_up() -> None:
    """Imports the renderer and registers its fonts (in each process, before its first
    job)."""
    from invoicing import pdf_layout, render, statement_pdf  # noqa: F401 - imported to be warm

    pdf_layout.register_fonts()


class _Here:
    """A block drawn in this process when its result is asked for."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def result(self) -> list[Drawn]:
        return draw_block(self.job)


class Pool:
    """Draws blocks of statements, here or in ``processes`` processes."""

    def __init__(self, processes: int) -> None:
        self.executor: ProcessPoolExecutor | None = None
        if processes > 1:
            import multiprocessing

            method = "spawn"
            if _forks():
                _warm_up()  # once here, shared by the forked processes
                method = "fork"
            self.executor = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context(method),
                initializer=_warm_up,
            )

    def __enter__(self) -> Pool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, job: Job) -> Future[list[Drawn]] | _Here:
        if self.executor is None:
            return _Here(job)
        return self.executor.submit(draw_block, job)

    def map(self, jobs: Iterator[Job], ahead: int) -> Iterator[list[Drawn]]:
        """Each job's results, in order; at most ``ahead`` jobs submitted and not yet
        yielded (the statements of the jobs not submitted are not read yet)."""
        pending: list[Future[list[Drawn]] | _Here] = []
        for job in jobs:
            pending.append(self._submit(job))
            while len(pending) > ahead:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()


def jobs(
    statements: Sequence[Statement],
    names: Sequence[str],
    folder: Path,
    seller: Party,
    logo: Logo,
    demo: bool,
    size: int = BLOCK,
) -> Iterator[Job]:
    for i in range(0, len(statements), size):
        yield Job(
            tuple(statements[i : i + size]),
            tuple(names[i : i + size]),
            str(folder),
            seller,
            logo,
            demo,
        )
