"""A public buyer's invoice without its service code or commitment number is issued (only
the buyer knows whether it requires them) with a warning on stderr for each, in a real
``regie`` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

FR_SIRET = "73282932000074"
ADDRESS = ("--address", "1 place de la Mairie", "--postcode", "15100", "--city", "Saint-Flour")


def test_regie_invoice_warns_about_a_public_buyers_missing_references(coop, db_path, tmp_path):
    env = {**os.environ, "REGIE_DB": str(db_path), "REGIE_LANG": "en"}

    def regie(*argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "app", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, (argv, done.stderr)
        return done

    regie(
        "customers", "add", "--name", "Commune", "--number", "C-COM", "--category", "commune",
        "--siret", FR_SIRET, "--public-buyer", *ADDRESS, "--json",
    )  # fmt: skip
    ref = json.loads(
        regie(
            "bookings", "create", "--customer", "C-COM", "--from", "2030-03-01T09:00",
            "--to", "2030-03-03T18:00", "--line", "LYRE=1", "--confirm", "--json",
        ).stdout
    )["ref"]  # fmt: skip
    done = regie("invoice", ref, "--out", str(tmp_path / "x.pdf"))
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 2, done.stderr
    assert "service code" in warnings[0] and "commitment" in warnings[1]
    assert "issued" in done.stdout and (tmp_path / "x.pdf").exists()
    # with both references, nothing to warn about
    ref2 = json.loads(
        regie(
            "bookings", "create", "--customer", "C-COM", "--from", "2030-04-01T09:00",
            "--to", "2030-04-03T18:00", "--line", "LYRE=1", "--order-ref", "EJ-2",
            "--confirm", "--json",
        ).stdout
    )["ref"]  # fmt: skip
    regie("customers", "edit", "C-COM", "--service-code", "SERV-CULTURE")
    done = regie("invoice", ref2, "--out", str(tmp_path / "y.pdf"), "--json")
    assert "warning" not in done.stderr
    assert json.loads(done.stdout)["number"]
