"""Output files are written whole or not at all (app.core.files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.files import atomic_write, atomic_write_bytes, replacing


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    atomic_write_bytes(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF new"
    assert _leftovers(tmp_path, {"out.pdf"}) == []


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    atomic_write(target, lambda temp: temp.write_text("new"))
    assert target.read_text() == "new"
    assert _leftovers(tmp_path, {"out.csv"}) == []


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old report")

    def half_then_fail(temp: Path) -> None:
        temp.write_bytes(b"half of the new")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        atomic_write(target, half_then_fail)
    assert target.read_bytes() == b"old report"
    assert _leftovers(tmp_path, {"report.xlsx"}) == []


def test_an_interruption_leaves_nothing_when_there_was_no_file(tmp_path: Path) -> None:
    target = tmp_path / "note.pdf"
    with pytest.raises(KeyboardInterrupt), replacing(target) as temp:
        temp.write_bytes(b"partial")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_the_temporary_file_is_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.pdf"
    target.parent.mkdir()
    seen: list[Path] = []
    atomic_write(target, lambda temp: seen.append(temp) or temp.write_bytes(b"x"))
    assert seen[0].parent == target.parent
    assert not seen[0].exists()


def test_a_relative_target_in_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    atomic_write_bytes("plain.csv", b"a;b\n")
    assert (tmp_path / "plain.csv").read_bytes() == b"a;b\n"
    assert _leftovers(tmp_path, {"plain.csv"}) == []
