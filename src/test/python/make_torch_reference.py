#!/usr/bin/env python3
"""Generate PyTorch reference data for batchsweep's Java unit tests.

Run from /work/main with the Debian python that has python3-torch installed:

    /usr/bin/python3 src/test/python/make_torch_reference.py

Writes into src/test/resources/torch/:
  line1000.csv, line203.csv   datasets (header x,y)
  cases.csv                   one row per training case (final params etc.)
  trajectory.csv              per-epoch params for two selected cases
  optim_cases.csv             every optimizer x schedule x weight decay (see optim_case_list)
  README.md                   provenance and column meanings

Everything is deterministic: fixed numpy seeds, parameters initialised by
fill_, no shuffling, single-threaded torch.
"""
import math
import os
import warnings

import numpy as np
import torch
import torch.nn.functional as F

# Single thread so CPU reductions always run in the same order.
torch.set_num_threads(1)
# mse-broadcast deliberately uses mismatched target shapes; silence torch's
# "Using a target size ... different to the input size" UserWarning.
warnings.filterwarnings("ignore", message=".*target size.*", category=UserWarning)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "torch"))


def fmt(v):
    """Format a number with repr precision (shortest string that round-trips
    to the identical double; Double.parseDouble reads it back exactly).
    Non-finite values come out as inf, -inf, nan."""
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return str(int(v))
    return repr(float(v))


# ---------------------------------------------------------------- datasets
def make_datasets():
    x1 = np.linspace(0.0, 1.0, 1000)                      # float64
    y1 = -4.0 * x1 + 0.05 * np.random.default_rng(7).standard_normal(1000)
    x2 = np.linspace(-1.0, 2.0, 203)
    y2 = 1.5 * x2 + 0.3 + 0.2 * np.random.default_rng(11).standard_normal(203)
    return {"line1000": (x1, y1), "line203": (x2, y2)}


def write_dataset(name, x, y):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w") as f:
        f.write("x,y\n")
        for xi, yi in zip(x, y):
            f.write(f"{fmt(xi)},{fmt(yi)}\n")
    # Round-trip check: what we wrote parses back to the identical doubles.
    back = np.loadtxt(path, delimiter=",", skiprows=1)
    assert np.array_equal(back[:, 0], x) and np.array_equal(back[:, 1], y)


# ---------------------------------------------------------------- training
def train(x, y, optimizer, lr, momentum, batch_size, loss, epochs, precision,
          init_slope, init_intercept, on_epoch=None):
    """Train y ~ w*x + b exactly as the Java side is expected to.

    Returns (slope, intercept, last_batch_loss, steps)."""
    dtype = {"float32": torch.float32, "float64": torch.float64}[precision]
    model = torch.nn.Linear(1, 1)
    if precision == "float64":
        model.double()
    with torch.no_grad():
        model.weight.fill_(init_slope)
        model.bias.fill_(init_intercept)

    n = len(x)
    X = torch.tensor(x, dtype=dtype).reshape(n, 1)
    if loss == "mse":
        Y = torch.tensor(y, dtype=dtype).reshape(n, 1)
    elif loss == "mse-broadcast":
        # (B,1,1) targets vs (B,1) predictions -> broadcast to (B,B,1).
        Y = torch.tensor(y, dtype=dtype).reshape(n, 1, 1)
    else:
        raise ValueError(loss)

    if optimizer == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=lr)
    elif optimizer == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    else:
        raise ValueError(optimizer)

    steps = 0
    last = float("nan")
    for epoch in range(1, epochs + 1):
        # No shuffling; consecutive batches; last batch is the remainder.
        for s in range(0, n, batch_size):
            xb, yb = X[s:s + batch_size], Y[s:s + batch_size]
            opt.zero_grad()
            l = F.mse_loss(model(xb), yb)       # reduction='mean'
            l.backward()
            opt.step()
            last = l.item()                     # loss before this update
            steps += 1
        if on_epoch is not None:
            on_epoch(epoch, model.weight.item(), model.bias.item())
    return model.weight.item(), model.bias.item(), last, steps


def check_broadcast_semantics(x, y):
    """Assert that mse-broadcast loss == 1/B^2 sum_i sum_j (w x_j + b - y_i)^2
    on the first batch of the line203 adam mse-broadcast float64 case
    (B=50, init (1.0, -1.0))."""
    B, w, b = 50, 1.0, -1.0
    model = torch.nn.Linear(1, 1).double()
    with torch.no_grad():
        model.weight.fill_(w)
        model.bias.fill_(b)
    X = torch.tensor(x, dtype=torch.float64).reshape(-1, 1)
    Y = torch.tensor(y, dtype=torch.float64).reshape(-1, 1, 1)
    pred = model(X[:B])
    assert tuple((pred - Y[:B]).shape) == (B, B, 1)
    got = F.mse_loss(pred, Y[:B]).item()
    by_hand = sum((w * x[j] + b - y[i]) ** 2
                  for i in range(B) for j in range(B)) / (B * B)
    assert math.isclose(got, by_hand, rel_tol=1e-12), (got, by_hand)
    # And it is genuinely different from the plain (diagonal) MSE.
    plain = sum((w * x[i] + b - y[i]) ** 2 for i in range(B)) / B
    assert not math.isclose(got, plain, rel_tol=1e-3)
    return got, by_hand


# ---------------------------------------------------------------- cases
def case_list():
    """Each entry: dict of the case columns (without results)."""
    cases = []

    def add(data, optimizer, lr, momentum, batch_size, loss, epochs,
            init_slope, init_intercept):
        for precision in ("float32", "float64"):
            cid = (f"{data}_{optimizer}_lr{lr}"
                   + (f"_m{momentum}" if optimizer == "sgd" else "")
                   + f"_b{batch_size}_{loss}_e{epochs}_"
                   + ("f32" if precision == "float32" else "f64"))
            cases.append(dict(case_id=cid, data=data, optimizer=optimizer,
                              lr=lr, momentum=momentum, batch_size=batch_size,
                              loss=loss, epochs=epochs, precision=precision,
                              init_slope=init_slope,
                              init_intercept=init_intercept))

    both = ("mse", "mse-broadcast")
    # line1000, adam lr 0.01, 100 epochs: batch size sweep x both losses.
    for B in (10, 100, 1000):
        for loss in both:
            add("line1000", "adam", 0.01, 0.0, B, loss, 100, 0.5, -0.5)
    # Small batch, large lr.
    add("line1000", "adam", 0.1, 0.0, 10, "mse", 20, 0.5, -0.5)
    # SGD with and without momentum.
    for m in (0.0, 0.9):
        for loss in both:
            add("line1000", "sgd", 0.1, m, 50, loss, 30, -0.3, 0.8)
    # line203: remainder batches (203 = 3*64 + 11 = 4*50 + 3).
    for loss in both:
        add("line203", "sgd", 0.05, 0.0, 64, loss, 40, 0.0, 0.0)
    for loss in both:
        add("line203", "adam", 0.03, 0.0, 50, loss, 60, 1.0, -1.0)
    # Full batch, lr 1.5: expected to diverge; record whatever torch gives.
    add("line203", "sgd", 1.5, 0.0, 203, "mse", 50, 0.0, 0.0)
    return cases


COLUMNS = ["case_id", "data", "optimizer", "lr", "momentum", "batch_size",
           "loss", "epochs", "precision", "init_slope", "init_intercept",
           "slope", "intercept", "last_batch_loss", "steps"]

TRAJECTORY_CASES = {
    "line1000_adam_lr0.01_b100_mse_e100_f32",
    "line1000_adam_lr0.01_b100_mse-broadcast_e100_f32",
}


# ------------------------------------------------ optimizers x schedules x weight decay
# Each optimizer variant: (name, spec optimizer, lr, options). Options are the constructor
# arguments beyond lr and weight_decay; the Java test builds the same configuration.
OPTIMIZER_VARIANTS = [
    ("adam", "adam", 0.01, {}),
    ("adam-amsgrad", "adam", 0.01, {"amsgrad": True}),
    ("adamw", "adamw", 0.01, {}),
    ("adamw-amsgrad", "adamw", 0.01, {"amsgrad": True}),
    ("sgd", "sgd", 0.1, {}),
    ("sgd-momentum", "sgd", 0.05, {"momentum": 0.9}),
    ("sgd-nesterov", "sgd", 0.05, {"momentum": 0.9, "nesterov": True}),
    ("sgd-dampening", "sgd", 0.05, {"momentum": 0.5, "dampening": 0.3}),
    ("rmsprop", "rmsprop", 0.01, {}),
    ("rmsprop-centered", "rmsprop", 0.005, {"centered": True}),
    ("rmsprop-momentum", "rmsprop", 0.002, {"momentum": 0.8}),
    ("adagrad", "adagrad", 0.1, {}),
    ("adagrad-decay", "adagrad", 0.1, {"lr_decay": 0.01, "initial_accumulator_value": 0.1}),
]

SCHEDULES = ["constant", "step(3, 0.5)", "cosine", "cosine(0.001)", "warmup(5, 0.1)", "onecycle"]

OPTIM_COLUMNS = ["case_id", "data", "variant", "optimizer", "lr", "momentum", "dampening",
                 "nesterov", "weight_decay", "amsgrad", "centered", "lr_decay",
                 "initial_accumulator_value", "schedule", "batch_size", "loss", "epochs",
                 "precision", "init_slope", "init_intercept", "slope", "intercept",
                 "last_batch_loss", "steps"]


def make_optimizer(params, optimizer, lr, weight_decay, o):
    if optimizer == "adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay,
                                amsgrad=o.get("amsgrad", False), foreach=False)
    if optimizer == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay,
                                 amsgrad=o.get("amsgrad", False), foreach=False)
    if optimizer == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=o.get("momentum", 0.0),
                               dampening=o.get("dampening", 0.0), weight_decay=weight_decay,
                               nesterov=o.get("nesterov", False), foreach=False)
    if optimizer == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.99, eps=1e-8, weight_decay=weight_decay,
                                   momentum=o.get("momentum", 0.0), centered=o.get("centered", False),
                                   foreach=False)
    if optimizer == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, lr_decay=o.get("lr_decay", 0.0),
                                   weight_decay=weight_decay,
                                   initial_accumulator_value=o.get("initial_accumulator_value", 0.0),
                                   eps=1e-10, foreach=False)
    raise ValueError(optimizer)


def make_scheduler(opt, optimizer, schedule, max_lr, epochs, steps_per_epoch):
    """(scheduler or None, per_batch)."""
    if schedule == "constant":
        return None, False
    if schedule.startswith("step("):
        e, g = schedule[5:-1].split(",")
        return torch.optim.lr_scheduler.StepLR(opt, step_size=int(e), gamma=float(g)), False
    if schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs), False
    if schedule.startswith("cosine("):
        return torch.optim.lr_scheduler.CosineAnnealingLR(
            opt, T_max=epochs, eta_min=float(schedule[7:-1])), False
    if schedule.startswith("warmup("):
        e, f = schedule[7:-1].split(",")
        return torch.optim.lr_scheduler.LinearLR(
            opt, start_factor=float(f), end_factor=1.0, total_iters=int(e)), False
    if schedule.startswith("onecycle("):
        # Adagrad has neither momentum nor betas: OneCycleLR would refuse to cycle them.
        return torch.optim.lr_scheduler.OneCycleLR(
            opt, max_lr=float(schedule[9:-1]), total_steps=epochs * steps_per_epoch,
            cycle_momentum=optimizer != "adagrad"), True
    raise ValueError(schedule)


def train_optim(x, y, c):
    dtype = {"float32": torch.float32, "float64": torch.float64}[c["precision"]]
    model = torch.nn.Linear(1, 1)
    if c["precision"] == "float64":
        model.double()
    with torch.no_grad():
        model.weight.fill_(c["init_slope"])
        model.bias.fill_(c["init_intercept"])
    n = len(x)
    X = torch.tensor(x, dtype=dtype).reshape(n, 1)
    Y = torch.tensor(y, dtype=dtype).reshape((n, 1) if c["loss"] == "mse" else (n, 1, 1))
    B = c["batch_size"]
    steps_per_epoch = -(-n // B)
    opt = make_optimizer(model.parameters(), c["optimizer"], c["lr"], c["weight_decay"], c["options"])
    sched, per_batch = make_scheduler(opt, c["optimizer"], c["schedule"], c["lr"], c["epochs"],
                                      steps_per_epoch)
    steps, last = 0, float("nan")
    for epoch in range(c["epochs"]):
        for s in range(0, n, B):
            opt.zero_grad()
            l = F.mse_loss(model(X[s:s + B]), Y[s:s + B])
            l.backward()
            opt.step()
            last = l.item()
            steps += 1
            if per_batch:
                sched.step()
        if sched is not None and not per_batch:
            sched.step()
    return model.weight.item(), model.bias.item(), last, steps


def optim_case_list():
    cases = []
    for variant, optimizer, lr, options in OPTIMIZER_VARIANTS:
        decays = (0.01, 0.1) if optimizer == "adamw" else (0.0, 0.05)
        for schedule in SCHEDULES:
            label = f"onecycle({2 * lr!r})" if schedule == "onecycle" else schedule
            for wd in decays:
                for loss in ("mse", "mse-broadcast"):
                    for B in (10, 300, 1000):
                        for epochs in (1, 20):
                            for precision in ("float32", "float64"):
                                cid = (f"{variant}_{label.replace(' ', '')}_wd{wd}_{loss}_b{B}"
                                       f"_e{epochs}_" + ("f32" if precision == "float32" else "f64"))
                                cases.append(dict(
                                    case_id=cid, data="line1000", variant=variant,
                                    optimizer=optimizer, lr=lr, options=options,
                                    momentum=options.get("momentum", 0.0),
                                    dampening=options.get("dampening", 0.0),
                                    nesterov=options.get("nesterov", False),
                                    weight_decay=wd, amsgrad=options.get("amsgrad", False),
                                    centered=options.get("centered", False),
                                    lr_decay=options.get("lr_decay", 0.0),
                                    initial_accumulator_value=options.get(
                                        "initial_accumulator_value", 0.0),
                                    schedule=label, batch_size=B, loss=loss, epochs=epochs,
                                    precision=precision, init_slope=0.5, init_intercept=-0.5))
    return cases


def write_optim_cases(data):
    x, y = data["line1000"]
    path = os.path.join(OUT, "optim_cases.csv")
    with open(path, "w") as f:
        f.write(",".join(OPTIM_COLUMNS) + "\n")
        for c in optim_case_list():
            slope, intercept, last, steps = train_optim(x, y, c)
            row = dict(c, slope=slope, intercept=intercept, last_batch_loss=last, steps=steps)
            cells = []
            for k in OPTIM_COLUMNS:
                v = row[k]
                if isinstance(v, bool):
                    cells.append("true" if v else "false")
                elif isinstance(v, str):
                    cells.append(v if "," not in v else '"' + v + '"')
                else:
                    cells.append(fmt(v))
            f.write(",".join(cells) + "\n")
    print(f"wrote {path}")


def main():
    os.makedirs(OUT, exist_ok=True)
    data = make_datasets()
    for name, (x, y) in data.items():
        write_dataset(name, x, y)

    got, by_hand = check_broadcast_semantics(*data["line203"])
    print(f"broadcast check ok: torch={got!r} by_hand={by_hand!r}")

    rows, traj = [], []
    for c in case_list():
        x, y = data[c["data"]]
        cb = None
        if c["case_id"] in TRAJECTORY_CASES:
            cid = c["case_id"]
            cb = lambda e, w, b, cid=cid: traj.append((cid, e, w, b))
        slope, intercept, last, steps = train(
            x, y, c["optimizer"], c["lr"], c["momentum"], c["batch_size"],
            c["loss"], c["epochs"], c["precision"], c["init_slope"],
            c["init_intercept"], on_epoch=cb)
        expected_steps = c["epochs"] * -(-len(x) // c["batch_size"])
        assert steps == expected_steps
        rows.append(dict(c, slope=slope, intercept=intercept,
                         last_batch_loss=last, steps=steps))
        print(f"{c['case_id']:55s} slope={slope:<12.6g} "
              f"intercept={intercept:<12.6g} last={last:.6g} steps={steps}")
    assert len(traj) == 200, len(traj)

    with open(os.path.join(OUT, "cases.csv"), "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for r in rows:
            f.write(",".join(
                r[k] if isinstance(r[k], str) else fmt(r[k]) for k in COLUMNS)
                + "\n")
    with open(os.path.join(OUT, "trajectory.csv"), "w") as f:
        f.write("case_id,epoch,slope,intercept\n")
        for cid, e, w, b in traj:
            f.write(f"{cid},{e},{fmt(w)},{fmt(b)}\n")
    write_optim_cases(data)
    write_readme()


def write_readme():
    text = f"""# PyTorch reference data

Generated by `src/test/python/make_torch_reference.py` with
torch {torch.__version__} and numpy {np.__version__}
(Debian packages `python3-torch`, `python3-numpy`; CPU, single thread).

Regenerate (from `/work/main`):

    /usr/bin/python3 src/test/python/make_torch_reference.py

The output is deterministic (fixed numpy seeds, parameters set with `fill_`,
no shuffling). Numbers are written with Python `repr(float)`: the shortest
decimal that round-trips, so `Double.parseDouble` yields the identical double.
Non-finite values are written `inf`, `-inf`, `nan` (Java's parseDouble does
not accept these spellings; map them to Infinity/-Infinity/NaN).

## line1000.csv, line203.csv (header `x,y`)

- `line1000`: x = linspace(0, 1, 1000); y = -4x + 0.05 N(0,1), `default_rng(7)`.
- `line203`:  x = linspace(-1, 2, 203); y = 1.5x + 0.3 + 0.2 N(0,1), `default_rng(11)`.

## cases.csv

| column | meaning |
|---|---|
| case_id | unique name (data_optimizer_lr[_momentum]_batch_loss_epochs_precision) |
| data | `line1000` or `line203` (the CSV above) |
| optimizer | `adam` (torch defaults betas (0.9,0.999), eps 1e-8, no weight decay) or `sgd` |
| lr | learning rate |
| momentum | SGD momentum (0.0 for adam, unused) |
| batch_size | B; consecutive batches in file order, last batch = remainder |
| loss | `mse`: targets (n,1); `mse-broadcast`: targets (n,1,1), so mse_loss of (B,1) predictions vs (B,1,1) targets broadcasts to (B,B,1) = 1/B² Σ_i Σ_j (w x_j + b − y_i)² |
| epochs | passes over the data |
| precision | `float32` (float32 tensors from the float64 data) or `float64` (`model.double()`) |
| init_slope, init_intercept | initial weight / bias (set with `fill_`) |
| slope, intercept | weight / bias after training (float32 results are exact float32 values printed as doubles) |
| last_batch_loss | loss of the very last step, computed before that step's update |
| steps | total optimizer steps = epochs × ceil(n / B) |

Per step: `zero_grad(); loss = mse_loss(model(xb), yb); loss.backward(); step()`.

## optim_cases.csv

Every optimizer variant (Adam, Adam+AMSGrad, AdamW, AdamW+AMSGrad, SGD plain, with
momentum 0.9, Nesterov, dampening 0.3; RMSprop plain, centered, with momentum 0.8;
Adagrad plain and with lr_decay 0.01 + initial accumulator 0.1) x every schedule
(`constant`, `step(3, 0.5)` = StepLR, `cosine` / `cosine(0.001)` = CosineAnnealingLR
with T_max = epochs, `warmup(5, 0.1)` = LinearLR(start_factor 0.1, total_iters 5),
`onecycle(2·lr)` = OneCycleLR(total_steps = epochs·ceil(n/B)), cycling momentum or β1
except for Adagrad) x weight decay (0 and 0.05; AdamW 0.01 and 0.1) x loss x batch size
(10, 300 with a remainder batch of 100, 1000) x epochs (1, 20) x precision, on
`line1000` with init (0.5, −0.5), no shuffling, `foreach=False`. Epoch schedules are
stepped after each epoch's last batch, OneCycleLR after every batch. Columns: the
configuration (`optimizer`, `lr`, `momentum`, `dampening`, `nesterov`, `weight_decay`,
`amsgrad`, `centered`, `lr_decay`, `initial_accumulator_value`, `schedule` as the spec
spells it), then `slope`, `intercept`, `last_batch_loss`, `steps` as in cases.csv.

## trajectory.csv (header `case_id,epoch,slope,intercept`)

Parameters after each epoch (1..100) for two cases from cases.csv:
`line1000_adam_lr0.01_b100_mse_e100_f32` and
`line1000_adam_lr0.01_b100_mse-broadcast_e100_f32`.

## d features: feat*.csv and feature_cases.csv

Generated by `src/test/python/make_torch_features.py` (about 2.5 minutes):

    /usr/bin/python3 src/test/python/make_torch_features.py

Checked by `TorchFeatureCrossCheckTest` (both trainers; no Python needed).

Datasets (header `x1,…,xd,y`), raw units: x_j ~ U(0,1)·scale_j, true weight
w_j = c_j / scale_j with c_j ~ U(−3,3) (so each feature moves y by a few units),
y = wᵀx + 0.7 + 0.1 N(0,1), all from `default_rng(seed)`:

| data | d | n | scales | seed | batch sizes |
|---|---|---|---|---|---|
| `feat2_unit` | 2 | 300 | 1, 1 | 21 | 300, 64 (remainder 44), 4 |
| `feat2_spread` | 2 | 400 | 1, 1000 | 22 | 400, 150 (remainder 100), 8 |
| `feat5_spread` | 5 | 503 | logspace(0, 3, 5) = 1 … 1000 | 23 | 503, 100 (remainder 3), 4 |
| `feat10_unit` | 10 | 257 | all 1 | 24 | 257, 50 (remainder 7), 16 |
| `feat10_spread` | 10 | 1000 | logspace(0, 3, 10) = 1 … 1000 | 25 | 1000, 300 (remainder 100), 8 |

The small batch sizes 4 (d = 5) and 8 (d = 10) are below d, where the Java feature
trainer hands a run to the per-sample trainer.

Every case trains `nn.Linear(d, 1)` from the dataset's init (weights U(−0.5, 0.5) from
the same generator, set with `copy_`; bias 0.1 with `fill_`), consecutive unshuffled
batches, `foreach=False`, per step as above. Optimizers (torch defaults otherwise): on
unit features Adam lr 0.01 and 0.1, SGD lr 0.1 and 0.5 (0.5 diverges on `feat10_unit`,
whose curvature exceeds 2/0.5), SGD momentum 0.9 lr 0.02, AdamW lr 0.01 weight decay 0.01,
RMSprop lr 0.01, Adagrad lr 0.1; on spread features Adam lr 0.01 and 0.1, SGD lr 1e-6
and 1e-5 (1e-5 diverges: the curvature along the 1000-scale feature is ~1e5–1e6), SGD
momentum 0.9 lr 1e-7, AdamW lr 0.01 weight decay 0.01, RMSprop lr 0.001, Adagrad lr 0.1.
Each × loss (`mse`, `mse-broadcast`) × the dataset's three batch sizes × epochs (1, 15)
× precision: 960 cases, 24 of them blown up to inf/nan (recorded as PyTorch gives them).

Columns of `feature_cases.csv`: `case_id`
(data_variant_lr_batch_loss_epochs_precision), `data`, `d`, `variant`, `optimizer`, `lr`,
`momentum`, `weight_decay`, `batch_size`, `loss`, `epochs`, `precision`, `init_weights`
(d numbers separated by spaces), `init_intercept`, `weights` (d numbers separated by
spaces, after training), `intercept`, `last_batch_loss`, `steps` as in cases.csv.
"""
    with open(os.path.join(OUT, "README.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
