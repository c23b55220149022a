"""``regie invoices list`` is paged (issue 14): ``--limit``/``--offset`` cut the documents
in number order — with ``--status`` and ``--customer`` too — and the figures of each row are
the ones of the whole list; the text says how many more there are."""

from __future__ import annotations

import json
import random

import pytest

from app.bootstrap import open_context
from app.cli import main
from app.demo.booking import make_siret
from tests.invoicing.conftest import book, customer


@pytest.fixture
def issued(coop, db_path, clock, monkeypatch, tmp_path, capsys):
    """Four invoices (two customers), the second paid and the third credited in full: the
    CLI's clock is the test clock."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    rng = random.Random(5)
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(rng))
    customer(coop, "C-ADH", "Association Lumière", member_from="2026-01-01", siret=make_siret(rng))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    monkeypatch.setattr("app.cli.invoicing.open_context", fixed_context)
    numbers = []
    for n, who in enumerate(("C-PRO", "C-ADH", "C-PRO", "C-ADH")):
        ref = book(coop, clock, who, {"LYRE": 1})
        out = tmp_path / f"{n}.pdf"
        assert main(["invoice", ref, "--out", str(out), "--json"]) == 0
        numbers.append(json.loads(capsys.readouterr().out))
    assert main(["payments", "add", numbers[1]["number"], numbers[1]["gross_total"]]) == 0
    credit = ["credit-note", numbers[2]["number"], "--out", str(tmp_path / "c.pdf"), "--json"]
    assert main(credit) == 0
    capsys.readouterr()
    return numbers


def listed(capsys, *argv: str) -> list[dict]:
    assert main(["invoices", "list", *argv, "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


@pytest.mark.both_engines
def test_pages_are_slices_of_the_whole_list_whatever_the_filters(issued, capsys) -> None:
    whole = listed(capsys)
    assert len(whole) == 5  # four invoices and a credit note
    assert listed(capsys, "--limit", "2", "--offset", "1") == whole[1:3]
    assert listed(capsys, "--offset", "4") == whole[4:]
    for filters in (["--status", "issued"], ["--customer", "C-PRO"], ["--status", "paid"]):
        every = listed(capsys, *filters)
        assert every, filters
        assert listed(capsys, *filters, "--limit", "1", "--offset", "1") == every[1:2]
        assert listed(capsys, *filters, "--offset", "1") == every[1:]
    unpaid = listed(capsys, "--status", "issued")
    assert [d["number"] for d in unpaid] == [issued[0]["number"], issued[3]["number"]]


def test_the_text_says_how_many_more_documents_there_are(issued, capsys) -> None:
    assert main(["invoices", "list", "--limit", "2"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2
    assert err.splitlines() == ["… 3 more: --offset 2"]
    assert main(["invoices", "list", "--status", "issued", "--limit", "1"]) == 0
    out, err = capsys.readouterr()
    assert issued[0]["number"] in out and err.splitlines() == ["… 1 more: --offset 1"]
