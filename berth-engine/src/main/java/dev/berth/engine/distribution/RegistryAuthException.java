package dev.berth.engine.distribution;

/**
 * The registry refused the credentials (or their absence): HTTP 401/403 after the
 * challenge was answered. Not one of the engine's error kinds because the API answers it
 * with 401, which only login uses; pulls and pushes report it in-band.
 */
public final class RegistryAuthException extends RuntimeException {

    public RegistryAuthException(String message) {
        super(message);
    }
}
