package dev.berth.engine.digest;

import dev.berth.posix.OpenSslSha256;
import java.security.MessageDigest;

/** A {@link MessageDigest} for SHA-256 backed by OpenSSL; see {@link OpenSslSha256} for why. */
final class NativeSha256 extends MessageDigest {

    private final OpenSslSha256 sha = new OpenSslSha256();
    private final byte[] one = new byte[1];

    NativeSha256() {
        super("SHA-256");
    }

    @Override
    protected void engineUpdate(byte input) {
        one[0] = input;
        sha.update(one, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        sha.update(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
        return sha.digest();
    }

    @Override
    protected void engineReset() {
        sha.reset();
    }

    @Override
    protected int engineGetDigestLength() {
        return 32;
    }
}
