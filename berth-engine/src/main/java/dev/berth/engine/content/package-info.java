/**
 * The content store: every blob (configs, manifests, compressed layers) once, addressed by its
 * sha256 digest, written through a verifying writer and committed atomically. Depends only on
 * {@code digest}, {@code metadata} and the error kinds; knows nothing of images or layers.
 */
package dev.berth.engine.content;
