"""The main window checks integrity: at start the quick check, and a banner when it finds
something wrong; File → Verify integrity… runs the full check and lists every broken
document in a dialog."""

from __future__ import annotations

import sqlite3

import pytest

from app.gui.shell.integrity_view import IntegrityDialog
from app.gui.shell.main import build_main_window
from invoicing import invoices, issuing, payments
from tests.invoicing.conftest import USER, book, coop, fake_render  # noqa: F401 - fixture

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def issued(coop, clock, db_path):  # noqa: F811 - the fixture imported above
    for lines in ({"LYRE": 1}, {"LYRE": 2}):
        ref = book(coop, clock, "C-PUB", lines)
        row = issuing.issue(
            coop,
            lambda uow, ref=ref: invoices.issue_invoice(
                uow, user=USER, reference=ref, clock=clock, renderer=fake_render
            ),
        )
    with coop.write() as uow:
        payments.add_payment(
            uow, user=USER, invoice_number=row.number, amount="10", method="cheque", clock=clock
        )
    return db_path


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def window_of(qtbot, ops):
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def test_an_intact_database_shows_no_banner_and_the_menu_says_intact(qtbot, ops, issued):
    win = window_of(qtbot, ops)
    assert win.integrity.last is not None and win.integrity.last.intact
    assert not win.integrity.banner.isVisible()
    assert win.verify_action in win.menuBar().actions()[0].menu().actions()
    win.verify_action.trigger()
    dialog = win.dialog
    assert isinstance(dialog, IntegrityDialog)
    assert dialog.text.startswith("Intact: 2 documents, 1 payments, 3 seals, 10 triggers")
    assert not dialog.details.isVisible()


def test_a_tampered_database_is_named_at_start_and_by_the_menu(qtbot, ops, issued):
    tamper(
        issued,
        "DROP TRIGGER issued_document_no_update",
        "UPDATE issued_document SET gross_cents = gross_cents - 100 WHERE number = 'FA-2026-00002'",
        "DROP TRIGGER payment_no_update",
        "UPDATE payment SET amount_cents = 1000000 WHERE id = 1",
    )
    win = window_of(qtbot, ops)
    banner = win.integrity.banner
    assert banner.isVisible()
    assert "trigger issued_document_no_update is missing" in banner.label.text()
    banner.button.click()  # the full check, from the banner
    dialog = win.dialog
    assert isinstance(dialog, IntegrityDialog)
    lines = dialog.details.toPlainText().splitlines()
    assert "FA-2026-00002: amounts changed since issue" in lines
    assert "FA-2026-00002: payment 1 changed since it was recorded" in lines
    assert "trigger payment_no_update is missing" in lines
    assert dialog.head.text().startswith("Not intact:")
    assert dialog.report.broken_documents == ["FA-2026-00002"]
    dialog.close()
    win.verify_action.trigger()  # and from the menu
    assert isinstance(win.dialog, IntegrityDialog) and not win.dialog.report.intact
