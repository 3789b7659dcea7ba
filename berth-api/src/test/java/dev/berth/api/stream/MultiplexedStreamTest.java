package dev.berth.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultiplexedStreamTest {

    @Test
    void frames_haveDockersEightByteHeader() throws Exception {
        var bytes = new ByteArrayOutputStream();
        new MultiplexedOutput(bytes).write(StdStream.STDERR, "hi\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.toByteArray()).containsExactly(2, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n');
    }

    @Test
    void frames_roundTripInOrder() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var out = new MultiplexedOutput(bytes);
        out.write(StdStream.STDOUT, "out".getBytes());
        out.streamOf(StdStream.STDERR).write("err".getBytes());
        var in = new MultiplexedInput(new ByteArrayInputStream(bytes.toByteArray()));
        var first = in.next();
        var second = in.next();
        assertThat(first.stream()).isEqualTo(StdStream.STDOUT);
        assertThat(new String(first.payload())).isEqualTo("out");
        assertThat(second.stream()).isEqualTo(StdStream.STDERR);
        assertThat(new String(second.payload())).isEqualTo("err");
        assertThat(in.next()).isNull();
    }

    @Test
    void next_refusesAStreamCutInsideAFrame() {
        byte[] cut = {1, 0, 0, 0, 0, 0, 0, 5, 'a', 'b'};
        assertThatThrownBy(() -> new MultiplexedInput(new ByteArrayInputStream(cut)).next())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void emptyWrites_produceNoFrame() throws Exception {
        var bytes = new ByteArrayOutputStream();
        new MultiplexedOutput(bytes).write(StdStream.STDOUT, new byte[0]);
        assertThat(bytes.size()).isZero();
    }
}
