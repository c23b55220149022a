"""Run by tests/gui/test_pricing_fits.py in a process of its own, on an offscreen screen
of 1366 x 768: opens the booking's "Pricing and deposit" dialog over the main window, with
the geometry keeper, and prints its frame and what its layout needs (JSON).

    QT_QPA_PLATFORM=offscreen:configfile=laptop.json python tests/gui/pricing_probe.py DB LANG
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(db_path: str, language: str) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication(["pricing-probe"])
    from app import i18n
    from app.bootstrap import Context
    from app.core.clock import Clock
    from app.core.migrate import open_database
    from app.gui.bookings.booking_pricing import BookingPricingDialog, DepositRow, PricingState
    from app.gui.shell import geometry
    from app.gui.shell.main import build_main_window
    from app.gui.shell.operations import Operations, SyncRunner

    i18n.install(language)
    geometry.install(app)
    ops = Operations(
        Context(db=open_database(Path(db_path)), clock=Clock(), user="probe"), SyncRunner()
    )
    window = build_main_window(ops)
    window.show()
    state = PricingState(
        reference="R-2026-0001",
        tables=["Associations", "Particuliers"],
        lines=[(f"T{n:02}", f"Item type {n}", "0") for n in range(12)],
        required=Decimal(500),
        held=Decimal(300),
        deposits=[
            DepositRow(n, dt.date(2026, 1, n + 1), 10000, "cheque", "held", 0, "Cheque")
            for n in range(1, 4)
        ],
        invoices=[("F-2026-0001", Decimal(120))],
    )
    dialog = BookingPricingDialog(ops, state, window)
    dialog.show()
    app.processEvents()
    frame = dialog.frameGeometry()
    needed = dialog.minimumSizeHint()
    print(
        json.dumps(
            {
                "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                "needed": [needed.width(), needed.height()],
            }
        )
    )
    dialog.reject()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
