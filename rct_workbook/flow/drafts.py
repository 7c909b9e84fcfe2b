"""Drafts: every answer is kept on disk as soon as it is given, until the entry is saved."""

from __future__ import annotations

import contextlib
import datetime as _dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rct_workbook.errors import StorageError
from rct_workbook.paths import drafts_dir, ensure_private_dir
from rct_workbook.storage import write_atomic


@dataclass(frozen=True)
class Draft:
    name: str
    flow: str
    section: str | None
    started: str
    answers: dict[str, Any] = field(default_factory=dict)
    #: The setting the unfinished assessment is about (None in drafts from before settings).
    setting: str | None = None

    @property
    def path(self) -> Path:
        return drafts_dir() / f"{self.name}.yaml"


def draft_name(flow: str, section: str | None) -> str:
    return flow if section is None else f"{flow}-{section}"


def new_draft(flow: str, section: str | None, setting: str | None = None) -> Draft:
    started = _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return Draft(draft_name(flow, section), flow, section, started, setting=setting)


def load_draft(name: str) -> Draft | None:
    """The saved draft called ``name``, or None. A damaged draft is reported, not deleted."""
    from rct_workbook.journal import vault

    path = vault.existing(drafts_dir() / f"{name}.yaml")  # NAME.yaml.age when encrypted
    if path is None:
        return None
    from rct_workbook.model.safe_yaml import YamlProblem, load_plain, read_yaml_file

    try:
        data = load_plain(_opened(path)) if vault.is_sealed(path) else read_yaml_file(path).data
    except YamlProblem as exc:
        raise StorageError(f"the draft {path} cannot be read ({exc.message}); move it away to start again") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise StorageError(f"the draft {path} is not a draft rct wrote; move it away to start again")
    return Draft(
        name=name,
        flow=str(data.get("flow", "")),
        section=data.get("section") if isinstance(data.get("section"), str) else None,
        started=str(data.get("started", "")),
        answers=dict(data["answers"]),
        setting=data.get("setting") if isinstance(data.get("setting"), str) else None,
    )


def _opened(path: Path) -> str:
    """The text of the encrypted draft at ``path``."""
    from rct_workbook.journal import vault
    from rct_workbook.model.safe_yaml import MAX_BYTES
    from rct_workbook.storage import NotReadable, read_bounded

    try:
        return vault.decoded(path, read_bounded(path, MAX_BYTES + 64 * 1024)).decode("utf-8")
    except UnicodeDecodeError:
        reason = "it is not UTF-8 text"
    except OSError as exc:
        reason = str(exc.strerror or exc)
    except (NotReadable, vault.Undecryptable) as exc:
        reason = str(exc)
    raise StorageError(f"the draft {path} cannot be read ({reason}); move it away to start again")


def save_draft(draft: Draft) -> None:
    import yaml

    from rct_workbook.journal import vault

    ensure_private_dir(drafts_dir())
    data = {
        "flow": draft.flow,
        "section": draft.section,
        "setting": draft.setting,
        "started": draft.started,
        "answers": draft.answers,
    }
    text = "# An unfinished rct assessment. Continue it with: rct assess --resume\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=1000
    )
    _check_size(text, draft.answers)
    path, kept = vault.for_writing(draft.path, text.encode("utf-8"))  # encrypted when the journal is
    write_atomic(path, kept)
    vault.drop_other(path)


def _check_size(text: str, answers: dict[str, Any]) -> None:
    """A draft rct could not read back (larger than a YAML file it reads) is not written:
    StorageError naming the answers that take the most room, so the walk stops and the
    answers are printed instead (flow/session.NotKept)."""
    import yaml

    from rct_workbook.model.safe_yaml import MAX_BYTES

    size = len(text.encode("utf-8"))
    if size <= MAX_BYTES:
        return
    room = {k: len(yaml.safe_dump({k: v}, allow_unicode=True, width=1000).encode("utf-8")) for k, v in answers.items()}
    named = ", ".join(f"{k} ({room[k]:,} bytes)" for k in sorted(room, key=room.__getitem__, reverse=True)[:3])
    raise StorageError(
        f"these answers are too long to keep in a draft: it would be {size:,} bytes and rct reads back at most"
        f" {MAX_BYTES:,}; the longest: {named}"
    )


def discard_draft(name: str) -> None:
    from rct_workbook.journal import vault

    vault.remove_both(drafts_dir() / f"{name}.yaml")


class DraftKeeper:
    """One assessment's draft through its life: opened (resumed or fresh), kept after every
    answer, discarded once the entry is saved."""

    def __init__(self, flow: str, section: str | None, *, resume: bool = False):
        self.flow = flow
        self.section = section
        self.resume = resume
        self.current = new_draft(flow, section)
        self.opened = False
        #: The answers the draft file holds as last written (or as resumed).
        self.written: dict[str, Any] = {}

    @property
    def name(self) -> str:
        return draft_name(self.flow, self.section)

    @property
    def has_answers(self) -> bool:
        return bool(self.current.answers)

    def open(self, asker: Any) -> dict[str, Any]:
        """The answers to carry on from: an unfinished draft's, if the person resumes it, else none.

        With ``resume`` the draft must exist; without it, a person who has one is asked.
        Opening again gives the same answers without asking again.
        """
        if self.opened:
            return dict(self.current.answers)
        self.opened = True
        ensure_private_dir(drafts_dir())
        found = load_draft(self.name)
        if self.resume and found is None:
            from rct_workbook.errors import WorkbookError

            raise WorkbookError("there is no unfinished assessment to resume; start one with: rct assess")
        if found is not None and not (self.resume or ask_resume_or_discard(asker, found.started, len(found.answers))):
            self.discard()
            found = None
        if found is not None:
            self.current = found
            self.written = dict(found.answers)
        return dict(self.current.answers)

    @property
    def setting(self) -> str | None:
        """The setting of the draft carried on from (None for a fresh one, or one from before settings)."""
        return self.current.setting

    def about(self, setting: str) -> None:
        """Record the setting this assessment is about (written with the next answer)."""
        self.current = replace(self.current, setting=setting)

    def keep(self, answers: dict[str, Any]) -> None:
        """Write the answers so far; called after every answer."""
        self.current = replace(self.current, answers=dict(answers))
        save_draft(self.current)
        self.written = dict(answers)

    def kept(self, answers: dict[str, Any]) -> bool:
        """Whether the draft file holds every one of ``answers``, as given."""
        return all(key in self.written and self.written[key] == value for key, value in answers.items())

    def discard(self) -> None:
        discard_draft(self.name)


def last_setting_answers(asks: Any, setting: str | None = None) -> dict[str, Any]:
    """The answers to `carry: true` questions in the most recent assessment (of ``setting``) that has any."""
    from rct_workbook.flow.questions import check
    from rct_workbook.journal.index import open_index

    carry = {a.id: a for a in asks if a.question.carry}
    if not carry:
        return {}
    index, _ = open_index()
    try:
        for row in index.rows(kind="assess", setting=setting, limit=20):
            found = {}
            for qid, ask in carry.items():
                if row.answers.get(qid) not in (None, "", []):
                    with contextlib.suppress(ValueError):
                        found[qid] = check(ask, row.answers[qid])
            if found:
                return found
        return {}
    finally:
        index.close()


def ask_resume_or_discard(asker: Any, started: str, count: int) -> bool:
    """Ask whether to resume an unfinished draft (True) or discard it (False)."""
    from rct_workbook.errors import Cancelled
    from rct_workbook.model.answers import plural

    when = started[:16].replace("T", " ")
    choice = asker.choose(
        f"You have an unfinished assessment from {when} ({plural(count, 'answer')}). What now?",
        [("resume", "Resume it"), ("discard", "Discard it and start again"), ("cancel", "Cancel")],
    )
    if choice == "cancel":
        raise Cancelled("the unfinished assessment is kept")
    return bool(choice == "resume")
