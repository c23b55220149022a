"""A manager prints a month of statements on the default printer in one go: `regie
statements --month M --out DIR --print` writes one PDF per customer and sends the merged
PDF as ONE job (no dialog per customer); the printer's output is read back."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.journeys.driver import Regie, pdf_jobs, pdf_pages, render_pdf, wait_new_pdfs

pytestmark = pytest.mark.journey

#: a month of statements is dozens of rasterised pages: CUPS needs time on a busy machine
PRINT_DEADLINE = 600


def last_month() -> str:
    first = dt.date.today().replace(day=1)
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def test_manager_prints_a_month_of_statements_in_one_go(regie: Regie, printer: str) -> None:
    month = last_month()
    out = regie.home / "statements"
    jobs = pdf_jobs()
    result = regie.json("statements", "--month", month, "--out", str(out), "--print")
    statements = result["statements"]
    assert len(statements) > 1, f"the demo has no activity in {month}"
    pages = sum(s["pages"] for s in statements)

    # one job, holding every customer's statement
    (printed,) = wait_new_pdfs(jobs, count=1, timeout=PRINT_DEADLINE, named=month)
    assert pdf_pages(printed) == pages
    assert len(list(out.glob("*.pdf"))) >= len(statements)
    pictures = render_pdf(printed, regie.shots, "printed-statements")
    assert len(pictures) == pages
    # one job for the month, not one per customer
    assert len([p for p in pdf_jobs() - jobs if month in p.name]) == 1
