"""The demo says so in the title bar: "DÉMO — <name> — Régie — <person>"; a cooperative's
own database (or one made before the distinction) never does."""

from __future__ import annotations

import pytest

from app.core.db import Database
from app.core.settings import COOPERATIVE_NAME, DATABASE_KIND, DEMO, OWN, set_setting
from app.gui.shell.main import build_main_window
from app.gui.shell.operations import Operations

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _window(qtbot, ops: Operations, db: Database, kind: str):  # type: ignore[no-untyped-def]
    with db.write() as uow:
        set_setting(uow, COOPERATIVE_NAME, "Le Plateau Commun")
        if kind:
            set_setting(uow, DATABASE_KIND, kind)
    window = build_main_window(ops)
    qtbot.addWidget(window)
    return window


def test_the_demo_database_is_marked_in_the_title(qtbot, ops: Operations, db: Database) -> None:
    window = _window(qtbot, ops, db, DEMO)
    assert window.windowTitle().startswith("DÉMO — Le Plateau Commun — Régie — ")


@pytest.mark.parametrize("kind", [OWN, ""])
def test_an_own_database_is_not_marked(qtbot, ops: Operations, db: Database, kind: str) -> None:
    window = _window(qtbot, ops, db, kind)
    assert window.windowTitle().startswith("Le Plateau Commun — Régie — ")
    assert "DÉMO" not in window.windowTitle()


def test_the_mark_stays_when_someone_else_logs_in(qtbot, ops: Operations, db: Database) -> None:
    window = _window(qtbot, ops, db, DEMO)
    window.apply_role()  # what switching user does once someone logged in
    assert window.windowTitle().startswith("DÉMO — ")
