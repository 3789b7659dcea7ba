package dev.berth.daemon.router.images;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.api.types.system.JsonMessage;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.http.RouteHandler;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.ErrorMapper;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /images} routes: list, inspect, remove, tag, history, import, save and load,
 * plus berth's own {@code POST /berth/images/bootstrap}. Import and load answer with a
 * JSON-message stream, as dockerd does; a failure after the 200 goes in-band.
 */
public final class ImagesRoutes implements ApiRoutes.Group {

    private static final String TAR = "application/x-tar";

    private final ImagesBackend images;
    private final RouteHandler pull;

    public ImagesRoutes(ImagesBackend images) {
        this(images, null);
    }

    /** @param pull answers {@code POST /images/create?fromImage=} (the registry routes), or null */
    public ImagesRoutes(ImagesBackend images, RouteHandler pull) {
        this.images = images;
        this.pull = pull;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/images/json", (req, res, p) ->
                Api.json(res, 200, images.list(Api.bool(req.query(), "all"), Api.filters(req.query()))));
        routes.get("/images/{name:.*}/json", (req, res, p) -> Api.json(res, 200, images.inspect(p.get("name"))));
        routes.get("/images/{name:.*}/history", (req, res, p) -> Api.json(res, 200, images.history(p.get("name"))));
        routes.delete("/images/{name:.*}", (req, res, p) -> Api.json(res, 200,
                images.remove(p.get("name"), Api.bool(req.query(), "force"), Api.bool(req.query(), "noprune"))));
        routes.post("/images/{name:.*}/tag", (req, res, p) -> {
            String repo = req.query().first("repo");
            if (repo == null || repo.isEmpty()) {
                throw new InvalidArgumentException("repository name must have at least one component");
            }
            images.tag(p.get("name"), repo, req.query().first("tag"));
            res.sendEmpty(201);
        });
        routes.post("/images/create", this::create);
        routes.get("/images/get", (req, res, p) -> save(res, req.query().all("names")));
        routes.get("/images/{name:.*}/get", (req, res, p) -> save(res, List.of(p.get("name"))));
        routes.post("/images/load", this::load);
        routes.post("/berth/images/bootstrap", (req, res, p) -> {
            String name = req.query().first("name");
            ObjectNode answer = Json.MAPPER.createObjectNode().put("Id", images.bootstrap(name == null ? "busybox" : name));
            Api.json(res, 200, answer);
        });
    }

    /** {@code fromSrc=-} imports the body; {@code fromImage} would pull, which berth cannot do yet. */
    private void create(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        String fromSrc = req.query().first("fromSrc");
        String fromImage = req.query().first("fromImage");
        if (fromSrc == null && pull != null && fromImage != null) {
            pull.handle(req, res, p);
            return;
        }
        if (fromSrc == null) {
            String image = fromImage == null ? "" : fromImage;
            String tag = req.query().first("tag");
            throw new NotFoundException("No such image: " + image + (tag == null || tag.isEmpty() ? "" : ":" + tag)
                    + " (berth cannot pull from registries yet)");
        }
        if (!fromSrc.equals("-")) {
            throw new InvalidArgumentException("importing from a URL is not supported: " + fromSrc);
        }
        String repo = req.query().first("repo");
        String tag = req.query().first("tag");
        List<String> changes = req.query().all("changes");
        try (OutputStream out = res.stream(200, "application/json")) {
            try {
                String id = images.importRootfs(req.body(), repo, tag, req.query().first("message"), changes);
                message(out, JsonMessage.status(id));
            } catch (RuntimeException | IOException e) {
                message(out, JsonMessage.failure(ErrorMapper.message(e)));
            }
        }
    }

    private void save(ServerResponse res, List<String> names) throws IOException {
        if (names.isEmpty()) {
            throw new InvalidArgumentException("no images named");
        }
        for (String name : names) {
            images.inspect(name); // a missing image is a 404 before the tar starts
        }
        try (OutputStream out = res.stream(200, TAR)) {
            images.save(names, out);
        }
    }

    private void load(ServerRequest req, ServerResponse res, PathParams p) throws IOException {
        try (OutputStream out = res.stream(200, "application/json")) {
            try {
                List<String> lines = new ArrayList<>(images.load(req.body()));
                for (String line : lines) {
                    message(out, JsonMessage.stream(line + "\n"));
                }
            } catch (RuntimeException | IOException e) {
                message(out, JsonMessage.failure(ErrorMapper.message(e)));
            }
        }
    }

    private static void message(OutputStream out, JsonMessage m) throws IOException {
        out.write(Json.MAPPER.writeValueAsBytes(m));
        out.write('\n');
        out.flush();
    }
}
