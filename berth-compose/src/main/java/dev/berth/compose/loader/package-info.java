/**
 * Loading a compose project: finding the files, parsing YAML (anchors, aliases, merge keys),
 * {@code .env} files and interpolation, merging several files and {@code extends} (with the
 * {@code !reset} and {@code !override} tags), top-level {@code include}, profiles,
 * turning short syntaxes into long ones, and validation that names the file and key path.
 * {@link dev.berth.compose.loader.ProjectLoader} is the entry point.
 *
 * <p>Depends on {@code dev.berth.compose.model} and SnakeYAML only: no Engine API calls, nothing
 * is created while loading, so every error is found before anything changes.
 */
package dev.berth.compose.loader;
