"""Kits: bookable bundles of item types with quantities. The screen edits one kit at a time;
a type is added by typing part of its name or code, or by scanning any of its barcodes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.empty import EmptyState
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
from app.gui.shell.widgets import set_invalid
from app.i18n import message
from inventory import containers
from inventory.barcodes import normalise, resolve
from inventory.container_views import (
    KitDetail,
    KitRow,
    TypeChoice,
    kit_detail,
    kit_rows,
    resolve_type,
)

tr = QCoreApplication.translate


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
        self.table.setAccessibleName(tr("KitsScreen", "Kits"))
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        EmptyState(
            self.table,
            lambda: tr(
                "KitsScreen",
                "No kit yet. Name one on the right, add its item types, then save it with Ctrl+S.",
            ),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda *_: self._open_selected())
        self.new_button = QPushButton(icons.icon("new"), tr("KitsScreen", "&New kit"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(tr("KitsScreen", "New kit (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_kit)
        self.delete_button = QPushButton(icons.icon("delete"), tr("KitsScreen", "&Delete kit"))
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
        left_layout.addWidget(style.set_role(QLabel(tr("KitsScreen", "Kits")), "heading"))
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
        splitter.setSizes([440, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.table, self.new_button)
        self._build_menu()

    def _build_menu(self) -> None:
        """The Kits menu, shown while this screen is current: every shortcut, in writing."""
        self.menu = QMenu(tr("KitsScreen", "&Kits"), self)
        delete = QKeySequence.StandardKey.Delete
        for text, keys, slot, icon in (
            (tr("KitsScreen", "&New kit"), "Ctrl+N", self.new_button.click, "new"),
            (tr("KitsScreen", "&Save kit"), "Ctrl+S", self.save_button.click, "save"),
            (tr("KitsScreen", "Re&vert"), "", self.revert_button.click, "undo"),
            (tr("KitsScreen", "&Delete kit"), delete, self.delete_button.click, "delete"),
            (tr("KitsScreen", "&Remove line"), delete, self.remove_line_button.click, "remove"),
        ):
            menu_entry(self.menu, text, keys, slot).setIcon(icons.icon(icon))

    def _build_editor(self) -> QWidget:
        self.editor = QGroupBox()
        self.editor.setAccessibleName(tr("KitsScreen", "Kit"))
        self.kit_title = QLabel()
        self.kit_title.setWordWrap(True)
        style.set_role(self.kit_title, "title")
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
        self.lines_table.setAccessibleName(tr("KitsScreen", "Item types in the kit"))
        self.lines_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.lines_table.setWordWrap(False)
        EmptyState(
            self.lines_table,
            lambda: tr(
                "KitsScreen",
                "No item type in this kit yet. Type part of a name or code below, or scan a"
                " barcode, then Enter.",
            ),
        )
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
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
        self.add_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.add_edit.textEdited.connect(self._search)
        self.add_edit.returnPressed.connect(self._add_from_field)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(110)
        self.matches.setVisible(False)
        self.matches.setAccessibleName(tr("KitsScreen", "Matching item types"))
        self.matches.itemActivated.connect(self._add_match)
        add_label = QLabel(tr("KitsScreen", "Add an &item type:"))
        add_label.setBuddy(self.add_edit)
        self.remove_line_button = QPushButton(
            icons.icon("remove"), tr("KitsScreen", "&Remove line")
        )
        self.remove_line_button.clicked.connect(self.remove_line)
        self.save_button = QPushButton(icons.icon("save"), tr("KitsScreen", "&Save kit"))
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(False)
        self.save_button.setToolTip(tr("KitsScreen", "Save kit (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        shortcut_action(self, tr("KitsScreen", "Save kit"), "Ctrl+S", self.save)
        self.revert_button = QPushButton(icons.icon("undo"), tr("KitsScreen", "Re&vert"))
        self.revert_button.clicked.connect(self._revert)
        self.feedback = Feedback()

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_line_button)
        buttons.addStretch()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self.editor)
        layout.addWidget(self.kit_title)
        layout.addLayout(form)
        layout.addWidget(
            style.set_role(QLabel(tr("KitsScreen", "Item types in the kit:")), "heading")
        )
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
        if kind in (Change.KITS, Change.CATALOGUE):
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
        self.kit_title.setText(tr("KitsScreen", "Kit {code}").format(code=kit.code))
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
        self.kit_title.setText(tr("KitsScreen", "New kit"))
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
                # a scanned code in any case, or typed on the other keyboard layout
                lambda uow: resolve_type(uow, resolve(uow, text)),
                lambda found: self._resolved(text, *found),
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

        self.ops.write(action, self._saved, self._failed, changes=Change.KITS)

    def _saved(self, kit_id: int) -> None:
        self.kit_id = kit_id
        self.kit_title.setText(tr("KitsScreen", "Kit {code}").format(code=self.code_edit.text()))
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
            set_invalid(widget, True)
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
            set_invalid(widget, False)

    def delete_kit(self) -> None:
        kit_id = selected_key(self.table)
        if not isinstance(kit_id, int):
            return
        answer = QMessageBox.question(
            self,
            tr("KitsScreen", "Delete kit"),
            tr("KitsScreen", "Delete the kit {code}? Its item types stay in the catalogue.").format(
                code=cell_text(self.table, self.table.currentRow())
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user = self.ops.user
        self.ops.write(
            lambda uow: containers.delete_kit(uow, user=user, kit_id=kit_id),
            lambda _: self.new_kit(),
            self._failed,
            changes=Change.KITS,
        )
