package org.chainline.workspace;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's Chromium, driven by Playwright: nothing is downloaded, every request that would leave the application is
 * stopped and recorded (the tests fail on any), every screen can be checked with axe-core and photographed under
 * {@code target/screenshots}. Where Chromium is not installed the browser tests are skipped, saying so.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path TEMP = Path.of("target", "playwright-tmp").toAbsolutePath();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;
    final List<String> offsite = new CopyOnWriteArrayList<>();
    final List<String> axeReport = new CopyOnWriteArrayList<>();

    private Browser(String base) {
        this.base = base;
        try {
            Files.createDirectories(TEMP);
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the driver unpacks itself and Chromium keeps its profile under target/, not in the temporary folder
        System.setProperty("playwright.driver.tmpdir", TEMP.toString());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "TMPDIR", TEMP.toString())));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** The browser, or the test is skipped with the reason. */
    static Browser start(String base) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)),
                "the workspace's browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium, or set CHROMIUM)");
        return new Browser(base);
    }

    /** A fresh context (no cookies) whose every request must stay on the application. */
    Page page() {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1280, 900).setBaseURL(base));
        context.route("**/*", route -> {
            String url = route.request().url();
            if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) {
                route.resume();
            } else {
                offsite.add(url);
                route.abort();
            }
        });
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    /** An account of this role, its one-time password already changed to {@link org.chainline.TestLogins#PASSWORD}. */
    static String account(Accounts accounts, String role) {
        String name = role + "-" + System.nanoTime() % 100000;
        IssuedPassword issued = accounts.create("tester", name, Set.of(role));
        org.chainline.TestCases.of(accounts).join(name, Set.of(role));
        accounts.changePassword(name, issued.oneTimePassword(), org.chainline.TestLogins.PASSWORD);
        return name;
    }

    /** A fresh page signed in as {@code username} through the sign-in form, on the home page. */
    Page signedIn(String username) {
        Page page = page();
        page.navigate("/");
        assertTrue(page.url().contains("/sign-in"), page.url());
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(org.chainline.TestLogins.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/");
        return page;
    }

    /** axe-core finds no serious or critical violation on the page as it is now; the counts go to the report. */
    void accessible(Page page, String screen) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> bad = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                bad.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        axeReport.add(screen + ": " + results.getViolations().size() + " violations, " + bad.size() + " serious or critical, "
                + results.getPasses().size() + " rules passed");
        assertTrue(bad.isEmpty(), screen + ": " + String.join("; ", bad));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    void nothingLeftTheApplication() {
        assertEquals(List.of(), offsite, "requests that would have left the application");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /**
     * Playwright unpacks its driver once per JVM and every later test class's browser runs that copy, so what it
     * unpacked is removed when the JVM ends, not when one class closes its browser.
     */
    private static final Thread CLEAN_UP = new Thread(() -> {
        try (Stream<Path> files = Files.exists(TEMP) ? Files.walk(TEMP) : Stream.empty()) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    static {
        Runtime.getRuntime().addShutdownHook(CLEAN_UP);
    }
}
