// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * The commands and their options declared in code, with picocli's programmatic API, rather than with
 * its annotations. Reading annotations makes the JVM generate a proxy class for each annotation type,
 * and picocli then reaches every field through reflection, whose method handles are generated too;
 * no start-up cache holds generated classes, so on every run that was about 45 of the 60 ms that
 * building the status command took (bench/README.md). What is built here is plain objects and lambdas,
 * which the cache holds. The usage help, the man pages and the completion script come from the same model as before.
 */
final class Specs {

    private Specs() {}

    /** A command of the command line: it declares itself, and runs with the exit code as its result. */
    interface Declared extends Callable<Integer> {

        /** The spec of this command, its options bound to this instance. */
        CommandSpec spec();
    }

    /**
     * A command named {@code name}, run by {@code command} (its result the exit code), described by
     * {@code description} (one paragraph each); its options come next, and {@link Main} adds the help
     * options after them.
     */
    static CommandSpec command(Callable<Integer> command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /**
     * An option of type {@code type} with a value, read and written through {@code get} and {@code set};
     * picocli puts back the value it has now (its initial value) before each parse, as it does with an
     * annotated field's.
     */
    static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
        Binding<T> binding = new Binding<>(get, set);
        return OptionSpec.builder(names)
                .type(type)
                .getter(binding)
                .setter(binding)
                .initialValue(get.get());
    }

    /** An option without a value: {@code set} is given true when it is on the command line. */
    static OptionSpec.Builder flag(Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
        return option(boolean.class, get, set, names);
    }

    /**
     * Positional parameters, as many as {@code arity} says (such as {@code 0..*}; required when it asks
     * for at least one), of {@code elementType}, kept in the list that {@code get} and {@code set} read
     * and write.
     */
    static <E> PositionalParamSpec.Builder parameters(
            Class<E> elementType, String arity, Supplier<List<E>> get, Consumer<List<E>> set) {
        Binding<List<E>> binding = new Binding<>(get, set);
        return PositionalParamSpec.builder()
                .type(List.class)
                .auxiliaryTypes(elementType)
                .arity(arity)
                .required(Range.valueOf(arity).min() > 0)
                .getter(binding)
                .setter(binding)
                .initialValue(get.get());
    }

    /** One positional parameter of {@code type}, required. */
    static <T> PositionalParamSpec.Builder parameter(Class<T> type, Supplier<T> get, Consumer<T> set) {
        Binding<T> binding = new Binding<>(get, set);
        return PositionalParamSpec.builder()
                .type(type)
                .required(true)
                .getter(binding)
                .setter(binding)
                .initialValue(get.get());
    }

    /**
     * Adds {@code -h, --help} and {@code -V, --version} to {@code spec}, as picocli's standard help
     * options would (whose mixin is an annotated class).
     */
    static CommandSpec addHelpOptions(CommandSpec spec) {
        return spec.addOption(OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help message and exit.")
                        .build())
                .addOption(OptionSpec.builder("-V", "--version")
                        .versionHelp(true)
                        .description("Print version information and exit.")
                        .build());
    }

    /**
     * An option's place in a command: picocli's getter and setter, whose generic methods no lambda can
     * implement.
     */
    private static final class Binding<T> implements IGetter, ISetter {

        private final Supplier<T> get;
        private final Consumer<T> set;

        Binding(Supplier<T> get, Consumer<T> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked") // picocli asks for the type the option was declared with
        public <V> V get() {
            return (V) get.get();
        }

        @Override
        @SuppressWarnings("unchecked") // picocli gives a value of the type the option was declared with
        public <V> V set(V value) {
            V previous = get();
            set.accept((T) value);
            return previous;
        }
    }
}
