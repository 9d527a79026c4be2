#!/usr/bin/env python3
"""NumPy reference for `workbook bench`: the same work, the same shapes, float32.

Prints one JSON object per case: {"name": ..., "median_seconds": ...}.
Method (same as the Swift side): one warm-up run, then --runs timed runs, median wall time.
"""
import argparse
import json
import math
import time

import numpy as np


def orthogonal(rng, n):
    a = rng.standard_normal((n, n), dtype=np.float32)
    q, r = np.linalg.qr(a)
    return q * np.sign(np.diag(r))


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
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    table = cases(np.random.default_rng(1))
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
