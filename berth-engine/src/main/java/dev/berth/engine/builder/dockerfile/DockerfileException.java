package dev.berth.engine.builder.dockerfile;

/**
 * A Dockerfile that cannot be parsed or an instruction whose arguments are invalid. The
 * message names the file, the line and the instruction ({@code Dockerfile:3: COPY requires
 * at least two arguments}), as a user needs to find it; the builder reports it as an invalid
 * argument.
 */
public final class DockerfileException extends RuntimeException {

    private final String file;
    private final int line;

    public DockerfileException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The 1-based line where the instruction starts. */
    public int line() {
        return line;
    }
}
