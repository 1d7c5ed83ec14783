package com.capidemo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.architecture.fixture.api.ServiceUsingAdapter;
import com.capidemo.architecture.fixture.core.CoreUsingEngines;
import com.capidemo.architecture.fixture.core.ReadsTheSystemClock;
import com.capidemo.architecture.fixture.cycle.a.First;
import com.capidemo.architecture.fixture.cycle.b.Second;
import com.capidemo.architecture.fixture.shared.InFirstModule;
import com.capidemo.architecture.fixture.shared.InSecondModule;
import com.capidemo.architecture.fixture.stray.StrayClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each architecture rule reports the violation of a class that breaks it on purpose (package fixture). */
class ArchitectureRulesFailTest {

    private static final String FIXTURE_BASE = "com.capidemo.architecture.fixture";

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static String failureOf(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation())
                .as("%s reports a violation", rule.getDescription())
                .isTrue();
        String report = result.getFailureReport().toString();
        System.out.println(report);
        return report;
    }

    @Test
    void aServiceUsingAnAdapterFailsTheServiceRule() {
        String report =
                failureOf(ArchitectureRules.servicesNeverUseAdapters(FIXTURE_BASE), classes(ServiceUsingAdapter.class));
        assertThat(report).contains("ServiceUsingAdapter").contains("FixtureWarehouse");
    }

    @Test
    void aCoreClassUsingAnAdapterSqliteDuckDbOrGoogleFailsTheCoreRule() {
        String report = failureOf(
                ArchitectureRules.coreUsesNoAdapterNorAdapterLibrary(FIXTURE_BASE), classes(CoreUsingEngines.class));
        assertThat(report)
                .contains(
                        "FixtureWarehouse",
                        "org.sqlite.SQLiteConnection",
                        "org.duckdb.DuckDBConnection",
                        "com.google.cloud.firestore.Firestore",
                        "com.google.crypto.tink.Aead");
    }

    @Test
    void twoPackagesUsingEachOtherFailTheCycleRule() {
        String report = failureOf(ArchitectureRules.noPackageCycles(), classes(First.class, Second.class));
        assertThat(report)
                .contains("Cycle detected")
                .contains("fixture.cycle.a")
                .contains("fixture.cycle.b");
    }

    @Test
    void aClassOutsideItsModulesRootFailsTheRootRule() {
        String report = failureOf(
                ArchitectureRules.classesUnderRoot("fixture-core", FIXTURE_BASE + ".core"),
                classes(CoreUsingEngines.class, StrayClass.class));
        assertThat(report).contains("StrayClass").doesNotContain("CoreUsingEngines");
    }

    @Test
    void aPackageInTwoModulesFailsTheOnePackageOneModuleRule() {
        ModuleClasses first = new ModuleClasses("fixture-one", FIXTURE_BASE, classes(InFirstModule.class));
        ModuleClasses second = new ModuleClasses("fixture-two", FIXTURE_BASE, classes(InSecondModule.class));
        String report = failureOf(
                ArchitectureRules.noPackageSharedWithAnotherModule(
                        "fixture-one", ModuleClasses.packagesOfOthers("fixture-one", List.of(first, second))),
                first.classes());
        assertThat(report)
                .contains("InFirstModule of fixture-one is in package " + FIXTURE_BASE + ".shared")
                .contains("[fixture-two] also have");
    }

    @Test
    void aClassReadingTheSystemClockFailsTheClockRule() {
        String report =
                failureOf(ArchitectureRules.timeComesFromTheInjectedClock(), classes(ReadsTheSystemClock.class));
        assertThat(report)
                .contains("Instant.now()", "LocalDate.now()", "System.currentTimeMillis()", "Clock.systemUTC()")
                .doesNotContain("producedClock")
                .doesNotContain("withTheInjectedClock");
    }
}
