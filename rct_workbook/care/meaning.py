"""Care by meaning: a sentence read for what it is like, not for the words it uses.

The patterns and the safety net find what someone thought to write down; people in
distress rarely use those words ("if God took me tonight I'd be grateful", "the rope's in
the boot"). So each sentence is also set beside a bank of labelled sentences
(``care/bank/*.yaml``: distress of every kind and workplace talk that uses the same
words), through a small sentence encoder that runs on this machine: all-MiniLM-L6-v2
(Apache-2.0), tuned on the bank's labels, exported to ONNX and quantised (``care/model/``,
built by ``bench/make_care_model.py``), run by onnxruntime, its words split by the
tokenizers package. Nothing leaves the machine.

Two readings of the sentence's vector must agree: the nearest labelled sentence, when it is
close enough, and the tuned head (``model/head.npy``), a linear layer that gives each level
a probability. The level is the lower of the two, so a sentence counts for care only when
both read it so. The bank's vectors are computed ahead (``bank/vectors.npy``,
``bench/make_care_vectors.py``) and checked against the bank's text; a bank changed since is
encoded at first use instead.

Pure functions: nothing prints, prompts or writes. When the encoder cannot be loaded
(a damaged install, a platform without onnxruntime) :func:`reader` returns why, and care
falls back to the patterns and the net.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

HERE = Path(__file__).resolve().parent
MODEL = HERE / "model" / "model.onnx"
TOKENIZER = HERE / "model" / "tokenizer.json"
HEAD = HERE / "model" / "head.npy"
BANK = HERE / "bank"
VECTORS = BANK / "vectors.npy"
VECTORS_STAMP = BANK / "vectors.json"

LEVELS = ("none", "check-in", "urgent")
#: The nearest labelled sentence must be at least this close (cosine) to count: below it,
#: nothing in the bank is like the sentence, and it is left to the patterns. (With the
#: published encoder, 0.45-0.55, three and five neighbours voting, a margin over the nearest
#: "none" and a higher bar for urgent each cost distress met or crisis lines for little benign
#: gain; with the tuned one, 0.4 and 0.45 gave more benign sentences care.)
CLOSE_ENOUGH = 0.5
#: Both readings call a sentence ordinary when its nearest labelled sentence is one of
#: "none", at least this close, and the head reads none too: a denial ("I've never once
#: wanted to hurt myself"), an errand, an idiom the patterns took at its word. Care then
#: sets the patterns' findings in that sentence aside. (At 0.7 this kept every distress
#: sentence of the held-out sets and took 5 of 11 benign sentences of fresh8 out of care;
#: at 0.6 and 0.5 it began to lose distress.)
ORDINARY_CLOSE = 0.7
#: The head's reading: the most serious level whose probability, with every level above
#: it, is at least this (a majority).
HEAD_AT_LEAST = 0.5
#: Sentences longer than this many word pieces are cut (the encoder was trained on 128).
MAX_PIECES = 128
#: How many sentences' meanings a process keeps (a few megabytes at most).
MEMO_SIZE = 20_000


@dataclass(frozen=True)
class Example:
    """One labelled sentence of the bank."""

    level: str
    about: str
    text: str


@dataclass(frozen=True)
class Meaning:
    """What the bank and the head say of one sentence."""

    level: str  # none, check-in or urgent: the lower of the two readings
    about: str  # the kind (passive, burden, means, ...) of the closest sentence of that level
    closest: float  # the cosine of the closest labelled sentence
    like: str  # the closest labelled sentence of that level
    ordinary: bool = False  # both readings say none, and surely (ORDINARY_CLOSE)


class UnreadableBank(ValueError):
    """A bank file that is not a list of labelled sentences."""


def bank_examples(folder: Path = BANK) -> tuple[Example, ...]:
    """Every labelled sentence of the bank, file by file in name order; checked on load."""
    from rct_workbook.model.safe_yaml import YamlProblem, load_plain

    out: list[Example] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = load_plain(path.read_text(encoding="utf-8"))
        except YamlProblem as e:
            raise UnreadableBank(f"{path.name}: {e}") from None
        items = data.get("sentences") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise UnreadableBank(f"{path.name}: no list of sentences")
        for n, item in enumerate(items, 1):
            if (
                not isinstance(item, dict)
                or item.get("level") not in LEVELS
                or not isinstance(item.get("text"), str)
                or not item["text"].strip()
            ):
                raise UnreadableBank(f"{path.name}: sentence {n} needs a level ({', '.join(LEVELS)}) and a text")
            out.append(Example(item["level"], str(item.get("about", item["level"])), item["text"].strip()))
    return tuple(out)


def bank_digest(examples: Sequence[Example], model: Path = MODEL) -> str:
    """What the bank's vectors were computed from: every labelled text, and the model (by its
    size, cheap at each start; its full hash is checked by the tests, see ``model_hash``)."""
    h = hashlib.sha256(str(model.stat().st_size).encode("ascii") + b"\0")
    for e in examples:
        h.update(e.text.encode("utf-8") + b"\0")
    return h.hexdigest()


def model_hash(model: Path = MODEL) -> str:
    """The model file's sha256, as the vectors' stamp records it."""
    return hashlib.sha256(model.read_bytes()).hexdigest()


class Encoder:
    """The sentence encoder: word pieces in, one unit vector a sentence out."""

    def __init__(self, model: Path = MODEL, tokenizer: Path = TOKENIZER) -> None:
        import onnxruntime  # type: ignore[import-untyped]  # the package ships no type hints
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(max_length=MAX_PIECES)
        self._tokenizer.no_padding()  # the file pads to 128; one text at a time needs none
        options = onnxruntime.SessionOptions()
        # One thread: a reading is a few sentences, and the person's machine is doing other work.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row a text: the encoder's last layer, its mean over the text's
        word pieces (all-MiniLM-L6-v2's own pooling), scaled to length 1. One text at a
        time: the quantised model scales its activations over the whole batch, padding and
        all, so a sentence read alone and the same sentence read in a batch would differ."""
        import numpy as np

        rows: list[np.ndarray] = []
        for text in texts:
            pieces = self._tokenizer.encode(text)
            ids = np.array([pieces.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            mean = self._session.run(None, feed)[0][0].mean(axis=0)
            rows.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
        return np.stack(rows) if rows else np.zeros((0, 384), dtype=np.float32)


@dataclass(frozen=True, eq=False)
class Reader:
    """The encoder with the bank it compares against and the head that reads a level."""

    encoder: Encoder
    examples: tuple[Example, ...]
    vectors: np.ndarray
    head: np.ndarray  # (levels, 385): each level's weights and, last, its bias

    @cached_property
    def _levels(self) -> np.ndarray:
        import numpy as np

        return np.array([LEVELS.index(e.level) for e in self.examples])

    @cached_property
    def _bank(self) -> np.ndarray:
        import numpy as np

        return self.vectors.astype(np.float32).T

    @cached_property
    def _memo(self) -> dict[str, Meaning]:
        return {}

    def read(self, sentences: Sequence[str]) -> list[Meaning]:
        """What the bank says of each sentence, in order. A sentence read once in this
        process is not encoded again: an export reads each entry several times."""
        new = list(dict.fromkeys(s for s in sentences if s not in self._memo))
        if new:
            if len(self._memo) + len(new) > MEMO_SIZE:
                self._memo.clear()
            encoded = self.encoder.encode(new)
            for sentence, vector, row in zip(new, encoded, encoded @ self._bank, strict=True):
                self._memo[sentence] = self._vote(vector, row)
        return [self._memo[s] for s in sentences]

    def _vote(self, vector: np.ndarray, row: np.ndarray) -> Meaning:
        """The lower of two readings: the nearest labelled sentence's level when it is close
        enough, and the head's."""
        import numpy as np

        nearest = int(row.argmax())
        closest = float(row[nearest])
        by_bank = int(self._levels[nearest]) if closest >= CLOSE_ENOUGH else 0
        by_head = head_level(self.head, vector)
        level = min(by_bank, by_head)
        ordinary = int(self._levels[nearest]) == 0 and closest >= ORDINARY_CLOSE and by_head == 0
        if level:  # the closest sentence of the level agreed on says what kind it is
            of_level = np.flatnonzero(self._levels == level)
            nearest = int(of_level[row[of_level].argmax()])
        example = self.examples[nearest]
        return Meaning(LEVELS[level], example.about, closest, example.text, ordinary)


def head_level(head: np.ndarray, vector: np.ndarray) -> int:
    """The head's level for one unit vector, as an index of LEVELS: the most serious level
    that, with every level above it, has at least HEAD_AT_LEAST of the probability."""
    import numpy as np

    logits = head[:, :-1] @ vector + head[:, -1]
    chances = np.exp(logits - logits.max())
    chances /= chances.sum()
    at_least = np.cumsum(chances[::-1])[::-1]  # the chance of each level or a graver one
    return int(np.flatnonzero(at_least >= HEAD_AT_LEAST).max())


def load_head(levels: int = len(LEVELS)) -> np.ndarray:
    """The tuned head, checked for its shape."""
    import numpy as np

    head: np.ndarray = np.load(HEAD, allow_pickle=False).astype(np.float32)
    if head.shape != (levels, 385):
        raise ValueError(f"the head has shape {head.shape}")
    return head


def bank_vectors(encoder: Encoder, examples: Sequence[Example]) -> np.ndarray:
    """The bank's vectors: the shipped ones when they were computed from this model and this
    bank's text, else encoded now."""
    import numpy as np

    try:
        stamp = json.loads(VECTORS_STAMP.read_text(encoding="utf-8"))
        if stamp.get("digest") == bank_digest(examples):
            vectors: np.ndarray = np.load(VECTORS, allow_pickle=False)
            if vectors.shape == (len(examples), 384):
                return vectors
    except (OSError, ValueError):
        pass
    return encoder.encode([e.text for e in examples]).astype(np.float16)


@cache
def reader() -> Reader | str:
    """The reader, loaded once a process; or, when it cannot be loaded, one line saying why."""
    try:
        encoder = Encoder()
        examples = bank_examples()
        return Reader(encoder, examples, bank_vectors(encoder, examples), load_head())
    except ImportError as e:
        return f"the sentence encoder's library is missing ({e.name or e})"
    except UnreadableBank as e:
        return f"the care bank is damaged ({e})"
    except Exception as e:  # onnxruntime and tokenizers raise their own types for a damaged file
        return f"the sentence encoder could not be loaded ({type(e).__name__})"


def meanings(sentences: Sequence[str]) -> list[Meaning] | None:
    """What the bank says of each sentence, or None when the reader cannot be loaded (said
    once on stderr: care then reads the phrases alone, and the person should know)."""
    if not sentences:
        return []
    loaded = reader()
    if isinstance(loaded, Reader):
        return loaded.read(sentences)
    from rct_workbook.storage import warn_once

    warn_once(f"care read your words for phrases only: {loaded}; reinstall rct-workbook to mend it")
    return None
