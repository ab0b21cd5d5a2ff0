// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

// Skipped, with a banner, where no server answers; with CI=true that fails instead.
return SampleDatabases.postgresSelected("postgres")
