"""The booking editor's member-rate line reads well for one membership and across a
renewal (several memberships, in date order), in English and in French."""

from __future__ import annotations

import datetime as dt

from app import i18n
from app.gui.bookings.booking_models import membership_note

FIRST, LAST = dt.date(2026, 12, 30), dt.date(2027, 1, 2)


def test_in_english() -> None:
    assert membership_note("S-R26", FIRST, LAST) == (
        "Member rate: membership S-R26 covers 30/12/2026 – 02/01/2027."
    )
    assert membership_note("S-R26, S-R27", FIRST, LAST) == (
        "Member rate: memberships S-R26 then S-R27 cover 30/12/2026 – 02/01/2027."
    )
    assert membership_note("S-R25, S-R26, S-R27", FIRST, LAST).startswith(
        "Member rate: memberships S-R25, S-R26 then S-R27 cover"
    )
    assert membership_note(None, FIRST, LAST) == (
        "No membership covers these dates: non-member rate."
    )


def test_in_french() -> None:
    try:
        assert i18n.install("fr") == "fr"
        assert membership_note("S-R26", FIRST, LAST) == (
            "Tarif sociétaire : l’adhésion S-R26 couvre du 30/12/2026 au 02/01/2027."
        )
        assert membership_note("S-R26, S-R27", FIRST, LAST) == (
            "Tarif sociétaire : les adhésions S-R26 puis S-R27 couvrent du 30/12/2026 au "
            "02/01/2027."
        )
    finally:
        i18n.install("en")
