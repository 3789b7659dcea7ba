package dev.berth.daemon.router.build;

import dev.berth.api.Json;
import dev.berth.api.types.container.ContainerConfig;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.ErrorMapper;
import dev.berth.engine.error.InvalidArgumentException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /build}: the context tar in the body (or a URL as {@code remote}), the options in the query, and the
 * answer a JSON-message stream in the classic builder's words ({@code stream} lines, then
 * {@code aux {"ID": ...}}); a failure after the 200 goes in-band as {@code errorDetail}. With
 * {@code q=1} only the image ID is streamed, as dockerd does. {@code POST /commit} makes an
 * image of a container (201 {"Id": ...}).
 */
public final class BuildRoutes implements ApiRoutes.Group {

    private final BuildBackend backend;

    public BuildRoutes(BuildBackend backend) {
        this.backend = backend;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/build", this::build);
        routes.post("/commit", this::commit);
    }

    private void commit(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        String container = req.query().first("container");
        if (container == null || container.isEmpty()) {
            throw new InvalidArgumentException("container is required");
        }
        byte[] body = req.body().readAllBytes();
        ContainerConfig config = body.length == 0 ? null : Json.MAPPER.readValue(body, ContainerConfig.class);
        String id = backend.commit(new BuildBackend.CommitOptions(container, req.query().first("repo"),
                req.query().first("tag"), req.query().first("comment"), req.query().first("author"),
                req.query().all("changes"), config, pause(req)));
        Api.json(res, 201, Json.MAPPER.createObjectNode().put("Id", id));
    }

    private void build(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        Map<String, String> buildArgs = new LinkedHashMap<>();
        Api.jsonMap(req.query(), "buildargs").forEach((k, v) -> {
            if (v != null) {
                buildArgs.put(k, v);
            }
        });
        BuildBackend.BuildOptions options = new BuildBackend.BuildOptions(req.query().all("t"),
                req.query().first("dockerfile"), buildArgs, Api.jsonMap(req.query(), "labels"),
                req.query().first("target"), Api.bool(req.query(), "nocache"), req.query().first("networkmode"),
                cacheFrom(req.query().first("cachefrom")), req.query().first("remote"));
        boolean quiet = Api.bool(req.query(), "q");
        // as dockerd: the 200 and its stream start with the first message, so a failure before it (a remote
        // context that cannot be fetched, a Dockerfile that is missing or wrong) is an error status
        LazyStream out = new LazyStream(res);
        try (out) {
            try {
                String id = backend.build(req.body(), options, text -> {
                    if (!quiet) {
                        message(out.open(), JsonMessage.stream(text));
                    }
                });
                message(out.open(), JsonMessage.aux(Json.MAPPER.createObjectNode().put("ID", id)));
                if (quiet) {
                    message(out.open(), JsonMessage.stream(id + "\n"));
                }
            } catch (Exception e) {
                if (!out.isOpen()) {
                    throw e;
                }
                message(out.open(), JsonMessage.failure(ErrorMapper.message(e)));
            }
        }
    }

    /** The response's message stream, started on first use. */
    private static final class LazyStream implements AutoCloseable {
        private final ServerResponse res;
        private OutputStream out;

        LazyStream(ServerResponse res) {
            this.res = res;
        }

        synchronized OutputStream open() {
            if (out == null) {
                try {
                    out = res.stream(200, "application/json");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out;
        }

        synchronized boolean isOpen() {
            return out != null;
        }

        @Override
        public synchronized void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }

    /** {@code pause} defaults to true, as in dockerd. */
    private static boolean pause(ServerRequest req) {
        return req.query().first("pause") == null || Api.bool(req.query(), "pause");
    }

    /** {@code cachefrom} is a JSON array of image names. */
    private static List<String> cacheFrom(String json) throws IOException {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.of(Json.MAPPER.readValue(json, String[].class));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidArgumentException("invalid cachefrom: " + json);
        }
    }

    private static void message(OutputStream out, JsonMessage m) {
        try {
            out.write(Json.MAPPER.writeValueAsBytes(m));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
