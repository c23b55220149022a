"""File → Import data from the main window, on the real importers' registry: every kind is
offered; customers from a French office file are previewed (nothing written), imported,
and the Customers screen shows them at once; a refused file names every bad line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlmodel import select

from app.core.db import Database
from app.gui.shell import import_wizard
from app.gui.shell.import_wizard import FILE, KIND, RESULTS, ImportWizard
from app.gui.shell.main import MainWindow, build_main_window
from app.gui.shell.operations import Operations
from booking.models import Customer
from inventory.models import ItemType
from invoicing import imports
from tests import factories

HEADER = (
    "N° client;Nom / raison sociale;Code postal;Ville;Courriel;N° adhérent;Adhésion du;Adhésion au"
)


@pytest.fixture(autouse=True)
def _no_remembered_mapping() -> None:
    QSettings("regie", "regie").remove("import")


@pytest.fixture
def window(qtbot: QtBot, ops: Operations) -> MainWindow:
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def office_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "clients.csv"
    path.write_bytes("\r\n".join((HEADER, *rows, "")).encode("cp1252"))
    return path


def open_wizard(window: MainWindow) -> ImportWizard:
    window.data_import_action.trigger()
    wizard = window.dialog
    assert isinstance(wizard, ImportWizard)
    return wizard


def names(db: Database) -> set[str]:
    with db.read() as uow:
        return set(uow.session.exec(select(Customer.name)))


def test_every_kind_of_the_registry_is_offered(window: MainWindow) -> None:
    wizard = open_wizard(window)
    assert wizard.page == KIND
    assert list(wizard.kind_page.buttons) == [kind.key for kind in imports.import_kinds()]
    assert wizard.kind_page.buttons["customers"].isChecked()


@pytest.mark.both_engines  # the preview rolled back, the import kept, on both
def test_customers_from_a_french_office_file(
    window: MainWindow, db: Database, tmp_path: Path
) -> None:
    path = office_file(
        tmp_path,
        "W-1;Compagnie Théâtre Éphémère;43000;Le Puy-en-Velay;bonjour@ephemere.example;"
        "A-9;01/01/2026;31/12/2026",
        "W-2;Société des fêtes;43170;Saugues;;;;",
    )
    wizard = open_wizard(window)
    wizard.forward()
    assert wizard.page == FILE
    wizard.file_page.path.setText(str(path))
    wizard.load()
    wizard.forward()
    mapping = wizard.mapping_page.mapping()
    assert mapping["number"] == "N° client" and mapping["name"] == "Nom / raison sociale"
    assert mapping["member_from"] == "Adhésion du"
    wizard.forward()
    assert wizard.page == RESULTS and wizard.results.outcome == "preview"
    assert [row[1:3] for row in wizard.results.rows_text()] == [
        ("to create", "W-1"),
        ("to create", "W-2"),
    ]
    assert "Compagnie Théâtre Éphémère" not in names(db)
    wizard.start_import()
    assert wizard.results.outcome == "imported"
    assert {"Compagnie Théâtre Éphémère", "Société des fêtes"} <= names(db)


@pytest.mark.both_engines  # the preview rolled back, the import kept, on both
def test_a_refused_file_names_every_bad_line(
    window: MainWindow, db: Database, tmp_path: Path
) -> None:
    path = office_file(
        tmp_path,
        "W-1;Compagnie;43000;Le Puy;bonjour@@x;;;",
        "W-2;;43170;Saugues;;;;",
        "W-3;Fine;43170;Saugues;;;;",
    )
    before = names(db)
    wizard = open_wizard(window)
    wizard.forward()
    wizard.file_page.path.setText(str(path))
    wizard.load()
    wizard.forward()
    wizard.forward()
    assert wizard.results.outcome == "refused"
    lines = [row[0] for row in wizard.results.rows_text()]
    assert lines == ["2", "3"]
    assert not wizard.import_button.isEnabled()
    assert names(db) == before


def run_through(window: MainWindow, kind: str, path: Path) -> ImportWizard:
    """Open the assistant on ``kind``, read ``path``, keep the guessed columns, preview."""
    window.dialog = None
    import_wizard.open_import(window, kind)
    wizard = window.dialog
    assert isinstance(wizard, ImportWizard) and wizard.page == FILE
    wizard.file_page.path.setText(str(path))
    wizard.load()
    wizard.forward()
    wizard.forward()
    assert wizard.page == RESULTS
    return wizard


def test_day_rates_from_a_french_file(window: MainWindow, db: Database, tmp_path: Path) -> None:
    factories.item(db)  # LYRE-WASH
    path = tmp_path / "tarifs.csv"
    path.write_bytes(
        "Code article;Tarif adhérent;Tarif public\r\nLYRE-WASH;12,50;18,00\r\n".encode("cp1252")
    )
    wizard = run_through(window, "rates", path)
    assert wizard.results.outcome == "preview", wizard.results.rows_text()
    assert [row[1:3] for row in wizard.results.rows_text()] == [("to create", "LYRE-WASH")]
    wizard.start_import()
    assert wizard.results.outcome == "imported"
    wizard.close()
    again = run_through(window, "rates", path)
    assert [row[1:3] for row in again.results.rows_text()] == [("unchanged", "LYRE-WASH")]


@pytest.mark.both_engines  # the preview rolled back, the import kept, on both
def test_opening_balances_of_a_customer(window: MainWindow, db: Database, tmp_path: Path) -> None:
    number = factories.customer(db, "Compagnie du Rocher")
    path = tmp_path / "soldes.csv"
    path.write_bytes(
        f"customer;reference;issue_date;amount\r\n{number};F-OLD-17;01/10/2026;1 234,50\r\n".encode(
            "cp1252"
        )
    )
    wizard = run_through(window, "balances", path)
    assert [row[1:3] for row in wizard.results.rows_text()] == [("to create", "F-OLD-17")]
    wizard.start_import()
    assert wizard.results.outcome == "imported"
    again = run_through(window, "balances", path)
    assert [row[1] for row in again.results.rows_text()] == ["unchanged"]


def test_the_catalogue_as_exported_comes_back_in(
    window: MainWindow, db: Database, tmp_path: Path, stock: dict[str, str]
) -> None:
    import io

    from inventory.csvio import export_catalogue

    stream = io.BytesIO()
    with db.read() as uow:
        export_catalogue(uow, stream)
    path = tmp_path / "catalogue.csv"
    path.write_bytes(stream.getvalue().replace(b"Micro dynamique SM58", b"Micro SM58 (neuf)"))
    wizard = run_through(window, "catalogue", path)
    assert wizard.results.outcome == "preview", wizard.results.rows_text()
    actions = {row[2]: row[1] for row in wizard.results.rows_text()}
    assert actions["SM58"] == "to change"
    assert set(actions.values()) == {"to change", "unchanged"}
    wizard.start_import()
    assert wizard.results.outcome == "imported"
    with db.read() as uow:
        names = set(uow.session.exec(select(ItemType.name)))
    assert "Micro SM58 (neuf)" in names


@pytest.mark.parametrize("name", ["clients.csv", "clients.xlsx"])
def test_the_shipped_example_files_import_as_they_are(
    window: MainWindow, db: Database, name: str
) -> None:
    """The examples shipped with Régie (French headers; Windows-1252 and semicolons, or a
    workbook with dates as cells) go through with the columns as guessed."""
    path = Path(__file__).resolve().parents[2] / "resources" / "examples" / name
    wizard = run_through(window, "customers", path)
    assert wizard.results.outcome == "preview", wizard.results.rows_text()
    rows = wizard.results.rows_text()
    assert rows and {row[1] for row in rows} == {"to create"}
    wizard.start_import()
    assert wizard.results.outcome == "imported"
    assert len(names(db)) == len({row[2] for row in rows})  # a customer may take two rows
