"""GUI fixtures: operations over the test database run synchronously (SyncRunner)."""

from __future__ import annotations

import pytest

from app.bootstrap import Context
from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.shell.operations import Operations, SyncRunner
from inventory.models import Category
from tests import factories


@pytest.fixture
def ops(db: Database, clock: FixedClock) -> Operations:
    return Operations(Context(db=db, clock=clock, user="tester"), SyncRunner())


@pytest.fixture
def stock(db: Database, clock: FixedClock) -> dict[str, str]:
    """Three types (two serialized, one bulk) and three units; returns barcodes by name."""
    factories.item(db, manufacturer="Robe", model="LEDWash 600")
    factories.item(db, "SM58", "Micro dynamique SM58", Category.SOUND, manufacturer="Shure")
    factories.bulk(db, barcode="CAB-DMX10")
    return {
        "wash1": factories.unit(db, clock, barcode="LUM-00101", serial="RW-1001"),
        "wash2": factories.unit(db, clock, barcode="LUM-00102", serial="RW-1002"),
        "mic": factories.unit(db, clock, "SM58", barcode="SON-00001", serial="SH-77"),
    }


@pytest.fixture(autouse=True)
def _english(qapp) -> None:  # type: ignore[no-untyped-def]
    """English interface and a UK locale (dates 26/11/2026), whatever the machine's."""
    from app import i18n

    i18n.install("en")
