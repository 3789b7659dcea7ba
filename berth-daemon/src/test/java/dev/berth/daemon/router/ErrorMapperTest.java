package dev.berth.daemon.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.api.Json;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.NotImplementedException;
import dev.berth.engine.error.NotModifiedException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.error.UnavailableException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    @Test
    void everyKind_hasDockerdsStatus() {
        assertThat(ErrorMapper.status(new NotFoundException("x"))).isEqualTo(404);
        assertThat(ErrorMapper.status(new InvalidArgumentException("x"))).isEqualTo(400);
        assertThat(ErrorMapper.status(new ConflictException("x"))).isEqualTo(409);
        assertThat(ErrorMapper.status(new NotModifiedException("x"))).isEqualTo(304);
        assertThat(ErrorMapper.status(new UnavailableException("x"))).isEqualTo(503);
        assertThat(ErrorMapper.status(new NotImplementedException("x"))).isEqualTo(501);
        assertThat(ErrorMapper.status(new SystemException("x"))).isEqualTo(500);
    }

    @Test
    void malformedJson_isABadRequest() {
        JsonProcessingException e = null;
        try {
            Json.MAPPER.readTree("{not json");
        } catch (JsonProcessingException expected) {
            e = expected;
        }
        assertThat(ErrorMapper.status(e)).isEqualTo(400);
        assertThat(ErrorMapper.message(e)).startsWith("invalid JSON: ");
    }

    @Test
    void unexpectedFailures_areServerErrors() {
        assertThat(ErrorMapper.status(new IOException("disk"))).isEqualTo(500);
        assertThat(ErrorMapper.status(new IllegalStateException("bug"))).isEqualTo(500);
    }
}
