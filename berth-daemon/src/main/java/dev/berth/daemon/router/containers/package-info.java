/** The {@code /containers} routes: lifecycle, inspect, list, wait, attach and logs. */
package dev.berth.daemon.router.containers;
