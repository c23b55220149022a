"""``regie backup`` and ``regie restore``: online backups, rotated, and restoring one (issue 12).

``regie backup [--out F] [--folder DIR] [--json]`` backs the database up (SQLite's online
backup, or ``pg_dump`` for a server), checks the copy as ``regie verify`` does, and keeps it
in the backup folder (rotated: 7 daily, 4 weekly, 12 monthly) or in ``--out F``;
``--folder DIR`` first makes DIR this workstation's backup folder for the database.
``regie backup --list [--json]`` shows the folder, the last good backup and the backups.

``regie restore F [--json]`` checks F (a Régie database, intact, not from a newer Régie),
migrates it if older, keeps the current database aside (``regie.db.before-restore-<stamp>``)
and puts F in its place; on a server, F goes into an empty database only.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import backup_jobs
from app.bootstrap import open_context
from app.cli.output import print_json
from app.core import backups, paths
from app.core.clock import Clock
from app.core.errors import StorageError
from app.i18n import tr


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "backup",
        help=tr("cli", "back the database up (checked, rotated in the backup folder)"),
    )
    parser.add_argument("--out", metavar="F", help=tr("cli", "write the backup into this file"))
    parser.add_argument(
        "--folder",
        metavar="DIR",
        help=tr(
            "cli", "make DIR this workstation's backup folder (a USB disk, a NAS), then back up"
        ),
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help=tr("cli", "show the backup folder, the last good backup and the backups"),
    )
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    parser.set_defaults(handler=backup, own_login=False)

    parser = commands.add_parser(
        "restore",
        help=tr(
            "cli", "put a backup in place of the database (checked; the current one kept aside)"
        ),
    )
    parser.add_argument("file", metavar="F", help=tr("cli", "the backup file"))
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    parser.set_defaults(handler=restore, own_login=True)


def _resolve(db_option: str | None) -> Path | str:
    """The database a command names: a file's path, or a server's URL."""
    return paths.resolve_db(db_option)


def _shown(target: str) -> str:
    """A file's path, or a server's URL without its password."""
    if "://" not in target:
        return target
    from sqlalchemy.engine import make_url

    return make_url(target).render_as_string(hide_password=True)


def _backup_json(item: backups.Backup, clock: Clock) -> dict[str, Any]:
    return {"path": str(item.path), "at": clock.to_local(item.at), "size": item.size}


def backup(args: argparse.Namespace) -> int:
    ctx = open_context(args.db, demo_if_new=False)
    try:
        if args.list:
            return _list(ctx.db, ctx.clock, args.json)
        if args.folder:
            folder = backups.set_folder(ctx.db, Path(args.folder))
            if not args.json:
                text = tr("cli", "Backup folder of this workstation: {folder}")
                print(text.format(folder=folder))
        made = backup_jobs.backup(ctx.db, ctx.clock, Path(args.out) if args.out else None)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(
            {
                "path": str(made.path),
                "at": ctx.clock.to_local(made.at),
                "size": made.size,
                "kind": made.kind,
                "verified": True,
                "removed": [str(p) for p in made.removed],
            }
        )
        return 0
    print(tr("cli", "Backed up and checked: {path}").format(path=made.path))
    if made.removed:
        text = tr("cli", "Older backups removed by the rotation: {count}")
        print(text.format(count=len(made.removed)))
    return 0


def _list(db: Any, clock: Clock, as_json: bool) -> int:
    state = backups.status(db)
    if as_json:
        print_json(
            {
                "folder": str(state.folder),
                "kind": state.kind,
                "last_good": _backup_json(state.last_good, clock) if state.last_good else None,
                "last_error": state.last_error or None,
                "backups": [_backup_json(b, clock) for b in state.backups],
            }
        )
        return 0
    print(tr("cli", "Backup folder: {folder}").format(folder=state.folder))
    if state.last_good is None:
        print(tr("cli", "No good backup yet."))
    else:
        text = tr("cli", "Last good backup: {path} ({when})")
        when = clock.to_local(state.last_good.at).strftime("%d/%m/%Y %H:%M")
        print(text.format(path=state.last_good.path, when=when))
    if state.last_error:
        print(tr("cli", "The last automatic backup failed: {error}").format(error=state.last_error))
    for item in state.backups:
        when = clock.to_local(item.at).strftime("%d/%m/%Y %H:%M:%S")
        print(f"{when}  {item.size:>12}  {item.path.name}")
    return 0


def restore(args: argparse.Namespace) -> int:
    target = _resolve(args.db)
    clock = Clock()
    live = None
    if isinstance(target, Path) and target.is_file() and target.stat().st_size > 0:
        try:  # the current database, when it opens: its account must be an administrator
            live = open_context(args.db, demo_if_new=False).db
        except StorageError:
            live = None  # damaged, not a database, newer: no account to ask (see backups)
    try:
        done = backup_jobs.restore(target, Path(args.file), clock, live)
    finally:
        if live is not None:
            live.dispose()
    if args.json:
        print_json(
            {
                "restored": str(done.source),
                "database": _shown(done.target),
                "revision": done.revision,
                "migrated": done.migrated,
                "kept_aside": str(done.kept_aside) if done.kept_aside else None,
                "intact": not done.problems,
                "problems": done.problems,
            }
        )
        return 0 if not done.problems else 1
    print(tr("cli", "Restored from {path}.").format(path=done.source))
    if done.migrated:
        print(tr("cli", "The backup was from an older Régie: it was migrated."))
    if done.kept_aside is not None:
        text = tr("cli", "The previous database was kept aside: {path}")
        print(text.format(path=done.kept_aside))
    for problem in done.problems:
        print(problem)
    return 0 if not done.problems else 1
