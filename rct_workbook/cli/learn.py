"""`rct learn`: the paper's model in the terminal."""

from typing import Annotated

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.state import state


def learn(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            help="A topic: framework, good-things, continuum, cultures, opposition, strategies, glossary, references.",
            autocompletion=complete.topics,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With no TOPIC: list the topics as JSON.")] = False,
) -> None:
    """Show the model: the four steps, the five good things, the cultures and more.

    With no TOPIC, list the topics.

    Example: rct learn cultures
    """
    from rct_workbook.cli.screen import show
    from rct_workbook.model.content import lookup_id
    from rct_workbook.render.views import TOPICS, topic_list

    st = state(ctx)
    ui = st.ui()
    if as_json:
        if topic is not None:
            from rct_workbook.errors import WorkbookError

            raise WorkbookError("--json lists the topics; leave out the TOPIC")
        import sys

        from rct_workbook.render import as_json as to_json

        sys.stdout.write(to_json.dumps(to_json.topics({t.name: t.title for t in TOPICS.values()})))
        return
    if topic is None:
        show(st.console(), topic_list(ui), pager=st.pager)
        return
    name = lookup_id(topic, TOPICS, "topic")
    show(st.console(), TOPICS[name].view(ui, st.content()), pager=st.pager)
