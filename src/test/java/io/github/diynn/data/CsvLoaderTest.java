package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    private static final String SMALL = "a,b,label,c\n1,2,x,3\n4,5,y,6\n7,8,x,9\n";

    private static Dataset load(CsvLoader loader, String text) {
        return loader.load(new StringReader(text), "small.csv");
    }

    @Test
    void choosesInputsAndTargetsByNameInTheOrderGiven() {
        Dataset data = load(CsvLoader.builder().inputs("c", "a").targets("b").build(), SMALL);
        assertThat(data.inputs()).isEqualTo(Matrix.of(3, 2, 3, 1, 6, 4, 9, 7));
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(2, 5, 8));
        assertThat(data.inputNames()).containsExactly("c", "a");
        assertThat(data.targetNames()).containsExactly("b");
    }

    @Test
    void choosesInputsAndTargetsByIndexFromZero() {
        Dataset data = load(CsvLoader.builder().inputColumns(0, 1).targetColumns(3).build(), SMALL);
        assertThat(data.inputs()).isEqualTo(Matrix.of(3, 2, 1, 2, 4, 5, 7, 8));
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(3, 6, 9));
        assertThat(data.targetNames()).containsExactly("c");
    }

    @Test
    void withoutChosenInputsEveryNonTargetColumnIsAnInput() {
        Dataset data = load(CsvLoader.builder().oneHotTarget("label").build(), SMALL);
        assertThat(data.inputNames()).containsExactly("a", "b", "c");
        assertThat(data.inputs()).isEqualTo(Matrix.of(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void oneHotTargetsKeepClassesInOrderOfFirstAppearance() {
        Dataset data = load(CsvLoader.builder().inputs("a").oneHotTarget("label").build(),
                "a,label\n1,dog\n2,cat\n3,dog\n4,ant\n");
        assertThat(data.targetNames()).containsExactly("dog", "cat", "ant");
        assertThat(data.targets()).isEqualTo(Matrix.of(4, 3, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1));
    }

    @Test
    void oneHotTargetsFollowExplicitClassesIncludingUnseenOnes() {
        Dataset data = load(CsvLoader.builder().inputs("a").oneHotTargetColumn(1).classes("ant", "bee", "cat", "dog")
                .build(), "a,label\n1,dog\n2,cat\n");
        assertThat(data.targetNames()).containsExactly("ant", "bee", "cat", "dog");
        assertThat(data.targets()).isEqualTo(Matrix.of(2, 4, 0, 0, 0, 1, 0, 0, 1, 0));
    }

    @Test
    void inputsMayAlsoBeTargets() {
        Dataset data = load(CsvLoader.builder().inputs("a").targets("a").build(), SMALL);
        assertThat(data.targets()).isEqualTo(data.inputs());
    }

    @Test
    void aSemicolonSeparatorWithDecimalPointsLoads() {
        Dataset data = load(CsvLoader.builder().separator(';').targets("y").build(), "x;y\n1.5;2\n");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1.5));
    }

    @Test
    void aTabSeparatorLoadsAndSpacesAroundCellsAreDropped() {
        Dataset data = load(CsvLoader.builder().separator('\t').targets("y").build(), "x\ty\n 1.5 \t 2\n");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1.5));
        assertThat(data.targets()).isEqualTo(Matrix.of(1, 1, 2));
    }

    @Test
    void acceptsEveryFormOfTheNumberGrammar() {
        Dataset data = load(CsvLoader.builder().targetColumns(0).build(),
                "y\n1\n-2\n+3\n.5\n5.\n-0.25e1\n1E+2\n2e-3\n007\n1e-400\n");
        assertThat(data.targets().column(0)).containsExactly(1, -2, 3, 0.5, 5, -2.5, 100, 0.002, 7, 0.0);
    }

    @Test
    void buildRejectsMissingTargetsAndClassesWithoutALabel() {
        assertThatThrownBy(() -> CsvLoader.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose the targets");
        assertThatThrownBy(() -> CsvLoader.builder().targets("y").classes("a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a one-hot target");
    }

    @Test
    void builderRejectsRepeatedNegativeAndNullChoices() {
        assertThatThrownBy(() -> CsvLoader.builder().inputs("a", "a")).hasMessageContaining("'a' is chosen twice");
        assertThatThrownBy(() -> CsvLoader.builder().inputColumns(-1)).hasMessageContaining("index -1 is negative");
        assertThatThrownBy(() -> CsvLoader.builder().targets()).hasMessageContaining("at least one target");
        assertThatThrownBy(() -> CsvLoader.builder().inputs("a", null)).hasMessageContaining("is null");
        assertThatThrownBy(() -> CsvLoader.builder().classes("a", "b", "a")).hasMessageContaining("'a' is repeated");
        assertThatThrownBy(() -> CsvLoader.builder().classes("a", "")).hasMessageContaining("label 1 is null or empty");
    }

    @Test
    void separatorRejectsCharactersThatBelongToNumbersOrQuotes() {
        for (char bad : new char[] {'"', '.', '-', '+', 'e', '5', ' ', '\n'}) {
            assertThatThrownBy(() -> CsvLoader.builder().separator(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot separate cells with");
        }
    }

    @Test
    void loadsFromAPathAStreamAndAReaderAlike(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.csv");
        Files.writeString(file, SMALL);
        CsvLoader loader = CsvLoader.builder().inputs("a", "b").targets("c").build();
        Dataset fromPath = loader.load(file);
        assertThat(loader.load(new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)), "s")).isEqualTo(fromPath);
        assertThat(load(loader, SMALL)).isEqualTo(fromPath);
        assertThat(fromPath.size()).isEqualTo(3);
    }

    @Test
    void loadRejectsNullArguments() {
        CsvLoader loader = CsvLoader.builder().targets("c").build();
        assertThatThrownBy(() -> loader.load((Path) null)).hasMessageContaining("path");
        assertThatThrownBy(() -> loader.load((StringReader) null, "x.csv")).hasMessageContaining("x.csv");
        assertThatThrownBy(() -> loader.loadResource(null, "/iris.csv")).hasMessageContaining("anchor");
    }

    @Test
    void loadsTheSameUnderAGermanDefaultLocale() {
        CsvLoader loader = CsvLoader.builder().inputs("a", "b").targets("c").build();
        String text = "a,b,c\n1.5,2.25e-1,-3.125\n";
        Dataset root = load(loader, text);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(load(loader, text)).isEqualTo(root);
            assertThatThrownBy(() -> load(loader, "a,b,c\n\"1,5\",2,3\n"))
                    .hasMessageContaining("line 2, column 1 'a': '1,5' is not a number: decimal comma");
        } finally {
            Locale.setDefault(before);
        }
        assertThat(root.inputs()).isEqualTo(Matrix.of(1, 2, 1.5, 0.225));
    }

    @Test
    void loaderIsReusableAndGivesEqualResults() {
        CsvLoader loader = CsvLoader.builder().oneHotTarget("label").build();
        assertThat(load(loader, SMALL)).isEqualTo(load(loader, SMALL));
    }

    @Test
    void datasetNamesListIsUnmodifiable() {
        Dataset data = load(CsvLoader.builder().inputs("a", "b").targets("c").build(), SMALL);
        List<String> names = data.inputNames();
        assertThatThrownBy(() -> names.add("z")).isInstanceOf(UnsupportedOperationException.class);
    }
}
