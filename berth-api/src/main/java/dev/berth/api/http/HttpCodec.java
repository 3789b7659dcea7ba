package dev.berth.api.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes HTTP/1.1 message heads, and decides how bodies are framed.
 *
 * <p>Parsing is strict where leniency lets two parsers disagree about message boundaries
 * (request smuggling): CRLF only, no obsolete line folding, no whitespace before the colon, one
 * Content-Length value, never Content-Length together with Transfer-Encoding, and no transfer
 * coding but {@code chunked}. Sizes are bounded by the public limits below.
 */
public final class HttpCodec {
    /** Longest request line or status line, in bytes. */
    public static final int MAX_START_LINE = 8 * 1024;
    /** Longest single header line, in bytes. */
    public static final int MAX_HEADER_LINE = 8 * 1024;
    /** Most bytes of all header lines together. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Most header fields in one head. */
    public static final int MAX_HEADERS = 100;
    /** Empty lines tolerated before a request line (RFC 9112 section 2.2). */
    private static final int MAX_LEADING_EMPTY_LINES = 4;

    private HttpCodec() {}

    /**
     * Reads a request head, or returns null when the stream ends cleanly before its first byte
     * (the peer closed an idle keep-alive connection). The body framing is validated too, so
     * {@link #requestFraming} on the result does not throw.
     */
    public static RequestHead readRequestHead(HttpInput in) throws IOException {
        String line;
        int empty = 0;
        do {
            line = in.readLine(MAX_START_LINE, 414, "request line");
            if (line == null) {
                return null;
            }
        } while (line.isEmpty() && ++empty <= MAX_LEADING_EMPTY_LINES);
        if (line.isEmpty()) {
            throw HttpProtocolException.badRequest("missing request line");
        }
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 < 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw HttpProtocolException.badRequest("malformed request line");
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!Headers.isToken(method)) {
            throw HttpProtocolException.badRequest("malformed method");
        }
        checkTarget(target);
        checkVersion(version);
        Headers headers = readHeaders(in);
        RequestHead head = new RequestHead(method, target, version, headers);
        requestFraming(headers);
        return head;
    }

    /**
     * Reads a response head; the stream ending before it is complete is an error.
     */
    public static ResponseHead readResponseHead(HttpInput in) throws IOException {
        String line = in.readLine(MAX_START_LINE, 400, "status line");
        if (line == null) {
            throw HttpProtocolException.badRequest("connection closed before a response");
        }
        // status-line = HTTP-version SP 3DIGIT SP [ reason-phrase ]; some servers drop the last SP.
        if (line.length() < 12 || line.charAt(8) != ' ' || line.length() > 12 && line.charAt(12) != ' ') {
            throw HttpProtocolException.badRequest("malformed status line");
        }
        String version = line.substring(0, 8);
        checkVersion(version);
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpProtocolException.badRequest("malformed status code");
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100) {
            throw HttpProtocolException.badRequest("malformed status code");
        }
        String reason = line.length() > 13 ? line.substring(13) : "";
        return new ResponseHead(version, status, reason, readHeaders(in));
    }

    /** Reads header lines up to and including the empty line that ends the head. */
    public static Headers readHeaders(HttpInput in) throws IOException {
        Headers headers = new Headers();
        int total = 0;
        while (true) {
            String line = in.readLine(MAX_HEADER_LINE, 431, "header line");
            if (line == null) {
                throw HttpProtocolException.badRequest("connection closed inside the header");
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new HttpProtocolException(431, "header larger than " + MAX_HEADER_BYTES + " bytes");
            }
            if (headers.size() >= MAX_HEADERS) {
                throw new HttpProtocolException(431, "more than " + MAX_HEADERS + " header fields");
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                throw HttpProtocolException.badRequest("obsolete line folding in header");
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw HttpProtocolException.badRequest("header line without colon");
            }
            String name = line.substring(0, colon);
            if (!Headers.isToken(name)) {
                throw HttpProtocolException.badRequest("malformed header name");
            }
            String value = stripOws(line.substring(colon + 1));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw HttpProtocolException.badRequest("control character in header " + name);
                }
            }
            headers.add(name, value);
        }
    }

    /** The framing of a request body; throws for the ambiguous and the unsupported. */
    public static BodyFraming requestFraming(Headers headers) throws HttpProtocolException {
        List<String> te = headers.all("Transfer-Encoding");
        List<String> cl = headers.all("Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                throw HttpProtocolException.badRequest("both Content-Length and Transfer-Encoding");
            }
            return chunkedOnly(te);
        }
        if (!cl.isEmpty()) {
            return new BodyFraming.Fixed(contentLength(cl));
        }
        return new BodyFraming.None();
    }

    /**
     * The framing of a response body to a request with {@code requestMethod}: none for HEAD,
     * 1xx, 204 and 304; otherwise chunked, fixed, or until the server closes.
     */
    public static BodyFraming responseFraming(String requestMethod, int status, Headers headers)
            throws HttpProtocolException {
        if (requestMethod.equals("HEAD") || HttpStatus.forbidsBody(status)) {
            return new BodyFraming.None();
        }
        List<String> te = headers.all("Transfer-Encoding");
        List<String> cl = headers.all("Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                throw HttpProtocolException.badRequest("both Content-Length and Transfer-Encoding");
            }
            return chunkedOnly(te);
        }
        if (!cl.isEmpty()) {
            return new BodyFraming.Fixed(contentLength(cl));
        }
        return new BodyFraming.UntilClose();
    }

    /** Writes a request line and headers and the empty line; does not flush. */
    public static void writeRequestHead(OutputStream out, String method, String target, Headers headers)
            throws IOException {
        if (!Headers.isToken(method)) {
            throw new IllegalArgumentException("invalid method: " + method);
        }
        try {
            checkTarget(target);
        } catch (HttpProtocolException e) {
            throw new IllegalArgumentException("invalid request target: " + target, e);
        }
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        appendHeaders(sb, headers);
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes an HTTP/1.1 status line and headers and the empty line; does not flush. */
    public static void writeResponseHead(OutputStream out, int status, String reason, Headers headers)
            throws IOException {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("invalid status: " + status);
        }
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        appendHeaders(sb, headers);
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void appendHeaders(StringBuilder sb, Headers headers) {
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        sb.append("\r\n");
    }

    private static BodyFraming chunkedOnly(List<String> values) throws HttpProtocolException {
        List<String> codings = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String coding = part.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty()) {
                    codings.add(coding);
                }
            }
        }
        if (codings.equals(List.of("chunked"))) {
            return new BodyFraming.Chunked();
        }
        if (codings.isEmpty() || codings.stream().allMatch("chunked"::equals)) {
            throw HttpProtocolException.badRequest("malformed Transfer-Encoding");
        }
        throw new HttpProtocolException(501, "unsupported transfer coding");
    }

    private static long contentLength(List<String> values) throws HttpProtocolException {
        long length = -1;
        for (String value : values) {
            // A list of identical values is allowed (RFC 9110 section 8.6); anything else is not.
            for (String part : value.split(",", -1)) {
                long n = parseLength(part.strip());
                if (length >= 0 && n != length) {
                    throw HttpProtocolException.badRequest("conflicting Content-Length values");
                }
                length = n;
            }
        }
        return length;
    }

    private static long parseLength(String s) throws HttpProtocolException {
        if (s.isEmpty() || s.length() > 18) {
            throw HttpProtocolException.badRequest("invalid Content-Length");
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpProtocolException.badRequest("invalid Content-Length");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static void checkTarget(String target) throws HttpProtocolException {
        if (target.isEmpty() || target.charAt(0) != '/') {
            throw HttpProtocolException.badRequest("request target must be an absolute path");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw HttpProtocolException.badRequest("invalid character in request target");
            }
        }
    }

    private static void checkVersion(String version) throws HttpProtocolException {
        if (version.equals("HTTP/1.1") || version.equals("HTTP/1.0")) {
            return;
        }
        if (version.length() == 8 && version.startsWith("HTTP/") && Character.isDigit(version.charAt(5))
                && version.charAt(6) == '.' && Character.isDigit(version.charAt(7))) {
            throw new HttpProtocolException(505, "unsupported HTTP version");
        }
        throw HttpProtocolException.badRequest("malformed HTTP version");
    }

    private static String stripOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
