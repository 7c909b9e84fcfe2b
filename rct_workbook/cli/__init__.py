"""The `rct` command line: a thin Typer layer, one module per command group."""

import sys

#: Net new containers between two runs of the cycle collector's youngest generation (Python's default: 700).
START_UP_GC_THRESHOLD = 100_000


def main() -> None:
    """Entry point of the `rct` console script.

    `rct --version` is answered before Typer and the commands are imported, so checking
    the version (as scripts and installers do) costs almost nothing.
    """
    import gc

    # Starting up makes tens of thousands of objects that live until the end (modules,
    # classes, the content, prompt_toolkit's key bindings) and almost no garbage, and with
    # Python's default threshold the cycle collector walks them again every 700 new
    # containers: ~8 % of the CPU time to the first question of `rct assess` (bench/startup.md).
    # Collecting every 100,000 still frees cycles in long commands and interactive sessions.
    gc.set_threshold(START_UP_GC_THRESHOLD, *gc.get_threshold()[1:])
    if sys.argv[1:] == ["--version"]:
        from rct_workbook import __version__

        sys.stdout.write(f"rct-workbook {__version__}\n")
        return
    from rct_workbook.cli.app import main as run

    run()
