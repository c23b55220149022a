"""The invoices screen's filter bar: search as you type, status, customer, and an optional
date range; ``filters()`` reads them as ``invoice_queries.Filters``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.gui.invoicing.invoices_models import status_label
from app.gui.shell import icons, style
from app.gui.shell.widgets import qdate
from invoicing.balance import InvoiceStatus
from invoicing.invoice_queries import CREDIT, UNPAID, Filters

tr = QCoreApplication.translate


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class InvoiceFilterBar(QWidget):
    #: Any filter changed: search again.
    changed = Signal()
    #: The searched text changed: search again once typing pauses.
    typed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setPlaceholderText(
            tr("InvoicesScreen", "Search number, customer, booking… (Ctrl+F)")
        )
        self.search_box.setAccessibleName(tr("InvoicesScreen", "Search"))
        self.status_filter = self._status_filter()
        self.customer_filter = QComboBox()
        self.customer_filter.setAccessibleName(tr("InvoicesScreen", "Customer"))
        self.customer_filter.addItem(tr("InvoicesScreen", "All customers"), None)
        self.customer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.customer_filter.setMinimumContentsLength(16)
        self.dates_filter = QCheckBox(tr("InvoicesScreen", "&Between"))
        self.date_from = QDateEdit(qdate(today.replace(month=1, day=1)))
        self.date_to = QDateEdit(qdate(today))
        self.date_from.setAccessibleName(tr("InvoicesScreen", "From"))
        self.date_to.setAccessibleName(tr("InvoicesScreen", "To"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
        self._lay_out()
        self.search_box.textChanged.connect(self.typed)
        self.status_filter.currentIndexChanged.connect(self.changed)
        self.customer_filter.currentIndexChanged.connect(self.changed)

    @staticmethod
    def _status_filter() -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(tr("InvoicesScreen", "Status"))
        for text, value in (
            (tr("InvoicesScreen", "All documents"), ""),
            (tr("InvoicesScreen", "To invoice (drafts)"), InvoiceStatus.DRAFT.value),
            (tr("InvoicesScreen", "Unpaid (issued or overdue)"), UNPAID),
            (status_label(InvoiceStatus.ISSUED.value), InvoiceStatus.ISSUED.value),
            (status_label(InvoiceStatus.OVERDUE.value), InvoiceStatus.OVERDUE.value),
            (status_label(InvoiceStatus.PAID.value), InvoiceStatus.PAID.value),
            (status_label(InvoiceStatus.CREDIT.value), InvoiceStatus.CREDIT.value),
            (tr("InvoicesScreen", "Credit notes"), CREDIT),
        ):
            combo.addItem(text, value)
        return combo

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(style.SPACE.s)
        row.addWidget(self.search_box, 2)
        row.addWidget(self.status_filter)
        row.addWidget(self.customer_filter)
        row.addWidget(self.dates_filter)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.date_to)

    def filters(self) -> Filters:
        start = end = None
        if self.dates_filter.isChecked():
            start, end = _day(self.date_from.date()), _day(self.date_to.date())
        return Filters(
            self.status_filter.currentData() or "",
            self.customer_filter.currentData(),
            start,
            end,
            self.search_box.text(),
        )

    def reset(self, quietly: bool = False) -> None:
        """Every document again (``quietly``: without a ``changed`` signal)."""
        for widget in (self.status_filter, self.search_box, self.customer_filter):
            widget.blockSignals(quietly)
        self.dates_filter.blockSignals(quietly)
        self.status_filter.setCurrentIndex(0)
        self.search_box.clear()
        self.customer_filter.setCurrentIndex(0)
        self.dates_filter.setChecked(False)
        for widget in (self.status_filter, self.search_box, self.customer_filter):
            widget.blockSignals(False)
        self.dates_filter.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
