"""Backups as the application makes them: ``app.core.backups`` with the checks of ``regie
verify`` (``invoicing.integrity``), which the kernel cannot import. The CLI, the Backups
screen and the main window's automatic backups (at close, daily at start) call these."""

from __future__ import annotations

from pathlib import Path

from app.core import backups
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork
from invoicing import integrity


def check(uow: UnitOfWork) -> list[str]:
    """Every problem ``regie verify`` finds, one sentence each (in the user's language
    when the translations are loaded); none when the database is intact."""
    from app import i18n

    report = integrity.verify(uow)
    return [problem.line(i18n.message(problem.error)) for problem in report.problems]


def quick(uow: UnitOfWork) -> list[str]:
    """The check of an automatic backup, seconds even on a large database: SQLite's
    ``quick_check`` (every page readable, records well formed; not the index contents)
    and ``regie verify --quick`` (the triggers, the counts of sealed rows, the chain's
    end). A backup someone asks for gets the full ``check``."""
    from app import i18n

    problems = []
    conn = uow.session.connection()
    if conn.dialect.name == "sqlite":
        found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check").all()]
        if found != ["ok"]:
            problems.append("SQLite quick_check: " + "; ".join(found[:5]))
    report = integrity.quick_check(uow)
    problems.extend(p.line(i18n.message(p.error)) for p in report.problems)
    return problems


def backup(db: Database, clock: Clock, out: Path | None = None) -> backups.Made:
    """A backup a person asked for (administrators)."""
    return backups.backup(db, clock, check, out=out)


def on_close(db: Database, clock: Clock) -> backups.Made | None:
    """The automatic backup when a window of Régie closes (checked by ``quick``: seconds
    even on a large database): never raises (a failure is recorded for the Backups
    screen and logged)."""
    return backups.on_close(db, clock, quick)


def on_start(db: Database, clock: Clock) -> backups.Made | None:
    """The daily automatic backup, when the last good one is older than a day."""
    return backups.on_start(db, clock, quick)


def restore(
    target: Path | str, source: Path, clock: Clock, live: Database | None
) -> backups.Restored:
    return backups.restore(target, source, clock, check, live=live, after=quick)
