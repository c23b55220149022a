"""Day rates as a spreadsheet: a French office's file (Windows-1252, semicolons, decimal
commas, its own headers) imports all or nothing with every bad line named; export then
import is unchanged (CSV and .xlsx); price categories are columns; the CLI from the
outside; the importers' registry lists every kind."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core import tabular
from app.core.access import Actor, Role
from app.core.errors import DomainError, NotFound, ValidationErrors
from invoicing import imports, item_rates, rates, rates_io
from tests.invoicing.cli_helpers import regie, run
from tests.invoicing.conftest import USER

FRENCH = (
    "Référence;Désignation;Tarif adhérent;Tarif public;TVA;Tarif Communes partenaires\r\n"
    "LYRE;Lyre wash LED;32,50;47;5,5 %;40\r\n"
    "gaffer;Gaffer noir;1 234,50 €;2000;;\r\n"
)


@pytest.fixture
def priced(coop):
    with coop.write() as uow:
        rates.create_price_category(uow, user=USER, code="COMMUNES", name="Communes partenaires")
    return coop


def table(content: str, name: str = "tarifs.csv", encoding: str = "cp1252") -> tabular.Table:
    return tabular.read_table(content.encode(encoding), name)


def rates_of(db, code: str) -> item_rates.ItemRates:
    from inventory.catalogue import item_by_code

    with db.read() as uow:
        return item_rates.item_rates(uow, item_by_code(uow, code).id)


def exported(db, name: str = "tarifs.csv") -> bytes:
    with db.read() as uow:
        return rates_io.export_rates(uow, name)[0]


@pytest.mark.both_engines
def test_a_french_file_sets_the_rates(priced):
    with priced.write() as uow:
        done = rates_io.import_rates(uow, table(FRENCH))
    assert [(c.line, c.action, c.key) for c in done.changes] == [
        (2, "update", "LYRE"),
        (3, "create", "GAFFER"),
    ]
    lyre = rates_of(priced, "LYRE")
    assert (lyre.member, lyre.non_member, lyre.vat) == (3250, 4700, Decimal("5.50"))
    assert [(c.code, c.day_cents) for c in lyre.categories] == [("COMMUNES", 4000)]
    gaffer = rates_of(priced, "GAFFER")
    assert (gaffer.member, gaffer.non_member, gaffer.vat) == (123450, 200000, None)
    assert [(c.code, c.day_cents) for c in gaffer.categories] == [("COMMUNES", None)]
    with priced.write() as uow:
        again = rates_io.import_rates(uow, table(FRENCH))
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 2}


@pytest.mark.both_engines
@pytest.mark.parametrize("name", ["tarifs.csv", "tarifs.xlsx"])
def test_export_then_import_is_unchanged(priced, name):
    with priced.write() as uow:
        rates_io.import_rates(uow, table(FRENCH))
        item_rates.set_exemption(
            uow, user=USER, item_code="LYRE", article="article 261-4-4° a du CGI"
        )
    data = exported(priced, name)
    with priced.write() as uow:
        done = rates_io.import_rates(uow, tabular.read_table(data, name))
    assert done.counts() == {"created": 0, "updated": 0, "unchanged": 2}
    assert exported(priced, name) == data or name.endswith(".xlsx")
    headers = tabular.read_table(data, name).headers
    assert headers == [
        "code",
        "name",
        "member",
        "non_member",
        "vat",
        "exemption",
        "category:COMMUNES",
    ]
    assert rates_of(priced, "LYRE").exemption == "article 261-4-4° a du CGI"


def test_every_bad_line_is_named_and_nothing_is_written(priced):
    before = exported(priced)
    bad = (
        "code;member;non_member;vat;COMMUNES\n"
        "NOPE;1;2;;\n"  # 2: unknown item type
        "LYRE;-1;2;;\n"  # 3: negative
        "GAFFER;3;;;\n"  # 4: one rate without the other
        "LYRE;1;1;;\n"  # 5: LYRE twice
        "GAFFER;1;2;120;\n"  # 6: not a percentage
        "GAFFER;;;20;\n"  # 7: a VAT rate without rates
        "GAFFER;1;2;;abc\n"  # 8: a category's rate not an amount
        "GAFFER;1,234;2;;\n"  # 9: three decimals
    )
    with pytest.raises(ValidationErrors) as caught, priced.write() as uow:
        rates_io.import_rates(uow, table(bad, encoding="utf-8"))
    named = {line: str(err) for line, err in caught.value.errors}
    assert sorted(named) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert "'code'" in named[2] and "NOPE" in named[2]
    assert "'member'" in named[3] and "negative" in named[3]
    assert "'non_member'" in named[4]
    assert "line 3" in named[5]
    assert "'vat'" in named[6]
    assert "'member'" in named[7]
    assert "'COMMUNES'" in named[8] and "abc" in named[8]
    assert "'member'" in named[9]
    assert exported(priced) == before


def test_mapping_names_headers_the_guess_misses(priced):
    content = "Article;Prix A;Prix B\nLYRE;10;20\n"
    with pytest.raises(ValidationErrors), priced.write() as uow:
        rates_io.import_rates(uow, table(content), {"member": "Prix A", "nope": "Prix B"})
    with priced.write() as uow:
        done = rates_io.import_rates(
            uow, table(content), {"member": "Prix A", "non_member": "Prix B"}
        )
    assert done.updated == 1
    assert (rates_of(priced, "LYRE").member, rates_of(priced, "LYRE").non_member) == (1000, 2000)


def test_a_category_column_of_a_new_category_creates_it(priced):
    content = "code;member;non_member;category:ASSO;category:communes\nLYRE;30;45;28;29,5\n"
    preview = tabular.rehearse(priced, lambda uow: rates_io.import_rates(uow, table(content)))
    assert [(c.line, c.action, c.key) for c in preview.changes] == [
        (1, "create", "category:ASSO"),
        (2, "update", "LYRE"),
    ]
    assert [c.code for c in rates_of(priced, "LYRE").categories] == ["COMMUNES"]
    with priced.write() as uow:
        rates_io.import_rates(uow, table(content))
    assert [(c.code, c.name, c.day_cents) for c in rates_of(priced, "LYRE").categories] == [
        ("ASSO", "ASSO", 2800),
        ("COMMUNES", "Communes partenaires", 2950),
    ]


def test_the_vat_column_left_out_keeps_the_stored_rate(priced):
    with priced.write() as uow:
        rates.set_item_rate(
            uow, user=USER, item_code="LYRE", member_day="30", non_member_day="45", vat_rate="10"
        )
        rates_io.import_rates(uow, table("code;member;non_member\nLYRE;31;46\n"))
    assert rates_of(priced, "LYRE").vat == Decimal("10.00")


def test_importing_needs_the_rates_permission(priced):
    before = exported(priced)
    priced.actor = Actor("lea", Role.STAFF)
    with pytest.raises(DomainError, match="manager"), priced.write() as uow:
        rates_io.import_rates(uow, table(FRENCH))
    assert exported(priced) == before


def test_the_registry_lists_every_kind(priced):
    keys = [kind.key for kind in imports.import_kinds()]
    assert keys == ["customers", "catalogue", "rates", "balances"]
    kind = imports.import_kind("rates")
    assert kind.importer is rates_io.import_rates
    assert kind.exporter is rates_io.export_rates
    assert [c.key for c in kind.columns][:4] == ["code", "name", "member", "non_member"]
    with priced.read() as uow:
        assert kind.columns_in(uow)[-1].key == "category:COMMUNES"
    balances = imports.import_kind("balances")
    assert {c.key for c in balances.columns if c.required} == {
        "customer",
        "reference",
        "issue_date",
        "amount",
    }
    assert callable(balances.importer)
    with pytest.raises(NotFound):
        imports.import_kind("planets")


# --- the command line ------------------------------------------------------------------------


def test_cli_preview_import_and_refusal(priced, db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    source = tmp_path / "tarifs.csv"
    source.write_bytes(FRENCH.encode("cp1252"))
    status, shown, _ = run(capsys, "rates", "import", str(source), "--preview", "--json")
    assert status == 0 and shown["preview"] is True
    assert (shown["created"], shown["updated"]) == (1, 1)
    assert rates_of(priced, "LYRE").member == 3000  # nothing written
    status, out, _ = run(capsys, "rates", "import", str(source))
    assert status == 0 and "Imported: 1 created, 1 updated, 0 unchanged." in out
    assert rates_of(priced, "LYRE").member == 3250
    bad = tmp_path / "bad.csv"
    bad.write_text("code;member;non_member\nLYRE;1;2\nNOPE;1;2\n", encoding="utf-8")
    status, _out, err = run(capsys, "rates", "import", str(bad))
    assert status == 1 and "line 3" in err and "NOPE" in err and "Traceback" not in err
    assert rates_of(priced, "LYRE").member == 3250
    status, _out, err = run(capsys, "rates", "import", str(bad), "--map", "member")
    assert status == 2


def test_a_real_process_exports_and_imports(priced, db_path, tmp_path):
    out = tmp_path / "tarifs.xlsx"
    done = regie(db_path, tmp_path, "rates", "export", str(out))
    assert done.returncode == 0, done.stderr
    assert "item types" in done.stdout and out.read_bytes().startswith(b"PK")
    done = regie(db_path, tmp_path, "rates", "import", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert '"unchanged": 2' in done.stdout  # the item type without a rate too
