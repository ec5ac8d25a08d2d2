package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documentation's code blocks and the test code that runs them.
 *
 * <p>A page is {@code README.md}, {@code CONTRIBUTING.md} or a {@code docs/*.md} file. Each of its
 * {@code ```java} blocks must be the code of a <em>region</em> of a test source under
 * {@code src/test/java}: the lines between {@code // snippet: <page>#<name>} and
 * {@code // end snippet}, compared line by line with leading and trailing blanks and blank lines
 * ignored. A block's {@code import} lines are not in its region; they must be imports of the file
 * that holds it. A block that is a whole compilation unit (it starts with {@code package}) is
 * instead the test source file its package and first class name give, word for word.
 *
 * <p>A {@code ```text} block that directly follows a Java block (only blank lines between) is the
 * output that block's code prints: the test that runs the region checks it with
 * {@link #assertShown(String, String)}. Timings (a number before {@code " ms"} or {@code "x faster"})
 * are the only parts allowed to differ.
 *
 * <p>Where the code that prints is not on the page (an example run by a shell command), the output
 * block is marked by the line {@code <!-- output: name -->} right before its fence, and the test that
 * runs the example checks it with {@link #assertOutputShown(String, String, String)}. Timings and a
 * progress bar's {@code ETA m:ss} are the only parts allowed to differ.
 */
public final class Snippets {

    /** The folder the regions live in. */
    static final Path SOURCES = Path.of("src/test/java");

    private static final Pattern BEGIN = Pattern.compile("^\\s*// snippet: (\\S+)#(\\S+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end snippet\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern OUTPUT = Pattern.compile("^<!-- output: (\\S+) -->\\s*$");

    private Snippets() {
    }

    /**
     * A fenced block of a page.
     *
     * @param page the page, relative to the project folder, with {@code /} separators
     * @param line the line of the opening fence, from 1
     * @param language the fence's info string ({@code ""} for none)
     * @param code the lines between the fences, each ending in a newline
     * @param output the {@code ```text} block that directly follows, or {@code null}
     */
    record Block(String page, int line, String language, String code, Block output) {

        /** {@return where the block is, as "page:line"} */
        String where() {
            return page + ":" + line;
        }
    }

    /**
     * A marked region of a test source.
     *
     * @param key {@code page#name}
     * @param file the source file
     * @param line the line of the opening marker, from 1
     * @param code the lines between the markers, each ending in a newline
     */
    record Region(String key, Path file, int line, String code) {

        /** {@return the page part of the key} */
        String page() {
            return key.substring(0, key.indexOf('#'));
        }

        /** {@return where the region is, as "file:line"} */
        String where() {
            return file + ":" + line;
        }
    }

    /** {@return every page: README.md, CONTRIBUTING.md if present, and docs/*.md, sorted} */
    static List<String> pages() {
        List<String> pages = new ArrayList<>(List.of("README.md"));
        if (Files.exists(Path.of("CONTRIBUTING.md"))) {
            pages.add("CONTRIBUTING.md");
        }
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.map(path -> "docs/" + path.getFileName()).filter(name -> name.endsWith(".md")).sorted()
                    .forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** {@return the fenced blocks of a page, in order, each text block after a Java one linked to it} */
    static List<Block> blocks(String page) {
        List<String> lines = read(Path.of(page)).lines().toList();
        List<Block> blocks = new ArrayList<>();
        Block previousJava = null;
        int previousEnd = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalStateException(page + ":" + (i + 1) + ": a fence that is never closed");
            }
            StringBuilder code = new StringBuilder();
            for (String line : lines.subList(i + 1, close)) {
                code.append(line).append('\n');
            }
            Block block = new Block(page, i + 1, open.group(1), code.toString(), null);
            if (block.language().equals("text") && previousJava != null && onlyBlank(lines, previousEnd + 1, i)) {
                Block withOutput = new Block(page, previousJava.line(), "java", previousJava.code(), block);
                blocks.set(blocks.indexOf(previousJava), withOutput);
            }
            blocks.add(block);
            previousJava = block.language().equals("java") ? block : null;
            previousEnd = close;
            i = close;
        }
        return blocks;
    }

    /** {@return the text of every test source, one after another} */
    static String allSources() {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                text.append(read(file)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** {@return every region of every test source, in file order} */
    static List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                regions.addAll(regions(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return regions;
    }

    private static List<Region> regions(Path file) {
        List<String> lines = read(file).lines().toList();
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher begin = BEGIN.matcher(lines.get(i));
            if (!begin.matches()) {
                if (END.matcher(lines.get(i)).matches()) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": \"// end snippet\" without a start");
                }
                continue;
            }
            StringBuilder code = new StringBuilder();
            int end = i + 1;
            while (end < lines.size() && !END.matcher(lines.get(end)).matches()) {
                if (BEGIN.matcher(lines.get(end)).matches()) {
                    throw new IllegalStateException(file + ":" + (end + 1) + ": a snippet inside the snippet of line "
                            + (i + 1));
                }
                code.append(lines.get(end)).append('\n');
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": \"// snippet:\" without \"// end snippet\"");
            }
            regions.add(new Region(begin.group(1) + "#" + begin.group(2), file, i + 1, code.toString()));
            i = end;
        }
        return regions;
    }

    /**
     * {@return the code with every line stripped and blank lines removed}
     *
     * @param code lines of code
     */
    static String normalised(String code) {
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (!line.isBlank()) {
                out.append(line.strip()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@return the block's code without its import lines, normalised} */
    static String withoutImports(String code) {
        StringBuilder out = new StringBuilder();
        for (String line : normalised(code).split("\n")) {
            if (!line.startsWith("import ")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** {@return the block's import lines, normalised} */
    static List<String> imports(String code) {
        return normalised(code).lines().filter(line -> line.startsWith("import ")).toList();
    }

    /**
     * Asserts that {@code printed} shows the output the page gives under the Java block of region
     * {@code key}: the page's {@code ```text} block must be consecutive lines of {@code printed}, with
     * timings masked on both sides.
     *
     * @param key the region's {@code page#name}
     * @param printed what the region's code printed, and perhaps more around it
     */
    public static void assertShown(String key, String printed) {
        Region region = regions().stream().filter(candidate -> candidate.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no region // snippet: " + key + " under " + SOURCES));
        Block block = blocks(region.page()).stream()
                .filter(candidate -> candidate.language().equals("java")
                        && withoutImports(candidate.code()).equals(normalised(region.code())))
                .findFirst()
                .orElseThrow(() -> new AssertionError(region.page() + " has no Java block with the code of " + key));
        assertThat(block.output()).as("the text block after %s (%s)", block.where(), key).isNotNull();
        assertThat(masked("\n" + printed)).as("what %s prints, against %s", key, block.output().where())
                .contains(masked("\n" + block.output().code()));
    }

    /**
     * Asserts that {@code printed} shows the fenced block that follows the line
     * {@code <!-- output: name -->} on the page: the block must be consecutive lines of
     * {@code printed}, with timings masked on both sides. This is how a page shows what an example
     * prints when the code that prints it is not on the page.
     *
     * @param page the page, such as {@code "docs/examples.md"}
     * @param name the marker's name, such as {@code "XorExample"}
     * @param printed what the example printed
     */
    public static void assertOutputShown(String page, String name, String printed) {
        Block block = markedOutputs(page).get(name);
        assertThat(block).as("a fenced block right after <!-- output: %s --> in %s", name, page).isNotNull();
        assertThat(masked("\n" + printed)).as("what %s prints, against %s", name, block.where())
                .contains(masked("\n" + block.code()));
    }

    /** {@return the page's blocks marked {@code <!-- output: name -->} on the line before, by name} */
    static Map<String, Block> markedOutputs(String page) {
        List<String> lines = read(Path.of(page)).lines().toList();
        Map<String, Block> marked = new LinkedHashMap<>();
        for (Block block : blocks(page)) {
            if (block.line() >= 2) {
                Matcher marker = OUTPUT.matcher(lines.get(block.line() - 2));
                if (marker.matches()) {
                    marked.put(marker.group(1), block);
                }
            }
        }
        return marked;
    }

    /** {@return every {@code <!-- output: name -->} line of the page, as "line: name"} */
    static List<String> outputMarkers(String page) {
        List<String> lines = read(Path.of(page)).lines().toList();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = OUTPUT.matcher(lines.get(i));
            if (marker.matches()) {
                markers.add((i + 1) + ": " + marker.group(1));
            }
        }
        return markers;
    }

    /**
     * {@return the text with timings masked: a number before " ms" or "x faster" becomes "#"}
     *
     * @param text printed lines
     */
    static String masked(String text) {
        return text.replaceAll(" +[0-9]+(\\.[0-9]+)? ms", " # ms").replaceAll("[0-9]+(\\.[0-9]+)?x faster", "#x faster")
                .replaceAll("ETA [0-9]+:[0-9]{2}", "ETA #");
    }

    /** {@return the file's text, UTF-8} */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onlyBlank(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
