/**
 * berthd's embedded DNS server, dockerd's 127.0.0.11 in berth's shape: one UDP and TCP listener
 * per user-defined network on its gateway address, port 53, in the host's namespace
 * ({@link dev.berth.engine.networks.dns.DnsServer}); a codec for the few messages it needs
 * ({@link dev.berth.engine.networks.dns.DnsMessage}, {@link dev.berth.engine.networks.dns.ReverseName},
 * TCP's length prefix); and a bounded forwarder that relays other names to upstream resolvers
 * over the client's transport ({@link dev.berth.engine.networks.dns.Forwarder}). Which names
 * exist is asked of a {@link dev.berth.engine.networks.dns.NameTable}, so the records that also
 * write /etc/hosts stay the one source of truth. {@link dev.berth.engine.networks.dns.ListenerThreads}
 * (a closed listener's address is free only once its thread has left) serves the port proxies too.
 *
 * <p>Depends on the JDK only. Must not depend on the networks package above it (which
 * implements {@code NameTable} and opens and closes the servers) nor on containers.
 */
package dev.berth.engine.networks.dns;
