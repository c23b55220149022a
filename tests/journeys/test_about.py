"""Help → About Régie from the outside, with the keyboard only: in the installed `regie`
(French), the Help menu then the About letter opens "À propos de Régie", which fits 1366x768
(the screenshot shows the version and the database file); its Licence button opens the licence's summary;
Escape closes each."""

from __future__ import annotations

import pytest

from tests.journeys.driver import Regie, translation

pytestmark = pytest.mark.journey


def test_about_box_from_the_help_menu(regie: Regie) -> None:
    regie.start()
    main = regie.wait_window("Régie")
    regie.focus(main)
    # the File menu, then Left to the last menu, Help (its French Alt+A is also View's)
    regie.key(regie.mnemonic("MainWindow", "&File"))
    regie.key("Left")
    regie.key(regie.mnemonic("MainWindow", "&About Régie").removeprefix("alt+"))
    about = regie.wait_window(translation("About", "About Régie", regie.lang))
    assert regie.geometry(about).fits()
    regie.focus(about)
    regie.screenshot("about", about)

    regie.key(regie.mnemonic("About", "&Licence…"))
    licence = regie.wait_window("Licence — AGPL-3.0-or-later")
    regie.screenshot("licence", licence)
    regie.key("Escape")
    regie.wait_gone(licence)
    regie.focus(about)
    regie.key("Escape")
    regie.wait_gone(about)
    assert main in regie.windows("Régie")  # the main window is still there
