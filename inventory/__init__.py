"""Catalogue: item types, serialized units, bulk stock, kits and cases, consumables, owners,
barcodes, labels, inspections and repairs.

Design note: services here are plain functions taking a unit of work (``uow``) and the
acting user (``user``) as keyword arguments; they validate everything before writing, so a
refused action leaves the database exactly as it was. Barcodes are one namespace across
units, bulk types and cases (and bookings later); ``barcodes.ensure_free`` is the only
check. Unit statuses and categories are data (``models``), not scattered string literals.
"""
