package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.docs.Snippets.Block;
import io.github.diynn.docs.Snippets.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Docs that cannot drift: every {@code ```java} block of README.md, CONTRIBUTING.md and docs/*.md is
 * code that a test compiles and runs (see {@link Snippets} for the markers), and every output a
 * page shows under a Java block is checked by the test that runs it.
 */
class DocSnippetsTest {

    @Test
    void everyJavaBlockOfEveryPageIsTheCodeOfATestRegion() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (String page : Snippets.pages()) {
            blocks.addAll(Snippets.blocks(page));
        }

        assertThat(unmatchedBlocks(blocks, Snippets.regions())).isEmpty();
    }

    @Test
    void everyRegionIsABlockOfItsPage() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Region region : Snippets.regions()) {
            boolean shown = Snippets.pages().contains(region.page())
                    && Snippets.blocks(region.page()).stream().anyMatch(block -> block.language().equals("java")
                            && Snippets.withoutImports(block.code()).equals(Snippets.normalised(region.code())));
            if (!shown) {
                stale.add(region.where() + ": region " + region.key() + " is not a Java block of " + region.page());
            }
        }

        assertThat(stale).isEmpty();
    }

    @Test
    void regionNamesAreUnique() throws IOException {
        Map<String, Region> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Region region : Snippets.regions()) {
            Region first = seen.putIfAbsent(region.key(), region);
            if (first != null) {
                twice.add(region.key() + " at " + first.where() + " and " + region.where());
            }
        }

        assertThat(twice).isEmpty();
    }

    @Test
    void everyShownOutputIsCheckedByTheTestThatRunsItsBlock() throws IOException {
        List<Region> regions = Snippets.regions();
        String sources = Snippets.allSources();
        List<String> unchecked = new ArrayList<>();
        for (String page : Snippets.pages()) {
            for (Block block : Snippets.blocks(page)) {
                if (block.output() == null) {
                    continue;
                }
                Region region = regions.stream()
                        .filter(candidate -> candidate.page().equals(page)
                                && Snippets.normalised(candidate.code()).equals(Snippets.withoutImports(block.code())))
                        .findFirst().orElse(null);
                if (region == null) {
                    continue; // reported by everyJavaBlockOfEveryPageIsTheCodeOfATestRegion
                }
                String call = "Snippets.assertShown(\"" + region.key() + "\"";
                if (!sources.contains(call)) {
                    unchecked.add(block.output().where() + ": the output of " + region.key() + " is checked by no "
                            + call + ", ...) under " + Snippets.SOURCES);
                }
            }
        }

        assertThat(unchecked).isEmpty();
    }

    @Test
    void everyMarkedOutputIsAFencedBlockThatATestChecks() throws IOException {
        String sources = Snippets.allSources();
        List<String> problems = new ArrayList<>();
        for (String page : Snippets.pages()) {
            Map<String, Block> marked = Snippets.markedOutputs(page);
            for (String marker : Snippets.outputMarkers(page)) {
                String name = marker.substring(marker.indexOf(": ") + 2);
                String call = "Snippets.assertOutputShown(\"" + page + "\", \"" + name + "\"";
                if (!marked.containsKey(name)) {
                    problems.add(page + ":" + marker + " is not followed by a fenced block");
                } else if (!sources.contains(call)) {
                    problems.add(page + ":" + marker + " is checked by no " + call + ", ...) under " + Snippets.SOURCES);
                }
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void aBlockWithoutARegionIsReportedWithItsPageAndLine() throws IOException {
        Block block = new Block("docs/example.md", 12, "java", "int answer = 42;\n", null);
        Region other = new Region("docs/example.md#other", Path.of("Other.java"), 3, "int answer = 43;\n");

        assertThat(unmatchedBlocks(List.of(block), List.of(other)))
                .singleElement().asString()
                .startsWith("docs/example.md:12: no region")
                .contains("// snippet: docs/example.md#<name>")
                .contains("int answer = 42;");
    }

    @Test
    void aRegionMatchesItsBlockWhateverTheIndentation() throws IOException {
        Block block = new Block("docs/example.md", 12, "java", "Network net = Network.builder(2)\n        .build(42);\n",
                null);
        Region region = new Region("docs/example.md#net", Path.of("Example.java"), 3,
                "        Network net = Network.builder(2)\n\n                .build(42);\n");
        Region onAnotherPage = new Region("docs/other.md#net", Path.of("Example.java"), 3, region.code());

        assertThat(unmatchedBlocks(List.of(block), List.of(region))).isEmpty();
        assertThat(unmatchedBlocks(List.of(block), List.of(onAnotherPage))).hasSize(1);
    }

    @Test
    void aTextBlockRightAfterAJavaBlockIsItsOutput() throws IOException {
        List<Block> blocks = Snippets.blocks("docs/tutorial.md");
        Block sigmoid = blocks.stream().filter(block -> block.code().contains("Network neuron =")).findFirst()
                .orElseThrow();

        assertThat(sigmoid.output()).isNotNull();
        assertThat(sigmoid.output().code()).startsWith("sigmoid neuron cost");
        assertThat(blocks.stream().filter(block -> block.code().contains("FiniteDifferences.forward().gradient"))
                .findFirst().orElseThrow().output()).isNull();
    }

    @Test
    void timingsAreTheOnlyPartsOfAnOutputThatMayDiffer() throws IOException {
        assertThat(Snippets.masked("  forward differences: final cost 0.571701 in   151.7 ms\n"))
                .isEqualTo(Snippets.masked("  forward differences: final cost 0.571701 in  1043.5 ms\n"));
        assertThat(Snippets.masked("backpropagation trained 3.5x faster")).isEqualTo("backpropagation trained #x faster");
        assertThat(Snippets.masked("[##---]  10% epoch 30/300 loss 0.0574429 ETA 0:01"))
                .isEqualTo(Snippets.masked("[##---]  10% epoch 30/300 loss 0.0574429 ETA 1:59"));
        assertThat(Snippets.masked("final cost = 0.572  (0.571701)"))
                .isNotEqualTo(Snippets.masked("final cost = 0.573  (0.571701)"));
    }

    @Test
    void aShownOutputThatChangesFails() throws IOException {
        String printed = "sigmoid neuron cost, w=[0.2, 0.6], b=-0.3: 829.4187739184516  (the tutorial prints 829.4187739184515)\n";

        assertThatThrownBy(() -> Snippets.assertShown("docs/tutorial.md#sigmoid-neuron", printed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("docs/tutorial.md:");
    }

    /**
     * The blocks no region stands for, each as a message naming the page and line: a whole
     * compilation unit must be the source file of its class; any other block the code of a region
     * for its page, its imports among the region file's.
     */
    private static List<String> unmatchedBlocks(List<Block> blocks, List<Region> regions) {
        List<String> problems = new ArrayList<>();
        for (Block block : blocks) {
            if (!block.language().equals("java")) {
                continue;
            }
            if (block.code().startsWith("package ")) {
                Path file = compilationUnit(block.code());
                if (!file.toFile().isFile() || !Snippets.read(file).equals(block.code())) {
                    problems.add(block.where() + ": a whole compilation unit that is not the test source " + file
                            + " word for word");
                }
                continue;
            }
            String code = Snippets.withoutImports(block.code());
            Region region = regions.stream()
                    .filter(candidate -> candidate.page().equals(block.page())
                            && Snippets.normalised(candidate.code()).equals(code))
                    .findFirst().orElse(null);
            if (region == null) {
                problems.add(block.where() + ": no region \"// snippet: " + block.page()
                        + "#<name>\" ... \"// end snippet\" under " + Snippets.SOURCES + " holds this block:\n" + code);
                continue;
            }
            List<String> imports = Snippets.imports(block.code());
            List<String> fileLines = imports.isEmpty() ? List.of()
                    : Snippets.normalised(Snippets.read(region.file())).lines().toList();
            for (String line : imports) {
                if (!fileLines.contains(line)) {
                    problems.add(block.where() + ": \"" + line + "\" is not an import of " + region.file());
                }
            }
        }
        return problems;
    }

    /** The test source a compilation unit belongs at: its package's folder, its first class's name. */
    private static Path compilationUnit(String code) {
        String packageName = code.substring("package ".length(), code.indexOf(';')).strip();
        Matcher type = Pattern.compile(
                "(?m)^(?:public |final |abstract )*(?:class|interface|record|enum) (\\w+)").matcher(code);
        String name = type.find() ? type.group(1) : "(no class)";
        return Snippets.SOURCES.resolve(packageName.replace('.', '/')).resolve(name + ".java");
    }
}
