"""Management reports: one entry point for the desktop app, the CLI and the benchmark.

``report(uow, name, start, end, today=...)`` builds the ``Report`` named ``name`` (one of
``REPORTS``) for the whole days ``start`` to ``end`` (both included); ``to_csv``,
``to_xlsx`` and ``to_json`` export it (``invoicing.report_model``). The rules of each
report are in ``invoicing.report_finance`` (revenue, receivables, savings) and
``invoicing.report_usage`` (utilisation, owners, inspections).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.core.access import Permission, requires
from app.core.clock import PARIS
from app.core.db import UnitOfWork
from app.core.errors import N_, ValidationError
from app.core.money import from_cents
from invoicing import report_finance, report_usage
from invoicing.report_model import ChartSpec, Column, Report, to_csv, to_json, to_xlsx

__all__ = [
    "REPORTS",
    "TITLES",
    "ChartSpec",
    "Column",
    "Report",
    "receivables_total",
    "report",
    "to_csv",
    "to_json",
    "to_xlsx",
]

REPORTS = ("revenue", "utilisation", "receivables", "savings", "owners", "inspections")
TITLES = {
    "revenue": N_("Revenue"),
    "utilisation": N_("Utilisation"),
    "receivables": N_("Receivables by customer and age"),
    "savings": N_("Members' savings"),
    "owners": N_("Revenue and equipment-days per owner"),
    "inspections": N_("Inspections due"),
}
#: The longest period a report covers (ten years and a bit).
MAX_DAYS = 3700


@requires(Permission.REPORTS)
def report(
    uow: UnitOfWork,
    name: str,
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date,
    now: dt.datetime | None = None,
    tz: dt.tzinfo = PARIS,
) -> Report:
    """The report ``name`` over ``[start, end]``. ``now`` (local, naive; default: the end
    of ``today``) decides what is still out; ``tz`` turns the desk's UTC times into days."""
    if name not in REPORTS:
        raise ValidationError(
            "report",
            "Unknown report {value!r}: expected one of {allowed}.",
            value=name,
            allowed=", ".join(REPORTS),
        )
    if end < start:
        raise ValidationError("to", "The end of the period must come after its start.")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("to", "A report covers at most ten years.")
    moment = now or dt.datetime.combine(today, dt.time(23, 59, 59))
    if name == "revenue":
        return report_finance.revenue(uow, start, end)
    if name == "receivables":
        return report_finance.receivables(uow, start, end)
    if name == "savings":
        return report_finance.savings(uow, start, end)
    if name == "utilisation":
        return report_usage.utilisation(uow, start, end, moment)
    if name == "owners":
        return report_usage.owners(uow, start, end, moment, tz)
    return report_usage.inspections(uow, start, end, today)


def receivables_total(uow: UnitOfWork, as_of: dt.date) -> Decimal:
    """What customers owe on ``as_of`` (incl. VAT): the receivables report's total."""
    return from_cents(report_finance.receivables_total_cents(uow, as_of))
