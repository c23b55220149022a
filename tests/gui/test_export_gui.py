# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""Export for the accountant from the Invoices screen: the dialog proposes last month and
the FEC name, writes the file through ops, refuses a period ending before it starts (no
file), and its accounts dialog saves account numbers that the next export uses (a bad one
is refused, nothing saved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.gui.invoicing.export_accounts import AccountsDialog
from app.gui.invoicing.export_dialog import CSV, EREPORTING, ExportDialog
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.shell.operations import Operations
from invoicing import accounting, invoices
from tests.invoicing.conftest import USER, book, coop, fake_render  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


@pytest.fixture
def october(coop: Database) -> str:
    ref = book(
        coop,
        FixedClock(dt.datetime(2026, 9, 1, 10, tzinfo=PARIS)),
        "C-PUB",
        {"LYRE": 1, "GAFFER": 2},
        "2026-10-05T09:00",
        "2026-10-07T09:00",
        "2026-10-05T10:00",
        "2026-10-06T23:00",
    )
    with coop.write() as uow:
        row = invoices.issue_invoice(
            uow,
            user=USER,
            reference=ref,
            clock=FixedClock(dt.datetime(2026, 10, 8, 10, tzinfo=PARIS)),
            renderer=fake_render,
        )
        return row.number


@pytest.fixture
def dialog(qtbot, ops: Operations, october: str) -> ExportDialog:  # type: ignore[no-untyped-def]
    screen = InvoicesScreen(ops)
    qtbot.addWidget(screen)
    screen.export_action.trigger()
    assert isinstance(screen.dialog, ExportDialog)
    return screen.dialog


def test_last_month_as_fec_by_default(dialog: ExportDialog, tmp_path: Path) -> None:
    assert dialog.period() == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert Path(dialog.path.text()).name == "932817455FEC20261031.txt"
    out = tmp_path / "fec.txt"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    assert dialog.count == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(accounting.COLUMNS)
    assert {ln.split("\t")[4] for ln in lines[1:]} == {"411", "706", "707", "44571"}
    assert "fec.txt" in dialog.message.text()


def test_other_formats_follow_the_name(dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(CSV))
    assert dialog.path.text().endswith("ecritures-20261001-20261031.csv")
    dialog.format.setCurrentIndex(dialog.format.findData(EREPORTING))
    assert dialog.path.text().endswith("e-reporting-20261001-20261031.csv")
    out = tmp_path / "e.csv"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    assert out.read_text(encoding="utf-8").startswith("date,category,vat_rate")


def test_bad_period_or_folder_writes_nothing(dialog: ExportDialog, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "fec.txt"
    dialog.path.setText(str(out))
    dialog.date_to.setDate(QDate(2026, 9, 1))
    dialog.export_button.click()
    assert "ends before it starts" in dialog.message.text() and not out.exists()
    dialog.date_to.setDate(QDate(2026, 10, 31))
    dialog.path.setText(str(folder / "missing" / "fec.txt"))
    dialog.export_button.click()
    assert "does not exist" in dialog.message.text()
    assert list(folder.iterdir()) == []


def test_account_numbers_are_edited_and_used(
    qtbot, dialog: ExportDialog, tmp_path: Path, ops: Operations
) -> None:  # type: ignore[no-untyped-def]
    dialog.accounts_button.click()
    accounts = dialog.accounts_dialog
    assert isinstance(accounts, AccountsDialog)
    assert accounts.numbers[accounting.RENTALS].text() == "706"
    # an account per VAT treatment, and the rows scroll inside a dialog that fits 768 px
    assert accounts.numbers[accounting.RENTALS_EU].text() == "7062"
    assert accounts.numbers[accounting.GOODS_EXPORT].text() == "7073"
    assert accounts.height() <= 660
    accounts.numbers[accounting.RENTALS].setText("70 6")
    accounts.save()
    assert not accounts.saved and "not an account number" in accounts.message.text()
    with ops.ctx.db.read() as uow:
        assert accounting.accounts(uow).number(accounting.RENTALS) == "706"
    accounts.numbers[accounting.RENTALS].setText("706100")
    accounts.labels[accounting.RENTALS].setText("Locations de matériel scénique")
    accounts.save()
    assert accounts.saved
    out = tmp_path / "fec.txt"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    rows = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert ["706100", "Locations de matériel scénique"] in [r[4:6] for r in rows]
