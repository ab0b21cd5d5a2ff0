// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How one entry of {@code migrations.locations} is read. */
class LocationTest {

    private static final Path BASE = Path.of("/srv/app");

    @Test
    void filesystemPrefixAndBarePathAreTheSameDirectory() {
        assertThat(Location.parse("filesystem:database/migrations", BASE))
                .isEqualTo(new Location.Directory(Path.of("/srv/app/database/migrations")));
        assertThat(Location.parse("database/migrations", BASE))
                .isEqualTo(new Location.Directory(Path.of("/srv/app/database/migrations")));
    }

    @Test
    void relativePathsResolveAgainstTheBaseAndAreNormalised() {
        assertThat(Location.parse("filesystem:./db/../sql/migrations/", BASE))
                .isEqualTo(new Location.Directory(Path.of("/srv/app/sql/migrations")));
        assertThat(Location.parse("../shared/migrations", BASE))
                .isEqualTo(new Location.Directory(Path.of("/srv/shared/migrations")));
    }

    @Test
    void absolutePathsStayAsWritten() {
        assertThat(Location.parse("filesystem:/opt/migrations", BASE))
                .isEqualTo(new Location.Directory(Path.of("/opt/migrations")));
        assertThat(Location.parse("/opt/migrations", BASE))
                .isEqualTo(new Location.Directory(Path.of("/opt/migrations")));
    }

    @Test
    void spacesAroundTheLocationAndAfterThePrefixAreIgnored() {
        assertThat(Location.parse("  filesystem: db/migrations  ", BASE))
                .isEqualTo(new Location.Directory(Path.of("/srv/app/db/migrations")));
        assertThat(Location.parse(" classpath: db/migrations ", BASE))
                .isEqualTo(new Location.Classpath("db/migrations"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "classpath:db/migrations",
                "classpath:/db/migrations",
                "classpath:db/migrations/",
                "classpath:///db/migrations//"
            })
    void classpathLocationsLoseTheirLeadingAndTrailingSlashes(String text) {
        Location location = Location.parse(text, BASE);

        assertThat(location).isEqualTo(new Location.Classpath("db/migrations"));
        assertThat(location).hasToString("classpath:db/migrations");
    }

    @Test
    void theClasspathRootIsTheEmptyPackage() {
        assertThat(Location.parse("classpath:", BASE)).isEqualTo(new Location.Classpath(""));
        assertThat(Location.parse("classpath:/", BASE)).isEqualTo(new Location.Classpath(""));
    }

    @Test
    void aDirectoryPrintsAsAFilesystemLocation() {
        assertThat(Location.parse("db/migrations", BASE)).hasToString("filesystem:/srv/app/db/migrations");
    }

    @Test
    void aPackageWrittenWithBackslashesOrEmptySegmentsIsRefused() {
        assertThatThrownBy(() -> Location.parse("classpath:db\\migrations", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'classpath:db\\migrations' is not a package path; write it with '/', such as"
                        + " classpath:db/migrations");
        assertThatThrownBy(() -> Location.parse("classpath:db//migrations", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'classpath:db//migrations' is not a package path; write it with '/', such as"
                        + " classpath:db/migrations");
    }

    @Test
    void anS3LocationIsRefusedNamingItsPrefix() {
        // The prefix users most often try; it has a digit in it.
        assertThatThrownBy(() -> Location.parse("s3:bucket/migrations", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'s3:bucket/migrations' has the prefix s3:, which Cairn does not read; use"
                        + " filesystem:PATH or classpath:PACKAGE");
    }

    @Test
    void anUnknownPrefixIsRefusedNamingIt() {
        assertThatThrownBy(() -> Location.parse("GCS:bucket", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'GCS:bucket' has the prefix gcs:, which Cairn does not read; use"
                        + " filesystem:PATH or classpath:PACKAGE");
    }

    @Test
    void aWindowsDriveLetterIsAPathNotAPrefix() {
        assertThat(Location.parse("C:migrations", BASE)).isInstanceOf(Location.Directory.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "filesystem:", "filesystem:   "})
    void anEmptyLocationIsRefused(String text) {
        assertThatThrownBy(() -> Location.parse(text, BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an empty location; use filesystem:PATH or classpath:PACKAGE");
    }

    @Test
    void locationsAreEqualByWhatTheyName() {
        Location directory = Location.parse("database/migrations", BASE);
        Location classpath = Location.parse("classpath:db/migrations", BASE);
        assertThat(Location.parse("filesystem:./database/migrations", BASE))
                .isEqualTo(directory)
                .hasSameHashCodeAs(directory);
        assertThat(Location.parse("classpath:/db/migrations", BASE))
                .isEqualTo(classpath)
                .hasSameHashCodeAs(classpath);
        assertThat(directory)
                .isNotEqualTo(Location.parse("database/seeds", BASE))
                .isNotEqualTo(new Location.Classpath("srv/app/database/migrations"));
        assertThat(classpath)
                .isNotEqualTo(Location.parse("classpath:db/seeds", BASE))
                .isNotEqualTo(null);
        // Kept without repeats, in their order.
        assertThat(new MigrationSources(
                                List.of(directory, classpath, Location.parse("database/migrations", BASE)),
                                LocationTest.class.getClassLoader(),
                                List.of())
                        .locations())
                .containsExactly(directory, classpath);
    }
}
