"""File → Set up my cooperative, from the demo, from the outside (French interface): the
assistant creates the cooperative's own regie.db beside the demo, Régie reopens on it (no
DÉMO in the title, the administrator logged in by itself: no password was given) and offers
the import; the demo's file is left as it was. Asked again, the menu says the cooperative
is set up already and changes nothing."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from tests.journeys.driver import Regie

pytestmark = pytest.mark.journey


def _kind(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        row = connection.execute("SELECT value FROM setting WHERE key = 'database.kind'").fetchone()
    return str(row[0]) if row else ""


def _menu(regie: Regie, window: str) -> None:
    """File → Set up my cooperative…, by the keyboard."""
    regie.focus(window)
    regie.key(regie.mnemonic("MainWindow", "&File"))
    letter = regie.mnemonic("MainWindow", "Set up &my cooperative…").removeprefix("alt+")
    regie.key(letter)


def _next(regie: Regie, what: str) -> None:
    before = regie.display.picture()
    regie.key(regie.mnemonic("SetupWizard", "&Next >"))
    regie.display.wait_settled(before, what)


def test_setting_up_my_cooperative_from_the_demo(regie: Regie) -> None:
    own = regie.home / "data" / "regie" / "regie.db"
    regie.start()
    demo = regie.wait_window("^DÉMO — ")
    _menu(regie, demo)
    wizard = regie.wait_window("Configurer ma coopérative")
    regie.focus(wizard)
    regie.screenshot("assistant", wizard)
    regie.type("Les Treteaux")
    regie.key("Tab")
    regie.type("SCOP SARL")
    regie.key("Tab", "Tab")
    regie.type("84231756200010")
    regie.key("Tab", "Tab", "Tab")
    regie.type("FR72842317562")
    _next(regie, "the address page")
    regie.type("3 place du Marche")
    regie.key("Tab")
    regie.type("43000")
    regie.key("Tab")
    regie.type("Le Puy-en-Velay")
    regie.key("Tab", "Tab", "Tab")
    regie.type("FR7630006000011234567890189")
    for page in ("logo", "VAT", "numbering", "coefficients", "membership", "administrator"):
        _next(regie, f"the {page} page")
    _next(regie, "the summary")
    regie.screenshot("summary", wizard)
    regie.key(regie.mnemonic("SetupWizard", "C&reate"))
    main = regie.wait_window("^Les Treteaux — Régie — admin")
    offer = regie.wait_window("Votre coopérative est configurée")
    regie.screenshot("reopened", main)
    regie.focus(offer)
    regie.key(regie.mnemonic("SetupWizard", "&Later"))
    regie.wait_no_window("Votre coopérative est configurée")
    assert not regie.windows("^DÉMO")
    assert _kind(own) == "own"
    assert _kind(regie.db) == "demo"  # the demo's file stays the demo
    # asked again: set up already, nothing changed
    _menu(regie, main)
    told = regie.wait_window("^Configurer ma coopérative — Régie$")
    regie.screenshot("set-up-already", told)
    regie.focus(told)
    regie.key("Return")
    regie.wait_no_window("^Configurer ma coopérative — Régie$")
    assert _kind(own) == "own" and not (own.parent / "regie.db.setup").exists()
