"""File → Set up my cooperative: refused with a sentence when the cooperative's own file
exists; else the assistant, then Régie reopens on the new database (the demo's window
closes, the cooperative's opens, logged in as the administrator just set up) and offers to
import data. The choice is remembered: the default rule opens regie.db from now on, a
database chosen on this computer is replaced by it."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core import connection, paths, settings
from app.core.db import Database
from app.core.migrate import open_database
from app.gui.shell import launch, setup_wizard
from app.gui.shell.main import build_main_window
from app.gui.shell.operations import Operations, SyncRunner
from invoicing import setup
from tests.gui.test_setup_wizard import IBAN, SIRET, VAT

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

IDENTITY = setup.Identity(
    name="Le Plateau Commun",
    legal_form="SCIC SAS",
    address="12 rue des Tanneurs",
    postcode="69001",
    city="Lyon",
    siret=SIRET,
    vat=VAT,
    iban=IBAN,
)


def _demo(db: Database) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
        settings.set_setting(uow, settings.COOPERATIVE_NAME, "La démo")


def test_an_existing_own_database_is_not_set_up_again(qtbot, ops: Operations, db: Database):
    window = build_main_window(ops)
    qtbot.addWidget(window)
    own = paths.default_db_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    setup.create_cooperative(own, setup.SetUp(IDENTITY)).dispose()
    shown = setup_wizard.open_setup(window)
    assert isinstance(shown, QMessageBox)
    assert str(own) in shown.text() and "set up already" in shown.text()
    shown.close()


def test_the_assistant_from_the_menu_creates_the_own_file_and_remembers_it(
    qtbot, ops: Operations, db: Database, tmp_path: Path
):
    _demo(db)
    connection.choose_file(tmp_path / "regie.db")  # this PC opened the demo file by choice
    window = build_main_window(ops)
    qtbot.addWidget(window)
    wizard = setup_wizard.open_setup(window)
    assert isinstance(wizard, setup_wizard.SetupWizard)
    assert wizard.target == paths.default_db_path() and window.dialog is wizard
    wizard.runner = SyncRunner()
    reopened: list[tuple[object, object]] = []
    original = launch.reopen

    def spy(win: QWidget, target: Path, credentials: tuple[str, str] | None = None) -> bool:
        reopened.append((target, credentials))
        return original(win, target, credentials)

    launch.reopen = spy  # type: ignore[assignment]
    try:
        with qtbot.waitSignal(wizard.created):
            _create(wizard)
    finally:
        launch.reopen = original  # type: ignore[assignment]
    assert reopened == [(paths.default_db_path(), None)]
    assert connection.chosen() == paths.default_db_path()
    created = open_database(paths.default_db_path())
    try:
        with created.read() as uow:
            assert settings.get_setting(uow, settings.DATABASE_KIND) == settings.OWN
    finally:
        created.dispose()


def _create(wizard: setup_wizard.SetupWizard) -> None:
    for key, value in (
        ("name", IDENTITY.name),
        ("legal_form", IDENTITY.legal_form),
        ("siret", IDENTITY.siret),
        ("vat", IDENTITY.vat),
    ):
        wizard.legal.fields[key].set_text(value)
    for key, value in (
        ("address", IDENTITY.address),
        ("postcode", IDENTITY.postcode),
        ("city", IDENTITY.city),
        ("iban", IDENTITY.iban),
    ):
        wizard.contact.fields[key].set_text(value)
    wizard.accept()


def test_regie_reopens_on_the_new_database_logged_in_as_its_administrator(
    qtbot, db_path: Path, db: Database, tmp_path: Path
):
    _demo(db)
    db.dispose()
    made: list[QWidget] = []

    def make(ops: object) -> QWidget:
        window = build_main_window(ops)  # type: ignore[arg-type]
        made.append(window)
        return window

    session = launch._Session(str(db_path), make, lambda w: None, kiosk=False)  # noqa: SLF001
    assert session.open_window()
    first = made[0]  # reopen deletes it
    qtbot.waitUntil(lambda: first.windowTitle().startswith("DÉMO — La démo"))
    own = tmp_path / "own.db"
    setup.create_cooperative(
        own, setup.SetUp(IDENTITY, admin_password="un mot de passe sûr")
    ).dispose()
    assert launch.reopen(first, own, ("admin", "un mot de passe sûr"))
    second = made[1]
    qtbot.addWidget(second)
    try:
        qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # the demo's window is gone
        qtbot.waitUntil(
            lambda: second.windowTitle() == "Le Plateau Commun — Régie — admin (administrator)"
        )
        assert session.ctx is not None and session.ctx.db.actor.name == "admin"
        offer = second.dialog
        assert isinstance(offer, QMessageBox) and "Import" in offer.text()
        offer.close()
    finally:
        session.close()
