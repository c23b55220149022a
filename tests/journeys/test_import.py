"""A cooperative brings its customers in from the office spreadsheet: a Windows-1252 CSV
with semicolons and French headers, through the import assistant (File → Import data,
Ctrl+Shift+I) driven with the keyboard on a French layout — the file read and shown, the
columns guessed, the preview refusing two bad lines with nothing written, the file
corrected, read again, previewed and imported; the customers read back with
``regie customers list --json``. The cooperative is set up first with ``regie init``: the
demo refuses imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.journeys.driver import Regie, wait_for

pytestmark = pytest.mark.journey

HEADER = "N° client;Nom / raison sociale;Type;Code postal;Ville;SIRET;Courriel;N° adhérent;Adhésion du;Adhésion au"
GOOD = (
    "J-9101;Compagnie Théâtre Éphémère;organisation;43000;Le Puy-en-Velay;;"
    "bonjour@ephemere.example;A-977;01/01/2026;31/12/2026",
    "J-9102;Société des fêtes de Saugues;organisation;43170;Saugues;;fetes@saugues.example;;;",
)
BAD = (
    GOOD[0].replace(";;bonjour", ";123;bonjour"),  # a SIRET of 3 digits
    GOOD[1].replace("Société des fêtes de Saugues", ""),  # no name
)


def office_file(path: Path, rows: tuple[str, ...]) -> Path:
    """What the office PC's spreadsheet saves as CSV: Windows-1252, semicolons, CRLF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("\r\n".join((HEADER, *rows, "")).encode("cp1252"))
    return path


def customers(regie: Regie) -> dict[str, Any]:
    return {c["number"]: c for c in regie.json("customers", "list")}


EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cooperative.toml"


def test_customers_come_in_from_a_french_office_file(regie: Regie, french_keyboard: str) -> None:
    # a cooperative's own database (the demo refuses imports): set up with regie init
    regie.db.unlink()
    regie.cli("init", "--from", str(EXAMPLE))
    path = office_file(regie.home / "clients.csv", BAD)
    before = customers(regie)
    regie.start()
    main = regie.wait_window("Régie")
    regie.focus(main)
    shown = set(regie.windows())
    regie.key("ctrl+shift+i")
    wizard = regie.wait_window_not_in(shown)
    regie.focus(wizard)
    settled = regie.display.wait_settled(b"", "the assistant's first page")
    regie.screenshot("kind", wizard)

    # customers are the first kind, chosen: Enter goes on to the file; its path typed
    regie.key("Return")
    settled = regie.display.wait_settled(settled, "the file page")
    regie.type(str(path), delay_ms=20)
    regie.key("Return")
    settled = regie.display.wait_settled(settled, "the file read and shown")
    regie.screenshot("file read (Windows-1252, semicolons)", wizard)

    # the columns guessed from the French headers, then the preview: two bad lines
    regie.key(regie.mnemonic("ImportWizard", "&Next"))
    settled = regie.display.wait_settled(settled, "the mapping page")
    regie.screenshot("columns guessed", wizard)
    regie.key(regie.mnemonic("ImportWizard", "&Preview"))
    settled = regie.display.wait_settled(settled, "the preview")
    regie.screenshot("preview refuses two lines", wizard)
    assert customers(regie) == before  # nothing written

    # the file corrected on disk, read again (Back twice, Enter in the path), imported
    office_file(path, GOOD)
    regie.key(regie.mnemonic("ImportWizard", "&Back"))
    settled = regie.display.wait_settled(settled, "back to the columns")
    regie.key(regie.mnemonic("ImportWizard", "&Back"))
    settled = regie.display.wait_settled(settled, "back to the file")
    regie.key(regie.mnemonic("ImportWizard", "&File:"), "Return")
    settled = regie.display.wait_settled(settled, "the corrected file read")
    regie.key(regie.mnemonic("ImportWizard", "&Next"))
    settled = regie.display.wait_settled(settled, "the mapping page again")
    regie.key(regie.mnemonic("ImportWizard", "&Preview"))
    settled = regie.display.wait_settled(settled, "the preview of the corrected file")
    regie.screenshot("preview: two to create", wizard)
    assert customers(regie) == before  # a preview writes nothing
    regie.key(regie.mnemonic("ImportWizard", "&Import"))
    found = wait_for(
        lambda: (lambda now: now if {"J-9101", "J-9102"} <= now.keys() else None)(customers(regie)),
        "the two customers imported",
    )
    regie.display.wait_settled(settled, "the import's result")
    regie.screenshot("imported", wizard)

    theatre, fetes = found["J-9101"], found["J-9102"]
    assert theatre["name"] == "Compagnie Théâtre Éphémère"  # Windows-1252 read as such
    assert theatre["city"] == "Le Puy-en-Velay" and theatre["postcode"] == "43000"
    assert theatre["member"] is True
    assert theatre["memberships"] == [
        {"member_number": "A-977", "valid_from": "2026-01-01", "valid_to": "2026-12-31"}
    ]
    assert (
        fetes["name"] == "Société des fêtes de Saugues"
        and fetes["email"] == "fetes@saugues.example"
    )
    assert len(found) == len(before) + 2

    # Escape closes the assistant; the main window stays
    regie.key("Escape")
    regie.wait_gone(wizard)
    assert regie.windows("Régie")
