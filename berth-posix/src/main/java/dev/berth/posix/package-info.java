/**
 * The few Linux system calls the JDK lacks (mount, mknod, xattrs, prctl, ...), called
 * through the FFM API. Each wrapper throws {@link dev.berth.posix.PosixException} with the
 * errno. Depends on nothing but the JDK; nothing here knows about containers.
 */
package dev.berth.posix;
