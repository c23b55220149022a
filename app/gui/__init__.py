"""The Qt desktop application, organised by area as the domain is:

- ``shell``: the main window and its navigation, launching, ``operations`` (the one seam
  to the database: reads, writes, long jobs, typed ``changes``, every failure shown), the
  style kernel (``style``, ``icons``, ``chips``, ``empty``), shared widgets, table models,
  files, printing, the PDF preview, the settings and error dialogs;
- ``catalogue``: inventory, kits, cases, labels; ``bookings``: the list, the editor, the
  timeline, the calendar, customers; ``desk``: the warehouse desk; ``invoicing``: invoices,
  statements, pricing; ``reports``: the home dashboard and the reports.

No SQL and no business rule here: screens call Qt-free queries and services of the domain
packages through ``shell.operations.Operations``."""
