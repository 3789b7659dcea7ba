package dev.berth.engine.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The OpenSSL-backed digest agrees with the JDK's for every shape of input. */
class NativeSha256Test {

    @Test
    void agreesWithTheJdk_acrossUpdateSizesAndStageBoundaries() throws Exception {
        assertThat(dev.berth.posix.OpenSslSha256.isAvailable()).as("libcrypto.so.3 on this host").isTrue();
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 55, 64, 65_535, 65_536, 65_537, 1_000_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            MessageDigest jdk = MessageDigest.getInstance("SHA-256");
            MessageDigest ours = new NativeSha256();
            int pos = 0;
            int step = 1;
            while (pos < size) {
                int n = Math.min(step, size - pos);
                jdk.update(data, pos, n);
                if (n == 1) {
                    ours.update(data[pos]);
                } else {
                    ours.update(data, pos, n);
                }
                pos += n;
                step = step * 3 + 1;
            }
            assertThat(ours.digest()).as("size " + size).isEqualTo(jdk.digest());
        }
    }

    @Test
    void digest_resetsForTheNextMessage() {
        MessageDigest ours = new NativeSha256();
        ours.update("abc".getBytes());
        ours.digest();
        ours.update("abc".getBytes());
        assertThat(Digest.of(ours).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
