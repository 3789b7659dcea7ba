package dev.berth.engine.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerGzipTest {

    private static byte[] gzip(byte[] data, int writeSize) throws IOException {
        var out = new ByteArrayOutputStream();
        LayerGzip gz = new LayerGzip(out);
        for (int i = 0; i < data.length; i += writeSize) {
            gz.write(data, i, Math.min(writeSize, data.length - i));
        }
        gz.finish();
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({
            // MiB of text, MiB of random -> at most this many bytes out per byte in
            "4, 0, 0.05",
            "0, 4, 1.001",  // stored, not deflated: no bigger than the input
            "3, 3, 0.55"})
    void output_gunzipsToTheInput_isTheSameEachTime_andSkipsWhatDoesNotCompress(int text, int random, double ratio)
            throws IOException {
        byte[] t = "a line of text that deflate shrinks a lot, again and again\n".repeat(text * 18_000)
                .getBytes(StandardCharsets.UTF_8);
        byte[] r = new byte[random * 1024 * 1024];
        new Random(random).nextBytes(r);
        byte[] data = new byte[t.length + r.length];
        System.arraycopy(t, 0, data, 0, t.length);
        System.arraycopy(r, 0, data, t.length, r.length);

        byte[] blob = gzip(data, 7_777);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(blob)).readAllBytes()).isEqualTo(data);
        assertThat(gzip(data, 100_000)).as("the same bytes whatever the writes").isEqualTo(blob);
        assertThat((double) blob.length).isLessThanOrEqualTo(data.length * ratio + 64);
    }
}
