# ruff: noqa: F811  (fixtures imported from other test modules)
"""The booking editor's quote (Quote PDF…) carries the cooperative's own logo, as the
issued invoices do; in the demo database it carries the demo mark on every page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from app.core import settings
from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.invoicing.invoice_dialogs import PdfDialog
from app.gui.shell.operations import Operations
from booking import bookings
from tests.invoicing.conftest import book, coop  # noqa: F401
from tests.invoicing.test_demo_mark_logo import png_logo, red_logo_in

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def quote_pdf(qtbot, ops: Operations, db: Database, clock) -> bytes:  # type: ignore[no-untyped-def]
    ref = book(db, clock, "C-PUB", {"LYRE": 1}, confirm=False)
    with db.read() as uow:
        booking_id = bookings.booking_by_ref(uow, ref).id
    editor = BookingEditor(ops, None, booking_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.quote_button.click()
    assert isinstance(editor.dialog, PdfDialog)
    return editor.dialog.pdf


def test_the_quote_carries_the_cooperative_s_logo(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    with coop.write() as uow:
        settings.set_setting(uow, settings.LOGO, settings.logo_value(png_logo()))
    pdf = quote_pdf(qtbot, ops, coop, clock)
    assert red_logo_in(pdf)
    assert all("sans valeur" not in p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_demo_s_quote_carries_the_mark(qtbot, ops: Operations, coop: Database, clock) -> None:  # type: ignore[no-untyped-def]
    with coop.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
    pdf = quote_pdf(qtbot, ops, coop, clock)
    assert all("DÉMO — sans valeur" in p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
