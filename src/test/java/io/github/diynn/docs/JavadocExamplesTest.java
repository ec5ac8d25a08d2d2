package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Javadoc examples that cannot drift: every {@code <pre>{@code ...}</pre>} block in the Javadoc of
 * {@code src/main/java} is the code of a region of a test, between {@code // javadoc: <type>} and
 * {@code // end javadoc} (the type being the fully qualified name of the top-level type of the
 * file), compared line by line with leading and trailing blanks and blank lines ignored, as
 * {@link Snippets} compares the pages' blocks. The regions are in {@link JavadocExampleRunsTest},
 * each in a test that runs it and checks its result. Formulas and other text stay in a plain
 * {@code <pre>}, which is not code.
 */
class JavadocExamplesTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Pattern BEGIN = Pattern.compile("^\\s*// javadoc: (\\S+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end javadoc\\s*$");
    private static final String OPEN = "<pre>{@code";
    private static final String CLOSE = "}</pre>";

    /** The main public types, each of which must show an example in its class Javadoc. */
    private static final List<String> MAIN_TYPES = List.of(
            "core.Matrix", "core.Network", "core.Loss", "core.GradientSource", "core.Parallelism",
            "core.GradientCheck", "core.FiniteDifferences", "core.Predictor",
            "data.Dataset", "data.CsvLoader",
            "train.Trainer", "train.TrainingResult", "train.TrainingSession",
            "io.ModelFile", "io.SavedModel", "io.HistoryCsv",
            "metrics.ClassificationMetrics", "metrics.BinaryMetrics",
            "onnx.OnnxImport", "onnx.OnnxExport");

    /**
     * A code block of a main source's Javadoc.
     *
     * @param type the fully qualified name of the file's top-level type
     * @param where "file:line" of the opening {@code <pre>{@code}
     * @param code the block's lines, normalised
     */
    record Example(String type, String where, String code) {
    }

    /**
     * A region of a test source.
     *
     * @param type the type named by the marker
     * @param where "file:line" of the marker
     * @param code the region's lines, normalised
     */
    record Region(String type, String where, String code) {
    }

    @Test
    void everyCodeBlockOfTheJavadocIsTheCodeOfARegion() throws IOException {
        List<Region> regions = regions();
        List<String> unmatched = new ArrayList<>();
        for (Example example : examples()) {
            boolean found = regions.stream()
                    .anyMatch(region -> region.type().equals(example.type()) && region.code().equals(example.code()));
            if (!found) {
                unmatched.add(example.where() + ": no region \"// javadoc: " + example.type()
                        + "\" ... \"// end javadoc\" under " + Snippets.SOURCES + " holds this block:\n"
                        + example.code());
            }
        }

        assertThat(unmatched).isEmpty();
    }

    @Test
    void everyRegionIsACodeBlockOfItsTypesJavadoc() throws IOException {
        List<Example> examples = examples();
        List<String> stale = new ArrayList<>();
        for (Region region : regions()) {
            boolean shown = examples.stream()
                    .anyMatch(example -> example.type().equals(region.type()) && example.code().equals(region.code()));
            if (!shown) {
                stale.add(region.where() + ": region " + region.type() + " is not a <pre>{@code block of its Javadoc");
            }
        }

        assertThat(stale).isEmpty();
    }

    @Test
    void everyMainTypeShowsAnExampleInItsClassJavadoc() {
        List<String> without = new ArrayList<>();
        for (String type : MAIN_TYPES) {
            Path file = MAIN_SOURCES.resolve("io/github/diynn/" + type.replace('.', '/') + ".java");
            String source = Snippets.read(file);
            String simpleName = type.substring(type.lastIndexOf('.') + 1);
            Matcher declaration = Pattern.compile("(?m)^public [a-z ]*(?:class|interface|enum|record) " + simpleName
                    + "\\b").matcher(source);
            assertThat(declaration.find()).as("the declaration of %s in %s", simpleName, file).isTrue();
            int example = source.indexOf(OPEN);
            if (example < 0 || example > declaration.start()) {
                without.add(type);
            }
        }

        assertThat(without).isEmpty();
    }

    @Test
    void aCodeBlockIsReadWithoutItsCommentStarsAndWithLiteralAtSignsAndAPlainPreIsNotCode() {
        String source = String.join("\n",
                "package a.b;",
                "/**",
                " * <pre>  J = 1/2 sum (y - yhat)^2</pre>",
                " * <pre>{@code",
                " * {@literal @}Test void x() {",
                " *     Matrix m = Matrix.of(new double[][] {{1}});",
                " * }",
                " * }</pre>",
                " * and inline <pre>{@code .epochs(5)}</pre>",
                " */",
                "public final class C {",
                "}");

        assertThat(examples(Path.of("a/b/C.java"), "a.b.C", source)).extracting(Example::code).containsExactly(
                "@Test void x() {\nMatrix m = Matrix.of(new double[][] {{1}});\n}\n",
                ".epochs(5)\n");
        assertThat(examples(Path.of("a/b/C.java"), "a.b.C", source).get(0).where()).isEqualTo("a/b/C.java:4");
    }

    // ---- reading sources ----

    /** {@return every code block of the Javadoc of every main source, in file order} */
    private static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String relative = MAIN_SOURCES.relativize(file).toString().replace('\\', '/');
                String type = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                examples.addAll(examples(file, type, Snippets.read(file)));
            }
        }
        return examples;
    }

    /**
     * The {@code <pre>{@code ...}</pre>} blocks of one source, each line without its comment star,
     * {@code {@literal @}} read as {@code @}.
     */
    static List<Example> examples(Path file, String type, String source) {
        List<String> lines = source.lines().toList();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = javadocText(lines.get(i));
            int open = line.indexOf(OPEN);
            if (open < 0) {
                continue;
            }
            StringBuilder code = new StringBuilder();
            String rest = line.substring(open + OPEN.length());
            int end = i;
            while (!rest.contains(CLOSE)) {
                code.append(rest).append('\n');
                end++;
                if (end == lines.size()) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": a <pre>{@code without }</pre>");
                }
                rest = javadocText(lines.get(end));
            }
            code.append(rest, 0, rest.indexOf(CLOSE)).append('\n');
            String text = code.toString().replace("{@literal @}", "@");
            examples.add(new Example(type, file + ":" + (i + 1), Snippets.normalised(text)));
            i = end;
        }
        return examples;
    }

    /** A comment line without its indentation, star and the one blank after it. */
    private static String javadocText(String line) {
        return line.replaceFirst("^\\s*\\* ?", "");
    }

    /** {@return every {@code // javadoc:} region of every test source} */
    private static List<Region> regions() throws IOException {
        List<Region> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Snippets.SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Snippets.read(file).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher begin = BEGIN.matcher(lines.get(i));
                    if (!begin.matches()) {
                        continue;
                    }
                    StringBuilder code = new StringBuilder();
                    int end = i + 1;
                    while (end < lines.size() && !END.matcher(lines.get(end)).matches()) {
                        code.append(lines.get(end)).append('\n');
                        end++;
                    }
                    if (end == lines.size()) {
                        throw new IllegalStateException(
                                file + ":" + (i + 1) + ": \"// javadoc:\" without \"// end javadoc\"");
                    }
                    regions.add(new Region(begin.group(1), file + ":" + (i + 1), Snippets.normalised(code.toString())));
                    i = end;
                }
            }
        }
        return regions;
    }
}
