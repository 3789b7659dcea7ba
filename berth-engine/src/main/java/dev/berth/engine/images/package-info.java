/**
 * Images: configs (kept as the exact bytes their ID is the digest of), references
 * ({@code images/repositories.json}), per-image metadata, tagging, removal as dockerd reports
 * it, import of a root filesystem, save/load of docker-archive and OCI layouts, and the
 * bootstrap {@code busybox:latest}. Depends on {@code content}, {@code layers},
 * {@code archive}, {@code reference}, {@code digest}, {@code metadata} and the error kinds;
 * knows nothing of containers (whether an image is in use is asked through a predicate).
 */
package dev.berth.engine.images;
