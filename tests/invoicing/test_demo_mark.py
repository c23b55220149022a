"""The demo database's documents say they are worth nothing: "DÉMO — sans valeur" across
every page of the quote, the invoice, the credit note, the statement, the pick list, the
delivery note and the return report (``database.kind`` = ``demo``); a cooperative's own
documents never do. The demo invoices still validate (XSD, EN 16931, FR-CTC). Documents
are written by the CLI (``regie quote|invoice|credit-note|statements|picklist|scan
finish|scan report``) and read back page by page with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys

import facturx
import pytest
from pypdf import PdfReader

from app.bootstrap import open_context
from app.cli import main
from app.core import pdf, settings
from booking.customers import customer_by_number
from invoicing import issuing, parties, statements, validation
from invoicing.statement_pdf import statement_pdf
from tests.invoicing.conftest import book

MARK = "DÉMO — sans valeur"


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("app.cli.invoicing", "app.cli.desk", "app.cli.statements"):
        monkeypatch.setattr(f"{module}.open_context", fixed_context)
    return coop


def set_kind(db, kind: str) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, kind)


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def documents(db, capsys, tmp_path, clock) -> dict[str, object]:
    """Every kind of document of a booking, written by the CLI: name → PDF path."""
    ref = book(db, clock, "C-PUB", {"LYRE": 2, "GAFFER": 1})
    out = {name: tmp_path / f"{name}.pdf" for name in ("quote", "pick", "delivery", "return")}
    run(capsys, "quote", ref, "--out", str(out["quote"]))
    run(capsys, "picklist", ref, "--out", str(out["pick"]))
    run(capsys, "scan", "finish", ref, "--out", str(out["delivery"]))
    run(capsys, "scan", "report", ref, "--out", str(out["return"]))
    invoice = tmp_path / "invoice.pdf"
    number = json.loads(run(capsys, "invoice", ref, "--out", str(invoice), "--json"))["number"]
    credit = tmp_path / "credit.pdf"
    run(capsys, "credit-note", number, "--reason", "Annulation", "--out", str(credit))
    out |= {"invoice": invoice, "credit": credit}
    folder = tmp_path / "statements"
    run(capsys, "statements", "--month", "2026-11", "--customer", "C-PUB", "--out", str(folder))
    out["statement"] = folder / "releve-2026-11-C-PUB.pdf"
    return out


def test_every_document_of_the_demo_says_so_on_every_page(cli, capsys, tmp_path, clock):
    set_kind(cli, settings.DEMO)
    written = documents(cli, capsys, tmp_path, clock)
    assert set(written) == {
        "quote",
        "invoice",
        "credit",
        "statement",
        "pick",
        "delivery",
        "return",
    }
    for name, path in written.items():
        texts = pages(path)
        assert texts, name
        for number, text in enumerate(texts, start=1):
            assert MARK in text, (name, number)
    for name in ("invoice", "credit"):
        _file, xml = facturx.get_xml_from_pdf(written[name].read_bytes(), check_xsd=False)
        assert validation.check_xml(xml) == [], name
        assert MARK.encode() in xml  # the Factur-X XML says it too, as a note


def test_a_cooperative_s_own_documents_never_carry_the_mark(cli, capsys, tmp_path, clock):
    set_kind(cli, settings.OWN)
    for name, path in documents(cli, capsys, tmp_path, clock).items():
        for text in pages(path):
            assert MARK not in text and "sans valeur" not in text, name


def test_the_mark_is_the_note_the_services_add():
    assert issuing.DEMO_NOTE == pdf.DEMO_MARK == MARK


def test_a_long_demo_pick_list_has_the_mark_on_each_page(cli, capsys, tmp_path, clock):
    """A pick list over several pages, written by a real ``regie picklist`` process."""
    set_kind(cli, settings.DEMO)
    from tests import factories

    codes = {}
    for index in range(45):
        code = f"SPOT{index:02d}"
        factories.item(cli, code, f"Projecteur découpe n° {index}")
        factories.unit(cli, clock, code)
        codes[code] = 1
    ref = book(cli, clock, "C-MEM", codes)
    target = tmp_path / "long.pdf"
    env = {
        **os.environ,
        "REGIE_DB": os.environ["REGIE_DB"],
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "picklist", ref, "--out", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    texts = pages(target)
    assert len(texts) >= 2
    assert all(MARK in text for text in texts)


def test_the_statement_pdf_without_the_demo_flag_has_no_mark(cli, clock):
    with cli.read() as uow:
        customer = customer_by_number(uow, "C-MEM")
        statement = statements.statement(uow, customer.id, "2026-11", today=clock.today())
        seller = parties.seller(uow)
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(statement_pdf(statement, seller))).pages
    )
    assert "sans valeur" not in text
    assert dt.date(2026, 11, 1) <= statement.as_of
