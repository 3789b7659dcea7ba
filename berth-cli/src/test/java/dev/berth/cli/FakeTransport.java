package dev.berth.cli;

import dev.berth.api.client.ApiRequest;
import dev.berth.api.client.ApiResponse;
import dev.berth.api.client.ApiStream;
import dev.berth.api.client.RequestBody;
import dev.berth.api.client.Transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Transport answering from a table of (method, target regex) -> canned answer, recording
 * every request with its body. Pings answer Api-Version 1.50 unless told otherwise.
 */
public final class FakeTransport implements Transport {

    public record Recorded(String method, String target, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private record Route(String method, Pattern target, Answer answer) {
    }

    private final List<Route> routes = new ArrayList<>();
    public final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    public final ByteArrayOutputStream hijackedInput = new ByteArrayOutputStream();
    private String pingVersion = "1.50";

    public FakeTransport pingVersion(String version) {
        this.pingVersion = version;
        return this;
    }

    public FakeTransport on(String method, String targetRegex, int status, String contentType, String body) {
        return on(method, targetRegex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public FakeTransport on(String method, String targetRegex, int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("content-type", List.of(contentType));
        routes.add(new Route(method, Pattern.compile(targetRegex), new Answer(status, headers, body)));
        return this;
    }

    public FakeTransport json(String method, String targetRegex, String json) {
        return on(method, targetRegex, 200, "application/json", json);
    }

    /** Requests other than pings, as "METHOD target". */
    public List<String> calls() {
        synchronized (requests) {
            return requests.stream().filter(r -> !r.target().equals("/_ping")).map(r -> r.method() + " " + r.target()).toList();
        }
    }

    public Recorded last(String method, String targetRegex) {
        Pattern p = Pattern.compile(targetRegex);
        synchronized (requests) {
            for (int i = requests.size() - 1; i >= 0; i--) {
                Recorded r = requests.get(i);
                if (r.method().equals(method) && p.matcher(r.target()).find()) {
                    return r;
                }
            }
        }
        throw new AssertionError("no request " + method + " " + targetRegex + " in " + calls());
    }

    @Override
    public ApiResponse send(ApiRequest request) throws IOException {
        Answer a = answer(request);
        return new ApiResponse(a.status(), a.headers(), new ByteArrayInputStream(a.body()));
    }

    @Override
    public ApiStream hijack(ApiRequest request) throws IOException {
        Answer a = answer(request);
        InputStream in = new ByteArrayInputStream(a.body());
        return new ApiStream() {
            @Override
            public int status() {
                return a.status();
            }

            @Override
            public String header(String name) {
                return a.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst()).findFirst().orElse(null);
            }

            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return hijackedInput;
            }

            @Override
            public void closeWrite() {
            }

            @Override
            public void close() {
            }
        };
    }

    private Answer answer(ApiRequest request) throws IOException {
        byte[] body = null;
        if (request.body() instanceof RequestBody.Bytes b) {
            body = b.data();
        } else if (request.body() instanceof RequestBody.Streamed s) {
            body = s.data().readAllBytes();
        }
        requests.add(new Recorded(request.method(), request.target(), request.headers(), body));
        if (request.target().equals("/_ping")) {
            Map<String, List<String>> headers = pingVersion == null ? Map.of() : Map.of("Api-Version", List.of(pingVersion));
            return new Answer(200, headers, "OK".getBytes(StandardCharsets.UTF_8));
        }
        for (Route r : routes) {
            if (r.method().equals(request.method()) && r.target().matcher(request.target()).find()) {
                return r.answer();
            }
        }
        return new Answer(404, Map.of("Content-Type", List.of("application/json")),
                "{\"message\":\"page not found\"}".getBytes(StandardCharsets.UTF_8));
    }
}
