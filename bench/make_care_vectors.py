"""Encode the care bank (rct_workbook/care/bank/*.yaml) and write its vectors.

Run after any change to the bank or the model: python bench/make_care_vectors.py
tests/unit/test_care_meaning.py fails while the shipped vectors do not match the bank.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from rct_workbook.care.meaning import VECTORS, VECTORS_STAMP, Encoder, bank_digest, bank_examples, model_hash
from rct_workbook.storage import write_atomic


def main() -> None:
    examples = bank_examples()
    vectors = Encoder().encode([e.text for e in examples]).astype(np.float16)
    buffer = io.BytesIO()
    np.save(buffer, vectors, allow_pickle=False)
    write_atomic(VECTORS, buffer.getvalue())
    stamp = {"digest": bank_digest(examples), "count": len(examples), "model_sha256": model_hash()}
    write_atomic(VECTORS_STAMP, (json.dumps(stamp, indent=2) + "\n").encode("utf-8"))
    print(f"wrote {len(examples)} vectors to {VECTORS}")


if __name__ == "__main__":
    main()
