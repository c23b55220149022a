"""A payment may be dated tomorrow (a cheque dated ahead); it counts from its date,
everywhere: on the day it is recorded, ``regie invoices list``/``show``, the invoices
screen and the statement of the month ("Situation au …") give the invoice the same
balance, without it; the next day all count it. What is left to pay, when a payment is
recorded, counts every payment recorded, tomorrow's too (nothing can be paid twice)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.core.clock import PARIS, FixedClock
from booking.customers import customer_by_number
from invoicing import invoice_queries, statements
from tests.invoicing import test_cli
from tests.invoicing.conftest import book
from tests.invoicing.test_cli import issue, run

cli = test_cli.cli  # the fixture: the cooperative behind REGIE_DB, C-PRO and C-ADH; 26/11


def _listed(capsys, number: str) -> tuple[str, str]:
    status, listed, err = run(capsys, "invoices", "list", "--json")
    assert status == 0, err
    (row,) = [d for d in listed if d["number"] == number]
    status, shown, err = run(capsys, "invoices", "show", number, "--json")
    assert status == 0, err
    assert (shown["paid"], shown["balance"]) == (row["paid"], row["balance"])
    return row["paid"], row["balance"]


def _on_screen(coop, number: str, today: dt.date) -> tuple[int | None, int | None]:
    """The invoices screen's row (``invoice_queries``): paid and balance, in cents."""
    with coop.read() as uow:
        (row,) = [r for r in invoice_queries.document_rows(uow, today) if r.number == number]
    return row.paid_cents, row.balance_cents


def _stated(coop, number: str, today: dt.date) -> Decimal:
    with coop.read() as uow:
        customer = customer_by_number(uow, "C-PRO")
        st = statements.statement(uow, customer.id, "2026-11", today=today)  # type: ignore[arg-type]
    return {i.number: i.remaining for i in st.open_items}.get(number, Decimal("0.00"))


def test_a_payment_dated_tomorrow_counts_from_its_date_everywhere(cli, coop, tmp_path, capsys):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4})
    number = issue(capsys, tmp_path, ref)["number"]  # 432,00 on 26/11
    assert run(capsys, "payments", "add", number, "200", "--date", "2026-11-26")[0] == 0
    assert run(capsys, "payments", "add", number, "100", "--date", "2026-11-27")[0] == 0

    today = dt.date(2026, 11, 26)
    assert _listed(capsys, number) == ("200.00", "232.00")
    assert _stated(coop, number, today) == Decimal("232.00")
    assert _on_screen(coop, number, today) == (20000, 23200)
    # What is left to pay counts tomorrow's cheque: 132,00, not 232,00
    status, _, err = run(capsys, "payments", "add", number, "200")
    assert status == 1 and "132.00" in err, err

    cli["clock"] = FixedClock(dt.datetime(2026, 11, 27, 10, 0, tzinfo=PARIS))
    assert _listed(capsys, number) == ("300.00", "132.00")
    assert _stated(coop, number, dt.date(2026, 11, 27)) == Decimal("132.00")
    assert _on_screen(coop, number, dt.date(2026, 11, 27)) == (30000, 13200)
