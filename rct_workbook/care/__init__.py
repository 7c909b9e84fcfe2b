"""Care: whether the person who answered may be struggling, and in whose words.

Pure functions: nothing here prints, prompts or touches files. The care patterns, the
signals on ratings and ticks, the note and the crisis lines are content
(``content/care/``); this module reads the person's free text sentence by sentence and
clause by clause, and decides the level: ``none``, ``check-in`` or ``urgent``.

A pattern is a short sequence of word stems (``content/care/patterns.yaml`` explains the
notation). A pattern only counts when the clause it is in is about the writer, and is
not negated:

* word forms: both the pattern and the text are stemmed (Snowball's English stemmer), so
  "disappear" also finds "disappeared" and "disappearing";
* contractions are opened ("can't" is "can not", "I'd" is "I would");
* the subject: the nearest pronoun or noun phrase before the match decides whose the
  clause is. "I", "me", "myself" are the writer; "the director", "our funding", "my
  clients", "they" are not; a clause with no subject at all ("Cutting again.") is a
  clipped note about oneself, unless an earlier clause of the sentence had a subject;
  "my" right before the match makes it the writer's ("my suicidal thoughts");
* negation: "not", "never" or "no" just before the match (within three words, not across
  "if" or "that") cancels it, unless the pattern itself begins with the negation; so does
  a hedged denial ("I wouldn't say I'm suicidal", "I don't think I'm a burden");
* a pattern word written as a stem ("overdos") matches as written as well as stemmed.

Beside the patterns, a safety net (``content/care/concepts.yaml``) catches phrasings no
pattern names: a concept word (death, not being alive, suicide, self-harm, means, burden,
low mood) with the writer near it, not negated anywhere before it in its clause, and not
inside an idiom ("dying to", "bored me to death"), matched word for word. Suicide and
self-harm are urgent; death and burden with a wish in the sentence, and means with an
intent word of their own in the clause, are urgent; the rest is a check-in. The net only
adds a finding where it raises what the patterns found in that sentence, never lowers it.
Its idioms also hold for the patterns ("cut myself off" is no cutting).

The parts live in this package: ``lexicon`` (the word lists), ``text`` (contractions,
words, stems, sentences, clauses, quotes), ``match`` (a pattern's notation and where it
matches), ``guards`` (negation, and whose a clause is), ``found`` (the patterns' and the
net's findings in one text), ``evaluation`` (the level with its reasons) and ``crisis``
(the crisis line for a region). Every name imported from ``rct_workbook.care`` is here.
"""

from __future__ import annotations

from rct_workbook.care.crisis import crisis_line_for
from rct_workbook.care.evaluation import (
    HOW_ARE_YOU,
    HOW_ARE_YOU_LEVELS,
    LEVELS,
    CareReason,
    Evaluation,
    evaluate,
    found_in_answers,
    texts_by_question,
)
from rct_workbook.care.found import Found, Net, found_in, net_found_in
from rct_workbook.care.guards import AFTER_WINDOW, NEGATION_WINDOW, subject
from rct_workbook.care.match import GAP, LONG_GAP, compile_pattern, find, find_all
from rct_workbook.care.text import QUOTE_WORDS, quote_of, stem, words

__all__ = [
    "AFTER_WINDOW",
    "GAP",
    "HOW_ARE_YOU",
    "HOW_ARE_YOU_LEVELS",
    "LEVELS",
    "LONG_GAP",
    "NEGATION_WINDOW",
    "QUOTE_WORDS",
    "CareReason",
    "Evaluation",
    "Found",
    "Net",
    "compile_pattern",
    "crisis_line_for",
    "evaluate",
    "find",
    "find_all",
    "found_in",
    "found_in_answers",
    "net_found_in",
    "quote_of",
    "stem",
    "subject",
    "texts_by_question",
    "words",
]
