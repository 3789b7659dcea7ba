package dev.berth.daemon.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.engine.error.BerthException;
import dev.berth.engine.error.ConflictException;
import dev.berth.engine.error.ForbiddenException;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.error.NotFoundException;
import dev.berth.engine.error.NotImplementedException;
import dev.berth.engine.error.NotModifiedException;
import dev.berth.engine.error.SystemException;
import dev.berth.engine.error.UnauthorizedException;
import dev.berth.engine.error.UnavailableException;

/**
 * The one place where failures become HTTP statuses, with dockerd's codes. The switch over
 * the sealed engine family is exhaustive, so a new kind cannot be forgotten here.
 */
public final class ErrorMapper {

    private ErrorMapper() {
    }

    public static int status(Throwable error) {
        if (error instanceof BerthException kind) {
            return switch (kind) {
                case NotFoundException e -> 404;
                case InvalidArgumentException e -> 400;
                case ConflictException e -> 409;
                case ForbiddenException e -> 403;
                case NotModifiedException e -> 304;
                case UnavailableException e -> 503;
                case NotImplementedException e -> 501;
                case SystemException e -> 500;
                case UnauthorizedException e -> 401;
            };
        }
        if (error instanceof JsonProcessingException || error instanceof IllegalArgumentException) {
            return 400;
        }
        return 500;
    }

    /** The text for {@code {"message": ...}}: the kind's message, or a JSON parse error's summary. */
    public static String message(Throwable error) {
        if (error instanceof JsonProcessingException json) {
            return "invalid JSON: " + json.getOriginalMessage();
        }
        String message = error.getMessage();
        return message != null ? message : error.getClass().getSimpleName();
    }
}
