"""The credit note dialog: the invoice's lines (description, quantity, unit price, net,
already credited, left), and per line a check box, the units to credit (a spin box: 2 of
its 5 projectors) or an amount excl. VAT; the credit note's totals follow live
(``credit_notes.plan``, the service's own rule, so a refusal shows before issuing).

Issued off the GUI thread through ``issuing.issue`` (rendered before the short write
transaction that takes the number): ``issue_off_the_lock``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.core.money import to_cents
from app.gui.catalogue.form_dialog import FormDialog
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import edit_amount, format_amount
from invoicing import credit_notes, issuing, pricing
from invoicing.credit_notes import Creditable, CreditLine
from invoicing.models import IssuedDocument
from invoicing.validation import check_xml

tr = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = 8
CHECK, DESCRIPTION, QUANTITY, UNIT_PRICE, NET, CREDITED, UNITS, AMOUNT = range(COLUMNS)


def _money(cents: int) -> str:
    return format_amount(cents)


def issue_off_the_lock(
    ops: Operations,
    action: Callable[[UnitOfWork], IssuedDocument],
    done: Callable[[IssuedDocument], None],
    failed: Callable[[DomainError], object],
    changes: Change = Change.INVOICES,
) -> None:
    """Run an issuing ``action`` through ``issuing.issue`` off the GUI thread (rendered in
    a rehearsal, then a short write transaction), then announce ``changes``."""
    db = ops.ctx.db

    def finished(row: IssuedDocument) -> None:
        try:
            done(row)
        finally:
            ops.changed.emit(changes)

    ops.long(lambda _progress: issuing.issue(db, action), lambda *_: None, finished, failed)


def renderer() -> Callable[..., Any]:
    from invoicing import render

    return render.render


@dataclass
class _Row:
    """One invoice line in the dialog and what the person asks of it."""

    item: Creditable
    check: QCheckBox
    units: QSpinBox | None
    amount: QLineEdit
    mode: str = "all"  # all / quantity / amount

    def wanted(self) -> CreditLine | None:
        if not self.check.isChecked():
            return None
        if self.mode == "quantity" and self.units is not None:
            if self.units.value() >= self.item.left_units:
                return CreditLine(self.item.position)
            return CreditLine(self.item.position, quantity=self.units.value())
        if self.mode == "amount":
            return CreditLine(self.item.position, amount=self.amount.text())
        return CreditLine(self.item.position)


class CreditNoteDialog(FormDialog):
    """Choose the invoice lines to credit (all that is left of each, some of its units, or
    an amount excl. VAT) and the reason; the totals follow."""

    changes = Change.INVOICES

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        number: str,
        items: list[Creditable],
    ) -> None:
        super().__init__(ops, parent)
        self.number, self.items = number, items
        self.rows: list[_Row] = []
        self._filling = False
        self.setWindowTitle(tr("CreditNoteDialog", "Credit note on %1").replace("%1", number))
        self.setMinimumWidth(860)
        intro = QLabel(
            tr(
                "CreditNoteDialog",
                "Tick the lines to credit: all that is left of each, or fewer units, or an "
                "amount excluding VAT. The credit note cites invoice %1.",
            ).replace("%1", number)
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(1, intro)
        self.table = self._table()
        self.layout_.insertWidget(2, self.table, 1)
        self.all_button = QPushButton(tr("CreditNoteDialog", "Credit &everything left"))
        self.all_button.clicked.connect(self.select_all)
        self.all_button.setAutoDefault(False)
        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setAccessibleName(tr("CreditNoteDialog", "Credit note totals"))
        row = QHBoxLayout()
        row.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        row.addWidget(self.totals)
        self.layout_.insertLayout(3, row)
        self.reason = self.line(tr("CreditNoteDialog", "&Reason:"), "reason")
        self.reason.setPlaceholderText(
            tr("CreditNoteDialog", "e.g. two lights not used, billing mistake")
        )
        self.scroll_area.setMaximumHeight(90)
        self.layout_.setStretchFactor(self.scroll_area, 0)
        self.finish()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(tr("CreditNoteDialog", "&Issue the credit note"))
        save.setIcon(icons.icon("credit"))
        self.resize(940, 560)
        self._tab_order()
        self.refresh()

    def _tab_order(self) -> None:
        """Row by row (its check box, units, amount), then the buttons and the reason."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row.check] + ([row.units] if row.units is not None else []) + [row.amount]
        chain += [self.all_button, self.reason]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The keyboard starts on the first line that can be credited."""
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)  # at the width shown
        first = next((r for r in self.rows if r.check.isEnabled()), None)
        if first is not None:
            first.check.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the table -----------------------------------------------------------------------

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.items), COLUMNS)
        table.setHorizontalHeaderLabels(
            [
                "",
                tr("CreditNoteDialog", "Line"),
                tr("CreditNoteDialog", "Qty"),
                tr("CreditNoteDialog", "Unit price"),
                tr("CreditNoteDialog", "Net"),
                tr("CreditNoteDialog", "Credited"),
                tr("CreditNoteDialog", "Units to credit"),
                tr("CreditNoteDialog", "Amount excl. VAT"),
            ]
        )
        table.setAccessibleName(tr("CreditNoteDialog", "Invoice lines"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column in (CHECK, QUANTITY, UNIT_PRICE, NET, CREDITED, UNITS, AMOUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for index, item in enumerate(self.items):
            self.rows.append(self._row(table, index, item))
        # the descriptions wrap at the width the table gets: rows follow it
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        table.resizeRowsToContents()
        return table

    def _row(self, table: QTableWidget, index: int, item: Creditable) -> _Row:
        line = item.line
        quantity = format(line.quantity.normalize(), "f").replace(".", QLocale().decimalPoint())
        cells = {
            DESCRIPTION: f"{item.position}. {line.description}",
            QUANTITY: quantity,
            UNIT_PRICE: format_amount(to_cents(line.unit_price)),
            NET: _money(to_cents(line.net)),
            CREDITED: _money(item.credited_cents) if item.credited_cents else "—",
        }
        for column, text in cells.items():
            cell = QTableWidgetItem(text)
            if column != DESCRIPTION:
                cell.setTextAlignment(RIGHT)
            if line.detail and column == DESCRIPTION:
                cell.setToolTip(line.detail)
            table.setItem(index, column, cell)
        name = tr("CreditNoteDialog", "Credit line %1").replace("%1", str(item.position))
        check = QCheckBox()
        check.setAccessibleName(name)
        check.setToolTip(line.description)
        units: QSpinBox | None = None
        if item.units:
            units = QSpinBox()
            units.setRange(0, item.left_units)
            units.setSuffix(" / " + str(item.left_units))
            units.setSpecialValueText("–")  # none: the line is credited by an amount
            units.setAccessibleName(
                tr("CreditNoteDialog", "Units to credit on line %1").replace(
                    "%1", str(item.position)
                )
            )
            table.setCellWidget(index, UNITS, _centred(units))
        amount = QLineEdit()
        amount.setAlignment(RIGHT)
        amount.setMaximumWidth(120)
        amount.setAccessibleName(
            tr("CreditNoteDialog", "Amount to credit on line %1").replace("%1", str(item.position))
        )
        table.setCellWidget(index, CHECK, _centred(check))
        table.setCellWidget(index, AMOUNT, _centred(amount))
        row = _Row(item, check, units, amount)
        if item.left_cents <= 0:
            check.setEnabled(False)
            check.setToolTip(tr("CreditNoteDialog", "Already fully credited"))
        check.toggled.connect(lambda on, r=row: self._toggled(r, on))
        if units is not None:
            units.valueChanged.connect(lambda _v, r=row: self._edited(r, "quantity"))
        amount.textEdited.connect(lambda _t, r=row: self._edited(r, "amount"))
        self._set_editors(row)
        return row

    # --- what the person asks ------------------------------------------------------------

    def _toggled(self, row: _Row, on: bool) -> None:
        row.mode = "all"
        self._set_editors(row)
        self.refresh()

    def _edited(self, row: _Row, mode: str) -> None:
        if self._filling:
            return
        row.mode = mode
        if mode == "quantity" and row.units is not None:
            self._filling = True
            cents = row.item.unit_cents(row.units.value()) if row.units.value() else 0
            row.amount.setText(edit_amount(cents))
            self._filling = False
        elif mode == "amount" and row.units is not None:
            # units or an amount, never both: a typed amount clears the units
            self._filling = True
            row.units.setValue(0)
            self._filling = False
        self.refresh()

    def _set_editors(self, row: _Row) -> None:
        on = row.check.isChecked()
        self._filling = True
        if row.units is not None:
            row.units.setEnabled(on)
            row.units.setValue(row.item.left_units if on else 0)
        row.amount.setEnabled(on)
        row.amount.setText(edit_amount(row.item.left_cents) if on else "")
        self._filling = False

    def select_all(self) -> None:
        for row in self.rows:
            if row.check.isEnabled():
                row.check.setChecked(True)
                row.mode = "all"
                self._set_editors(row)
        self.refresh()

    def wanted(self) -> list[CreditLine]:
        return [w for w in (row.wanted() for row in self.rows) if w is not None]

    def refresh(self) -> None:
        """The totals of the credit note as asked, or what is wrong with it."""
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        wanted = self.wanted()
        if not wanted:
            self._role("muted")
            self.totals.setText(
                html.escape(tr("CreditNoteDialog", "Tick at least one line to credit."))
            )
            save.setEnabled(False)
            return
        try:
            covered = credit_notes.plan(self.number, self.items, wanted)
        except DomainError as err:
            self._role("error")
            self.totals.setText(html.escape(i18n.message(err)))
            save.setEnabled(False)
            return
        self._role("")
        total = pricing.totals([c.line for c in covered])
        rows = [(tr("CreditNoteDialog", "Total excl. VAT"), to_cents(total.net))]
        for vat in total.vat:
            rows.append(
                (
                    tr("CreditNoteDialog", "VAT %1 %").replace(
                        "%1", pricing.percent_text(vat.rate)
                    ),
                    to_cents(vat.amount),
                )
            )
        rows.append((tr("CreditNoteDialog", "Credit note incl. VAT"), to_cents(total.gross)))
        body = "".join(
            f"<tr><td align='right'>{html.escape(label)}</td>"
            f"<td align='right' style='padding-left:16px'>"
            f"{'<b>' if n == len(rows) - 1 else ''}{html.escape(_money(cents))}</td></tr>"
            for n, (label, cents) in enumerate(rows)
        )
        self.totals.setText(f"<table>{body}</table>")
        save.setEnabled(True)

    def _role(self, role: str) -> None:
        if self.totals.property("role") != role:
            style.set_role(self.totals, role)

    # --- issuing -------------------------------------------------------------------------

    def action(self) -> Any:
        reason = self.reason.text()
        if not reason.strip():
            raise ValidationError("reason", "The {field} cannot be empty.", field="reason")
        lines = self.wanted()
        if not lines:
            raise ValidationError("line", "Choose at least one line to credit.")
        credit_notes.plan(self.number, self.items, lines)  # refused here, before issuing
        user, clock, number, render_with = (
            self.ops.user,
            self.ops.ctx.clock,
            self.number,
            renderer(),
        )

        def write(uow: UnitOfWork) -> IssuedDocument:
            return credit_notes.issue_credit_note(
                uow,
                user=user,
                invoice_number=number,
                reason=reason,
                clock=clock,
                renderer=render_with,
                lines=lines,
                check=check_xml,
            )

        return write

    def save(self) -> bool:
        """Issue (rendered before the write transaction); True when issued."""
        self.fields.clear()
        try:
            action = self.action()
        except DomainError as err:
            self.fields.show(err)
            return False
        issued = False
        self.buttons.setEnabled(False)

        def done(row: IssuedDocument) -> None:
            nonlocal issued
            issued = True
            self.result_value = row.number
            self.accept()

        def failed(err: DomainError) -> None:
            self.buttons.setEnabled(True)
            self.fields.show(err)

        issue_off_the_lock(self.ops, action, done, failed, self.changes)
        return issued


def _centred(widget: QWidget) -> QWidget:
    """``widget`` at its natural height, in the middle of its cell."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(4, 2, 4, 2)
    row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder
