"""Kits (bookable bundles of item types) and cases (containers filled by scanning).

Both screens talk to ``inventory.containers`` through ``Operations`` only. The case screen
is built for a technician holding a USB scanner: in fill mode the scan field keeps the
focus, every scan gets an immediate green or red answer, and the list of cases is locked so
a stray scan never changes which case is being filled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func
from sqlmodel import select

from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound, ValidationError
from app.gui.operations import Operations
from app.i18n import label, message
from inventory import catalogue, containers, queries
from inventory.barcodes import normalise
from inventory.models import STATUS_LABELS, Case, ItemType, Kit, KitLine, Unit, UnitStatus

tr = QCoreApplication.translate

ERROR_STYLE = "border: 2px solid #c62828;"


# --- shared widgets -------------------------------------------------------------------


class Feedback(QLabel):
    """The answer to the last action: green when done, red when refused, in plain words."""

    STYLES = {
        "ok": "background:#e8f5e9; color:#1b5e20; border-left:5px solid #2e7d32;",
        "error": "background:#ffebee; color:#b71c1c; border-left:5px solid #c62828;",
        "info": "background:#eceff1; color:#263238; border-left:5px solid #78909c;",
    }

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        if large:
            font = self.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            self.setFont(font)
        self.clear_message()

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ {self.STYLES[kind]} padding:6px 10px; }}")
        self.setVisible(True)

    def ok(self, text: str) -> None:
        self.show_message("ok", text)

    def error(self, text: str) -> None:
        self.show_message("error", text)

    def info(self, text: str) -> None:
        self.show_message("info", text)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setVisible(False)


def make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    table.setTabKeyNavigation(False)
    return table


def set_row(table: QTableWidget, row: int, values: Sequence[object], key: object = None) -> None:
    for column, value in enumerate(values):
        cell = QTableWidgetItem(str(value))
        if isinstance(value, int):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == 0:
            cell.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, column, cell)


def selected_key(table: QTableWidget) -> object:
    row = table.currentRow()
    cell = table.item(row, 0) if row >= 0 else None
    return cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None


def select_key(table: QTableWidget, key: object) -> bool:
    for row in range(table.rowCount()):
        cell = table.item(row, 0)
        if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == key:
            table.setCurrentCell(row, 0)
            return True
    return False


def shortcut_action(
    parent: QWidget,
    text: str,
    keys: QKeySequence | str,
    slot: Callable[[], object],
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


# --- reads ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeChoice:
    code: str
    name: str


def resolve_type(uow: UnitOfWork, text: str) -> tuple[bool, list[TypeChoice]]:
    """What a typed or scanned text names: (exact, candidates). An item code, a bulk
    barcode or a unit barcode is exact; otherwise the types whose code or name match."""
    text = normalise(text)
    if not text:
        return False, []
    ids = queries.search_types(uow, text)[:50]
    rows = queries.type_rows(uow, ids)
    choices = [TypeChoice(rows[i].code, rows[i].name) for i in ids if i in rows]
    for row in rows.values():
        if text.casefold() in (row.code.casefold(), (row.barcode or "").casefold()):
            return True, [TypeChoice(row.code, row.name)]
    try:
        unit = catalogue.unit_by_barcode(uow, text)
    except NotFound:
        return False, choices
    item = uow.session.get(ItemType, unit.item_type_id)
    assert item is not None
    return True, [TypeChoice(item.code, item.name)]


@dataclass(frozen=True)
class KitRow:
    id: int
    code: str
    name: str
    lines: int


def kit_rows(uow: UnitOfWork) -> list[KitRow]:
    counts = dict(
        uow.session.exec(select(KitLine.kit_id, func.count()).group_by(KitLine.kit_id)).all()
    )
    kits = uow.session.exec(select(Kit).order_by(Kit.code)).all()
    return [KitRow(k.id, k.code, k.name, counts.get(k.id, 0)) for k in kits if k.id]


@dataclass(frozen=True)
class KitDetail:
    id: int
    code: str
    name: str
    notes: str
    lines: list[tuple[TypeChoice, int]]


def kit_detail(uow: UnitOfWork, kit_id: int) -> KitDetail:
    kit = uow.session.get(Kit, kit_id)
    if kit is None:
        raise NotFound("This kit no longer exists.")
    lines = containers.kit_lines(uow, kit_id)
    rows = queries.type_rows(uow, [line.item_type_id for line in lines])
    chosen = [
        (TypeChoice(rows[ln.item_type_id].code, rows[ln.item_type_id].name), ln.quantity)
        for ln in lines
    ]
    chosen.sort(key=lambda pair: pair[0].code)
    return KitDetail(kit_id, kit.code, kit.name, kit.notes, chosen)


# --- kits -----------------------------------------------------------------------------


class KitsScreen(QWidget):
    """List, create, edit and delete kits."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.kit_id: int | None = None
        self._build()
        ops.changed.connect(self._on_changed)
        self.refresh()
        self.new_kit()

    # layout
    def _build(self) -> None:
        self.table = make_table(
            [tr("KitsScreen", "Code"), tr("KitsScreen", "Name"), tr("KitsScreen", "Lines")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._open_selected())
        self.new_button = QPushButton(tr("KitsScreen", "&New kit"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(tr("KitsScreen", "New kit (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_kit)
        self.delete_button = QPushButton(tr("KitsScreen", "&Delete kit"))
        self.delete_button.clicked.connect(self.delete_kit)
        shortcut_action(
            self.table,
            tr("KitsScreen", "Delete kit"),
            QKeySequence.StandardKey.Delete,
            self.delete_kit,
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(tr("KitsScreen", "Kits")))
        left_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        left_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.table, self.new_button)

    def _build_editor(self) -> QWidget:
        self.editor = QGroupBox(tr("KitsScreen", "Kit"))
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(32)
        self.name_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(tr("KitsScreen", "C&ode:"), self.code_edit)
        form.addRow(tr("KitsScreen", "N&ame:"), self.name_edit)
        form.addRow(tr("KitsScreen", "No&tes:"), self.notes_edit)
        for row, buddy in ((0, self.code_edit), (1, self.name_edit), (2, self.notes_edit)):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setBuddy(buddy)  # type: ignore[union-attr]

        self.lines_table = make_table(
            [tr("KitsScreen", "Code"), tr("KitsScreen", "Item type"), tr("KitsScreen", "Quantity")]
        )
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        shortcut_action(
            self.lines_table,
            tr("KitsScreen", "Remove line"),
            QKeySequence.StandardKey.Delete,
            self.remove_line,
        )
        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText(
            tr("KitsScreen", "Search an item type by code or name, or scan a barcode, then Enter")
        )
        self.add_edit.setClearButtonEnabled(True)
        self.add_edit.textEdited.connect(self._search)
        self.add_edit.returnPressed.connect(self._add_from_field)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(110)
        self.matches.setVisible(False)
        self.matches.itemActivated.connect(self._add_match)
        add_label = QLabel(tr("KitsScreen", "Add an &item type:"))
        add_label.setBuddy(self.add_edit)
        self.remove_line_button = QPushButton(tr("KitsScreen", "&Remove line"))
        self.remove_line_button.clicked.connect(self.remove_line)
        self.save_button = QPushButton(tr("KitsScreen", "&Save kit"))
        self.save_button.setDefault(False)
        self.save_button.setToolTip(tr("KitsScreen", "Save kit (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        shortcut_action(self, tr("KitsScreen", "Save kit"), "Ctrl+S", self.save)
        self.revert_button = QPushButton(tr("KitsScreen", "Re&vert"))
        self.revert_button.clicked.connect(self._revert)
        self.feedback = Feedback()

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_line_button)
        buttons.addStretch()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self.editor)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("KitsScreen", "Item types in the kit:")))
        layout.addWidget(self.lines_table, 1)
        layout.addWidget(add_label)
        layout.addWidget(self.add_edit)
        layout.addWidget(self.matches)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)
        for first, second in (
            (self.code_edit, self.name_edit),
            (self.name_edit, self.notes_edit),
            (self.notes_edit, self.add_edit),
            (self.add_edit, self.matches),
            (self.matches, self.lines_table),
            (self.lines_table, self.remove_line_button),
            (self.remove_line_button, self.revert_button),
            (self.revert_button, self.save_button),
        ):
            QWidget.setTabOrder(first, second)
        return self.editor

    # list
    def refresh(self) -> None:
        self.ops.read(kit_rows, self._show_kits)

    def _on_changed(self, kind: str) -> None:
        if kind in ("kits", "catalogue"):
            self.refresh()

    def _show_kits(self, rows: list[KitRow]) -> None:
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            set_row(self.table, index, [row.code, row.name, row.lines], row.id)
        self.table.resizeColumnToContents(0)
        if self.kit_id is not None:
            select_key(self.table, self.kit_id)
        self.table.blockSignals(False)
        self.delete_button.setEnabled(bool(rows))

    def _open_selected(self) -> None:
        kit_id = selected_key(self.table)
        if isinstance(kit_id, int) and kit_id != self.kit_id:
            self.open_kit(kit_id)

    def open_kit(self, kit_id: int) -> None:
        self.ops.read(lambda uow: kit_detail(uow, kit_id), self._show_kit, self._failed)

    def _show_kit(self, kit: KitDetail) -> None:
        self.kit_id = kit.id
        self.editor.setTitle(tr("KitsScreen", "Kit {code}").format(code=kit.code))
        self.code_edit.setText(kit.code)
        self.name_edit.setText(kit.name)
        self.notes_edit.setPlainText(kit.notes)
        self.lines_table.setRowCount(0)
        for choice, quantity in kit.lines:
            self._append_line(choice, quantity)
        self._clear_errors()
        self.feedback.clear_message()

    def new_kit(self) -> None:
        self.kit_id = None
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        self.editor.setTitle(tr("KitsScreen", "New kit"))
        for edit in (self.code_edit, self.name_edit, self.add_edit):
            edit.clear()
        self.notes_edit.clear()
        self.lines_table.setRowCount(0)
        self.matches.clear()
        self.matches.setVisible(False)
        self._clear_errors()
        self.feedback.clear_message()
        self.code_edit.setFocus()

    def _revert(self) -> None:
        if self.kit_id is None:
            self.new_kit()
        else:
            self.open_kit(self.kit_id)

    # lines
    def lines(self) -> list[tuple[str, int]]:
        result = []
        for row in range(self.lines_table.rowCount()):
            cell = self.lines_table.item(row, 0)
            spin = self.lines_table.cellWidget(row, 2)
            if cell is not None and isinstance(spin, QSpinBox):
                result.append((cell.text(), spin.value()))
        return result

    def _append_line(self, choice: TypeChoice, quantity: int) -> None:
        for row in range(self.lines_table.rowCount()):
            cell = self.lines_table.item(row, 0)
            spin = self.lines_table.cellWidget(row, 2)
            if cell is not None and cell.text() == choice.code and isinstance(spin, QSpinBox):
                spin.setValue(spin.value() + quantity)
                self.lines_table.setCurrentCell(row, 0)
                return
        row = self.lines_table.rowCount()
        self.lines_table.insertRow(row)
        set_row(self.lines_table, row, [choice.code, choice.name], choice.code)
        spin = QSpinBox()
        spin.setRange(1, 10_000)
        spin.setValue(quantity)
        spin.setAccessibleName(tr("KitsScreen", "Quantity"))
        self.lines_table.setCellWidget(row, 2, spin)
        self.lines_table.setCurrentCell(row, 0)

    def remove_line(self) -> None:
        row = self.lines_table.currentRow()
        if row >= 0:
            self.lines_table.removeRow(row)

    def _search(self, text: str) -> None:
        if not normalise(text):
            self.matches.clear()
            self.matches.setVisible(False)
            return
        self.ops.read(
            lambda uow: resolve_type(uow, text), lambda found: self._show_matches(text, found[1])
        )

    def _show_matches(self, text: str, choices: list[TypeChoice]) -> None:
        if text != self.add_edit.text():
            return  # an older answer: the user typed on
        self.matches.clear()
        for choice in choices:
            item = QListWidgetItem(f"{choice.code} — {choice.name}")
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.matches.addItem(item)
        self.matches.setVisible(bool(choices))
        if choices:
            self.matches.setCurrentRow(0)

    def _add_from_field(self) -> None:
        text = self.add_edit.text()
        if normalise(text):
            self.ops.read(
                lambda uow: resolve_type(uow, text), lambda found: self._resolved(text, *found)
            )

    def _resolved(self, text: str, exact: bool, choices: list[TypeChoice]) -> None:
        if exact or len(choices) == 1:
            self._add_choice(choices[0])
        elif not choices:
            self.feedback.error(tr("KitsScreen", "Nothing matches {text}.").format(text=text))
            self.add_edit.selectAll()
        else:
            self._show_matches(self.add_edit.text(), choices)
            self.feedback.info(
                tr("KitsScreen", "Several item types match: choose one and press Enter.")
            )
            self.matches.setFocus()

    def _add_match(self, item: QListWidgetItem) -> None:
        choice = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(choice, TypeChoice):
            self._add_choice(choice)

    def _add_choice(self, choice: TypeChoice) -> None:
        self._append_line(choice, 1)
        self.feedback.ok(
            tr("KitsScreen", "Added: {code} {name}").format(code=choice.code, name=choice.name)
        )
        self.add_edit.clear()
        self.matches.clear()
        self.matches.setVisible(False)
        self.add_edit.setFocus()

    # save / delete
    def save(self) -> None:
        self._clear_errors()
        code, name = self.code_edit.text(), self.name_edit.text()
        notes, lines, kit_id = self.notes_edit.toPlainText(), self.lines(), self.kit_id
        user = self.ops.user

        def action(uow: UnitOfWork) -> int:
            kit = containers.save_kit(
                uow, user=user, code=code, name=name, lines=lines, notes=notes, kit_id=kit_id
            )
            assert kit.id is not None
            return kit.id

        self.ops.write(action, self._saved, self._failed, changes="kits")

    def _saved(self, kit_id: int) -> None:
        self.kit_id = kit_id
        self.editor.setTitle(tr("KitsScreen", "Kit {code}").format(code=self.code_edit.text()))
        self.feedback.ok(tr("KitsScreen", "Kit saved."))

    def _failed(self, err: DomainError) -> None:
        fields = {
            "code": self.code_edit,
            "name": self.name_edit,
            "notes": self.notes_edit,
            "lines": self.add_edit,
            "quantity": self.lines_table,
        }
        widget = fields.get(err.field) if isinstance(err, ValidationError) else None
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()
        self.feedback.error(message(err))

    def _clear_errors(self) -> None:
        for widget in (
            self.code_edit,
            self.name_edit,
            self.notes_edit,
            self.add_edit,
            self.lines_table,
        ):
            widget.setStyleSheet("")

    def delete_kit(self) -> None:
        kit_id = selected_key(self.table)
        if not isinstance(kit_id, int):
            return
        answer = QMessageBox.question(
            self,
            tr("KitsScreen", "Delete kit"),
            tr("KitsScreen", "Delete the kit {code}? Its item types stay in the catalogue.").format(
                code=self.table.item(self.table.currentRow(), 0).text()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user = self.ops.user
        self.ops.write(
            lambda uow: containers.delete_kit(uow, user=user, kit_id=kit_id),
            lambda _: self.new_kit(),
            self._failed,
            changes="kits",
        )


# --- cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    id: int
    barcode: str
    name: str
    permanent: bool
    location: str
    units: int


@dataclass(frozen=True)
class ContentRow:
    barcode: str
    item: str
    serial: str
    status: str


def case_rows(uow: UnitOfWork) -> list[CaseRow]:
    query = (
        select(Unit.case_id, func.count(Unit.id))
        .where(Unit.case_id != None)  # noqa: E711
        .group_by(Unit.case_id)
    )
    counts = dict(uow.session.exec(query).all())
    cases = uow.session.exec(select(Case).order_by(Case.name, Case.barcode)).all()
    return [
        CaseRow(c.id, c.barcode, c.name, c.permanent, c.location, counts.get(c.id, 0))
        for c in cases
        if c.id
    ]


def content_rows(uow: UnitOfWork, case_id: int) -> list[ContentRow]:
    units = containers.case_contents(uow, case_id)
    types = queries.type_rows(uow, sorted({u.item_type_id for u in units}))
    return [ContentRow(u.barcode, types[u.item_type_id].name, u.serial, u.status) for u in units]


def put_unit(uow: UnitOfWork, user: str, case_code: str, unit_code: str) -> tuple[str, str]:
    unit = containers.put_in_case(uow, user=user, case_code=case_code, unit_code=unit_code)
    item = uow.session.get(ItemType, unit.item_type_id)
    return unit.barcode, item.name if item else ""


class CasesScreen(QWidget):
    """Cases and racks: create them, fill them by scanning, take units out, empty them."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.case: CaseRow | None = None
        self.rows: dict[int, CaseRow] = {}
        self._build()
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
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._open_selected())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(tr("CasesScreen", "Flight-cases and racks")))
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self._build_new_case())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_contents())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.table, self.name_edit)

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
        self.create_button = QPushButton(tr("CasesScreen", "&Create case"))
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
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.fill_button = QPushButton(tr("CasesScreen", "Fill by scanning (F4)"))
        self.fill_button.setCheckable(True)
        self.fill_button.setShortcut(QKeySequence("F4"))
        self.fill_button.toggled.connect(self.set_fill_mode)
        self.scan_field = QLineEdit()
        self.scan_field.setPlaceholderText(tr("CasesScreen", "Scan a unit barcode, then Enter"))
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
        shortcut_action(
            self.contents,
            tr("CasesScreen", "Take out"),
            QKeySequence.StandardKey.Delete,
            self.take_out,
        )
        self.take_out_button = QPushButton(tr("CasesScreen", "&Take out"))
        self.take_out_button.setToolTip(tr("CasesScreen", "Take the selected units out (Del)"))
        self.take_out_button.clicked.connect(self.take_out)
        self.empty_button = QPushButton(tr("CasesScreen", "&Empty case"))
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

    # list of cases
    def refresh(self) -> None:
        self.ops.read(case_rows, self._show_cases)

    def _on_changed(self, kind: str) -> None:
        if kind in ("cases", "catalogue"):
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
            status = label(STATUS_LABELS.get(UnitStatus(row.status), row.status))
            set_row(self.contents, index, [row.barcode, row.item, row.serial, status], row.barcode)
        self.contents.resizeColumnToContents(0)

    # fill by scanning
    def set_fill_mode(self, on: bool) -> None:
        if self.fill_button.isChecked() != on:
            self.fill_button.setChecked(on)  # re-enters through ``toggled``
            return
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
        code = normalise(self.scan_field.text())
        self.scan_field.clear()
        if not code or self.case is None:
            return
        user, case_code = self.ops.user, self.case.barcode
        self.ops.write(
            lambda uow: put_unit(uow, user, case_code, code),
            self._scanned,
            self._scan_refused,
            changes="cases",
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
        codes = [self.contents.item(row, 0).text() for row in rows]
        if not codes:
            return
        user = self.ops.user

        def action(uow: UnitOfWork) -> int:
            for code in codes:
                containers.take_out_of_case(uow, user=user, unit_code=code)
            return len(codes)

        self.ops.write(
            action,
            lambda n: self.scan_feedback.ok(
                tr("CasesScreen", "Taken out: {count} unit(s).").format(count=n)
            ),
            self._scan_refused,
            changes="cases",
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
            lambda n: self.scan_feedback.ok(
                tr("CasesScreen", "Taken out: {count} unit(s).").format(count=n)
            ),
            self._scan_refused,
            changes="cases",
        )

    # new case
    def _focus_new_case(self) -> None:
        if self.new_box.isEnabled():
            self.name_edit.setFocus()

    def create_case(self) -> None:
        for widget in (self.name_edit, self.barcode_edit, self.location_edit):
            widget.setStyleSheet("")
        user = self.ops.user
        name, barcode = self.name_edit.text(), self.barcode_edit.text()
        location, permanent = self.location_edit.text(), self.permanent_check.isChecked()

        def action(uow: UnitOfWork) -> int:
            case = containers.create_case(
                uow, user=user, name=name, permanent=permanent, barcode=barcode, location=location
            )
            assert case.id is not None
            return case.id

        self.ops.write(action, self._created, self._create_refused, changes="cases")

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
        widget.setStyleSheet(ERROR_STYLE)
        widget.setFocus()
        self.create_feedback.error(message(err))
