package dev.berth.compose.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.compose.model.Dependency;
import dev.berth.compose.model.Project;
import dev.berth.compose.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSelectionTest {

    private final Project project = Models.project("app",
            Models.simple("web", Map.of("api", Dependency.STARTED)),
            Models.simple("api", ordered("db", "cache")),
            Models.simple("db", Map.of()),
            Models.simple("cache", Map.of()),
            Models.simple("tool", Map.of()));

    /** Dependencies in file order, as the loader keeps them (Map.of has none). */
    private static Map<String, Dependency> ordered(String... names) {
        Map<String, Dependency> out = new java.util.LinkedHashMap<>();
        for (String n : names) {
            out.put(n, Dependency.STARTED);
        }
        return out;
    }

    private static List<String> names(List<Service> services) {
        return services.stream().map(Service::name).toList();
    }

    @Test
    void all_dependenciesFirst() {
        assertThat(names(ServiceSelection.of(project, List.of(), true))).containsExactly("db", "cache", "api", "web", "tool");
    }

    @Test
    void named_withTheirDependencies_unlessNoDeps() {
        assertThat(names(ServiceSelection.of(project, List.of("api"), true))).containsExactly("db", "cache", "api");
        assertThat(names(ServiceSelection.of(project, List.of("web"), false))).containsExactly("web");
        assertThat(names(ServiceSelection.of(project, List.of("tool", "db"), true))).containsExactly("db", "tool");
    }

    @Test
    void unknownService_isAnError() {
        assertThatThrownBy(() -> ServiceSelection.of(project, List.of("nope"), true)).hasMessage("no such service: nope");
    }
}
