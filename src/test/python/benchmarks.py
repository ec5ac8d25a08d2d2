"""The numpy column of docs/benchmarks.md: W1-W6 of the benchmark suite, single-threaded.

Not part of the build. Run from the project root:

    python3 src/test/python/benchmarks.py

Each workload starts from the same parameters as the Java benchmarks (java.util.Random is
re-implemented below, so seed 42 gives diynn's start weights and the trainer's per-epoch shuffle),
prints the median of 5 timed runs and the answer it reached, to compare with BenchmarkAnswersTest.
"""
import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import csv
import math
import statistics
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "resources")


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator and its derived draws."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)
        self.spare = None

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        value = self.seed >> (48 - bits)
        return value - (1 << bits) if value >= 1 << (bits - 1) else value  # as a Java int

    def next_unsigned(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.seed >> (48 - bits)

    def next_double(self):
        return ((self.next_unsigned(26) << 27) + self.next_unsigned(27)) * 2.0 ** -53

    def next_int(self, bound):
        if bound & (bound - 1) == 0:
            return (bound * self.next_unsigned(31)) >> 31
        while True:
            bits = self.next_unsigned(31)
            value = bits % bound
            if bits - value + (bound - 1) < 1 << 31:
                return value

    def next_gaussian(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        multiplier = math.sqrt(-2 * math.log(s) / s)
        self.spare = v2 * multiplier
        return v1 * multiplier


def permutation(size, random):
    order = list(range(size))
    for i in range(size - 1, 0, -1):
        j = random.next_int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def network(sizes, random, scale=lambda fan_in, fan_out: 1.0):
    """Weights row by row, layer by layer, as Network.Builder draws them; biases start at 0."""
    layers = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        factor = scale(fan_in, fan_out)
        w = np.array([[factor * random.next_gaussian() for _ in range(fan_out)] for _ in range(fan_in)])
        layers.append((w, np.zeros(fan_out)))
    return layers


def load(name, inputs, target):
    with open(os.path.join(ROOT, name)) as handle:
        rows = list(csv.DictReader(handle))
    return (np.array([[float(row[c]) for c in inputs] for row in rows]),
            np.array([[float(row[c]) for c in target] for row in rows]))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sse(prediction, y):
    return 0.5 * np.sum((y - prediction) ** 2)


def median_ms(run, repeats=5):
    times, answer = [], None
    for _ in range(repeats):
        begin = time.perf_counter()
        answer = run()
        times.append((time.perf_counter() - begin) * 1e3)
    return statistics.median(times), answer


def w1(x, y):
    w1_, w2_ = [w for w, _ in network([2, 3, 1], JavaRandom(42))]

    def run():
        W1, W2 = w1_.copy(), w2_.copy()
        cost = lambda a, b: sse(sigmoid(x @ a) @ b, y)
        for _ in range(2000):
            current = cost(W1, W2)
            d1, d2 = np.zeros_like(W1), np.zeros_like(W2)
            for i in range(2):
                for j in range(3):
                    moved = W1.copy()
                    moved[i, j] += 1e-8
                    d1[i, j] = (cost(moved, W2) - current) / 1e-8
            for i in range(3):
                moved = W2.copy()
                moved[i, 0] += 1e-8
                d2[i, 0] = (cost(W1, moved) - current) / 1e-8
            W1, W2 = W1 - 0.01 * d1, W2 - 0.01 * d2
        return cost(W1, W2)
    return median_ms(run)


def w2(x, y):
    random = JavaRandom(42)
    start = [random.next_double(), random.next_double(), random.next_double()]
    target = y[:, 0]

    def run():
        w, b = np.array(start[:2]), start[2]
        f = lambda: np.sum(w * x, axis=1) + b
        for _ in range(2000):
            w[0] = w[0] - 0.001 * -np.dot(x[:, 0], target - f())
            w[1] = w[1] - 0.001 * -np.dot(x[:, 1], target - f())
            b = b - 0.001 * -np.sum(target - f())
            sse(f(), target)
        return sse(f(), target)
    return median_ms(run)


def w3(x, y):
    (w1_, _), (w2_, _) = network([2, 3, 1], JavaRandom(42))

    def run():
        W1, b1, W2, b2 = w1_.copy(), np.zeros(3), w2_.copy(), np.zeros(1)
        costs = []
        for _ in range(2000):
            h = sigmoid(x @ W1 + b1)
            d2 = h @ W2 + b2 - y
            dh = (d2 @ W2.T) * h * (1 - h)
            W2, b2 = W2 - 0.01 * (h.T @ d2), b2 - 0.01 * d2.sum(0)
            W1, b1 = W1 - 0.01 * (x.T @ dh), b1 - 0.01 * dh.sum(0)
            costs.append(sse(sigmoid(x @ W1 + b1) @ W2 + b2, y))
        return costs[999], costs[-1]
    return median_ms(run)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def digits():
    x, label = load("digits-8x8.csv", ["p%d" % k for k in range(64)], ["label"])
    return x / 16.0, np.eye(10)[label[:, 0].astype(int)]


def digits_network(hidden):
    return network([64, hidden, 10], JavaRandom(42), lambda fan_in, fan_out: math.sqrt(2.0 / (fan_in + fan_out)))


def w4(x, y, hidden=32, rows=None, epochs=10):
    rows = rows or len(x)
    x, y = x[:rows], y[:rows]
    (w1_, _), (w2_, _) = digits_network(hidden)

    def run():
        W1, b1, W2, b2 = w1_.copy(), np.zeros(hidden), w2_.copy(), np.zeros(10)
        random = JavaRandom(42)
        losses = []
        for _ in range(epochs):
            order = permutation(rows, random)
            for start in range(0, rows, 32):
                batch = order[start:start + 32]
                xb, yb = x[batch], y[batch]
                h = sigmoid(xb @ W1 + b1)
                d2 = (softmax(h @ W2 + b2) - yb) / len(batch)
                dh = (d2 @ W2.T) * h * (1 - h)
                W2, b2 = W2 - 0.1 * (h.T @ d2), b2 - 0.1 * d2.sum(0)
                W1, b1 = W1 - 0.1 * (xb.T @ dh), b1 - 0.1 * dh.sum(0)
            p = softmax(sigmoid(x @ W1 + b1) @ W2 + b2)
            losses.append(-np.sum(y * np.log(p)) / rows)
        return losses[-1]
    return median_ms(run)


def w5(x):
    (W1, b1), (W2, b2) = digits_network(32)
    predict = lambda rows: softmax(sigmoid(rows @ W1 + b1) @ W2 + b2)
    one = x[5:6]
    reps = 20000
    begin = time.perf_counter()
    for _ in range(reps):
        predict(one)
    one_us = (time.perf_counter() - begin) / reps * 1e6
    all_ms, outputs = median_ms(lambda: predict(x), 25)
    return one_us, all_ms, outputs


def w6():
    rates = []
    for n in (4, 16, 64, 256):
        a, b = np.random.default_rng(1).uniform(-1, 1, (n, n)), np.random.default_rng(2).uniform(-1, 1, (n, n))
        reps = max(10, int(2e8 / (2 * n ** 3)))
        samples = []
        for _ in range(5):
            begin = time.perf_counter()
            for _ in range(reps):
                a @ b
            samples.append((time.perf_counter() - begin) / reps)
        rates.append(2 * n ** 3 / statistics.median(samples) / 1e9)
    return rates


def main():
    scaled_x, scaled_y = load("iris.csv", ["sepal_length", "sepal_width"], ["petal_length"])
    raw_x, raw_y = scaled_x.copy(), scaled_y.copy()
    scaled_x, scaled_y = scaled_x / scaled_x.max(axis=0), scaled_y / scaled_y.max(axis=0)
    ms, cost = w1(scaled_x, scaled_y)
    print("W1 forward differences   %9.2f ms   final cost %.6f" % (ms, cost))
    ms, cost = w2(scaled_x, scaled_y)
    print("W2 linear (in turn)      %9.2f ms   final cost %.6f" % (ms, cost))
    ms, (at1000, final) = w3(raw_x, raw_y)
    print("W3 backpropagation       %9.2f ms   cost at epoch 1000 %.6f, final %.6f" % (ms, at1000, final))
    x, y = digits()
    ms, loss = w4(x, y)
    print("W4 digits, 10 epochs     %9.2f ms   %.0f samples/s, final loss %.9f" % (ms, 17970 / ms * 1e3, loss))
    one_us, all_ms, outputs = w5(x)
    print("W5 predict one           %9.2f us" % one_us)
    print("W5 predict 1797          %9.3f ms   sum of outputs %.6f" % (all_ms, outputs.sum()))
    print("W6 GFLOP/s n=4/16/64/256 %s" % " / ".join("%.2f" % r for r in w6()))
    for hidden in (8, 32, 128, 512, 2048):
        ms, loss = w4(x, y, hidden, 320, 1)
        print("scaling h=%-5d          %9.2f us/sample  loss %.9f" % (hidden, ms * 1e3 / 320, loss))


if __name__ == "__main__":
    main()
