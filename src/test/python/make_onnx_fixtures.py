#!/usr/bin/python3
"""Makes the PyTorch-exported ONNX fixtures of OnnxPyTorchFixturesTest, and records their predictions.

Run from the repository root with Debian's packages (apt-get install python3-torch python3-onnx):

    /usr/bin/python3 src/test/python/make_onnx_fixtures.py

For each fixture NAME it writes, under src/test/resources/io/github/diynn/onnx/:
  NAME.onnx           the model, exported by torch.onnx.export with a dynamic batch dimension
  NAME.expected.txt   line 1: "rows inputs outputs"; then one line per sample: its inputs, then
                      PyTorch's outputs, as Python's repr of each double (exact, shortest digits)
The seeds are fixed, so running it again gives the same weights and the same predictions (the .onnx
bytes also record the torch version). Every file is checked with onnx.checker.check_model.
"""
import os

import onnx
import torch
from torch import nn

OUT = os.path.join("src", "test", "resources", "io", "github", "diynn", "onnx")


def fixtures():
    torch.manual_seed(20261201)
    yield "torch_relu_softmax", nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.Softmax(dim=1)), 4, torch.float32, 13
    yield "torch_tanh_sigmoid_double", nn.Sequential(
        nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1), nn.Sigmoid()).double(), 3, torch.float64, 14
    yield "torch_flatten_leaky_nobias", nn.Sequential(
        nn.Flatten(), nn.Linear(2, 4, bias=False), nn.LeakyReLU(0.1), nn.Dropout(0.5),
        nn.Linear(4, 2), nn.Identity()), 2, torch.float32, 17
    # Without constant folding, a Linear without a bias is MatMul(x, Transpose(W)).
    yield "torch_unfolded_transpose", nn.Sequential(
        nn.Linear(3, 4, bias=False), nn.Sigmoid(), nn.Linear(4, 2, bias=False)), 3, torch.float32, 14


def main():
    for name, model, inputs, dtype, opset in fixtures():
        fold = name != "torch_unfolded_transpose"
        model.eval()
        generator = torch.Generator().manual_seed(7)
        batch = (torch.rand(6, inputs, generator=generator, dtype=torch.float64) * 6 - 3).to(dtype)
        path = os.path.join(OUT, name + ".onnx")
        example = batch[:1]
        # The export call docs/onnx.md shows: names, a dynamic batch dimension, constants folded (but
        # for the fixture that keeps the Transpose).
        torch.onnx.export(model, example, path, input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
                          opset_version=opset, do_constant_folding=fold)
        onnx.checker.check_model(onnx.load(path))
        with torch.no_grad():
            predictions = model(batch)
        with open(os.path.join(OUT, name + ".expected.txt"), "w") as out:
            out.write("%d %d %d\n" % (batch.shape[0], batch.shape[1], predictions.shape[1]))
            for row, prediction in zip(batch.tolist(), predictions.tolist()):
                out.write(" ".join(repr(float(v)) for v in row + prediction) + "\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
