"""The form dialog every editor of the app builds on: a message area, the form (one column,
or grouped sections side by side when it would otherwise scroll), Save and Cancel.

``action()`` parses the form and returns the write to run (raising DomainError on bad
input); a ValidationError highlights the field it names and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import FitScrollArea, FormFields

tr = QCoreApplication.translate
Action = Callable[[UnitOfWork], Any]


class SectionFields(FormFields):
    """The rows of one section of a form; each field is also known to the whole form, so an
    error finds its widget whichever section holds it."""

    def __init__(self, form: QFormLayout, whole: FormFields) -> None:
        super().__init__(form, whole.message)
        self.whole = whole

    def add(self, label: str, fields: str | tuple[str, ...], widget: QWidget) -> QWidget:
        super().add(label, fields, widget)
        self.whole.widgets.update(self.widgets)
        self.whole.errors.update(self.errors)
        return widget


class FormDialog(QDialog):
    """A form with a message area, Save/Cancel; ``action()`` parses the form and returns the
    write to run (raising DomainError on bad input)."""

    changes: Change | str = Change.CATALOGUE

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.result_value: Any = None
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.message = QLabel()
        self.layout_.addWidget(self.message)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.sections = QGridLayout()
        self.sections.setHorizontalSpacing(style.SPACE.l)
        self.sections.setVerticalSpacing(style.SPACE.s)
        column.addLayout(self.sections)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column.addLayout(self.form)
        self.scroll_area = FitScrollArea(body)  # a long form scrolls on a laptop's screen
        self.layout_.addWidget(self.scroll_area, 1)
        self.fields = FormFields(self.form, self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def section(self, title: str, row: int, column: int, span: int = 1) -> SectionFields:
        """A titled group of fields at (row, column) of the form's grid of sections."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.sections.addWidget(box, row, column, 1, span)
        return SectionFields(form, self.fields)

    def grow(self) -> None:
        """After fields were added to a shown form: as large as it now needs (the
        scroll area keeps it within the screen)."""
        self.layout_.activate()
        self.resize(self.size().expandedTo(self.sizeHint()))

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setIcon(icons.icon("save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setIcon(icons.icon("cancel"))

    def line(
        self,
        label: str,
        name: str | tuple[str, ...],
        text: str = "",
        to: FormFields | None = None,
    ) -> QLineEdit:
        edit = QLineEdit(text)
        (to or self.fields).add(label, name, edit)
        return edit

    def action(self) -> Action:
        raise NotImplementedError

    def save(self) -> bool:
        """Parse and write; True when written (the dialog is then accepted)."""
        self.fields.clear()
        try:
            action = self.action()
        except DomainError as err:
            self.fields.show(err)
            return False
        written = False
        self.buttons.setEnabled(False)

        def done(result: Any) -> None:
            nonlocal written
            written = True
            self.result_value = result
            self.accept()

        def failed(err: DomainError) -> None:
            self.buttons.setEnabled(True)
            self.fields.show(err)

        self.ops.write(action, done, failed, changes=self.changes)
        return written


def combo(items: list[tuple[str, str]], current: str = "") -> QComboBox:
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    if current:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


def notes_edit(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit
