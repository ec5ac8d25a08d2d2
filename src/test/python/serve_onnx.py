# Serving an exported diynn model with ONNX Runtime for Python (docs/onnx.md shows this file).
import numpy as np
import onnxruntime as ort

session = ort.InferenceSession("model.onnx", providers=["CPUExecutionProvider"])
features = np.array([[5.1, 3.5, 1.4, 0.2, 1.0]], dtype=np.float32)  # raw features, one row per sample
probabilities = session.run(["output"], {"input": features})[0]     # shape [batch, outputs]
meta = session.get_modelmeta().custom_metadata_map                  # diynn.class_labels, diynn.input_names, ...
print(probabilities, meta.get("diynn.class_labels"))
