/**
 * Networks: the network store ({@code <data-root>/networks/<id>.json}, written atomically),
 * IPv4 address management (one subnet per network, gateway .1, allocations persisted), the
 * bridge driver that drives iproute2 and iptables as subprocesses (bridges, per-container
 * network namespaces and veth pairs, MASQUERADE and isolation rules), containers on several
 * networks (connect/disconnect), name resolution between containers sharing a user-defined
 * network (/etc/hosts, and the embedded DNS server of {@code networks.dns} on each such network's
 * gateway, both from the same records: {@code EmbeddedDns}), the userland TCP and UDP proxies
 * for published ports (TCP spliced in the kernel through berth-posix's {@code TcpSockets} and
 * {@code Splice}), and the clean-up of what a crashed daemon left.
 *
 * <p>Depends on error, metadata, runtime.spec ({@code NetworkNamespace}) and berth-api's
 * container types. Must not depend on containers (which calls into this package through
 * {@link dev.berth.engine.networks.ContainerNetworking}; it finds containers through
 * {@link dev.berth.engine.networks.ContainerLookup}) or on images.
 */
package dev.berth.engine.networks;
