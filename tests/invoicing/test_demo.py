"""The invoicing demo: rates for every item type, the standard coefficient table, the
partner communes, and months of invoices, credit notes, payments and deposits issued through
the services with the real renderer — paid and overdue invoices, an intact hash chain, valid
Factur-X XML, bookings left as they were."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from app.core.errors import Conflict
from app.core.migrate import open_database
from app.demo import invoicing as demo
from app.demo.booking import build_bookings_demo
from app.demo.inventory import build_demo
from app.first_start import render_pool
from invoicing import issuing, payments, rates, render, validation
from invoicing.models import DocumentFile, IssuedDocument

CLOCK = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))


def _statuses(db) -> dict[str, int]:
    with db.read() as uow:
        rows = uow.session.connection().execute(
            text("SELECT status, count(*) FROM booking GROUP BY status")
        )
        return dict(rows.all())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small demo with its invoicing history (every past returned or closed booking
    invoiced), its PDFs rendered by a pool of processes as on the first start; the
    bookings' statuses before the invoicing demo ran."""
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    build_demo(db, size="small", seed=1, clock=CLOCK, user="demo")
    build_bookings_demo(db, size="small", seed=1, clock=CLOCK, user="demo")
    before = _statuses(db)
    with render_pool() as pool:
        deferred = demo.DeferredRenderer(pool, render.render)
        summary = demo.build_invoicing_demo(
            db, size="small", seed=1, clock=CLOCK, user="demo", renderer=deferred
        )
        assert not deferred.pending  # every document written before the commit
    yield db, summary, before
    db.dispose()


def test_counts_and_statuses(built):
    db, summary, _ = built
    with db.read() as uow:
        conn = uow.session.connection()
        types = conn.execute(text("SELECT count(*) FROM item_type")).scalar()
        rated = conn.execute(text("SELECT count(*) FROM item_rate")).scalar()
        past = conn.execute(
            text(
                "SELECT count(*) FROM booking WHERE status IN ('returned', 'closed') "
                "AND \"end\" < '2026-11-26'"
            )
        ).scalar()
    assert summary.rates == rated == types
    assert summary.price_categories == 1 and summary.skipped == 0
    assert summary.invoices == past > 250  # every past returned or closed booking
    assert 0 < summary.credit_notes < summary.invoices // 10
    assert summary.payments > summary.invoices * 0.8 and summary.reversals == 1
    assert summary.deposits > 0
    statuses = summary.statuses
    assert set(statuses) == {"issued", "paid", "overdue"}
    assert statuses["paid"] > statuses["overdue"] >= 3
    assert sum(statuses.values()) == summary.invoices
    with db.read() as uow:
        balances = payments.invoice_balances(uow, CLOCK.today())
        deposit_states = dict(
            uow.session.connection()
            .execute(text("SELECT status, count(*) FROM deposit GROUP BY status"))
            .all()
        )
    assert any(b.paid and b.balance > 0 for b in balances)  # partly paid
    assert set(deposit_states) == {"held", "returned", "retained"}


def test_numbers_follow_the_calendar_and_the_chain_verifies(built):
    db, _, _ = built
    with db.read() as uow:
        assert issuing.verify_chain(uow) == []
        rows = uow.session.connection().execute(
            text("SELECT series, sequence, issue_date FROM issued_document ORDER BY id")
        )
        seen: dict[str, list[tuple[int, str]]] = {}
        for series, sequence, day in rows:
            seen.setdefault(series, []).append((sequence, day))
    for series, numbered in seen.items():
        assert [s for s, _ in numbered] == list(range(1, len(numbered) + 1)), series
        assert [d for _, d in numbered] == sorted(d for _, d in numbered)


def test_bookings_keep_their_statuses(built):
    db, _, before = built
    assert _statuses(db) == before


def test_rates_settings_and_tables(built):
    db, _, _ = built
    with db.read() as uow:
        rows = (
            uow.session.connection()
            .execute(
                text(
                    "SELECT r.member_day_cents, r.non_member_day_cents, c.day_cents "
                    "FROM item_rate r JOIN category_rate c ON c.item_type_id = r.item_type_id"
                )
            )
            .all()
        )
        assert rates.payment_days(uow) == 30 and rates.weekend_rule(uow).enabled
        families = uow.session.connection().execute(text("SELECT count(*) FROM family_coefficient"))
        assert families.scalar() == 8
    assert rows and all(0 < m < p and m <= c <= p for m, p, c in rows)


def test_day_rates_from_the_replacement_value():
    from decimal import Decimal as D

    assert demo.day_rates(50_000) == (D("20.00"), D("14.00"), D("17.00"))  # 500 € × 4 %
    assert demo.day_rates(400_000) == (D("120.00"), D("84.00"), D("102.00"))  # 4 000 € × 3 %
    assert demo.day_rates(2_000_000) == (D("400.00"), D("280.00"), D("340.00"))  # × 2 %
    assert demo.day_rates(100) == (D("2.00"), D("1.40"), D("1.70"))  # the floor


def test_the_plan_is_deterministic(built):
    db, _, _ = built
    from sqlmodel import select

    from booking.models import Booking

    with db.read() as uow:
        bookings = list(uow.session.exec(select(Booking).order_by(Booking.id).limit(80)))
        for booking in bookings:
            uow.session.expunge(booking)
    refs = {b.reference for b in bookings[::2]}
    plans = [demo._plan(random.Random(9), bookings, refs, CLOCK.today(), 30) for _ in range(2)]
    assert plans[0] == plans[1] and len(plans[0]) >= len(bookings)


@pytest.mark.skipif(not validation.saxon_available(), reason="saxonche is not installed")
def test_demo_documents_pass_the_factur_x_rules(built):
    db, _, _ = built
    with db.read() as uow:
        conn = uow.session.connection()
        ids = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT d.id FROM issued_document d JOIN customer c ON c.id = d.customer_id "
                    "WHERE d.id % 40 = 1 OR d.kind = 'credit_note' OR c.category = 'individual' "
                    "ORDER BY d.id LIMIT 12"
                )
            )
        ]
        xmls = [issuing.files_of(uow, i).xml for i in ids]
    assert len(xmls) >= 6
    for xml in xmls:
        assert xml is not None and validation.check_xml(xml) == []


def test_a_second_run_is_refused(built):
    db, _, _ = built
    with db.read() as uow:
        count = uow.session.connection().execute(text("SELECT count(*) FROM issued_document"))
        before = count.scalar()
    with pytest.raises(Conflict, match="already has rates or invoices"):
        demo.build_invoicing_demo(
            db, size="small", seed=1, clock=CLOCK, user="demo", renderer=render.render
        )
    with db.read() as uow:
        count = uow.session.connection().execute(text("SELECT count(*) FROM issued_document"))
        assert count.scalar() == before


def test_large_invoices_only_a_bounded_recent_subset(tmp_path: Path):
    db = open_database(tmp_path / "large.db")
    try:
        build_demo(db, size="small", seed=2, clock=CLOCK, user="demo")
        build_bookings_demo(db, size="small", seed=2, clock=CLOCK, user="demo", bookings=150)
        summary = demo.build_invoicing_demo(
            db,
            size="large",
            seed=2,
            clock=CLOCK,
            user="demo",
            renderer=render.render,
            invoices_limit=15,
        )
        assert summary.invoices == 15 and summary.rates > 60
        since = CLOCK.today() - dt.timedelta(days=demo.LARGE_DAYS)
        with db.read() as uow:
            from sqlmodel import select

            days = uow.session.exec(select(IssuedDocument.issue_date)).all()
            assert issuing.verify_chain(uow) == []
        assert min(days) >= since
    finally:
        db.dispose()


def test_unknown_size_and_no_customers_are_refused(tmp_path: Path):
    db = open_database(tmp_path / "empty.db")
    try:
        with pytest.raises(Exception, match="Unknown demo size"):
            demo.build_invoicing_demo(
                db, size="huge", clock=CLOCK, user="d", renderer=render.render
            )
        with pytest.raises(Conflict, match="demo customers and bookings"):
            demo.build_invoicing_demo(
                db, size="small", clock=CLOCK, user="d", renderer=render.render
            )
    finally:
        db.dispose()


def _history(db) -> list[tuple]:
    with db.read() as uow:
        rows = uow.session.connection().execute(
            text(
                "SELECT d.number, d.kind, d.gross_cents, d.document_json, f.xml "
                "FROM issued_document d JOIN document_file f ON f.document_id = d.id "
                "ORDER BY d.id"
            )
        )
        return [tuple(row) for row in rows]


def test_rendering_in_a_pool_gives_the_history_a_sequential_build_gives(tmp_path: Path):
    """The first start's way (PDFs rendered in other processes, written before the
    commit) makes the same documents as rendering each at issue: same numbers, amounts,
    frozen documents and Factur-X XML bytes, real PDFs, an intact chain, and the files
    immutable again."""
    first = open_database(tmp_path / "sequential.db")
    build_demo(first, size="small", seed=3, clock=CLOCK, user="demo")
    build_bookings_demo(first, size="small", seed=3, clock=CLOCK, user="demo", bookings=120)
    first.dispose()
    (tmp_path / "pooled.db").write_bytes((tmp_path / "sequential.db").read_bytes())
    first = open_database(tmp_path / "sequential.db")
    pooled = open_database(tmp_path / "pooled.db")
    try:
        options = dict(size="small", seed=3, clock=CLOCK, user="demo", invoices_limit=12)
        demo.build_invoicing_demo(first, renderer=render.render, **options)
        with render_pool(2) as pool:
            deferred = demo.DeferredRenderer(pool, render.render)
            demo.build_invoicing_demo(pooled, renderer=deferred, **options)
            assert not deferred.pending
        sequential, parallel = _history(first), _history(pooled)
        assert len(parallel) >= 12 and parallel == sequential
        with pooled.read() as uow:
            assert issuing.verify_chain(uow) == []
            files = uow.session.exec(select(DocumentFile)).all()
        assert files and all(f.pdf.startswith(b"%PDF-1.7") for f in files)
        assert all(f.pdf != demo.PLACEHOLDER and b"factur-x.xml" in f.pdf for f in files)
        with pytest.raises(Exception, match="immutable"), pooled.write() as uow:
            uow.session.connection().execute(text("UPDATE document_file SET pdf = x'00'"))
    finally:
        first.dispose()
        pooled.dispose()


def test_a_deferred_renderer_cannot_be_checked_at_issue(built):
    db, _, _ = built
    deferred = demo.DeferredRenderer(None, render.render)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="deferred"):
        demo.build_invoicing_demo(
            db, clock=CLOCK, user="demo", renderer=deferred, check=validation.check_xml
        )
