"""``regie verify`` names the numbers that are missing: the last invoice deleted with its
lines, files and seals (the triggers dropped, then put back as they were) leaves no hole
inside the numbers still there, yet its number was given out: the check names it
("FA-2026-00003 is missing (the numbering of FA-2026 has a gap)"), and a run of missing
numbers is named by its first and last."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.invoicing.test_verify import cli, issued, tamper, verify  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def delete_documents(path, *numbers):
    """Delete documents, their lines, files, payments and seals behind Régie's back; the
    immutability triggers are dropped for it and created again as they were."""
    conn = sqlite3.connect(path)
    with conn:
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _sql in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for number in numbers:
            (doc_id,) = conn.execute(
                "SELECT id FROM issued_document WHERE number = ?", (number,)
            ).fetchone()
            conn.execute("DELETE FROM record_seal WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM payment WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM issued_line WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM document_file WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM issued_document WHERE id = ?", (doc_id,))
        for _name, sql in triggers:
            conn.execute(sql)
    conn.close()
    return path


def test_the_last_invoice_deleted_is_named(request, tmp_path):
    target = tamper(request.getfixturevalue("issued"), tmp_path / "last.db")
    delete_documents(target, "FA-2026-00003")
    status, out = verify(target)
    assert status == 1, out
    assert "FA-2026-00003 is missing (the numbering of FA-2026 has a gap)" in out.splitlines()
    status, out = verify(target, "--json")
    shown = json.loads(out)
    assert status == 1 and "FA-2026-00003" in shown["broken"]
    assert {
        "number": "FA-2026-00003",
        "problem": "FA-2026-00003 is missing (the numbering of FA-2026 has a gap)",
    } in shown["problems"]


def test_a_run_of_missing_numbers_is_named_by_its_ends(request, tmp_path):
    target = tamper(request.getfixturevalue("issued"), tmp_path / "run.db")
    delete_documents(target, "FA-2026-00002", "FA-2026-00003")
    status, out = verify(target)
    assert status == 1, out
    expected = "FA-2026-00002 to FA-2026-00003 are missing (the numbering of FA-2026 has a gap)"
    assert expected in out.splitlines()
    # the seals deleted from the middle of the chain: the next seal no longer links
    assert "FA-2026-00001: seal chain broken at seal 4" in out.splitlines()
