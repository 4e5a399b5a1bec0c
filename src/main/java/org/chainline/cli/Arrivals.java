package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.cases.Filing;
import org.chainline.demo.DemoCase;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.evidence.TelegramExportImport;
import org.chainline.evidence.TelegramReport;
import org.chainline.refusal.Refusal;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** What {@code chainline import} does with each path: records, a Telegram export, or evidence files. */
final class Arrivals {

    private final ApplicationContext context;
    private final Filing filing;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String reason;
    private final EvidenceLocker.Upload upload;
    private final String username;

    Arrivals(ApplicationContext context, Filing filing, PrintWriter out, PrintWriter err, String reason,
             EvidenceLocker.Upload upload, String username) {
        this.context = context;
        this.filing = filing;
        this.out = out;
        this.err = err;
        this.reason = reason;
        this.upload = upload;
        this.username = username;
    }

    boolean path(Path p) throws IOException {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(p) && name.endsWith(".ndjson")) {
            return records(p, reason != null ? reason : "import of " + p.getFileName(), p.toString());
        }
        if (isTelegramExport(p)) {
            return telegram(p);
        }
        if (Files.isDirectory(p)) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(p)) {
                all = walk.filter(Files::isRegularFile).sorted().toList();
            }
            boolean ok = true;
            for (Path f : all) {
                ok &= file(f);
            }
            return ok;
        }
        return file(p);
    }

    boolean records(Path file, String why, String label) {
        return reported(context.getBean(RecordImport.class).run(filing, why, file, new ImportCommand.Throttled(err)), label);
    }

    /** The fictional demo case: its records, then the files its evidence items name. */
    boolean demo() {
        DemoCase.Loaded loaded = context.getBean(DemoCase.class).load(Contexts.cliActor(), new ImportCommand.Throttled(err));
        boolean ok = reported(loaded.records(), "the demo case");
        if (ok) {
            out.println("  " + loaded.filesStored() + (loaded.filesStored() == 1 ? " evidence file" : " evidence files")
                    + " of the demo stored in the locker");
            out.println("  " + loaded.sanctionsSummary());
        }
        return ok;
    }

    private boolean reported(ImportReport report, String label) {
        if (!report.applied()) {
            report.errors().forEach(e -> err.printf("line %d: %s %s%n", e.line(), e.field(), e.reason()));
            if (report.errorCount() > report.errors().size()) {
                err.printf("... and %d more%n", report.errorCount() - report.errors().size());
            }
            err.println("chainline: " + label + ": " + report.summary());
            return false;
        }
        out.println("Imported " + label + ": " + report.summary());
        out.printf("  checked and journaled (PostgreSQL) in %.1f s, projected into the graph (Neo4j) in %.1f s%n",
                report.phases().journalMillis() / 1e3, report.phases().projectMillis() / 1e3);
        return true;
    }

    private boolean telegram(Path p) {
        try {
            TelegramReport report = context.getBean(TelegramExportImport.class).run(filing,
                    reason != null ? reason : "Telegram export " + p.getFileName(), p, new TelegramExportImport.Options(username),
                    new ImportCommand.Throttled(err));
            if (!report.applied()) {
                report.errors().forEach(e -> err.printf("%s message %s: %s %s%n", e.chat(), e.message(), e.field(), e.reason()));
                err.println("chainline: " + p + ": " + report.summary());
                return false;
            }
            out.println("Imported Telegram export " + p + " as " + report.export() + " (result.json sha256 " + report.resultSha256() + "):");
            out.println("  " + report.summary());
            report.missingFiles().forEach(f -> out.println("  not in the export: " + f));
            return true;
        } catch (Refusal e) {
            err.println("chainline: " + p + ": " + (e.field() == null ? "" : e.field() + " ") + e.getMessage());
            return false;
        }
    }

    private boolean file(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            EvidenceLocker.Received r = context.getBean(EvidenceLocker.class).receive(filing,
                    reason != null ? reason : "file " + f.getFileName(), in, new EvidenceLocker.Upload(f.getFileName().toString(),
                            null, upload.kind(), null, upload.source(), upload.confidentiality(), upload.via(), upload.evidence()));
            out.printf("%s %s: %s sha256 %s (%,d bytes)%s%n", r.duplicate() ? "Already held" : "Stored", f, r.evidence(), r.sha256(), r.size(),
                    r.recordedEarlier() && !r.duplicate() ? ", the file of the item recorded earlier" : "");
            if (!r.sameBytes().isEmpty()) {
                out.println("  the same bytes are named by " + String.join(", ", r.sameBytes()) + " too"
                        + (r.recordedEarlier() ? "" : "; to make a file the file of an item recorded earlier, import it with --evidence ID"));
            }
            return true;
        } catch (Refusal e) {
            err.println("chainline: " + f + ": " + (e.field() == null ? "" : e.field() + " ") + e.getMessage());
            return false;
        }
    }

    /** A folder with result.json (in it or in one subfolder), or a zip holding one. */
    static boolean isTelegramExport(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            if (Files.isRegularFile(p.resolve("result.json"))) {
                return true;
            }
            try (Stream<Path> children = Files.list(p)) {
                return children.anyMatch(c -> Files.isRegularFile(c.resolve("result.json")));
            }
        }
        if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(p.toFile())) {
                return zip.stream().anyMatch(e -> e.getName().equals("result.json") || e.getName().endsWith("/result.json"));
            } catch (ZipException e) {
                return false;
            }
        }
        return false;
    }
}
