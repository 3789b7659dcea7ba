package dev.berth.cli.format;

/**
 * A template that does not parse or fails while executing. The message is Go's:
 * {@code template: :1: unexpected "}" in operand} for parse errors and
 * {@code template: :1:2: executing "" at <.Names>: ...} for execution errors.
 */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
