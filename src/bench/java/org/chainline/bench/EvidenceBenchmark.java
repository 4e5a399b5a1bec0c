package org.chainline.bench;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import org.chainline.evidence.TelegramExportImport;
import org.chainline.evidence.TelegramReport;
import org.chainline.evidence.files.FileStore;
import org.chainline.input.Json;
import org.chainline.journal.Journal;
import org.chainline.registry.imports.RecordImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The evidence locker's benchmarks: hashing and storing a large file beside {@code sha256sum} of the same file, and a
 * Telegram export's import throughput beside the floor of reading it (parsing result.json and hashing its media).
 */
public final class EvidenceBenchmark {

    private EvidenceBenchmark() {
    }

    /** Seconds per run of each contender, best of {@code runs}, on a warm page cache. */
    public record HashResult(long bytes, double sha256sum, double javaDigest, double store, String sha256) {
        public double ratio() {
            return sha256sum / store;
        }
    }

    /**
     * Hashing and storing one large file, into {@code fileStore} (a running instance's, whose data directory is the
     * benchmark's own under {@code storeRoot}): after each run the stored copy is removed again, so that every run
     * writes to the same disk blocks, as before, rather than to fresh ones (which a virtual disk may give far slower).
     */
    public static HashResult hashAndStore(FileStore fileStore, Path storeRoot, Path dir, long megabytes, int runs, PrintWriter log)
            throws IOException, InterruptedException {
        log.printf("hash and store: %,d MB file written; best of %d runs each, alternating%n", megabytes, runs);
        Path file = dir.resolve("large.bin");
        long bytes = randomFile(file, megabytes << 20, 7);
        double sum = Double.MAX_VALUE;
        double digest = Double.MAX_VALUE;
        double store = Double.MAX_VALUE;
        String expected = null;
        sha256sum(file); // warms the page cache
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            String s = sha256sum(file);
            sum = Math.min(sum, (System.nanoTime() - t) / 1e9);
            expected = s;
            t = System.nanoTime();
            String d = digest(file);
            digest = Math.min(digest, (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            FileStore.Stored stored;
            try (InputStream in = Files.newInputStream(file)) {
                stored = fileStore.put(in, Long.MAX_VALUE);
            }
            store = Math.min(store, (System.nanoTime() - t) / 1e9);
            if (stored.existed()) {
                throw new IllegalStateException("run " + (i + 1) + " stored nothing: the store held the file already");
            }
            if (!stored.sha256().equals(s) || !d.equals(s)) {
                throw new IllegalStateException("hashes disagree: sha256sum " + s + ", digest " + d + ", store " + stored.sha256());
            }
            removeStored(storeRoot, stored.sha256());
            log.printf("  run %d: sha256sum %.2f s, MessageDigest %.2f s, store (hash + write + fsync + rename) %.2f s%n", i + 1, sum, digest, store);
        }
        Files.delete(file);
        return new HashResult(bytes, sum, digest, store, expected);
    }

    /** The store names a file by its SHA-256 (a content-addressed folder): the benchmark's own copy goes again. */
    private static void removeStored(Path storeRoot, String sha256) throws IOException {
        try (var files = Files.walk(storeRoot)) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals(sha256)).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Messages per second of a whole import; of the floor (parse result.json, hash every media file); and of the plain
     * records import of the very records the Telegram import wrote (an NDJSON file of them, into fresh stores).
     */
    public record TelegramResult(long messages, long mediaFiles, double importSeconds, double floorSeconds,
                                 double recordsSeconds, long records, TelegramReport report) {
        public double perSecond() {
            return messages / importSeconds;
        }

        public double floorPerSecond() {
            return messages / floorSeconds;
        }
    }

    public static TelegramResult telegram(ApplicationContext context, ApplicationContext baseline, Path dir, int messages,
                                          PrintWriter log) throws IOException {
        Path export = Files.createDirectories(dir.resolve("ChatExport"));
        TelegramSample.Written written = TelegramSample.write(export, messages, 11);
        log.printf("telegram: generated an export of %,d messages with %,d media files (%,d KB)%n", written.messages(),
                written.mediaFiles(), written.mediaBytes() >> 10);
        long t = System.nanoTime();
        long parsed = floor(export);
        double floor = (System.nanoTime() - t) / 1e9;
        log.printf("  floor: parsed %,d messages and hashed the media in %.1f s%n", parsed, floor);
        t = System.nanoTime();
        TelegramReport report = context.getBean(TelegramExportImport.class).run(Bench.filing(context), "benchmark", export,
                new TelegramExportImport.Options("generated_channel"), (phase, done, total) -> {
                    if (done % 20_000 == 0) {
                        log.printf("  %s: %,d%n", phase, done);
                    }
                });
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!report.applied()) {
            throw new IllegalStateException("the generated export was refused: " + report.errors());
        }
        log.printf("  import: %s (journal %.1f s, graph %.1f s)%n", report.summary(), report.journalMillis() / 1e3, report.projectMillis() / 1e3);
        Path ndjson = dir.resolve("same-records.ndjson");
        long records = recordsWritten(context, ndjson);
        t = System.nanoTime();
        var plain = baseline.getBean(RecordImport.class).run(Bench.filing(baseline), "baseline", ndjson, RecordImport.Progress.NONE);
        double recordsSeconds = (System.nanoTime() - t) / 1e9;
        if (!plain.applied()) {
            throw new IllegalStateException("the baseline records were refused: " + plain.errors());
        }
        log.printf("  the same %,d records as NDJSON: %s%n", records, plain.summary());
        return new TelegramResult(messages, written.mediaFiles(), seconds, floor, recordsSeconds, records, report);
    }

    /** The records a Telegram import created, as an import file (the payloads of their created entries). */
    private static long recordsWritten(ApplicationContext context, Path ndjson) throws IOException {
        var journal = context.getBean(Journal.class);
        long count = 0;
        try (var out = Files.newBufferedWriter(ndjson)) {
            long after = 0;
            while (true) {
                var entries = journal.after(after, 1000);
                if (entries.isEmpty()) {
                    break;
                }
                for (var e : entries) {
                    if (e.kind().equals("evidence.created") || e.kind().equals("source.created")) {
                        out.write(e.payload()); // canonical record JSON, type first: an import line as it is
                        out.newLine();
                        count++;
                    }
                }
                after = entries.getLast().seq();
            }
        }
        return count;
    }

    /** The least any import must do: read every message of result.json and hash every media file. */
    private static long floor(Path export) throws IOException {
        long[] count = new long[1];
        MessageDigest sha = sha256();
        var parser = Json.MAPPER.getFactory().createParser(export.resolve("result.json").toFile());
        try (parser) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.START_OBJECT && parser.getParsingContext().getParent().inArray()) {
                    var node = (JsonNode) parser.readValueAsTree();
                    count[0]++;
                    if (node.has("file") && !node.get("file").asText().startsWith("(")) {
                        sha.reset();
                        sha.update(Files.readAllBytes(export.resolve(node.get("file").asText())));
                        sha.digest();
                    }
                }
            }
        }
        return count[0];
    }

    static long randomFile(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        long written = 0;
        try (var out = Files.newOutputStream(file)) {
            while (written < size) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, size - written);
                out.write(block, 0, n);
                written += n;
            }
        }
        return written;
    }

    private static String sha256sum(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("sha256sum failed: " + out);
        }
        return out.split("\\s+")[0];
    }

    private static String digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
