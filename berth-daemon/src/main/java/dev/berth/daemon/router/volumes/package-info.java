/** The {@code /volumes} routes over the engine's volume store. Must not depend on containers. */
package dev.berth.daemon.router.volumes;
