"""On a laptop's screen (1366 x 768) the booking's "Pricing and deposit" dialog fits, its
Close button in sight: the pricing and deposit boxes scroll instead of growing the dialog
past the screen (in French it was 774 px tall, Close cut off)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pricing_dialog_fits_a_laptop_screen(
    db_path: Path, tmp_path: Path, language: str
) -> None:
    screen = tmp_path / "laptop.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # the geometry keeper's settings: this test's own
    probe = Path(__file__).with_name("pricing_probe.py")
    done = subprocess.run(
        [sys.executable, str(probe), str(db_path), language],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert QRect(0, 0, 1366, 768).contains(QRect(*found["frame"])), found
    assert found["needed"][1] <= 700, found
