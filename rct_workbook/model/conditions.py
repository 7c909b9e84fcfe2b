"""The conditions of reading rules and care signals: tests on an assessment's answers and on
the review of the last plan, as written in content (``when:``). What they mean when they are
evaluated is ``reading_rules.py``; ``rct content validate`` checks the questions they name."""

from __future__ import annotations

from typing import Literal

from rct_workbook.model.records import ExactBool, ExactInt, ExactStr, Id, Record, check

#: What a step of the last plan may have become ("Since last time").
REVIEW_STATUSES = ("done", "tried", "carried", "dropped")


class ReviewTest(Record):
    """A test on the review of the last plan: how many steps reviewed fit.

    A step fits when it has ``status`` (any status without it) and, with
    ``carried_at_least``/``carried_at_most``, has now been carried that often. The test
    holds when ``count_at_least`` (1 unless told) to ``count_at_most`` steps fit.
    """

    status: Literal[REVIEW_STATUSES] | None = None  # type: ignore[valid-type]
    carried_at_least: ExactInt | None = None
    carried_at_most: ExactInt | None = None
    count_at_least: ExactInt = 1
    count_at_most: ExactInt | None = None

    @check
    def _sensible(self) -> None:
        for name in ("carried_at_least", "carried_at_most", "count_at_least", "count_at_most"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be below 0")
        if self.count_at_most is not None and self.count_at_most < self.count_at_least:
            raise ValueError("count_at_most is below count_at_least, so the test can never hold")


class When(Record):
    """A test on an assessment's answers, for reading rules and care signals.

    Exactly one form: ``all``/``any``/``none`` of other tests; or a ``question`` with one
    test (``filled``, ``equals``, ``ticked``, ``at_most``, ``at_least``,
    ``count_at_least``, ``count_at_most``, ``row`` for a repeated question, or
    ``phrases``); or ``questions`` with ``mean_at_most``/``mean_at_least``; or
    ``phrases`` alone, which looks in every text answer; or ``review``, a test on the
    review of the last plan (a ``ReviewTest``).
    """

    all: tuple[When, ...] | None = None
    any: tuple[When, ...] | None = None
    none: tuple[When, ...] | None = None
    question: Id | None = None
    questions: tuple[Id, ...] | None = None
    filled: ExactBool | None = None
    equals: ExactStr | ExactBool | ExactInt | None = None
    ticked: tuple[Id, ...] | None = None
    at_most: ExactInt | None = None
    at_least: ExactInt | None = None
    count_at_least: ExactInt | None = None
    count_at_most: ExactInt | None = None
    mean_at_most: float | None = None
    mean_at_least: float | None = None
    row: When | None = None
    phrases: Id | None = None
    review: ReviewTest | None = None

    @check
    def _one_form(self) -> None:
        if self.review is not None:
            fields = [f for f in type(self).__dataclass_fields__ if f != "review"]
            if any(getattr(self, f) is not None for f in fields):
                raise ValueError("a review test holds nothing else (put it in all, any or none)")
            return
        groups = [g for g in (self.all, self.any, self.none) if g is not None]
        tests = [
            t
            for t in (
                self.filled,
                self.equals,
                self.ticked,
                self.at_most,
                self.at_least,
                self.count_at_least,
                self.count_at_most,
                self.row,
            )
            if t is not None
        ]
        means = [m for m in (self.mean_at_most, self.mean_at_least) if m is not None]
        if groups:
            if len(groups) > 1 or tests or means or self.question or self.questions or self.phrases:
                raise ValueError("a test with all, any or none holds nothing else")
            if not groups[0]:
                raise ValueError("all, any and none need at least one test")
        elif self.questions is not None:
            if len(means) != 1 or tests or self.question or self.phrases:
                raise ValueError("questions takes exactly one of mean_at_most, mean_at_least")
            if not self.questions:
                raise ValueError("questions needs at least one question id")
        elif self.question is not None:
            if len(tests) + (self.phrases is not None) != 1 or means:
                raise ValueError(
                    "a test on a question needs exactly one of filled, equals, ticked, at_most, at_least, "
                    "count_at_least, count_at_most, row, phrases"
                )
            if self.ticked is not None and not self.ticked:
                raise ValueError("ticked needs at least one choice id")
        elif self.phrases is None or tests or means:
            raise ValueError("a test needs all, any, none, a question, questions, or phrases")
