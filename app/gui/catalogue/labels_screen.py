"""Barcode labels: choose what to label (search, tick, scan, or everything), pick the sheet
format, then save a PDF or print it.

The selection is a list of codes (unit barcodes, bulk barcodes, case barcodes) kept apart
from the search results, so searching again never loses what was ticked. The PDF is drawn
by ``inventory.labels`` as a long task (a few hundred labels take a moment) with a progress
dialog whose Cancel stops it; printing rasterises that same PDF (``app.gui.shell.printing``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.shell import files
from app.gui.shell.operations import Cancelled, Operations, Progress
from app.gui.shell.printing import PrintJob, no_printer_sentence, printers, start_print
from app.gui.shell.scan_widgets import Feedback, menu_entry, shortcut_action
from app.i18n import label, message
from inventory import labels, queries
from inventory.barcodes import normalise
from inventory.models import STATUS_LABELS, Tracking, UnitStatus

tr = QCoreApplication.translate

SHOWN_TYPES = 200  # search results listed at once; narrow the search for more
CODE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Found:
    """One search result: a type with its units (or its bulk barcode)."""

    type: queries.TypeRow
    units: list[queries.UnitRow]
    matched: bool  # the search text named some of its units: show them


def search(uow: UnitOfWork, text: str) -> tuple[list[Found], int]:
    ids = queries.search_types(uow, text)
    shown = ids[:SHOWN_TYPES]
    rows = queries.type_rows(uow, shown)
    units = queries.units_by_type(uow, shown)
    needle = normalise(text).casefold()
    found = []
    for tid in shown:
        mine = units.get(tid, [])
        hits = [
            u
            for u in mine
            if needle and (needle in u.barcode.casefold() or needle in u.serial.casefold())
        ]
        found.append(Found(rows[tid], hits or mine, bool(hits)))
    return found, len(ids)


class LabelsScreen(QWidget):
    """Choose labels, then save them as a PDF or print them."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.selected: dict[str, str] = {}  # code -> what it is, in the order chosen
        self.all_count = 0
        self._syncing = False
        self._build()
        ops.changed.connect(self._on_changed)
        self.find()
        self._update_count()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_picker())
        splitter.addWidget(self._build_output())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._build_menu()

    def _build_menu(self) -> None:
        """The Labels menu, shown while this screen is current: every shortcut, in writing."""
        self.menu = QMenu(tr("LabelsScreen", "&Labels"), self)
        for text, keys, slot in (
            (tr("LabelsScreen", "&Search"), "Ctrl+F", self._focus_search),
            (tr("LabelsScreen", "Save as P&DF…"), "Ctrl+S", self.save_pdf),
            (tr("LabelsScreen", "&Print…"), "Ctrl+P", self.print_labels),
            (tr("LabelsScreen", "&Remove"), "Delete", self.remove_button.click),
            (tr("LabelsScreen", "C&lear"), "", self.clear_button.click),
        ):
            menu_entry(self.menu, text, keys, slot)

    def _build_picker(self) -> QWidget:
        self.picker = QWidget()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            tr("LabelsScreen", "Search item types or units by code, name or serial number")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _: self.find())
        shortcut_action(self, tr("LabelsScreen", "Search"), "Ctrl+F", self._focus_search)
        search_label = QLabel(tr("LabelsScreen", "&Search:"))
        search_label.setBuddy(self.search_edit)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [tr("LabelsScreen", "Code"), tr("LabelsScreen", "Item"), tr("LabelsScreen", "Status")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(90)
        self.tree.itemChanged.connect(self._item_changed)
        self.found_label = QLabel()
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(
            tr("LabelsScreen", "Scan or type a barcode or item code, then Enter")
        )
        self.scan_edit.returnPressed.connect(self.add_scanned)
        scan_label = QLabel(tr("LabelsScreen", "Add by scanni&ng:"))
        scan_label.setBuddy(self.scan_edit)
        self.feedback = Feedback()
        self.print_job: PrintJob | None = None  # the last print started (tests wait on it)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        scan = QHBoxLayout()
        scan.addWidget(scan_label)
        scan.addWidget(self.scan_edit, 1)
        layout = QVBoxLayout(self.picker)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.found_label)
        layout.addLayout(scan)
        layout.addWidget(self.feedback)
        return self.picker

    def _build_output(self) -> QWidget:
        box = QWidget()
        chosen = QGroupBox(tr("LabelsScreen", "Labels to print"))
        self.all_check = QCheckBox(
            tr("LabelsScreen", "&All labels (every unit, bulk item and case)")
        )
        self.all_check.toggled.connect(self._all_toggled)
        self.chosen_list = QListWidget()
        self.chosen_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        shortcut_action(
            self.chosen_list,
            tr("LabelsScreen", "Remove"),
            "Delete",
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.count_label = QLabel()
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.remove_button = QPushButton(tr("LabelsScreen", "&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(tr("LabelsScreen", "C&lear"))
        self.clear_button.clicked.connect(self.clear_selection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.addWidget(self.all_check)
        chosen_layout.addWidget(self.chosen_list, 1)
        chosen_layout.addWidget(self.count_label)
        chosen_layout.addLayout(buttons)

        output = QGroupBox(tr("LabelsScreen", "Format"))
        self.format_combo = QComboBox()
        self.format_combo.addItem(
            tr("LabelsScreen", "A4 sheet, 3 × 8 labels of 70 × 37 mm"), "a4-3x8"
        )
        self.format_combo.addItem(tr("LabelsScreen", "Thermal roll, 57 × 32 mm"), "thermal-57x32")
        self.format_combo.currentIndexChanged.connect(lambda _: self._update_count())
        self.qr_check = QCheckBox(tr("LabelsScreen", "Add a &QR code"))
        self.pdf_button = QPushButton(tr("LabelsScreen", "Save as P&DF…"))
        self.pdf_button.setToolTip(tr("LabelsScreen", "Save as PDF (Ctrl+S)"))
        self.pdf_button.clicked.connect(self.save_pdf)
        shortcut_action(self, tr("LabelsScreen", "Save as PDF"), "Ctrl+S", self.save_pdf)
        self.print_button = QPushButton(tr("LabelsScreen", "&Print…"))
        self.print_button.setToolTip(tr("LabelsScreen", "Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_labels)
        shortcut_action(self, tr("LabelsScreen", "Print"), "Ctrl+P", self.print_labels)
        form = QFormLayout(output)
        form.addRow(tr("LabelsScreen", "&Format:"), self.format_combo)
        form.addRow("", self.qr_check)
        form_label = form.itemAt(0, QFormLayout.ItemRole.LabelRole)
        if form_label is not None and isinstance(form_label.widget(), QLabel):
            form_label.widget().setBuddy(self.format_combo)  # type: ignore[union-attr]
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.print_button)
        form.addRow(actions)

        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(chosen, 1)
        layout.addWidget(output)
        return box

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- search results --------------------------------------------------------------

    def find(self) -> None:
        text = self.search_edit.text()
        self.ops.read(lambda uow: search(uow, text), lambda result: self._show(text, *result))

    def _on_changed(self, kind: str) -> None:
        if kind in ("catalogue", "cases"):
            self.find()
            if self.all_check.isChecked():
                self._count_all()

    def _show(self, text: str, found: list[Found], total: int) -> None:
        if text != self.search_edit.text():
            return  # an older answer: the user typed on
        self._syncing = True
        self.tree.clear()
        for entry in found:
            item = self._type_item(entry)
            self.tree.addTopLevelItem(item)
            item.setExpanded(entry.matched)  # only once in the tree
        self._syncing = False
        self._sync_checks()
        if total > len(found):
            self.found_label.setText(
                tr(
                    "LabelsScreen", "{shown} of {total} item types shown: narrow the search."
                ).format(shown=len(found), total=total)
            )
        else:
            self.found_label.setText(tr("LabelsScreen", "%n item type(s) found.", None, total))

    def _type_item(self, entry: Found) -> QTreeWidgetItem:
        row = entry.type
        item = QTreeWidgetItem([row.code, row.name, ""])
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if row.tracking == Tracking.BULK and row.barcode:
            item.setData(0, CODE, row.barcode)
            item.setText(2, tr("LabelsScreen", "bulk ({barcode})").format(barcode=row.barcode))
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            return item
        for unit in entry.units:
            child = QTreeWidgetItem(
                [
                    unit.barcode,
                    unit.serial or row.name,
                    label(STATUS_LABELS.get(UnitStatus(unit.status), "")),
                ]
            )
            child.setData(0, CODE, unit.barcode)
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Unchecked)
            item.addChild(child)
        if entry.units:
            item.setFlags(flags | Qt.ItemFlag.ItemIsAutoTristate)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setText(2, tr("LabelsScreen", "%n unit(s)", None, len(entry.units)))
        else:
            item.setText(2, tr("LabelsScreen", "no units"))
            item.setDisabled(True)
        return item

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        code = item.data(0, CODE)
        if self._syncing or column != 0 or not code:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            parent = item.parent()
            title = parent.text(1) if parent is not None else item.text(1)
            self.selected.setdefault(code, f"{code} — {title}")
        else:
            self.selected.pop(code, None)
        self._show_selection()

    def _sync_checks(self) -> None:
        """Tick the tree's items that are in the selection (after a search or a scan)."""
        self._syncing = True
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            leaves = [top.child(i) for i in range(top.childCount())] or [top]
            for leaf in leaves:
                code = leaf.data(0, CODE)
                if code:
                    state = (
                        Qt.CheckState.Checked if code in self.selected else Qt.CheckState.Unchecked
                    )
                    if leaf.checkState(0) != state:
                        leaf.setCheckState(0, state)
        self._syncing = False

    # --- selection -------------------------------------------------------------------

    def add_scanned(self) -> None:
        code = normalise(self.scan_edit.text())
        self.scan_edit.clear()
        if not code:
            return
        self.ops.read(
            lambda uow: labels.labels_for_codes(uow, [code]),
            lambda found: self._add_labels(code, found),
            self._refused,
        )

    def _add_labels(self, code: str, found: list[labels.Label]) -> None:
        added = 0
        for item in found:
            if item.code not in self.selected:
                self.selected[item.code] = f"{item.code} — {item.title}"
                added += 1
        if added:
            self.feedback.ok(
                tr("LabelsScreen", "Added %n label(s) for %1.", None, added).replace("%1", code)
            )
        else:
            self.feedback.info(
                tr("LabelsScreen", "{code} is already in the list.").format(code=code)
            )
        self._sync_checks()
        self._show_selection()
        self.scan_edit.setFocus()

    def _refused(self, err: DomainError | Cancelled) -> None:
        if isinstance(err, Cancelled):
            self.feedback.info(tr("LabelsScreen", "Cancelled: nothing was saved or printed."))
        else:
            self.feedback.error(message(err))

    def remove_selected(self) -> None:
        for item in self.chosen_list.selectedItems():
            self.selected.pop(item.data(CODE), None)
        self._sync_checks()
        self._show_selection()

    def clear_selection(self) -> None:
        self.selected.clear()
        self._sync_checks()
        self._show_selection()

    def _show_selection(self) -> None:
        self.chosen_list.clear()
        for code, text in self.selected.items():
            entry = QListWidgetItem(text)
            entry.setData(CODE, code)
            self.chosen_list.addItem(entry)
        self._update_count()

    def _all_toggled(self, on: bool) -> None:
        for widget in (self.picker, self.chosen_list, self.remove_button, self.clear_button):
            widget.setEnabled(not on)
        if on:
            self._count_all()
        self._update_count()

    def _count_all(self) -> None:
        self.ops.read(lambda uow: len(labels.all_labels(uow)), self._all_counted)

    def _all_counted(self, count: int) -> None:
        self.all_count = count
        self._update_count()

    def label_count(self) -> int:
        return self.all_count if self.all_check.isChecked() else len(self.selected)

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def _update_count(self) -> None:
        count = self.label_count()
        pages = labels.page_count(count, self.fmt()) if count else 0
        self.count_label.setText(
            tr("LabelsScreen", "%n label(s) selected", None, count)
            + " — "
            + tr("LabelsScreen", "%n page(s)", None, pages)
        )
        for button in (self.pdf_button, self.print_button):
            button.setEnabled(count > 0)

    # --- output ----------------------------------------------------------------------

    def save_pdf(self) -> None:
        if not self.label_count():
            return
        path = files.save_file_name(
            self,
            tr("LabelsScreen", "Save labels as PDF"),
            tr("LabelsScreen", "labels.pdf"),
            tr("LabelsScreen", "PDF files (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.render(lambda pdf: self._write(Path(path), pdf))

    def _write(self, path: Path, pdf: bytes) -> None:
        try:
            path.write_bytes(pdf)
        except OSError as err:
            self.feedback.error(
                tr("LabelsScreen", "Could not save {path}: {reason}").format(
                    path=str(path), reason=err.strerror or str(err)
                )
            )
            return
        self.feedback.ok(tr("LabelsScreen", "Saved {path}.").format(path=str(path)))

    def make_printer(self) -> QPrinter:
        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def print_labels(self) -> None:
        """The system print dialog (a sentence when there is no printer), then the labels
        drawn as a long task and printed in the background with progress and Cancel."""
        if not self.label_count():
            return
        if not printers():
            self.feedback.error(message(no_printer_sentence()))
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("LabelsScreen", "Print labels"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.render(lambda pdf: self._print(printer, pdf))

    def _print(self, printer: QPrinter, pdf: bytes) -> PrintJob:
        job = start_print(self, pdf, printer, tr("LabelsScreen", "Labels"), show_errors=False)
        job.finished.connect(
            lambda pages: self.feedback.ok(
                tr("LabelsScreen", "%n page(s) sent to the printer.", None, pages)
            )
        )
        job.failed.connect(lambda err: self.feedback.error(message(err)))
        job.cancelled.connect(lambda: self.feedback.info(tr("LabelsScreen", "Printing cancelled.")))
        self.print_job = job
        return job

    def render(self, deliver: Callable[[bytes], None]) -> None:
        """Fetch the chosen labels, then draw the PDF as a long task and hand it over."""
        codes, everything = list(self.selected), self.all_check.isChecked()

        def fetch(uow: UnitOfWork) -> list[labels.Label]:
            return labels.all_labels(uow) if everything else labels.labels_for_codes(uow, codes)

        self.ops.read(fetch, lambda found: self._draw(found, deliver), self._refused)

    def _draw(self, found: list[labels.Label], deliver: Callable[[bytes], None]) -> None:
        fmt, qr = self.fmt(), self.qr_check.isChecked()
        dialog = QProgressDialog(
            tr("LabelsScreen", "Preparing {count} labels…").format(count=len(found)),
            tr("LabelsScreen", "Cancel"),
            0,
            max(1, len(found)),
            self,
        )
        dialog.setWindowTitle(tr("LabelsScreen", "Labels"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setValue(0)

        def task(progress: Progress) -> bytes:
            return labels.render_to_bytes(found, fmt=fmt, qr=qr, progress=progress)

        def finish(pdf: bytes) -> None:
            dialog.reset()
            dialog.deleteLater()
            deliver(pdf)

        def fail(err: DomainError | Cancelled) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._refused(err)

        handle = self.ops.long(task, lambda done, _total: dialog.setValue(done), finish, fail)
        dialog.canceled.connect(handle.cancel)
