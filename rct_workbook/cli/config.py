"""`rct config`: your own preferences (display name on handouts, phone region)."""

import sys
from typing import Annotated

import typer

app = typer.Typer(
    help="Your preferences: the display name on handouts and the phone region.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


@app.command("show")
def show() -> None:
    """Show your preferences and what each means.

    Example: rct config show
    """
    from rct_workbook import preferences
    from rct_workbook.preferences import default_region
    from rct_workbook.render.safe import clean

    prefs = preferences.load()
    name = prefs.display_name
    shown_name = "(not chosen yet: asked at your first export)" if name is None else name or "(blank)"
    region = prefs.phone_region or f"{default_region()} (from your locale)"
    lines = [f"display-name  {shown_name}", f"phone-region  {region}"]
    sys.stdout.write(clean("\n".join(lines)) + "\n")


@app.command("set")
def set_(
    key: Annotated[str, typer.Argument(metavar="KEY", help="display-name or phone-region.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help='The new value ("" for a blank display name).')],
) -> None:
    """Change one preference.

    Example: rct config set display-name "Sam (ward 4)"
    """
    from rct_workbook import preferences
    from rct_workbook.render.safe import clean

    preferences.set_value(key, value)
    stored = getattr(preferences.load(), preferences.KEYS[key][0])
    sys.stdout.write(clean(f"{key} is now {stored or '(blank)'}") + "\n")


@app.command("unset")
def unset(key: Annotated[str, typer.Argument(metavar="KEY", help="display-name or phone-region.")]) -> None:
    """Forget one preference (the display name is asked again at the next export).

    Example: rct config unset phone-region
    """
    from rct_workbook import preferences

    preferences.set_value(key, None)
    sys.stdout.write(f"{key} is forgotten.\n")
