package dev.berth.api.client;

import java.util.Map;

/**
 * One request as the client means it. {@code target} is the path and query exactly as to be
 * sent (already versioned and percent-encoded, e.g. {@code /v1.50/containers/json?all=1});
 * {@code headers} are sent verbatim (the transport adds Host and body framing);
 * {@code body} is null when there is none.
 */
public record ApiRequest(String method, String target, Map<String, String> headers, RequestBody body) {

    public ApiRequest {
        headers = Map.copyOf(headers);
    }

    public static ApiRequest of(String method, String target) {
        return new ApiRequest(method, target, Map.of(), null);
    }
}
