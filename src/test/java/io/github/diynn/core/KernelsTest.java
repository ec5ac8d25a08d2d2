package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every kernel of {@link Kernels} against the plain triple loop it promises to equal bit for bit:
 * each entry starts at +0.0 and adds its terms in ascending order of the summed index.
 */
class KernelsTest {

    /** Shapes that reach every unrolled remainder: rows, inner sizes and columns of 1 to 130. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 2, 3}, {2, 3, 1}, {3, 2, 4}, {5, 7, 9}, {150, 2, 3}, {150, 3, 1}, {32, 64, 32},
        {32, 32, 10}, {1, 64, 32}, {7, 100, 97}, {3, 130, 5}, {2, 5, 130}, {4, 0, 3}, {6, 4, 0},
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

    private static double[][] rows(double[] flat, int rows, int columns) {
        double[][] out = new double[rows][columns];
        Kernels.toRows(flat, 0, out, rows, columns, false);
        return out;
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void rowTimesHasTheBitsOfThePlainLoop() {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int inner = shape[1];
            int columns = shape[2];
            int offset = 3;
            double[] a = random(random, offset + rows * inner);
            double[] b = random(random, inner * columns);
            double[][] right = rows(b, inner, columns);
            for (int i = 0; i < rows; i++) {
                double[] expected = new double[columns];
                for (int j = 0; j < columns; j++) {
                    double sum = 0.0;
                    for (int k = 0; k < inner; k++) {
                        sum += a[offset + i * inner + k] * b[k * columns + j];
                    }
                    expected[j] = sum;
                }
                double[] c = new double[columns + 1];
                Arrays.fill(c, 42.0); // whatever was there before is overwritten, and nothing past the columns
                Kernels.rowTimes(a, offset + i * inner, right, c, inner, columns);
                assertThat(bits(Arrays.copyOf(c, columns))).as("%s row %d", Arrays.toString(shape), i)
                        .containsExactly(bits(expected));
                assertThat(c[columns]).isEqualTo(42.0);
            }
        }
    }

    @Test
    void multiplyHasTheBitsOfThePlainLoopOnSmallAndLargeOperands() {
        SplittableRandom random = new SplittableRandom(5);
        int[][] shapes = {{4, 4, 4}, {16, 16, 16}, {3, 16, 17}, {5, 2, 128}, {9, 64, 64}, {1, 1, 1}, {2, 0, 3},
            // small right-hand operands: four columns at a time, with and without the rest
            {3, 2, 7}, {2, 8, 8}, {6, 3, 5}, {4, 21, 3}, {7, 1, 9}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int inner = shape[1];
            int columns = shape[2];
            double[] a = random(random, rows * inner);
            double[] b = random(random, inner * columns);
            double[] expected = new double[rows * columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double sum = 0.0;
                    for (int k = 0; k < inner; k++) {
                        sum += a[i * inner + k] * b[k * columns + j];
                    }
                    expected[i * columns + j] = sum;
                }
            }
            double[] c = new double[rows * columns];
            Arrays.fill(c, 3.0);
            Kernels.multiply(a, b, c, rows, inner, columns);
            assertThat(bits(c)).as("%s", Arrays.toString(shape)).containsExactly(bits(expected));
        }
    }

    @Test
    void transposeTimesHasTheBitsOfThePlainLoopFromAFlatArrayAndFromRows() {
        SplittableRandom random = new SplittableRandom(2);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int in = shape[1];
            int columns = shape[2];
            double[] x = random(random, rows * in);
            double[] d = random(random, rows * columns);
            double[] expected = new double[in * columns];
            for (int p = 0; p < in; p++) {
                for (int q = 0; q < columns; q++) {
                    double sum = 0.0;
                    for (int i = 0; i < rows; i++) {
                        sum += x[i * in + p] * d[i * columns + q];
                    }
                    expected[p * columns + q] = sum;
                }
            }
            for (boolean fromRows : new boolean[] {false, true}) {
                double[][] out = new double[in][columns];
                for (double[] row : out) {
                    Arrays.fill(row, 7.0);
                }
                Kernels.transposeTimes(x, fromRows ? rows(x, rows, in) : null, rows(d, rows, columns), out, rows, in,
                        columns);
                double[] flat = new double[in * columns];
                Kernels.fromRows(out, flat, 0, in, columns);
                assertThat(bits(flat)).as("%s rows=%s", Arrays.toString(shape), fromRows).containsExactly(bits(expected));
            }
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
            Kernels.columnSums(rows(d, rows, columns), out, rows, columns);
            assertThat(bits(Arrays.copyOf(out, columns))).as("%s", Arrays.toString(shape)).containsExactly(bits(expected));
            assertThat(out[columns]).isEqualTo(9.0);

            double[] bias = random(random, columns);
            double[] z = Arrays.copyOf(d, columns);
            double[] before = z.clone();
            Kernels.addRow(z, bias, columns);
            for (int j = 0; j < columns; j++) {
                assertThat(Double.doubleToRawLongBits(z[j])).isEqualTo(Double.doubleToRawLongBits(before[j] + bias[j]));
            }
        }
    }

    @Test
    void toRowsAndFromRowsCopyAndTranspose() {
        double[] values = {9, 1, 2, 3, 4, 5, 6};
        double[][] plain = new double[2][3];
        Kernels.toRows(values, 1, plain, 2, 3, false);
        assertThat(plain).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        double[][] turned = new double[3][2];
        Kernels.toRows(values, 1, turned, 2, 3, true);
        assertThat(turned).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        double[] back = new double[8];
        Kernels.fromRows(plain, back, 2, 2, 3);
        assertThat(back).containsExactly(0, 0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void toRowsTransposesEveryShapeEightRowsAtATimeAndTheRestOneByOne() {
        SplittableRandom random = new SplittableRandom(8);
        for (int rows = 0; rows <= 27; rows++) {
            for (int columns : new int[] {1, 2, 3, 8, 9, 64}) {
                int at = random.nextInt(4);
                double[] values = random(random, at + rows * columns + 2);
                double[][] turned = new double[columns][rows + 1];
                for (double[] row : turned) {
                    Arrays.fill(row, 42.0); // overwritten up to rows, untouched after
                }
                Kernels.toRows(values, at, turned, rows, columns, true);
                for (int j = 0; j < columns; j++) {
                    for (int i = 0; i < rows; i++) {
                        assertThat(turned[j][i]).as("%d x %d at %d: [%d][%d]", rows, columns, at, j, i)
                                .isEqualTo(values[at + i * columns + j]);
                    }
                    assertThat(turned[j][rows]).isEqualTo(42.0);
                }
            }
        }
    }

    @Test
    void aProductEntryOfOnlyNegativeZeroTermsIsPositiveZero() {
        // +0.0 + (-0.0) = +0.0: the documented start value is visible in the sign of zero.
        double[] c = new double[1];
        Kernels.rowTimes(new double[] {-0.0}, 0, new double[][] {{1.0}}, c, 1, 1);
        assertThat(Double.doubleToRawLongBits(c[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void allFiniteAgreesWithIsFiniteValueByValueWhereverTheBadValueStands() {
        SplittableRandom random = new SplittableRandom(9);
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000000L)};
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0, Double.MIN_NORMAL};
        for (int n = 0; n <= 41; n++) {
            double[] values = new double[n + 3];
            for (int k = 0; k < values.length; k++) {
                values[k] = random.nextBoolean() ? extremes[random.nextInt(extremes.length)]
                        : random.nextDouble(-1e300, 1e300);
            }
            values[n] = Double.NaN; // past the first n: never read
            assertThat(Kernels.allFinite(values, n)).as("n = %d, all finite", n).isTrue();
            for (int at = 0; at < n; at++) {
                double kept = values[at];
                values[at] = bad[random.nextInt(bad.length)];
                assertThat(Kernels.allFinite(values, n)).as("n = %d, %s at %d", n, values[at], at).isFalse();
                values[at] = kept;
            }
        }
    }
}
