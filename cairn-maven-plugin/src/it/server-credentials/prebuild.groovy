// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

// An H2 database whose only user is app with the password that settings.xml holds encrypted: any other
// password, or the encrypted text itself, is refused.
SampleDatabases.execute("jdbc:h2:" + new File(basedir, "app"), "app", "h2-S3cret-pw", "SELECT 1")
return true
