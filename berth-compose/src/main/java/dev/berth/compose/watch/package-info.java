/**
 * {@code compose watch}: the Compose Develop Specification's watch rules put to work. Pure
 * parts decide (which changes a rule takes: {@link dev.berth.compose.watch.WatchFilter}; when a
 * burst of changes is complete: {@link dev.berth.compose.watch.ChangeBatcher}; what each service
 * must do about a batch: {@link dev.berth.compose.watch.WatchPlanner}); the rest acts through the
 * Engine API only (files into containers: {@link dev.berth.compose.watch.ContainerSync}), so the
 * watch works against any Docker-compatible daemon, and reuses {@code project.Up} for rebuilds.
 *
 * <p>Depends on the model, the project package and berth-api's client; nothing in the model,
 * the loader or the project package depends on it.
 */
package dev.berth.compose.watch;
