package org.chainline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Drives a running Chainline over HTTP with a fixed number of concurrent clients for a fixed time per scenario, and
 * reports throughput, p50 and p99 latency and errors; the same server's {@code /health} is measured the same way as the
 * floor every other figure is set against.
 */
public final class HttpBenchmark {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-http");
                t.setDaemon(true);
                return t;
            })).build();

    public HttpBenchmark(URI base) {
        this.base = base;
    }

    /** The server this benchmark sends to. */
    public URI base() {
        return base;
    }

    /**
     * One scenario: what each request is (numbered, so writes can make distinct records); with several, one iteration
     * sends them one after the other and counts as one (what a page's data costs asked of the API piece by piece).
     */
    public record Scenario(String name, List<IntFunction<HttpRequest.Builder>> requests) {

        public Scenario(String name, IntFunction<HttpRequest.Builder> request) {
            this(name, List.of(request));
        }
    }

    /** What one scenario gave at one concurrency. */
    public record Result(String scenario, int clients, long requests, long errors, double perSecond, double p50, double p99,
                         String statuses) {
    }

    /** A bearer token of an account, from {@code POST /login}. */
    public String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    public HttpRequest.Builder get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public HttpRequest.Builder post(String path, String token, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /**
     * As {@link #run}, while {@code background} runs with {@code backgroundClients} clients of its own for the whole
     * time (how a flood of one kind slows another: health during a storm of logins).
     */
    public Result runBeside(Scenario scenario, int clients, Scenario background, int backgroundClients, Duration duration)
            throws InterruptedException {
        ExecutorService storm = Executors.newSingleThreadExecutor();
        Future<Result> other = storm.submit(() -> run(background, backgroundClients, duration.plusSeconds(1)));
        Thread.sleep(500);
        Result measured = run(new Scenario(scenario.name() + " during " + backgroundClients + " × " + background.name(),
                scenario.requests()), clients, duration);
        try {
            Result load = other.get();
            return new Result(measured.scenario(), measured.clients(), measured.requests(), measured.errors(),
                    measured.perSecond(), measured.p50(), measured.p99(), measured.statuses() + "; beside it " + load.statuses());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            storm.shutdown();
        }
    }

    public Result run(Scenario scenario, int clients, Duration duration) throws InterruptedException {
        AtomicLong counter = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] times = new long[1 << 16];
                int n = 0;
                long errors = 0;
                while (System.nanoTime() < deadline) {
                    int number = (int) counter.incrementAndGet();
                    long t0 = System.nanoTime();
                    int status = 200;
                    for (IntFunction<HttpRequest.Builder> request : scenario.requests()) {
                        int one;
                        try {
                            one = http.send(request.apply(number).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (IOException e) {
                            one = 0;
                        }
                        if (status >= 200 && status < 300) {
                            status = one; // the first refusal or error is what the iteration answered
                        }
                    }
                    long t = System.nanoTime() - t0;
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status < 200 || status >= 300) {
                        errors++;
                    }
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = t;
                }
                long[] out = Arrays.copyOf(times, n + 1);
                out[n] = errors;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : futures) {
            long[] r;
            try {
                r = f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
            errors += r[r.length - 1];
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder codes = new StringBuilder();
        new TreeMap<>(statuses).forEach((k, v) -> codes.append(codes.isEmpty() ? "" : " ").append(k == 0 ? "io-error" : k)
                .append('×').append(v.get()));
        return new Result(scenario.name(), clients, sorted.length, errors, sorted.length / seconds, at(sorted, 0.50), at(sorted, 0.99),
                codes.toString());
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
