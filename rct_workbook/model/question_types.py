"""One owner per question type: everything that differs between a rating and a list of ticks.

Each type is one class in ``QUESTION_TYPES``, keyed by the ``type`` a content question
declares. It owns the question's shape in content (``shape``), how an answer is checked
and stored (``check``), an example answer (``example``), its line in an answers-file
template (``describe``), what a person is shown to answer it (``prompt``, a description
only: the asker in ``flow/askers.py`` turns it into a prompt), how an answer reads in
Markdown (``markdown``), on screen (``plain``) and on a printed handout (``handout``), and
what rules may do with it (``numeric``, ``has_rows``, ``free_text``). Callers never switch
on the type.
(After copier's ``Question`` in ``_user_data.py``: one owner for cast, validation and the
questionary structure.)

The parts: ``question_kind`` (what every type shares: ``Ask``, the specs, the base class,
``describe``), one module per family of types (``question_text``, ``question_choice``,
``question_scale``, ``question_repeat``), and ``answer_text`` (answers as text). Every name
other modules use is imported from here.

To add a type: write its class in the module of its family (or a new one), and add its name
to ``QuestionType`` and one of it to ``QUESTION_TYPES`` below.
"""

from __future__ import annotations

from typing import Literal

from rct_workbook.model.answer_text import (
    MAX_TEXT,
    clean_text,
    is_empty,
    joined,
    kind_of_value,
    one_line,
    short_label,
    too_long,
)
from rct_workbook.model.question_choice import ChoiceKind, MultiKind
from rct_workbook.model.question_kind import (
    QUESTION_TYPES,
    Ask,
    Option,
    PaperSpec,
    PromptSpec,
    QuestionKind,
    describe,
)
from rct_workbook.model.question_repeat import RepeatKind
from rct_workbook.model.question_scale import RATING_MAX, RATING_MIN, YES_NO_HINT, RatingKind, YesNoKind
from rct_workbook.model.question_text import LongTextKind, TextKind

__all__ = [
    "MAX_TEXT",
    "QUESTION_TYPES",
    "RATING_MAX",
    "RATING_MIN",
    "YES_NO_HINT",
    "Ask",
    "ChoiceKind",
    "LongTextKind",
    "MultiKind",
    "Option",
    "PaperSpec",
    "PromptSpec",
    "QuestionKind",
    "QuestionType",
    "RatingKind",
    "RepeatKind",
    "TextKind",
    "YesNoKind",
    "clean_text",
    "describe",
    "is_empty",
    "joined",
    "kind_of_value",
    "one_line",
    "short_label",
    "too_long",
]

#: The name of every question type, as content declares it (``schema.Question.type``); a test
#: holds it and ``QUESTION_TYPES`` together.
QuestionType = Literal["text", "long_text", "choice", "multi", "rating", "yes_no", "repeat"]

QUESTION_TYPES.update(
    (kind.name, kind)
    for kind in (TextKind(), LongTextKind(), ChoiceKind(), MultiKind(), RatingKind(), YesNoKind(), RepeatKind())
)
