/** System routes: ping, version, info. Depends on the router helpers and a narrow backend. */
package dev.berth.daemon.router.system;
