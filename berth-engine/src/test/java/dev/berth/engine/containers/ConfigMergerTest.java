package dev.berth.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.types.container.ContainerConfig;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMergerTest {

    private static ContainerConfig config(List<String> entrypoint, List<String> cmd, List<String> env,
            String workdir, String user) {
        return new ContainerConfig(null, null, user, null, null, null, null, null, null, null, env, cmd,
                null, null, null, null, workdir, entrypoint, null, null, null, null, null, null);
    }

    @Test
    void merge_requestCmdReplacesImageCmd() {
        var merged = ConfigMerger.merge(config(null, List.of("sh"), null, null, null),
                config(null, List.of("echo", "hi"), null, null, null));
        assertThat(ConfigMerger.commandLine(merged)).containsExactly("echo", "hi");
    }

    @Test
    void merge_imageCmdIsKeptWhenRequestHasNone() {
        var merged = ConfigMerger.merge(config(List.of("/entry"), List.of("--flag"), null, null, null),
                config(null, null, null, null, null));
        assertThat(ConfigMerger.commandLine(merged)).containsExactly("/entry", "--flag");
    }

    @Test
    void merge_requestEntrypointDropsImageCmd() {
        var merged = ConfigMerger.merge(config(null, List.of("sh"), null, null, null),
                config(List.of("echo"), null, null, null, null));
        assertThat(ConfigMerger.commandLine(merged)).containsExactly("echo");
    }

    @Test
    void merge_envIsMergedByNameWithRequestWinning() {
        var merged = ConfigMerger.merge(config(null, List.of("sh"), List.of("PATH=/bin", "A=1"), null, null),
                config(null, null, List.of("A=2", "B=3"), null, null));
        assertThat(merged.env()).containsExactly("PATH=/bin", "A=2", "B=3");
    }

    @Test
    void merge_workdirAndUserFallBackToImage() {
        var merged = ConfigMerger.merge(config(null, List.of("sh"), null, "/srv", "daemon"),
                config(null, null, null, "", null));
        assertThat(merged.workingDir()).isEqualTo("/srv");
        assertThat(merged.user()).isEqualTo("daemon");
        var overridden = ConfigMerger.merge(config(null, List.of("sh"), null, "/srv", "daemon"),
                config(null, null, null, "/tmp", "1000:1000"));
        assertThat(overridden.workingDir()).isEqualTo("/tmp");
        assertThat(overridden.user()).isEqualTo("1000:1000");
    }

    @Test
    void merge_labelsAreAUnion() {
        var image = new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null,
                List.of("sh"), null, null, null, null, null, null, null, null, Map.of("a", "1", "b", "1"),
                null, null, null);
        var request = new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, Map.of("b", "2"), null, null, null);
        assertThat(ConfigMerger.merge(image, request).labels()).containsEntry("a", "1").containsEntry("b", "2");
    }

    @Test
    void commandLine_refusesNothingToRun() {
        assertThatThrownBy(() -> ConfigMerger.commandLine(config(null, null, null, null, null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("no command specified");
    }
}
