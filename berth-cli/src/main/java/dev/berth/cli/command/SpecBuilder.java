package dev.berth.cli.command;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds a picocli {@link CommandSpec} the way its annotations would (same names, labels,
 * types, help), each option writing into a field of the command through a consumer. See
 * {@link DeclaredCommand} for why. Labels follow picocli's default for an annotated field,
 * {@code <fieldName>}, so help and error texts stay the same.
 */
public final class SpecBuilder {

    private final CommandSpec spec;

    /** {@code command} is what picocli calls (a Callable) once the line is parsed. */
    public SpecBuilder(BerthCommand command, String name, String description) {
        this.spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.usageMessage().description(description);
        // BerthCommand's --help, on every command
        add(OptionSpec.builder("--help").usageHelp(true).type(boolean.class), "Print usage", "help", false, v -> { });
    }

    public SpecBuilder synopsis(String customSynopsis) {
        spec.usageMessage().customSynopsis(customSynopsis);
        return this;
    }

    /** A boolean flag, false unless given. */
    public SpecBuilder flag(String description, String field, Consumer<Boolean> set, String... names) {
        return add(OptionSpec.builder(names).type(boolean.class), description, field, false, set);
    }

    /** A single value of {@code type} (String, Integer, Boolean, int...), null unless given. */
    public <T> SpecBuilder value(Class<T> type, String description, String field, Consumer<T> set, String... names) {
        return add(OptionSpec.builder(names).type(type), description, field, null, set);
    }

    /** A repeatable option, collected in a list. */
    public SpecBuilder list(String description, String field, List<String> initial, Consumer<List<String>> set,
            String... names) {
        return add(OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class), description, field,
                initial, set);
    }

    /** Anything else (defaults, fallbacks, arity, labels): the caller sets it on {@code option}. */
    @SuppressWarnings("unchecked")
    public <T> SpecBuilder add(OptionSpec.Builder option, String description, String field, T initial,
            Consumer<T> set) {
        Binding<T> binding = new Binding<>(initial, set);
        if (option.paramLabel() == null || option.paramLabel().isEmpty()) {
            option.paramLabel("<" + field + ">");
        }
        spec.addOption(option.description(description).initialValue(initial).hasInitialValue(true)
                .getter(binding).setter(binding).build());
        return this;
    }

    /** A positional parameter at {@code index} ("0", "1..*"). */
    public <T> SpecBuilder positional(PositionalParamSpec.Builder parameter, T initial, Consumer<T> set) {
        Binding<T> binding = new Binding<>(initial, set);
        spec.addPositional(parameter.initialValue(initial).hasInitialValue(true).getter(binding).setter(binding).build());
        return this;
    }

    public CommandSpec build() {
        return spec;
    }

    /** Holds the value for picocli and hands every value it sets to the command's field. */
    private static final class Binding<T> implements IGetter, ISetter {
        private T value;
        private final Consumer<T> sink;

        Binding(T initial, Consumer<T> sink) {
            this.value = initial;
            this.sink = sink;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V newValue) {
            T old = value;
            value = (T) newValue;
            sink.accept(value);
            return (V) old;
        }
    }
}
