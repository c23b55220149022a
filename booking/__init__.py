"""Customers and memberships, bookings and their lines, the availability engine and the
warehouse desk (check-out / check-in movements). Built on `inventory`; nothing here yet."""
