"""`rct learn`: the paper's model in the terminal."""

from typing import TYPE_CHECKING, Annotated

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.state import state

if TYPE_CHECKING:
    from rct_workbook.cli.state import State
    from rct_workbook.render.views import Views


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
    st = state(ctx)
    if as_json:
        if topic is not None:
            from rct_workbook.errors import WorkbookError

            raise WorkbookError("--json lists the topics; leave out the TOPIC")
        import sys

        from rct_workbook.render import as_json as to_json
        from rct_workbook.render.views import TOPICS

        sys.stdout.write(to_json.dumps(to_json.topics({t.name: t.title for t in TOPICS.values()})))
        return
    from rct_workbook.cli.screen import show

    views = _topics(st) if topic is None else _topic(st, topic)
    show(st.console(), views, pager=st.pager)


def _topics(st: "State") -> "Views":
    from rct_workbook.render.views import topic_list

    return topic_list(st.ui())


def _topic(st: "State", topic: str) -> "Views":
    from rct_workbook.model.content import lookup_id
    from rct_workbook.render.views import TOPICS

    name = lookup_id(topic, TOPICS, "topic")
    return TOPICS[name].view(st.ui(), st.content())
