"""Benchmarks of invoicing (../shared/BENCHMARKS.md):

- ``invoice_pdf``: one invoice issued with its PDF and embedded Factur-X XML — the real
  renderer, the XML validated (XSD, EN 16931 and FR-CTC schematrons), the number, rows and
  bytes committed — for a returned booking not invoiced yet, on a copy of the large
  dataset (each sample through ``issuing.issue``, as the invoicing screen and
  ``regie invoice`` do: rendered and validated in a rehearsal, then a short write);
- ``wl_invoice``: the invoice of a returned rental of the neutral workload created and
  issued WITHOUT the PDF (a renderer returning a few constant bytes and no XML: the
  issuing service refuses an empty PDF), on the database ``wl_return`` left;
- ``wl_invoice_pdf``: the same for other returned rentals of the workload, WITH the PDF,
  its Factur-X XML and the full validation the app runs before issuing (XSD, EN 16931 and
  FR-CTC schematrons: ``validation.check_xml``), through ``issuing.issue`` with the
  renderer the CLI uses (``render.renderer_for``). Target ≤ 150 ms median. Its figures
  say how much of it rendering (``render_median_ms``) and validation
  (``check_median_ms``) took; the database work is ``wl_invoice``'s (the raw-SQL bound
  has no PDF to compare with).

The returned rentals of the workload (``wl_return``'s sample) are shared
(``invoice_split``): ``wl_invoice_pdf`` takes the last tenth of them (at most
``WL_INVOICE_PDF``), ``wl_invoice`` the others before them (at most ``WL_INVOICES``).

Choosing the bookings is not timed; the schematron stylesheets are compiled before timing.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from app.bench.benchmarks import BENCH_CLOCK, summarise
from app.core.clock import PARIS, FixedClock
from app.core.db import Database
from app.core.migrate import open_database
from invoicing.document import Document

INVOICE_PDF_N = 20
WARMUP = 2
#: Returned rentals of the workload invoiced without the PDF, then with it (after them).
WL_INVOICES = 180
WL_INVOICE_PDF = 20


def invoice_split(returned: int) -> tuple[int, int]:
    """How many of ``returned`` rentals ``wl_invoice`` and ``wl_invoice_pdf`` invoice: the
    last tenth (at least one, at most ``WL_INVOICE_PDF``) with the PDF, the rest before
    them (at most ``WL_INVOICES``) without."""
    with_pdf = min(WL_INVOICE_PDF, max(1, returned // 10)) if returned > 1 else 0
    return min(WL_INVOICES, returned - with_pdf), with_pdf


_UNINVOICED_RETURNED = """
SELECT b.reference FROM booking b
WHERE b.status = 'returned'
  AND NOT EXISTS (SELECT 1 FROM issued_document d WHERE d.booking_id = b.id)
ORDER BY b."end" DESC, b.id DESC
LIMIT ?
"""


def _uninvoiced_returned(db: Database, count: int) -> list[str]:
    with db.engine.connect() as conn:
        return [str(r[0]) for r in conn.exec_driver_sql(_UNINVOICED_RETURNED, (count,))]


def bench_invoice_pdf(db_path: Path, n: int = INVOICE_PDF_N) -> dict[str, Any]:
    """Issue one invoice with its PDF and Factur-X XML: target ≤ 150 ms median."""
    from invoicing import invoices, issuing, render, validation

    validation.warm_up()
    with tempfile.TemporaryDirectory(prefix="regie-bench-invoice-") as tmp:
        copy = Path(tmp) / Path(db_path).name
        shutil.copy(db_path, copy)
        db = open_database(copy)
        try:
            refs = _uninvoiced_returned(db, n + WARMUP)
            if len(refs) < n + WARMUP:
                raise RuntimeError(
                    f"invoice_pdf: {len(refs)} returned bookings not invoiced yet in the "
                    f"dataset; {n + WARMUP} are needed"
                )
            samples, sizes, lines = [], [], []
            for i, ref in enumerate(refs):
                began = time.perf_counter()
                row = issuing.issue(
                    db,
                    partial(
                        invoices.issue_invoice,
                        user="bench",
                        reference=ref,
                        clock=BENCH_CLOCK,
                        renderer=render.render,
                        check=validation.check_xml,
                    ),
                )
                elapsed = (time.perf_counter() - began) * 1000
                if i >= WARMUP:
                    samples.append(elapsed)
                    with db.read() as uow:
                        conn = uow.session.connection()
                        sizes.append(
                            int(
                                conn.exec_driver_sql(
                                    "SELECT length(pdf) FROM document_file WHERE document_id = ?",
                                    (row.id,),
                                ).scalar()
                                or 0
                            )
                        )
                        lines.append(
                            int(
                                conn.exec_driver_sql(
                                    "SELECT count(*) FROM issued_line WHERE document_id = ?",
                                    (row.id,),
                                ).scalar()
                                or 0
                            )
                        )
            figures = summarise(samples)
            figures["pdf_bytes_median"] = sorted(sizes)[len(sizes) // 2]
            figures["lines_median"] = sorted(lines)[len(lines) // 2]
            figures["schematron"] = validation.saxon_available()
            return figures
        finally:
            db.dispose()


# --- the neutral workload ----------------------------------------------------------------


@dataclass  # plain attributes, as the protocol issuing.Rendered declares them
class _NoPdf:
    pdf: bytes
    xml: bytes | None


NO_PDF = _NoPdf(b"%PDF-1.7\n%%EOF\n", None)


def no_pdf(_document: Document) -> _NoPdf:
    """A renderer that renders nothing (constant bytes, no XML)."""
    return NO_PDF


def prepare_workload_invoicing(db: Database, workload: dict[str, Any]) -> None:
    """The cooperative's identity, and each product's day rate: its 1-day tier (member =
    non-member). Not timed."""
    from app.core.settings import set_setting
    from app.demo.inventory import IDENTITY
    from invoicing.models import ItemRate

    with db.write() as uow:
        for key, value in IDENTITY.items():
            set_setting(uow, key, value)
        ids: dict[str, int] = dict(
            uow.session.connection().exec_driver_sql("SELECT code, id FROM item_type").all()
        )
        for product in workload["products"]:
            day = next((price for days, price in product["tiers"] if days == 1), None)
            if day is None:  # no 1-day tier: the shortest one, per day
                days, price = min(product["tiers"], key=lambda t: t[0])
                cents = round(float(price) * 100 / days)
            else:
                cents = round(float(day) * 100)
            uow.session.add(
                ItemRate(
                    item_type_id=ids[product["code"]],
                    member_day_cents=cents,
                    non_member_day_cents=cents,
                )
            )


def bench_workload_invoice(
    db: Database,
    workload: dict[str, Any],
    rentals: Sequence[str],
    *,
    sample: int = WL_INVOICES,
) -> dict[str, Any]:
    """``wl_invoice`` on the database ``wl_return`` left: the first ``sample`` returned
    rentals, each invoiced and issued in its own write transaction, without the PDF."""
    from invoicing import invoices, issuing

    anchor = dt.date.fromisoformat(workload["anchor"])
    clock = FixedClock(dt.datetime.combine(anchor, dt.time(10), tzinfo=PARIS))
    prepare_workload_invoicing(db, workload)
    with db.engine.connect() as conn:
        returned = {
            str(r[0])
            for r in conn.exec_driver_sql("SELECT reference FROM booking WHERE status = 'returned'")
        }
    chosen = [ref for ref in rentals if ref in returned][:sample]
    samples: list[float] = []
    for ref in chosen:
        began = time.perf_counter()
        issuing.issue(
            db,
            partial(
                invoices.issue_invoice, user="bench", reference=ref, clock=clock, renderer=no_pdf
            ),
        )
        samples.append((time.perf_counter() - began) * 1000)
    figures = summarise(samples) if samples else {"median_ms": 0.0, "p95_ms": 0.0, "n": 0}
    figures["invoices"] = len(samples)
    return figures


def bench_workload_invoice_pdf(
    db: Database,
    workload: dict[str, Any],
    rentals: Sequence[str],
    *,
    skip: int,
    sample: int,
) -> dict[str, Any]:
    """``wl_invoice_pdf`` after ``wl_invoice`` (its cooperative and rates set): the returned
    rentals after the first ``skip``, at most ``sample``, each issued with its PDF, its
    Factur-X XML and the full validation, as ``regie invoice`` issues one. The
    schematron stylesheets are compiled before timing (once per process in the app)."""
    from invoicing import invoices, issuing, render, validation

    anchor = dt.date.fromisoformat(workload["anchor"])
    clock = FixedClock(dt.datetime.combine(anchor, dt.time(10), tzinfo=PARIS))
    validation.warm_up()
    with db.engine.connect() as conn:
        returned = {
            str(r[0])
            for r in conn.exec_driver_sql("SELECT reference FROM booking WHERE status = 'returned'")
        }
    chosen = [ref for ref in rentals if ref in returned][skip : skip + sample]
    with db.read() as uow:
        real = render.renderer_for(uow)
    rendering: list[float] = []
    checking: list[float] = []

    def renderer(document: Document) -> Any:
        began = time.perf_counter()
        try:
            return real(document)
        finally:
            rendering.append((time.perf_counter() - began) * 1000)

    def check(xml: bytes) -> list[str]:
        began = time.perf_counter()
        try:
            return validation.check_xml(xml)
        finally:
            checking.append((time.perf_counter() - began) * 1000)

    samples: list[float] = []
    sizes: list[int] = []
    for ref in chosen:
        began = time.perf_counter()
        row = issuing.issue(
            db,
            partial(
                invoices.issue_invoice,
                user="bench",
                reference=ref,
                clock=clock,
                renderer=renderer,
                check=check,
            ),
        )
        samples.append((time.perf_counter() - began) * 1000)
        with db.read() as uow:
            sizes.append(len(issuing.files_of(uow, int(row.id or 0)).pdf))
    figures = summarise(samples) if samples else {"median_ms": 0.0, "p95_ms": 0.0, "n": 0}
    figures["invoices"] = len(samples)
    if samples:
        figures["render_median_ms"] = summarise(rendering)["median_ms"]
        figures["check_median_ms"] = summarise(checking)["median_ms"]
        figures["pdf_bytes_median"] = sorted(sizes)[len(sizes) // 2]
    figures["schematron"] = validation.saxon_available()
    return figures
