#!/usr/bin/python3
"""Checks every *.onnx file in a folder with the reference onnx.checker (full check, with shape
inference); exits 1 if any is rejected. Then, if Python's onnxruntime is installed, runs the
serving snippet of docs/onnx.md (src/test/python/serve_onnx.py) on serving-example.onnx and
compares its output with serving-example.expected.txt (diynn's predictions, float tolerance).

    /usr/bin/python3 src/test/python/check_onnx_exports.py target/onnx-check
"""
import glob
import os
import sys

import onnx


def check(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.onnx")))
    if not files:
        print("no ONNX files in", folder)
        return 1
    rejected = 0
    for path in files:
        try:
            onnx.checker.check_model(onnx.load(path), full_check=True)
        except Exception as error:  # the checker raises several types; any is a rejection
            print("REJECTED", path, ":", error)
            rejected += 1
    print("onnx %s checker: %d of %d files accepted" % (onnx.__version__, len(files) - rejected, len(files)))
    return 1 if rejected else 0


def serve(folder):
    try:
        import numpy as np
        import onnxruntime  # noqa: F401
    except ImportError:
        print("onnxruntime for Python is not installed: the serving snippet was not run")
        return 0
    snippet = open(os.path.join(os.path.dirname(__file__), "serve_onnx.py")).read()
    rows = [[float(v) for v in line.split()] for line in open(os.path.join(folder, "serving-example.expected.txt"))]
    for row in rows:
        code = snippet.replace('"model.onnx"', repr(os.path.join(folder, "serving-example.onnx")))
        code = code.replace("[[5.1, 3.5, 1.4, 0.2, 1.0]]", repr([row[:5]])).replace("print(", "(")
        scope = {}
        exec(code, scope)
        if not np.allclose(scope["probabilities"][0], row[5:], rtol=1e-5, atol=1e-5):
            print("MISMATCH", scope["probabilities"][0], "expected", row[5:])
            return 1
    print("the serving snippet reproduced diynn's predictions on", len(rows), "rows")
    return 0


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "target/onnx-check"
    sys.exit(check(folder) or serve(folder))
