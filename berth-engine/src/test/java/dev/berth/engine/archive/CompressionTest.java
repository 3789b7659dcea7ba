package dev.berth.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompressionTest {

    private static final byte[] TAR = "a plain tar would be here; the content only has to survive the trip\n"
            .repeat(1000).getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"plain", "gzip", "zstd", "bzip2", "xz"})
    void decompress_recognisesTheFormatByItsMagic(String format) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (format) {
            case "gzip" -> new GZIPOutputStream(bytes);
            case "zstd" -> new ZstdOutputStream(bytes);
            case "bzip2" -> new BZip2CompressorOutputStream(bytes);
            case "xz" -> new XZCompressorOutputStream(bytes);
            default -> bytes;
        }) {
            out.write(TAR);
        }
        try (InputStream in = Compression.decompress(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(TAR);
        }
    }
}
