package com.capidemo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The module boundaries as ArchUnit rules. Every rule takes the base package its module roots hang from
 * ({@code com.capidemo} for the real modules), so that the same rule is also evaluated against the deliberately
 * violating classes under {@code com.capidemo.architecture.fixture}, proving it can fail.
 */
final class ArchitectureRules {

    /** The services' roots (relative to the base): they talk to ports, never to an adapter. */
    static final List<String> SERVICES = List.of("api", "quick", "custom", "lifecycle");

    /** The adapter modules' roots (relative to the base). */
    static final List<String> ADAPTERS = List.of("local", "duckdb", "gcp", "gemini");

    /** Libraries only adapters may use: the embedded engines and every Google client (and its gRPC transport). */
    static final List<String> ADAPTER_LIBRARIES = List.of("org.sqlite..", "org.duckdb..", "com.google..", "io.grpc..");

    private ArchitectureRules() {}

    private static String[] under(String base, List<String> roots) {
        return roots.stream().map(r -> base + "." + r + "..").toArray(String[]::new);
    }

    /** No class of a service depends on (imports, calls, extends, annotates with) a class of an adapter module. */
    static ArchRule servicesNeverUseAdapters(String base) {
        return noClasses()
                .that()
                .resideInAnyPackage(under(base, SERVICES))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(under(base, ADAPTERS))
                .because("services reach adapters only through the ports of platform-core, chosen by configuration");
    }

    /** platform-core depends on no adapter module and on no SQLite, DuckDB, Google or gRPC class. */
    static ArchRule coreUsesNoAdapterNorAdapterLibrary(String base) {
        String[] forbidden = Stream.concat(Arrays.stream(under(base, ADAPTERS)), ADAPTER_LIBRARIES.stream())
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(base + ".core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .because(
                        "platform-core defines the ports; only adapter modules know the engines and clouds behind them");
    }

    /** The packages of one module's classes form no cycle (evaluate on one module's classes at a time). */
    static ArchRule noPackageCycles() {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        return SliceIdentifier.of(javaClass.getPackageName());
                    }

                    @Override
                    public String getDescription() {
                        return "packages";
                    }
                })
                .should()
                .beFreeOfCycles();
    }

    /** Every class of a module lives under the module's root package. */
    static ArchRule classesUnderRoot(String module, String root) {
        return classes()
                .should()
                .resideInAPackage(root + "..")
                .as("classes of " + module + " should reside under its root package " + root);
    }

    /**
     * No class of a module is in a package that another module also has ({@code packagesOfOtherModules}: package name
     * to the modules holding it), so a fully qualified name tells which jar holds the class.
     */
    static ArchRule noPackageSharedWithAnotherModule(String module, Map<String, Set<String>> packagesOfOtherModules) {
        return classes()
                .should(new ArchCondition<JavaClass>("be in a package no other module has") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Set<String> others = packagesOfOtherModules.getOrDefault(item.getPackageName(), Set.of());
                        String message = item.getName() + " of " + module + " is in package " + item.getPackageName()
                                + (others.isEmpty()
                                        ? ", which no other module has"
                                        : ", which " + others + " also have");
                        events.add(new SimpleConditionEvent(item, others.isEmpty(), message));
                    }
                })
                .as("classes of " + module + " should be in packages no other module has");
    }

    /** The system-clock reads that bypass the injected {@code java.time.Clock}: owner class and method name. */
    private static final Set<String> SYSTEM_TIME_READS = Set.of(
            "java.time.Instant.now",
            "java.time.LocalDate.now",
            "java.time.LocalDateTime.now",
            "java.time.LocalTime.now",
            "java.time.OffsetDateTime.now",
            "java.time.ZonedDateTime.now",
            "java.time.YearMonth.now",
            "java.time.Year.now",
            "java.lang.System.currentTimeMillis",
            "java.time.Clock.systemUTC",
            "java.time.Clock.system",
            "java.time.Clock.systemDefaultZone");

    /**
     * Time comes from the injected {@code java.time.Clock}: no class reads the system clock ({@code Instant.now()},
     * {@code LocalDate.now()}, {@code System.currentTimeMillis()}, {@code Clock.systemUTC()}, ...), except a CDI
     * producer method ({@code @Produces}, which is what supplies the Clock) and a program's {@code main}.
     * {@code now(clock)} with the Clock as its only argument is the way to read the time and is allowed.
     */
    static ArchRule timeComesFromTheInjectedClock() {
        return classes()
                .should(new ArchCondition<JavaClass>("read the time only from an injected Clock") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                            String target = call.getTargetOwner().getName() + "." + call.getName();
                            List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                            boolean withoutClock = parameters.size() != 1
                                    || !parameters.get(0).getName().equals("java.time.Clock");
                            if (!SYSTEM_TIME_READS.contains(target) || !withoutClock) {
                                continue;
                            }
                            boolean allowed = call.getOrigin().isAnnotatedWith("jakarta.enterprise.inject.Produces")
                                    || call.getOrigin().getName().equals("main");
                            events.add(new SimpleConditionEvent(
                                    item,
                                    allowed,
                                    call.getDescription() + " reads the system clock instead of the injected Clock"));
                        }
                    }
                })
                .as("time should come from the injected java.time.Clock");
    }
}
