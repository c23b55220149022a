"""Building the demo cooperative into a new database file: the first start of ``regie`` (and
``regie desk``, and any command on the embedded default while the cooperative has no
database of its own: the demo's file, ``<data dir>/demo.db``, never the cooperative's
``regie.db``), and ``regie demo`` into a file that does not exist yet. The database says it
is the demo (``database.kind`` = demo, written before anything else) so its window title
and every document it prints are marked "DÉMO".

The demo is built into a private file beside the target (``demo.db.building``) and
published by renaming it when it is complete, so a database that exists is always a whole
one: a build interrupted (window closed, process killed, power cut) leaves only the private
file, which the next start throws away before building again. One build at a time per
target: a lock file (``demo.db.lock``) is held while building; a second Régie started
meanwhile waits for the first one's file.

Rendering a few hundred invoice PDFs is most of the work: they are rendered by a pool of
processes while the history is issued (``app.demo.invoicing.DeferredRenderer``), and their bytes
and hash chain written before the file is published.

``python -m app.first_start TARGET`` runs the build in a process of its own and prints its
progress as JSON lines (``{"fraction": 0.42, "stage": "bookings", "done": 0, "total": 0}``,
then ``{"ready": "TARGET"}``, or ``{"error": "a sentence"}`` and exit status 1): the
desktop app reads them while its window stays responsive. The process ends by itself when
the one that started it dies (checked at each progress report; its render processes watch
it the same way), leaving the private file for the next start to throw away.

Render processes are forked when the process is single-threaded (cheap: the renderer is
imported once), spawned otherwise; a script that builds a demo must guard its main code
with ``if __name__ == "__main__":`` for the spawned case, as ``multiprocessing`` requires.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.core.clock import Clock
from app.core.db import Database
from app.core.storage import os_reason

#: Stages in build order, with the share of the progress bar each ends at (measured on a
#: 2-core machine: the bar moves at a roughly even pace).
STAGES = (
    ("start", 0.03),
    ("catalogue", 0.12),
    ("bookings", 0.38),
    ("invoices", 0.82),
    ("pdfs", 0.97),
    ("finishing", 1.0),
)
_ENDS = dict(STAGES)
_STARTS = {name: (STAGES[i - 1][1] if i else 0.0) for i, (name, _end) in enumerate(STAGES)}


@dataclass(frozen=True)
class Step:
    """Where a build is: ``fraction`` of the whole in [0, 1], the ``stage`` (a key of
    ``STAGES``, or ``waiting`` for another build), ``done`` of ``total`` items (PDFs)."""

    fraction: float
    stage: str
    done: int = 0
    total: int = 0


Progress = Callable[[Step], None]


@dataclass(frozen=True)
class Built:
    """What a build made (the three demos' summaries)."""

    catalogue: Any
    bookings: Any
    invoicing: Any


def partial_path(target: Path) -> Path:
    return target.with_name(target.name + ".building")


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


# --- one build at a time ----------------------------------------------------------------


@contextlib.contextmanager
def _locked(path: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """An exclusive lock on ``path`` (created), released when the holder ends or dies;
    ``waiting()`` is called once when another process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")  # noqa: SIM115 - held for the block
    try:
        if not _try_lock(handle):
            waiting()
            while not _try_lock(handle):
                time.sleep(0.2)
        yield
    finally:
        handle.close()  # releases the lock


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


# --- the render pool ----------------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    """End this process when ``parent`` is gone (a killed build leaves no orphans)."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _render_worker(parent: int) -> None:
    """A render process: ends with its parent, and yields the CPU to it (the issuing in
    the parent is the critical path; rendering fills the idle time)."""
    _watch_parent(parent)
    with contextlib.suppress(AttributeError, OSError):
        os.nice(5)


def _warm_up() -> int:
    """Import the renderer and its fonts and colour profile before the first document."""
    from app.core import pdf
    from invoicing import render

    pdf.register_fonts()
    render.srgb_profile()
    return os.getpid()


def _single_threaded() -> bool:
    """Only this thread in the process (Qt's and Python's threads counted): forking is
    safe. Unknown (not Linux): no."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


@contextlib.contextmanager
def render_pool(workers: int | None = None) -> Iterator[Any]:
    """Processes that render PDFs (one per CPU, at most four), started at once and warmed
    up while the catalogue and bookings are built. Forked from a single-threaded process
    (after importing the renderer once: the children share it), spawned otherwise."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = workers or max(1, min(4, os.cpu_count() or 1))
    method = "spawn"
    if sys.platform.startswith("linux") and _single_threaded():
        _warm_up()
        method = "fork"
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context(method),
        initializer=_render_worker,
        initargs=(os.getpid(),),
    )
    try:
        for _ in range(count):
            pool.submit(_warm_up)
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- the build ----------------------------------------------------------------------------


def build_into(
    db: Database,
    *,
    size: str = "small",
    seed: int = 1,
    clock: Clock,
    user: str,
    progress: Progress | None = None,
    pool: Any = None,
) -> Built:
    """The three demos into ``db``: catalogue, customers and bookings, rates and the
    invoicing history. With ``pool`` (SQLite), the PDFs are rendered in the pool while the
    history is issued, and written before its transaction commits (``DeferredRenderer``)."""
    from app.demo.booking import build_bookings_demo
    from app.demo.inventory import build_demo
    from app.demo.invoicing import DeferredRenderer, build_invoicing_demo
    from invoicing.issuing import Renderer
    from invoicing.render import render

    report = progress or (lambda _step: None)
    last = [0.0]

    def say(step: Step) -> None:
        """The bar never goes back (a stage's late report after the next one began)."""
        if step.fraction >= last[0]:
            last[0] = step.fraction
            report(step)

    def within(stage: str) -> Callable[[float, str], None]:
        start, end = _STARTS[stage], _ENDS[stage]
        return lambda fraction, _what: say(Step(start + (end - start) * fraction, stage))

    say(Step(_STARTS["catalogue"], "catalogue"))
    catalogue = build_demo(db, size=size, seed=seed, clock=clock, user=user)
    say(Step(_STARTS["bookings"], "bookings"))
    bookings = build_bookings_demo(
        db, size=size, seed=seed, clock=clock, user=user, progress=within("bookings")
    )
    say(Step(_STARTS["invoices"], "invoices"))
    start, end = _STARTS["pdfs"], _ENDS["pdfs"]

    def pdfs(done: int, total: int) -> None:
        say(Step(start + (end - start) * done / max(total, 1), "pdfs", done, total))

    renderer: Renderer = render
    if pool is not None:  # the render processes get the logo with each document
        from app.core.settings import logo_bytes

        with db.read() as uow:
            logo = logo_bytes(uow)
        renderer = DeferredRenderer(pool, functools.partial(render, logo=logo), waiting=pdfs)
    invoicing = build_invoicing_demo(
        db,
        size=size,
        seed=seed,
        clock=clock,
        user=user,
        renderer=renderer,
        progress=within("invoices"),
    )
    say(Step(_STARTS["finishing"], "finishing"))
    return Built(catalogue, bookings, invoicing)


def build_demo_file(
    target: Path,
    *,
    size: str = "small",
    seed: int = 1,
    clock: Clock | None = None,
    user: str | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Built | None:
    """Build the demo cooperative into ``target``, which must not exist: into a private
    file beside it, renamed to ``target`` when complete. Returns None when another process
    built it meanwhile (this one waited for it)."""
    from app.bootstrap import acting_user
    from app.core.migrate import open_database

    say = progress or (lambda _step: None)
    target = Path(target)
    with _locked(lock_path(target), lambda: say(Step(0.0, "waiting"))):
        if target.exists():
            return None
        say(Step(0.0, "start"))
        partial = partial_path(target)
        _remove_database_files(partial)  # what an interrupted build left
        with render_pool(workers) as pool:
            db = open_database(partial)
            try:
                built = build_into(
                    db,
                    size=size,
                    seed=seed,
                    clock=clock or Clock(),
                    user=user or acting_user(),
                    progress=say,
                    pool=pool,
                )
            finally:
                db.dispose()
        _self_contained(partial)
        os.replace(partial, target)
        _sync_directory(target.parent)
        with contextlib.suppress(OSError):  # a waiting build finds the target and stops
            lock_path(target).unlink()
        say(Step(1.0, "finishing"))
        return built


def _self_contained(path: Path) -> None:
    """Fold the write-ahead log into the file and remove it, so the file alone is the
    database when renamed (the next open turns WAL on again)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        connection.close()


def _sync_directory(path: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- a build in a process of its own ------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``python -m app.first_start TARGET``: build, printing progress as JSON lines."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(json.dumps({"error": "usage: python -m app.first_start TARGET"}), flush=True)
        return 2
    parent = os.getppid()
    target = Path(args[0])

    def report(step: Step) -> None:
        if os.getppid() != parent:  # the window that started this build is gone
            os._exit(1)
        print(json.dumps(dataclasses.asdict(step)), flush=True)

    from app.core.errors import DomainError

    def fail(message: str) -> int:
        print(json.dumps({"error": message}), flush=True)
        return 1

    try:
        build_demo_file(target, progress=report)
    except DomainError as err:
        from app import i18n

        i18n.install()
        return fail(i18n.message(err))
    except OSError as err:
        from app import i18n

        i18n.install()
        return fail(
            i18n.tr(
                "FirstStart", "Régie could not write the demo database in {folder} ({reason})."
            ).format(folder=target.parent, reason=i18n.message(os_reason(err)))
        )
    except Exception as err:  # a bug, a full disk seen by SQLite...: a sentence, not a trace
        import traceback

        traceback.print_exc()
        from app import i18n

        i18n.install()
        reason = (str(err).strip().splitlines() or [type(err).__name__])[0]
        return fail(
            i18n.tr("FirstStart", "Preparing the demo failed ({reason}).").format(reason=reason)
        )
    print(json.dumps({"ready": str(target)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
