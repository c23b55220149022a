"""Home dashboard and reports."""
