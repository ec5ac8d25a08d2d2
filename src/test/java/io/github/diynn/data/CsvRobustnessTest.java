package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random mutations of valid files: the loader either returns finite data or throws its one
 * documented exception, never anything else.
 */
class CsvRobustnessTest {

    private static final List<String> SEEDS = List.of(
            "a,b,label\n1,2,x\n3.5,-4e2,y\n",
            "\uFEFFa;b\r\n\"1\";2\r\n",
            "x,y\n\n 1 , 2 \n\"3\",\"4\"\n");
    private static final String ALPHABET = ",;\"\r\n\t .-+eE0123456789xyablNaIf\u00A0\u2212\uFEFF\u0000\uFFFD";
    private static final List<CsvLoader> LOADERS = List.of(
            CsvLoader.builder().inputs("a").targets("b").build(),
            CsvLoader.builder().inputColumns(0).oneHotTargetColumn(1).build(),
            CsvLoader.builder().separator(';').targetColumns(1).build(),
            CsvLoader.builder().oneHotTarget("label").classes("x", "y").build());

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            char ch = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, ch);
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, ch);
                    }
                }
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void mutatedFilesLoadFiniteOrFailWithCsvException(long seed) throws IOException {
        Random random = new Random(seed);
        int loaded = 0;
        int refused = 0;
        for (int k = 0; k < 2_500; k++) {
            String text = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            CsvLoader loader = LOADERS.get(random.nextInt(LOADERS.size()));
            try {
                Dataset data = loader.load(new StringReader(text), "fuzz.csv");
                assertThat(data.inputs().isFinite() && data.targets().isFinite()).as(text).isTrue();
                assertThat(data.size()).isPositive();
                loaded++;
            } catch (CsvException e) {
                assertThat(e.getMessage()).startsWith("fuzz.csv");
                refused++;
            }
        }
        assertThat(loaded).isPositive();
        assertThat(refused).isPositive();
    }
}
