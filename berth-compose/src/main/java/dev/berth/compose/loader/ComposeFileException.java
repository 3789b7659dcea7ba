package dev.berth.compose.loader;

/**
 * A compose project that cannot be loaded: a YAML error, an unknown key, a wrong type, a missing
 * required variable, an undefined reference, a dependency cycle. The message names the file
 * and the key path, {@code /app/compose.yaml: services.web.ports[1]: invalid port "x"}, as the
 * user needs to find it; nothing has been created when it is thrown.
 */
public final class ComposeFileException extends RuntimeException {
    private final String file;
    private final String keyPath;

    /**
     * @param file    the file the problem is in, or null when it concerns the whole project
     * @param keyPath the key path ({@code services.web.ports[1]}), or null/empty for the file itself
     * @param problem what is wrong, without the file or path
     */
    public ComposeFileException(String file, String keyPath, String problem) {
        super(format(file, keyPath, problem));
        this.file = file;
        this.keyPath = keyPath;
    }

    /** The file, or null when the problem concerns the project as a whole. */
    public String file() {
        return file;
    }

    /** The key path, or null. */
    public String keyPath() {
        return keyPath;
    }

    private static String format(String file, String keyPath, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            sb.append(keyPath).append(": ");
        }
        return sb.append(problem).toString();
    }
}
