package org.chainline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
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
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(org.apache.commons.csv.CSVPrinter.class))))
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
            .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
            .because("JSON is written and read with one configuration (input.Json), not nine that drift apart");

    @ArchTest
    static final ArchRule micronautDataStaysInJdbcFacingPackages = noClasses()
            .that().resideInAnyPackage("org.chainline.graph..", "org.chainline.cli..",
                    "org.chainline.cases..", "org.chainline.dossier..", "org.chainline.liability..")
            .should().dependOnClassesThat().resideInAPackage("io.micronaut.data..");

    @ArchTest
    static final ArchRule theHttpLayerNamesTheStoresFailuresOnly = noClasses()
            .that().resideInAPackage("org.chainline.web..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("Micronaut Data beyond its exceptions",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("io.micronaut.data")
                            && !c.getPackageName().endsWith(".exceptions")))
            .because("the HTTP layer answers the store's failures with a status; it reads and writes nothing through it");

    @ArchTest
    static final ArchRule aFeaturesRepositoryIsItsOwn = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should().notBePublic()
            .because("a feature reaches another through that feature's small public API, never its repository");

    @ArchTest
    static final ArchRule everyEndpointDeclaresWhoMayCallIt = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .and().areMetaAnnotatedWith(io.micronaut.http.annotation.HttpMethodMapping.class)
            .should(beSecured())
            .because("unknown routes fall through to 404, so a route without @Secured would be open");

    @ArchTest
    static final ArchRule everyJsonBodyIsReadOneWay = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .should(takeTheirBodyAsTextOrBytes())
            .because("a JSON body is read by input.JsonBody, whose refusals have one wording; a file is streamed");

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod> takeTheirBodyAsTextOrBytes() {
        return new com.tngtech.archunit.lang.ArchCondition<>("take a @Body as String, InputStream or byte[]") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                              com.tngtech.archunit.lang.ConditionEvents events) {
                for (var parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(io.micronaut.http.annotation.Body.class)
                            && !java.util.List.of(String.class.getName(), java.io.InputStream.class.getName(), byte[].class.getName())
                            .contains(parameter.getRawType().getName())) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method, method.getFullName()
                                + " binds its body as " + parameter.getRawType().getName()));
                    }
                }
            }
        };
    }

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod> beSecured() {
        return new com.tngtech.archunit.lang.ArchCondition<>("be @Secured on the method or its class") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                              com.tngtech.archunit.lang.ConditionEvents events) {
                boolean secured = method.isAnnotatedWith(io.micronaut.security.annotation.Secured.class)
                        || method.getOwner().isAnnotatedWith(io.micronaut.security.annotation.Secured.class);
                if (!secured) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
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

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaCodeUnit> beCalledOutsideTheBenchmarksIfAtAll() {
        return new com.tngtech.archunit.lang.ArchCondition<>("be called from outside org.chainline.bench if called at all") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaCodeUnit method,
                              com.tngtech.archunit.lang.ConditionEvents events) {
                var owner = method.getOwner();
                boolean accessor = owner.isRecord() && method.getRawParameterTypes().isEmpty()
                        && owner.getAllFields().stream().anyMatch(f -> f.getName().equals(method.getName()));
                var callers = method.getAccessesToSelf().stream().map(a -> a.getOriginOwner().getPackageName()).toList();
                boolean onlyBench = !callers.isEmpty() && callers.stream().allMatch(p -> p.startsWith("org.chainline.bench"));
                if (onlyBench && !accessor) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                            method.getFullName() + " is called only by benchmarks"));
                }
            }
        };
    }

    /** What other features may use of the registry; the rest (its store, writes, validation) is its own. */
    private static final java.util.Set<String> REGISTRY_API = java.util.Set.of(
            "org.chainline.registry.Records", "org.chainline.registry.BytesProtected",
            "org.chainline.registry.ProtectedFileNames", "org.chainline.registry.imports.RecordImport",
            // the check that free text (counsel's, a reviewer's note) names no protected identity
            "org.chainline.registry.ProtectedNames",
            // how an item's SHA-256 is shown: a protected item's only to holders of the grant, a keyed digest otherwise
            "org.chainline.registry.EvidenceHashes",
            "org.chainline.registry.imports.ImportReport", "org.chainline.registry.model.", "org.chainline.registry.names.",
            // what Records.citedBy answers: the claims citing an item
            "org.chainline.registry.RecordGraph$Citing");

    @ArchTest
    static final ArchRule theRegistrysInsidesAreItsOwn = noClasses()
            .that().resideOutsideOfPackage("org.chainline.registry..")
            .should().dependOnClassesThat(new com.tngtech.archunit.base.DescribedPredicate<>("are inside the registry") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
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
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                            "org.chainline.workspace.shell..", "org.chainline.workspace.drawing.."))
            .because("a screen is found, read and changed in its own room; what two screens share belongs in shell");

    /** No folder holds more than a newcomer reads at a glance (generated classes and nested ones aside). */
    @ArchTest
    static void noFolderHoldsMoreThan24Classes(com.tngtech.archunit.core.domain.JavaClasses classes) {
        // counted by source file: a class the compiler or Micronaut generates from one is not one more to read
        java.util.Map<String, Long> perPackage = classes.stream()
                .filter(c -> c.getPackageName().startsWith("org.chainline")
                        && !c.getName().substring(c.getPackageName().length() + 1).startsWith("$"))
                .map(c -> c.getPackageName() + "/" + c.getSourceCodeLocation().getSourceFileName())
                .distinct()
                .collect(java.util.stream.Collectors.groupingBy(f -> f.substring(0, f.indexOf('/')),
                        java.util.stream.Collectors.counting()));
        java.util.List<String> crowded = perPackage.entrySet().stream().filter(e -> e.getValue() > 24)
                .map(e -> e.getKey() + " holds " + e.getValue()).sorted().toList();
        org.junit.jupiter.api.Assertions.assertTrue(crowded.isEmpty(), "split these into rooms: " + crowded);
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
