package io.github.diynn.onnx;

import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Assembles the {@link SavedModel} of an imported network: its scalers from the offsets and scales
 * {@link GraphReader} found before the first and after the last layer, and its names and metadata
 * from the model's {@code metadata_props} (the {@code diynn.*} entries that {@link OnnxExport}
 * writes, or defaults for files from other producers).
 */
final class ImportedModel {

    private ImportedModel() {
    }

    /**
     * The scalings are {@code {offsets, scales}}, either null when the graph has no such node; a
     * single offset or scale of the input applies to every column.
     */
    static SavedModel assemble(Network network, OnnxProto.Model model, String source, double[][] inputScaling,
            double[][] targetScaling) throws OnnxFormatException {
        Scaler inputScaler = inputScaler(source, network.inputSize(), inputScaling[0], inputScaling[1]);
        Scaler targetScaler = targetScaler(source, network.outputSize(), targetScaling[0], targetScaling[1]);
        Map<String, String> props = model.metadata();
        try {
            SavedModel saved = SavedModel.of(network, metadata(props, model.producer()));
            if (inputScaler != null) {
                saved = saved.withInputScaler(kind(inputScaler, props.get("diynn.input_scaler")));
            }
            if (targetScaler != null) {
                saved = saved.withTargetScaler(kind(targetScaler, props.get("diynn.target_scaler")));
            }
            saved = saved.withInputNames(names(props, "diynn.input_names"));
            saved = saved.withTargetNames(names(props, "diynn.target_names"));
            return saved.withClassLabels(names(props, "diynn.class_labels"));
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(source, 0, "the model's metadata_props do not fit its graph: "
                    + e.getMessage());
        }
    }

    /**
     * The metadata a diynn export recorded; for another producer, this library's version, the epoch
     * as the creation time (the file does not say) and a summary naming the producer.
     */
    private static ModelMetadata metadata(Map<String, String> props, String producer) {
        String version = props.getOrDefault("diynn.library_version", ModelFile.LIBRARY_VERSION);
        Instant created = Instant.EPOCH;
        String stamp = props.get("diynn.created_at");
        if (stamp != null) {
            try {
                created = Instant.parse(stamp);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("diynn.created_at '" + stamp + "' is not an ISO-8601 instant", e);
            }
        }
        String summary = props.get("diynn.training_summary");
        if (summary == null) {
            summary = "imported from ONNX" + (producer.isBlank() ? "" : ", produced by " + producer.strip());
            summary = summary.substring(0, Math.min(summary.length(), ModelMetadata.MAX_SUMMARY_LENGTH));
        }
        return new ModelMetadata(version, created, summary);
    }

    private static Scaler kind(Scaler scaler, String kind) {
        return kind == null ? scaler : Scaler.of(Scaler.Kind.ofId(kind), scaler.offsets(), scaler.scales());
    }

    private static List<String> names(Map<String, String> props, String key) {
        String value = props.get(key);
        if (value == null) {
            return List.of();
        }
        try {
            return JsonStrings.decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a JSON array of strings: " + e.getMessage(), e);
        }
    }

    private static Scaler inputScaler(String source, int columns, double[] inputOffsets, double[] inputScales)
            throws OnnxFormatException {
        if (inputOffsets == null && inputScales == null) {
            return null;
        }
        return scaler(source,
                inputOffsets == null ? new double[columns] : broadcast(source, inputOffsets, columns, "input offsets"),
                inputScales == null ? filled(columns) : broadcast(source, inputScales, columns, "input scales"),
                inputOffsets == null, "input");
    }

    private static Scaler targetScaler(String source, int columns, double[] targetOffsets, double[] targetScales)
            throws OnnxFormatException {
        if (targetOffsets == null && targetScales == null) {
            return null;
        }
        return scaler(source, targetOffsets == null ? new double[columns] : targetOffsets,
                targetScales == null ? filled(columns) : targetScales, targetOffsets == null, "target");
    }

    /** Kind "max" without offsets; otherwise "z-score", the kind that takes any offsets (metadata may say better). */
    private static Scaler scaler(String source, double[] offsets, double[] scales, boolean noOffsets, String what)
            throws OnnxFormatException {
        try {
            return Scaler.of(noOffsets ? Scaler.Kind.MAX : Scaler.Kind.Z_SCORE, offsets, scales);
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(source, 0, "the " + what + " scaling is not a diynn scaler: "
                    + e.getMessage());
        }
    }

    private static double[] broadcast(String source, double[] values, int columns, String what)
            throws OnnxFormatException {
        if (values.length == columns) {
            return values;
        }
        if (values.length == 1) {
            double[] filled = new double[columns];
            Arrays.fill(filled, values[0]);
            return filled;
        }
        throw new OnnxFormatException(source, 0, "the " + what + " have " + values.length
                + " values but the network takes " + columns
                + " inputs");
    }

    private static double[] filled(int columns) {
        double[] ones = new double[columns];
        Arrays.fill(ones, 1.0);
        return ones;
    }
}
