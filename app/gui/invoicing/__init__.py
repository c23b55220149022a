"""Invoicing screens: invoices, payments, statements, rates."""
