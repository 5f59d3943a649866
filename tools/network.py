#!/usr/bin/env python3
"""Writes samples/network.grad: the Backprop Explainer's network (seeds/001) as a .grad program.

One input, three hidden layers of eight ReLU neurons, one linear output neuron, and the squared-error loss
of one training example (x, y) taken from the sine data set the article trains on. Weights and biases come
from a fixed linear congruential generator, so the file is the same on every run:

    python3 tools/network.py > samples/network.grad
"""
import math

WIDTH = 8
LAYERS = 3
X = 1.2


class Numbers:
    """A small fixed generator of weights in [-scale, scale], rounded to two decimals."""

    def __init__(self, seed):
        self.state = seed

    def next(self, scale):
        self.state = (self.state * 1103515245 + 12345) % (2 ** 31)
        return round((self.state / 2 ** 31 * 2 - 1) * scale, 2)


def main():
    numbers = Numbers(20201123)
    lines = [
        "# The network of the Backprop Explainer (seeds/001): one input, three hidden layers of eight",
        "# ReLU neurons, one output neuron, and the squared-error loss of one example of its sine data.",
        "# Written by tools/network.py; weights and biases are fixed pseudo-random numbers.",
        f"x = {X}",
        f"y = {round(math.sin(X), 3)}",
    ]
    previous = ["x"]
    for layer in range(1, LAYERS + 2):
        size = 1 if layer == LAYERS + 1 else WIDTH
        scale = math.sqrt(2 / len(previous))
        for j in range(1, size + 1):
            for i, _ in enumerate(previous, start=1):
                lines.append(f"w{layer}_{i}_{j} = {numbers.next(scale)}")
            lines.append(f"b{layer}_{j} = {numbers.next(0.1)}")
        names = []
        for j in range(1, size + 1):
            terms = " + ".join(f"w{layer}_{i}_{j} * {p}" for i, p in enumerate(previous, start=1))
            if layer == LAYERS + 1:
                lines.append(f"yhat = {terms} + b{layer}_{j}")
                names.append("yhat")
            else:
                lines.append(f"h{layer}_{j} = relu({terms} + b{layer}_{j})")
                names.append(f"h{layer}_{j}")
        previous = names
    lines.append("loss = (yhat - y)^2")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
