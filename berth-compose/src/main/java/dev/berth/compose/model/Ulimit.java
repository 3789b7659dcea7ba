package dev.berth.compose.model;

/**
 * One entry of {@code ulimits}; {@code nproc: 65535} sets both limits.
 *
 * @param soft the soft limit
 * @param hard the hard limit
 */
public record Ulimit(long soft, long hard) {}
