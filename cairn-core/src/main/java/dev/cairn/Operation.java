// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One change Cairn can make, named as on the command line: {@code migrate}, {@code migrate --to V},
 * {@code up}, {@code down}, {@code rollback}, {@code rollback --all}, {@code rollback --to V},
 * {@code rollback --to-batch N}. Pass one to {@link Cairn#plan(Operation)} to see what it would do
 * without changing anything.
 */
public final class Operation {

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

    private final Kind kind;
    private final String version;
    private final int batch;
    private final boolean outOfOrder;

    private Operation(Kind kind, String version, int batch) {
        this(kind, version, batch, false);
    }

    private Operation(Kind kind, String version, int batch, boolean outOfOrder) {
        this.kind = kind;
        this.version = version;
        this.batch = batch;
        this.outOfOrder = outOfOrder;
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
        return new Operation(kind, version, batch, true);
    }

    /** Whether pending migrations older than the newest applied one may be applied. */
    public boolean allowsOutOfOrder() {
        return outOfOrder;
    }

    /** Every pending migration, as one new batch. */
    public static Operation migrate() {
        return new Operation(Kind.MIGRATE, null, -1);
    }

    /**
     * The pending migrations up to and including {@code target}, as one new batch.
     *
     * @param target a version or a full migration name that exists in the migrations directory
     */
    public static Operation migrateTo(String target) {
        return new Operation(Kind.MIGRATE, requireText(target, "target"), -1);
    }

    /** The next pending migration, as a batch of its own. */
    public static Operation up() {
        return new Operation(Kind.UP, null, -1);
    }

    /** Undo the newest applied migration. */
    public static Operation down() {
        return new Operation(Kind.DOWN, null, -1);
    }

    /** Undo the newest batch, newest migration first. */
    public static Operation rollback() {
        return new Operation(Kind.ROLLBACK, null, -1);
    }

    /** Undo every applied migration, newest first. */
    public static Operation rollbackAll() {
        return new Operation(Kind.ROLLBACK_ALL, null, -1);
    }

    /**
     * Undo every migration applied after {@code version}; {@code version} itself stays applied.
     *
     * @param version a version or full migration name that is applied
     */
    public static Operation rollbackTo(String version) {
        return new Operation(Kind.ROLLBACK_TO, requireText(version, "version"), -1);
    }

    /**
     * Undo every batch newer than {@code batch}; {@code 0} undoes everything.
     *
     * @param batch a batch number, at least 0
     */
    public static Operation rollbackToBatch(int batch) {
        if (batch < 0) {
            throw new ConfigurationException("The batch to roll back to must be 0 or more, not " + batch + ".");
        }
        return new Operation(Kind.ROLLBACK_TO_BATCH, null, batch);
    }

    /** What kind of change this is. */
    public Kind kind() {
        return kind;
    }

    /** The version this change stops at, for {@code migrate --to} and {@code rollback --to}. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** The batch number this change stops at, for {@code rollback --to-batch}. */
    public OptionalInt batch() {
        return batch >= 0 ? OptionalInt.of(batch) : OptionalInt.empty();
    }

    /** Whether this change applies migrations (up) or undoes them (down). */
    public Direction direction() {
        return kind == Kind.MIGRATE || kind == Kind.UP ? Direction.UP : Direction.DOWN;
    }

    /** The command line that asks for this change, such as {@code rollback --to 20261124153000}. */
    @Override
    public String toString() {
        return outOfOrder ? label() + " --allow-out-of-order" : label();
    }

    private String label() {
        switch (kind) {
            case MIGRATE:
                return version == null ? "migrate" : "migrate --to " + version;
            case UP:
                return "up";
            case DOWN:
                return "down";
            case ROLLBACK:
                return "rollback";
            case ROLLBACK_ALL:
                return "rollback --all";
            case ROLLBACK_TO:
                return "rollback --to " + version;
            case ROLLBACK_TO_BATCH:
                return "rollback --to-batch " + batch;
            default:
                throw new AssertionError(kind);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Operation
                && ((Operation) other).kind == kind
                && Objects.equals(((Operation) other).version, version)
                && ((Operation) other).batch == batch
                && ((Operation) other).outOfOrder == outOfOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, version, batch, outOfOrder);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("The " + what + " must not be empty.");
        }
        return value.trim();
    }
}
