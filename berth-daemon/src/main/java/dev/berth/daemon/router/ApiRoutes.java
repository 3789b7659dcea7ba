package dev.berth.daemon.router;

import dev.berth.api.types.system.ErrorResponse;
import dev.berth.daemon.http.RouteHandler;
import dev.berth.daemon.http.Router;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.SystemException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Registers Engine API routes on the HTTP router, wrapping every handler the same way:
 * the requested API version is checked, and any failure becomes dockerd's status and
 * {@code {"message"}} body through {@link ErrorMapper} (or, once a stream has started,
 * simply ends it). Route groups see only this class.
 */
public final class ApiRoutes {

    private static final Logger LOG = System.getLogger("berthd.api");

    private final Router router;

    public ApiRoutes(Router router) {
        this.router = router;
    }

    /** A resource's routes, registered in one place (one class per group). */
    public interface Group {
        void register(ApiRoutes routes);
    }

    public ApiRoutes get(String template, RouteHandler handler) {
        return add("GET", template, handler);
    }

    public ApiRoutes head(String template, RouteHandler handler) {
        return add("HEAD", template, handler);
    }

    public ApiRoutes post(String template, RouteHandler handler) {
        return add("POST", template, handler);
    }

    public ApiRoutes put(String template, RouteHandler handler) {
        return add("PUT", template, handler);
    }

    public ApiRoutes delete(String template, RouteHandler handler) {
        return add("DELETE", template, handler);
    }

    private ApiRoutes add(String method, String template, RouteHandler handler) {
        router.route(method, template, (req, res, params) -> {
            try {
                ApiVersion.check(params.apiVersion());
                handler.handle(req, res, params);
            } catch (Exception e) {
                int status = ErrorMapper.status(e);
                if (status >= 500) {
                    LOG.log(Level.ERROR, req.method() + " " + req.target() + " failed", e);
                } else {
                    LOG.log(Level.DEBUG, () -> req.method() + " " + req.target() + " -> " + status
                            + ": " + e.getMessage());
                }
                if (res.isCommitted()) {
                    return; // a stream already started; the handler reported in-band or just ends
                }
                if (status == 304) {
                    res.sendEmpty(304);
                    return;
                }
                String message = e instanceof BerthException || status < 500 || e instanceof IOException
                        ? ErrorMapper.message(e)
                        : new SystemException("internal error: " + e).getMessage();
                Api.json(res, status, new ErrorResponse(message));
            }
        });
        return this;
    }
}
