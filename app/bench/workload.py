"""``regie bench --workload FILE.json``: the neutral rental workload (../shared/bench/
workload.py) loaded into a fresh database and timed, with every availability answer
checked against the generator's reference.

Semantics (the generator's docstring): whole days, a rental line occupies its product on
``[start_day, end_day)``; Régie books it as ``[start_day 00:00, end_day 00:00)``, and an
inclusive day window ``[w0, w1]`` is asked as ``[w0 00:00, (w1 + 1) 00:00)``. Products
become bulk item types (category staging, the product code as code and barcode, stock =
``stock_qty``, no prep/de-prep buffers); customers are associations with a postal address
(an invoice needs one). Prices follow Régie's own rules: before ``wl_invoice`` each
product's 1-day tier becomes its day rate (member = non-member).

States: the generator counts quotation, confirmed, picked-up and done rentals as occupying
stock, never draft or cancelled ones. In Régie a quote is tentative (never blocking), so
``STATE_MAP`` books a generator *quotation* as a confirmed booking and a *draft* as a
quote; picked up is ``out``, done is ``returned``. The file carries no state (every rental
is implicitly confirmed and its life cycle follows the anchor date); ``wl_book`` confirms
each one, ``wl_pickup``/``wl_return`` check a sample out and back in (``returned``), and
``wl_invoice`` invoices those returned rentals without rendering a PDF, and
``wl_invoice_pdf`` a few more of them with the PDF, the Factur-X XML and its validation.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from app.bench.benchmarks import machine, summarise, timed
from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.core.errors import DomainError
from app.core.migrate import open_database
from booking.models import BookingStatus, Customer
from inventory.models import Category, ItemType, Tracking

#: Generator state → Régie status, so that what the generator counts is what Régie holds.
STATE_MAP: dict[str, BookingStatus] = {
    "draft": BookingStatus.QUOTE,
    "quotation": BookingStatus.CONFIRMED,
    "confirmed": BookingStatus.CONFIRMED,
    "picked up": BookingStatus.OUT,
    "done": BookingStatus.RETURNED,
    "cancelled": BookingStatus.CANCELLED,
}
CATEGORY = Category.STAGING
Report = Callable[[str], None]


@dataclass(frozen=True)
class Mismatch:
    code: str
    expected: int
    got: int
    operation: str


def load_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("anchor", "year_start", "products", "customers", "rentals"):
            data[key]  # noqa: B018 — present, or the file is not a workload
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DomainError(
            "{path} is not a workload file written by workload.py ({reason}).",
            path=str(path),
            reason=str(err),
        ) from err
    return data


# --- the reference (same semantics as the generator's ``window``/``expected_availability``)


def window(anchor: dt.date) -> tuple[dt.date, dt.date]:
    """Days ``[anchor + 30, anchor + 60]``, inclusive."""
    w0 = anchor + dt.timedelta(days=30)
    return w0, w0 + dt.timedelta(days=30)


def expected_availability(data: dict[str, Any], w0: dt.date, w1: dt.date) -> dict[str, int]:
    """``{product code: stock_qty - peak occupancy over the days [w0, w1]}``."""
    ys = dt.date.fromisoformat(data["year_start"])
    lo, hi = (w0 - ys).days, (w1 - ys).days
    occ = [[0] * (hi - lo + 1) for _ in data["products"]]
    for rental in data["rentals"]:
        s = (dt.date.fromisoformat(rental["start_day"]) - ys).days
        e = (dt.date.fromisoformat(rental["end_day"]) - ys).days
        for day in range(max(s, lo), min(e, hi + 1)):
            for line in rental["lines"]:
                occ[line["product"]][day - lo] += line["qty"]
    return {p["code"]: p["stock_qty"] - max(occ[i]) for i, p in enumerate(data["products"])}


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


# --- loading ----------------------------------------------------------------------------


def load_into(db: Database, data: dict[str, Any]) -> tuple[dict[str, int], list[str]]:
    """Products and customers, by bulk insert (not timed). Returns (code → type id,
    customer numbers by the generator's customer index)."""
    types = [
        {
            "code": p["code"],
            "name": p["name"],
            "category": CATEGORY.value,
            "manufacturer": "",
            "model": "",
            "tracking": Tracking.BULK.value,
            "replacement_value_cents": 0,
            "deposit_cents": 0,
            "weight_grams": 0,
            "notes": "",
            "stock_quantity": int(p["stock_qty"]),
            "barcode": p["code"],
            "sale_price_cents": 0,
            "prep_hours": 0,
            "deprep_hours": 0,
        }
        for p in data["products"]
    ]
    numbers = [str(1001 + i) for i in range(len(data["customers"]))]
    customers = [
        {
            "number": number,
            "kind": "organisation",
            "category": "association",
            "name": c["name"],
            "email": f"customer{number}@workload.example",  # e-invoice address
            "phone": "",
            "address": "1 place de la Mairie",
            "postcode": "43000",
            "city": "Le Puy-en-Velay",
            "country": "FR",
            "siren": "",
            "siret": "",
            "vat_number": "",
            "notes": "",
        }
        for number, c in zip(numbers, data["customers"], strict=True)
    ]
    with db.write() as uow:
        uow.session.execute(insert(ItemType), types)
        if customers:
            uow.session.execute(insert(Customer), customers)
        ids: dict[str, int] = dict(
            uow.session.connection().exec_driver_sql("SELECT code, id FROM item_type").all()
        )
    return ids, numbers


# --- the run ----------------------------------------------------------------------------


def run_workload(
    path: Path,
    report: Report,
    engine: str = "sqlite",
    url: str | None = None,
    bound: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], Mismatch | None]:
    """Load ``path`` into a fresh temporary database (an SQLite file, or with ``engine`` =
    ``postgresql`` a new database on ``url``'s server) and time the ``wl_*`` operations,
    then the raw-SQL lower bound of the same work (``app.bench.bound``: ``wl_*_bound``),
    unless ``bound`` gives the figures of a bound already measured in this run. Each
    ``wl_*`` figure carries ``bound_ratio``: its median ÷ the bound's. Returns the result
    and the first wrong answer, if any."""
    from app.bench.engines import fresh_target
    from booking.availability import availability, availability_many
    from booking.bookings import BookingData, Line, create_booking

    data = load_file(path)
    anchor = dt.date.fromisoformat(data["anchor"])
    clock = FixedClock(dt.datetime.combine(anchor, dt.time(10), tzinfo=PARIS))
    now = clock.local_now()
    products = data["products"]
    codes = [p["code"] for p in products]
    w0, w1 = window(anchor)
    start, end = midnight(w0), midnight(w1 + dt.timedelta(days=1))
    expected = expected_availability(data, w0, w1)
    with fresh_target(engine, url, "workload") as target:
        db = open_database(target)
        try:
            report(f"loading {len(products)} products and {len(data['customers'])} customers")
            ids, numbers = load_into(db, data)
            report(f"booking {len(data['rentals'])} rentals")
            samples = []
            references = []
            began = time.perf_counter()
            for rental in data["rentals"]:
                booking = BookingData(
                    customer=numbers[rental["customer"]],
                    start=midnight(dt.date.fromisoformat(rental["start_day"])),
                    end=midnight(dt.date.fromisoformat(rental["end_day"])),
                    lines=[Line(codes[ln["product"]], int(ln["qty"])) for ln in rental["lines"]],
                )
                t0 = time.perf_counter()
                with db.write() as uow:
                    made = create_booking(
                        uow, user="workload", data=booking, clock=clock, confirm=True
                    )
                samples.append((time.perf_counter() - t0) * 1000)
                references.append(made.reference)
            book = summarise(samples)
            book["total_ms"] = round((time.perf_counter() - began) * 1000, 1)

            busiest = _most_booked(data)
            code = codes[busiest]
            type_id = ids[code]
            report("availability")
            with db.read() as uow:
                one = availability(uow, type_id, start, end, now=now)
                timing_one = timed(
                    lambda: availability(uow, type_id, start, end, now=now), 200, warmup=5
                )
                everything = availability_many(uow, start, end, now=now)
                timing_all = timed(lambda: availability_many(uow, start, end, now=now), 20)
            report("pick-up and return")
            from app.bench.desk import bench_workload_pickup_return

            desk_figures = bench_workload_pickup_return(db, data, references)
            report("invoices")
            from app.bench.desk import sample_indexes
            from app.bench.invoice import (
                bench_workload_invoice,
                bench_workload_invoice_pdf,
                invoice_split,
            )

            plain, with_pdf = invoice_split(len(sample_indexes(len(data["rentals"]))))
            invoice_figures = bench_workload_invoice(db, data, references, sample=plain)
            report("invoices with their PDF")
            invoice_pdf_figures = bench_workload_invoice_pdf(
                db, data, references, skip=plain, sample=with_pdf
            )
        finally:
            db.dispose()
    if bound is None:
        from app.bench.bound import run_bound
        from app.bench.desk import sample_indexes
        from app.bench.invoice import invoice_split

        report("the raw-SQL lower bound")
        picked = sample_indexes(len(data["rentals"]))
        plain, _with_pdf = invoice_split(len(picked))
        bound, _ = run_bound(data, (w0, w1), expected, code, picked, invoices=plain)
    mismatch = None
    if one.available != expected[code]:
        mismatch = Mismatch(code, expected[code], one.available, "wl_availability_one")
    by_id = {type_id: c for c, type_id in ids.items()}
    got = {by_id[t]: a.available for t, a in everything.items()}
    if mismatch is None:
        for c in codes:
            if got.get(c) != expected[c]:
                mismatch = Mismatch(c, expected[c], got.get(c, -1), "wl_availability_all")
                break
    wrong = sum(1 for c in codes if got.get(c) != expected[c])
    result: dict[str, Any] = {
        "workload": {
            "file": str(path),
            "seed": data.get("seed"),
            "anchor": data["anchor"],
            "products": len(products),
            "customers": len(data["customers"]),
            "rentals": len(data["rentals"]),
            "lines": sum(len(r["lines"]) for r in data["rentals"]),
            "window": [w0.isoformat(), w1.isoformat()],
        },
        "engine": engine,
        "machine": machine(),
        "results": {
            "wl_book": book,
            "wl_availability_one": {
                **timing_one,
                "code": code,
                "available": one.available,
                "expected": expected[code],
            },
            "wl_availability_all": {
                **timing_all,
                "types": len(everything),
                "mismatches": wrong,
            },
            **desk_figures,
            "wl_invoice": invoice_figures,
            "wl_invoice_pdf": invoice_pdf_figures,
        },
        "matched": mismatch is None,
    }
    results: dict[str, Any] = result["results"]
    for name, figures in bound.items():
        mine = results.get(name.removesuffix("_bound"))
        if mine and figures.get("median_ms"):
            mine["bound_ratio"] = round(mine["median_ms"] / figures["median_ms"], 1)
    results.update(bound)
    if mismatch is not None:
        result["mismatch"] = {
            "operation": mismatch.operation,
            "code": mismatch.code,
            "expected": mismatch.expected,
            "got": mismatch.got,
        }
    return result, mismatch


def _most_booked(data: dict[str, Any]) -> int:
    """The product with the most rental lines (then the most quantity, then the first)."""
    lines = [0] * len(data["products"])
    qty = [0] * len(data["products"])
    for rental in data["rentals"]:
        for line in rental["lines"]:
            lines[line["product"]] += 1
            qty[line["product"]] += line["qty"]
    return max(range(len(lines)), key=lambda i: (lines[i], qty[i], -i))
