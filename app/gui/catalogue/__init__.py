"""Catalogue screens: item types, units, kits, cases, labels."""
