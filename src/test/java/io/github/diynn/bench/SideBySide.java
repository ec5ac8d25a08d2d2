package io.github.diynn.bench;

import io.github.diynn.core.Network;
import io.github.diynn.core.Predictor;
import io.github.diynn.data.Dataset;
import io.github.diynn.train.Trainer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A side-by-side harness for a shared, noisy machine: each round times diynn and the plain loops
 * of one workload back to back, in turn, so that both see the same load, and the figure to read is
 * the median over the rounds of each round's ratio. Times are the benchmark thread's CPU time
 * ({@code ThreadMXBean}), not wall time, so that time spent descheduled by other processes is not
 * counted (caches and memory bandwidth are still shared). JMH's separate runs of each contender drift
 * apart when other work comes and goes; this does not replace JMH, it complements it.
 *
 * <pre>  mvn -B -q test-compile exec:java -Dexample=io.github.diynn.bench.SideBySide \
 *      [-Dexec.args="rounds [W1|W2|W3|W4|W5]"]</pre>
 */
public final class SideBySide {

    /** Times are the thread's CPU time, which other processes on a shared machine disturb far less than wall time. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SideBySide() {
    }

    /** One contender: a name and a run that returns something, so that the work is not eliminated. */
    private record Contender(String name, Supplier<Object> run) {
    }

    /**
     * Runs W1-W5 and prints, for each contender, the median time per run and the median of the
     * per-round ratios to diynn.
     *
     * @param args the number of measured rounds (default 21), then optionally a workload to run alone
     *     ({@code W1}, {@code W2}, {@code W3}, {@code W4} or {@code W5}: the workloads whose title starts so)
     * @throws IOException if the Iris data cannot be read
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        String only = args.length > 1 ? args[1] : "";
        Dataset scaled = Workloads.tutorialIris(true);
        Dataset unscaled = Workloads.tutorialIris(false);
        double[] scaledX = scaled.inputs().toRowMajorArray();
        double[] scaledY = scaled.targets().toRowMajorArray();
        double[] unscaledX = unscaled.inputs().toRowMajorArray();
        double[] unscaledY = unscaled.targets().toRowMajorArray();
        Network w1Start = Workloads.w1Network();
        Network w2Start = Workloads.w2Network();
        Network w3Start = Workloads.w3Network();
        Trainer w1 = Workloads.w1Trainer();
        Trainer w2 = Workloads.w2Trainer();
        Trainer w3 = Workloads.w3Trainer(Workloads.TUTORIAL_EPOCHS);
        int epochs = Workloads.TUTORIAL_EPOCHS;
        System.out.printf("%s, %d rounds; %s %s%n", "side by side", rounds, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        measure(only, "W1 forward differences, 2000 epochs", rounds, List.of(
                new Contender("diynn", () -> w1.train(w1Start, scaled)),
                new Contender("plain loop (any width)", () -> new ReferenceNet(2, 3, 1, false, false,
                        w1Start.parameters(), scaled.size()).trainForwardDifferences(scaledX, scaledY, scaled.size(),
                        0.01, epochs, 1e-8)),
                new Contender("plain loop (2-3-1)", () -> ReferenceTutorialNet.trainForwardDifferences(scaledX,
                        scaledY, w1Start.parameters(), 0.01, epochs, 1e-8))));
        measure(only, "W2 linear regression, 2000 iterations", rounds, List.of(
                new Contender("diynn", () -> w2.train(w2Start, scaled)),
                new Contender("plain loop (together)", () -> ReferenceLinearRegression.simultaneous(scaledX, scaledY,
                        w2Start.parameters(), 0.001, epochs)),
                new Contender("plain loop (tutorial order)", () -> ReferenceLinearRegression.tutorialOrder(scaledX,
                        scaledY, w2Start.parameters(), 0.001, epochs))));
        measure(only, "W3 backpropagation, 2000 epochs", rounds, List.of(
                new Contender("diynn", () -> w3.train(w3Start, unscaled)),
                new Contender("plain loop (any width)", () -> new ReferenceNet(2, 3, 1, true, false,
                        w3Start.parameters(), unscaled.size()).trainFullBatch(unscaledX, unscaledY, unscaled.size(),
                        0.01, epochs)),
                new Contender("plain loop (2-3-1)", () -> ReferenceTutorialNet.trainBackpropagation(unscaledX,
                        unscaledY, w3Start.parameters(), 0.01, epochs))));
        if (!"W1".equals(only) && !"W2".equals(only) && !"W3".equals(only)) {
            digitsWorkloads(only, rounds);
        }
    }

    /** W4 and W5 on the digits, each against {@link ReferenceNet} from the same start. */
    private static void digitsWorkloads(String only, int rounds) throws IOException {
        Dataset digits = Workloads.digits();
        int size = digits.size();
        double[] x = digits.inputs().toRowMajorArray();
        double[] y = digits.targets().toRowMajorArray();
        Network start = Workloads.digitsNetwork(Workloads.DIGITS_HIDDEN);
        Trainer trainer = Workloads.digitsTrainer(Workloads.DIGITS_EPOCHS);
        measure(only, "W4 digits, 10 epochs of SGD", rounds, List.of(
                new Contender("diynn", () -> trainer.train(start, digits)),
                new Contender("plain loop", () -> new ReferenceNet(64, Workloads.DIGITS_HIDDEN, 10, true, true,
                        start.parameters(), size).trainMinibatch(x, y, size, Workloads.DIGITS_RATE,
                        Workloads.DIGITS_EPOCHS, Workloads.DIGITS_BATCH, Workloads.SEED))));
        ReferenceNet reference = new ReferenceNet(64, Workloads.DIGITS_HIDDEN, 10, true, true, start.parameters(),
                size);
        Predictor predictor = start.predictor();
        double[] outputs = new double[size * 10];
        double[] referenceOutputs = new double[size * 10];
        int calls = 20;
        measure(only, "W5 predict 1797 rows, 20 calls", rounds, List.of(
                new Contender("diynn predictor()", () -> {
                    for (int c = 0; c < calls; c++) {
                        predictor.predict(x, size, outputs);
                    }
                    return outputs;
                }),
                new Contender("diynn predict(Matrix)", () -> {
                    Object last = null;
                    for (int c = 0; c < calls; c++) {
                        last = start.predict(digits.inputs());
                    }
                    return last;
                }),
                new Contender("plain loop", () -> {
                    for (int c = 0; c < calls; c++) {
                        reference.predict(x, size, referenceOutputs);
                    }
                    return referenceOutputs;
                })));
        double[] sample = digits.inputs().row(5);
        double[] one = new double[10];
        double[] referenceOne = new double[10];
        int samples = 20_000;
        measure(only, "W5 predict one sample, 20000 calls", rounds, List.of(
                new Contender("diynn predictor()", () -> {
                    for (int c = 0; c < samples; c++) {
                        predictor.predict(sample, one);
                    }
                    return one;
                }),
                new Contender("diynn predict(double...)", () -> {
                    Object last = null;
                    for (int c = 0; c < samples; c++) {
                        last = start.predict(sample);
                    }
                    return last;
                }),
                new Contender("plain loop", () -> {
                    for (int c = 0; c < samples; c++) {
                        reference.predict(sample, 1, referenceOne);
                    }
                    return referenceOne;
                })));
    }

    private static void measure(String only, String workload, int rounds, List<Contender> contenders) {
        if (!workload.startsWith(only)) {
            return;
        }
        int count = contenders.size();
        Object sink = null;
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Contender contender : contenders) {
                sink = contender.run().get();
            }
        }
        double[][] times = new double[count][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < count; c++) {
                // Alternate who goes first, so that neither always follows the other.
                int k = round % 2 == 0 ? c : count - 1 - c;
                long start = THREADS.getCurrentThreadCpuTime();
                sink = contenders.get(k).run().get();
                times[k][round] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
            }
        }
        System.out.printf("%n%s (CPU time, median of %d rounds; ratio = contender / diynn, per round)%n", workload, rounds);
        for (int c = 0; c < count; c++) {
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                ratios.add(times[c][round] / times[0][round]);
            }
            double[] ratio = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf("  %-30s %9.3f ms   ratio %6.2f   (quartiles %.2f - %.2f)%n", contenders.get(c).name(),
                    median(times[c]), median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
        }
        if (sink == null) {
            System.out.println();
        }
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
