"""Régie's version: the one place it is written (pyproject reads it, ``regie --version``,
the About box and the installer show it)."""

VERSION = "0.13.0"
