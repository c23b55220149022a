"""The log file: ``regie.log`` in the user's data directory (``logs/``), rotating.

Unexpected errors are written there with their traceback, so the message people see stays
one sentence while a developer still gets the details. Nothing is written until something
is logged (the file is opened lazily); a folder that cannot be written never stops Régie:
the log is then simply not kept.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.core.paths import data_dir

LOGGER = "regie"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

# A library logs; the program decides where it goes. Without a handler of its own, Python
# would print warnings to stderr ("last resort"): people must never see those.
logging.getLogger(LOGGER).addHandler(logging.NullHandler())


class _QuietFile(logging.handlers.RotatingFileHandler):
    """A log file whose own failures (disk full...) are dropped, never printed."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        return None


_file_handler: _QuietFile | None = None


def log_file() -> Path:
    return data_dir() / "logs" / "regie.log"


def start() -> Path | None:
    """Keep the log file (once per process; again if the data directory changed).

    Returns its path, or None when it cannot be kept (read-only home, full disk...)."""
    global _file_handler
    path = log_file()
    if _file_handler is not None and Path(_file_handler.baseFilename) == path.absolute():
        return path
    logger = logging.getLogger(LOGGER)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFile(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    if _file_handler is not None:
        logger.removeHandler(_file_handler)
        _file_handler.close()
    _file_handler = handler
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def stop() -> None:
    """Close the log file (tests; the end of a process closes it anyway)."""
    global _file_handler
    if _file_handler is not None:
        logging.getLogger(LOGGER).removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None


def record_unexpected(trace: str, where: str = "") -> Path | None:
    """Write an unexpected error's traceback to the log; the log's path, or None."""
    path = start()
    logging.getLogger(LOGGER).error(
        "Unexpected error%s\n%s", f" in {where}" if where else "", trace
    )
    if _file_handler is not None:
        _file_handler.flush()
    return path
