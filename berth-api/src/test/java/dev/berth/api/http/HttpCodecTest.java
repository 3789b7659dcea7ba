package dev.berth.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpCodecTest {

    private static HttpInput input(String s) {
        return new HttpInput(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static Stream<Arguments> malformedRequests() {
        String longTarget = "/" + "a".repeat(HttpCodec.MAX_START_LINE);
        String longValue = "x".repeat(HttpCodec.MAX_HEADER_LINE);
        StringBuilder manyHeaders = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i <= HttpCodec.MAX_HEADERS; i++) {
            manyHeaders.append("X-H").append(i).append(": v\r\n");
        }
        StringBuilder bigHead = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 10; i++) {
            bigHead.append("X-Big").append(i).append(": ").append("y".repeat(7000)).append("\r\n");
        }
        return Stream.of(
                Arguments.of("bare LF line end", "GET / HTTP/1.1\nHost: x\r\n\r\n", 400),
                Arguments.of("bare CR inside line", "GET /\r HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two spaces", "GET  / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("no version", "GET /\r\n\r\n", 400),
                Arguments.of("extra token", "GET / HTTP/1.1 x\r\n\r\n", 400),
                Arguments.of("method not a token", "G(T / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("empty method", " / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("absolute-form target", "GET http://x/ HTTP/1.1\r\n\r\n", 400),
                Arguments.of("non-ASCII target", "GET /\u00e9 HTTP/1.1\r\n\r\n", 400),
                Arguments.of("lowercase version", "GET / http/1.1\r\n\r\n", 400),
                Arguments.of("garbage version", "GET / HTTP/1.x\r\n\r\n", 400),
                Arguments.of("HTTP/2.0", "GET / HTTP/2.0\r\n\r\n", 505),
                Arguments.of("request line too long", "GET " + longTarget + " HTTP/1.1\r\n\r\n", 414),
                Arguments.of("header line too long", "GET / HTTP/1.1\r\nX: " + longValue + "\r\n\r\n", 431),
                Arguments.of("too many headers", manyHeaders + "\r\n", 431),
                Arguments.of("header bytes over 64 KiB", bigHead + "\r\n", 431),
                Arguments.of("obsolete line folding", "GET / HTTP/1.1\r\nX: a\r\n  b\r\n\r\n", 400),
                Arguments.of("folding with tab", "GET / HTTP/1.1\r\nX: a\r\n\tb\r\n\r\n", 400),
                Arguments.of("missing colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
                Arguments.of("empty header name", "GET / HTTP/1.1\r\n: x\r\n\r\n", 400),
                Arguments.of("space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
                Arguments.of("control char in value", "GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n", 400),
                Arguments.of("content-length not digits", "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 400),
                Arguments.of("content-length negative", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
                Arguments.of("content-length plus sign", "POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n", 400),
                Arguments.of("content-length empty", "POST / HTTP/1.1\r\nContent-Length: \r\n\r\n", 400),
                Arguments.of("content-length overflow", "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
                Arguments.of("two different lengths", "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
                Arguments.of("different lengths in a list", "POST / HTTP/1.1\r\nContent-Length: 5, 6\r\n\r\n", 400),
                Arguments.of("length and chunked", "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
                Arguments.of("gzip coding", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
                Arguments.of("gzip then chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
                Arguments.of("chunked twice", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400),
                Arguments.of("empty transfer-encoding", "POST / HTTP/1.1\r\nTransfer-Encoding: \r\n\r\n", 400),
                Arguments.of("EOF inside head", "GET / HTTP/1.1\r\nHost: x\r\n", 400),
                Arguments.of("EOF inside request line", "GET / HTT", 400),
                Arguments.of("only empty lines", "\r\n\r\n\r\n\r\n\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedRequests")
    void readRequestHead_rejectsMalformedInputWithStatus(String name, String wire, int status) {
        assertThatThrownBy(() -> HttpCodec.readRequestHead(input(wire)))
                .isInstanceOf(HttpProtocolException.class)
                .extracting(e -> ((HttpProtocolException) e).status())
                .isEqualTo(status);
    }

    @Test
    void readRequestHead_parsesLineHeadersAndLeavesBodyUnread() throws IOException {
        HttpInput in = input("\r\nPOST /v1.50/build?t=a%20b HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                + "content-length: 3, 3\r\nX-Multi: 1\r\nX-Multi:2\r\nX-Pad:  \t v \t\r\n\r\nabcNEXT");
        RequestHead head = HttpCodec.readRequestHead(in);

        assertThat(head.method()).isEqualTo("POST");
        assertThat(head.rawPath()).isEqualTo("/v1.50/build");
        assertThat(head.rawQuery()).isEqualTo("t=a%20b");
        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.headers().first("CONTENT-LENGTH")).isEqualTo("3, 3");
        assertThat(head.headers().all("x-multi")).containsExactly("1", "2");
        assertThat(head.headers().first("X-Pad")).isEqualTo("v");
        assertThat(HttpCodec.requestFraming(head.headers())).isEqualTo(new BodyFraming.Fixed(3));
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcNEXT");
    }

    @Test
    void readRequestHead_returnsNullOnCleanEof() throws IOException {
        assertThat(HttpCodec.readRequestHead(input(""))).isNull();
    }

    @Test
    void requestFraming_chunkedIsCaseInsensitive() throws IOException {
        Headers h = new Headers().add("Transfer-Encoding", "Chunked");
        assertThat(HttpCodec.requestFraming(h)).isEqualTo(new BodyFraming.Chunked());
        assertThat(HttpCodec.requestFraming(new Headers())).isEqualTo(new BodyFraming.None());
    }

    @Test
    void keepAlive_followsVersionAndConnectionHeader() {
        assertThat(new RequestHead("GET", "/", "HTTP/1.1", new Headers()).keepAlive()).isTrue();
        assertThat(new RequestHead("GET", "/", "HTTP/1.1", new Headers().add("Connection", "Close")).keepAlive()).isFalse();
        assertThat(new RequestHead("GET", "/", "HTTP/1.0", new Headers()).keepAlive()).isFalse();
        assertThat(new RequestHead("GET", "/", "HTTP/1.0", new Headers().add("Connection", "keep-alive")).keepAlive()).isTrue();
    }

    static Stream<Arguments> responseFramings() {
        return Stream.of(
                Arguments.of("GET", 200, new Headers().add("Content-Length", "5"), new BodyFraming.Fixed(5)),
                Arguments.of("GET", 200, new Headers().add("Transfer-Encoding", "chunked"), new BodyFraming.Chunked()),
                Arguments.of("GET", 200, new Headers(), new BodyFraming.UntilClose()),
                Arguments.of("HEAD", 200, new Headers().add("Content-Length", "5"), new BodyFraming.None()),
                Arguments.of("GET", 204, new Headers(), new BodyFraming.None()),
                Arguments.of("GET", 304, new Headers().add("Content-Length", "5"), new BodyFraming.None()),
                Arguments.of("GET", 101, new Headers(), new BodyFraming.None()));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("responseFramings")
    void responseFraming_followsMethodStatusAndHeaders(String method, int status, Headers h, BodyFraming expected)
            throws IOException {
        assertThat(HttpCodec.responseFraming(method, status, h)).isEqualTo(expected);
    }

    static Stream<Arguments> statusLines() {
        return Stream.of(
                Arguments.of("HTTP/1.1 200 OK", 200, "OK"),
                Arguments.of("HTTP/1.1 101 UPGRADED", 101, "UPGRADED"),
                Arguments.of("HTTP/1.0 404 Not Found", 404, "Not Found"),
                Arguments.of("HTTP/1.1 204", 204, ""),
                Arguments.of("HTTP/1.1 500 ", 500, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusLines")
    void readResponseHead_parsesStatusLine(String line, int status, String reason) throws IOException {
        ResponseHead head = HttpCodec.readResponseHead(input(line + "\r\nA: b\r\n\r\n"));
        assertThat(head.status()).isEqualTo(status);
        assertThat(head.reason()).isEqualTo(reason);
        assertThat(head.headers().first("a")).isEqualTo("b");
    }

    @ParameterizedTest(name = "[{0}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "HTTP/1.1 20 OK", "HTTP/1.1 2x0 OK", "HTTP/1.1200 OK", "HTTP/3.0 200 OK", "ICY 200 OK", "HTTP/1.1 099 X", ""})
    void readResponseHead_rejectsMalformedStatusLine(String line) {
        assertThatThrownBy(() -> HttpCodec.readResponseHead(input(line + "\r\n\r\n")))
                .isInstanceOf(HttpProtocolException.class);
    }

    @Test
    void writeThenRead_roundTripsHeads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpCodec.writeRequestHead(out, "GET", "/images/json?all=1",
                new Headers().add("Host", "x").add("X-A", "1").add("X-A", "2"));
        RequestHead head = HttpCodec.readRequestHead(new HttpInput(new ByteArrayInputStream(out.toByteArray())));
        assertThat(head.target()).isEqualTo("/images/json?all=1");
        assertThat(head.headers().all("x-a")).containsExactly("1", "2");
    }

    @Test
    void writeRequestHead_refusesInjection() {
        assertThatThrownBy(() -> HttpCodec.writeRequestHead(new ByteArrayOutputStream(), "GET", "/a b", new Headers()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Headers().add("X", "a\r\nEvil: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Headers().add("X Y", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
