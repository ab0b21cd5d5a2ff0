// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One change Cairn can make, named as on the command line: {@code migrate}, {@code migrate --to V},
 * {@code up}, {@code down}, {@code rollback}, {@code rollback --all}, {@code rollback --to V},
 * {@code rollback --to-batch N}. Made by the static methods; pass one to {@link Cairn#plan(Operation)}
 * to see what it would do without changing anything.
 *
 * @param kind what kind of change this is
 * @param version the version this change stops at, for {@code migrate --to} and {@code rollback --to}
 * @param batch the batch number this change stops at, for {@code rollback --to-batch}
 * @param allowsOutOfOrder whether pending migrations older than the newest applied one may be applied
 *     ({@code --allow-out-of-order})
 * @param undoesBaseline whether a rollback may undo migrations that {@code cairn baseline} recorded
 *     ({@code --into-baseline})
 */
public record Operation(
        Kind kind, Optional<String> version, OptionalInt batch, boolean allowsOutOfOrder, boolean undoesBaseline) {

    /** The kinds of change. */
    public enum Kind {
        /** Apply every pending migration, or those up to a version, as one new batch. */
        MIGRATE,
        /** Apply the next pending migration as a batch of its own. */
        UP,
        /** Undo the newest applied migration. */
        DOWN,
        /** Undo the newest batch. */
        ROLLBACK,
        /** Undo every applied migration. */
        ROLLBACK_ALL,
        /** Undo every migration applied after a version; that version stays applied. */
        ROLLBACK_TO,
        /** Undo every batch newer than a batch number. */
        ROLLBACK_TO_BATCH
    }

    /**
     * Creates the operation; the static methods are the usual way.
     *
     * @throws IllegalArgumentException if the version, batch or out-of-order flag does not fit the kind
     */
    public Operation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(batch, "batch");
        if (kind == Kind.ROLLBACK_TO && version.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs a version");
        }
        if (kind != Kind.ROLLBACK_TO && kind != Kind.MIGRATE && version.isPresent()) {
            throw new IllegalArgumentException(kind + " takes no version");
        }
        if (batch.isPresent() != (kind == Kind.ROLLBACK_TO_BATCH)) {
            throw new IllegalArgumentException(kind + (batch.isPresent() ? " takes no batch" : " needs a batch"));
        }
        if (allowsOutOfOrder && kind != Kind.MIGRATE && kind != Kind.UP) {
            throw new IllegalArgumentException("Only migrate and up apply migrations, not " + kind);
        }
        if (undoesBaseline && (kind == Kind.MIGRATE || kind == Kind.UP)) {
            throw new IllegalArgumentException("Only a rollback undoes migrations, not " + kind);
        }
    }

    /** The operation, not into a baseline (see {@link #intoBaseline()}). */
    public Operation(Kind kind, Optional<String> version, OptionalInt batch, boolean allowsOutOfOrder) {
        this(kind, version, batch, allowsOutOfOrder, false);
    }

    /** Every pending migration, as one new batch. */
    public static Operation migrate() {
        return of(Kind.MIGRATE);
    }

    /**
     * The pending migrations up to and including {@code target}, as one new batch.
     *
     * @param target a version or a full migration name that exists in the migrations directory
     * @throws ConfigurationException if {@code target} is empty
     */
    public static Operation migrateTo(String target) {
        return new Operation(Kind.MIGRATE, Optional.of(requireText(target, "target")), OptionalInt.empty(), false);
    }

    /** The next pending migration, as a batch of its own. */
    public static Operation up() {
        return of(Kind.UP);
    }

    /** Undo the newest applied migration. */
    public static Operation down() {
        return of(Kind.DOWN);
    }

    /** Undo the newest batch, newest migration first. */
    public static Operation rollback() {
        return of(Kind.ROLLBACK);
    }

    /** Undo every applied migration, newest first. */
    public static Operation rollbackAll() {
        return of(Kind.ROLLBACK_ALL);
    }

    /**
     * Undo every migration applied after {@code version}; {@code version} itself stays applied.
     *
     * @param version a version or full migration name that is applied
     * @throws ConfigurationException if {@code version} is empty
     */
    public static Operation rollbackTo(String version) {
        return new Operation(
                Kind.ROLLBACK_TO, Optional.of(requireText(version, "version")), OptionalInt.empty(), false);
    }

    /**
     * Undo every batch newer than {@code batch}; {@code 0} undoes everything.
     *
     * @param batch a batch number, at least 0
     * @throws ConfigurationException if {@code batch} is negative
     */
    public static Operation rollbackToBatch(int batch) {
        if (batch < 0) {
            throw new ConfigurationException("The batch to roll back to must be 0 or more, not " + batch + ".");
        }
        return new Operation(Kind.ROLLBACK_TO_BATCH, Optional.empty(), OptionalInt.of(batch), false);
    }

    /**
     * This migrate or up, also applying pending migrations older than the newest applied one (as
     * merged from another branch), which are refused otherwise ({@code --allow-out-of-order}).
     *
     * @throws IllegalStateException if this operation is a rollback
     */
    public Operation allowingOutOfOrder() {
        if (direction() != Direction.UP) {
            throw new IllegalStateException("Only migrate and up apply migrations: " + this);
        }
        return new Operation(kind, version, batch, true, false);
    }

    /**
     * This rollback or down, also undoing migrations that {@code cairn baseline} recorded without running
     * them ({@code --into-baseline}), which are refused otherwise: their downs were never run, so never
     * proven, on this database.
     *
     * @throws IllegalStateException if this operation applies migrations
     */
    public Operation intoBaseline() {
        if (direction() != Direction.DOWN) {
            throw new IllegalStateException("Only a rollback undoes migrations: " + this);
        }
        return new Operation(kind, version, batch, false, true);
    }

    /** Whether this change applies migrations (up) or undoes them (down). */
    public Direction direction() {
        return kind == Kind.MIGRATE || kind == Kind.UP ? Direction.UP : Direction.DOWN;
    }

    /** The command line that asks for this change, such as {@code rollback --to 20261124153000}. */
    @Override
    public String toString() {
        String command = switch (kind) {
            case MIGRATE -> version.map(v -> "migrate --to " + v).orElse("migrate");
            case UP -> "up";
            case DOWN -> "down";
            case ROLLBACK -> "rollback";
            case ROLLBACK_ALL -> "rollback --all";
            case ROLLBACK_TO -> "rollback --to " + version.orElseThrow();
            case ROLLBACK_TO_BATCH -> "rollback --to-batch " + batch.getAsInt();
        };
        return command + (allowsOutOfOrder ? " --allow-out-of-order" : "") + (undoesBaseline ? " --into-baseline" : "");
    }

    private static Operation of(Kind kind) {
        return new Operation(kind, Optional.empty(), OptionalInt.empty(), false);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("The " + what + " must not be empty.");
        }
        return value.trim();
    }
}
