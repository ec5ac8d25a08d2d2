package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.diynn.io.ModelFile;
import io.github.diynn.io.SavedModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md as a user's own project: the page's Java blocks, taken from the page at
 * test time, become two programs of a consumer package {@code com.example.app} that depends on
 * diynn's main classes only, compiled with {@code javax.tools} and run in child JVMs, once on the
 * class path and once as the module {@code com.example.app} on the module path.
 *
 * <p>{@code Train} is every block but the last (load the CSV, split and scale, train, evaluate,
 * save); {@code Predict}, a second program, is the last block (load the model, predict by label);
 * {@code App}, a third, loads the same model shipped among its classes with the page's
 * {@code ModelFile.loadResource(App.class, ...)} call.
 * The only code added to the page's is what a user would write around it: the class, {@code main},
 * the imports of the classes the page lists, {@code csv} and {@code file} (which the page's text
 * defines) from the arguments, and printing the results. Each
 * program also prints what its JVM can see, so the test can check that it saw diynn's main classes
 * and its own, and nothing of the test class path.
 */
class ConsumerProjectTest {

    private static final Path PAGE = Path.of("docs/getting-started.md");

    private static final List<String> LABELS = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");

    /** What each program prints first: where its JVM found classes, and which modules ran. */
    private static final String SEEN = String.join("\n",
            "        System.out.println(\"class path: \" + System.getProperty(\"java.class.path\"));",
            "        System.out.println(\"module path: \" + System.getProperty(\"jdk.module.path\"));",
            "        System.out.println(\"app module: \" + %s.class.getModule().getName());",
            "        System.out.println(\"diynn module: \" + ModelFile.class.getModule().getName());", "");

    private static final String MODULE_INFO = String.join("\n",
            "module com.example.app {",
            "    requires io.github.diynn;",
            "}", "");

    @TempDir
    static Path work;

    private static Path library;
    private static Path csv;
    private static String imports;
    private static String trainSource;
    private static String predictSource;
    private static String appSource;
    private static String resource;

    @BeforeAll
    static void writeTheConsumerSources() throws IOException, URISyntaxException {
        library = Path.of(ModelFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(library.resolve("module-info.class")).as("diynn's main classes, an exploded module").exists();
        csv = work.resolve("iris.csv");
        try (var in = ConsumerProjectTest.class.getResourceAsStream("/iris.csv")) {
            Files.copy(in, csv);
        }
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        imports = imports(page);
        for (String glue : List.of("csv", "file")) {
            assertThat(page).as("%s says what %s, which its blocks use and never declare, is", PAGE, glue)
                    .contains("`" + glue + "` is the `Path`");
        }
        List<String> blocks = javaBlocks(page);
        assertThat(blocks).as("Java blocks of %s", PAGE).hasSizeGreaterThanOrEqualTo(2);
        trainSource = program("Train", "Path csv = Path.of(args[0]);\nPath file = Path.of(args[1]);\n",
                String.join("", blocks.subList(0, blocks.size() - 1)),
                "System.out.println(\"accuracy: \" + accuracy);");
        predictSource = program("Predict", "Path file = Path.of(args[0]);\n", blocks.get(blocks.size() - 1),
                "System.out.println(\"species: \" + species);");
        Matcher shipped = Pattern.compile("`(ModelFile\\.loadResource\\(App\\.class, \"/([^\"]+)\"\\))`").matcher(page);
        assertThat(shipped.find()).as("%s shows how to load a model shipped in the jar", PAGE).isTrue();
        resource = shipped.group(2);
        appSource = program("App", "", "SavedModel shipped = " + shipped.group(1) + ";\n",
                "System.out.println(\"shipped species: \" + shipped.predictLabel(5.1, 3.5, 1.4, 0.2));");
    }

    /** {@return the page's {@code ```java} blocks, each as written} */
    private static List<String> javaBlocks(String page) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE).matcher(page);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /**
     * {@return the import lines the page's list of classes gives}: one line per class of each
     * "- `io.github.diynn.x`: `A`, `B`" item and of the "- from the JDK: `java.x.A`" item.
     */
    private static String imports(String page) {
        StringBuilder lines = new StringBuilder();
        Matcher item = Pattern.compile("^- (?:`(io\\.github\\.diynn\\.\\w+)`|from the JDK): (.*)$", Pattern.MULTILINE)
                .matcher(page);
        Pattern name = Pattern.compile("`([\\w.]+)`");
        while (item.find()) {
            Matcher type = name.matcher(item.group(2));
            while (type.find()) {
                lines.append("import ").append(item.group(1) == null ? "" : item.group(1) + ".").append(type.group(1))
                        .append(";\n");
            }
        }
        assertThat(lines).as("the classes %s lists for its steps", PAGE).isNotEmpty();
        return lines.toString();
    }

    /** {@return a class {@code com.example.app.<name>} whose main runs the page's code between the glue} */
    private static String program(String name, String arguments, String pageCode, String print) {
        return "package com.example.app;\n\n" + imports + "\npublic final class " + name + " {\n"
                + "    public static void main(String[] args) throws IOException {\n" + SEEN.formatted(name)
                + arguments + pageCode + print + "\n    }\n}\n";
    }

    /**
     * Compiles the three programs (and the module declaration when {@code asModule}) against diynn's
     * main classes only, into a fresh folder, and returns that folder.
     */
    private static Path compile(String name, boolean asModule) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler in " + System.getProperty("java.home")
                + " (a JRE, not a JDK): the consumer project cannot be compiled, so this test is skipped");
        Path sources = work.resolve(name + "-src");
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        List<String> arguments = new ArrayList<>(List.of(asModule ? "--module-path" : "-classpath", library.toString(),
                "-d", classes.toString(), "-Xlint:none", "-proc:none"));
        arguments.add(ChildJvm.write(sources.resolve("com/example/app/Train.java"), trainSource).toString());
        arguments.add(ChildJvm.write(sources.resolve("com/example/app/Predict.java"), predictSource).toString());
        arguments.add(ChildJvm.write(sources.resolve("com/example/app/App.java"), appSource).toString());
        if (asModule) {
            arguments.add(ChildJvm.write(sources.resolve("module-info.java"), MODULE_INFO).toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(exit).as("javac exit code for the page's code:\n%s\n%s\n%s\n%s",
                errors.toString(StandardCharsets.UTF_8), trainSource, predictSource, appSource).isZero();
        return classes;
    }

    /** Runs a child JVM with the given launch arguments and returns its lines "key: value" by key. */
    private static Map<String, String> run(String... launch) throws IOException, InterruptedException {
        return ChildJvm.run(work, List.of(), launch);
    }

    /** Checks what a program printed after a run of the page's steps, and returns the saved model. */
    private static SavedModel checkTrainedSavedAndPredicted(Map<String, String> trained, Map<String, String> predicted,
            Path file) throws IOException {
        assertThat(Double.parseDouble(trained.get("accuracy"))).as("accuracy on the held-out flowers")
                .isBetween(0.9, 1.0);
        assertThat(file).as("the model file Train wrote").exists();
        SavedModel loaded = ModelFile.load(file);
        assertThat(loaded.classLabels()).containsExactlyElementsOf(LABELS);
        assertThat(loaded.inputNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(predicted.get("species")).isIn(LABELS)
                .isEqualTo(loaded.predictLabel(5.1, 3.5, 1.4, 0.2));
        return loaded;
    }

    /** Puts the saved model where the page's resource path says, as if the jar had shipped it. */
    private static void ship(Path file, Path classes) throws IOException {
        Path shipped = classes.resolve(resource);
        Files.createDirectories(shipped.getParent());
        Files.copy(file, shipped);
    }

    private static List<String> entries(String path) {
        return List.of(path.split(File.pathSeparator));
    }

    @Test
    void onTheClassPathThePagesStepsCompileTrainSaveAndAnotherProgramPredictsALabel()
            throws IOException, InterruptedException {
        Path app = compile("classpath", false);
        String classPath = library + File.pathSeparator + app;
        Path file = work.resolve("classpath-model.json");

        Map<String, String> trained = run("-cp", classPath, "com.example.app.Train", csv.toString(), file.toString());
        Map<String, String> predicted = run("-cp", classPath, "com.example.app.Predict", file.toString());
        ship(file, app);
        Map<String, String> shipped = run("-cp", classPath, "com.example.app.App");

        for (Map<String, String> seen : List.of(trained, predicted, shipped)) {
            assertThat(entries(seen.get("class path"))).containsExactly(library.toString(), app.toString());
            assertThat(seen.get("module path")).isEqualTo("null");
            assertThat(seen.get("app module")).isEqualTo("null");
            assertThat(seen.get("diynn module")).isEqualTo("null");
        }
        assertThat(shipped.get("shipped species")).isEqualTo(predicted.get("species"));
        checkTrainedSavedAndPredicted(trained, predicted, file);
    }

    @Test
    void asAModuleThePagesStepsCompileTrainSaveAndAnotherProgramPredictsALabel()
            throws IOException, InterruptedException {
        Path app = compile("module", true);
        String modulePath = library + File.pathSeparator + app;
        Path file = work.resolve("module-model.json");

        Map<String, String> trained = run("-p", modulePath, "-m", "com.example.app/com.example.app.Train",
                csv.toString(), file.toString());
        Map<String, String> predicted = run("-p", modulePath, "-m", "com.example.app/com.example.app.Predict",
                file.toString());
        ship(file, app);
        Map<String, String> shipped = run("-p", modulePath, "-m", "com.example.app/com.example.app.App");

        for (Map<String, String> seen : List.of(trained, predicted, shipped)) {
            assertThat(seen.get("class path")).isNullOrEmpty();
            assertThat(entries(seen.get("module path"))).containsExactly(library.toString(), app.toString());
            assertThat(seen.get("app module")).isEqualTo("com.example.app");
            assertThat(seen.get("diynn module")).isEqualTo("io.github.diynn");
        }
        assertThat(shipped.get("shipped species")).as("a shipped model, loaded with no opens line")
                .isEqualTo(predicted.get("species"));
        checkTrainedSavedAndPredicted(trained, predicted, file);
    }
}
