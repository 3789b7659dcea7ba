/** The {@code POST /build} route (the classic builder's API) over a narrow {@link dev.berth.daemon.router.build.BuildBackend}. */
package dev.berth.daemon.router.build;
