// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/** Which section of a migration runs: {@code up} applies it, {@code down} undoes it. */
public enum Direction {
    /** Applies the migration ({@code -- migrate:up}). */
    UP,
    /** Undoes the migration ({@code -- migrate:down}). */
    DOWN;

    /** The lower-case name used in files and output: {@code up} or {@code down}. */
    public String label() {
        return this == UP ? "up" : "down";
    }
}
