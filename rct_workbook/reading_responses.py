"""What the reading rules say back: each rule that holds becomes a ``Response``, quoting
the person's own words where it may, ranked by how specific it is; the first
``MAX_SHOWN`` are shown by default."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rct_workbook.model.content import Content
from rct_workbook.model.schema import READING_PARTS
from rct_workbook.reading_records import Response

if TYPE_CHECKING:
    from rct_workbook.model.schema import ReadingRule, When
    from rct_workbook.reading_rules import Reviewed

#: How many responses the reading shows by default; the rest wait in `rct journal show ID --all`.
MAX_SHOWN = 5
#: A quote back is at most this many of the person's words, cut at a word edge.
QUOTE_WORDS = 20


def excerpt(text: str, phrase: str | None = None, limit: int = QUOTE_WORDS) -> str:
    """A short excerpt of the person's words: whole sentences from the one holding ``phrase``
    (else the first), at most ``limit`` words; a sentence too long is cut at a word edge
    around the phrase and marked "…" where words were left out."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]
    if not sentences:
        return ""
    chosen = 0
    if phrase:
        from rct_workbook.reading_rules import phrase_found

        chosen = next((i for i, s in enumerate(sentences) if phrase_found([phrase], [s])), 0)
    words = sentences[chosen].split()
    if len(words) <= limit:
        # Whole sentences read best: add the next ones while they fit.
        for following in sentences[chosen + 1 :]:
            if len(words) + len(following.split()) > limit:
                break
            words += following.split()
        return " ".join(words)
    start = 0
    if phrase:
        # Keep the phrase in view: start a few words before it.
        first = phrase.casefold().split()[0]
        at = next((i for i, w in enumerate(words) if w.casefold().strip("“”\"'(),.;:!?").startswith(first)), 0)
        start = max(0, min(at - 4, len(words) - limit))
    body = " ".join(words[start : start + limit])
    if start + limit < len(words):
        body = body.rstrip(",;:–—-") + "…"
    return ("…" if start else "") + body


def _quote(rule: ReadingRule, answers: Mapping[str, Any], content: Content) -> str | None:
    """The words a rule quotes back: the first of its ``quote`` questions answered."""
    given = [(q, v) for q in rule.quote if isinstance(v := answers.get(q), str) and v.strip()]
    for qid, value in given:
        phrase = _phrase_in(rule.when, qid, value, content)
        if phrase:
            return excerpt(value, phrase)
    return excerpt(given[0][1]) if given else None


def _phrase_in(cond: When, qid: str, value: str, content: Content) -> str | None:
    """The phrase a ``phrases`` test on question ``qid`` finds in ``value`` (to quote around it)."""
    from rct_workbook.reading_rules import phrase_found

    if cond.question == qid and cond.phrases is not None:
        phrases = content.phrases.get(cond.phrases)
        if phrases is None:
            return None
        # The phrase that comes first in the answer, so the quote starts where the words do.
        lowered = " ".join(value.casefold().replace("\u2019", "'").split())
        at = {}
        for p in phrases.phrases:
            hit = re.search(r"(?<!\w)" + re.escape(" ".join(p.casefold().split())) + r"(?!\w)", lowered)
            if hit and phrase_found([p], [value]):
                at[p] = hit.start()
        return min(at, key=lambda p: (at[p], -len(p)), default=None)
    for group in (cond.all, cond.any):
        for sub in group or ():
            found = _phrase_in(sub, qid, value, content)
            if found:
                return found
    return None


def absence_read(cond: When) -> frozenset[str]:
    """The questions whose being empty a condition reads as news (``filled: false``, a
    ``none``): a rule about them stays silent where they were not asked. Words not found in
    an answer (a ``phrases`` test under ``none``) are no news either way."""
    from rct_workbook.reading_rules import names_questions

    if cond.all is not None or cond.any is not None:
        return frozenset().union(*(absence_read(c) for c in cond.all or cond.any or ()))
    if cond.none is not None:
        return frozenset().union(
            *(names_questions(c) for c in cond.none if not (c.question is not None and c.phrases is not None))
        )
    if cond.question is not None and (cond.filled is False or cond.count_at_most is not None):
        return frozenset({cond.question})
    return frozenset()


def tests_met(cond: When) -> int:
    """How much a condition asks of the answers at once: each positive test counts one
    (``any`` as the most of its parts), a mean over several ratings or words found in an
    answer two; a ``none`` or a test that an answer is empty nothing."""
    if cond.all is not None:
        return sum(tests_met(c) for c in cond.all)
    if cond.any is not None:
        return max(tests_met(c) for c in cond.any)
    if cond.none is not None:
        return 0
    if cond.filled is False or cond.count_at_most is not None:
        return 0
    if cond.row is not None:
        return max(1, tests_met(cond.row))
    if cond.questions is not None or cond.phrases is not None:
        return 2
    return 1


_NUMBER = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")


def _number(text: str, count: int) -> str:
    """``{one|many}`` in a response: the words for one step, or for several."""
    return _NUMBER.sub(lambda m: m.group(1) if count == 1 else m.group(2), text)


def specificity(rule: ReadingRule, quote: str | None) -> int:
    """How specific a rule's response is to this person: quoting them counts most, then each
    thing its condition asks of the answers at once (a rarer combination); an empty answer
    or a test that something is absent says little about the person."""
    return (2 if quote else 0) + tests_met(rule.when)


def respond(
    content: Content,
    answers: Mapping[str, Any],
    *,
    caring: bool,
    asked: frozenset[str] | None = None,
    review: Sequence[Reviewed] = (),
    silenced: frozenset[str] = frozenset(),
    limit: int = MAX_SHOWN,
    extra: Sequence[Response] = (),
) -> tuple[tuple[Response, ...], tuple[str, ...]]:
    """The responses of every rule that holds, most specific first; and the rule ids held back.

    A rule about questions that were not asked (a one-step assessment) stays silent: an
    empty answer is only news when the question was put. ``review`` is the review of the
    last plan; a rule's ``{steps}`` names the reviewed steps its review tests matched.
    ``silenced`` are the questions whose words raised urgent care: no rule responds to them.
    Responses about support come first, as the paper puts support first; then the most
    specific (quoting the person, answering a rarer combination), ties in part order. The
    first ``limit`` are shown by default.
    """
    from rct_workbook.reading_rules import Filler, holds, names_questions, quoted, steps_named

    filler = Filler(content, answers)
    order = {part: i for i, part in enumerate(READING_PARTS)}
    responses: list[Response] = []
    held: list[str] = []
    for rule in sorted(content.readings.values(), key=lambda r: order[r.part]):
        named = names_questions(rule.when) | set(rule.quote)
        if asked is not None and not absence_read(rule.when) <= asked:
            continue
        if named & silenced:
            continue
        if not holds(rule.when, answers, content, review):
            continue
        text, gentle = rule.response, False
        if caring and rule.gentle is not None:
            text, gentle = rule.gentle, True
        elif caring and rule.assumes_energy:
            held.append(rule.id)
            continue
        steps = [i.what for i in steps_named(rule.when, review)]
        quote = _quote(rule, answers, content)
        if "{quote}" in text:
            if quote is None:
                continue  # it speaks only in the person's words
            text, quote = text.replace("{quote}", quote), None
        text = _number(text.replace("{steps}", quoted(steps)), len(steps))
        responses.append(
            Response(
                rule=rule.id,
                part=rule.part,
                because=filler.fill(rule.because).replace("{steps}", quoted(steps)),
                text=text,
                cite=rule.cite,
                learn=rule.learn,
                vignette=rule.vignette,
                gentle=gentle,
                quote=quote,
                # Naming the person's own steps is quoting them.
                specificity=specificity(rule, quote) + (3 if steps else 0),
            )
        )
    responses += extra  # said by the care evaluation (grief for the team), ranked with the rest
    ranked = sorted(
        enumerate(responses), key=lambda ir: (ir[1].part != "support", -ir[1].specificity, order[ir[1].part], ir[0])
    )
    out = tuple(dataclasses.replace(r, shown=i < limit, order=at) for i, (at, r) in enumerate(ranked))
    return out, tuple(held)
