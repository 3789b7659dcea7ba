package dev.berth.api.http;

import java.io.FilterInputStream;
import java.io.InputStream;

/** A view of a stream whose close() leaves the underlying stream open. */
final class UnclosingInputStream extends FilterInputStream {
    UnclosingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // The connection's owner closes it.
    }
}
