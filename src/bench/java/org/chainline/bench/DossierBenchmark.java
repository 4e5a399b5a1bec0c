package org.chainline.bench;

import org.chainline.dossier.content.DossierContent;
import org.chainline.dossier.pdf.PdfDossierRenderer;
import org.chainline.input.Json;
import org.chainline.regime.Labels;
import org.chainline.regime.Regimes;
import org.chainline.registry.model.Model;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The dossier renderer beside plain PDFBox: pages per second for a dossier of N incidents, and pages per second of
 * raw text pages in the same embedded font holding as many characters per page, measured in the same run.
 */
public final class DossierBenchmark {

    private static final Labels LABELS = new Regimes(
            Model.load(), "").labels();

    private DossierBenchmark() {
    }

    public record Result(int incidents, int pages, long bytes, int charsPerPage, double dossierSeconds, double rawSeconds) {
        public double dossierPagesPerSecond() {
            return pages / dossierSeconds;
        }

        public double rawPagesPerSecond() {
            return pages / rawSeconds;
        }

        public double ratio() {
            return dossierPagesPerSecond() / rawPagesPerSecond();
        }
    }

    public static Result run(int incidents, int warmup, int runs, PrintWriter log) throws IOException {
        DossierContent content = SyntheticDossier.of(incidents);
        byte[] json = Json.MAPPER.writeValueAsBytes(content);
        PdfDossierRenderer.Rendered first = PdfDossierRenderer.render(content, json, LABELS);
        int chars = RawPdfPages.charsPerPage(first.pdf());
        log.printf("dossier: %d incidents, %d pages, %,d bytes, %,d characters a page; %d warm-up rounds, then best of %d runs"
                + " each, alternating%n", incidents, first.pages(), first.pdf().length, chars, warmup, runs);
        for (int w = 0; w < warmup; w++) {
            PdfDossierRenderer.render(content, json, LABELS);
            RawPdfPages.write(first.pages(), chars);
        }
        double best = Double.MAX_VALUE;
        double bestRaw = Double.MAX_VALUE;
        for (int r = 1; r <= runs; r++) {
            long t0 = System.nanoTime();
            PdfDossierRenderer.render(content, json, LABELS);
            double dossier = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            RawPdfPages.write(first.pages(), chars);
            double raw = (System.nanoTime() - t1) / 1e9;
            log.printf("  run %d: dossier %.2f s, raw PDFBox %.2f s%n", r, dossier, raw);
            best = Math.min(best, dossier);
            bestRaw = Math.min(bestRaw, raw);
        }
        return new Result(incidents, first.pages(), first.pdf().length, chars, best, bestRaw);
    }

    /** What drawing a dossier of at least {@code pages} pages takes from the heap (run it in a JVM with a small heap). */
    public record Heap(int pages, int incidents, double seconds, long maxHeap, long peakLive) {
    }

    public static Heap heap(int pages) throws IOException {
        // about 2 pages an incident at the synthetic dossier's density; grow until the page count is reached
        int incidents = Math.max(1, pages / 2);
        while (true) {
            DossierContent content = SyntheticDossier.of(incidents);
            byte[] json = Json.MAPPER.writeValueAsBytes(content);
            LiveHeap live = new LiveHeap();
            long t0 = System.nanoTime();
            PdfDossierRenderer.Rendered rendered = PdfDossierRenderer.render(content, json, LABELS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            live.close();
            if (rendered.pages() >= pages) {
                return new Heap(rendered.pages(), incidents, seconds, Runtime.getRuntime().maxMemory(), live.peak());
            }
            incidents = incidents * pages / Math.max(1, rendered.pages()) + 1;
        }
    }

    /**
     * The largest heap still in use after a garbage collection while it listens: what a run needed to keep, as
     * opposed to how much garbage it left lying between collections.
     */
    static final class LiveHeap implements AutoCloseable {
        private final List<Runnable> removals = new ArrayList<>();
        private volatile long peak;

        LiveHeap() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener listener = (notification, handback) -> {
                        if (notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (CompositeData) notification.getUserData());
                            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                    .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                            peak = Math.max(peak, used);
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    removals.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (ListenerNotFoundException ignored) {
                            // already gone
                        }
                    });
                }
            }
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
        }

        long peak() {
            return peak;
        }

        @Override
        public void close() {
            System.gc(); // one collection at the end, so that a run without any still reports what it kept
            try {
                Thread.sleep(200); // notifications arrive on their own thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            removals.forEach(Runnable::run);
        }
    }
}
