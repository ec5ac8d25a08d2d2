package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving to and loading from files and the class path. */
class ModelFileSaveTest {

    @TempDir
    Path directory;

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            bits[k] = Double.doubleToRawLongBits(values[k]);
        }
        return bits;
    }

    @Test
    void savedFileHoldsExactlyTheModelBytesAndLoadsBack() throws IOException {
        SavedModel model = TestModels.small();
        Path target = directory.resolve("model.json");

        ModelFile.save(model, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(ModelFile.toBytes(model));
        assertThat(ModelFile.load(target)).isEqualTo(model);
        assertThat(fileNames()).containsExactly("model.json");
    }

    @Test
    void savingReplacesAnExistingFile() throws IOException {
        Path target = directory.resolve("model.json");
        Files.writeString(target, "old content");
        SavedModel model = TestModels.small();

        ModelFile.save(model, target);

        assertThat(ModelFile.load(target)).isEqualTo(model);
        assertThat(fileNames()).containsExactly("model.json");
    }

    @Test
    void aWriteThatThrowsHalfwayLeavesThePreviousFileIntactAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("model.json");
        SavedModel previous = TestModels.small();
        ModelFile.save(previous, target);
        byte[] before = Files.readAllBytes(target);
        byte[] next = ModelFile.toBytes(SavedModel.of(TestModels.randomNetwork(new SplittableRandom(3)),
                ModelMetadata.of(TestModels.CREATED, "next")));

        assertThatThrownBy(() -> ModelFile.saveAtomically(target, out -> {
            out.write(next, 0, next.length / 2);
            throw new IOException("device full");
        })).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot save the model to " + target.toAbsolutePath()
                        + ": writing the temporary file .model.json.")
                .hasMessageEndingWith(".tmp failed after " + next.length / 2 + " bytes: java.io.IOException: device full;"
                        + " the old file is unchanged")
                .hasRootCauseMessage("device full");

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(ModelFile.load(target)).isEqualTo(previous);
        assertThat(fileNames()).containsExactly("model.json");
    }

    @Test
    void anUncheckedFailureHalfwayAlsoLeavesThePreviousFileIntactAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("model.json");
        ModelFile.save(TestModels.small(), target);
        byte[] before = Files.readAllBytes(target);

        assertThatThrownBy(() -> ModelFile.saveAtomically(target, out -> {
            out.write(new byte[100]);
            throw new UncheckedIOException(new IOException("stream closed"));
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(fileNames()).containsExactly("model.json");
    }

    @Test
    void aWriteThatFailsWithNoPreviousFileLeavesNothingBehind() throws IOException {
        Path target = directory.resolve("model.json");

        assertThatThrownBy(() -> ModelFile.saveAtomically(target, out -> {
            out.write('{');
            throw new IOException("interrupted");
        })).isInstanceOf(IOException.class);

        assertThat(fileNames()).isEmpty();
    }

    @Test
    void aMoveThatFailsLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "keep");

        assertThatThrownBy(() -> ModelFile.save(TestModels.small(), target)).isInstanceOf(IOException.class);

        assertThat(fileNames()).containsExactly("occupied");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("keep");
    }

    @Test
    void aNetworkTheLoaderWouldRefuseIsNotSavedAndTheOldFileIsKept() throws IOException {
        Path target = directory.resolve("model.json");
        ModelFile.save(TestModels.small(), target);
        byte[] before = Files.readAllBytes(target);
        Network wide = Network.of(DenseLayer.of(Matrix.zeros(1, ModelFile.MAX_LAYER_SIZE + 1), Activation.IDENTITY));
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l <= ModelFile.MAX_LAYERS; l++) {
            layers.add(DenseLayer.of(Matrix.of(1, 1, 1.0), Activation.IDENTITY));
        }
        Network deep = Network.of(layers);

        assertThatThrownBy(() -> ModelFile.save(SavedModel.of(wide, ModelMetadata.of(TestModels.CREATED, "wide")),
                target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0 outputSize 65537").hasMessageContaining("limit of 65536");
        assertThatThrownBy(() -> ModelFile.toBytes(SavedModel.of(deep, ModelMetadata.of(TestModels.CREATED, "deep"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1025 layers")
                .hasMessageContaining("limit of 1024");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(fileNames()).containsExactly("model.json");
    }

    @Test
    void aNetworkAtTheLoadersLimitsSavesAndLoads() throws IOException {
        Network wide = Network.of(DenseLayer.of(Matrix.filled(1, ModelFile.MAX_LAYER_SIZE, 0.5), Activation.TANH));
        SavedModel model = SavedModel.of(wide, ModelMetadata.of(TestModels.CREATED, "at the limit"));
        Path target = directory.resolve("wide.json");

        ModelFile.save(model, target);

        assertThat(ModelFile.load(target)).isEqualTo(model);
    }

    @Test
    void aTargetWithTheLongestFileNameTheFileSystemAllowsIsSaved() throws IOException {
        // 255 bytes is the longest name on common file systems; the temporary file must not be longer.
        Path target = directory.resolve("m".repeat(250) + ".json");
        SavedModel model = TestModels.small();

        ModelFile.save(model, target);

        assertThat(ModelFile.load(target)).isEqualTo(model);
        assertThat(fileNames()).containsExactly(target.getFileName().toString());
    }

    @Test
    void savingIntoAMissingDirectoryFailsWithoutCreatingIt() {
        Path target = directory.resolve("missing").resolve("model.json");

        assertThatThrownBy(() -> ModelFile.save(TestModels.small(), target)).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(target.getParent())).isFalse();
    }

    @Test
    void loadingADirectoryNamesThePath() throws IOException {
        Path folder = Files.createDirectory(directory.resolve("models"));

        assertThatThrownBy(() -> ModelFile.load(folder)).isExactlyInstanceOf(FileSystemException.class)
                .hasMessage(folder + ": is a directory, not a model file");
    }

    @Test
    void aFolderThatRefusesTheTemporaryFileIsReportedByTheTargetsName() throws IOException {
        Path target = directory.resolve("model.json");
        ModelFile.save(TestModels.small(), target);
        byte[] before = Files.readAllBytes(target);

        assertThatThrownBy(() -> ModelFile.saveAtomically(target, out -> out.write(1), (folder, name) -> {
            throw new AccessDeniedException(folder.resolve("." + name + ".1a2b.tmp").toString());
        })).isExactlyInstanceOf(AccessDeniedException.class)
                .hasMessage(target.toAbsolutePath() + ": cannot save the model: the folder " + directory.toAbsolutePath()
                        + " is not writable (creating a temporary file in it was refused); nothing was written")
                .hasMessageNotContaining(".tmp")
                .cause().hasMessageContaining(".model.json.1a2b.tmp");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(fileNames()).containsExactly("model.json");
    }

    @Test
    void aReadOnlyFolderIsReportedByTheTargetsNameAndKeepsNoTemporaryFile() throws IOException {
        Path folder = Files.createDirectory(directory.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(folder), "the user (root?) may write into a read-only folder");
            Path target = folder.resolve("model.json");

            assertThatThrownBy(() -> ModelFile.save(TestModels.small(), target))
                    .isExactlyInstanceOf(AccessDeniedException.class)
                    .hasMessageStartingWith(target.toAbsolutePath() + ": cannot save the model: the folder ")
                    .hasMessageContaining("is not writable");
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailureHalfwayWithNoPreviousFileSaysNoneWasCreated() {
        Path target = directory.resolve("new.json");

        assertThatThrownBy(() -> ModelFile.saveAtomically(target, out -> {
            out.write(new byte[10]);
            throw new FileSystemException("File too large");
        })).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot save the model to " + target.toAbsolutePath() + ": writing the temporary"
                        + " file .new.json.")
                .hasMessageEndingWith(" failed after 10 bytes: java.nio.file.FileSystemException: File too large; no"
                        + " file was created");
    }

    @Test
    void aMissingFolderIsReportedByTheTargetsName() {
        Path target = directory.resolve("missing").resolve("model.json");

        assertThatThrownBy(() -> ModelFile.save(TestModels.small(), target)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(target.toAbsolutePath() + ": cannot save the model: the folder " + target.getParent()
                        + " does not exist");
    }

    @Test
    void aMoveThatFailsNamesTheTargetAndTheStep() throws IOException {
        Path target = directory.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "keep");

        assertThatThrownBy(() -> ModelFile.save(TestModels.small(), target)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot save the model to " + target.toAbsolutePath() + ": moving the temporary"
                        + " file .occupied.")
                .hasMessageEndingWith("; the old file is unchanged");
    }

    @Test
    void loadingAMissingFileIsAPlainIoExceptionNotAFormatError() {
        assertThatThrownBy(() -> ModelFile.load(directory.resolve("absent.json")))
                .isExactlyInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusalOfAFileNamesItsPath() throws IOException {
        Path target = directory.resolve("broken.json");
        Files.writeString(target, "{\"format\": \"diynn-model\", \"version\": 7");

        assertThatThrownBy(() -> ModelFile.load(target)).isExactlyInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(target + ":1:38: format version 7 is newer than version 2");
    }

    @Test
    void aModelSavedThenLoadedFromTheClassPathPredictsExactlyAsBefore() throws IOException {
        Network network = Network.builder(3).dense(5, Activation.TANH).dense(2, Activation.IDENTITY).build(11);
        double[] parameters = network.parameters();
        parameters[0] = -0.0;
        parameters[1] = Double.MIN_VALUE;
        parameters[2] = 1e-310;
        SavedModel model = SavedModel.of(network.withParameters(parameters),
                ModelMetadata.of(TestModels.CREATED, "classpath"));
        Files.createDirectories(directory.resolve("models"));
        ModelFile.save(model, directory.resolve("models").resolve("shipped.json"));
        Matrix inputs = Matrix.of(4, 3, new SplittableRandom(12).doubles(12, -2.0, 2.0).toArray());

        SavedModel loaded;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, null)) {
            loaded = ModelFile.loadResource(loader, "models/shipped.json");
        }

        assertThat(bits(loaded.predict(inputs).toRowMajorArray())).isEqualTo(bits(model.predict(inputs).toRowMajorArray()));
        assertThat(loaded).isEqualTo(model);
    }

    @Test
    void aMissingResourceIsNoSuchFileNamingIt() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ModelFile.loadResource(loader, "models/absent.json"))
                    .isExactlyInstanceOf(NoSuchFileException.class).hasMessageContaining("classpath:models/absent.json");
        }
    }

    @Test
    void aBrokenResourceIsRefusedNamingTheResource() throws IOException {
        Files.writeString(directory.resolve("broken.json"), "not json");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ModelFile.loadResource(loader, "broken.json"))
                    .isExactlyInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("classpath:broken.json:1:1: not a diynn model");
        }
    }
}
