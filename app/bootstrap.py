"""The composition root: builds the database, clock and acting user, and hands them down.

Nothing else creates an engine; no module-level state.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.clock import Clock
from app.core.db import Database
from app.core.migrate import open_database
from app.core.paths import default_db_path, resolve_db_path


@dataclass
class Context:
    db: Database
    clock: Clock = field(default_factory=Clock)
    user: str = field(default_factory=lambda: acting_user())


def acting_user() -> str:
    name = os.environ.get("REGIE_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "regie"


def first_run(db_option: str | None) -> bool:
    """Will opening this database build the demo cooperative (a slow first start)?"""
    path = resolve_db_path(db_option)
    return not path.exists() and _is_embedded_default(path)


def open_context(
    db_option: str | None,
    *,
    demo_if_new: bool = True,
    step: Callable[[int], None] | None = None,
) -> Context:
    """Open the database a command names. The embedded default (the user's data
    directory) is created and filled with the demo cooperative (catalogue, customers,
    bookings, rates and invoices) on first run; ``step(n)`` reports stages 1 to 3."""
    path = resolve_db_path(db_option)
    fresh = not path.exists()
    ctx = Context(db=open_database(path))
    report = step or (lambda _n: None)
    if fresh and demo_if_new and _is_embedded_default(path):
        from booking.demo import build_bookings_demo
        from inventory.demo import build_demo
        from invoicing.demo import build_invoicing_demo
        from invoicing.render import render

        report(1)
        build_demo(ctx.db, size="small", seed=1, clock=ctx.clock, user=ctx.user)
        report(2)
        build_bookings_demo(ctx.db, size="small", seed=1, clock=ctx.clock, user=ctx.user)
        report(3)
        build_invoicing_demo(
            ctx.db, size="small", seed=1, clock=ctx.clock, user=ctx.user, renderer=render
        )
    return ctx


def _is_embedded_default(path: Path) -> bool:
    return path.resolve() == default_db_path().resolve()
