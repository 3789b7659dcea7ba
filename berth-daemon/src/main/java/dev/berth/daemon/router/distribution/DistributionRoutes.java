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
            Api.json(res, 200, backend.inspect(p.get("name"), req.header(AUTH_HEADER)));
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
        backend.login(req.body().readAllBytes());
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
        } catch (RuntimeException | IOException e) {
            if (!s.started()) {
                throw e; // nothing said yet: an HTTP status, as dockerd
            }
            s.fail(ErrorMapper.message(e));
        } finally {
            s.close();
        }
    }
}
