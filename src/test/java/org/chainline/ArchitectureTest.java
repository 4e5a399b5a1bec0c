package org.chainline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.security.annotation.Secured;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Assertions;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of architecture.md, checked on every build, over the product's classes and the benchmarks' (which
 * the build compiles with the tests, from {@code src/bench/java}).
 */
@AnalyzeClasses(packages = "org.chainline", importOptions = ArchitectureTest.ProductAndBenchmarks.class)
class ArchitectureTest {

    /** The product's classes, and of the test classes only the benchmarks. */
    static final class ProductAndBenchmarks implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") || location.contains("/test-classes/org/chainline/bench/");
        }
    }

    @ArchTest
    static final ArchRule theNeo4jDriverStaysInGraphFacingPackages = noClasses()
            .that().resideInAnyPackage("org.chainline.web..", "org.chainline.cli..", "org.chainline.security..",
                    "org.chainline.storage..", "org.chainline.dossier..")
            .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..");

    @ArchTest
    static final ArchRule embeddedNeo4jStaysInGraph = noClasses()
            .that().resideOutsideOfPackage("org.chainline.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.graphdb..",
                    "org.neo4j.configuration..", "org.neo4j.kernel..");

    @ArchTest
    static final ArchRule pdfboxStaysInDossier = noClasses()
            .that().resideOutsideOfPackages("org.chainline.dossier..", "org.chainline.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
            .because("the dossier is the one PDFBox user; the dossier benchmark's floor is plain PDFBox by definition");

    @ArchTest
    static final ArchRule noProductClassReachesTheBenchmarks = noClasses()
            .that().resideOutsideOfPackage("org.chainline.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.chainline.bench..")
            .because("benchmarks and synthetic data are tools beside the product, in a jar of their own: no product class calls into them");

    @ArchTest
    static final ArchRule theChartLayoutDrawsNothingAndKnowsNoFormat = classes()
            .that().resideInAPackage("org.chainline.chart..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.chainline.chart..", "java..")
            .because("the dossier draws its layout as PDF and the workspace as SVG: one layout, no drawing in it");

    @ArchTest
    static final ArchRule refusalsNameNoTransport = classes()
            .that().resideInAPackage("org.chainline.refusal..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.chainline.refusal..", "java..")
            .because("a domain service refuses; only the HTTP layer (web) turns a refusal into a status");

    @ArchTest
    static final ArchRule theBottomFloorReachesNothingAbove = classes()
            .that().resideInAnyPackage("org.chainline.input..", "org.chainline.access..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.chainline.input..", "org.chainline.access..",
                    "org.chainline.refusal..", "java..", "javax.crypto..", "com.fasterxml.jackson..", "org.apache.commons.csv..")
            .because("every feature reads its input and names its roles through these: they can lean on no feature");

    @ArchTest
    static final ArchRule everyCsvIsWrittenSafeForSpreadsheets = noClasses()
            .that().doNotHaveFullyQualifiedName("org.chainline.input.CsvTable").and().resideOutsideOfPackage("org.chainline.bench..")
            .should().callConstructorWhere(JavaCall.Predicates.target(
                    HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo(CSVPrinter.class))))
            .because("a cell beginning with = + - @ is a formula in a spreadsheet: input.CsvTable neutralises every one");

    @ArchTest
    static final ArchRule onlyTheHttpLayerKnowsTheErrorFormat = noClasses()
            .that().resideOutsideOfPackages("org.chainline.web..", "org.chainline.security..", "org.chainline.workspace..")
            .should().dependOnClassesThat().resideInAPackage("org.chainline.web..")
            .because("web sits above the features: it maps their refusals; the login refusals of security are the"
                    + " one other writer of the error format, and the workspace (the pages) its one reader");

    @ArchTest
    static final ArchRule oneConfiguredObjectMapper = noClasses()
            .that().doNotHaveFullyQualifiedName("org.chainline.input.Json")
            .should().callConstructor(ObjectMapper.class)
            .because("JSON is written and read with one configuration (input.Json), not nine that drift apart");

    @ArchTest
    static final ArchRule micronautDataStaysInJdbcFacingPackages = noClasses()
            // cases keep their memberships in PostgreSQL (case_member), so the cases package is JDBC-facing too
            .that().resideInAnyPackage("org.chainline.graph..", "org.chainline.cli..",
                    "org.chainline.dossier..", "org.chainline.liability..")
            .should().dependOnClassesThat().resideInAPackage("io.micronaut.data..");

    @ArchTest
    static final ArchRule theHttpLayerNamesTheStoresFailuresOnly = noClasses()
            .that().resideInAPackage("org.chainline.web..")
            .should().dependOnClassesThat(DescribedPredicate.describe("Micronaut Data beyond its exceptions",
                    (JavaClass c) -> c.getPackageName().startsWith("io.micronaut.data")
                            && !c.getPackageName().endsWith(".exceptions")))
            .because("the HTTP layer answers the store's failures with a status; it reads and writes nothing through it");

    @ArchTest
    static final ArchRule aFeaturesRepositoryIsItsOwn = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should().notBePublic()
            .because("a feature reaches another through that feature's small public API, never its repository");

    @ArchTest
    static final ArchRule everyEndpointDeclaresWhoMayCallIt = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
            .and().areMetaAnnotatedWith(HttpMethodMapping.class)
            .should(beSecured())
            .because("unknown routes fall through to 404, so a route without @Secured would be open");

    @ArchTest
    static final ArchRule everyJsonBodyIsReadOneWay = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
            .should(takeTheirBodyAsTextOrBytes())
            .because("a JSON body is read by input.JsonBody, whose refusals have one wording; a file is streamed");

    private static ArchCondition<JavaMethod> takeTheirBodyAsTextOrBytes() {
        return new ArchCondition<>("take a @Body as String, InputStream or byte[]") {
            @Override
            public void check(JavaMethod method,
                              ConditionEvents events) {
                for (var parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(Body.class)
                            && !List.of(String.class.getName(), InputStream.class.getName(), byte[].class.getName())
                            .contains(parameter.getRawType().getName())) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " binds its body as " + parameter.getRawType().getName()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> beSecured() {
        return new ArchCondition<>("be @Secured on the method or its class") {
            @Override
            public void check(JavaMethod method,
                              ConditionEvents events) {
                boolean secured = method.isAnnotatedWith(Secured.class)
                        || method.getOwner().isAnnotatedWith(Secured.class);
                if (!secured) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " has no @Secured"));
                }
            }
        };
    }

    @ArchTest
    static final ArchRule noProductMethodServesOnlyABenchmark = codeUnits()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("org.chainline.bench..")
            .should(beCalledOutsideTheBenchmarksIfAtAll())
            .because("a hook kept in a product class for a benchmark is product code nobody uses");

    private static ArchCondition<JavaCodeUnit> beCalledOutsideTheBenchmarksIfAtAll() {
        return new ArchCondition<>("be called from outside org.chainline.bench if called at all") {
            @Override
            public void check(JavaCodeUnit method,
                              ConditionEvents events) {
                var owner = method.getOwner();
                boolean accessor = owner.isRecord() && method.getRawParameterTypes().isEmpty()
                        && owner.getAllFields().stream().anyMatch(f -> f.getName().equals(method.getName()));
                var callers = method.getAccessesToSelf().stream().map(a -> a.getOriginOwner().getPackageName()).toList();
                boolean onlyBench = !callers.isEmpty() && callers.stream().allMatch(p -> p.startsWith("org.chainline.bench"));
                if (onlyBench && !accessor) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " is called only by benchmarks"));
                }
            }
        };
    }

    /** What other features may use of the registry; the rest (its store, writes, validation) is its own. */
    private static final Set<String> REGISTRY_API = Set.of(
            "org.chainline.registry.Records", "org.chainline.registry.BytesProtected",
            "org.chainline.registry.ProtectedFileNames", "org.chainline.registry.imports.RecordImport",
            // the check that free text (counsel's, a reviewer's note) names no protected identity
            "org.chainline.registry.ProtectedNames",
            // how an item's SHA-256 is shown: a protected item's only to holders of the grant, a keyed digest otherwise
            "org.chainline.registry.EvidenceHashes",
            // what the store knows of evidence items and the bytes they name, for the locker and its imports
            "org.chainline.registry.EvidenceRecords",
            "org.chainline.registry.imports.ImportReport", "org.chainline.registry.model.", "org.chainline.registry.names.",
            // what Records.citedBy answers: the claims citing an item
            "org.chainline.registry.RecordGraph$Citing",
            // the upgrade that puts the records written before cases into one case, which others' upgrades come after
            "org.chainline.registry.RecordsAdoption");

    @ArchTest
    static final ArchRule theRegistrysInsidesAreItsOwn = noClasses()
            .that().resideOutsideOfPackage("org.chainline.registry..")
            .should().dependOnClassesThat(new DescribedPredicate<>("are inside the registry") {
                @Override
                public boolean test(JavaClass c) {
                    String name = c.getName();
                    return name.startsWith("org.chainline.registry.")
                            && REGISTRY_API.stream().noneMatch(api -> name.equals(api) || name.startsWith(api.endsWith(".") ? api : api + "$"));
                }
            })
            .because("the registry's parts are public to each other across its sub-packages, not to other features");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.chainline.(*)..")
            .should().beFreeOfCycles();

    /**
     * The workspace is a wing of rooms, one per screen ({@code workspace.home}, {@code workspace.records}...), over what
     * every page shares ({@code workspace.shell}) and the SVG charts ({@code workspace.drawing}): a screen reaches no
     * other screen, and the shared floors reach no screen.
     */
    @ArchTest
    static final ArchRule screensStandBesideEachOther = slices().matching("org.chainline.workspace.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAnyPackage(
                            "org.chainline.workspace.shell..", "org.chainline.workspace.drawing.."))
            .because("a screen is found, read and changed in its own room; what two screens share belongs in shell");

    @ArchTest
    static final ArchRule aScreensControllerIsNamedItsPages = classes()
            .that().resideInAPackage("org.chainline.workspace..").and().areAnnotatedWith(Controller.class)
            .should().haveSimpleNameEndingWith("Pages")
            .because("a room's controller is found by one name: the records room's is RecordPages, the home's HomePages");

    /** No folder holds more than a newcomer reads at a glance (generated classes and nested ones aside). */
    @ArchTest
    static void noFolderHoldsMoreThan24Classes(JavaClasses classes) {
        // counted by source file: a class the compiler or Micronaut generates from one is not one more to read
        Map<String, Long> perPackage = classes.stream()
                .filter(c -> c.getPackageName().startsWith("org.chainline")
                        && !c.getName().substring(c.getPackageName().length() + 1).startsWith("$"))
                .map(c -> c.getPackageName() + "/" + c.getSourceCodeLocation().getSourceFileName())
                .distinct()
                .collect(Collectors.groupingBy(f -> f.substring(0, f.indexOf('/')),
                        Collectors.counting()));
        List<String> crowded = perPackage.entrySet().stream().filter(e -> e.getValue() > 24)
                .map(e -> e.getKey() + " holds " + e.getValue()).sorted().toList();
        Assertions.assertTrue(crowded.isEmpty(), "split these into rooms: " + crowded);
    }

    /**
     * The slices above leave out the root package (it matches no {@code (*)}): a root class reaching a feature would
     * close a loop they cannot see, as {@code Application → cli → Application} once did.
     */
    @ArchTest
    static final ArchRule theRootPackageReachesNoFeature = noClasses()
            .that().resideInAPackage("org.chainline")
            .should().dependOnClassesThat().resideInAPackage("org.chainline.*..")
            .because("the root holds what every feature may use (the application's name, SHA-256, clocks): it uses none of them");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.chainline.(**)")
            .should().beFreeOfCycles()
            .because("a feature's parts (registry's model, validation, imports...) stand on each other one way too");
}
