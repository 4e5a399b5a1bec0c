package org.chainline.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a benchmark's command in a child JVM with its own heap limit (the small-heap benchmarks), and returns its output. */
final class ChildJvm {

    private ChildJvm() {
    }

    static List<String> run(String heap, PrintWriter log, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                BenchCommand.class.getName()));
        command.addAll(List.of(args));
        log.println("child JVM: " + java + " -Xmx" + heap + " ... " + String.join(" ", args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(child.getInputStream().readAllBytes()).lines().toList();
        if (child.waitFor() != 0) {
            throw new IOException("'" + String.join(" ", args) + "' failed in the child JVM (exit " + child.exitValue() + "):\n"
                    + String.join("\n", lines));
        }
        return lines;
    }
}
