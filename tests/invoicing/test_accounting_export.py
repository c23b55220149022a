"""`regie export accounting`: a small book (two VAT rates, a consumable, a damage charge, a
credit note, payments by transfer and in cash, one from a deposit, a reversed one) exported
as FEC through the CLI and checked against what `regie invoices` says: the 18 columns in
order, every entry balanced, revenue = net invoiced − net credited, VAT per rate, the
customer account = gross − receipts; and bad input refused with nothing written."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal

import pytest
from sqlmodel import select

from app.bootstrap import open_context
from app.cli import main
from app.core.clock import PARIS, FixedClock
from app.demo.booking import make_siret
from booking import desk
from booking.models import Condition
from inventory.models import Category, Unit
from invoicing import accounting, charges, item_rates, rates
from tests import factories
from tests.invoicing.conftest import USER, book, customer

D = Decimal
START, END = "2026-11-01", "2026-12-31"
OUT_DAY = FixedClock(dt.datetime(2026, 12, 1, 9, 30, tzinfo=PARIS))
BACK_DAY = FixedClock(dt.datetime(2026, 12, 7, 10, 0, tzinfo=PARIS))


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    if "--json" in argv and status == 0:
        return status, json.loads(out), err
    return status, out, err


def ok(capsys, *argv):
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    return out


@pytest.fixture
def ledger(coop, db_path, clock, monkeypatch, qapp, tmp_path, capsys):
    """The book, built through the CLI (the clock moved where the story needs it)."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    factories.item(coop, "PUPITRE", "Pupitre de lecture", Category.LIGHTING)
    for _ in range(2):
        factories.unit(coop, clock, "PUPITRE")
    with coop.write() as uow:
        rates.set_item_rate(
            uow, user=USER, item_code="PUPITRE", member_day="8", non_member_day="10", vat_rate="10"
        )
    state = {"clock": clock}

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = state["clock"]
        return ctx

    for module in ("invoicing", "deposits"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    pdf = str(tmp_path / "doc.pdf")

    def invoice(ref):
        return ok(capsys, "invoice", ref, "--out", pdf, "--json")["number"]

    first = book(coop, clock, "C-PRO", {"LYRE": 2, "PUPITRE": 2, "GAFFER": 3})
    fa1 = invoice(first)  # 20 % rental, 10 % rental, 20 % consumables
    second = book(coop, clock, "C-PRO", {"LYRE": 2})
    with coop.read() as uow:
        codes = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))][:2]
    for code in codes:
        with coop.write() as uow:
            assert desk.check_out(uow, user=USER, reference=second, code=code, clock=OUT_DAY).ok
    with coop.write() as uow:
        desk.check_in(uow, user=USER, code=codes[0], condition=Condition.DAMAGED, clock=BACK_DAY)
        desk.check_in(uow, user=USER, code=codes[1], condition=Condition.OK, clock=BACK_DAY)
        charges.record_damage_charge(
            uow,
            user=USER,
            reference=second,
            item_code="LYRE",
            amount="85,00",
            description="lentille fêlée",
            clock=BACK_DAY,
        )
    deposit = ok(capsys, "deposits", "add", second, "300", "--method", "virement", "--json")
    state["clock"] = BACK_DAY
    fa2 = invoice(second)  # rental + damage + late return
    ok(capsys, "credit-note", fa1, "--line", "2", "--reason", "Pupitres non utilisés", "--out", pdf)
    ok(capsys, "payments", "add", fa1, "100", "--method", "virement", "--date", "2026-12-02")
    ok(capsys, "payments", "add", fa1, "50", "--method", "especes", "--date", "2026-12-03")
    cheque = ok(capsys, "payments", "add", fa1, "20", "--method", "cheque", "--json")
    ok(capsys, "payments", "reverse", str(cheque["id"]))
    ok(capsys, "deposits", "retain", str(deposit["id"]), "--invoice", fa2, "--amount", "120")
    # a cheque held as deposit is not booked; kept, it is cashed: bank, not the deposits
    held = ok(capsys, "deposits", "add", first, "500", "--method", "cheque", "--json")
    ok(capsys, "deposits", "retain", str(held["id"]), "--invoice", fa1, "--amount", "11")
    return {"invoices": [fa1, fa2], "db": db_path}


def _fec(capsys, tmp_path, *extra):
    out = tmp_path / "fec.txt"
    ok(capsys, "export", "accounting", "--from", START, "--to", END, "--out", str(out), *extra)
    return out


def _parse(path):
    raw = path.read_bytes().decode("utf-8")
    lines = raw.split("\r\n")
    assert lines[-1] == ""
    header, *body = [ln.split("\t") for ln in lines[:-1]]
    return header, [dict(zip(header, row, strict=True)) for row in body]


def _cents(text):
    assert "." not in text and "," in text, text
    whole, dec = text.split(",")
    assert len(dec) == 2
    return int(whole) * 100 + int(dec)


def _documents(capsys):
    listed = ok(capsys, "invoices", "list", "--json")
    return [ok(capsys, "invoices", "show", d["number"], "--json") | d for d in listed]


def test_fec_matches_the_invoices(ledger, capsys, tmp_path):
    header, rows = _parse(_fec(capsys, tmp_path))
    assert header == list(accounting.COLUMNS) and len(header) == 18
    assert header[0] == "JournalCode" and header[-1] == "Idevise"
    entries = defaultdict(list)
    for row in rows:
        for day in ("EcritureDate", "PieceDate", "ValidDate"):
            assert len(row[day]) == 8 and row[day].isdigit()
            dt.datetime.strptime(row[day], "%Y%m%d")
        entries[row["EcritureNum"]].append(row)
    for number, lines in entries.items():
        assert len({ln["JournalCode"] for ln in lines}) == 1
        debit = sum(_cents(ln["Debit"]) for ln in lines)
        credit = sum(_cents(ln["Credit"]) for ln in lines)
        assert debit == credit > 0, number

    def movement(account, **where):
        picked = [
            r
            for r in rows
            if r["CompteNum"] == account and all(r[k] == v for k, v in where.items())
        ]
        return sum(_cents(r["Credit"]) - _cents(r["Debit"]) for r in picked)

    docs = _documents(capsys)
    kinds = {d["kind"] for d in docs}
    assert kinds == {"invoice", "credit_note"}
    sign = {"invoice": 1, "credit_note": -1}
    net = sum(sign[d["kind"]] * _cents(d["net_total"].replace(".", ",")) for d in docs)
    gross = sum(sign[d["kind"]] * _cents(d["gross_total"].replace(".", ",")) for d in docs)
    revenue = movement("706") + movement("707") + movement("7588")
    assert revenue == net
    assert movement("707") > 0 and movement("7588") == 8500  # consumables, the damage
    vat = defaultdict(int)
    for d in docs:
        for v in d["vat"]:
            vat[v["rate"]] += sign[d["kind"]] * _cents(v["amount"].replace(".", ","))
    assert set(vat) == {"20.00", "10.00"}
    for rate, cents in vat.items():
        label = "TVA collectée " + rate.rstrip("0").rstrip(".").replace(".", ",") + " %"
        assert movement("44571", CompteLib=label) == cents, rate
    assert movement("44571") == sum(vat.values())
    # receipts: 100 transfer + 50 cash + 20 cheque − 20 reversed + 120 from the deposit
    # (by transfer) + 11 from the cheque deposit
    receipts = 10000 + 5000 + 2000 - 2000 + 12000 + 1100
    assert -movement("411") == gross - receipts
    assert {r["CompAuxNum"] for r in rows if r["CompteNum"] == "411"} == {"C-PRO"}
    assert -movement("530") == 5000
    # bank: transfer 100, cheque 20 and its reversal, the 300 transfer deposit received
    # (180 of it given back), 11 of the cheque deposit cashed
    assert -movement("512") == 10000 + 2000 - 2000 + 30000 - 18000 + 1100
    cashed = [r for r in rows if "caution retenue" in r["EcritureLib"] and r["Debit"] == "11,00"]
    assert [(r["JournalCode"], r["CompteNum"]) for r in cashed] == [("BQ", "512")]
    assert movement("4191") == 30000 - 12000 - 18000 == 0
    reversal = [r for r in rows if r["EcritureLib"].startswith("Annulation règlement")]
    assert {(r["CompteNum"], r["Debit"], r["Credit"]) for r in reversal} == {
        ("512", "0,00", "20,00"),
        ("411", "20,00", "0,00"),
    }
    journals = {r["JournalCode"] for r in rows}
    assert journals == {"VE", "BQ", "CA", "OD"}


def test_accounts_are_settings(ledger, capsys, tmp_path):
    db = open_context(str(ledger["db"])).db
    try:
        with db.write() as uow:
            accounting.save_accounts(
                uow,
                {accounting.vat_key(1000): "445712", accounting.RENTALS: "706100"},
                {accounting.RENTALS: "Locations"},
                customer_mode=accounting.COLLECTIVE,
            )
    finally:
        db.dispose()
    _header, rows = _parse(_fec(capsys, tmp_path))
    assert any(r["CompteNum"] == "445712" for r in rows)
    assert {r["CompteLib"] for r in rows if r["CompteNum"] == "706100"} == {"Locations"}
    assert not any(r["CompteNum"] == "706" for r in rows)
    assert {r["CompAuxNum"] for r in rows} == {""}


def test_csv_format_and_a_subprocess(ledger, tmp_path):
    out = tmp_path / "books.csv"
    env = {**os.environ, "REGIE_DB": str(ledger["db"])}
    done = subprocess.run(
        [sys.executable, "-m", "app", "export", "accounting", "--from", START, "--to", END]
        + ["--format", "csv", "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["entries"] > 5 and shown["file"] == str(out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";") == list(accounting.COLUMNS)
    first = lines[1].split(";")
    assert dt.datetime.strptime(first[3], "%d/%m/%Y") and "," in first[11]
    piped = subprocess.run(
        [sys.executable, "-m", "app", "export", "accounting", "--from", START, "--to", END]
        + ["--out", "-"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 0 and piped.stdout.startswith(b"JournalCode\tJournalLib\t")


@pytest.mark.parametrize(
    ("argv", "status", "says"),
    [
        (["--from", "2026-12-31", "--to", "2026-11-01"], 1, "before it starts"),
        (["--from", "2026-13-01", "--to", "2026-12-31"], 2, "is not a date"),
        (["--from", "demain", "--to", "2026-12-31"], 2, "is not a date"),
        (["--from", START, "--to", END, "--format", "xls"], 2, "invalid choice"),
    ],
)
def test_bad_input_writes_nothing(ledger, capsys, tmp_path, argv, status, says):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "fec.txt"
    try:
        got = main(["export", "accounting", *argv, "--out", str(out)])
    except SystemExit as stop:
        got = stop.code
    _out, err = capsys.readouterr()
    assert got == status and says in err
    assert "Traceback" not in err
    assert list(folder.iterdir()) == []


def test_bad_output_place_writes_nothing(ledger, capsys, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    for place in (folder / "nowhere" / "fec.txt", folder):
        status, _out, err = run(
            capsys, "export", "accounting", "--from", START, "--to", END, "--out", str(place)
        )
        assert status == 1 and err.strip().count("\n") == 0 and "Traceback" not in err
    assert list(folder.iterdir()) == []


def test_an_empty_period_gives_the_header_only(ledger, capsys, tmp_path):
    out = tmp_path / "empty.txt"
    ok(
        capsys,
        "export",
        "accounting",
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-31",
        "--out",
        str(out),
    )
    assert out.read_bytes() == ("\t".join(accounting.COLUMNS) + "\r\n").encode()


def test_fec_file_name():
    assert accounting.fec_file_name("932 817 455", dt.date(2026, 12, 31)) == (
        "932817455FEC20261231.txt"
    )


def _numbers(path):
    """{(journal, piece, text): EcritureNum} of one file, each entry once."""
    _header, rows = _parse(path)
    found = {}
    for r in rows:
        key = (r["JournalCode"], r["PieceRef"], r["EcritureLib"], r["EcritureDate"])
        assert found.setdefault(key, r["EcritureNum"]) == r["EcritureNum"]
    return found


def test_entry_numbers_are_stable_and_unique_across_exports(ledger, capsys, tmp_path, monkeypatch):
    """November, then December, then both: each entry keeps its number, and no number is
    given to two entries (an accountant importing month after month gets no collision)."""
    files = {}
    for name, start, end in (
        ("nov", "2026-11-01", "2026-11-30"),
        ("dec", "2026-12-01", "2026-12-31"),
        ("both", START, END),
    ):
        files[name] = tmp_path / f"{name}.txt"
        ok(capsys, "export", "accounting", "--from", start, "--to", end, "--out", str(files[name]))
    nov, dec, both = (_numbers(files[n]) for n in ("nov", "dec", "both"))
    assert nov and dec
    assert {**nov, **dec} == both  # the same entries, the same numbers
    assert not set(nov.values()) & set(dec.values())
    assert len(set(both.values())) == len(both)
    assert sorted(v for v in both.values() if v.startswith("VE-")) == [
        f"VE-2026-{n:06d}" for n in range(1, 1 + sum(v.startswith("VE-") for v in both.values()))
    ]
    assert all(v.startswith("VE-2026-") for k, v in nov.items() if k[0] == "VE")
    # a transfer received on 30/11, recorded on 10/12 after the export: it takes the
    # next number; nothing already exported is renumbered
    fa1 = ledger["invoices"][0]
    late_day = FixedClock(dt.datetime(2026, 12, 10, 9, 0, tzinfo=PARIS))

    def later(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = late_day
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", later)
    ok(capsys, "payments", "add", fa1, "5", "--method", "virement", "--date", "2026-11-30")
    ok(capsys, "export", "accounting", "--from", START, "--to", END, "--out", str(files["both"]))
    again = _numbers(files["both"])
    late = {k: v for k, v in again.items() if k not in both}
    assert list(late) == [("BQ", fa1, f"Règlement {fa1} virement Compagnie du Rocher", "20261130")]
    assert {k: again[k] for k in both} == both
    assert len(set(again.values())) == len(again)


def test_revenue_accounts_follow_the_vat_treatment(
    coop, db_path, clock, monkeypatch, tmp_path, capsys
):
    """An EU business (rental AE → 7062, consumables K → 7072), a business outside the EU
    (G → 7064, 7073), an exempt rental for a French individual (E → 7068) and its
    consumables taxed in France (707): the VAT return and the DES read from the file."""
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    customer(
        coop, "C-BE", "Lichtwerk SPRL", category="company", country="BE", postcode="1000",
        city="Bruxelles", vat_number="BE0403170701",
    )  # fmt: skip
    customer(
        coop, "C-CH", "Bühnenlicht AG", category="company", country="CH", postcode="8001",
        city="Zürich",
    )  # fmt: skip
    customer(coop, "C-IND", "Zoé Gibert", kind="person", category="individual")
    pdf = str(tmp_path / "doc.pdf")
    numbers = {}
    for who in ("C-BE", "C-CH", "C-IND"):
        if who == "C-IND":
            with coop.write() as uow:
                item_rates.set_exemption(
                    uow, user=USER, item_code="LYRE", article="article 261-4-4° a du CGI"
                )
        ref = book(coop, clock, who, {"LYRE": 1, "GAFFER": 2})
        numbers[who] = ok(capsys, "invoice", ref, "--out", pdf, "--json")["number"]
    out = tmp_path / "fec.txt"
    ok(
        capsys,
        "export",
        "accounting",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
    )
    _header, rows = _parse(out)
    credited = defaultdict(set)
    for r in rows:
        if _cents(r["Credit"]) and not r["CompteNum"].startswith("4457"):
            credited[r["PieceRef"]].add((r["CompteNum"], r["CompteLib"]))
    assert credited[numbers["C-BE"]] == {
        ("7062", "Prestations intracommunautaires (autoliquidation)"),
        ("7072", "Livraisons intracommunautaires"),
    }
    assert credited[numbers["C-CH"]] == {
        ("7064", "Prestations hors UE"),
        ("7073", "Exportations"),
    }
    assert credited[numbers["C-IND"]] == {
        ("7068", "Prestations exonérées de TVA"),
        ("707", "Ventes de consommables"),
    }
    # the cooperative may keep one account: the parent for every treatment
    with coop.write() as uow:
        accounting.save_accounts(uow, {accounting.RENTALS_EU: "706", accounting.GOODS_EU: "707"})
    ok(
        capsys,
        "export",
        "accounting",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
    )
    _header, rows = _parse(out)
    be = {r["CompteNum"] for r in rows if r["PieceRef"] == numbers["C-BE"] and _cents(r["Credit"])}
    assert be == {"706", "707"}


def test_json_to_standard_output_prints_the_lines(ledger, capsys):
    status, shown, err = run(
        capsys, "export", "accounting", "--from", START, "--to", END, "--out", "-", "--json"
    )
    assert status == 0, err
    assert shown["file"] == "-" and shown["kind"] == "fec"
    assert all(list(line) == list(accounting.COLUMNS) for line in shown["data"])
    assert shown["entries"] == len({line["EcritureNum"] for line in shown["data"]}) > 5
