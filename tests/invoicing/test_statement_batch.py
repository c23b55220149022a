"""A month's statements for many customers (issue 14): read in bulk, drawn in parallel
processes, the merged PDF concatenated as bytes — the same statements, files, pages and
text as one by one in this process; a cancel in the middle of the processes' work leaves
no file; a statement the fast concatenation cannot copy is merged by pypdf instead."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlmodel import select

from app.bench.benchmarks import BENCH_CLOCK
from app.core.errors import NotFound
from booking.models import Customer
from invoicing import pdf_concat, statements
from tests.invoicing import test_statements
from tests.invoicing.test_statements import TODAY, _id, page_count, pdf_text

ledger = test_statements.ledger  # the fixtures: a hand-computed ledger


@pytest.mark.both_engines
def test_statements_in_bulk_are_the_statements_one_by_one(coop, ledger):
    pub, mem = _id(coop, "C-PUB"), _id(coop, "C-MEM")
    with coop.read() as uow:
        for month in ("2026-09", "2026-10", "2026-11", "2026-12"):
            alone = [statements.statement(uow, i, month, today=TODAY) for i in (pub, mem)]
            assert statements.statements_for(uow, [pub, mem], month, today=TODAY) == alone
        # in the order asked for
        both = statements.statements_for(uow, [mem, pub], "2026-11", today=TODAY)
        assert [st.customer.number for st in both] == ["C-MEM", "C-PUB"]
        with pytest.raises(NotFound):
            statements.statements_for(uow, [pub, 999_999], "2026-11", today=TODAY)


def _written(result) -> list[tuple[str, str, int]]:
    return [(t.file.name, t.number, t.pages) for t in result.totals]


@pytest.mark.both_engines
def test_processes_write_the_same_files_in_the_same_order(coop, ledger, tmp_path):
    here = statements.run_batch(coop, "2026-11", tmp_path / "here", today=TODAY, processes=1)
    seen: list[tuple[int, int]] = []
    pooled = statements.run_batch(
        coop,
        "2026-11",
        tmp_path / "pool",
        today=TODAY,
        processes=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert _written(pooled) == _written(here)
    assert [(name, number) for name, number, _ in _written(pooled)] == [
        ("releve-2026-11-C-MEM.pdf", "C-MEM"),
        ("releve-2026-11-C-PUB.pdf", "C-PUB"),
    ]
    assert [t.pages for t in pooled.totals] == [page_count(p) for p in pooled.files]
    assert [t.closing for t in pooled.totals] == [t.closing for t in here.totals]
    for a, b in zip(here.files, pooled.files, strict=True):
        assert pdf_text(a) == pdf_text(b)
    # the merged PDF: every statement, in customer order, nothing else
    assert pooled.merged is not None and here.merged is not None
    assert pdf_text(pooled.merged) == "".join(pdf_text(p) for p in pooled.files)
    pages = sum(t.pages for t in pooled.totals)
    assert page_count(pooled.merged) == page_count(here.merged) == pages


def test_a_cancel_while_processes_draw_leaves_no_file(coop, ledger, tmp_path):
    out = tmp_path / "releves"

    class Stop(Exception):
        pass

    def progress(done: int, _total: int) -> None:
        if done == 1:
            raise Stop()

    with pytest.raises(Stop):
        statements.run_batch(coop, "2026-11", out, today=TODAY, processes=2, progress=progress)
    assert not out.exists()


def test_a_statement_that_cannot_be_copied_is_merged_by_pypdf(coop, ledger, tmp_path, monkeypatch):
    def refuse(self, data: bytes) -> int:
        raise pdf_concat.NotSimple("not this one")

    monkeypatch.setattr(pdf_concat.Concatenation, "add", refuse)
    result = statements.run_batch(coop, "2026-11", tmp_path / "out", today=TODAY)
    assert result.merged is not None
    assert page_count(result.merged) == sum(t.pages for t in result.totals)
    assert pdf_text(result.merged) == "".join(pdf_text(p) for p in result.files)
    reader = PdfReader(result.merged)
    root = reader.trailer["/Root"]
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"


def test_the_concatenation_refuses_what_it_cannot_copy():
    skeleton = pdf_concat.skeleton(title="Relevés", author="Coop", subject="Relevés")
    for data in (b"", b"%PDF-1.7\nnonsense", pdf_concat.blank_page()[:-40]):
        with pytest.raises(pdf_concat.NotSimple):
            pdf_concat.concatenate([data], skeleton)


def test_the_concatenation_keeps_every_page_and_makes_a_pdfa():
    from reportlab.pdfgen.canvas import Canvas

    def pages(*texts: str) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pdfVersion=(1, 7))
        for text in texts:
            canvas.drawString(100, 700, text)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    skeleton = pdf_concat.skeleton(title="Relevés (1/2) é", author="Coop", subject="Tous")
    merged = pdf_concat.concatenate([pages("un", "deux"), pages("trois")], skeleton)
    reader = PdfReader(io.BytesIO(merged), strict=True)
    assert [p.extract_text().strip() for p in reader.pages] == ["un", "deux", "trois"]
    assert reader.metadata is not None and reader.metadata["/Title"] == "Relevés (1/2) é"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-FR" and reader.pdf_header == "%PDF-1.7"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>3</pdfaid:part>" in xmp


def test_the_bench_takes_the_busiest_month_and_completes_the_count(coop, ledger):
    from app.bench.statements import choose_1000

    with coop.read() as uow:
        customers = len(uow.session.exec(select(Customer.id)).all())
    month, ids, how = choose_1000(coop, count=customers + 5)
    with coop.read() as uow:
        listed = statements.customers_for_month(uow, month, today=BENCH_CLOCK.today())
    assert listed and ids[: len(listed)] == listed  # the month's statements first
    assert len(ids) == len(set(ids)) == customers  # then everyone else, once
    assert month in how
