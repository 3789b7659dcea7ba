package dev.berth.engine.logs;

/** Which of the container's output streams a log entry came from. */
public enum LogStream {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String wireName;

    LogStream(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the json-file "stream" field. */
    public String wireName() {
        return wireName;
    }

    public static LogStream fromWireName(String name) {
        return switch (name) {
            case "stdout" -> STDOUT;
            case "stderr" -> STDERR;
            default -> throw new IllegalArgumentException("unknown log stream: " + name);
        };
    }
}
