package dev.berth.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {

    /** Patterns are separated by {@code ;} in the table. */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "*.log|a.log|true",
        "*.log|dir/a.log|false",
        "**/*.log|dir/sub/a.log|true",
        "**/*.log|a.log|true",
        "dir|dir/sub/file|true",
        "dir/|dir/file|true",
        "/dir|dir/file|true",
        "./dir//x|dir/x|true",
        "dir/*|dir|false",
        "dir/*|dir/a|true",
        "dir/*/c|dir/b/c|true",
        "dir/*/c|dir/b/x/c|false",
        "dir/**/c|dir/b/x/c|true",
        "a?c|abc|true",
        "a?c|a/c|false",
        "[a-c]x|bx|true",
        "[!a-c]x|bx|false",
        "[^a-c]x|dx|true",
        "*|anything/at/all|true",
        "*.md;!README.md|README.md|false",
        "*.md;!README.md|NOTES.md|true",
        "!README.md;*.md|README.md|true",
        "docs;!docs/keep.txt|docs/keep.txt|false",
        "docs;!docs/keep.txt|docs/other.txt|true",
        "# comment;x|# comment|false",
        "  spaced.txt  |spaced.txt|true",
        "a\\*b|a*b|true",
        "a\\*b|axb|false",
        "node_modules|src/node_modules|false",
        "**/node_modules|src/node_modules/x|true",
        "x.txt|x.txtz|false",
    })
    void excludes(String patterns, String path, boolean excluded) {
        DockerIgnore ignore = DockerIgnore.parse(patterns.replace(';', '\n'));
        assertThat(ignore.excludes(path)).isEqualTo(excluded);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a//b/|a/b",
        "./a/./b|a/b",
        "a/../b|b",
        "../a|../a",
        "/a/../../b|/b",
        ".|.",
    })
    void clean(String in, String out) {
        assertThat(DockerIgnore.clean(in)).isEqualTo(out);
    }
}
