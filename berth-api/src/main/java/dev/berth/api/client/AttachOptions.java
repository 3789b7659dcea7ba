package dev.berth.api.client;

/** {@code POST /containers/{id}/attach}: which streams, live ({@code stream}) and/or past ({@code logs}). */
public record AttachOptions(boolean stdin, boolean stdout, boolean stderr, boolean stream, boolean logs,
        String detachKeys) {

    /** What run attaches with: output live, stdin when interactive. */
    public static AttachOptions forRun(boolean stdin) {
        return new AttachOptions(stdin, true, true, true, false, null);
    }
}
