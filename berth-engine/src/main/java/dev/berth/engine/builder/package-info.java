/**
 * The image builder: a parsed Dockerfile ({@code builder.dockerfile}) and an unpacked build
 * context become an image, step by step, as Docker's classic builder does. Metadata
 * instructions change the config and add a history entry; COPY/ADD write one layer without a
 * container ({@link dev.berth.engine.builder.CopyStep}); RUN runs in a container of the
 * step's image through {@link dev.berth.engine.builder.StepRunner}, whose writable layer
 * becomes the new layer. Every step is an image (its parent the previous step), and a step
 * whose parent, instruction with resolved arguments and copied content are unchanged is
 * taken from {@link dev.berth.engine.builder.BuildCache}.
 *
 * <p>Sits above images, layers, snapshots and containers; nothing below imports it. Must not
 * depend on the daemon or the API's HTTP layer.
 */
package dev.berth.engine.builder;
