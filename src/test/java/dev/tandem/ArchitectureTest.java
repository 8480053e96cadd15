package dev.tandem;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The feature packages and the one direction they may use each other in, lowest first (the
 * README's project layout says why). A feature uses those below it, never one above it nor a
 * sibling on its own level; so no two features depend on each other, however indirectly.
 */
class ArchitectureTest {

    /** Lowest first; the packages of one level are siblings that do not know each other. */
    static final List<List<String>> LEVELS = List.of(
            List.of("money"),
            List.of("common"),
            List.of("catalog"),
            List.of("outbox"),
            List.of("sales"),
            List.of("inventory"),
            List.of("timesheets"),
            List.of("helpdesk", "fieldservice"),
            List.of("invoicing"),
            List.of("audit"),
            List.of("security"),
            List.of("web", "demo"));

    private static final JavaClasses TANDEM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem");

    @Test
    void featuresUseOnlyTheFeaturesBelowThem() {
        LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> level : LEVELS) {
            for (String feature : level) {
                layers = layers.layer(feature).definedBy("dev.tandem." + feature + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String feature : level) {
                List<String> allowed = new ArrayList<>(below);
                allowed.add(feature);
                layers = layers.whereLayer(feature).mayOnlyAccessLayers(allowed.toArray(String[]::new));
            }
            below.addAll(level);
        }
        layers.check(TANDEM);
    }

    @Test
    void noTwoFeaturesDependOnEachOther() {
        slices().matching("dev.tandem.(*)..").should().beFreeOfCycles().check(TANDEM);
    }

    @Test
    void everyFeaturePackageHasItsLevel() {
        List<String> placed = LEVELS.stream().flatMap(List::stream).toList();
        List<String> unplaced = TANDEM.stream()
                .map(javaClass -> javaClass.getPackageName())
                .filter(name -> name.startsWith("dev.tandem."))
                .map(name -> name.substring("dev.tandem.".length()).split("\\.")[0])
                .distinct()
                .filter(feature -> !placed.contains(feature))
                .toList();
        org.assertj.core.api.Assertions.assertThat(unplaced).as("feature packages without a level").isEmpty();
    }
}
