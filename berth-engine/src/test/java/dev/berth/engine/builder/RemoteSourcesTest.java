package dev.berth.engine.builder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteSourcesTest {

    @ParameterizedTest
    @CsvSource({
            "https://example.com/a/b/file.tar.gz, file.tar.gz",
            "https://example.com/a/dir/, dir",
            "https://example.com/, index.html",
            "https://example.com, index.html",
            "https://example.com/x?y=1#z, x",
    })
    void fileName_isTheLastPathSegment(String url, String expected) {
        assertThat(RemoteSources.fileName(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"https://x/y, true", "git@host:repo, false", "./http://x, false", "ftp://x, true", "file.txt, false"})
    void isUrl(String source, boolean expected) {
        assertThat(RemoteSources.isUrl(source)).isEqualTo(expected);
    }
}
