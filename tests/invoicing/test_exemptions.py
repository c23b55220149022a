"""Exempt item types (VAT category E, their legal article printed): set from the CLI
(``regie pricing exempt``) or the item type's rates form, kept when the form has no such
field, refused without an article or without day rates."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.cli import main
from app.core.errors import ValidationError
from invoicing import item_rates, vat_rules
from tests import factories

USER = "manager"
ARTICLE = "article 261-4-4° a du CGI"


@pytest.fixture
def par(db):
    item_id = factories.item(db, "PAR64", "Projecteur PAR 64")
    return item_id


def save(db, raw):
    parsed = item_rates.parse_item_rates(raw)
    with db.write() as uow:
        item_rates.save_item_rates(uow, user=USER, item_code="PAR64", rates_=parsed)


def exemption(db, item_id):
    with db.read() as uow:
        return item_rates.item_rates(uow, item_id).exemption


def test_the_form_sets_keeps_and_clears_the_exemption(db, par):
    save(db, {"member": "10", "non_member": "15", "vat_exemption": f"  {ARTICLE} "})
    assert exemption(db, par) == ARTICLE
    with db.read() as uow:
        assert vat_rules.exemptions(uow, ["PAR64", "OTHER"]) == {"PAR64": ARTICLE}
    save(db, {"member": "12", "non_member": "15"})  # a form without the field
    assert exemption(db, par) == ARTICLE
    save(db, {"member": "12", "non_member": "15", "vat_exemption": ""})
    assert exemption(db, par) == ""


def test_an_exemption_needs_an_article_and_day_rates(db, par):
    with pytest.raises(ValidationError, match="legal article"):
        item_rates.parse_item_rates({"member": "1", "non_member": "2", "vat_exemption": "oui"})
    with pytest.raises(ValidationError) as refused, db.write() as uow:
        item_rates.set_exemption(uow, user=USER, item_code="PAR64", article=ARTICLE)
    assert refused.value.field == "VAT exemption"


def test_the_printed_wording_of_an_article(db):
    assert vat_rules.exemption_wording("Article 261 C du CGI") == (
        "Exonération de TVA, article 261 C du CGI"
    )
    assert vat_rules.exemption_wording("Exonération de TVA, art. 261-7 du CGI") == (
        "Exonération de TVA, art. 261-7 du CGI"
    )


def test_the_cli_refuses_an_unknown_item_type_and_changes_nothing(
    db, db_path, par, capsys, monkeypatch, qapp
):
    monkeypatch.setenv("REGIE_DB", str(db_path))
    save(db, {"member": "10", "non_member": "15"})

    def rows():
        with db.read() as uow:
            return uow.session.connection().execute(text("SELECT * FROM item_rate")).all()

    before = rows()
    assert main(["pricing", "exempt", "NOPE", "--article", ARTICLE]) == 1
    assert "NOPE" in capsys.readouterr().err
    assert main(["pricing", "exempt", "PAR64", "--article", "exonéré"]) == 1
    assert "legal article" in capsys.readouterr().err
    assert rows() == before
    assert main(["pricing", "exempt", "PAR64", "--article", ARTICLE, "--json"]) == 0
    assert '"vat_exemption": "article 261-4-4° a du CGI"' in capsys.readouterr().out
