"""Cases and racks: a physical container whose barcode stands for its contents.

Built for a technician holding a USB scanner: in fill mode the scan field keeps the focus,
every scan gets an immediate green or red answer, and the list of cases is locked so a stray
scan never changes which case is being filled.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate
from app.gui.shell.empty import EmptyState
from app.gui.shell.models import status_label
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import (
    Feedback,
    cell_text,
    make_table,
    menu_entry,
    select_key,
    selected_key,
    set_row,
    shortcut_action,
)
from app.gui.shell.scanner import ScanCatcher
from app.gui.shell.widgets import set_invalid
from app.i18n import message
from inventory import containers
from inventory.barcodes import normalise, resolve
from inventory.container_views import CaseRow, ContentRow, case_rows, content_rows, put_unit

tr = QCoreApplication.translate


class CasesScreen(QWidget):
    """Cases and racks: create them, fill them by scanning, take units out, empty them."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.case: CaseRow | None = None
        self.rows: dict[int, CaseRow] = {}
        self._build()
        # In fill mode a scanner's burst goes to the open case wherever the focus is in
        # the screen (Shift and AltGr between its characters included).
        self.catcher = ScanCatcher(self, whole_window=False)
        self.catcher.active = False
        self.catcher.scanned.connect(self.scan_code)
        ops.changed.connect(self._on_changed)
        self.refresh()
        self._show_case(None)

    def _build(self) -> None:
        self.table = make_table(
            [
                tr("CasesScreen", "Barcode"),
                tr("CasesScreen", "Name"),
                tr("CasesScreen", "Kind"),
                tr("CasesScreen", "Location"),
                tr("CasesScreen", "Units"),
            ]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(tr("CasesScreen", "Flight-cases and racks"))
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        EmptyState(
            self.table,
            lambda: tr(
                "CasesScreen",
                "No case or rack yet. Name one below, then press Create case (Enter).",
            ),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._open_selected())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            style.set_role(QLabel(tr("CasesScreen", "Flight-cases and racks")), "heading")
        )
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self._build_new_case())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_contents())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.table, self.name_edit)
        self._build_menu()

    def _build_menu(self) -> None:
        """The Cases menu, shown while this screen is current: every shortcut, in writing."""
        self.menu = QMenu(tr("CasesScreen", "&Cases"), self)
        for text, keys, slot, icon in (
            (tr("CasesScreen", "&New case"), "Ctrl+N", self._focus_new_case, "new"),
            (tr("CasesScreen", "&Fill by scanning"), "F4", self.fill_button.click, "desk"),
            (
                tr("CasesScreen", "&Take out"),
                QKeySequence.StandardKey.Delete,
                self.take_out_button.click,
                "remove",
            ),
            (tr("CasesScreen", "&Empty case"), "", self.empty_button.click, "empty"),
        ):
            menu_entry(self.menu, text, keys, slot).setIcon(icons.icon(icon))

    def _build_new_case(self) -> QWidget:
        self.new_box = QGroupBox(tr("CasesScreen", "New case"))
        self.name_edit = QLineEdit()
        self.barcode_edit = QLineEdit()
        self.barcode_edit.setMaxLength(32)
        self.barcode_edit.setPlaceholderText(
            tr("CasesScreen", "Scan an existing label, or leave empty to generate one")
        )
        self.location_edit = QLineEdit()
        self.permanent_check = QCheckBox(tr("CasesScreen", "&Permanent rack (keeps its contents)"))
        self.create_button = QPushButton(icons.icon("new"), tr("CasesScreen", "&Create case"))
        self.create_button.clicked.connect(self.create_case)
        for edit in (self.name_edit, self.barcode_edit, self.location_edit):
            edit.returnPressed.connect(self.create_case)
        shortcut_action(self, tr("CasesScreen", "New case"), "Ctrl+N", self._focus_new_case)
        self.create_feedback = Feedback()
        form = QFormLayout(self.new_box)
        form.addRow(tr("CasesScreen", "Na&me:"), self.name_edit)
        form.addRow(tr("CasesScreen", "&Barcode:"), self.barcode_edit)
        form.addRow(tr("CasesScreen", "&Location:"), self.location_edit)
        form.addRow("", self.permanent_check)
        form.addRow(self.create_feedback)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.create_button)
        form.addRow(buttons)
        self._set_buddies(form)
        return self.new_box

    @staticmethod
    def _set_buddies(form: QFormLayout) -> None:
        for row in range(form.rowCount()):
            text = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if text is not None and field is not None and isinstance(text.widget(), QLabel):
                text.widget().setBuddy(field.widget())  # type: ignore[union-attr]

    def _build_contents(self) -> QWidget:
        box = QWidget()
        self.title = QLabel()
        self.title.setWordWrap(True)
        style.set_role(self.title, "title")
        self.fill_button = QPushButton(
            icons.icon("desk"), tr("CasesScreen", "Fill by scanning (F4)")
        )
        self.fill_button.setCheckable(True)
        self.fill_button.setShortcut(QKeySequence("F4"))
        self.fill_button.toggled.connect(self.set_fill_mode)
        self.scan_field = QLineEdit()
        # short enough to show whole in French too; the sentence is the tooltip
        self.scan_field.setPlaceholderText(tr("CasesScreen", "Unit barcode, then Enter"))
        self.scan_field.setToolTip(tr("CasesScreen", "Scan a unit barcode, then Enter"))
        self.scan_field.setAccessibleName(tr("CasesScreen", "Unit barcode to put in the case"))
        scan_font = QFont(self.scan_field.font())
        scan_font.setPointSizeF(scan_font.pointSizeF() * 1.4)
        self.scan_field.setFont(scan_font)
        self.scan_field.returnPressed.connect(self.scan)
        shortcut_action(
            self.scan_field,
            tr("CasesScreen", "Stop filling"),
            "Escape",
            lambda: self.fill_button.setChecked(False),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.scan_feedback = Feedback(large=True)
        self.contents = make_table(
            [
                tr("CasesScreen", "Barcode"),
                tr("CasesScreen", "Item type"),
                tr("CasesScreen", "Serial number"),
                tr("CasesScreen", "Status"),
            ]
        )
        self.contents.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.contents.setAccessibleName(tr("CasesScreen", "Contents of the case"))
        self.contents.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.contents.setWordWrap(False)
        self.contents.setItemDelegateForColumn(3, ChipDelegate("unit", self.contents))
        self.contents_empty = EmptyState(self.contents, self._contents_empty_text)
        shortcut_action(
            self.contents,
            tr("CasesScreen", "Take out"),
            QKeySequence.StandardKey.Delete,
            self.take_out,
        )
        self.take_out_button = QPushButton(icons.icon("remove"), tr("CasesScreen", "&Take out"))
        self.take_out_button.setToolTip(tr("CasesScreen", "Take the selected units out (Del)"))
        self.take_out_button.clicked.connect(self.take_out)
        self.empty_button = QPushButton(icons.icon("empty"), tr("CasesScreen", "&Empty case"))
        self.empty_button.clicked.connect(self.empty)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.fill_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_out_button)
        buttons.addStretch()
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(scan_row)
        layout.addWidget(self.scan_feedback)
        layout.addWidget(self.contents, 1)
        layout.addLayout(buttons)
        return box

    def _contents_empty_text(self) -> str:
        if self.case is None:
            return tr("CasesScreen", "Choose a case in the list to see what it holds.")
        return tr("CasesScreen", "This case is empty. Press F4, then scan units to fill it.")

    # list of cases
    def refresh(self) -> None:
        self.ops.read(case_rows, self._show_cases)

    def _on_changed(self, kind: str) -> None:
        if kind in (Change.CASES, Change.CATALOGUE):
            self.refresh()

    def _show_cases(self, rows: list[CaseRow]) -> None:
        self.rows = {row.id: row for row in rows}
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            kind = (
                tr("CasesScreen", "Permanent rack")
                if row.permanent
                else tr("CasesScreen", "Temporary case")
            )
            set_row(
                self.table, index, [row.barcode, row.name, kind, row.location, row.units], row.id
            )
        for column in (0, 2, 4):
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(3, min(self.table.sizeHintForColumn(3), 130))
        current = self.case.id if self.case else None
        self.table.blockSignals(False)
        if current is not None and select_key(self.table, current):
            self._show_case(self.rows[current])
        elif current is not None:
            self._show_case(None)

    def _open_selected(self) -> None:
        key = selected_key(self.table)
        if isinstance(key, int) and key in self.rows:
            self._show_case(self.rows[key])

    def _show_case(self, case: CaseRow | None) -> None:
        changed = case is None or self.case is None or case.id != self.case.id
        self.case = case
        has_case = case is not None
        for widget in (self.scan_field, self.fill_button, self.contents, self.take_out_button):
            widget.setEnabled(has_case)
        self.empty_button.setEnabled(has_case and not case.permanent)  # type: ignore[union-attr]
        if case is None:
            self.title.setText(tr("CasesScreen", "Choose a case in the list, or create one."))
            self.contents.setRowCount(0)
            self.fill_button.setChecked(False)
            self.contents_empty.refresh()
            return
        kind = (
            tr("CasesScreen", "Permanent rack")
            if case.permanent
            else tr("CasesScreen", "Temporary case")
        )
        self.title.setText(
            tr("CasesScreen", "{name} — {barcode} ({kind}, {count} units)").format(
                name=case.name, barcode=case.barcode, kind=kind, count=case.units
            )
        )
        if changed:
            self.scan_feedback.clear_message()
        case_id = case.id
        self.ops.read(lambda uow: content_rows(uow, case_id), self._show_contents)

    def _show_contents(self, rows: list[ContentRow]) -> None:
        self.contents.setRowCount(len(rows))
        for index, row in enumerate(rows):
            status = status_label(row.status)
            set_row(self.contents, index, [row.barcode, row.item, row.serial, status], row.barcode)
            cell = self.contents.item(index, 3)
            if cell is not None:
                cell.setData(STATUS_ROLE, row.status)
        for column in (0, 3):
            self.contents.resizeColumnToContents(column)
        self.contents_empty.refresh()

    # fill by scanning
    def set_fill_mode(self, on: bool) -> None:
        if self.fill_button.isChecked() != on:
            self.fill_button.setChecked(on)  # re-enters through ``toggled``
            return
        self.catcher.active = on
        self.table.setEnabled(not on)
        self.new_box.setEnabled(not on)
        self.fill_button.setText(
            tr("CasesScreen", "Stop filling (Esc)")
            if on
            else tr("CasesScreen", "Fill by scanning (F4)")
        )
        self.fill_button.setShortcut(QKeySequence("F4"))
        if on:
            self.scan_feedback.info(
                tr("CasesScreen", "Fill mode: scan units one after the other. Escape to stop.")
            )
            self.scan_field.setFocus()
        else:
            self.scan_feedback.clear_message()

    def scan(self) -> None:
        code = self.scan_field.text()
        self.scan_field.clear()
        self.scan_code(code)

    def scan_code(self, code: str) -> None:
        """Put the unit scanned (any case, or typed on the other layout) in the open case."""
        code = normalise(code)
        if not code or self.case is None:
            return
        user, case_code = self.ops.user, self.case.barcode
        self.ops.write(
            lambda uow: put_unit(uow, user, case_code, resolve(uow, code)),
            self._scanned,
            self._scan_refused,
            changes=Change.CASES,
        )

    def _scanned(self, added: tuple[str, str]) -> None:
        barcode, item = added
        self.scan_feedback.ok(
            tr("CasesScreen", "Added: {barcode} {item}").format(barcode=barcode, item=item)
        )
        self.scan_field.setFocus()

    def _scan_refused(self, err: DomainError) -> None:
        self.scan_feedback.error(message(err))
        self.scan_field.setFocus()

    def take_out(self) -> None:
        rows = sorted({index.row() for index in self.contents.selectedIndexes()})
        codes = [code for code in (cell_text(self.contents, row) for row in rows) if code]
        if not codes:
            return
        user = self.ops.user

        def action(uow: UnitOfWork) -> int:
            for code in codes:
                containers.take_out_of_case(uow, user=user, unit_code=code)
            return len(codes)

        self.ops.write(
            action,
            lambda n: self.scan_feedback.ok(tr("CasesScreen", "Taken out: %n unit(s).", None, n)),
            self._scan_refused,
            changes=Change.CASES,
        )

    def empty(self) -> None:
        if self.case is None or self.case.permanent:
            return
        answer = QMessageBox.question(
            self,
            tr("CasesScreen", "Empty case"),
            tr("CasesScreen", "Take every unit out of {name}?").format(name=self.case.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user, case_id = self.ops.user, self.case.id
        self.ops.write(
            lambda uow: containers.empty_case(uow, user=user, case_id=case_id),
            lambda n: self.scan_feedback.ok(tr("CasesScreen", "Taken out: %n unit(s).", None, n)),
            self._scan_refused,
            changes=Change.CASES,
        )

    # new case
    def _focus_new_case(self) -> None:
        if self.new_box.isEnabled():
            self.name_edit.setFocus()

    def create_case(self) -> None:
        for widget in (self.name_edit, self.barcode_edit, self.location_edit):
            set_invalid(widget, False)
        user = self.ops.user
        name, barcode = self.name_edit.text(), self.barcode_edit.text()
        location, permanent = self.location_edit.text(), self.permanent_check.isChecked()

        def action(uow: UnitOfWork) -> int:
            case = containers.create_case(
                uow, user=user, name=name, permanent=permanent, barcode=barcode, location=location
            )
            assert case.id is not None
            return case.id

        self.ops.write(action, self._created, self._create_refused, changes=Change.CASES)

    def _created(self, case_id: int) -> None:
        self.create_feedback.ok(tr("CasesScreen", "Case created."))
        for edit in (self.name_edit, self.barcode_edit, self.location_edit):
            edit.clear()
        self.permanent_check.setChecked(False)
        # selected when the list comes back (``changed`` follows this callback)
        self.case = CaseRow(case_id, "", "", False, "", 0)

    def _create_refused(self, err: DomainError) -> None:
        fields = {
            "name": self.name_edit,
            "barcode": self.barcode_edit,
            "location": self.location_edit,
        }
        field = err.field if isinstance(err, ValidationError) else "barcode"
        widget = fields.get(field, self.name_edit)
        set_invalid(widget, True)
        widget.setFocus()
        self.create_feedback.error(message(err))
