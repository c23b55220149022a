"""Starting Régie's own Python modules in a process of their own, installed or bundled.

Installed with pip, ``sys.executable`` is a Python interpreter: a module runs as
``python -m MODULE ARGS``. In the self-contained application built by
``installer/build.py`` (PyInstaller), ``sys.executable`` is the ``regie`` program itself,
which knows no ``-m``: it runs a module when asked with ``regie --run-module MODULE ARGS``
(dispatched by ``main`` below, the bundle's entry point). ``module_command`` gives the
right command line for either, so callers never spell ``-m`` themselves::

    program, arguments = launcher.module_command("app.first_start", [str(target)])
    process.setProgram(program)
    process.setArguments(arguments)

``main`` also calls ``multiprocessing.freeze_support()`` first: a bundled process that
``multiprocessing`` spawns (the demo's PDF render pool on Windows and macOS) is the
``regie`` program started with ``multiprocessing``'s own arguments, handled and ended there.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: The bundle's option that runs one of Régie's modules (``python -m`` inside the bundle).
RUN_MODULE = "--run-module"

#: The modules a bundle may be asked to run (anything else is a usage error, exit 2).
RUNNABLE = ("app.first_start", "app")


def frozen() -> bool:
    """True inside the self-contained application (PyInstaller sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def module_command(module: str, args: Sequence[str] = ()) -> tuple[str, list[str]]:
    """``(program, arguments)`` that run ``python -m module *args`` in a new process, in an
    installed Régie as in the bundle."""
    if frozen():
        return sys.executable, [RUN_MODULE, module, *args]
    return sys.executable, ["-m", module, *args]


def run_module(module: str, args: Sequence[str]) -> int:
    """Run ``module`` as ``__main__`` with ``args`` as its arguments, as ``python -m``
    does; its exit status (``SystemExit``) is returned."""
    import runpy

    if module not in RUNNABLE:
        sys.stderr.write(f"regie: {RUN_MODULE}: unknown module {module!r}\n")
        return 2
    saved = sys.argv
    sys.argv = [module, *args]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write(f"{code}\n")
        return 1
    finally:
        sys.argv = saved
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The bundle's entry point: ``--run-module MODULE ARGS`` runs a module, anything else
    is the ``regie`` command line (``app.cli.main``)."""
    import multiprocessing

    multiprocessing.freeze_support()  # a spawned worker runs here and never returns
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [RUN_MODULE]:
        if len(arguments) < 2:
            sys.stderr.write(f"regie: {RUN_MODULE} needs a module name\n")
            return 2
        return run_module(arguments[1], arguments[2:])
    from app.cli import main as cli_main

    return cli_main(arguments)


if __name__ == "__main__":
    sys.exit(main())
