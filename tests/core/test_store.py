"""The store: pragmas, migrations with backup, schema matching the models."""

from __future__ import annotations

import datetime as dt
import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import app.core.settings  # noqa: F401  (registers the settings table)
import booking.models  # noqa: F401
import inventory.models  # noqa: F401
import invoicing.models  # noqa: F401
from app.core import migrate
from app.core.migrate import open_database


def test_head_constant_matches_the_scripts():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_current_head() == migrate.HEAD


def test_pragmas_wal_foreign_keys_busy_timeout(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # a statement waits a moment; a write waits for the lock much longer (REGIE_BUSY_TIMEOUT)
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as uow:
        uow.session.connection().exec_driver_sql(
            "INSERT INTO unit (item_type_id, barcode, serial, status, location, "
            "condition_notes) VALUES (999, 'X1', '', 'in_service', '', '')"
        )
    with db.read() as uow:
        count = uow.session.connection().exec_driver_sql("SELECT count(*) FROM unit").scalar()
    assert count == 0


def test_migrated_schema_matches_the_models(db):
    with db.engine.connect() as conn, warnings.catch_warnings():
        # the upper(code) indexes of migration 0008 are expressions, which SQLAlchemy does
        # not reflect on SQLite (nor do the models declare them)
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def _fill_first_revision(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO owner (id, name, notes) VALUES (1, 'Compagnie du Rocher', '');
        INSERT INTO item_type (id, code, name, category, manufacturer, model, tracking,
            replacement_value_cents, deposit_cents, weight_grams, notes, stock_quantity,
            barcode, sale_price_cents, prep_hours, deprep_hours)
        VALUES (1, 'LYRE', 'Lyre wash', 'lighting', 'Robe', 'Robin 600', 'serialized',
                450000, 50000, 23000, '', 0, NULL, 0, 2, 2),
               (2, 'DMX10', 'Câble DMX 10 m', 'cables', '', '', 'bulk',
                2500, 0, 800, '', 40, 'CAB-00001', 0, 0, 0);
        INSERT INTO unit (id, item_type_id, barcode, serial, status, location, purchase_date,
            purchase_price_cents, condition_notes, owner_id)
        VALUES (1, 1, 'LUM-00001', 'SN1', 'in_service', 'A-01', '2020-03-01', 400000, '', 1),
               (2, 1, 'LUM-00002', 'SN2', 'in_repair', 'A-01', NULL, NULL, 'lens', NULL);
        INSERT INTO setting (key, value) VALUES ('cooperative.name', 'Coop test');
        """
    )
    conn.commit()
    conn.close()


def _rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in cols if c != "case_id"]
        return conn.execute(f"SELECT {', '.join(keep)} FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_upgrade_from_first_migration_keeps_every_row(tmp_path):
    path = tmp_path / "old.db"
    open_database(path, revision="0001_catalogue").dispose()
    _fill_first_revision(path)
    before = {t: _rows(path, t) for t in ("owner", "item_type", "unit", "setting")}

    db = open_database(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD
        after = {t: _rows(path, t) for t in before}
        assert after == before
        backups = list(tmp_path.glob("old.db.0001_catalogue.*.bak"))
        assert len(backups) == 1
        assert _rows(backups[0], "unit") == before["unit"]
        with db.write() as uow:  # the new tables work on the upgraded file
            uow.session.connection().exec_driver_sql(
                'INSERT INTO "case" (barcode, name, permanent, location, notes) '
                "VALUES ('CASE-1', 'Rack ampli', 1, '', '')"
            )
            uow.session.connection().exec_driver_sql("UPDATE unit SET case_id = 1 WHERE id = 1")
    finally:
        db.dispose()


def test_opening_a_current_database_takes_no_backup(db_path, tmp_path):
    open_database(db_path).dispose()
    assert not list(tmp_path.glob("*.bak"))


def test_write_rolls_back_on_error(db):
    from app.core.settings import get_setting, set_setting

    with pytest.raises(RuntimeError), db.write() as uow:
        set_setting(uow, "cooperative.name", "Changed")
        raise RuntimeError("boom")
    with db.read() as uow:
        assert get_setting(uow, "cooperative.name") == "Régie"


def test_add_months_clamps_to_month_end():
    from app.core.dates import add_months

    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 12) == dt.date(2027, 11, 30)
    assert add_months(dt.date(2024, 2, 29), -12) == dt.date(2023, 2, 28)
