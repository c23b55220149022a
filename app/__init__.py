"""Régie: rental and inventory desk for pooled stage equipment.

`app.core` is the Qt-free kernel; the rest of `app` (gui, cli, composition root) is the
only place that knows about Qt and wires services together.
"""
