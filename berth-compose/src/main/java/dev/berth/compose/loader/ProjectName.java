package dev.berth.compose.loader;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compose project names: lower-case letters, digits, dashes and underscores, starting with a
 * letter or digit. A name given by the user ({@code -p}, COMPOSE_PROJECT_NAME, {@code name:})
 * must already be one; a directory's name is normalized into one.
 */
public final class ProjectName {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private ProjectName() {}

    /** Whether {@code name} is a valid project name. */
    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** {@code raw} lower-cased with other characters removed and leading dashes/underscores cut; may be empty. */
    public static String normalize(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return lower.replaceFirst("^[_-]+", "");
    }
}
