/**
 * The image builder: a parsed Dockerfile ({@code builder.dockerfile}) and an unpacked build
 * context become an image, step by step, as Docker's classic builder does.
 * {@link dev.berth.engine.builder.Builder} plans the stages the target needs
 * ({@code StagePlan}) and runs them ({@code ParallelStages}); {@code StageRun} walks one
 * stage's instructions. Metadata instructions ({@code MetadataInstruction}) change the config
 * and add a history entry; COPY/ADD ({@code CopyInstruction}) write one layer without a
 * container ({@code CopyStep}); RUN ({@code RunInstruction}) runs in a container of the
 * step's image through {@link dev.berth.engine.builder.StepRunner}, whose writable layer
 * becomes the new layer; its {@code --mount}s are prepared by {@code RunMounts} (cache
 * directories kept across builds in {@link dev.berth.engine.builder.CacheMounts}). Every step is an image (its parent the previous step,
 * {@code StageImage}), and a step whose parent, instruction with resolved arguments and
 * copied content are unchanged is taken from {@link dev.berth.engine.builder.BuildCache}
 * (or a {@code --cache-from} image), in one place: {@code StepCache}.
 *
 * <p>Sits above images, layers, snapshots and containers; nothing below imports it. Must not
 * depend on the daemon or the API's HTTP layer.
 */
package dev.berth.engine.builder;
