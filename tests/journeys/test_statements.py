"""A manager prints a month of statements on the default printer in one go (the desktop's
monthly statements dialog; and `regie statements ... --print`): one PDF per customer is
written and the merged PDF goes as ONE job (no dialog per customer); the printer's output
is read back."""

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


def test_statements_printed_from_the_command_line_in_one_job(regie: Regie, printer: str) -> None:
    """`regie statements --month M --customer A --customer B --customer C --print`: three
    statements, one job (the whole month is printed by the desktop journey below; a month
    is dozens of pages and minutes of CUPS time)."""
    month = last_month()
    everyone = regie.json("statements", "--month", month, "--out", str(regie.home / "all"))
    chosen = [s["number"] for s in everyone["statements"][:3]]
    assert len(chosen) == 3, f"the demo has too little activity in {month}"
    out = regie.home / "statements"
    customers = [arg for number in chosen for arg in ("--customer", number)]
    jobs = pdf_jobs()
    result = regie.json("statements", "--month", month, "--out", str(out), *customers, "--print")
    statements = result["statements"]
    assert [s["number"] for s in statements] == chosen
    pages = sum(s["pages"] for s in statements)

    # one job, holding the three statements
    (printed,) = wait_new_pdfs(jobs, count=1, timeout=PRINT_DEADLINE, named=month)
    assert pdf_pages(printed) == pages
    assert len(list(out.glob(f"releve-{month}-*.pdf"))) == 3
    pictures = render_pdf(printed, regie.shots, "printed-statements")
    assert len(pictures) == pages
    assert len([p for p in pdf_jobs() - jobs if month in p.name]) == 1


def test_manager_prints_a_month_of_statements_from_the_invoices_area(
    regie: Regie, printer: str
) -> None:
    """The same from the desktop app: Invoices area, Ctrl+Shift+M (monthly statements, the
    last month is proposed), Alt+P (the Print choice), Down (« all at once on the default
    printer, no dialog »), Enter: one job, no dialog per customer."""
    from tests.journeys.test_screens import areas, xdotool_keys

    month = last_month()
    jobs = pdf_jobs()
    regie.start()
    main = regie.wait_window("Régie")
    regie.focus(main)
    before = regie.display.picture()
    regie.key(xdotool_keys(dict(areas())["invoices"]))
    regie.display.wait_settled(before, "the invoices area")
    shown = set(regie.windows())
    regie.key("ctrl+shift+m")
    dialog = regie.wait_window_not_in(shown)
    regie.focus(dialog)
    regie.key(regie.mnemonic("StatementsDialog", "&Print:"), "Down")
    regie.display.wait_settled(b"", "the print choice")
    regie.screenshot("statements-dialog", dialog)
    regie.key("Return")
    (printed,) = wait_new_pdfs(jobs, count=1, timeout=PRINT_DEADLINE, named=month)
    regie.screenshot("statements-printed")
    written = sorted((regie.home / "Documents").rglob("*.pdf"))
    names = [p.name for p in written]
    assert f"releves-{month}.pdf" in names, f"written under ~/Documents: {names}"
    assert any(name.startswith(f"releve-{month}-") for name in names)
    merged = next(p for p in written if p.name == f"releves-{month}.pdf")
    assert pdf_pages(printed) == pdf_pages(merged)
    assert len([p for p in pdf_jobs() - jobs if month in p.name]) == 1
    render_pdf(printed, regie.shots, "printed-statements")
