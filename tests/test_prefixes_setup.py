"""What the set-up decides, applied, from the outside: ``regie init`` (a real process) sets
up a cooperative under the VAT franchise with its own numbering prefixes, membership year
and logo; its catalogue and rates are imported, a customer booked and invoiced, the
invoice corrected — every step a real ``regie`` process. The invoice and the credit note
take the prefixes, charge no VAT with the article printed, validate as Factur-X, carry the
logo and no demo mark; the chain verifies."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import facturx
from PIL import Image
from pypdf import PdfReader

from invoicing import validation

ITEMS = (
    "record,code,name,category,tracking,manufacturer,model,replacement_value,deposit,"
    "weight_grams,stock_quantity,sale_price,prep_hours,deprep_hours,notes,item_code,barcode,"
    "serial,status,location,purchase_date,purchase_price,condition_notes,owner\n"
    "type,PAR64,Projecteur PAR 64,lighting,serialized,,,300.00,0.00,2000,,0.00,0,0,,,,,,,,,,\n"
    "unit,,,,,,,,,,,,,,,PAR64,LUM-00001,SN1,in_service,A-1,2024-01-10,250.00,,\n"
    "unit,,,,,,,,,,,,,,,PAR64,LUM-00002,SN2,in_service,A-1,2024-01-10,250.00,,\n"
)
RATES = "code,name,member,non_member,vat,exemption\nPAR64,Projecteur PAR 64,8.00,12.00,,\n"


def regie() -> str:
    beside = Path(sys.executable).with_name("regie")
    return str(beside) if beside.exists() else (shutil.which("regie") or "regie")


def logo(path: Path) -> Path:
    image = Image.new("RGB", (90, 40), (20, 120, 60))
    image.save(path, format="PNG")
    return path


def test_a_cooperative_set_up_by_init_invoices_as_it_decided(tmp_path):
    env = {
        **os.environ,
        "REGIE_DB": str(tmp_path / "own.db"),
        "QT_QPA_PLATFORM": "offscreen",
        "REGIE_LANG": "en",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("REGIE_PASSWORD", None)

    def run(*argv: str) -> str:
        done = subprocess.run(
            [regie(), *argv], capture_output=True, text=True, env=env, timeout=300
        )
        assert done.returncode == 0, (argv, done.stdout, done.stderr)
        return done.stdout

    run(
        "init",
        "--name",
        "Les Tréteaux Libres",
        "--legal-form",
        "SCIC SAS à capital variable",
        "--capital",
        "12000",
        "--address",
        "4 rue des Forges",
        "--postcode",
        "43000",
        "--city",
        "Le Puy-en-Velay",
        "--siret",
        "73282932000074",
        "--vat",
        "FR44732829320",
        "--rcs",
        "RCS Le Puy-en-Velay 732 829 320",
        "--iban",
        "FR7630006000011234567890189",
        "--bic",
        "AGRIFRPP",
        "--vat-regime",
        "franchise",
        "--invoice-prefix",
        "TL",
        "--credit-prefix",
        "TLAV",
        "--membership-year-start",
        "09-01",
        "--logo",
        str(logo(tmp_path / "logo.png")),
    )
    (tmp_path / "items.csv").write_text(ITEMS, encoding="utf-8")
    (tmp_path / "rates.csv").write_text(RATES, encoding="utf-8")
    run("items", "import", str(tmp_path / "items.csv"))
    run("rates", "import", str(tmp_path / "rates.csv"))
    run(
        "customers",
        "add",
        "--name",
        "Compagnie du Rocher",
        "--number",
        "C1",
        "--address",
        "3 place du Marché",
        "--postcode",
        "43000",
        "--city",
        "Le Puy-en-Velay",
        "--email",
        "rocher@example.org",
    )
    start = dt.date.today() + dt.timedelta(days=3)
    booking = json.loads(
        run(
            "bookings",
            "create",
            "--customer",
            "C1",
            "--from",
            f"{start.isoformat()}T09:00",
            "--to",
            f"{(start + dt.timedelta(days=2)).isoformat()}T18:00",
            "--line",
            "PAR64=2",
            "--confirm",
            "--json",
        )
    )
    invoice_pdf = tmp_path / "invoice.pdf"
    invoice = json.loads(run("invoice", booking["ref"], "--out", str(invoice_pdf), "--json"))
    year = dt.date.today().year
    assert invoice["number"] == f"TL-{year}-00001"
    credit_pdf = tmp_path / "credit.pdf"
    credit = json.loads(
        run(
            "credit-note",
            invoice["number"],
            "--reason",
            "Annulation",
            "--out",
            str(credit_pdf),
            "--json",
        )
    )
    assert credit["number"] == f"TLAV-{year}-00001"
    for path in (invoice_pdf, credit_pdf):
        _name, xml = facturx.get_xml_from_pdf(path.read_bytes(), check_xsd=False)
        assert validation.check_xml(xml) == [], path.name
        assert b"VATEX-FR-FRANCHISE" in xml
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "TVA non applicable, art. 293 B du CGI" in text
        assert "sans valeur" not in text  # the cooperative's own documents
        assert reader.pages[0].images, "the logo is on the first page"
    assert "Intact" in run("verify")
