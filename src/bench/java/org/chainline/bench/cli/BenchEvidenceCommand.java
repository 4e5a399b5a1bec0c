package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.Application;
import org.chainline.bench.BenchFiles;
import org.chainline.bench.EvidenceBenchmark;
import org.chainline.bench.UploadProbe;
import org.chainline.evidence.files.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Measure the evidence locker in fresh embedded stores under a temporary directory: hashing and",
                "storing a large file beside sha256sum of the same file, a Telegram export's import beside the floor of",
                "reading it, and (in a child JVM with a 256 MB heap) an upload through the HTTP API."})
final class BenchEvidenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file-mb", defaultValue = "1024", paramLabel = "MB", description = "Size of the hashed file (default ${DEFAULT-VALUE}).")
    long fileMb;
    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Runs of each hash contender (default ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--messages", defaultValue = "100000", paramLabel = "N", description = "Messages of the generated export, 0 to skip (default ${DEFAULT-VALUE}).")
    int messages;
    @Option(names = "--upload-mb", defaultValue = "2048", paramLabel = "MB", description = "Size of the upload, 0 to skip (default ${DEFAULT-VALUE}).")
    long uploadMb;
    @Option(names = "--upload-heap", defaultValue = "256m", paramLabel = "SIZE", description = "-Xmx of the upload's JVM (default ${DEFAULT-VALUE}).")
    String uploadHeap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("chainline-bench-evidence");
        try {
            EvidenceBenchmark.HashResult hash;
            EvidenceBenchmark.TelegramResult telegram = null;
            try (ApplicationContext context = instance(dir.resolve("data"), dir)) {
                hash = EvidenceBenchmark.hashAndStore(context.getBean(FileStore.class), dir.resolve("data"), dir, fileMb, runs, log);
                if (messages > 0) {
                    try (ApplicationContext baseline = instance(dir.resolve("baseline"), dir)) {
                        telegram = EvidenceBenchmark.telegram(context, baseline, dir, messages, log);
                    }
                }
            }
            List<String> upload = uploadMb > 0 ? ChildJvm.run(uploadHeap, log, "upload", "--mb", Long.toString(uploadMb),
                    "--dir", dir.resolve("upload").toString()) : List.of();
            out.printf("%nEvidence locker benchmark (%d cores, JDK %s)%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.println("| file | sha256sum | SHA-256 in Java (MessageDigest) | Chainline store (hash, write, fsync, rename) | ratio sha256sum / store |");
            out.println("|---:|---:|---:|---:|---:|");
            double mb = hash.bytes() / 1048576.0;
            out.printf("| %,.0f MB | %.2f s (%,.0f MB/s) | %.2f s (%,.0f MB/s) | %.2f s (%,.0f MB/s) | %.2f |%n", mb, hash.sha256sum(),
                    mb / hash.sha256sum(), hash.javaDigest(), mb / hash.javaDigest(), hash.store(), mb / hash.store(), hash.ratio());
            if (telegram != null) {
            out.println();
            out.println("| Telegram export | media files | Telegram import (messages/s) | journal / graph | the same records as NDJSON (records/s) | ratio | floor: parse + hash media (messages/s) |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|");
            out.printf("| %,d messages | %,d | %,.0f (%.1f s) | %.1f s / %.1f s | %,.0f (%,d in %.1f s) | %.2f | %,.0f (%.1f s) |%n",
                    telegram.messages(), telegram.mediaFiles(), telegram.perSecond(), telegram.importSeconds(),
                    telegram.report().journalMillis() / 1e3, telegram.report().projectMillis() / 1e3,
                    telegram.records() / telegram.recordsSeconds(), telegram.records(), telegram.recordsSeconds(),
                    telegram.importSeconds() == 0 ? 0 : telegram.recordsSeconds() / telegram.importSeconds(),
                    telegram.floorPerSecond(), telegram.floorSeconds());
            }
            upload.forEach(out::println);
            return 0;
        } finally {
            BenchFiles.delete(dir);
        }
    }

    /** Fresh embedded stores in {@code data}; the key file is shared, so the baseline opens the import's sealed values. */
    private static ApplicationContext instance(Path data, Path dir) {
        return ApplicationContext.builder(Application.class)
                .properties(Map.of("chainline.data-dir", data.toString(), "chainline.projector.interval", "1h",
                        "chainline.protection.key-file", dir.resolve("protection.key").toString()))
                .deduceEnvironment(false).banner(false).start();
    }

    @Command(name = "upload", hidden = true, description = "Upload a generated file through the HTTP API of an instance in this JVM.")
    static final class Upload implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--mb", defaultValue = "2048")
        long mb;
        @Option(names = "--dir", required = true)
        Path dir;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(dir);
            try (ApplicationContext context = ApplicationContext.builder(Application.class)
                    .properties(Map.of("chainline.data-dir", dir.resolve("data").toString(), "chainline.projector.interval", "1h",
                            "micronaut.server.port", 0, "chainline.protection.key-file", dir.resolve("protection.key").toString()))
                    .deduceEnvironment(false).banner(false).start()) {
                UploadProbe.Result r = UploadProbe.run(context, dir, mb);
                PrintWriter out = spec.commandLine().getOut();
                out.println();
                out.println("| upload through POST /api/evidence/files | max heap | peak heap used | time | throughput | SHA-256 as computed by the server |");
                out.println("|---:|---:|---:|---:|---:|---|");
                out.printf("| %,d MB | %,d MB | %,d MB | %.1f s | %,.0f MB/s | %s |%n", r.bytes() >> 20, r.maxHeap() >> 20, r.peakHeap() >> 20,
                        r.seconds(), (r.bytes() >> 20) / r.seconds(), r.matches() ? "matches" : "DIFFERS: " + r.received());
                return r.matches() ? 0 : 1;
            }
        }
    }
}
