// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A parsed {@code cairn.yml}. Reading checks the whole file's structure (YAML syntax, duplicate and
 * unknown keys, every environment non-empty) and reads the {@code .env} file beside it; choosing an
 * environment then replaces {@code ${VAR}} in that environment and the top-level sections only, so a
 * variable that only another environment uses need not be set.
 *
 * <p>Every error is a {@link ConfigurationException} whose message starts with the file and line and
 * says what to change. No message, and no log line, contains a password.
 */
public final class ConfigFile {

    /** The variable that chooses the environment when none is named. */
    public static final String ENVIRONMENT_VARIABLE = "CAIRN_ENV";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFile.class);

    private final SourceFile source;
    private final Variables variables;
    private final YamlMap top;
    private final YamlMap environments;

    private ConfigFile(SourceFile source, Variables variables, YamlMap top, YamlMap environments) {
        this.source = source;
        this.variables = variables;
        this.top = top;
        this.environments = environments;
    }

    /**
     * Reads and checks {@code file}, and the {@code .env} file beside it if there is one.
     *
     * @param file the configuration file; messages name it as given here
     * @param variables the variables for {@code ${VAR}} and {@code CAIRN_ENV} (in production, the process
     *     environment); they win over {@code .env}
     * @throws ConfigurationException if the file does not exist, is not UTF-8, is not valid YAML, has a
     *     duplicate or unknown key, has no environment or an empty one, or {@code .env} is malformed
     */
    public static ConfigFile read(Path file, Map<String, String> variables) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(variables, "variables");
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new ConfigurationException(absolute + " does not exist. Create it (`cairn init` writes one), or"
                    + " name your file (Cairn.Builder.configFile; in the cairn tool, -c/--config).");
        }
        if (Files.isDirectory(absolute)) {
            throw new ConfigurationException(
                    absolute + " is a directory. Name the cairn.yml file itself (Cairn.Builder.configFile; in the"
                            + " cairn tool, -c/--config).");
        }
        SourceFile source = new SourceFile(file.toString(), absolute);
        LOG.debug("Reading {}", absolute);
        Node root = YamlDocument.parse(TextFiles.readUtf8(absolute, source.label()), source);
        if (root == null) {
            throw source.error(
                    1,
                    "the file is empty. It needs environments:, such as environments: " + Keys.ENVIRONMENTS.example()
                            + "; `cairn init` writes a complete one.");
        }
        YamlMap top = YamlMap.read(root, "", 1, Keys.TOP, source);
        YamlMap environments = top.section("environments")
                .orElseThrow(() -> source.error(
                        1,
                        "environments: is missing. Add it with at least one environment, such as environments: "
                                + Keys.ENVIRONMENTS.example() + "."));
        if (environments.isEmpty()) {
            throw source.error(
                    environments.line(),
                    "environments: is empty. Add at least one environment, such as environments: "
                            + Keys.ENVIRONMENTS.example() + ".");
        }
        environments.sections().forEach((name, environment) -> {
            if (environment.isEmpty()) {
                throw source.error(
                        environment.line(),
                        "environment '" + name + "' is empty. Give it url: (such as"
                                + " url: jdbc:sqlite:dev.sqlite3), or client: with database:.");
            }
        });
        Path dotEnvFile = absolute.resolveSibling(".env");
        Map<String, String> dotEnv = DotEnv.read(dotEnvFile, source.sibling(".env"));
        if (!dotEnv.isEmpty()) {
            // Names only: the values are secrets.
            LOG.debug("Read {} variables from {}", dotEnv.size(), dotEnvFile);
        }
        return new ConfigFile(source, new Variables(variables, dotEnv, dotEnvFile), top, environments);
    }

    /** The file, absolute and normalised. */
    public Path path() {
        return source.path();
    }

    /** The environment names, in the order the file lists them. */
    public List<String> environmentNames() {
        return List.copyOf(environments.sections().keySet());
    }

    /**
     * Resolves one environment: {@code name} if not null, else the variable {@code CAIRN_ENV} (from the
     * variables or {@code .env}; empty counts as unset), else {@code defaultName}.
     *
     * @throws ConfigurationException if the environment is not in the file (listing those that are), a
     *     variable it uses is unset, or a value is invalid, with its line
     */
    public EnvironmentConfig environment(String name, String defaultName) {
        String chosen = name != null
                ? name
                : variables
                        .get(ENVIRONMENT_VARIABLE)
                        .filter(value -> !value.isEmpty())
                        .orElse(defaultName);
        YamlMap environment = Optional.ofNullable(environments.sections().get(chosen))
                .orElseThrow(() -> new ConfigurationException("Environment '" + chosen + "' is not in "
                        + source.path() + "; it has: " + String.join(", ", environmentNames())
                        + ". Choose one with " + ENVIRONMENT_VARIABLE + " (or Cairn.Builder.environment; in the"
                        + " cairn tool, -e/--env)."));
        EnvironmentConfig resolved = EnvironmentResolver.resolve(chosen, environment, top, variables, source);
        // EnvironmentConfig.toString() masks the password and redacts the URL.
        LOG.debug("Resolved {}", resolved);
        return resolved;
    }
}
