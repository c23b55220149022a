"""A ``Document`` as JSON and back (Decimal as text, dates ISO): the frozen form stored
with an issued document, so it can be rendered again exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from invoicing.document import Document, Kind, Line, Nature, Party, VatCategory, VatTotal


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # never an exponent ("1.126E-7")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value  # str (StrEnum included), bool, int, None


def to_json_value(value: Any) -> Any:
    """A Decimal, date or dataclass as JSON stores it (Decimal: plain text, no exponent)."""
    return _plain(value)


def to_json(document: Document) -> str:
    return json.dumps(_plain(document), ensure_ascii=False, sort_keys=True)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _line(raw: dict[str, Any]) -> Line:
    return Line(
        description=raw["description"],
        quantity=Decimal(raw["quantity"]),
        unit=raw["unit"],
        unit_price=Decimal(raw["unit_price"]),
        net=Decimal(raw["net"]),
        vat_rate=Decimal(raw["vat_rate"]),
        vat_category=VatCategory(raw["vat_category"]),
        detail=raw["detail"],
        gross_unit_price=_dec(raw["gross_unit_price"]),
        discount_percent=Decimal(raw["discount_percent"]),
        item_code=raw["item_code"],
        is_goods=raw["is_goods"],
        exemption_reason=raw.get("exemption_reason", ""),
        period_start=_date(raw.get("period_start")),
        period_end=_date(raw.get("period_end")),
    )


def _vat(raw: dict[str, Any]) -> VatTotal:
    return VatTotal(
        rate=Decimal(raw["rate"]),
        category=VatCategory(raw["category"]),
        base=Decimal(raw["base"]),
        amount=Decimal(raw["amount"]),
        exemption_reason=raw["exemption_reason"],
        exemption_code=raw.get("exemption_code", ""),
    )


def from_json(text: str) -> Document:
    """The document back; JSON frozen by an earlier release lacks the newer fields, which
    take their defaults."""
    raw = json.loads(text)
    return Document(
        kind=Kind(raw["kind"]),
        number=raw["number"],
        issue_date=dt.date.fromisoformat(raw["issue_date"]),
        seller=Party(**raw["seller"]),
        buyer=Party(**raw["buyer"]),
        lines=tuple(_line(ln) for ln in raw["lines"]),
        vat=tuple(_vat(v) for v in raw["vat"]),
        net_total=Decimal(raw["net_total"]),
        vat_total=Decimal(raw["vat_total"]),
        gross_total=Decimal(raw["gross_total"]),
        due_date=_date(raw["due_date"]),
        validity_date=_date(raw["validity_date"]),
        currency=raw["currency"],
        booking_reference=raw["booking_reference"],
        buyer_reference=raw.get("buyer_reference", ""),
        order_reference=raw.get("order_reference", ""),
        event=raw["event"],
        venue=raw["venue"],
        period_start=_date(raw["period_start"]),
        period_end=_date(raw["period_end"]),
        rate_label=raw["rate_label"],
        nature=Nature(raw["nature"]),
        cited_number=raw["cited_number"],
        cited_date=_date(raw["cited_date"]),
        paid_amount=Decimal(raw["paid_amount"]),
        payment_terms=raw["payment_terms"],
        deposit_note=raw["deposit_note"],
        notes=tuple(raw["notes"]),
    )
