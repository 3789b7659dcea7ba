/**
 * The routes that make images: {@code POST /build} (the classic builder's API) and
 * {@code POST /commit}, over a narrow {@link dev.berth.daemon.router.build.BuildBackend}.
 */
package dev.berth.daemon.router.build;
