/** Docker's multiplexed stdout/stderr framing used by attach, exec and logs, and the detach keys in attached input. */
package dev.berth.api.stream;
