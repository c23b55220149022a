# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""Every list screen on thousands of rows: the rows are read a block at a time, for what is
in sight, never the whole history; a search overtaken before its turn is skipped; the
bookings show their first page before the whole list; the drafts to invoice fill in chunk
by chunk, the worker free between two."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import insert, select

from app.core.clock import FixedClock
from app.core.db import Database
from app.core.models import AuditEvent
from app.gui.bookings.bookings_screen import BookingsScreen
from app.gui.bookings.customers_screen import CustomersScreen
from app.gui.catalogue.inventory_screen import InventoryScreen
from app.gui.invoicing import invoices_screen
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.shell.activity_view import ActivityDialog
from app.gui.shell.models import BLOCK, LazyTableModel
from app.gui.shell.operations import Context, Operations, SyncRunner
from booking.models import Booking, Customer
from inventory.models import ItemType
from invoicing.models import IssuedDocument
from tests.invoicing.conftest import book, coop  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)

MANY = 3_000


class QueuedRunner(SyncRunner):
    """The worker as it really is (one job at a time, later), run by hand: ``step`` runs the
    oldest job waiting, ``drain`` all of them."""

    def __init__(self) -> None:
        self.jobs: list[Callable[[], None]] = []

    def submit(self, work: Callable[[], Any], done: Any, failed: Any) -> None:
        self.jobs.append(lambda: SyncRunner.submit(self, work, done, failed))

    def step(self) -> None:
        self.jobs.pop(0)()

    def drain(self) -> None:
        while self.jobs:
            self.step()


def _customers(n: int) -> list[dict[str, Any]]:
    empty = dict.fromkeys(
        ("email", "phone", "address", "postcode", "siren", "siret", "vat_number", "notes"), ""
    )
    return [
        {
            **empty,
            "id": 1000 + i,
            "number": f"L{i:05d}",
            "kind": "person",
            "category": "individual",
            "name": f"Client {i:05d}",
            "city": "Le Puy",
            "country": "FR",
        }
        for i in range(n)
    ]


def _bookings(n: int) -> list[dict[str, Any]]:
    first = dt.datetime(2016, 1, 4, 9)
    rows = []
    for i in range(n):
        start = first + dt.timedelta(days=i)
        end = start + dt.timedelta(days=2)
        rows.append(
            {
                "id": 5000 + i,
                "reference": f"R-L-{i:05d}",
                "customer_id": 1000 + i % 50,
                "event": f"Fête {i}",
                "venue": "",
                "start": start,
                "end": end,
                "use_start": start,
                "use_end": end,
                "status": "closed",
                "notes": "",
                "created_at": start.replace(tzinfo=dt.UTC),
                "created_by": "tester",
            }
        )
    return rows


def _types(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": 9000 + i,
            "code": f"LX-{i:05d}",
            "name": f"Projecteur {i:05d}",
            "category": "lighting",
            "manufacturer": "",
            "model": "",
            "tracking": "bulk",
            "replacement_value_cents": 0,
            "deposit_cents": 0,
            "weight_grams": 0,
            "notes": "",
            "stock_quantity": 1,
            "barcode": None,
            "sale_price_cents": 0,
            "prep_hours": 0,
            "deprep_hours": 0,
        }
        for i in range(n)
    ]


def _events(n: int) -> list[dict[str, Any]]:
    at = dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC)
    return [
        {
            "at": at + dt.timedelta(minutes=i),
            "account": "tester",
            "workstation": "",
            "entity": "customer",
            "entity_id": str(1000 + i % 50),
            "action": "update",
            "before": "{}",
            "after": "{}",
        }
        for i in range(n)
    ]


def _insert(db: Database, model: type, rows: list[dict[str, Any]]) -> None:
    with db.write() as uow:
        uow.session.execute(insert(model), rows)


@pytest.fixture
def history(db: Database) -> Database:
    """Thousands of customers, bookings, item types and recorded changes."""
    _insert(db, Customer, _customers(MANY))
    _insert(db, Booking, _bookings(MANY))
    _insert(db, ItemType, _types(MANY))
    _insert(db, AuditEvent, _events(MANY))
    return db


def shown(qtbot, widget: Any) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1300, 720)
    widget.show()
    qtbot.waitExposed(widget)


def read_only_blocks(qtbot, model: LazyTableModel, view: Any) -> None:  # type: ignore[no-untyped-def]
    """Opened and scrolled to the end, a list of MANY rows read a few blocks, not all."""
    assert model.rowCount() >= MANY
    opened = model.fetches
    assert 1 <= opened <= 2
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.fetches > opened)
    qtbot.wait(50)
    assert model.fetches <= opened + 2  # the last block (and the one above it)
    assert len(model.loaded()) <= (opened + 2) * BLOCK < model.rowCount()
    last = model.rowCount() - 1
    assert model.index(last, 0).data() is not None  # the end is there, read


def test_bookings_read_by_block(qtbot, ops: Operations, history: Database) -> None:
    screen = BookingsScreen(ops)
    shown(qtbot, screen)
    assert screen.count_label.text() == "3,000 bookings"
    read_only_blocks(qtbot, screen.model, screen.view)


def test_customers_read_by_block(qtbot, ops: Operations, history: Database) -> None:
    screen = CustomersScreen(ops)
    shown(qtbot, screen)
    read_only_blocks(qtbot, screen.model, screen.view)


def test_catalogue_read_by_block(qtbot, ops: Operations, history: Database) -> None:
    screen = InventoryScreen(ops)
    shown(qtbot, screen)
    read_only_blocks(qtbot, screen.types, screen.types_view)


def test_activity_read_by_block(qtbot, ops: Operations, history: Database) -> None:
    dialog = ActivityDialog(ops)
    shown(qtbot, dialog)
    read_only_blocks(qtbot, dialog.model, dialog.view)


@pytest.fixture
def queued(history: Database, clock: FixedClock) -> tuple[Operations, QueuedRunner]:
    runner = QueuedRunner()
    return Operations(Context(db=history, clock=clock, user="tester"), runner), runner


def test_bookings_first_page_then_the_rest(qtbot, queued) -> None:  # type: ignore[no-untyped-def]
    ops, runner = queued
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    runner.drain()
    screen.search_box.setText("R-L-01")
    runner.step()  # the first page
    assert screen.model.rowCount() == BLOCK
    assert screen.count_label.text() == "200 bookings and more: counting…"
    screen.view.selectRow(3)
    runner.drain()  # the whole list, added below the page shown
    assert screen.model.rowCount() == 1_000
    assert screen.count_label.text() == "1,000 bookings"
    assert screen.view.currentIndex().row() == 3  # the selection stayed


def test_a_search_overtaken_before_its_turn_is_skipped(qtbot, queued) -> None:  # type: ignore[no-untyped-def]
    ops, runner = queued
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    runner.drain()
    for text in ("R", "R-", "R-L", "R-L-02999"):  # typed fast: four searches asked for
        screen.search_box.setText(text)
    asked = len(runner.jobs)
    runner.drain()
    assert asked == 4
    assert [screen.model.id_at(0)] == [5000 + 2999]
    assert screen.count_label.text() == "1 booking"


def test_documents_read_by_block(qtbot, ops: Operations, coop: Database, clock) -> None:  # type: ignore[no-untyped-def]
    book(coop, clock, "C-PUB", {"LYRE": 1})  # a draft to invoice, beside old invoices
    with coop.read() as uow:
        customer = uow.session.execute(select(Customer.id)).scalars().first()
    day = dt.date(2020, 1, 1)
    rows = [
        {
            "id": 100 + i,
            "kind": "invoice",
            "number": f"FA-2020-{i:05d}",
            "series": "FA",
            "year": 2020,
            "sequence": i + 1,
            "issue_date": day + dt.timedelta(days=i // 2),
            "due_date": day + dt.timedelta(days=i // 2 + 30),
            "booking_id": None,
            "customer_id": customer,
            "cites_id": None,
            "buyer_name": "Ancien client",
            "net_cents": 1000,
            "vat_cents": 200,
            "gross_cents": 1200,
            "reason": "",
            "document_json": "{}",
            "issued_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
            "issued_by": "tester",
        }
        for i in range(MANY)
    ]
    _insert(coop, IssuedDocument, rows)
    screen = InvoicesScreen(ops)
    screen.view.setCurrentIndex(screen.model.index(-1, -1))
    shown(qtbot, screen)
    assert screen.model.rowCount() == MANY
    assert screen.count_label.text().startswith("3,000 documents — ")
    assert screen.model.fetches <= 2
    assert len(screen.model.loaded()) <= 2 * BLOCK


def test_drafts_fill_in_chunk_by_chunk(qtbot, coop: Database, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    references = [book(coop, clock, "C-PUB", {"LYRE": 1}) for _ in range(3)]
    monkeypatch.setattr(invoices_screen, "DRAFT_CHUNK", 1)
    runner = QueuedRunner()
    ops = Operations(Context(db=coop, clock=clock, user="tester"), runner)
    screen = InvoicesScreen(ops)
    qtbot.addWidget(screen)
    runner.drain()
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("draft"))
    counts = []
    while runner.jobs:  # each chunk a job of its own: the list grows between them
        runner.step()
        counts.append(screen.model.rowCount())
    assert [n for n in (1, 2, 3) if n in counts] == [1, 2, 3]
    assert [screen.model.index(r, 0).data() for r in range(3)] == references
    assert screen.count_label.text() == "3 documents"
