package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.images.ImageConfig;
import dev.berth.engine.images.ImageConfig.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSourcesTest {

    private static final String L1 = "sha256:" + "1".repeat(64);
    private static final String L2 = "sha256:" + "2".repeat(64);

    private static ImageConfig.History step(String createdBy, boolean empty) {
        return new ImageConfig.History("2026-01-01T00:00:00Z", createdBy, null, null, empty ? Boolean.TRUE : null);
    }

    private static ImageConfig image(List<String> diffIds, ImageConfig.History... history) {
        return new ImageConfig("amd64", "linux", null, null, null, RunConfig.empty(),
                new ImageConfig.RootFs("layers", diffIds), List.of(history), null);
    }

    @Test
    void aSourceContinuesAnImageWhoseHistoryAndLayersItBeginsWith() {
        ImageConfig base = image(List.of(L1), step("base", false));
        ImageConfig source = image(List.of(L1, L2), step("base", false), step("COPY a", false), step("ENV x", true));
        assertThat(CacheSources.continues(source, base)).isTrue();
        assertThat(CacheSources.continues(base, base)).as("no step beyond").isFalse();
        assertThat(CacheSources.continues(source, image(List.of(L2), step("base", false)))).as("other layers")
                .isFalse();
        assertThat(CacheSources.continues(source, image(List.of(L1), step("other base", false))))
                .as("other history").isFalse();
    }
}
