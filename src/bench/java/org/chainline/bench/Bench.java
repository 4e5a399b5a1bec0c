package org.chainline.bench;

import io.micronaut.context.ApplicationContext;
import org.chainline.cases.Cases;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;

import java.util.Map;

/** What the benchmarks read and write as: the operator, into one case. */
public final class Bench {

    /** The case the benchmarks' records go into. */
    public static final String CASE = "case-bench";
    /** Every case, as the operator at the command line. */
    public static final Scope OPERATOR = Scope.operator("bench");
    public static final Filing FILING = new Filing(OPERATOR, CASE);

    /** The benchmarks' case, opened in these stores (once), to write into. */
    public static Filing filing(ApplicationContext context) {
        context.getBean(Cases.class).openForOperator("bench", CASE, "Benchmark case", null, Map.of(), "benchmarks");
        return FILING;
    }

    private Bench() {
    }
}
