"""`regie bookings cancel REF`: cancelling a booking (an invoiced booking needs its credit
note first: issue 11)."""

from __future__ import annotations

import argparse

from app.cli.bookings import transition
from booking import bookings


def add_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``bookings cancel`` beyond REF and --json."""


def cancel_booking(args: argparse.Namespace) -> int:
    return transition(args, bookings.cancel_booking)
