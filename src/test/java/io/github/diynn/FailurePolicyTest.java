package io.github.diynn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvException;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelFormatException;
import io.github.diynn.onnx.OnnxFormatException;
import io.github.diynn.onnx.OnnxImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's one policy for files (docs/data.md, "Files and failures"): a file that cannot be
 * read is a checked {@link IOException}; content that breaks a format is an unchecked
 * {@link IllegalArgumentException} naming the place, for CSV, model and ONNX files alike.
 */
class FailurePolicyTest {

    private static final CsvLoader LOADER = CsvLoader.builder().targets("y").build();

    @Test
    void everyFormatExceptionIsAnUncheckedIllegalArgumentException() {
        assertThat(IllegalArgumentException.class).isAssignableFrom(CsvException.class)
                .isAssignableFrom(ModelFormatException.class).isAssignableFrom(OnnxFormatException.class);
        assertThat(IOException.class.isAssignableFrom(ModelFormatException.class)).isFalse();
        assertThat(IOException.class.isAssignableFrom(OnnxFormatException.class)).isFalse();
    }

    @Test
    void aMissingFileIsANoSuchFileExceptionForEveryReader(@TempDir Path folder) {
        Path missing = folder.resolve("missing");
        assertThatThrownBy(() -> LOADER.load(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> ModelFile.load(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> OnnxImport.load(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aDirectoryIsAFileSystemExceptionForEveryReader(@TempDir Path folder) {
        assertThatThrownBy(() -> LOADER.load(folder)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(folder.toString());
        assertThatThrownBy(() -> ModelFile.load(folder)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(folder.toString());
        assertThatThrownBy(() -> OnnxImport.load(folder)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(folder.toString());
    }

    @Test
    void badContentIsTheFormatsOwnExceptionNamingTheSource() {
        assertThatThrownBy(() -> LOADER.load(new StringReader("x,y\n1,oops\n"), "data.csv"))
                .isInstanceOf(CsvException.class).hasMessageStartingWith("data.csv, line 2, column 2");
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                "model.json")).isInstanceOf(ModelFormatException.class).hasMessageStartingWith("model.json:1:");
        assertThatThrownBy(() -> OnnxImport.read(new byte[] {(byte) 0xFF}, "model.onnx"))
                .isInstanceOf(OnnxFormatException.class).hasMessageStartingWith("model.onnx: byte 0");
    }

    @Test
    void aSaveThatCannotWriteIsAnIoExceptionForEveryWriter(@TempDir Path folder) {
        Path target = folder.resolve("missing").resolve("out");
        Network network = Network.builder(1).dense(1, Activation.IDENTITY).build(1);
        assertThatThrownBy(() -> ModelFile.save(io.github.diynn.io.SavedModel.of(network,
                io.github.diynn.io.ModelMetadata.of(java.time.Instant.EPOCH, "t")), target)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> io.github.diynn.onnx.OnnxExport.save(network, target,
                io.github.diynn.onnx.OnnxPrecision.DOUBLE)).isInstanceOf(IOException.class);
    }
}
