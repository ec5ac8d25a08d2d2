package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writing a small program's files and running it in a child JVM, as the tests of a user's project do. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Writes {@code text} to {@code file} in UTF-8, making its folders.
     *
     * @param file where
     * @param text what
     * @return {@code file}
     * @throws IOException if it cannot be written
     */
    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Runs this JVM's {@code java} with {@code options} then {@code launch}, in {@code directory},
     * its output kept in a file there; fails the test if it does not finish within 60 s (it is then
     * killed) or exits with a code other than 0, quoting the output.
     *
     * @param directory the working directory, also the folder of the output file
     * @param options JVM options before the launch arguments
     * @param launch the class or module path and the main class or module, and the program's arguments
     * @return the output's lines {@code "key: value"}, by key, in the order printed
     * @throws IOException if the output cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public static Map<String, String> run(Path directory, List<String> options, String... launch)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(options);
        command.addAll(List.of(launch));
        Path log = Files.createTempFile(directory, "run", ".txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within 60 s; output:\n%s", command, text).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; output:\n%s", command, text).isZero();
        Map<String, String> lines = new LinkedHashMap<>();
        text.lines().forEach(line -> { // any line ending, \r\n included
            int colon = line.indexOf(": ");
            if (colon > 0) {
                lines.put(line.substring(0, colon), line.substring(colon + 2));
            }
        });
        return lines;
    }
}
