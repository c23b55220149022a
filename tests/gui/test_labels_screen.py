"""Labels screen: choosing labels, saving a PDF, printing; and ``print_pdf`` itself."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from app.bootstrap import Context
from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.catalogue.labels_screen import LabelsScreen
from app.gui.shell import files
from app.gui.shell.operations import Operations, SyncRunner
from app.gui.shell.printing import print_pdf
from inventory import containers, labels
from tests import factories


@pytest.fixture
def ops(db: Database, clock: FixedClock) -> Operations:
    return Operations(Context(db=db, clock=clock, user="tester"), SyncRunner())


@pytest.fixture
def stock(db: Database, clock: FixedClock) -> list[str]:
    factories.item(db)
    factories.item(db, "PAR-64", "Projecteur PAR 64")
    factories.bulk(db, barcode="CAB-DMX10")
    codes = [factories.unit(db, clock, barcode=f"LUM-{n:05d}") for n in range(1, 28)]
    codes.append(factories.unit(db, clock, "PAR-64", barcode="LUM-00900"))
    with db.write() as uow:
        containers.create_case(uow, user="t", name="Rack ampli", permanent=True, barcode="CASE-001")
    return codes


def pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def screen_for(qtbot, ops) -> LabelsScreen:  # type: ignore[no-untyped-def]
    screen = LabelsScreen(ops)
    qtbot.addWidget(screen)
    return screen


def type_item(screen: LabelsScreen, code: str):  # type: ignore[no-untyped-def]
    [item] = screen.tree.findItems(code, Qt.MatchFlag.MatchExactly, 0)
    return item


def save_to(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "save_file_name", lambda *a, **k: str(path))


def test_tick_units_and_save_pdf(qtbot, ops, stock, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, ops)
    assert not screen.pdf_button.isEnabled()
    lyre = type_item(screen, "LYRE-WASH")
    lyre.setCheckState(0, Qt.CheckState.Checked)  # a type: all its 27 units
    assert len(screen.selected) == 27
    lyre.child(0).setCheckState(0, Qt.CheckState.Unchecked)
    type_item(screen, "DMX-10").setCheckState(0, Qt.CheckState.Checked)  # its bulk barcode
    assert len(screen.selected) == 27
    assert "CAB-DMX10" in screen.selected and stock[0] not in screen.selected
    assert "27 labels selected — 2 pages" in screen.count_label.text()

    target = tmp_path / "labels.pdf"
    save_to(monkeypatch, target)
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    assert screen.feedback.kind == "ok", screen.feedback.text()
    assert pages(target) == 2  # 27 labels, 24 a sheet


def test_thermal_one_label_a_page_with_qr(qtbot, ops, stock, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, ops)
    screen.search_edit.setText("LUM-0000")  # narrows the tree to matching units
    lyre = type_item(screen, "LYRE-WASH")
    assert lyre.childCount() == 9 and lyre.isExpanded()
    for index in range(3):
        lyre.child(index).setCheckState(0, Qt.CheckState.Checked)
    screen.format_combo.setCurrentIndex(1)
    screen.qr_check.setChecked(True)
    save_to(monkeypatch, tmp_path / "thermal")  # the extension is added
    screen.save_pdf()
    assert pages(tmp_path / "thermal.pdf") == 3


def test_scan_to_add_and_search_keeps_selection(qtbot, ops, stock) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, ops)
    for code in (stock[-1], "CASE-001", "PAR-64"):  # unit, case, item code (= its units)
        qtbot.keyClicks(screen.scan_edit, code)
        qtbot.keyClick(screen.scan_edit, Qt.Key.Key_Return)
    assert list(screen.selected) == [stock[-1], "CASE-001"]
    assert screen.feedback.kind == "info"  # PAR-64's only unit was already there
    assert type_item(screen, "PAR-64").checkState(0) == Qt.CheckState.Checked
    qtbot.keyClicks(screen.scan_edit, "NOPE-1")
    qtbot.keyClick(screen.scan_edit, Qt.Key.Key_Return)
    assert screen.feedback.kind == "error" and "NOPE-1" in screen.feedback.text()
    screen.search_edit.setText("projecteur")
    screen.search_edit.clear()
    assert len(screen.selected) == 2
    screen.chosen_list.item(0).setSelected(True)
    screen.remove_selected()
    assert list(screen.selected) == ["CASE-001"]
    assert type_item(screen, "PAR-64").checkState(0) == Qt.CheckState.Unchecked


def test_all_labels(qtbot, ops, stock, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, ops)
    screen.all_check.setChecked(True)
    assert screen.label_count() == 30  # 28 units, one bulk type, one case
    assert not screen.tree.isEnabled()
    save_to(monkeypatch, tmp_path / "all.pdf")
    screen.save_pdf()
    assert pages(tmp_path / "all.pdf") == 2


def test_cancelled_dialog_writes_nothing(qtbot, ops, stock, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, ops)
    type_item(screen, "PAR-64").setCheckState(0, Qt.CheckState.Checked)
    monkeypatch.setattr(files, "save_file_name", lambda *a, **k: "")
    screen.save_pdf()
    assert list(tmp_path.glob("*.pdf")) == []


def test_cancel_during_render_writes_nothing(qtbot, ops, stock, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.gui.shell.operations import Cancelled

    def cancelled(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Cancelled()

    monkeypatch.setattr(labels, "render_to_bytes", cancelled)
    screen = screen_for(qtbot, ops)
    type_item(screen, "PAR-64").setCheckState(0, Qt.CheckState.Checked)
    save_to(monkeypatch, tmp_path / "x.pdf")
    screen.save_pdf()
    assert not (tmp_path / "x.pdf").exists()
    assert screen.feedback.kind == "info"


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


def test_print_through_dialog(qtbot, ops, stock, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, ops)
    type_item(screen, "LYRE-WASH").setCheckState(0, Qt.CheckState.Checked)
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(screen, "make_printer", lambda: pdf_printer(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    screen.print_labels()
    job = screen.print_job
    assert job is not None  # printing in the background: the screen keeps answering
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert screen.feedback.kind == "ok", screen.feedback.text()
    assert pages(out) == 2


def test_print_pdf_one_printed_page_per_pdf_page(qtbot, db, stock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        found = labels.labels_for_codes(uow, stock[:3])
    pdf = labels.render_to_bytes(found, fmt="thermal-57x32")
    out = tmp_path / "thermal-printed.pdf"
    done: list[int] = []
    assert print_pdf(pdf, pdf_printer(out), progress=lambda n, _t: done.append(n)) == 3
    assert done == [1, 2, 3]
    printed = pdfium.PdfDocument(str(out))
    try:
        assert len(printed) == 3
        width, height = printed[0].get_size()
        assert abs(width - 57 / 25.4 * 72) < 3 and abs(height - 32 / 25.4 * 72) < 3
    finally:
        printed.close()
