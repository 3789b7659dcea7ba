/** Engine API wire types: immutable records, requests separate from responses. */
package dev.berth.api.types;
