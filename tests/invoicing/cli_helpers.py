"""Helpers shared by the issue-11 tests of credit notes, cancellation and damage-only
invoices: the CLI on a test database (in-process), the desk steps that make damage and
loss charges, reading an issued document back (frozen document, XML root via lxml)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import text
from sqlmodel import select

from app.bootstrap import open_context
from app.cli import main
from app.core.clock import PARIS, FixedClock
from app.core.migrate import open_database
from app.demo.booking import make_siret
from booking import desk
from booking.models import Condition
from inventory.models import Unit
from invoicing import charges, issuing
from tests.invoicing.conftest import USER, customer

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}
TABLES = (
    "issued_document",
    "issued_line",
    "document_file",
    "document_sequence",
    "payment",
    "booking",
)
OUT_CLOCK = FixedClock(dt.datetime(2026, 12, 1, 9, 30, tzinfo=PARIS))
BACK_CLOCK = FixedClock(dt.datetime(2026, 12, 5, 17, 0, tzinfo=PARIS))


def use_cli(coop, db_path, clock, monkeypatch) -> dict[str, Any]:
    """``regie`` in-process on the test database, its clock ``state["clock"]``; C-PRO, a
    company known by its SIRET (the French CTC rules want it in the XML)."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    customer(coop, "C-PRO", "Compagnie du Rocher", siret=make_siret(random.Random(5)))
    state: dict[str, Any] = {"clock": clock}

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = state["clock"]
        return ctx

    for module in ("app.cli.invoicing", "app.cli.cancellation"):
        monkeypatch.setattr(f"{module}.open_context", fixed_context)
    return state


def run(capsys, *argv: str) -> tuple[int, Any, str]:
    """(exit status, parsed JSON or stdout, stderr); a usage error's exit status too."""
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    if "--json" in argv and status == 0:
        return status, json.loads(out), err
    return status, out, err


def snapshot(path) -> dict[str, list[Any]]:
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}
    finally:
        db.dispose()


def read_back(db, number: str):
    """(frozen document, XML root, XML bytes) of an issued document."""
    with db.read() as uow:
        row = issuing.issued_by_number(uow, number)
        xml = issuing.files_of(uow, row.id).xml
        return issuing.frozen_document(row), etree.fromstring(xml), xml


def xpath(root, path: str) -> list[Any]:
    return root.xpath(path, namespaces=NS)


def damage_and_loss(db, ref: str, *, amount: str = "85.00") -> None:
    """Every LYRE unit of the test catalogue goes out on ``ref`` (booked for as many);
    back on time: one damaged (a charge of ``amount`` recorded), one missing, the rest
    good."""
    with db.read() as uow:
        codes = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))]
    wanted = []
    for code in codes:
        with db.write() as uow:
            if desk.check_out(uow, user=USER, reference=ref, code=code, clock=OUT_CLOCK).ok:
                wanted.append(code)
    assert len(wanted) >= 3
    with db.write() as uow:
        desk.check_in(uow, user=USER, code=wanted[0], condition=Condition.DAMAGED, clock=BACK_CLOCK)
        desk.check_in(uow, user=USER, code=wanted[1], condition=Condition.MISSING, clock=BACK_CLOCK)
        for code in wanted[2:]:
            desk.check_in(uow, user=USER, code=code, clock=BACK_CLOCK)
        charges.record_damage_charge(
            uow,
            user=USER,
            reference=ref,
            item_code="LYRE",
            amount=amount,
            description="lentille fêlée",
            clock=BACK_CLOCK,
        )


# --- a real process --------------------------------------------------------------------


def regie_command() -> list[str]:
    script = Path(sys.executable).with_name("regie")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]


def process_env(db_path: Path, home: Path) -> dict[str, str]:
    # the login stays (on PostgreSQL the db_path fixture logs the CLI in as its admin)
    kept = ("REGIE_USER", "REGIE_PASSWORD")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_") or k in kept}
    env.update(
        REGIE_DB=str(db_path),
        REGIE_LANG="en",
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    env.pop("DISPLAY", None)
    return env


def regie(db_path: Path, home: Path, *args: str, stdout: Any = subprocess.PIPE):
    """``regie ARGS`` in its own process (the real clock)."""
    done = subprocess.run(
        [*regie_command(), *args],
        env=process_env(db_path, home),
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done
