#!/usr/bin/env python3
"""NumPy reference for `workbook bench`: the same work, the same shapes, float32.

Batch mode (`numpy_reference.py [--runs N] [NAME...]`): prints one JSON object per case,
{"name": ..., "median_seconds": ...}; one warm-up run, then --runs timed runs, median wall time.

Server mode (`numpy_reference.py --serve`), what `workbook bench` uses: one process for the whole
bench, so NumPy stays warm and the Swift and NumPy runs of a case can alternate (ABAB...). It reads
one command per line on stdin and answers one JSON line on stdout:
  `time NAME [REPS [WARM]]`  untimed runs, at least REPS (default 1) and for at least WARM
               seconds (default 0), so caches, OpenBLAS threads and the CPU clock are warm, then
               REPS timed runs back to back; after them, waits --settle seconds (OpenBLAS worker threads
               spin about 0.1 s after a call and would otherwise take a core from the Swift run that
               follows), then answers {"name": NAME, "seconds": t} with t the mean time of one run,
               or {"name": NAME, "error": "unknown case"};
  `names`      {"names": [...]}, the cases it knows;
  `quit`       exits.
"""
import argparse
import json
import math
import os
import time

import numpy as np


def orthogonal(rng, n):
    a = rng.standard_normal((n, n), dtype=np.float32)
    q, r = np.linalg.qr(a)
    return q * np.sign(np.diag(r))


DIGITS_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "NetLab", "Resources", "digits.csv")


def forward_stats(rng, samples=1000, width=500, depth=10, bins=40):
    """One forward-stats run with one init (xavier-normal), as the Swift experiment: standard normal
    inputs, per-layer weights [out, in], h = tanh(h @ W.T) in float32, per-layer mean/std (float64
    accumulation) of layers 0..depth and a 40-bin histogram over [-1, 1] of layers 1..depth."""
    h = rng.standard_normal((samples, width), dtype=np.float32)
    std = np.float32(math.sqrt(2.0 / (width + width)))
    stats = [(h.mean(dtype=np.float64), h.std(dtype=np.float64))]
    histograms = []
    for _ in range(depth):
        w = rng.standard_normal((width, width), dtype=np.float32)
        w *= std
        h = np.tanh(h @ w.T)
        stats.append((h.mean(dtype=np.float64), h.std(dtype=np.float64)))
        histograms.append(np.histogram(h, bins=bins, range=(-1.0, 1.0))[0])
    return stats, histograms


def load_digits():
    """The UCI digits CSV (64 pixels in 0..16, then the label), pixels scaled to [0, 1], split
    1437 train / 360 test by a fixed permutation (shapes as the Swift split)."""
    raw = np.loadtxt(DIGITS_CSV, delimiter=",", dtype=np.int64)
    x = (raw[:, :64] / 16.0).astype(np.float32)
    y = raw[:, 64]
    order = np.random.default_rng(1998).permutation(len(y))
    train, test = order[:-360], order[-360:]
    return x[train], y[train], x[test], y[test]


def xavier_normal(rng, fan_out, fan_in):
    return rng.standard_normal((fan_out, fan_in), dtype=np.float32) * np.float32(math.sqrt(2.0 / (fan_in + fan_out)))


def training_epoch(rng, data, initial, batch=64, lr=0.05):
    """One SGD epoch of the training experiment's network (64 -> 4 x 128 relu -> 10 linear, biases,
    softmax cross-entropy in float64 as the Swift loss), with the same finiteness checks per step,
    then the test loss and accuracy."""
    x_train, y_train, x_test, y_test = data
    weights = [w.copy() for w, _ in initial]
    biases = [b.copy() for _, b in initial]
    eta = np.float32(lr)
    count = len(y_train)
    order = rng.permutation(count)
    total = 0.0
    batches = 0
    for start in range(0, count, batch):
        index = order[start:start + batch]
        h, labels = x_train[index], y_train[index]
        outputs = [h]
        pre = []
        for l, (w, b) in enumerate(zip(weights, biases)):
            z = h @ w.T + b
            pre.append(z)
            h = np.maximum(z, np.float32(0)) if l < len(weights) - 1 else z
            outputs.append(h)
        logits = h.astype(np.float64)
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total_exp = exp.sum(axis=1, keepdims=True)
        n = len(labels)
        loss = -(shifted[np.arange(n), labels] - np.log(total_exp[:, 0])).mean()
        grad = exp / total_exp
        grad[np.arange(n), labels] -= 1
        upstream = (grad / n).astype(np.float32)
        if not (math.isfinite(loss) and np.isfinite(upstream).all()):
            return
        grads = []
        for l in range(len(weights) - 1, -1, -1):
            delta = upstream if l == len(weights) - 1 else upstream * (pre[l] > 0)
            grads.append((l, delta.T @ outputs[l], delta.sum(axis=0)))
            upstream = delta @ weights[l]
        if not all(np.isfinite(gw).all() and np.isfinite(gb).all() for _, gw, gb in grads):
            return
        for l, gw, gb in grads:
            weights[l] -= eta * gw
            biases[l] -= eta * gb
        if not all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in zip(weights, biases)):
            return
        total += loss
        batches += 1
    h = x_test
    for l, (w, b) in enumerate(zip(weights, biases)):
        h = h @ w.T + b
        if l < len(weights) - 1:
            h = np.maximum(h, np.float32(0))
    logits = h.astype(np.float64)
    shifted = logits - logits.max(axis=1, keepdims=True)
    test_loss = -(shifted[np.arange(len(y_test)), y_test] - np.log(np.exp(shifted).sum(axis=1))).mean()
    accuracy = (logits.argmax(axis=1) == y_test).mean()
    return total / max(1, batches), test_loss, accuracy


def cases(rng):
    out = np.empty((4096, 4096), dtype=np.float32)
    fan = 4096
    xavier_bound = math.sqrt(6.0 / (fan + fan))
    kaiming_std = math.sqrt(2.0) / math.sqrt(fan)
    a = rng.standard_normal((1000, 500), dtype=np.float32)
    b = rng.standard_normal((500, 500), dtype=np.float32)
    return {
        "fill-normal-4096x4096": lambda: rng.standard_normal(out=out, dtype=np.float32),
        "fill-uniform-4096x4096": lambda: rng.random(out=out, dtype=np.float32),
        "fill-xavier-uniform-4096x4096": lambda: np.multiply(
            np.subtract(rng.random(out=out, dtype=np.float32), np.float32(0.5), out=out),
            np.float32(2 * xavier_bound), out=out),
        "fill-kaiming-normal-4096x4096": lambda: np.multiply(
            rng.standard_normal(out=out, dtype=np.float32), np.float32(kaiming_std), out=out),
        "orthogonal-512x512": lambda: orthogonal(rng, 512),
        "orthogonal-1024x1024": lambda: orthogonal(rng, 1024),
        "matmul-1000x500x500": lambda: a @ b,
        "forward-stats-tanh-d10-w500-n1000": lambda: forward_stats(rng),
        "forward-stats-products-d10-w500-n1000": forward_products_case(rng),
        "training-epoch-digits": training_case(rng),
    }


def forward_products_case(rng, samples=1000, width=500, depth=10):
    """The matrix products of forward_stats alone: depth times h @ w.T on fixed operands."""
    h = rng.standard_normal((samples, width), dtype=np.float32)
    weights = [rng.standard_normal((width, width), dtype=np.float32) * np.float32(math.sqrt(1.0 / width))
               for _ in range(depth)]

    def body():
        out = None
        for w in weights:
            out = h @ w.T
        return out

    return body


def training_case(rng):
    """Loads the digits and initialises the network once (outside the timed runs), as the Swift case."""
    data = {}

    def body():
        if not data:
            data["split"] = load_digits()
            widths = [64, 128, 128, 128, 128, 10]
            data["initial"] = [(xavier_normal(rng, o, i), np.zeros(o, dtype=np.float32))
                               for i, o in zip(widths, widths[1:])]
        return training_epoch(rng, data["split"], data["initial"])

    return body


def serve(table, settle):
    """Answers `time NAME`, `names` and `quit` commands from stdin (see the module docstring)."""
    import sys
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        fields = rest.split()
        name = fields[0] if fields else ""
        reps = max(1, int(fields[1])) if len(fields) > 1 and fields[1].isdigit() else 1
        warm = float(fields[2]) if len(fields) > 2 else 0.0
        if command == "quit":
            return
        if command == "names":
            print(json.dumps({"names": list(table)}), flush=True)
            continue
        if command != "time":
            print(json.dumps({"error": f"unknown command {command!r}"}), flush=True)
            continue
        body = table.get(name)
        if body is None:
            print(json.dumps({"name": name, "error": "unknown case"}), flush=True)
            continue
        warm_start = time.perf_counter()
        runs = 0
        while runs < reps or time.perf_counter() - warm_start < warm:
            body()
            runs += 1
        start = time.perf_counter()
        for _ in range(reps):
            body()
        seconds = (time.perf_counter() - start) / reps
        time.sleep(settle)
        print(json.dumps({"name": name, "seconds": seconds}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--serve", action="store_true", help="answer commands on stdin (see the docstring)")
    parser.add_argument("--settle", type=float, default=0.15, help="seconds to wait after a timed run in --serve mode")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    table = cases(np.random.default_rng(1))
    if args.serve:
        serve(table, args.settle)
        return
    for name in args.names or list(table):
        if name not in table:
            continue
        body = table[name]
        body()
        samples = []
        for _ in range(max(1, args.runs)):
            start = time.perf_counter()
            body()
            samples.append(time.perf_counter() - start)
        samples.sort()
        print(json.dumps({"name": name, "median_seconds": samples[len(samples) // 2]}), flush=True)


if __name__ == "__main__":
    main()
