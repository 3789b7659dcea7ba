package dev.berth.api.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The server answered a hijack request with neither 101 nor 200: usually an API error such as
 * 404 "No such container", whose JSON body the caller can decode from {@link #body()}.
 */
public final class UpgradeRefusedException extends IOException {
    private final int status;
    private final String contentType;
    private final byte[] body;

    public UpgradeRefusedException(int status, String contentType, byte[] body) {
        super("unable to upgrade to tcp, received " + status);
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
    }

    public int status() {
        return status;
    }

    /** The response's Content-Type, or null. */
    public String contentType() {
        return contentType;
    }

    /** The response body (at most 64 KiB of it). */
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
