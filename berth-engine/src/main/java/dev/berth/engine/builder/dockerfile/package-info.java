/**
 * The Dockerfile front end: bytes to typed {@link dev.berth.engine.builder.dockerfile.Instruction}s
 * with their line numbers ({@link dev.berth.engine.builder.dockerfile.DockerfileParser}), and the
 * word and variable rules Docker applies to instruction arguments
 * ({@link dev.berth.engine.builder.dockerfile.ShellLex}).
 *
 * <p>Pure: no I/O beyond the bytes given, no images, no containers. Variable substitution is
 * not done while parsing, because its values (ARG, ENV) are only known while building; the
 * instructions keep their raw words and the builder expands them with {@code ShellLex}.
 * Must not depend on anything in berth outside {@code dev.berth.engine.error}.
 */
package dev.berth.engine.builder.dockerfile;
