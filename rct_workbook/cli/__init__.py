"""The `rct` command line: a thin Typer layer, one module per command group."""

import sys


def main() -> None:
    """Entry point of the `rct` console script.

    `rct --version` is answered before Typer and the commands are imported, so checking
    the version (as scripts and installers do) costs almost nothing.
    """
    if sys.argv[1:] == ["--version"]:
        from rct_workbook import __version__

        sys.stdout.write(f"rct-workbook {__version__}\n")
        return
    from rct_workbook.cli.app import main as run

    run()
