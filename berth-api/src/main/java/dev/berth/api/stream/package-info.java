/** Docker's multiplexed stdout/stderr framing used by attach, exec and logs. */
package dev.berth.api.stream;
