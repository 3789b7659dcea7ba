/** The {@code /images} routes over a narrow {@link dev.berth.daemon.router.images.ImagesBackend}. */
package dev.berth.daemon.router.images;
