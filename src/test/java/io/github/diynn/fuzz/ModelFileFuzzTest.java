package io.github.diynn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelFormatException;
import io.github.diynn.io.SavedModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The model loader on arbitrary bytes: it returns a model whose parameters are finite and which
 * saves and reloads to an equal model, or throws {@link ModelFormatException} naming the source.
 * Anything else (another IOException, an index error, running out of memory) is a finding.
 */
class ModelFileFuzzTest {

    private static final String SOURCE = "fuzz-model.json";

    @FuzzTest(maxDuration = "60s")
    void readGivesAValidModelOrThrowsModelFormatExceptionNamingTheSource(byte[] data) throws IOException {
        SavedModel model;
        try {
            model = ModelFile.read(new ByteArrayInputStream(data), SOURCE);
        } catch (ModelFormatException rejected) {
            assertThat(rejected.source()).isEqualTo(SOURCE);
            assertThat(rejected.getMessage()).contains(SOURCE);
            assertThat(rejected.line()).isNotNegative();
            assertThat(rejected.column()).isNotNegative();
            return;
        }
        for (double parameter : model.network().parameters()) {
            assertThat(parameter).isFinite();
        }
        byte[] saved = ModelFile.toBytes(model);
        assertThat(ModelFile.read(new ByteArrayInputStream(saved), SOURCE)).isEqualTo(model);
    }
}
