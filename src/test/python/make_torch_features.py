#!/usr/bin/env python3
"""Generate PyTorch reference data for linear models with d > 1 features.

Run from the repository root with the Debian python that has python3-torch installed:

    /usr/bin/python3 src/test/python/make_torch_features.py

Writes into src/test/resources/torch/:
  feat*.csv            datasets (header x1..xd,y), raw units, features on different scales
  feature_cases.csv    one row per training case of nn.Linear(d, 1)

Deterministic: fixed numpy seeds, parameters set with copy_/fill_, no shuffling,
single-threaded torch, foreach=False. The README in that folder documents both files
(make_torch_reference.py writes it; keep the two in step).
"""
import os

import numpy as np
import torch
import torch.nn.functional as F

# Shared with the one-feature generator: number formatting (repr round-trips), the optimizer
# constructors, single-thread torch and the silenced broadcast warning.
from make_torch_reference import OUT, fmt, make_optimizer


# ---------------------------------------------------------------- datasets
class Dataset:
    """n points with d features x_j ~ U(0,1)·scale_j and y = wᵀx + b + 0.1·N(0,1).

    Each true weight is c_j / scale_j with c_j ~ U(-3,3), so every feature moves y by a few units
    while the features themselves span 1 to 1000: the conditioning of raw, unscaled data."""

    def __init__(self, name, d, n, scales, seed, batch_sizes):
        rng = np.random.default_rng(seed)
        self.name, self.d, self.n = name, d, n
        self.scales = np.asarray(scales, dtype=float)
        self.x = rng.uniform(0.0, 1.0, (n, d)) * self.scales
        self.true_w = rng.uniform(-3.0, 3.0, d) / self.scales
        self.true_b = 0.7
        self.y = self.x @ self.true_w + self.true_b + 0.1 * rng.standard_normal(n)
        # The start every case of this dataset trains from.
        self.init_w = rng.uniform(-0.5, 0.5, d)
        self.init_b = 0.1
        self.batch_sizes = batch_sizes
        self.spread = not np.all(self.scales == 1.0)

    def write(self):
        path = os.path.join(OUT, self.name + ".csv")
        with open(path, "w") as f:
            f.write(",".join(f"x{j + 1}" for j in range(self.d)) + ",y\n")
            for row, yi in zip(self.x, self.y):
                f.write(",".join(fmt(v) for v in row) + f",{fmt(yi)}\n")
        back = np.loadtxt(path, delimiter=",", skiprows=1)
        assert np.array_equal(back[:, :-1], self.x) and np.array_equal(back[:, -1], self.y)


# Batch sizes: the whole set, one leaving a remainder batch, a small one. For d = 5 and d = 10
# the small one is below d, where FeatureTrainer hands the run to the per-sample trainer.
DATASETS = [
    Dataset("feat2_unit", 2, 300, [1.0, 1.0], 21, (300, 64, 4)),          # 300 = 4·64 + 44
    Dataset("feat2_spread", 2, 400, [1.0, 1000.0], 22, (400, 150, 8)),    # 400 = 2·150 + 100
    Dataset("feat5_spread", 5, 503, np.logspace(0, 3, 5), 23, (503, 100, 4)),   # rem 3
    Dataset("feat10_unit", 10, 257, np.ones(10), 24, (257, 50, 16)),      # 257 = 5·50 + 7
    Dataset("feat10_spread", 10, 1000, np.logspace(0, 3, 10), 25, (1000, 300, 8)),  # rem 100
]

# (variant, optimizer, lr, options) per kind of data. On unit features the usual lrs; on raw
# features spanning 1..1000 the curvature along the largest feature is ~1e5..1e6, so plain SGD
# needs lr ~1e-6 and lr 1e-5 diverges (kept on purpose), while the adaptive optimizers cope.
VARIANTS = {
    "unit": [
        ("adam", "adam", 0.01, {}),
        ("adam", "adam", 0.1, {}),
        ("sgd", "sgd", 0.1, {}),
        ("sgd", "sgd", 0.5, {}),          # diverges where the curvature exceeds 4 (feat10_unit)
        ("sgd-momentum", "sgd", 0.02, {"momentum": 0.9}),
        ("adamw", "adamw", 0.01, {"weight_decay": 0.01}),
        ("rmsprop", "rmsprop", 0.01, {}),
        ("adagrad", "adagrad", 0.1, {}),
    ],
    "spread": [
        ("adam", "adam", 0.01, {}),
        ("adam", "adam", 0.1, {}),
        ("sgd", "sgd", 1e-6, {}),
        ("sgd", "sgd", 1e-5, {}),         # diverges on raw units
        ("sgd-momentum", "sgd", 1e-7, {"momentum": 0.9}),
        ("adamw", "adamw", 0.01, {"weight_decay": 0.01}),
        ("rmsprop", "rmsprop", 0.001, {}),
        ("adagrad", "adagrad", 0.1, {}),
    ],
}

COLUMNS = ["case_id", "data", "d", "variant", "optimizer", "lr", "momentum", "weight_decay",
           "batch_size", "loss", "epochs", "precision", "init_weights", "init_intercept",
           "weights", "intercept", "last_batch_loss", "steps"]


def case_list():
    cases = []
    for ds in DATASETS:
        for variant, optimizer, lr, options in VARIANTS["spread" if ds.spread else "unit"]:
            for loss in ("mse", "mse-broadcast"):
                for B in ds.batch_sizes:
                    for epochs in (1, 15):
                        for precision in ("float32", "float64"):
                            cid = (f"{ds.name}_{variant}_lr{lr!r}_b{B}_{loss}_e{epochs}_"
                                   + ("f32" if precision == "float32" else "f64"))
                            cases.append(dict(
                                case_id=cid, data=ds, d=ds.d, variant=variant,
                                optimizer=optimizer, lr=lr, options=options,
                                momentum=options.get("momentum", 0.0),
                                weight_decay=options.get("weight_decay", 0.0),
                                batch_size=B, loss=loss, epochs=epochs, precision=precision))
    ids = [c["case_id"] for c in cases]
    assert len(ids) == len(set(ids))
    return cases


# ---------------------------------------------------------------- training
def train(c):
    """nn.Linear(d, 1) from the dataset's init, consecutive batches (last = remainder).

    Returns (weights, intercept, last_batch_loss, steps)."""
    ds = c["data"]
    dtype = {"float32": torch.float32, "float64": torch.float64}[c["precision"]]
    model = torch.nn.Linear(ds.d, 1)
    if c["precision"] == "float64":
        model.double()
    with torch.no_grad():
        # copy_ from float64 rounds the init to the parameter's precision.
        model.weight.copy_(torch.tensor(ds.init_w, dtype=torch.float64).reshape(1, ds.d))
        model.bias.fill_(ds.init_b)
    n = ds.n
    X = torch.tensor(ds.x, dtype=dtype)
    # mse-broadcast: (B,1) predictions vs (B,1,1) targets broadcast to (B,B,1).
    Y = torch.tensor(ds.y, dtype=dtype).reshape((n, 1) if c["loss"] == "mse" else (n, 1, 1))
    opt = make_optimizer(model.parameters(), c["optimizer"], c["lr"], c["weight_decay"],
                         c["options"])
    B = c["batch_size"]
    steps, last = 0, float("nan")
    for _ in range(c["epochs"]):
        for s in range(0, n, B):
            opt.zero_grad()
            l = F.mse_loss(model(X[s:s + B]), Y[s:s + B])
            l.backward()
            opt.step()
            last = l.item()                     # loss before this update
            steps += 1
    assert steps == c["epochs"] * -(-n // B)
    weights = model.weight.detach().reshape(-1).tolist()
    return weights, model.bias.item(), last, steps


def cell(v):
    if isinstance(v, str):
        return v
    if isinstance(v, (list, np.ndarray)):
        return " ".join(fmt(e) for e in v)
    return fmt(v)


def main():
    os.makedirs(OUT, exist_ok=True)
    for ds in DATASETS:
        ds.write()
    path = os.path.join(OUT, "feature_cases.csv")
    with open(path, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for c in case_list():
            weights, intercept, last, steps = train(c)
            ds = c["data"]
            row = dict(c, data=ds.name, init_weights=list(ds.init_w), init_intercept=ds.init_b,
                       weights=weights, intercept=intercept, last_batch_loss=last, steps=steps)
            f.write(",".join(cell(row[k]) for k in COLUMNS) + "\n")
            print(f"{c['case_id']:60s} intercept={intercept:<12.6g} last={last:.6g}")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
