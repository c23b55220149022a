"""Rates and pricing, quotes, invoices, credit notes, payments, deposits, Factur-X, monthly
statements and financial reports. Built on `booking`; nothing here yet."""
