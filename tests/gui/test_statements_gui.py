# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""Monthly statements from the desktop: the batch runs through ``ops.long`` behind a progress
dialog; the progress advances; Cancel stops it and leaves no file behind; a full run writes
every statement and the merged PDF, and offers to open it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.gui.invoicing.statements_dialog import StatementsDialog, month_label, months
from app.gui.reports.reports_screen import ReportsScreen
from app.gui.shell import files
from app.gui.shell.operations import Operations
from invoicing import invoices, statements
from tests.invoicing.conftest import USER, book, coop, customer, fake_render  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


def at(day: str) -> FixedClock:
    return FixedClock(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=PARIS))


@pytest.fixture
def october(coop: Database) -> list[int]:
    """Three customers with an invoice issued in October 2026; their ids."""
    customer(coop, "C-TRI", "Théâtre du Tri")
    for number in ("C-PUB", "C-MEM", "C-TRI"):
        ref = book(
            coop,
            at("2026-09-01"),
            number,
            {"LYRE": 1},
            "2026-10-05T09:00",
            "2026-10-07T09:00",
            "2026-10-05T10:00",
            "2026-10-06T23:00",
        )
        with coop.write() as uow:
            invoices.issue_invoice(
                uow, user=USER, reference=ref, clock=at("2026-10-08"), renderer=fake_render
            )
    with coop.read() as uow:
        ids = statements.customers_for_month(uow, "2026-10")
    assert len(ids) == 3
    return ids


@pytest.fixture
def dialog(qtbot, ops: Operations, october: list[int], tmp_path: Path) -> StatementsDialog:  # type: ignore[no-untyped-def]
    widget = StatementsDialog(ops, None, month="2026-10")
    qtbot.addWidget(widget)
    widget.folder.setText(str(tmp_path / "releves"))
    widget.show()
    return widget


def pdfs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.pdf")) if folder.exists() else []


def test_months_offered_and_labelled() -> None:
    found = months(dt.date(2026, 1, 15), 3)
    assert found == ["2026-01", "2025-12", "2025-11"]
    assert month_label("2026-10") == "October 2026"


def test_the_last_month_is_proposed(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    widget = StatementsDialog(ops)
    qtbot.addWidget(widget)
    assert widget.month.currentData() == "2026-10"  # the clock says 26/11/2026


def test_a_full_run_writes_every_statement_and_offers_the_merged_pdf(
    dialog: StatementsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int, int, int]] = []

    def record(done: int, total: int) -> None:
        progress = dialog.progress_dialog
        assert progress is not None
        seen.append((done, total, progress.value(), progress.maximum()))

    dialog.progressed.connect(record)
    dialog.write_button.click()
    assert [(d, t) for d, t, _, _ in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [(v, m) for _, _, v, m in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    folder = tmp_path / "releves"
    assert pdfs(folder) == [
        "releve-2026-10-C-MEM.pdf",
        "releve-2026-10-C-PUB.pdf",
        "releve-2026-10-C-TRI.pdf",
        "releves-2026-10.pdf",
    ]
    assert dialog.progress_dialog is None and dialog.handle is None
    assert "3 statements of October 2026 written" in dialog.message.text()
    box = dialog.box
    assert isinstance(box, QMessageBox) and "3 statements" in box.text()
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    dialog.open_merged_button.click()
    assert opened == [str(folder / "releves-2026-10.pdf")]


def test_cancel_stops_the_batch_and_writes_nothing(
    dialog: StatementsDialog, tmp_path: Path
) -> None:
    seen: list[int] = []

    def press_cancel(done: int, total: int) -> None:
        seen.append(done)
        if done == 1:  # the first statement is written: the user presses Cancel
            progress = dialog.progress_dialog
            assert progress is not None
            button = progress.findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            button.click()

    dialog.progressed.connect(press_cancel)
    dialog.write_button.click()
    assert seen == [0, 1]  # it stopped at once
    folder = tmp_path / "releves"
    assert pdfs(folder) == []  # nothing half-written (not even in a temporary folder)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert dialog.message.text() == "Cancelled: no statement was written."
    assert dialog.result_value is None and dialog.progress_dialog is None
    assert dialog.write_button.isEnabled()
    dialog.progressed.disconnect(press_cancel)
    dialog.write_button.click()  # and it can run again, in full
    assert len(pdfs(folder)) == 4


def test_a_month_without_activity_writes_nothing(dialog: StatementsDialog, tmp_path: Path) -> None:
    dialog.month.setCurrentIndex(dialog.month.findData("2026-01"))
    dialog.write_button.click()
    assert "No customer had activity or a balance in January 2026." in dialog.message.text()
    assert pdfs(tmp_path / "releves") == []


def test_an_empty_folder_is_refused(dialog: StatementsDialog) -> None:
    dialog.folder.setText("  ")
    assert dialog.run() is None
    assert "Choose the folder" in dialog.message.text()


def test_choose_folder(dialog: StatementsDialog, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "existing_directory", lambda *a, **k: str(tmp_path / "x"))
    dialog.choose_folder()
    assert dialog.folder.text() == str(tmp_path / "x")


def test_opened_from_the_reports_screen(qtbot, ops: Operations, october: list[int]) -> None:  # type: ignore[no-untyped-def]
    screen = ReportsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.statements_action.trigger()
    assert isinstance(screen.dialog, StatementsDialog)
    screen.dialog.reject()


def test_opened_from_the_invoices_menu(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    from app.gui.shell.main import build_main_window

    window = build_main_window(ops)
    qtbot.addWidget(window)
    window.show()
    window.show_area("invoices")
    assert window.statements_action in window.screens["invoices"].menu.actions()  # type: ignore[attr-defined]
    window.statements_action.trigger()
    assert isinstance(window.dialog, StatementsDialog)
    window.dialog.reject()


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _file_printer(path: Path) -> Any:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(100)
    return printer


def test_one_customer_only(dialog: StatementsDialog, october: list[int], tmp_path: Path) -> None:
    index = dialog.customer.findData(october[1])
    assert index > 0 and dialog.customer.itemText(0).startswith("Every customer")
    dialog.customer.setCurrentIndex(index)
    dialog.write_button.click()
    assert len([n for n in pdfs(tmp_path / "releves") if n.startswith("releve-")]) == 1


def test_the_month_printed_in_one_go_without_a_dialog(
    qtbot, dialog: StatementsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A printer chosen in the list: no print dialog, no summary box, one job holding every
    statement of the month (the merged PDF)."""
    from PySide6.QtPrintSupport import QPrintDialog

    from app.gui.invoicing.statements_dialog import DIALOG

    assert dialog.print_choice.itemData(0) == ""  # not printing is the default
    assert dialog.print_choice.itemData(dialog.print_choice.count() - 1) == DIALOG
    out = tmp_path / "printed.pdf"
    asked: list[str] = []
    monkeypatch.setattr(
        dialog, "make_printer", lambda choice: asked.append(choice) or _file_printer(out)
    )
    monkeypatch.setattr(QPrintDialog, "exec", lambda d: pytest.fail("no dialog per customer"))
    dialog.print_choice.addItem("On TestPDF", "TestPDF")  # whatever this machine has
    dialog.print_choice.setCurrentIndex(dialog.print_choice.count() - 1)
    dialog.write_button.click()
    job = dialog.print_job
    assert job is not None and asked == ["TestPDF"]
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    merged = tmp_path / "releves" / "releves-2026-10.pdf"
    assert job.error is None and job.pages == _pages(merged) == _pages(out) >= 3
    assert dialog.box is None  # nothing to click through
    assert "Sent to" in dialog.message.text()
    assert dialog.write_button.isEnabled()


def test_an_unknown_printer_is_said_and_the_statements_stay_written(
    dialog: StatementsDialog, tmp_path: Path
) -> None:
    dialog.print_choice.addItem("On a printer gone since", "no-such-printer-here")
    dialog.print_choice.setCurrentIndex(dialog.print_choice.count() - 1)
    dialog.write_button.click()
    assert dialog.print_job is None
    assert "no-such-printer-here" in dialog.message.text()
    assert "releves-2026-10.pdf" in pdfs(tmp_path / "releves")


def test_the_summary_prints_the_merged_pdf_through_one_dialog(
    qtbot, dialog: StatementsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from app.gui.shell import printing

    out = tmp_path / "printed.pdf"
    opened: list[str] = []

    def accept(print_dialog: QPrintDialog) -> int:
        opened.append(print_dialog.windowTitle())
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(out))
        print_dialog.printer().setResolution(100)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    monkeypatch.setattr(printing, "printers", lambda: ["TestPDF"])
    dialog.write_button.click()
    assert dialog.box is not None
    dialog.print_merged_button.click()
    job = dialog.print_job
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert opened == ["Print Statements 2026-10"]  # one dialog for the whole month
    assert _pages(out) == _pages(tmp_path / "releves" / "releves-2026-10.pdf")


def test_every_control_has_a_name(dialog: StatementsDialog) -> None:
    from tests.gui.accessibility_probe import unnamed_controls

    assert unnamed_controls(dialog) == []
