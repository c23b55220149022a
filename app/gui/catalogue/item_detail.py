"""The inventory's detail panel: the selected item type (its name as the panel's title, its
photo and facts), then the selected unit with its status as a chip, its inspections due and
its logs."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.gui.catalogue.item_type_dialog import tracking_label
from app.gui.shell import style
from app.gui.shell.chips import StatusChip
from app.gui.shell.models import category_label, status_label
from app.gui.shell.widgets import format_amount, format_date, format_datetime, format_weight
from inventory.catalogue_views import Detail, ScheduleRow
from inventory.maintenance import DueRow
from inventory.models import Tracking

tr = QCoreApplication.translate
PHOTO = 128  # the photo's box, in device-independent pixels


def _value_label() -> QLabel:
    value = QLabel()
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class DetailPanel(QScrollArea):
    """Shows a ``catalogue_views.Detail`` (or nothing selected)."""

    def __init__(self, tz: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        panel = QWidget()
        column = QVBoxLayout(panel)
        s = style.SPACE
        column.setContentsMargins(s.m, s.s, s.m, s.s)
        column.setSpacing(s.s)
        column.addLayout(self._build_type())
        column.addLayout(self._build_unit())
        column.addStretch(1)
        self.setWidgetResizable(True)
        # the panel's width is the splitter's: long words wrap, never a sideways scroll
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)
        self.setMinimumWidth(320)
        self.setAccessibleName(tr("InventoryScreen", "Details"))

    def _build_type(self) -> QVBoxLayout:
        self.title = QLabel()
        self.title.setWordWrap(True)
        style.set_role(self.title, "title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        style.set_role(self.subtitle, "muted")
        self.photo = QLabel()
        self.photo.setFixedSize(PHOTO, PHOTO)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setWordWrap(True)
        style.set_role(self.photo, "card")
        self.photo.setAccessibleName(tr("InventoryScreen", "Photo"))
        self.type_facts = QWidget()
        self.type_form = QFormLayout(self.type_facts)
        self.type_form.setContentsMargins(0, 0, 0, 0)
        self.type_values: dict[str, QLabel] = {}
        for key, text in (
            ("maker", tr("InventoryScreen", "Make / model:")),
            ("tracking", tr("InventoryScreen", "Tracking:")),
            ("value", tr("InventoryScreen", "Replacement value:")),
            ("deposit", tr("InventoryScreen", "Deposit:")),
            ("weight", tr("InventoryScreen", "Weight:")),
            ("schedules", tr("InventoryScreen", "Inspections:")),
            ("notes", tr("InventoryScreen", "Notes:")),
        ):
            self.type_values[key] = _value_label()
            self.type_form.addRow(text, self.type_values[key])
        # the facts go under the photo and the title, across the panel's whole width: the
        # labels as wide as their words, the values ("Sommer Cable SC-Binary 234") the rest
        self.type_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        facts = QVBoxLayout()
        facts.addLayout(top)
        facts.addWidget(self.type_facts)
        return facts

    def _build_unit(self) -> QVBoxLayout:
        self.unit_title = QLabel()
        style.set_role(self.unit_title, "heading")
        self.unit_chip = StatusChip("unit")
        head = QHBoxLayout()
        head.addWidget(self.unit_title)
        head.addWidget(self.unit_chip)
        head.addStretch(1)
        self.unit_box = QLabel()
        self.unit_box.setWordWrap(True)
        self.unit_box.setTextFormat(Qt.TextFormat.RichText)
        self.unit_box.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column = QVBoxLayout()
        column.addLayout(head)
        column.addWidget(self.unit_box)
        return column

    # --- showing ------------------------------------------------------------------------

    def show_detail(self, detail: Detail | None) -> None:
        item = detail.item if detail else {}
        self.title.setText(item.get("name", tr("InventoryScreen", "No item type selected")))
        self.subtitle.setText(
            f"{item['code']} · {category_label(item['category'])}" if item else ""
        )
        self._show_photo(detail.photo if detail else None, bool(item))
        self.type_facts.setVisible(bool(item))
        values = self.type_values
        values["maker"].setText(
            " ".join(filter(None, [item.get("manufacturer"), item.get("model")]))
        )
        values["tracking"].setText(self._tracking_text(item) if item else "")
        values["value"].setText(format_amount(item["replacement_value_cents"]) if item else "")
        values["deposit"].setText(format_amount(item["deposit_cents"]) if item else "")
        values["weight"].setText(format_weight(item.get("weight_grams", 0)))
        values["schedules"].setText(self._schedules_text(detail.schedules if detail else []))
        values["notes"].setText(item.get("notes", ""))
        self._show_unit(detail if detail and detail.unit else None)

    def _show_unit(self, detail: Detail | None) -> None:
        unit = detail.unit if detail else None
        self.unit_title.setVisible(unit is not None)
        if unit is None:
            self.unit_chip.set_status(None)
            self.unit_box.setText("")
            return
        self.unit_title.setText(tr("InventoryScreen", "Unit %1").replace("%1", unit["barcode"]))
        self.unit_chip.set_status(unit["status"], status_label(unit["status"]))
        self.unit_box.setText(self._unit_html(detail))  # type: ignore[arg-type]

    def _show_photo(self, png: bytes | None, has_item: bool) -> None:
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            self.photo.setPixmap(
                pixmap.scaled(
                    PHOTO,
                    PHOTO,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(
                tr("InventoryScreen", "No photo\n(Ctrl+Shift+P)") if has_item else ""
            )
        self.photo.setVisible(has_item)

    def _tracking_text(self, item: dict[str, Any]) -> str:
        if item["tracking"] != Tracking.BULK:
            return tracking_label(item["tracking"])
        text = tr("InventoryScreen", "Bulk: %1 in stock, barcode %2")
        return text.replace("%1", str(item["stock_quantity"])).replace("%2", item["barcode"] or "")

    def _schedules_text(self, rows: list[ScheduleRow]) -> str:
        lines = []
        for row in rows:
            text = tr("InventoryScreen", "%1, every %n month(s)", None, row.interval_months)
            lines.append(text.replace("%1", row.name))
        return "\n".join(lines) or tr("InventoryScreen", "None")

    def _unit_html(self, detail: Detail) -> str:
        unit = detail.unit or {}
        esc = html.escape
        owner = unit["owner"] or tr("InventoryScreen", "the cooperative")
        purchase = format_date(unit["purchase_date"])
        if unit["purchase_price_cents"] is not None:
            purchase += " · " + format_amount(unit["purchase_price_cents"])
        facts = [
            (tr("InventoryScreen", "Serial number"), esc(unit["serial"])),
            (tr("InventoryScreen", "Location"), esc(unit["location"])),
            (tr("InventoryScreen", "Owner"), esc(owner)),
            (tr("InventoryScreen", "Purchased"), purchase),
        ]
        muted = style.palette().muted
        parts = ["<table cellspacing='2'>"]
        parts += [
            f"<tr><td style='color:{muted}'>{k}&nbsp;</td><td>{v}</td></tr>" for k, v in facts
        ]
        parts.append("</table>")
        for head, rows in (
            (tr("InventoryScreen", "Inspections due"), self._dues(detail.dues)),
            (tr("InventoryScreen", "Inspection log"), self._inspections(detail)),
            (tr("InventoryScreen", "Repair log"), self._repairs(detail)),
            (tr("InventoryScreen", "Status history"), self._events(detail)),
        ):
            parts.append(f"<h4>{head}</h4>")
            parts.append(self._list_html(rows))
        return "".join(parts)

    def _inspections(self, detail: Detail) -> list[str]:
        esc = html.escape
        return [
            f"{format_date(i.date)} — "
            f"{tr('InventoryScreen', 'passed') if i.passed else tr('InventoryScreen', 'failed')}"
            f" ({esc(i.inspector)}){' — ' + esc(i.notes) if i.notes else ''}"
            for i in detail.inspections
        ]

    def _repairs(self, detail: Detail) -> list[str]:
        return [
            f"{format_date(r.opened_on)}"
            f"{' → ' + format_date(r.closed_on) if r.closed_on else ''}"
            f" — {html.escape(r.description)}"
            for r in detail.repairs
        ]

    def _events(self, detail: Detail) -> list[str]:
        esc = html.escape
        return [
            f"{format_datetime(e.at.replace(tzinfo=e.at.tzinfo or dt.UTC), self.tz)} — "
            f"{esc(status_label(e.old_status))} → {esc(status_label(e.new_status))}"
            f" ({esc(e.user)}){' — ' + esc(e.note) if e.note else ''}"
            for e in detail.events
        ]

    def _dues(self, dues: list[DueRow]) -> list[str]:
        rows = []
        for due in dues:
            line = f"{html.escape(due.schedule)}: {format_date(due.due_on)}"
            if due.overdue:
                overdue = tr("InventoryScreen", "overdue")
                line = f"<b style='color:{style.palette().danger}'>{line} ({overdue})</b>"
            rows.append(line)
        return rows

    def _list_html(self, rows: list[str]) -> str:
        if not rows:
            muted = style.palette().muted
            return f"<p style='color:{muted}'>{tr('InventoryScreen', 'None')}</p>"
        return "<ul style='margin-left:-20px'>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>"
