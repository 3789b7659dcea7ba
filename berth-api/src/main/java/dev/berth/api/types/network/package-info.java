/** Wire records of the {@code /networks} endpoints, as dockerd names their fields. Depends on Jackson only. */
package dev.berth.api.types.network;
