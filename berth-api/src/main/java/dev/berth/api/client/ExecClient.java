package dev.berth.api.client;

import dev.berth.api.Json;
import dev.berth.api.types.exec.ExecCreateRequest;
import dev.berth.api.types.exec.ExecCreateResponse;
import dev.berth.api.types.exec.ExecInspect;
import dev.berth.api.types.exec.ExecStartRequest;
import java.io.IOException;

/** The exec endpoints. Obtain from {@link EngineClient#execs()}. */
public final class ExecClient {

    private final EngineClient client;

    ExecClient(EngineClient client) {
        this.client = client;
    }

    /** {@code POST /containers/{id}/exec}: the new exec's ID. */
    public String create(String container, ExecCreateRequest request) throws IOException {
        String target = Target.path("/containers").name(container).then("/exec").toString();
        return EngineClient.readJson(client.send("POST", target, RequestBody.json(Json.MAPPER.writeValueAsBytes(request))),
                ExecCreateResponse.class).id();
    }

    /** {@code POST /exec/{id}/start} hijacked: the process's output, and its stdin when the exec attached it. */
    public ApiStream startAttached(String execId, ExecStartRequest request) throws IOException {
        return client.hijack("POST", Target.path("/exec").name(execId).then("/start").toString(),
                RequestBody.json(Json.MAPPER.writeValueAsBytes(request)));
    }

    /** {@code POST /exec/{id}/start} with Detach: returns once the process was started. */
    public void startDetached(String execId) throws IOException {
        try (ApiResponse r = client.send("POST", Target.path("/exec").name(execId).then("/start").toString(),
                RequestBody.json(Json.MAPPER.writeValueAsBytes(new ExecStartRequest(true, false, null))))) {
            r.body().transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    public ExecInspect inspect(String execId) throws IOException {
        return client.getJson(Target.path("/exec").name(execId).then("/json").toString(), ExecInspect.class);
    }

    /** {@code POST /exec/{id}/resize?h=&w=}. */
    public void resize(String execId, int height, int width) throws IOException {
        client.call("POST", Target.path("/exec").name(execId).then("/resize").query("h", height).query("w", width)
                .toString());
    }
}
