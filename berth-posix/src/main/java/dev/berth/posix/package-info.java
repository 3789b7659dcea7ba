/**
 * The few Linux system calls the JDK lacks (mount, mknod, xattrs, prctl, splice and the TCP
 * sockets it needs as plain descriptors, ...), called through the FFM API. Each wrapper throws
 * {@link dev.berth.posix.PosixException} with the errno. Depends on nothing but the JDK; nothing
 * here knows about containers.
 */
package dev.berth.posix;
