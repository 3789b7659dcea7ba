/** System wire types: version, errors, JSON-message streams. */
package dev.berth.api.types.system;
