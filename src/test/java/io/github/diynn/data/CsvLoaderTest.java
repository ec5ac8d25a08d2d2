package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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

    private static Dataset load(CsvLoader loader, String text) throws IOException {
        return loader.load(new StringReader(text), "small.csv");
    }

    @Test
    void choosesInputsAndTargetsByNameInTheOrderGiven() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("c", "a").targets("b").build(), SMALL);
        assertThat(data.inputs()).isEqualTo(Matrix.of(3, 2, 3, 1, 6, 4, 9, 7));
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(2, 5, 8));
        assertThat(data.inputNames()).containsExactly("c", "a");
        assertThat(data.targetNames()).containsExactly("b");
    }

    @Test
    void choosesInputsAndTargetsByIndexFromZero() throws IOException {
        Dataset data = load(CsvLoader.builder().inputColumns(0, 1).targetColumns(3).build(), SMALL);
        assertThat(data.inputs()).isEqualTo(Matrix.of(3, 2, 1, 2, 4, 5, 7, 8));
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(3, 6, 9));
        assertThat(data.targetNames()).containsExactly("c");
    }

    @Test
    void withoutChosenInputsEveryNonTargetColumnIsAnInput() throws IOException {
        Dataset data = load(CsvLoader.builder().oneHotTarget("label").build(), SMALL);
        assertThat(data.inputNames()).containsExactly("a", "b", "c");
        assertThat(data.inputs()).isEqualTo(Matrix.of(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void oneHotTargetsSortTheClassesWhenNoneAreGiven() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("a").oneHotTarget("label").build(),
                "a,label\n1,dog\n2,cat\n3,dog\n4,ant\n");
        assertThat(data.targetNames()).containsExactly("ant", "cat", "dog");
        assertThat(data.classLabels()).containsExactly("ant", "cat", "dog");
        assertThat(data.targets()).isEqualTo(Matrix.of(4, 3, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0));
    }

    @Test
    void twoFilesWithTheSameLabelsInAnotherOrderGiveTheSameColumns() throws IOException {
        CsvLoader loader = CsvLoader.builder().inputs("x").oneHotTarget("label").build();
        Dataset training = load(loader, "x,label\n1,outer\n2,ring\n3,inner\n");
        Dataset test = load(loader, "x,label\n3,inner\n1,outer\n2,ring\n");
        assertThat(training.classLabels()).containsExactly("inner", "outer", "ring");
        assertThat(test.classLabels()).isEqualTo(training.classLabels());
        assertThat(training.targets().row(0)).containsExactly(0, 1, 0);
        assertThat(test.targets().row(1)).containsExactly(0, 1, 0);
    }

    @Test
    void classesSortInStringNaturalOrderUppercaseBeforeLowercase() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("x").oneHotTarget("label").build(),
                "x,label\n1,b\n2,B\n3,a\n4,10\n5,9\n");
        assertThat(data.classLabels()).containsExactly("10", "9", "B", "a", "b");
    }

    @Test
    void aSecondFileLoadedWithTheTrainingClassesRefusesAnUnknownLabelNamingItsPlace() throws IOException {
        Dataset training = load(CsvLoader.builder().inputs("x").oneHotTarget("label").build(),
                "x,label\n1,outer\n2,ring\n");
        CsvLoader again = CsvLoader.builder().inputs("x").oneHotTarget("label")
                .classes(training.classLabels().toArray(String[]::new)).build();
        Dataset test = load(again, "x,label\n2,ring\n");
        assertThat(test.classLabels()).isEqualTo(training.classLabels());
        assertThat(test.targets().row(0)).containsExactly(0, 1);
        assertThatThrownBy(() -> load(again, "x,label\n1,outer\n\n3,inner\n")).isInstanceOf(CsvException.class)
                .hasMessage("small.csv, line 4, column 2 'label': unknown class label 'inner';"
                        + " the classes are ['outer', 'ring']");
    }

    @Test
    void binaryTargetGivesOneZeroOneColumnWithTheSortedLabels() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("x").binaryTarget("label").build(),
                "x,label\n1,yes\n2,no\n3,yes\n");
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(1, 0, 1));
        assertThat(data.classLabels()).containsExactly("no", "yes");
        assertThat(data.targetNames()).containsExactly("label");
        assertThat(data.inputNames()).containsExactly("x");
    }

    @Test
    void binaryTargetFollowsTheGivenNegativeAndPositiveClasses() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("x").binaryTargetColumn(1).classes("yes", "no").build(),
                "x,label\n1,yes\n2,no\n3,yes\n");
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(0, 1, 0));
        assertThat(data.classLabels()).containsExactly("yes", "no");
        Dataset onlyOne = load(CsvLoader.builder().binaryTarget("label").classes("ok", "spam").build(),
                "x,label\n1,spam\n");
        assertThat(onlyOne.targets()).isEqualTo(Matrix.columnVector(1));
    }

    @Test
    void binaryTargetRefusesAThirdLabelNamingFileLineAndColumn() {
        CsvLoader loader = CsvLoader.builder().binaryTarget("label").build();
        assertThatThrownBy(() -> load(loader, "x,label\n1,b\n2,a\n3,b\n4,c\n")).isInstanceOf(CsvException.class)
                .hasMessage("small.csv, line 5, column 2 'label': a third class label 'c' for a binary target;"
                        + " the labels before it are ['b', 'a']");
        CsvLoader fixed = CsvLoader.builder().binaryTarget("label").classes("a", "b").build();
        assertThatThrownBy(() -> load(fixed, "x,label\n1,b\n2,c\n")).isInstanceOf(CsvException.class)
                .hasMessage("small.csv, line 3, column 2 'label': unknown class label 'c'; the classes are ['a', 'b']");
    }

    @Test
    void binaryTargetRefusesAFileWithOneLabelAndABuilderWithOtherThanTwoClasses() {
        assertThatThrownBy(() -> load(CsvLoader.builder().binaryTarget("label").build(), "x,label\n1,a\n2,a\n"))
                .isInstanceOf(CsvException.class)
                .hasMessageContaining("small.csv, column 2 'label': a binary target needs two class labels"
                        + " but the file holds only ['a']");
        assertThatThrownBy(() -> CsvLoader.builder().binaryTarget("label").classes("a", "b", "c").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a binary target needs exactly 2 classes (negative, positive), got 3: [a, b, c]");
    }

    @Test
    void numericTargetsHaveNoClassLabels() throws IOException {
        assertThat(load(CsvLoader.builder().inputs("a").targets("b").build(), SMALL).classLabels()).isEmpty();
    }

    @Test
    void oneHotTargetsFollowExplicitClassesIncludingUnseenOnes() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("a").oneHotTargetColumn(1).classes("ant", "bee", "cat", "dog")
                .build(), "a,label\n1,dog\n2,cat\n");
        assertThat(data.targetNames()).containsExactly("ant", "bee", "cat", "dog");
        assertThat(data.targets()).isEqualTo(Matrix.of(2, 4, 0, 0, 0, 1, 0, 0, 1, 0));
    }

    @Test
    void aColumnChosenAsBothInputAndTargetIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> CsvLoader.builder().inputs("a", "c").targets("c").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'c' is chosen both as an input and as a target");
        assertThatThrownBy(() -> CsvLoader.builder().inputColumns(0, 2).targetColumns(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column index 2 is chosen both as an input and as a target");
        assertThatThrownBy(() -> CsvLoader.builder().inputs("a", "label").oneHotTarget("label").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'label' is chosen both");
        assertThatThrownBy(() -> CsvLoader.builder().inputColumns(2).binaryTargetColumn(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column index 2 is chosen both");
    }

    @Test
    void aColumnChosenByNameAsInputAndByIndexAsTargetIsRefusedAtTheHeader() {
        CsvLoader loader = CsvLoader.builder().inputs("a", "c").targetColumns(3).build();
        assertThatThrownBy(() -> load(loader, SMALL)).isInstanceOf(CsvException.class)
                .hasMessage("small.csv, line 1, column 4 'c': the column is chosen both as an input ('c') and as a"
                        + " target; a target among the inputs leaks the answer");
        CsvLoader label = CsvLoader.builder().inputColumns(0, 2).oneHotTarget("label").build();
        assertThatThrownBy(() -> load(label, SMALL)).isInstanceOf(CsvException.class)
                .hasMessageContaining("line 1, column 3 'label': the column is chosen both as an input (index 2)");
    }

    @Test
    void aSemicolonSeparatorWithDecimalPointsLoads() throws IOException {
        Dataset data = load(CsvLoader.builder().separator(';').targets("y").build(), "x;y\n1.5;2\n");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1.5));
    }

    @Test
    void aTabSeparatorLoadsAndSpacesAroundCellsAreDropped() throws IOException {
        Dataset data = load(CsvLoader.builder().separator('\t').targets("y").build(), "x\ty\n 1.5 \t 2\n");
        assertThat(data.inputs()).isEqualTo(Matrix.of(1, 1, 1.5));
        assertThat(data.targets()).isEqualTo(Matrix.of(1, 1, 2));
    }

    @Test
    void acceptsEveryFormOfTheNumberGrammar() throws IOException {
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
    void loadsTheSameUnderAGermanDefaultLocale() throws IOException {
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
    void loaderIsReusableAndGivesEqualResults() throws IOException {
        CsvLoader loader = CsvLoader.builder().oneHotTarget("label").build();
        assertThat(load(loader, SMALL)).isEqualTo(load(loader, SMALL));
    }

    @Test
    void datasetNamesListIsUnmodifiable() throws IOException {
        Dataset data = load(CsvLoader.builder().inputs("a", "b").targets("c").build(), SMALL);
        List<String> names = data.inputNames();
        assertThatThrownBy(() -> names.add("z")).isInstanceOf(UnsupportedOperationException.class);
    }
}
