"""The user guide from the outside: in the installed `regie` (French), F1 on the desk opens
the guide on the desk's page, a search (Ctrl+F, typed without accents) and Enter go to a page
holding the words, Escape clears the search then closes the guide, and F1 on the invoices
opens their page. The guide's window says its page in its title and fits 1366x768."""

from __future__ import annotations

import pytest

from tests.journeys.driver import Regie

pytestmark = pytest.mark.journey

GUIDE = "Guide d’utilisation — Régie"


def test_f1_opens_the_guide_on_the_screens_page(regie: Regie) -> None:
    regie.start()
    main = regie.wait_window("Régie")
    regie.focus(main)
    regie.key("ctrl+9")
    regie.key("F1")
    guide = regie.wait_window(f"Le comptoir au quotidien — {GUIDE}")
    regie.focus(guide)
    regie.screenshot("guide-on-the-desk", guide)

    regie.key("ctrl+f")
    regie.type("caution retenue")  # Facturer holds these words most
    regie.key("Return")
    regie.wait_window(f"Facturer — {GUIDE}")
    regie.screenshot("guide-search", guide)

    regie.key("Escape")  # clears the search
    regie.key("Escape")  # closes the guide
    regie.wait_no_window(GUIDE)

    regie.focus(main)
    regie.key("ctrl+shift+1")
    regie.key("F1")
    guide = regie.wait_window(f"Facturer — {GUIDE}")
    regie.screenshot("guide-on-the-invoices", guide)
