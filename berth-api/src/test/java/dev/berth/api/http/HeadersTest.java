package dev.berth.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void lookupIsCaseInsensitiveAndOrderPreserving() {
        Headers h = new Headers().add("Content-Type", "a").add("X-One", "1").add("x-one", "2").add("Server", "s");
        assertThat(h.first("content-type")).isEqualTo("a");
        assertThat(h.all("X-ONE")).containsExactly("1", "2");
        assertThat(h.names()).containsExactly("Content-Type", "X-One", "Server");
        assertThat(h.first("missing")).isNull();
    }

    @Test
    void set_replacesAllValuesAtFirstPosition() {
        Headers h = new Headers().add("A", "1").add("B", "2").add("a", "3");
        h.set("A", "9");
        assertThat(h.all("a")).containsExactly("9");
        assertThat(h.names()).containsExactly("A", "B");
    }

    @Test
    void hasToken_readsCommaLists() {
        Headers h = new Headers().add("Connection", "keep-alive, Upgrade");
        assertThat(h.hasToken("connection", "upgrade")).isTrue();
        assertThat(h.hasToken("connection", "close")).isFalse();
    }
}
