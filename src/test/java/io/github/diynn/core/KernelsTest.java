package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@link Kernels} against the plain triple loop it promises to equal bit for bit: each
 * entry starts at +0.0 and adds its terms in ascending order of the summed index.
 */
class KernelsTest {

    /** Shapes that reach every tile remainder and both product paths (streaming from 96 on). */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 2, 3}, {2, 3, 1}, {3, 2, 4}, {5, 7, 9}, {150, 2, 3}, {150, 3, 1}, {32, 64, 32},
        {32, 32, 10}, {1, 64, 32}, {7, 100, 97}, {96, 96, 96}, {3, 130, 5}, {2, 5, 130}, {4, 0, 3},
    };

    private static double[] random(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int k = 0; k < size; k++) {
            // Mixed magnitudes and signs make rounding depend on the order of additions.
            values[k] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
            if (random.nextInt(20) == 0) {
                values[k] = random.nextBoolean() ? 0.0 : -0.0;
            }
        }
        return values;
    }

    @Test
    void multiplyHasTheBitsOfThePlainLoopInEveryPath() {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int inner = shape[1];
            int columns = shape[2];
            double[] a = random(random, rows * inner);
            int offset = 3;
            double[] b = random(random, offset + inner * columns);
            double[] expected = new double[rows * columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double sum = 0.0;
                    for (int k = 0; k < inner; k++) {
                        sum += a[i * inner + k] * b[offset + k * columns + j];
                    }
                    expected[i * columns + j] = sum;
                }
            }
            double[] c = new double[rows * columns];
            Arrays.fill(c, 42.0); // whatever was there before is overwritten
            Kernels.multiply(a, b, offset, c, rows, inner, columns);
            assertThat(Arrays.equals(c, expected)).as("%s", Arrays.toString(shape)).isTrue();
        }
    }

    @Test
    void transposeTimesHasTheBitsOfThePlainLoop() {
        SplittableRandom random = new SplittableRandom(2);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int in = shape[1];
            int columns = shape[2];
            double[] x = random(random, rows * in);
            double[] d = random(random, rows * columns);
            int offset = 5;
            double[] expected = new double[offset + in * columns];
            for (int p = 0; p < in; p++) {
                for (int q = 0; q < columns; q++) {
                    double sum = 0.0;
                    for (int i = 0; i < rows; i++) {
                        sum += x[i * in + p] * d[i * columns + q];
                    }
                    expected[offset + p * columns + q] = sum;
                }
            }
            double[] out = new double[offset + in * columns];
            Arrays.fill(out, offset, out.length, 7.0);
            Kernels.transposeTimes(x, d, out, offset, rows, in, columns);
            assertThat(Arrays.equals(out, expected)).as("%s", Arrays.toString(shape)).isTrue();
        }
    }

    @Test
    void timesTransposeHasTheBitsOfThePlainLoop() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int in = shape[1];
            int columns = shape[2];
            double[] d = random(random, rows * columns);
            int offset = 2;
            double[] w = random(random, offset + in * columns);
            double[] expected = new double[rows * in];
            for (int i = 0; i < rows; i++) {
                for (int p = 0; p < in; p++) {
                    double sum = 0.0;
                    for (int q = 0; q < columns; q++) {
                        sum += d[i * columns + q] * w[offset + p * columns + q];
                    }
                    expected[i * in + p] = sum;
                }
            }
            double[] out = new double[rows * in];
            Kernels.timesTranspose(d, w, offset, out, rows, in, columns, new double[in * columns]);
            assertThat(Arrays.equals(out, expected)).as("%s", Arrays.toString(shape)).isTrue();
        }
    }

    @Test
    void columnSumsAndAddRowHaveTheBitsOfThePlainLoops() {
        SplittableRandom random = new SplittableRandom(4);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int columns = shape[2];
            double[] d = random(random, rows * columns);
            double[] expected = new double[columns];
            for (int j = 0; j < columns; j++) {
                double sum = 0.0;
                for (int i = 0; i < rows; i++) {
                    sum += d[i * columns + j];
                }
                expected[j] = sum;
            }
            double[] out = new double[columns + 1];
            out[columns] = 9.0;
            Kernels.columnSums(d, out, 0, rows, columns);
            assertThat(Arrays.equals(Arrays.copyOf(out, columns), expected)).as("%s", Arrays.toString(shape)).isTrue();
            assertThat(out[columns]).isEqualTo(9.0);

            double[] bias = random(random, columns + 1);
            double[] z = d.clone();
            Kernels.addRow(z, bias, 1, rows, columns);
            for (int k = 0; k < z.length; k++) {
                assertThat(Double.doubleToRawLongBits(z[k]))
                        .isEqualTo(Double.doubleToRawLongBits(d[k] + bias[1 + k % columns]));
            }
        }
    }

    @Test
    void aProductEntryOfOnlyNegativeZeroTermsIsPositiveZero() {
        // +0.0 + (-0.0) = +0.0: the documented start value is visible in the sign of zero.
        double[] c = new double[1];
        Kernels.multiply(new double[] {-0.0}, new double[] {1.0}, 0, c, 1, 1, 1);
        assertThat(Double.doubleToRawLongBits(c[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
    }
}
