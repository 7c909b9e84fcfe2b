"""The encrypted journal (rct journal encrypt / decrypt / passphrase): nothing in clear, nothing lost.

Every command runs with the passphrase in RCT_PASSPHRASE_FILE; after each one, the data
and cache folders are searched for a marker written into the answers, the small steps, a
note, a draft and the search index: it is never found while encryption is on. Decrypting
gives back every file byte for byte, and age (pyrage here, the age tool when installed)
opens an entry to exactly the Markdown rct wrote.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from rct_workbook.flow.drafts import Draft, save_draft
from rct_workbook.journal import decisions, vault
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess, make_vignette

PASSPHRASE = "lantern orchard velvet  quietly 42"
MARKER = "Quokkamarker"
STEP = {
    "what": f"Ask {MARKER} for ten minutes on Friday",
    "with-whom": "A nursing colleague",
    "by-when": "Friday",
    "risk": "low",
    "evidence": "We talk",
}


def files_under(*roots: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root.parent)): p.read_bytes()
        for root in roots
        if root.is_dir()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def holding_marker(home: Path) -> list[str]:
    """Every file under the data folder (the cache is inside it here) that holds the marker in clear."""
    needles = (MARKER.encode(), MARKER.lower().encode(), MARKER.encode("utf-16-le"))
    return [name for name, data in files_under(home).items() if any(n in data for n in needles)]


def kept(home: Path) -> dict[str, bytes]:
    """What a person wrote, as files: entries, drafts and remembered decisions."""
    return files_under(home / "journal", home / "drafts", home / "decisions")


@pytest.fixture
def passphrase_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    path.chmod(0o600)
    monkeypatch.setenv("RCT_PASSPHRASE_FILE", str(path))
    return path


@pytest.fixture
def journal(rct_home: Path) -> list[str]:
    """Three assessments and a vignette reflection holding the marker, a draft and an export's decisions."""
    ids = [
        entry_id(make_assess(day, history=f"{MARKER} said it again in the {day} meeting", small_steps=[STEP]))
        for day in ("2026-01-05", "2026-02-05", "2026-03-05")
    ]
    ids.append(entry_id(make_vignette("2026-03-06")))
    save_draft(Draft("assess", "assess", None, "2026-03-07T10:00:00+00:00", {"history": f"{MARKER} again"}))
    remembered = decisions.Decisions()
    remembered.set("name", MARKER, "redact")
    decisions.save(ids[0], remembered)
    return ids


def identity_of(home: Path) -> pyrage.x25519.Identity:
    text = pyrage.passphrase.decrypt((home / "identity.age").read_bytes(), PASSPHRASE).decode()
    (line,) = [line for line in text.splitlines() if line.startswith("AGE-SECRET-KEY-")]
    return pyrage.x25519.Identity.from_str(line)


def test_encrypt_then_decrypt_gives_back_every_file_byte_for_byte(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path
) -> None:
    assert run("journal", "list", "--grep", MARKER).exit_code == 0  # the search index now holds the text
    before = kept(rct_home)
    assert holding_marker(rct_home)

    result = run("journal", "encrypt")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Encrypted: 4 entries (and 1 draft and the export decisions of 1 entry)."
        " rct now asks for the passphrase to read them.\n"
    )
    assert holding_marker(rct_home) == []
    assert sorted(kept(rct_home)) == sorted(f"{name}.age" for name in before)

    result = run("journal", "decrypt")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Decrypted: 4 entries. Your journal is plain Markdown again.\n"
    assert kept(rct_home) == before
    assert not (rct_home / "identity.age").exists()
    assert not (rct_home / "encryption.json").exists()


def test_every_command_works_encrypted_and_leaves_no_text_in_clear(
    run: Run,
    rct_home: Path,
    journal: list[str],
    passphrase_file: Path,
    tmp_path: Path,
    filled_answers: FilledAnswers,
) -> None:
    before = kept(rct_home)
    assert run("journal", "encrypt").exit_code == 0
    first, _, third, vignette = journal

    def clean_after(*args: str) -> str:
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert holding_marker(rct_home) == [], args
        return result.stdout

    listed = json.loads(clean_after("journal", "list", "--json"))
    assert [e["id"] for e in listed] == list(reversed(journal))
    found = json.loads(clean_after("journal", "list", "--grep", MARKER.lower(), "--json"))
    assert sorted(e["id"] for e in found) == sorted(journal[:3])
    assert json.loads(clean_after("journal", "list", "--grep", f"{MARKER} meeting", "-n", "1", "--json"))[0]["id"] == (
        third
    )
    assert json.loads(clean_after("journal", "list", "--grep", "nowhere-in-any-answer", "--json")) == []
    assert MARKER in clean_after("journal", "show", first)
    shown = json.loads(clean_after("journal", "show", first, "--json"))
    assert MARKER in json.dumps(shown)
    assert MARKER in clean_after("steps")
    clean_after("steps", "done", f"{first}.1", "--note", f"{MARKER} said yes")
    assert f"{MARKER} said yes" in clean_after("steps", "--json")
    clean_after("progress")
    clean_after("journal", "reindex")
    exported = clean_after("journal", "export", first, "--include-private", "--keep-flagged", "--out", "-")
    assert MARKER in exported  # exports are plain: they are made to be shared
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess").replace("In my own words:", f"{MARKER} in my own words:"))
    clean_after("assess", "--answers", str(answers))
    clean_after("journal", "delete", vignette, "--yes")
    assert len(json.loads(clean_after("journal", "list", "--json"))) == 4

    assert run("journal", "decrypt").exit_code == 0
    after = kept(rct_home)
    for name in (f"journal/{third}.md", f"journal/{journal[1]}.md", "drafts/assess.yaml"):
        assert after[name] == before[name]
    assert f"{MARKER} said yes".encode() in after[f"journal/{first}.md"]
    assert f"journal/{vignette}.md" not in after


def test_age_opens_an_entry_to_exactly_the_markdown_rct_wrote(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path, tmp_path: Path
) -> None:
    plain = (rct_home / "journal" / f"{journal[0]}.md").read_bytes()
    assert run("journal", "encrypt").exit_code == 0
    sealed = (rct_home / "journal" / f"{journal[0]}.md.age").read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n")
    identity = identity_of(rct_home)
    assert pyrage.decrypt(sealed, [identity]) == plain
    tool = shutil.which("age")
    if tool is None:
        return  # the age tool itself is not installed here; pyrage is its Rust implementation
    key = tmp_path / "key.txt"
    key.write_bytes(pyrage.passphrase.decrypt((rct_home / "identity.age").read_bytes(), PASSPHRASE))
    key.chmod(0o600)
    opened = subprocess.run(
        [tool, "-d", "-i", str(key), str(rct_home / "journal" / f"{journal[0]}.md.age")],
        capture_output=True,
        check=True,
    )
    assert opened.stdout == plain


def test_a_new_entry_is_encrypted_without_asking(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("journal", "encrypt").exit_code == 0
    monkeypatch.delenv("RCT_PASSPHRASE_FILE")
    vault.forget_unlocked()
    path = make_assess("2026-04-01", history=f"{MARKER} once more")
    assert path.name.endswith(".md.age")
    assert holding_marker(rct_home) == []
    # Listing the journal needs no passphrase while the index knows every file...
    assert run("journal", "list").exit_code == 2  # ...but this file is new to it: it must be opened
    assert run("journal", "list").stderr.startswith("rct: your journal is encrypted")


def snapshot(home: Path) -> dict[str, bytes]:
    return files_under(home)


@pytest.mark.posix  # a file others can read, by its mode; Windows has none
@pytest.mark.parametrize("problem", ["wrong", "missing", "readable", "two lines"])
def test_a_passphrase_that_cannot_be_used_is_one_line_and_changes_nothing(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path, problem: str
) -> None:
    assert run("journal", "encrypt").exit_code == 0
    vault.forget_unlocked()
    if problem == "wrong":
        passphrase_file.write_text("lantern orchard velvet quietly 41\n")
    elif problem == "missing":
        passphrase_file.unlink()
    elif problem == "readable":
        passphrase_file.chmod(0o644)
    else:
        passphrase_file.write_text(f"{PASSPHRASE}\nsomething else\n")
    before = snapshot(rct_home)
    for command in (("journal", "show", journal[0]), ("journal", "decrypt"), ("steps",)):
        result = run(*command)
        assert result.exit_code == 2, command
        assert len(result.stderr.splitlines()) == 1, result.stderr
        expected = {
            "wrong": "that passphrase does not open your journal; nothing was changed",
            "missing": "RCT_PASSPHRASE_FILE names",
            "readable": "RCT_PASSPHRASE_FILE: others can read",
            "two lines": "should hold the passphrase alone, on one line",
        }[problem]
        assert expected in result.stderr
        assert snapshot(rct_home) == before


def test_a_weak_passphrase_is_refused_before_anything_changes(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path
) -> None:
    passphrase_file.write_text("password123\n")
    before = snapshot(rct_home)
    result = run("journal", "encrypt")
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: that passphrase is too easy to guess (this is a very common password); four or more unrelated words"
        " make a strong one; nothing was changed\n"
    )
    assert snapshot(rct_home) == before


def test_a_damaged_encrypted_entry_is_named_once_and_the_rest_still_read(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path
) -> None:
    assert run("journal", "encrypt").exit_code == 0
    damaged = rct_home / "journal" / f"{journal[1]}.md.age"
    data = bytearray(damaged.read_bytes())
    data[-40] ^= 0xFF
    damaged.write_bytes(bytes(data))
    assert run("journal", "reindex").exit_code == 0
    result = run("journal", "list", "--json")
    assert result.exit_code == 0
    assert result.stderr == (
        f"rct: skipped journal/{damaged.name}: it cannot be decrypted with this journal's key"
        " (it is damaged, or not from this journal)\n"
    )
    assert len(json.loads(result.stdout)) == 3
    before = snapshot(rct_home)
    result = run("journal", "decrypt")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"rct: not changed: journal/{damaged.name}: it cannot be decrypted")
    assert damaged.read_bytes() == bytes(data)  # kept as it was, and the key with it
    assert (rct_home / "identity.age").read_bytes() == before["rct-home/identity.age"]


def test_changing_the_passphrase_rewraps_the_key_only(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path, tmp_path: Path
) -> None:
    assert run("journal", "encrypt").exit_code == 0
    entries = files_under(rct_home / "journal")
    new = tmp_path / "new"
    new.write_text("copper meadow listens sideways 7\n")
    new.chmod(0o600)
    result = run("journal", "passphrase", "--new-passphrase-file", str(new))
    assert result.exit_code == 0, result.output
    assert files_under(rct_home / "journal") == entries
    vault.forget_unlocked()
    assert run("journal", "show", journal[0]).exit_code == 2  # the old passphrase no longer opens it
    passphrase_file.write_text("copper meadow listens sideways 7\n")
    vault.forget_unlocked()
    assert run("journal", "show", journal[0]).exit_code == 0


def test_a_missing_key_is_one_line(run: Run, rct_home: Path, journal: list[str], passphrase_file: Path) -> None:
    assert run("journal", "encrypt").exit_code == 0
    (rct_home / "identity.age").rename(rct_home.parent / "elsewhere.age")
    vault.forget_unlocked()
    result = run("journal", "show", journal[0])
    assert result.exit_code == 2
    assert result.stderr.startswith("rct: your journal is encrypted but its key ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.posix  # a pseudo-terminal for age's prompt; Windows has none
@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_way_out_in_the_readme_works_with_the_age_tool(
    run: Run, rct_home: Path, journal: list[str], passphrase_file: Path, tmp_path: Path
) -> None:
    """`age -d -i identity.age ENTRY.md.age`, with the passphrase typed at age's own prompt."""
    import pexpect

    plain = (rct_home / "journal" / f"{journal[0]}.md").read_bytes()
    assert run("journal", "encrypt").exit_code == 0
    out = tmp_path / "entry.md"
    sealed = rct_home / "journal" / f"{journal[0]}.md.age"
    child = pexpect.spawn("age", ["-d", "-i", str(rct_home / "identity.age"), "-o", str(out), str(sealed)], timeout=60)
    child.expect("passphrase")
    child.sendline(PASSPHRASE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert out.read_bytes() == plain


def test_grep_finds_the_same_entries_encrypted_as_plain(run: Run, rct_home: Path, passphrase_file: Path) -> None:
    """An encrypted entry is searched in its file, word by word as SQLite's full-text index does."""
    texts = [
        "Café with Zoë after the ward round",
        "A self-care plan, written down at last",
        "The ÉCOLE visit felt naïve; nobody asked",
        "cafeteria talk about rotas (again)",
        "Numbers: 42 beds, 7 nurses, 3 doctors_on_call",
    ]
    for day, text in enumerate(texts, 1):
        make_assess(f"2026-01-{day:02d}", history=text)
    queries = [
        "cafe",
        "Zoe",
        "self-care",
        "care plan",
        "self",
        "ecole",
        "NAIVE",
        "caf",
        "42 beds",
        "doctors",
        "on_call",
    ]

    def found(query: str) -> list[str]:
        result = run("journal", "list", "--grep", query, "--json")
        assert result.exit_code == 0, result.output
        return [e["id"] for e in json.loads(result.stdout)]

    plain = {query: found(query) for query in queries}
    assert plain["cafe"] and plain["self-care"] and not plain["caf"]  # the queries do tell entries apart
    assert run("journal", "encrypt").exit_code == 0
    assert {query: found(query) for query in queries} == plain
