package com.capidemo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries, checked on the main classes of every module. */
class ArchitectureTest {

    private static final String BASE = "com.capidemo";

    private static Map<String, ModuleClasses> modules;

    @BeforeAll
    static void importModules() {
        modules = ModuleClasses.onClasspath();
    }

    @Test
    void everyModuleIsChecked() {
        assertThat(modules.keySet()).containsExactlyInAnyOrderElementsOf(ModuleClasses.ROOTS.keySet());
        modules.values().forEach(m -> assertThat(m.classes()).as(m.name()).isNotEmpty());
    }

    @Test
    void servicesNeverUseAdapters() {
        for (String service : List.of("api-service", "quick-provisioner", "custom-provisioner", "lifecycle-service")) {
            ArchitectureRules.servicesNeverUseAdapters(BASE)
                    .check(modules.get(service).classes());
        }
    }

    @Test
    void platformCoreUsesNoAdapterNorSqliteDuckDbOrGoogle() {
        ArchitectureRules.coreUsesNoAdapterNorAdapterLibrary(BASE)
                .check(modules.get("platform-core").classes());
    }

    @Test
    void noModuleHasAPackageCycle() {
        for (ModuleClasses module : modules.values()) {
            ArchitectureRules.noPackageCycles()
                    .as("packages of " + module.name() + " should be free of cycles")
                    .check(module.classes());
        }
    }

    @Test
    void everyModuleKeepsItsClassesUnderItsOwnRoot() {
        for (ModuleClasses module : modules.values()) {
            ArchitectureRules.classesUnderRoot(module.name(), module.root()).check(module.classes());
        }
    }

    @Test
    void noPackageIsInTwoModules() {
        List<ModuleClasses> all = ModuleClasses.list(modules);
        for (ModuleClasses module : all) {
            ArchitectureRules.noPackageSharedWithAnotherModule(
                            module.name(), ModuleClasses.packagesOfOthers(module.name(), all))
                    .check(module.classes());
        }
    }

    @Test
    void timeComesFromTheInjectedClock() {
        for (ModuleClasses module : modules.values()) {
            ArchitectureRules.timeComesFromTheInjectedClock()
                    .as("classes of " + module.name() + " should read the time only from the injected Clock")
                    .check(module.classes());
        }
    }
}
