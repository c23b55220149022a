"""Issuing is atomic from the user's point of view (issue 11): a failure after the number
is taken never leaves an issued invoice behind a failed command without saying so. What
can be checked is checked before issuing (the --out folder, a closed standard output);
a disk refusing the PDF inside the write transaction issues nothing; what fails after the
commit (the rename, standard output) says that the document WAS issued, its number and how
to get its PDF, exit 1. Real processes check what exists afterwards with
``regie invoices list --json``."""

from __future__ import annotations

import errno
import json
import os
import subprocess

import pytest

from tests.invoicing.cli_helpers import process_env, regie, regie_command, run, snapshot, use_cli
from tests.invoicing.conftest import book


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    return use_cli(coop, db_path, clock, monkeypatch)


def listed(db_path, home) -> list[dict]:
    done = regie(db_path, home, "invoices", "list", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- in-process: each failure point ------------------------------------------------------


def test_a_disk_refusing_the_pdf_inside_the_transaction_issues_nothing(
    cli, coop, db_path, tmp_path, capsys, monkeypatch
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    before = snapshot(db_path)

    def full(self, target, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr("app.cli.delivery.PendingFiles.write", full)
    status, _, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"))
    assert status == 1 and "disk is full" in err
    assert snapshot(db_path) == before
    assert [p.name for p in tmp_path.iterdir() if ".pdf" in p.name] == []


def test_a_rename_failing_after_the_commit_says_it_was_issued(
    cli, coop, db_path, tmp_path, capsys, monkeypatch
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})

    def refuse(src, dst):
        raise OSError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr("app.cli.delivery.os.replace", refuse)
    status, out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"))
    assert status == 1 and err.count("\n") == 1
    assert "FA-2026-00001 was issued" in err and "could not be written to" in err
    assert "regie invoices pdf FA-2026-00001 --out FILE" in err
    assert out.startswith("FA-2026-00001")  # the summary still says what was issued
    assert [p.name for p in tmp_path.iterdir() if ".pdf" in p.name] == []  # no temp left
    status, shown, _ = run(capsys, "invoices", "list", "--json")
    assert [d["number"] for d in shown] == ["FA-2026-00001"]


def test_standard_output_failing_after_the_commit_says_it_was_issued(
    cli, coop, db_path, tmp_path, capsys, monkeypatch
):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})

    def closed(shown, args):
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr("app.cli.invoicing._issued", closed)
    monkeypatch.setattr("app.cli.delivery.silence_stdout", lambda: None)  # pytest's capture
    out = tmp_path / "f.pdf"
    status, _, err = run(capsys, "invoice", ref, "--out", str(out), "--json")
    assert status == 1
    assert "FA-2026-00001 was issued" in err and "standard output is closed" in err
    assert out.read_bytes().startswith(b"%PDF")  # the PDF was written all the same


# --- real processes ------------------------------------------------------------------------


def test_a_folder_that_does_not_exist_is_refused_before_issuing(cli, coop, db_path, tmp_path):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    done = regie(db_path, tmp_path, "invoice", ref, "--out", "/nonexistent/dir/x.pdf")
    assert done.returncode == 1 and "does not exist" in done.stderr
    assert done.stderr.count("\n") == 1
    assert listed(db_path, tmp_path) == []


def test_a_closed_standard_output_issues_nothing(cli, coop, db_path, tmp_path):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read what regie writes
    try:
        done = regie(
            db_path,
            tmp_path,
            "invoice",
            ref,
            "--json",
            "--out",
            str(tmp_path / "f.pdf"),
            stdout=write_end,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert "Standard output is closed" in done.stderr and "nothing was issued" in done.stderr
    assert listed(db_path, tmp_path) == []
    assert not (tmp_path / "f.pdf").exists()


def test_piped_into_head_it_is_either_not_issued_or_said_to_be(cli, coop, db_path, tmp_path):
    """``regie invoice REF --json | head -c 0``: head ends at once; whichever way the race
    goes, the command fails (exit 1) and says what happened."""
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 1})
    command = " ".join(
        [*regie_command(), "invoice", ref, "--json", "--out", str(tmp_path / "f.pdf")]
    )
    done = subprocess.run(
        ["bash", "-c", f'{command} | head -c 0; exit "${{PIPESTATUS[0]}}"'],
        env=process_env(db_path, tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    issued = listed(db_path, tmp_path)
    if issued:
        number = issued[0]["number"]
        assert f"{number} was issued" in done.stderr
        assert f"regie invoices pdf {number} --out FILE" in done.stderr
    else:
        assert "nothing was issued" in done.stderr


def test_credit_note_by_lines_and_cancel_in_real_processes(cli, coop, db_path, tmp_path):
    ref = book(coop, cli["clock"], "C-PRO", {"LYRE": 4, "GAFFER": 2})
    done = regie(db_path, tmp_path, "invoice", ref, "--out", str(tmp_path / "f.pdf"), "--json")
    assert done.returncode == 0, done.stderr
    number = json.loads(done.stdout)["number"]

    done = regie(db_path, tmp_path, "credit-note", number, "--line", "1:x", "--out", "a.pdf")
    assert done.returncode == 2 and "--line 1:x" in done.stderr
    done = regie(db_path, tmp_path, "credit-note", number, "--amount", "10", "--out", "a.pdf")
    assert done.returncode == 1 and "say which with --line" in done.stderr
    assert len(listed(db_path, tmp_path)) == 1

    out = tmp_path / "avoir.pdf"
    done = regie(
        db_path,
        tmp_path,
        "credit-note",
        number,
        "--line",
        "1:1",
        "--line",
        "2=5",
        "--reason",
        "Une lyre en panne, geste sur le gaffer",
        "--out",
        str(out),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    note = json.loads(done.stdout)
    assert [(ln["quantity"], ln["net"]) for ln in note["lines"]] == [("1", "90.00"), ("1", "5.00")]
    assert out.read_bytes().startswith(b"%PDF")

    done = regie(db_path, tmp_path, "bookings", "cancel", ref)
    assert done.returncode == 1 and "--credit-note" in done.stderr
    done = regie(
        db_path,
        tmp_path,
        "bookings",
        "cancel",
        ref,
        "--credit-note",
        "--out",
        str(tmp_path / "c.pdf"),
    )
    assert done.returncode == 0, done.stderr
    assert "cancelled" in done.stdout and "Credit note" in done.stdout
    docs = listed(db_path, tmp_path)
    assert [d["kind"] for d in docs] == ["invoice", "credit_note", "credit_note"]
    assert docs[0]["balance"] == "0.00"
