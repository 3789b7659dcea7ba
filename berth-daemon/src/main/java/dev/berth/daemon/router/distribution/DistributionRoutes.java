package dev.berth.daemon.router.distribution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.ErrorMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code POST /images/{name}/push}, {@code POST /auth}, {@code GET /distribution/{name}/json}; pull is {@link #pull}. */
public final class DistributionRoutes implements ApiRoutes.Group {

    private static final String AUTH_HEADER = "X-Registry-Auth";

    private final DistributionBackend backend;

    public DistributionRoutes(DistributionBackend backend) {
        this.backend = backend;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/images/{name:.*}/push", (req, res, p) -> {
            String tag = req.query().first("tag");
            String name = p.get("name");
            stream(res, s -> backend.push(name, tag, req.header(AUTH_HEADER), s::send));
        });
        routes.post("/auth", this::login);
        routes.get("/distribution/{name:.*}/json", (req, res, p) -> {
            try {
                Api.json(res, 200, backend.inspect(p.get("name"), req.header(AUTH_HEADER)));
            } catch (DistributionBackend.Unauthorized e) {
                unauthorized(res, e.getMessage());
            }
        });
    }

    /** {@code POST /images/create?fromImage=&tag=&platform=}: called by the images routes for a pull. */
    public void pull(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        String image = req.query().first("fromImage");
        String tag = req.query().first("tag");
        String platform = req.query().first("platform");
        stream(res, s -> backend.pull(image, tag, platform, req.header(AUTH_HEADER), s::send));
    }

    private void login(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        byte[] body = req.body().readAllBytes();
        try {
            backend.login(body);
        } catch (DistributionBackend.Unauthorized e) {
            unauthorized(res, e.getMessage());
            return;
        }
        ObjectNode ok = Json.MAPPER.createObjectNode().put("Status", "Login Succeeded").put("IdentityToken", "");
        Api.json(res, 200, ok);
    }

    private interface Operation {
        void run(MessageStream stream) throws IOException;
    }

    private static void stream(ServerResponse res, Operation op) throws IOException {
        MessageStream s = new MessageStream(res);
        try {
            op.run(s);
        } catch (UncheckedIOException gone) {
            throw gone.getCause(); // the client closed the connection
        } catch (DistributionBackend.Unauthorized e) {
            if (!s.started()) {
                unauthorized(res, e.getMessage());
            } else {
                s.fail(e.getMessage());
            }
        } catch (RuntimeException | IOException e) {
            if (!s.started()) {
                throw e; // nothing said yet: an HTTP status, as dockerd
            }
            s.fail(ErrorMapper.message(e));
        } finally {
            s.close();
        }
    }

    private static void unauthorized(ServerResponse res, String message) throws IOException {
        Api.json(res, 401, Json.MAPPER.createObjectNode().put("message", message));
    }
}
