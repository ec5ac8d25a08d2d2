package io.github.diynn.onnx;

import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link SavedModel} of an imported network from the model's {@code metadata_props}: the
 * {@code diynn.*} entries that {@link OnnxExport} writes, or defaults for files from other producers.
 */
final class ImportedMetadata {

    private ImportedMetadata() {
    }

    static SavedModel apply(Network network, OnnxProto.Model model, String source, Scaler inputScaler,
            Scaler targetScaler) throws OnnxFormatException {
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
        return kind == null ? scaler : Scaler.of(kind, scaler.offsets(), scaler.scales());
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
}
