"""The raw-SQL lower bound of the neutral workload (``wl_*_bound``): the same logical work as
``app.bench.workload`` done with plain ``sqlite3`` statements on a minimal schema, in the
same run, so that every Régie figure is read as a ratio against what SQLite itself can do
on this machine at this moment (BENCHMARKS.md: "Report every figure as a ratio").

The same pragmas as Régie's SQLite store (WAL, ``synchronous = NORMAL``, foreign keys) and
the same transaction shapes: one ``BEGIN IMMEDIATE`` … ``COMMIT`` per booking (availability
checked inside it for every line), per scan, per invoice. What the bound leaves out is
everything Régie adds on top: the ORM, audit trail, seals, pricing rules, Factur-X.

- ``wl_book_bound``: per rental, the customer and each product read, each line's peak
  occupancy over the rental's period checked against the stock, the rental numbered and
  written with its lines, committed.
- ``wl_availability_one_bound`` / ``_all_bound``: stock minus the peak over the window
  (one query; all products in one query). Every answer is checked against the generator's.
- ``wl_pickup_bound`` / ``wl_return_bound``: the same sampled rentals as Régie's, each
  line one scan (code looked up, line found and checked, movement written, line and rental
  updated) committed on its own; per rental, and ``scan_*`` per scan.
- ``wl_invoice_bound``: per returned rental, its lines and day rates read, amounts and VAT
  computed in integer cents, the next number of the year's series taken, the invoice and
  its lines written, the rental marked invoiced, committed (the same rentals as Régie's
  ``wl_invoice``: the first ``invoices`` of the sample).

``wl_invoice_pdf`` has no bound: its time is rendering the PDF/A-3 and validating the
Factur-X XML (XSD and schematrons), work no SQL statement does; its database part is
``wl_invoice``'s, and its figures say how long rendering and validation took.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from app.bench.benchmarks import summarise, timed

_SCHEMA = """
CREATE TABLE product (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    stock INTEGER NOT NULL, day_rate_cents INTEGER NOT NULL DEFAULT 0);
CREATE TABLE customer (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE rental (id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customer(id), start TEXT NOT NULL,
    "end" TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE rental_line (id INTEGER PRIMARY KEY,
    rental_id INTEGER NOT NULL REFERENCES rental(id),
    product_id INTEGER NOT NULL REFERENCES product(id), qty INTEGER NOT NULL,
    start TEXT NOT NULL, "end" TEXT NOT NULL, holds INTEGER NOT NULL,
    out_qty INTEGER NOT NULL DEFAULT 0, back_qty INTEGER NOT NULL DEFAULT 0);
CREATE INDEX ix_line_period ON rental_line (product_id, start, "end");
CREATE INDEX ix_line_rental ON rental_line (rental_id);
CREATE TABLE movement (id INTEGER PRIMARY KEY, rental_id INTEGER NOT NULL REFERENCES rental(id),
    product_id INTEGER NOT NULL REFERENCES product(id), qty INTEGER NOT NULL,
    direction TEXT NOT NULL, at TEXT NOT NULL, station TEXT NOT NULL);
CREATE TABLE invoice (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, series TEXT NOT NULL,
    year INTEGER NOT NULL, seq INTEGER NOT NULL, rental_id INTEGER NOT NULL REFERENCES rental(id),
    customer_id INTEGER NOT NULL REFERENCES customer(id), net_cents INTEGER NOT NULL,
    vat_cents INTEGER NOT NULL, gross_cents INTEGER NOT NULL, issued_at TEXT NOT NULL,
    UNIQUE (series, year, seq));
CREATE TABLE invoice_line (id INTEGER PRIMARY KEY, invoice_id INTEGER NOT NULL REFERENCES invoice(id),
    product_id INTEGER NOT NULL REFERENCES product(id), quantity INTEGER NOT NULL, days INTEGER NOT NULL,
    unit_cents INTEGER NOT NULL, net_cents INTEGER NOT NULL);
"""

#: Peak quantity of one product held at any instant of [:s, :e): a running sum over the
#: lines' starts (+qty, clipped to :s) and ends (−qty) inside the window, ends first at equal
#: instants (half-open periods: back-to-back lines do not overlap).
_PEAK = """
SELECT coalesce(max(held), 0) FROM (
    SELECT sum(d) OVER (ORDER BY t, d ROWS UNBOUNDED PRECEDING) AS held FROM (
        SELECT max(start, :s) AS t, qty AS d FROM rental_line
        WHERE product_id = :p AND holds AND start < :e AND "end" > :s
        UNION ALL
        SELECT "end", -qty FROM rental_line
        WHERE product_id = :p AND holds AND start < :e AND "end" > :s AND "end" < :e))
"""

#: The same for every product in one statement: ``(code, stock − peak)``.
_AVAILABLE_ALL = """
SELECT p.code, p.stock - coalesce(peak.held, 0) FROM product p LEFT JOIN (
    SELECT product_id, max(held) AS held FROM (
        SELECT product_id,
               sum(d) OVER (PARTITION BY product_id ORDER BY t, d ROWS UNBOUNDED PRECEDING) AS held
        FROM (
            SELECT product_id, max(start, :s) AS t, qty AS d FROM rental_line
            WHERE holds AND start < :e AND "end" > :s
            UNION ALL
            SELECT product_id, "end", -qty FROM rental_line
            WHERE holds AND start < :e AND "end" > :s AND "end" < :e))
    GROUP BY product_id) AS peak ON peak.product_id = p.id
"""

#: VAT of the bound's invoices, in basis points (the rate does not change the work).
_VAT_BP = 2000


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()} 00:00:00.000000"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)  # transactions written by hand
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _load(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    conn.executescript(_SCHEMA)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO product (code, name, stock, day_rate_cents) VALUES (?, ?, ?, ?)",
        [
            (p["code"], p["name"], int(p["stock_qty"]), _day_rate_cents(p["tiers"]))
            for p in data["products"]
        ],
    )
    conn.executemany(
        "INSERT INTO customer (number, name) VALUES (?, ?)",
        [(str(1001 + i), c["name"]) for i, c in enumerate(data["customers"])],
    )
    conn.execute("COMMIT")


def _day_rate_cents(tiers: list[list[Any]]) -> int:
    """The product's 1-day tier in cents (as Régie's run maps it to the day rate)."""
    one_day = next(price for days, price in tiers if int(days) == 1)
    whole, _, fraction = str(one_day).partition(".")
    return int(whole) * 100 + int((fraction + "00")[:2])


def _book(conn: sqlite3.Connection, rental: dict[str, Any], codes: list[str], year: int) -> str:
    start = _stamp(dt.date.fromisoformat(rental["start_day"]))
    end = _stamp(dt.date.fromisoformat(rental["end_day"]))
    conn.execute("BEGIN IMMEDIATE")
    try:
        customer = conn.execute(
            "SELECT id FROM customer WHERE number = ?", (str(1001 + rental["customer"]),)
        ).fetchone()[0]
        lines = []
        for line in rental["lines"]:
            product, stock = conn.execute(
                "SELECT id, stock FROM product WHERE code = ?", (codes[line["product"]],)
            ).fetchone()
            peak = conn.execute(_PEAK, {"p": product, "s": start, "e": end}).fetchone()[0]
            if stock - peak < int(line["qty"]):
                raise RuntimeError(f"bound: rental {rental['number']} over-books {product}")
            lines.append((product, int(line["qty"])))
        last = conn.execute(
            "SELECT coalesce(max(id), 0) FROM rental",
        ).fetchone()[0]
        ref = f"R-{year}-{last + 1:05d}"
        rental_id = conn.execute(
            'INSERT INTO rental (ref, customer_id, start, "end", status) '
            "VALUES (?, ?, ?, ?, 'confirmed')",
            (ref, customer, start, end),
        ).lastrowid
        conn.executemany(
            'INSERT INTO rental_line (rental_id, product_id, qty, start, "end", holds) '
            "VALUES (?, ?, ?, ?, ?, 1)",
            [(rental_id, product, qty, start, end) for product, qty in lines],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return ref


def _scan(conn: sqlite3.Connection, ref: str, code: str, qty: int, out: bool, at: str) -> None:
    """One bulk scan of ``qty`` × ``code`` for the rental ``ref``, committed on its own."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        product = conn.execute("SELECT id FROM product WHERE code = ?", (code,)).fetchone()[0]
        rental_id, status = conn.execute(
            "SELECT id, status FROM rental WHERE ref = ?", (ref,)
        ).fetchone()
        line_id, wanted, gone, back = conn.execute(
            "SELECT id, qty, out_qty, back_qty FROM rental_line "
            "WHERE rental_id = ? AND product_id = ?",
            (rental_id, product),
        ).fetchone()
        if (gone + qty > wanted) if out else (back + qty > gone):
            raise RuntimeError(f"bound: {code} scanned too many times for {ref}")
        conn.execute(
            "INSERT INTO movement (rental_id, product_id, qty, direction, at, station) "
            "VALUES (?, ?, ?, ?, ?, 'bench')",
            (rental_id, product, qty, "out" if out else "in", at),
        )
        if out:
            conn.execute(
                "UPDATE rental_line SET out_qty = out_qty + ? WHERE id = ?", (qty, line_id)
            )
            if status == "confirmed":
                conn.execute("UPDATE rental SET status = 'out' WHERE id = ?", (rental_id,))
        else:
            conn.execute(
                "UPDATE rental_line SET back_qty = back_qty + ?, holds = (back_qty + ? < qty) "
                "WHERE id = ?",
                (qty, qty, line_id),
            )
            left = conn.execute(
                "SELECT coalesce(sum(qty - back_qty), 0) FROM rental_line WHERE rental_id = ?",
                (rental_id,),
            ).fetchone()[0]
            if left == 0:
                conn.execute("UPDATE rental SET status = 'returned' WHERE id = ?", (rental_id,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _invoice(conn: sqlite3.Connection, ref: str, year: int, at: str) -> str:
    conn.execute("BEGIN IMMEDIATE")
    try:
        rental_id, customer, start, end = conn.execute(
            'SELECT id, customer_id, start, "end" FROM rental WHERE ref = ? '
            "AND status = 'returned'",
            (ref,),
        ).fetchone()
        days = (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days
        lines = conn.execute(
            "SELECT l.product_id, l.qty, p.day_rate_cents FROM rental_line l "
            "JOIN product p ON p.id = l.product_id WHERE l.rental_id = ? ORDER BY l.id",
            (rental_id,),
        ).fetchall()
        nets = [(product, qty, rate, qty * days * rate) for product, qty, rate in lines]
        net = sum(n for *_, n in nets)
        vat = (net * _VAT_BP + 5000) // 10000  # half up, once per document (cents ≥ 0)
        seq = conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM invoice WHERE series = 'FA' AND year = ?",
            (year,),
        ).fetchone()[0]
        number = f"FA-{year}-{seq:05d}"
        invoice_id = conn.execute(
            "INSERT INTO invoice (number, series, year, seq, rental_id, customer_id, "
            "net_cents, vat_cents, gross_cents, issued_at) VALUES (?, 'FA', ?, ?, ?, ?, ?, ?, ?, ?)",
            (number, year, seq, rental_id, customer, net, vat, net + vat, at),
        ).lastrowid
        conn.executemany(
            "INSERT INTO invoice_line (invoice_id, product_id, quantity, days, unit_cents, "
            "net_cents) VALUES (?, ?, ?, ?, ?, ?)",
            [(invoice_id, product, qty, days, rate, n) for product, qty, rate, n in nets],
        )
        conn.execute("UPDATE rental SET status = 'invoiced' WHERE id = ?", (rental_id,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return number


def run_bound(
    data: dict[str, Any],
    window: tuple[dt.date, dt.date],
    expected: dict[str, int],
    code: str,
    sampled: list[int],
    *,
    invoices: int,
) -> tuple[dict[str, Any], int]:
    """The ``wl_*_bound`` figures for the parsed workload ``data``: availability asked over
    the inclusive day ``window`` (for ``code`` alone, then for every product) and checked
    against ``expected``; the ``sampled`` rentals (indexes in workload order: Régie's
    sample) checked out, back in, and the first ``invoices`` of them invoiced. Returns the figures and how many
    availability answers differ from the generator's (0)."""
    anchor = dt.date.fromisoformat(data["anchor"])
    year = anchor.year
    codes = [p["code"] for p in data["products"]]
    at = f"{anchor.isoformat()} 10:00:00.000000"
    w0, w1 = window
    asked = {"s": _stamp(w0), "e": _stamp(w1 + dt.timedelta(days=1))}
    with tempfile.TemporaryDirectory(prefix="regie-bench-bound-") as tmp:
        conn = _connect(Path(tmp) / "bound.db")
        try:
            _load(conn, data)
            samples = []
            refs = []
            began = time.perf_counter()
            for rental in data["rentals"]:
                t0 = time.perf_counter()
                refs.append(_book(conn, rental, codes, year))
                samples.append((time.perf_counter() - t0) * 1000)
            book = summarise(samples)
            book["total_ms"] = round((time.perf_counter() - began) * 1000, 1)

            def one() -> int:
                product, stock = conn.execute(
                    "SELECT id, stock FROM product WHERE code = ?", (code,)
                ).fetchone()
                return int(stock - conn.execute(_PEAK, {"p": product, **asked}).fetchone()[0])

            def every() -> dict[str, int]:
                return dict(conn.execute(_AVAILABLE_ALL, asked).fetchall())

            answers = every()
            wrong = sum(1 for c in codes if answers.get(c) != expected[c])
            wrong += one() != expected[code]
            figures: dict[str, Any] = {
                "wl_book_bound": book,
                "wl_availability_one_bound": timed(one, 200, warmup=5),
                "wl_availability_all_bound": {**timed(every, 20), "mismatches": wrong},
            }
            for out, name in ((True, "wl_pickup_bound"), (False, "wl_return_bound")):
                rentals, scans = [], []
                for index in sampled:
                    t0 = time.perf_counter()
                    for line in data["rentals"][index]["lines"]:
                        t1 = time.perf_counter()
                        _scan(conn, refs[index], codes[line["product"]], int(line["qty"]), out, at)
                        scans.append((time.perf_counter() - t1) * 1000)
                    rentals.append((time.perf_counter() - t0) * 1000)
                one_scan = summarise(scans)
                figures[name] = {
                    **summarise(rentals),
                    "scan_median_ms": one_scan["median_ms"],
                    "scan_p95_ms": one_scan["p95_ms"],
                }
            issued = []
            for index in sampled[:invoices]:
                t0 = time.perf_counter()
                _invoice(conn, refs[index], year, at)
                issued.append((time.perf_counter() - t0) * 1000)
            figures["wl_invoice_bound"] = summarise(issued)
        finally:
            conn.close()
    return figures, wrong
