"""Bookings screens: list, editor, timeline, calendar, customers."""
