// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Builds a {@link SchemaSnapshot} with the path and attribute conventions every {@link SchemaReader}
 * follows, so that readers stay small and snapshots of different dialects read alike.
 *
 * <p>Paths (names in lower case, as the database folds unquoted names; quoted mixed-case names kept)
 * and their attributes. An attribute with no value, or with the usual one where that is said, is left
 * out, so that a plain schema reads short; each reader's javadoc says what its database adds.
 * <ul>
 *   <li>{@code table T} — {@code column order} (the column names in position order, joined
 *       {@code , }: compared, and called harmless by {@link Comparison} when a re-added column came
 *       back last); PostgreSQL also {@code row level security}, {@code unlogged}, {@code partition by},
 *       {@code partition of}; MySQL {@code engine}, {@code collation} when not the database's; SQLite
 *       {@code definition} (its whole {@code CREATE TABLE} text, which SQLite keeps instead of a catalog)
 *   <li>{@code table T / column C} — {@code type} (the database's type name
 *       with length/precision/scale, lower case, e.g. {@code varchar(255)}, {@code numeric(10,2)}; an
 *       enum column's values as written, e.g. {@code enum('a','b')}), {@code nullable} ({@code yes}/{@code no}),
 *       {@code default} (the expression as the database reports it), {@code identity}, {@code generated}
 *       (the expression) with {@code storage}, {@code collation} when not the default, {@code on update}
 *   <li>{@code table T / primary key} — {@code columns} (comma-separated, in key order)
 *   <li>{@code table T / unique U} — {@code columns}
 *   <li>{@code table T / foreign key F} — {@code columns}, {@code references} ({@code table(col, …)}),
 *       {@code on delete}, {@code on update} (lower case: {@code no action}, {@code cascade}, …)
 *   <li>keys and foreign keys that can be deferred — {@code deferrable} ({@code initially immediate}
 *       or {@code initially deferred}; absent when not deferrable)
 *   <li>{@code table T / check K} — {@code expression}; {@code table T / exclude X} — {@code definition}
 *   <li>{@code table T / index I} (and {@code materialized view V / index I}) — {@code columns} (with
 *       {@code desc} after a descending one, an operator class after its column, an expression as
 *       text), {@code unique} ({@code yes}/{@code no}), {@code where} (a partial index's predicate),
 *       {@code method} (absent for btree), {@code include} (PostgreSQL's {@code INCLUDE} columns).
 *       Indexes that only back a primary key or unique constraint are left out (the constraint shows them).
 *   <li>{@code table T / policy P} — PostgreSQL's row-level security policies
 *   <li>{@code view V}, {@code materialized view V} — {@code definition} (normalised: whitespace
 *       collapsed, trailing {@code ;} dropped)
 *   <li>{@code sequence S} — {@code start}, {@code increment}, {@code min}, {@code max}, {@code cycle},
 *       {@code type}, {@code owned by} ({@code table.column})
 *   <li>{@code trigger G} — {@code table}, {@code timing} ({@code before}/{@code after}/{@code instead
 *       of}), {@code events} (joined {@code  or }, {@code update of a, b}), {@code level}
 *       ({@code row}/{@code statement}), {@code when}, and what it runs: {@code function} (PostgreSQL),
 *       {@code body} (MySQL, SQLite), {@code class} (H2)
 *   <li>{@code routine R(args)} — {@code kind} ({@code function}/{@code procedure}/…), {@code returns},
 *       {@code language}, {@code body} (normalised), and where the database has them
 *       {@code volatility}, {@code deterministic}, {@code strict}, {@code security}, {@code set}
 *   <li>{@code type T} — {@code kind} ({@code enum}, {@code composite}, {@code domain}, {@code range}),
 *       {@code values} (an enum's labels in order, each quoted), {@code attributes}, a domain's
 *       {@code base type}, {@code nullable}, {@code default} and {@code check}
 *   <li>{@code extension E} — {@code schema}, {@code version} (PostgreSQL)
 * </ul>
 * Constraint and index names that the database generates (such as SQLite's
 * {@code sqlite_autoindex_…}) are replaced by a name made from the table and columns, so that a
 * down that recreates the same constraint compares equal.
 */
public final class Snapshots {

    private final SortedMap<String, SortedMap<String, String>> objects = new TreeMap<>();

    /** Adds (or returns) the object at {@code path}, whose attributes the caller then sets. */
    public SortedMap<String, String> object(String path) {
        return objects.computeIfAbsent(path, p -> new TreeMap<>());
    }

    /** Sets {@code attribute} of the object at {@code path}; a null value is left out. */
    public Snapshots put(String path, String attribute, String value) {
        SortedMap<String, String> object = object(path);
        if (value != null) {
            object.put(attribute, value);
        }
        return this;
    }

    /** Adds every object and attribute of {@code other}, a builder of other kinds of objects (or attributes). */
    public Snapshots putAll(Snapshots other) {
        other.objects.forEach((path, attributes) -> object(path).putAll(attributes));
        return this;
    }

    /** Removes table {@code table} and every {@code table T / …} object of it. */
    public Snapshots removeTable(String table) {
        String path = table(table);
        objects.remove(path);
        objects.subMap(path + " / ", path + " /\uffff").clear();
        return this;
    }

    /** The snapshot. */
    public SchemaSnapshot build() {
        return new SchemaSnapshot(objects);
    }

    /** {@code table T}. */
    public static String table(String table) {
        return "table " + name(table);
    }

    /** {@code table T / KIND NAME}, e.g. {@code table users / column email}. */
    public static String part(String table, String kind, String name) {
        return table(table) + " / " + kind + (name == null ? "" : " " + name(name));
    }

    /** A name as snapshots write it: lower case, unless the database kept a mixed-case quoted name. */
    public static String name(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }

    /**
     * A short, stable hash of {@code text} (8 hex digits of its CRC-32), for naming a constraint that
     * the database named itself after what it checks, so a recreated one compares equal.
     */
    public static String hash(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** SQL text with whitespace runs collapsed to one space and a trailing {@code ;} dropped. */
    public static String normalised(String sql) {
        if (sql == null) {
            return null;
        }
        String collapsed = sql.strip().replaceAll("\\s+", " ");
        return collapsed.endsWith(";")
                ? collapsed.substring(0, collapsed.length() - 1).strip()
                : collapsed;
    }
}
