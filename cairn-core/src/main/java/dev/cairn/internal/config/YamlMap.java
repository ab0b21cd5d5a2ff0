// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of {@code cairn.yml}, checked against its {@link Keys}: no unknown key, no duplicate,
 * no custom tag, plain values where values belong and mappings where sections belong. Values are
 * kept as written, with their lines, because {@code ${VAR}} is replaced only in the environment that
 * is used.
 *
 * <p>A value written as null ({@code key:}, {@code ~}, {@code null}) counts as not given; an empty
 * or null section counts as an empty mapping. YAML merge keys ({@code <<: *defaults}) are honoured:
 * keys written in the mapping win over merged ones, and earlier merged mappings over later ones.
 */
final class YamlMap {

    private final String path;
    private final int line;
    private final Map<String, Scalar> values = new LinkedHashMap<>();
    private final Map<String, YamlMap> sections = new LinkedHashMap<>();
    private final Map<String, List<Scalar>> lists = new LinkedHashMap<>();

    private YamlMap(String path, int line) {
        this.path = path;
        this.line = line;
    }

    /** An empty mapping, for a section that the file leaves out. */
    static YamlMap empty(String path, int line) {
        return new YamlMap(path, line);
    }

    /**
     * Reads {@code node} as a mapping of shape {@code keys}, and its sections recursively.
     *
     * @param path where the mapping is, such as {@code environments.staging}; empty for the top level
     * @param line the line to report for the mapping as a whole (its key's line)
     * @throws ConfigurationException for the first thing that does not fit, with its line
     */
    static YamlMap read(Node node, String path, int line, Keys keys, SourceFile source) {
        YamlMap map = new YamlMap(path, line);
        if (node == null || isNull(node)) {
            return map;
        }
        if (!(node instanceof MappingNode mapping)) {
            String name = path.isEmpty() ? "The file" : path;
            String example = path.isEmpty() ? keys.example() : lastPart(path) + ": " + keys.example();
            throw source.error(
                    YamlDocument.line(node),
                    name + " must be a mapping, such as " + example + ", not " + kind(node) + ".");
        }
        checkTag(mapping, source);
        Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Entry entry : entries(mapping, path, source, open)) {
            String childPath = path.isEmpty() ? entry.key : path + "." + entry.key;
            if (!keys.allows(entry.key)) {
                throw unknownKey(entry, path, keys, source);
            }
            Optional<Keys> section = keys.section(entry.key);
            if (keys.isChoice(entry.key) && entry.value instanceof SequenceNode) {
                map.lists.put(entry.key, list(entry.value, childPath, source));
            } else if (keys.isChoice(entry.key) && entry.value instanceof ScalarNode && !isNull(entry.value)) {
                checkTag(entry.value, source);
                map.values.put(
                        entry.key,
                        new Scalar(childPath, ((ScalarNode) entry.value).getValue(), YamlDocument.line(entry.value)));
            } else if (keys.isList(entry.key)) {
                if (!isNull(entry.value)) {
                    map.lists.put(entry.key, list(entry.value, childPath, source));
                }
            } else if (section.isPresent()) {
                map.sections.put(entry.key, read(entry.value, childPath, entry.line, section.get(), source));
            } else if (!isNull(entry.value)) {
                if (!(entry.value instanceof ScalarNode scalar)) {
                    throw source.error(
                            YamlDocument.line(entry.value),
                            childPath + " must be a single value, not " + kind(entry.value) + ".");
                }
                checkTag(scalar, source);
                map.values.put(entry.key, new Scalar(childPath, scalar.getValue(), YamlDocument.line(scalar)));
            }
        }
        return map;
    }

    /** Where this mapping is, such as {@code environments.staging}; empty at the top level. */
    String path() {
        return path;
    }

    /** The line of this mapping's key (1 for the top level). */
    int line() {
        return line;
    }

    /** Whether the mapping has no key at all (a null value under a key counts as absent). */
    boolean isEmpty() {
        return values.isEmpty() && sections.isEmpty() && lists.isEmpty();
    }

    /** The plain value of {@code key}, as written, if given. */
    Optional<Scalar> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The plain values, by key, in file order. */
    Map<String, Scalar> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The values of the list {@code key}, as written, if given (a single value is a list of one). */
    Optional<List<Scalar>> list(String key) {
        return Optional.ofNullable(lists.get(key));
    }

    private static List<Scalar> list(Node node, String path, SourceFile source) {
        if (node instanceof ScalarNode scalar) {
            checkTag(scalar, source);
            return List.of(new Scalar(path, scalar.getValue(), YamlDocument.line(scalar)));
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw source.error(
                    YamlDocument.line(node), path + " must be a list, such as [ a, b ], not " + kind(node) + ".");
        }
        List<Scalar> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || isNull(item)) {
                throw source.error(
                        YamlDocument.line(item),
                        path + "[" + items.size() + "] must be a single value, not "
                                + (isNull(item) ? "empty" : kind(item)) + ".");
            }
            checkTag(scalar, source);
            items.add(new Scalar(path + "[" + items.size() + "]", scalar.getValue(), YamlDocument.line(scalar)));
        }
        return List.copyOf(items);
    }

    /** The section {@code key}, if the file has it (possibly empty). */
    Optional<YamlMap> section(String key) {
        return Optional.ofNullable(sections.get(key));
    }

    /** The sections, in file order; for {@code environments:}, the environments. */
    Map<String, YamlMap> sections() {
        return Collections.unmodifiableMap(sections);
    }

    /** One key and value of a mapping, merged or written. */
    private record Entry(String key, int line, Node value) {}

    /** The entries of {@code mapping} with merge keys applied; {@code open} guards against merge loops. */
    private static List<Entry> entries(MappingNode mapping, String path, SourceFile source, Set<Node> open) {
        if (!open.add(mapping)) {
            throw source.error(
                    YamlDocument.line(mapping),
                    "a merge key (<<) refers to a mapping that contains it. Remove the loop.");
        }
        Map<String, Entry> written = new LinkedHashMap<>();
        List<Entry> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                for (MappingNode from : mergeSources(tuple.getValueNode(), source)) {
                    merged.addAll(entries(from, path, source, open));
                }
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)) {
                throw source.error(
                        YamlDocument.line(keyNode),
                        "a key must be a plain name, not " + kind(keyNode) + ". Write it as name: value.");
            }
            checkTag(key, source);
            Entry entry = new Entry(key.getValue(), YamlDocument.line(key), tuple.getValueNode());
            Entry first = written.putIfAbsent(entry.key, entry);
            if (first != null) {
                throw source.error(
                        entry.line,
                        "duplicate key '" + entry.key + "' in " + where(path) + " (first at line " + first.line
                                + "). Remove one of them.");
            }
        }
        open.remove(mapping);
        List<Entry> result = new ArrayList<>(written.values());
        Map<String, Entry> seen = new LinkedHashMap<>(written);
        for (Entry entry : merged) {
            if (seen.putIfAbsent(entry.key, entry) == null) {
                result.add(entry);
            }
        }
        return result;
    }

    private static List<MappingNode> mergeSources(Node value, SourceFile source) {
        if (value instanceof MappingNode mapping) {
            return List.of(mapping);
        }
        if (value instanceof SequenceNode sequence) {
            List<MappingNode> mappings = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof MappingNode mapping)) {
                    throw source.error(YamlDocument.line(item), mergeHint());
                }
                mappings.add(mapping);
            }
            return mappings;
        }
        throw source.error(YamlDocument.line(value), mergeHint());
    }

    private static String mergeHint() {
        return "a merge key (<<) takes a mapping or a list of mappings, such as <<: *defaults.";
    }

    private static ConfigurationException unknownKey(Entry entry, String path, Keys keys, SourceFile source) {
        StringBuilder message = new StringBuilder("unknown key '")
                .append(entry.key)
                .append("' in ")
                .append(where(path))
                .append('.');
        keys.suggest(entry.key)
                .ifPresent(key -> message.append(" Did you mean '").append(key).append("'?"));
        message.append(" Keys allowed here: ").append(keys.list()).append('.');
        return source.error(entry.line, message.toString());
    }

    private static void checkTag(Node node, SourceFile source) {
        if (!YamlDocument.hasPlainTag(node)) {
            throw source.error(
                    YamlDocument.line(node),
                    "the tag " + YamlDocument.tagText(node)
                            + " is not supported; cairn.yml holds plain values. Remove the tag.");
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a single value";
    }

    private static String where(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    private static String lastPart(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
