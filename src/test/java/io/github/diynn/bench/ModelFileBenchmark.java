package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Network;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding and strictly decoding a 784-128-10 model (101,770 parameters) in memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModelFileBenchmark {

    private SavedModel model;
    private byte[] bytes;

    /** Builds the model from a fixed seed and encodes it once. */
    @Setup
    public void setUp() {
        Network network = Network.builder(784).dense(128, Activation.RELU).dense(10, Activation.IDENTITY).build(7);
        model = SavedModel.of(network, ModelMetadata.of(Instant.parse("2026-01-01T00:00:00Z"), "benchmark"));
        bytes = ModelFile.toBytes(model);
    }

    /**
     * Encodes the model, checksum included.
     *
     * @return the file's bytes
     */
    @Benchmark
    public byte[] encode() {
        return ModelFile.toBytes(model);
    }

    /**
     * Decodes the model with every check.
     *
     * @return the model
     * @throws IOException never, the bytes are valid
     */
    @Benchmark
    public SavedModel decode() throws IOException {
        return ModelFile.read(new ByteArrayInputStream(bytes), "benchmark");
    }
}
