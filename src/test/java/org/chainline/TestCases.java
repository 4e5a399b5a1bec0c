package org.chainline;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.chainline.access.Roles;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The case a test works in, so that tests written before cases keep working as one team would: the test case
 * ({@link #CASE}) until the demo is loaded, then the demo's. Every account {@link TestLogins} makes joins it with the
 * role its own roles give (counsel as an owner). Tests of the boundary itself open their own cases beside it.
 */
@Context
@Singleton
public final class TestCases {

    /** The case of tests that load no demo. */
    public static final String CASE = "case-test";
    /** The operator's scope: every case, for tests that call the services directly. */
    public static final Scope OPERATOR = Scope.operator("tester");
    /** Writes of tests that call the services directly: into the test case, as the operator. */
    public static final Filing FILING = new Filing(OPERATOR, CASE);
    /** Writes of tests that call the services directly once the demo is loaded: into its case, as the operator. */
    public static final Filing DEMO = new Filing(OPERATOR, DemoCase.CASE);

    private static final Map<Accounts, TestCases> BY_ACCOUNTS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<DemoCase, TestCases> BY_DEMO = Collections.synchronizedMap(new WeakHashMap<>());

    private final Cases cases;
    private final Accounts accounts;
    private final List<String[]> joined = Collections.synchronizedList(new ArrayList<>());
    private volatile String current = CASE;

    private final DemoCase demo;

    TestCases(Cases cases, Accounts accounts, DemoCase demo) {
        this.cases = cases;
        this.accounts = accounts;
        this.demo = demo;
    }

    @PostConstruct
    void register() {
        BY_ACCOUNTS.put(accounts, this);
        BY_DEMO.put(demo, this);
        open();
    }

    /** Loads the demo as {@code actor} and moves the tests' accounts into its case. */
    public static DemoCase.Loaded load(DemoCase demo, String actor) {
        DemoCase.Loaded loaded = demo.load(actor, RecordImport.Progress.NONE);
        TestCases found = BY_DEMO.get(demo);
        if (found != null) {
            found.demoLoaded();
        }
        return loaded;
    }

    /** The test cases of the application these accounts belong to. */
    public static TestCases of(Accounts accounts) {
        TestCases found = BY_ACCOUNTS.get(accounts);
        if (found == null) {
            throw new IllegalStateException("no TestCases bean in this application context");
        }
        return found;
    }

    /** A filing into the test's current case, as the operator. */
    public Filing filing() {
        open();
        return new Filing(OPERATOR, current);
    }

    /** The case tests work in now. */
    public String current() {
        open();
        return current;
    }

    private void open() {
        if (current.equals(CASE)) {
            cases.openForOperator("tester", CASE, "Test case", null, Map.of(), "the tests' case");
        }
    }

    /** The account joins the current case with the role its own roles give. */
    public void join(String username, Collection<String> roles) {
        CaseRole role = roles.contains(Roles.COUNSEL) ? CaseRole.OWNER : roles.contains(Roles.ANALYST) ? CaseRole.ANALYST
                : roles.contains(Roles.VIEWER) ? CaseRole.VIEWER : null;
        if (role == null) {
            return;
        }
        open();
        cases.joinByOperator("tester", current, username, role, "a test's account");
        joined.add(new String[]{username, role.id()});
    }

    /** The demo is loaded: the tests' accounts move into its case, and tests work there from now on. */
    public void demoLoaded() {
        if (current.equals(DemoCase.CASE)) {
            return;
        }
        current = DemoCase.CASE;
        synchronized (joined) {
            for (String[] j : joined) {
                cases.leaveByOperator("tester", CASE, j[0], "the tests moved to the demo's case");
                cases.joinByOperator("tester", DemoCase.CASE, j[0], CaseRole.of(j[1]).orElseThrow(), "a test's account");
            }
        }
    }
}
