"""Care by meaning (rct_workbook/care/meaning.py): the encoder, the bank, the guards, and
what happens when the encoder cannot be loaded. The corpus figures are in
test_care_corpus.py."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from rct_workbook.care import evaluate
from rct_workbook.care import meaning as m
from rct_workbook.care.evaluation import MEANING_KINDS, anothers, by_meaning, denied
from rct_workbook.model.content import Content, load_content
from rct_workbook.reading import read
from tests.unit.helpers import CALM


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture
def fresh_reader() -> Iterator[None]:
    """Each test that changes how the reader loads gets a reader of its own, and leaves the
    shipped one for the rest."""
    m.reader.cache_clear()
    yield
    m.reader.cache_clear()


def test_the_shipped_vectors_are_the_banks() -> None:
    """A bank or model changed without `python bench/make_care_vectors.py` fails here."""
    examples = m.bank_examples()
    stamp = json.loads(m.VECTORS_STAMP.read_text(encoding="utf-8"))
    assert stamp["digest"] == m.bank_digest(examples)
    assert stamp["count"] == len(examples)
    assert stamp["model_sha256"] == m.model_hash()
    vectors = np.load(m.VECTORS, allow_pickle=False)
    assert vectors.shape == (len(examples), 384)


def test_the_model_readme_names_the_shipped_files() -> None:
    """care/model/README.md gives each shipped file's sha256: a rebuilt model must say so."""
    import hashlib
    import re

    readme = (m.HERE / "model" / "README.md").read_text(encoding="utf-8")
    named = dict(re.findall(r"^- (\S+) sha256 `([0-9a-f]{64})`$", readme, flags=re.MULTILINE))
    assert set(named) == {"model.onnx", "head.npy", "tokenizer.json"}
    for name, digest in named.items():
        assert hashlib.sha256((m.HERE / "model" / name).read_bytes()).hexdigest() == digest, name


def test_the_bank_is_labelled_with_every_level() -> None:
    examples = m.bank_examples()
    levels = [e.level for e in examples]
    assert {"none", "check-in", "urgent"} == set(levels)
    assert levels.count("none") >= 200 and levels.count("urgent") >= 200
    texts = [e.text.casefold() for e in examples]
    assert len(set(texts)) == len(texts), "a sentence is in the bank twice"


def test_the_encoder_gives_unit_vectors_that_carry_meaning() -> None:
    encoder = m.Encoder()
    v = encoder.encode(["I wish I were dead.", "Part of me wants my life to be over.", "The rota is out on Friday."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_the_bank_and_the_head_read_the_bank_as_labelled(content: Content) -> None:
    reader = m.reader()
    assert isinstance(reader, m.Reader)
    assert reader.head.shape == (len(m.LEVELS), 385)
    # Each bank sentence is its own nearest neighbour, and the head was tuned on it: both
    # readings agree with its label, nearly always.
    sample = reader.examples[::20]
    read_as_labelled = 0
    for example, meaning in zip(sample, reader.read([e.text for e in sample]), strict=True):
        assert meaning.closest > 0.99
        read_as_labelled += meaning.level == example.level
    assert read_as_labelled >= 0.95 * len(sample)
    # Nothing in the bank is like a shopping list: below the threshold, no vote.
    (far,) = reader.read(["Eggs, flour, two lemons and a bag of rice."])
    assert far.level == "none"


class _Fixed:
    """An encoder that gives each known sentence a chosen unit vector (of three numbers,
    padded with zeros to the encoder's 384)."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = {k: np.pad(np.array(v, np.float32) / np.linalg.norm(v), (0, 381)) for k, v in vectors.items()}

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors[t] for t in texts])


def _head(*rows: list[float]) -> np.ndarray:
    """A head over three-dimensional vectors, padded to the encoder's 384 (bias last)."""
    head = np.zeros((3, 385), dtype=np.float32)
    for level, row in enumerate(rows):
        head[level, :3] = row
    return head


@pytest.mark.parametrize(
    ("vector", "head", "level", "like"),
    [
        # Near the urgent example, and the head agrees: urgent, like the urgent example.
        ([1, 0.1, 0], _head([0, 0, 0], [0, 0, 0], [20, 0, 0]), "urgent", "an urgent one"),
        # Near the urgent example, but the head reads nothing: nothing.
        ([1, 0.1, 0], _head([20, 0, 0], [0, 0, 0], [0, 0, 0]), "none", "an urgent one"),
        # Near the urgent example, the head reads a check-in: the lower, check-in, with the
        # closest check-in example as what it is like.
        ([1, 0.1, 0], _head([0, 0, 0], [20, 0, 0], [0, 0, 0]), "check-in", "a check-in"),
        # Far from every example (cosine below CLOSE_ENOUGH), the head alone is not enough.
        ([0.2, 0, 1], _head([0, 0, 0], [0, 0, 0], [20, 20, 20]), "none", "an urgent one"),
    ],
)
def test_the_bank_and_the_head_must_agree(vector: list[float], head: np.ndarray, level: str, like: str) -> None:
    examples = (
        m.Example("urgent", "passive", "an urgent one"),
        m.Example("check-in", "hopeless", "a check-in"),
        m.Example("none", "workplace", "a workplace one"),
    )
    vectors = {"an urgent one": [1, 0, 0], "a check-in": [0.6, 0.8, 0], "a workplace one": [0, 1, 0]}
    encoder = _Fixed({"said": vector, **vectors})
    bank = encoder.encode([e.text for e in examples])
    reader = m.Reader(encoder, examples, bank, head)  # type: ignore[arg-type]  # a stand-in encoder
    (meaning,) = reader.read(["said"])
    assert meaning.level == level
    assert meaning.like == like


@pytest.mark.parametrize(
    ("chances", "level"),
    [
        ((0.6, 0.2, 0.2), "none"),
        ((0.4, 0.3, 0.3), "check-in"),
        ((0.2, 0.2, 0.6), "urgent"),
        ((0.45, 0.1, 0.45), "check-in"),
    ],
)
def test_the_head_reads_the_gravest_level_a_majority_reaches(chances: tuple[float, ...], level: str) -> None:
    """Urgent when urgent has half the chance; check-in when check-in and urgent together do."""
    head = np.zeros((3, 385), dtype=np.float32)
    head[:, -1] = np.log(chances)  # the bias alone sets the chances
    assert m.LEVELS[m.head_level(head, np.zeros(384, dtype=np.float32))] == level


def test_a_phrase_no_pattern_names_is_met_by_its_meaning(content: Content) -> None:
    """Said in words no pattern and no concept of the net names; the bank's closest
    sentence and the head make it urgent, quoted back, with the crisis line first."""
    said = "I've been quietly saying goodbye to people without them knowing."
    # Not a sentence of the bank: the meaning generalises, it does not look up.
    assert said.casefold() not in {e.text.casefold() for e in m.bank_examples()}
    evaluation = evaluate(content, {**CALM, "sustain": said})
    assert evaluation.level == "urgent"
    assert any(r.quote == said and r.kind in MEANING_KINDS.values() for r in evaluation.reasons)
    assert "meaning" in evaluation.signals  # no pattern and no concept of the net found it
    reading = read(content, {**CALM, "sustain": said})
    assert reading.care is not None and reading.care.crisis is not None
    assert "sustain" in evaluation.silenced


def test_a_note_with_no_subject_is_read_for_its_meaning(content: Content) -> None:
    """Distress written as a note, with no "I" in it, is the writer's unless it says whose."""
    said = "Lately hoping to fall asleep and stay that way."
    assert said.casefold() not in {e.text.casefold() for e in m.bank_examples()}
    assert evaluate(content, {**CALM, "sustain": said}).level == "urgent"


@pytest.mark.parametrize(
    "answer",
    [
        "Not much, I think.",
        "Nothing I can think of.",
        "Not sure yet, maybe next month.",
        "Probably my line manager, if anyone.",
        "Leaving the service if it comes to that, I suppose.",
        "Being seen as difficult by the consultants, if I push this.",
    ],
)
def test_brief_and_ordinary_answers_are_not_read_as_distress(content: Content, answer: str) -> None:
    """Short, unsure or conditional answers about the work: the bank holds answers like
    these (care_bank_brief.yaml, care_bank_workbook.yaml), so the tuned encoder does not
    read every short or conditional sentence as the short distress sentences it has seen."""
    assert answer.casefold() not in {e.text.casefold() for e in m.bank_examples()}
    for question in ("risks", "sustain", "vision"):
        assert evaluate(content, {**CALM, question: answer}).level == "none", question


@pytest.mark.parametrize(
    "sentence",
    [
        "He told me he'd been standing on the bridge for hours before the police came.",
        "The young man I see has been burning himself with lighters again.",
        "She said her children would be better off without her, and I sat with that.",
    ],
)
def test_anothers_distress_told_by_the_worker_is_theirs(content: Content, sentence: str) -> None:
    assert anothers(sentence)
    assert by_meaning([("sustain", sentence, "none")]) == []


@pytest.mark.parametrize(
    ("sentence", "is_denial"),
    [
        ("I have never wanted to hurt myself, even in the worst weeks.", True),
        ("I'm not thinking of ending anything, just changing jobs.", True),
        ("I don't want to be here any more.", False),  # not wanting to live is the distress
        ("I keep wishing I'd never been born.", False),  # a negation inside a wish
        ("Some days I'd give anything not to exist.", False),  # not right after "I"
        ("There are enough tablets in the house to make sure I don't wake up.", False),  # a purpose
    ],
)
def test_a_denial_is_not_read_as_what_it_denies(sentence: str, is_denial: bool) -> None:
    assert denied(sentence, "I want to hurt myself most days.") is is_denial


def test_a_denial_beside_a_negated_example_is_no_denial() -> None:
    assert not denied("I'm not sure I can keep going.", "I don't think I can keep going.")


def test_a_damaged_model_falls_back_to_the_patterns_and_says_so(
    content: Content,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    fresh_reader: None,
) -> None:
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not a model")
    monkeypatch.setattr(m, "MODEL", broken)
    monkeypatch.setattr(m.Encoder.__init__, "__defaults__", (broken, m.TOKENIZER))
    with caplog.at_level(logging.WARNING, logger="rct"):
        evaluation = evaluate(content, {**CALM, "sustain": "I've put the rope in the car boot."})
        # The patterns still work: a plain sentence is still met.
        plain = evaluate(content, {**CALM, "sustain": "I want to kill myself."})
    assert evaluation.level == "none"
    assert plain.level == "urgent"
    said = [r.getMessage() for r in caplog.records]
    assert any("care read your words for phrases only" in s and "could not be loaded" in s for s in said), said


def test_a_damaged_head_falls_back_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_reader: None
) -> None:
    wrong = tmp_path / "head.npy"
    np.save(wrong, np.zeros((2, 10), dtype=np.float32))
    monkeypatch.setattr(m, "HEAD", wrong)
    loaded = m.reader()
    assert isinstance(loaded, str) and "could not be loaded" in loaded


def test_a_missing_library_is_named(monkeypatch: pytest.MonkeyPatch, fresh_reader: None) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    loaded = m.reader()
    assert isinstance(loaded, str) and "missing" in loaded and "onnxruntime" in loaded


def test_a_damaged_bank_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("sentences:\n  - {level: maybe, text: hi}\n", encoding="utf-8")
    with pytest.raises(m.UnreadableBank, match=r"a\.yaml: sentence 1"):
        m.bank_examples(tmp_path)
    (tmp_path / "a.yaml").write_text("just text\n", encoding="utf-8")
    with pytest.raises(m.UnreadableBank, match="no list of sentences"):
        m.bank_examples(tmp_path)
    (tmp_path / "a.yaml").write_text("sentences: [unclosed\n", encoding="utf-8")
    with pytest.raises(m.UnreadableBank, match=r"a\.yaml: "):
        m.bank_examples(tmp_path)


def test_a_changed_bank_is_encoded_at_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """Vectors computed from another bank are not trusted: the bank is encoded afresh."""
    reader = m.reader()
    assert isinstance(reader, m.Reader)
    changed = (*reader.examples[:3], m.Example("none", "workplace", "The new rota starts in May."))
    vectors = m.bank_vectors(reader.encoder, changed)
    assert vectors.shape == (4, 384)
    assert np.allclose(vectors[:3].astype(np.float32), reader.vectors[:3].astype(np.float32), atol=2e-2)


def test_a_sentence_is_encoded_once_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """An export reads each entry several times: the second reading encodes nothing."""
    reader = m.reader()
    assert isinstance(reader, m.Reader)
    encoded: list[str] = []
    encode = reader.encoder.encode

    def counting(texts: list[str]) -> np.ndarray:
        encoded.extend(texts)
        return encode(texts)

    monkeypatch.setattr(reader.encoder, "encode", counting)
    said = ["The rota for May is out on the board.", "I sat with a family for an hour after the news."]
    first = reader.read([said[0], said[1], said[0]])
    again = reader.read(said)
    assert encoded.count(said[0]) <= 1 and encoded.count(said[1]) <= 1
    assert again == first[:2]


def test_phrases_in_a_sentence_both_readings_call_ordinary_are_set_aside(
    content: Content, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An idiom the patterns take at its word ("overdosed on meetings") raises no care when the
    nearest labelled sentence is benign and close and the head agrees; without the encoder the
    patterns alone decide, as before."""
    said = "Overdosed on meetings again this week, seven of them."
    assert said.casefold() not in {e.text.casefold() for e in m.bank_examples()}
    reader = m.reader()
    assert isinstance(reader, m.Reader)
    (meaning,) = reader.read([said])
    assert meaning.ordinary and meaning.closest >= m.ORDINARY_CLOSE
    assert evaluate(content, {**CALM, "sustain": said}).level == "none"
    monkeypatch.setattr(m, "reader", lambda: "turned off for the test")
    with caplog.at_level(logging.WARNING, logger="rct"):
        assert evaluate(content, {**CALM, "sustain": said}).level == "urgent"
