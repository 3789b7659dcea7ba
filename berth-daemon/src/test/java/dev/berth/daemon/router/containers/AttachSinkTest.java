package dev.berth.daemon.router.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.stream.MultiplexedInput;
import dev.berth.api.stream.StdStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class AttachSinkTest {

    @Test
    void outputBeforeConnect_isSentFirstAndInOrder() throws Exception {
        var sink = new AttachSink(false, true, true);
        sink.output(StdStream.STDOUT, "early\n".getBytes(), 0, 6);
        var wire = new ByteArrayOutputStream();
        sink.connect(wire);
        sink.output(StdStream.STDERR, "late\n".getBytes(), 0, 5);

        var in = new MultiplexedInput(new ByteArrayInputStream(wire.toByteArray()));
        var first = in.next();
        var second = in.next();
        assertThat(first.stream()).isEqualTo(StdStream.STDOUT);
        assertThat(new String(first.payload())).isEqualTo("early\n");
        assertThat(second.stream()).isEqualTo(StdStream.STDERR);
        assertThat(new String(second.payload())).isEqualTo("late\n");
        assertThat(in.next()).isNull();
    }

    @Test
    void withATty_bytesAreRaw() throws Exception {
        var sink = new AttachSink(true, true, true);
        sink.output(StdStream.STDOUT, "a".getBytes(), 0, 1);
        var wire = new ByteArrayOutputStream();
        sink.connect(wire);
        sink.output(StdStream.STDOUT, "b".getBytes(), 0, 1);
        assertThat(wire.toString()).isEqualTo("ab");
    }

    @Test
    void unwantedStreams_areDropped() throws Exception {
        var sink = new AttachSink(false, true, false);
        var wire = new ByteArrayOutputStream();
        sink.connect(wire);
        sink.output(StdStream.STDERR, "x".getBytes(), 0, 1);
        assertThat(wire.size()).isZero();
    }
}
