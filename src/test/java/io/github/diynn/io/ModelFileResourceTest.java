package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Network;
import io.github.diynn.docs.Snippets;
import io.github.diynn.examples.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a model shipped inside an application, run as a real application in a child JVM: a tiny
 * module {@code app} that requires {@code io.github.diynn}, compiled here with {@code javax.tools},
 * started once on the module path and once on the class path.
 *
 * <p>The app holds the same model at five places and loads each with both overloads of
 * {@code loadResource}, printing one line per attempt: {@code <case>: OK <prediction> <input names>}
 * or {@code <case>: <exception class>: <message>}.
 */
class ModelFileResourceTest {

    private static final String MODULE_INFO = String.join("\n",
            "module app {",
            "    requires io.github.diynn;",
            "    opens opened to io.github.diynn;",
            "}", "");

    private static final String MAIN = String.join("\n",
            "package app;",
            "",
            "import io.github.diynn.io.ModelFile;",
            "import io.github.diynn.io.SavedModel;",
            "",
            "public class Main {",
            "    interface Load {",
            "        SavedModel load() throws Exception;",
            "    }",
            "",
            "    public static void main(String[] args) {",
            "        ClassLoader loader = Main.class.getClassLoader();",
            "        run(\"class META-INF\", () -> ModelFile.loadResource(Main.class, \"/META-INF/models/model.json\"));",
            "        run(\"class ml-models\", () -> ModelFile.loadResource(Main.class, \"/ml-models/model.json\"));",
            "        run(\"class opened\", () -> ModelFile.loadResource(Main.class, \"/opened/model.json\"));",
            "        run(\"class relative\", () -> ModelFile.loadResource(Main.class, \"model.json\"));",
            "        run(\"class models\", () -> ModelFile.loadResource(Main.class, \"/models/model.json\"));",
            "        run(\"class absent\", () -> ModelFile.loadResource(Main.class, \"/META-INF/absent.json\"));",
            "        run(\"loader META-INF\", () -> ModelFile.loadResource(loader, \"META-INF/models/model.json\"));",
            "        run(\"loader models\", () -> ModelFile.loadResource(loader, \"models/model.json\"));",
            "    }",
            "",
            "    static void run(String name, Load load) {",
            "        try {",
            "            SavedModel model = load.load();",
            "            System.out.println(name + \": OK \" + model.predict(1.0, 2.0)[0] + \" \" + model.inputNames());",
            "        } catch (Exception e) {",
            "            System.out.println(name + \": \" + e.getClass().getSimpleName() + \": \" + e.getMessage());",
            "        }",
            "    }",
            "}", "");

    @TempDir
    static Path work;

    private static Path app;
    private static Path library;
    private static String ok;

    @BeforeAll
    static void compileTheApp() throws IOException, URISyntaxException {
        library = Path.of(ModelFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path sources = work.resolve("src");
        app = Files.createDirectories(work.resolve("app"));
        List<String> files = new ArrayList<>();
        files.add(ChildJvm.write(sources.resolve("module-info.java"), MODULE_INFO).toString());
        files.add(ChildJvm.write(sources.resolve("app/Main.java"), MAIN).toString());
        files.add(ChildJvm.write(sources.resolve("opened/Marker.java"), "package opened;\n\npublic class Marker {\n}\n").toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--module-path", library.toString(), "-d", app.toString(),
                "-Xlint:none"));
        arguments.addAll(files);
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();

        SavedModel model = SavedModel.of(Network.builder(2).dense(3, Activation.TANH).dense(1, Activation.IDENTITY)
                .build(7), ModelMetadata.of(TestModels.CREATED, "shipped")).withInputNames(List.of("x", "y"));
        for (String resource : List.of("META-INF/models", "ml-models", "opened", "app", "models")) {
            ModelFile.save(model, Files.createDirectories(app.resolve(resource)).resolve("model.json"));
        }
        ok = "OK " + model.predict(1.0, 2.0)[0] + " [x, y]";
    }

    /** Runs the app in a child JVM and returns its lines by case. */
    private static Map<String, String> run(String... launch) throws IOException, InterruptedException {
        return ChildJvm.run(work, List.of("-XX:TieredStopAtLevel=1"), launch);
    }

    @Test
    void onTheModulePathAResourceOutsideAPackageOrInAnOpenedOneLoadsAndAnEncapsulatedOneSaysWhichOpensLineToAdd()
            throws IOException, InterruptedException {
        Map<String, String> results = run("--module-path", library + File.pathSeparator + app, "-m", "app/app.Main");

        assertThat(results.get("class META-INF")).isEqualTo(ok);
        assertThat(results.get("class ml-models")).isEqualTo(ok);
        assertThat(results.get("class opened")).isEqualTo(ok);
        assertThat(results.get("class models")).startsWith("NoSuchFileException: module:app/models/model.json:")
                .contains("it is in package models of module app, which does not open that package to io.github.diynn")
                .contains("add the line \"opens models to io.github.diynn;\" to the module-info.java of app")
                .contains("such as META-INF/models/");
        Snippets.assertOutputShown("docs/model-format.md", "encapsulated-model", results.get("class models") + "\n");
        assertThat(results.get("class relative")).startsWith("NoSuchFileException: module:app/app/model.json:")
                .contains("\"opens app to io.github.diynn;\"");
        assertThat(results.get("class absent")).startsWith("NoSuchFileException: module:app/META-INF/absent.json:")
                .contains("no such resource in module app");
        assertThat(results.get("loader META-INF")).isEqualTo(ok);
        assertThat(results.get("loader models")).startsWith("NoSuchFileException: classpath:models/model.json:")
                .contains("in package models of the named module app")
                .contains("load it with ModelFile.loadResource(<a class of app>.class, \"/models/model.json\")")
                .contains("\"opens models to io.github.diynn;\"");
    }

    @Test
    void onTheClassPathEveryResourceLoadsWithEitherOverload() throws IOException, InterruptedException {
        Map<String, String> results = run("-cp", library + File.pathSeparator + app, "app.Main");

        for (String found : List.of("class META-INF", "class ml-models", "class opened", "class relative",
                "class models", "loader META-INF", "loader models")) {
            assertThat(results.get(found)).as(found).isEqualTo(ok);
        }
        assertThat(results.get("class absent")).startsWith("NoSuchFileException: classpath:META-INF/absent.json:")
                .contains("no such resource in the class path of app.Main's class loader");
    }
}
