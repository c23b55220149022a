"""``--print [PRINTER]`` on the CLI, from the outside: the installed ``regie`` runs in its own
process on a demo database and prints through Qt to the system's default printer (CUPS
with a PDF printer in CI: ``.ci/run`` installs ``cups`` and ``printer-driver-cups-pdf``);
each job is read back from the PDF printer's folder (``~/PDF``) and its pages counted.
Skipped only when ``lpstat`` shows no printer.

Refusals are checked in real processes too: an unknown printer exits 1 with one line on
stderr, no traceback and the database byte for byte unchanged; neither ``--out`` nor
``--print`` is a usage error (exit 2). The one path that needs a printer to fail after an
invoice is issued runs in-process with the printing step made to fail."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from app.bootstrap import open_context
from app.demo.booking import make_siret
from inventory.models import Category
from invoicing import rates
from tests import factories
from tests.invoicing.conftest import book, customer, set_identity

#: Where cups-pdf writes the jobs of the user running the tests.
PDF_DIR = Path(os.environ.get("REGIE_TEST_PRINTED", str(Path.home() / "PDF")))
JOB_TIMEOUT = 180.0  # seconds: a long job is a few MB of raster for cups-pdf to convert


def default_printer() -> str:
    """The CUPS default destination, "" when there is none (or no CUPS at all)."""
    if shutil.which("lpstat") is None:
        return ""
    done = subprocess.run(["lpstat", "-d"], capture_output=True, text=True, check=False)
    text = done.stdout.strip()
    return text.split(":", 1)[1].strip() if ":" in text and done.returncode == 0 else ""


def regie_command() -> list[str]:
    """The installed console script beside this Python (an unactivated venv works too)."""
    script = Path(sys.executable).with_name("regie")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]


def jobs() -> set[Path]:
    return set(PDF_DIR.glob("*.pdf")) if PDF_DIR.is_dir() else set()


def pdf_pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_size(path: Path) -> tuple[float, float]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        try:
            return page.get_size()
        finally:
            page.close()
    finally:
        pdf.close()


def newest_job(before: set[Path], fragment: str, timeout: float = JOB_TIMEOUT) -> Path:
    """The newest PDF the printer wrote since ``before`` whose name holds ``fragment``
    (cups-pdf names a job after its title), once it is complete (readable, size steady)."""
    deadline = time.monotonic() + timeout
    last: tuple[Path, int] | None = None
    while time.monotonic() < deadline:
        found = [p for p in jobs() - before if fragment in p.name]
        if found:
            path = max(found, key=lambda p: p.stat().st_mtime)
            size = path.stat().st_size
            if last == (path, size) and size:
                try:
                    pdf_pages(path)
                except pdfium.PdfiumError:
                    pass  # still being written
                else:
                    return path
            last = (path, size)
        time.sleep(0.5)
    raise AssertionError(f"no printed job named *{fragment}* in {PDF_DIR} after {timeout} s")


# --- process-level tests on a demo database --------------------------------------------


@pytest.fixture(scope="module")
def printer() -> str:
    name = default_printer()
    if not name:
        pytest.skip("lpstat shows no default printer (CUPS with a PDF printer is needed)")
    return name


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, printer: str) -> Path:
    root = tmp_path_factory.mktemp("print-demo")
    path = root / "demo.db"
    done = subprocess.run(
        [*regie_command(), "demo"],
        env=_env(path, root),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return path


def _env(db: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(
        REGIE_DB=str(db),
        REGIE_LANG="en",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    env.pop("DISPLAY", None)  # printing needs no display
    env.pop("QT_QPA_PLATFORM", None)
    return env


class Regie:
    """``regie`` in its own process on a private copy of the demo database."""

    def __init__(self, db: Path, home: Path) -> None:
        self.db, self.home = db, home

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [*regie_command(), *args],
            env=_env(self.db, self.home),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def json(self, *args: str) -> Any:
        done = self(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def digest(self) -> str:
        return hashlib.sha256(self.db.read_bytes()).hexdigest()


@pytest.fixture
def regie(demo_file: Path, tmp_path: Path) -> Regie:
    db = tmp_path / "demo.db"
    shutil.copy(demo_file, db)
    return Regie(db, tmp_path)


def refs(regie: Regie, status: str) -> list[str]:
    return [b["ref"] for b in regie.json("bookings", "list") if b["status"] == status]


#: A demo database and real print jobs: part of the full run, not of the quick one.
slow = pytest.mark.slow


@slow
def test_invoices_pdf_print_goes_to_the_default_printer(regie: Regie, printer: str) -> None:
    number = regie.json("invoices", "list")[0]["number"]
    stored = regie.home / "stored.pdf"
    assert regie("invoices", "pdf", number, "--out", str(stored)).returncode == 0
    before = jobs()
    done = regie("invoices", "pdf", number, "--print")
    assert done.returncode == 0, done.stderr
    assert f"Printed on {printer}: " in done.stdout
    job = newest_job(before, number)
    assert pdf_pages(job) == pdf_pages(stored)
    width, height = page_size(job)
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4, as issued


@slow
def test_quote_printed_without_out_writes_no_file(regie: Regie, printer: str) -> None:
    ref = refs(regie, "quote")[0]
    before, files = jobs(), set(regie.home.iterdir())
    shown = regie.json("quote", ref, f"--print={printer}")
    assert shown["printed"] == {"printer": printer, "pages": shown["printed"]["pages"]}
    assert set(regie.home.iterdir()) == files  # nothing written beside the database
    job = newest_job(before, ref)
    assert pdf_pages(job) == shown["printed"]["pages"] >= 1


@slow
def test_statements_are_one_job(regie: Regie, printer: str) -> None:
    """Two customers' statements (a whole month is the journeys' job: many pages)."""
    out = regie.home / "releves"
    month = regie.json("statements", "--month", "2026-10", "--out", str(out))
    numbers = [s["number"] for s in month["statements"]][:2]
    before = jobs()
    chosen = [a for number in numbers for a in ("--customer", number)]
    shown = regie.json("statements", "--month", "2026-10", *chosen, "--out", str(out), "--print")
    assert [s["number"] for s in shown["statements"]] == numbers
    merged = Path(shown["merged"])
    assert (
        shown["printed"]["pages"]
        == pdf_pages(merged)
        == sum(s["pages"] for s in shown["statements"])
    )
    job = newest_job(before, "2026-10")
    assert pdf_pages(job) == pdf_pages(merged)


@slow
def test_desk_documents_and_pick_list_print(regie: Regie, printer: str) -> None:
    gone, back = refs(regie, "out")[0], refs(regie, "returned")[0]
    before = jobs()
    note = json.loads(regie("scan", "finish", gone, "--print", "--json").stdout)
    assert note["printed"]["pages"] == note["pages"] and note["out"] is None
    assert pdf_pages(newest_job(before, gone)) == note["pages"]
    before = jobs()
    report = json.loads(regie("scan", "report", back, "--print", "--json").stdout)
    assert pdf_pages(newest_job(before, back)) == report["pages"]
    confirmed = refs(regie, "confirmed")[0]
    before = jobs()
    done = regie("picklist", confirmed, "--print")
    assert done.returncode == 0, done.stderr
    assert pdf_pages(newest_job(before, confirmed)) >= 1


@slow
def test_thermal_labels_print_one_label_a_page(regie: Regie, printer: str) -> None:
    items = regie.json("items", "list")
    codes = [u["barcode"] for item in items for u in item["units"]][:3]
    before = jobs()
    args = [a for code in codes for a in ("--code", code)]
    done = regie("labels", "--format", "thermal-57x32", *args, "--print")
    assert done.returncode == 0, done.stderr
    job = newest_job(before, "Labels")
    assert pdf_pages(job) == 3
    # the label's own size; the driver may turn it (57 x 32 mm sent as landscape 32 x 57)
    short, long = sorted(page_size(job))
    assert abs(long - 57 / 25.4 * 72) < 3 and abs(short - 32 / 25.4 * 72) < 3


@slow
def test_an_unknown_printer_changes_nothing(regie: Regie) -> None:
    ref = refs(regie, "returned")[0]
    before, digest = jobs(), regie.digest()
    done = regie("invoice", ref, "--print", "no-such-printer", "--out", str(regie.home / "x.pdf"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no-such-printer" in done.stderr
    assert regie.digest() == digest  # not issued
    assert not (regie.home / "x.pdf").exists()
    time.sleep(1)
    assert not any(ref in p.name for p in jobs() - before)


@slow
def test_neither_out_nor_print_is_a_usage_error(regie: Regie) -> None:
    quote = refs(regie, "quote")[0]
    digest = regie.digest()
    for args in (
        ("quote", quote),
        ("statements", "--month", "2026-10"),
    ):
        done = regie(*args)
        assert done.returncode == 2, args
        assert done.stderr.count("\n") == 1 and "--print" in done.stderr
    assert regie.digest() == digest


def test_print_is_in_the_help() -> None:
    import argparse

    from app.cli import build_parser

    def sub(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action.choices[name]  # type: ignore[no-any-return]
        raise AssertionError(name)

    top = build_parser()
    for path in (
        ("quote",),
        ("invoice",),
        ("invoices", "pdf"),
        ("credit-note",),
        ("statements",),
        ("picklist",),
        ("scan", "finish"),
        ("scan", "report"),
        ("labels",),
    ):
        parser = top
        for name in path:
            parser = sub(parser, name)
        shown = " ".join(parser.format_help().split())
        assert "--print [PRINTER]" in shown and "default printer" in shown, path
        assert "required unless --print" in shown, path


# --- a print failing after the invoice is issued (in-process) ------------------------------


@pytest.fixture
def issued_setup(
    qapp: Any, db_path: Path, db: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    set_identity(db)
    factories.item(db, "LYRE", "Lyre wash LED", Category.LIGHTING)
    factories.unit(db, clock, "LYRE")
    with db.write() as uow:
        rates.set_item_rate(
            uow, user="tester", item_code="LYRE", member_day="30.00", non_member_day="45.00"
        )
    customer(db, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    ref = book(db, clock, "C-PRO", {"LYRE": 1})
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option: Any, **kwargs: Any) -> Any:
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    yield ref


def test_print_failing_after_issue_says_it_was_issued_and_how_to_reprint(
    issued_setup: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli import main
    from app.core.errors import DomainError

    monkeypatch.setattr("app.cli.invoicing.check_printer", lambda args: "TestPrinter")

    def refuse(pdf: bytes, printer: str, title: str) -> int:
        raise DomainError("The printer {printer} refused the document.", printer=printer)

    monkeypatch.setattr("app.cli.invoicing.send", refuse)
    assert main(["invoice", issued_setup, "--print"]) == 1
    out, err = capsys.readouterr()
    assert "FA-" in out  # the summary of what was issued
    number = out.split()[0]
    assert err.count("\n") == 1
    assert f"{number} was issued but could not be printed" in err
    assert "refused the document" in err
    assert f"regie invoices pdf {number} --print" in err
    assert main(["invoices", "show", number, "--json"]) == 0  # it is issued
