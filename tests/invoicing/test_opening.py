"""Opening balances: invoices the previous tool left unpaid, imported as opening entries
(all or nothing, every bad line named), counted in the customer's balance (statements,
receivables), paid and reversed, exported to the accountant as receipts only; the tables
append-only on both engines; the CLI from the outside."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.core import tabular
from app.core.access import Actor, Role
from app.core.clock import PARIS, FixedClock
from app.core.errors import DomainError, ValidationErrors
from booking.customers import customer_by_number
from invoicing import accounting, integrity, opening, report_finance, statements
from invoicing.models import PaymentMethod
from tests.invoicing.cli_helpers import regie, run

CLOCK = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))

# What a French office's spreadsheet saved as "CSV (séparateur point-virgule)" looks like.
FRENCH = (
    "N° client;Facture;Date facture;Échéance;Reste dû;Libellé\r\n"
    "C-PUB;ANC-2025-101;15/09/2025;15/10/2025;1 234,50;Festival d'été\r\n"
    "C-MEM;ANC-2025-102;01/10/2025;;99,90;\r\n"
)


def table(content: str, name: str = "soldes.csv", encoding: str = "cp1252") -> tabular.Table:
    return tabular.read_table(content.encode(encoding), name)


def import_french(db) -> tabular.ImportResult:
    with db.write() as uow:
        return opening.import_balances(uow, table(FRENCH), clock=CLOCK)


def rows(db, **kwargs) -> dict[str, opening.OpeningRow]:
    with db.read() as uow:
        return {r.reference: r for r in opening.opening_rows(uow, **kwargs)}


def count(db, table_name: str) -> int:
    with db.read() as uow:
        return int(
            uow.session.connection().execute(text(f"SELECT count(*) FROM {table_name}")).scalar()
        )


@pytest.mark.both_engines
def test_a_french_cp1252_file_imports_once_and_again_changes_nothing(coop):
    done = import_french(coop)
    assert [(c.action, c.key) for c in done.changes] == [
        ("create", "ANC-2025-101"),
        ("create", "ANC-2025-102"),
    ]
    found = rows(coop)
    assert found["ANC-2025-101"].amount_cents == 123450
    assert found["ANC-2025-101"].due_date == dt.date(2025, 10, 15)
    assert found["ANC-2025-101"].label == "Festival d'été"
    # no due date: the invoice's date plus the cooperative's payment days (30)
    assert found["ANC-2025-102"].due_date == dt.date(2025, 10, 31)
    again = import_french(coop)
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 2}
    assert count(coop, "opening_balance") == 2


@pytest.mark.both_engines
def test_every_bad_line_is_named_and_nothing_is_written(coop):
    import_french(coop)
    bad = (
        "customer;reference;issue_date;due_date;amount\n"
        "C-NONE;X1;2025-09-15;;10\n"  # 2: unknown customer
        "C-PUB;ANC-2025-101;2025-09-15;;99\n"  # 3: already imported with other figures
        "C-PUB;X2;31/02/2025;;5\n"  # 4: no such day
        "C-PUB;X3;2025-01-10;2024-12-01;5\n"  # 5: due before issued
        "C-PUB;X4;2025-01-10;;0\n"  # 6: nothing owed
        "C-PUB;X5;2025-01-10;;abc\n"  # 7: not an amount
        "C-PUB;X6;2027-01-10;;3\n"  # 8: after today
        "C-PUB;X7;2025-01-10;;3\n"  # 9: good, but nothing written either
        "C-PUB;x7;2025-01-10;;3\n"  # 10: the same reference twice
    )
    with pytest.raises(ValidationErrors) as caught, coop.write() as uow:
        opening.import_balances(uow, table(bad, encoding="utf-8"), clock=CLOCK)
    named = {line: str(err) for line, err in caught.value.errors}
    assert sorted(named) == [2, 3, 4, 5, 6, 7, 8, 10]
    assert "C-NONE" in named[2]
    assert "other figures" in named[3]
    assert "'issue_date'" in named[4] and "31/02/2025" in named[4]
    assert "before" in named[5]
    assert "X4" in named[6]
    assert "abc" in named[7]
    assert "after today" in named[8]
    assert "line 9" in named[10]
    assert sorted(rows(coop)) == ["ANC-2025-101", "ANC-2025-102"]


def test_a_required_column_missing_is_named_on_the_header_line(coop):
    with pytest.raises(ValidationErrors) as caught, coop.write() as uow:
        opening.import_balances(uow, table("Client;Facture;Date\nC-PUB;A1;2025-01-01\n"))
    ((line, err),) = caught.value.errors
    assert line == 1 and "amount" in str(err).lower()


def test_a_number_regie_issued_is_not_an_opening_entry(coop, clock, render):
    from invoicing import invoices
    from tests.invoicing.conftest import book

    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    with coop.write() as uow:
        number = invoices.issue_invoice(
            uow, user="manager", reference=ref, clock=clock, renderer=render
        )
    content = f"customer;reference;issue_date;amount\nC-PUB;{number.number};2025-01-01;10\n"
    with pytest.raises(ValidationErrors, match="Régie issued"), coop.write() as uow:
        opening.import_balances(uow, table(content, encoding="utf-8"), clock=CLOCK)


def test_the_preview_writes_nothing(coop):
    result = tabular.rehearse(coop, lambda uow: opening.import_balances(uow, table(FRENCH)))
    assert result.created == 2
    assert count(coop, "opening_balance") == 0


def test_importing_needs_the_invoicing_permission(coop):
    coop.actor = Actor("lea", Role.STAFF)
    with pytest.raises(DomainError, match="manager"), coop.write() as uow:
        opening.import_balances(uow, table(FRENCH), clock=CLOCK)
    coop.actor = Actor("admin", Role.ADMIN)
    assert count(coop, "opening_balance") == 0


@pytest.mark.both_engines
def test_opening_entries_are_append_only(coop):
    import_french(coop)
    for statement in (
        "UPDATE opening_balance SET amount_cents = 1",
        "DELETE FROM opening_balance",
    ):
        with pytest.raises(Exception, match="append-only"), coop.write() as uow:
            uow.session.connection().execute(text(statement))
    with coop.write() as uow:
        opening.record_payment(
            uow, reference="ANC-2025-101", amount="10", date=dt.date(2025, 11, 2), clock=CLOCK
        )
    with pytest.raises(Exception, match="append-only"), coop.write() as uow:
        uow.session.connection().execute(text("DELETE FROM opening_payment"))
    assert count(coop, "opening_payment") == 1


@pytest.mark.both_engines
def test_payments_and_reversals_settle_an_entry(coop):
    import_french(coop)
    with coop.write() as uow:
        paid = opening.record_payment(
            uow,
            reference="anc-2025-101",  # any case
            amount="234,50",
            date=dt.date(2026, 11, 3),
            method="cheque",
            payment_reference="CHQ 88",
            clock=CLOCK,
        )
    assert rows(coop)["ANC-2025-101"].balance_cents == 100000
    refused = [
        dict(amount="1000.01", date=dt.date(2026, 11, 4)),  # more than is left
        dict(amount="0", date=dt.date(2026, 11, 4)),
        dict(amount="10", date=dt.date(2025, 9, 1)),  # before the invoice
        dict(amount="10", date=dt.date(2026, 11, 28)),  # beyond tomorrow
        dict(amount="10", date=dt.date(2026, 11, 4), method="caution"),
    ]
    for case in refused:
        with pytest.raises(DomainError), coop.write() as uow:
            opening.record_payment(uow, reference="ANC-2025-101", clock=CLOCK, **case)
    with coop.write() as uow:
        opening.reverse_payment(uow, payment_id=paid.id, clock=CLOCK)
    assert rows(coop)["ANC-2025-101"].balance_cents == 123450
    with pytest.raises(DomainError, match="already cancelled"), coop.write() as uow:
        opening.reverse_payment(uow, payment_id=paid.id, clock=CLOCK)


def test_they_count_in_the_statement_and_the_receivables(coop):
    import_french(coop)
    with coop.write() as uow:
        opening.record_payment(
            uow, reference="ANC-2025-101", amount="234.50", date=dt.date(2026, 11, 3), clock=CLOCK
        )
        customer_id = customer_by_number(uow, "C-PUB").id
    with coop.read() as uow:
        st = statements.statement(uow, customer_id, "2026-11", today=CLOCK.today())
        october = statements.statement(uow, customer_id, "2025-09", today=CLOCK.today())
        report = report_finance.receivables(uow, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        month_customers = statements.customers_for_month(uow, "2026-11", today=CLOCK.today())
        total = statements.receivables_total(uow, CLOCK.today())
    assert st.opening == Decimal("1234.50")
    assert st.paid == Decimal("234.50")
    assert st.closing == Decimal("1000.00")
    (item,) = st.open_items
    assert (item.number, item.remaining) == ("ANC-2025-101", Decimal("1000.00"))
    assert item.days_overdue == (dt.date(2026, 11, 26) - dt.date(2025, 10, 15)).days
    (payment,) = st.entries
    assert payment.opening and payment.number == "ANC-2025-101"
    # in the month it was issued, it is the month's invoice, under its reference
    (entry,) = october.entries
    assert entry.opening and entry.amount == Decimal("1234.50") and october.opening == 0
    assert customer_id in month_customers
    by_customer = {r["customer"]: r for r in report.rows}
    assert by_customer["C-PUB"]["balance"] == Decimal("1000.00")
    assert by_customer["C-PUB"]["over_90"] == Decimal("1000.00")
    assert by_customer["C-MEM"]["balance"] == Decimal("99.90")
    assert total == Decimal("1099.90")


def test_the_accountant_gets_the_receipts_not_the_sales(coop):
    import_french(coop)
    with coop.write() as uow:
        paid = opening.record_payment(
            uow,
            reference="ANC-2025-101",
            amount="200",
            date=dt.date(2026, 11, 3),
            method=PaymentMethod.VIREMENT.value,
            clock=CLOCK,
        )
        opening.reverse_payment(uow, payment_id=paid.id, clock=CLOCK)
    with coop.read() as uow:
        found = accounting.entries(uow, dt.date(2025, 1, 1), dt.date(2026, 12, 31))
        chart = accounting.accounts(uow)
    mine = [e for e in found if e.piece_ref == "ANC-2025-101"]
    assert [e.journal for e in mine] == [accounting.BANK_JOURNAL, accounting.BANK_JOURNAL]
    first, contra = mine
    assert first.debit == first.credit == 20000
    assert [(m.account, m.debit, m.credit) for m in first.movements] == [
        (accounting.BANK, 20000, 0),
        (accounting.CUSTOMERS, 0, 20000),
    ]
    assert first.movements[1].aux_number == "C-PUB"
    assert [(m.account, m.debit, m.credit) for m in contra.movements] == [
        (accounting.BANK, 0, 20000),
        (accounting.CUSTOMERS, 20000, 0),
    ]
    assert not [e for e in found if e.journal == accounting.SALES_JOURNAL]
    fec = accounting.fec_bytes(chart, found).decode("utf-8")
    assert "Règlement ANC-2025-101 virement Compagnie du Rocher" in fec


def test_verify_stays_intact(coop):
    import_french(coop)
    with coop.write() as uow:
        opening.record_payment(
            uow, reference="ANC-2025-102", amount="99.90", date=dt.date(2026, 11, 3), clock=CLOCK
        )
    with coop.read() as uow:
        assert integrity.verify(uow).intact


def test_the_export_reads_back_as_unchanged(coop, tmp_path):
    import_french(coop)
    with coop.write() as uow:
        opening.record_payment(
            uow, reference="ANC-2025-102", amount="99.90", date=dt.date(2026, 11, 3), clock=CLOCK
        )
    with coop.read() as uow:
        data, exported = opening.export_balances(uow, "soldes.xlsx")
    assert exported == 1  # the settled one is left out
    with coop.write() as uow:
        again = opening.import_balances(uow, tabular.read_table(data, "soldes.xlsx"), clock=CLOCK)
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 1}


# --- the command line ------------------------------------------------------------------------


def test_cli_import_list_pay(coop, db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    source = tmp_path / "soldes.csv"
    source.write_bytes(FRENCH.encode("cp1252"))
    status, shown, _ = run(capsys, "opening-balances", "import", str(source), "--preview", "--json")
    assert status == 0 and shown["created"] == 2 and shown["preview"] is True
    assert shown["file"]["encoding"] == "cp1252" and shown["file"]["delimiter"] == ";"
    assert count(coop, "opening_balance") == 0
    status, shown, _ = run(capsys, "opening-balances", "import", str(source), "--json")
    assert status == 0 and shown["created"] == 2
    status, shown, _ = run(capsys, "opening-balances", "pay", "ANC-2025-101", "34,50", "--json")
    assert status == 0 and shown["balance"] == "1200.00" and shown["method"] == "virement"
    status, shown, _ = run(capsys, "opening-balances", "list", "--customer", "C-PUB", "--json")
    assert status == 0
    assert [(r["reference"], r["paid"], r["balance"], r["status"]) for r in shown] == [
        ("ANC-2025-101", "34.50", "1200.00", "overdue")
    ]
    status, _out, err = run(capsys, "opening-balances", "pay", "ANC-2025-101", "5000")
    assert status == 1 and "1200.00 left to pay" in err
    status, _out, err = run(capsys, "opening-balances", "pay", "ANC-2025-101", "abc")
    assert status == 2 and "abc" in err
    status, _out, err = run(capsys, "opening-balances", "list", "--customer", "NOPE")
    assert status == 1 and "NOPE" in err and "Traceback" not in err


def test_cli_bad_file_exit_1_nothing_written(coop, db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    source = tmp_path / "soldes.csv"
    source.write_text("customer;reference;issue_date;amount\nC-PUB;A1;2025-01-01;12\nC-X;A2;x;1\n")
    status, out, err = run(capsys, "opening-balances", "import", str(source))
    assert status == 1
    assert "line 3" in err and "C-X" in err and "Traceback" not in err
    assert count(coop, "opening_balance") == 0
    status, _out, err = run(capsys, "opening-balances", "import", str(tmp_path / "none.csv"))
    assert status == 1 and "none.csv" in err


def test_a_real_process_imports_and_lists(coop, db_path, tmp_path):
    source = tmp_path / "soldes.csv"
    source.write_bytes(FRENCH.encode("cp1252"))
    done = regie(db_path, tmp_path, "opening-balances", "import", str(source))
    assert done.returncode == 0, done.stderr
    assert "2 created" in done.stdout
    done = regie(db_path, tmp_path, "opening-balances", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert {r["reference"]: r["balance"] for r in json.loads(done.stdout)} == {
        "ANC-2025-101": "1234.50",
        "ANC-2025-102": "99.90",
    }
    out = tmp_path / "restant.xlsx"
    done = regie(db_path, tmp_path, "opening-balances", "export", str(out))
    assert done.returncode == 0 and out.read_bytes().startswith(b"PK")


def test_a_person_with_an_unpaid_opening_entry_is_not_anonymised_and_their_export_lists_it(
    coop,
):
    """RGPD: an opening entry is part of what the cooperative holds about a person (the
    export lists it with its payments), and one still owed keeps the person, as an unpaid
    invoice does."""
    from invoicing import personal_data

    import_french(coop)
    with coop.write() as uow:
        opening.record_payment(
            uow,
            reference="ANC-2025-102",
            amount="50,00",
            date=dt.date(2026, 11, 2),
            clock=CLOCK,
        )
    with coop.read() as uow:
        exported = personal_data.export_data(uow, "C-MEM", clock=CLOCK)
    (entry,) = exported["opening_balances"]
    assert (entry["reference"], entry["amount"], entry["paid"], entry["balance"]) == (
        "ANC-2025-102",
        "99.90",
        "50.00",
        "49.90",
    )
    assert [p["amount"] for p in entry["payments"]] == ["50.00"]
    with pytest.raises(DomainError) as refused, coop.write() as uow:
        personal_data.anonymise(uow, "C-MEM", clock=CLOCK)
    assert "ANC-2025-102" in str(refused.value)
    with coop.read() as uow:
        assert customer_by_number(uow, "C-MEM").name != ""


def test_the_home_screen_lists_opening_entries_past_due_with_the_overdue_invoices(coop):
    from invoicing import dashboard

    import_french(coop)
    with coop.read() as uow:
        panel = dashboard.load_dashboard(uow, CLOCK).invoices
    late = {line.title: line for line in panel.lines}
    assert late["ANC-2025-101"].amount_cents == 123450
    assert late["ANC-2025-101"].when == dt.date(2025, 10, 15)
    assert panel.total_cents is not None and panel.total_cents >= 123450
