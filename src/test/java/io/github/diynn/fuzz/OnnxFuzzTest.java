package io.github.diynn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.diynn.io.SavedModel;
import io.github.diynn.onnx.OnnxExport;
import io.github.diynn.onnx.OnnxFormatException;
import io.github.diynn.onnx.OnnxImport;
import io.github.diynn.onnx.OnnxPrecision;

/**
 * The ONNX importer on arbitrary bytes: it returns a model whose parameters are finite and which
 * exports (in double) and imports again to an equal model, or throws {@link OnnxFormatException}
 * naming the source and an offset inside the input. Anything else (another exception, running out
 * of memory, a hang) is a finding.
 */
class OnnxFuzzTest {

    private static final String SOURCE = "fuzz.onnx";

    @FuzzTest(maxDuration = "60s")
    void readGivesAValidModelOrThrowsOnnxFormatExceptionNamingTheSource(byte[] data) throws OnnxFormatException {
        SavedModel model;
        try {
            model = OnnxImport.read(data, SOURCE);
        } catch (OnnxFormatException rejected) {
            assertThat(rejected.source()).isEqualTo(SOURCE);
            assertThat(rejected.getMessage()).startsWith(SOURCE + ": byte ");
            assertThat(rejected.offset()).isBetween(0L, (long) data.length);
            return;
        }
        for (double parameter : model.network().parameters()) {
            assertThat(parameter).isFinite();
        }
        byte[] exported = OnnxExport.toBytes(model, OnnxPrecision.DOUBLE);
        assertThat(OnnxImport.read(exported, SOURCE)).isEqualTo(model);
    }
}
