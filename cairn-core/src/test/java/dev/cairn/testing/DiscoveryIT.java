// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server discovery rules, driven through {@link ServerSpec} and an environment map: "no server"
 * is a closed port, "a server" is the one this run's PostgreSQL or MariaDB tests use, and the
 * embedded server is a stand-in that counts its starts. Nothing here stops or starts a real server.
 */
class DiscoveryIT {
    private static final String VARIABLE = PostgresBackend.URL_VARIABLE;

    private String closedUrl;
    private String closedMariaDbUrl;
    private final AtomicInteger embeddedStarts = new AtomicInteger();

    @BeforeEach
    void findAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        closedUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        closedMariaDbUrl = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
    }

    @Test
    void underCiAMissingServerFailsAndSaysHowToStartOne() {
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatWorks));

        assertThatThrownBy(() -> Discovery.discover(spec, Map.of("CI", "true")))
                .isInstanceOf(MissingServerException.class)
                .hasMessageContaining("PostgreSQL is required when CI=true")
                .hasMessageContaining(closedUrl.substring(0, closedUrl.indexOf('?')))
                .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect")
                .hasMessageContaining("or set CAIRN_TEST_POSTGRES_URL=jdbc:postgresql://");
        assertThat(embeddedStarts)
                .as("CI must not fall back to an embedded server")
                .hasValue(0);
    }

    @Test
    void outsideCiAMissingServerStartsTheEmbeddedOne() {
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatWorks));

        Discovery.Outcome outcome = Discovery.discover(spec, Map.of("CI", "false"));

        assertThat(outcome).isInstanceOf(Discovery.Found.class);
        assertThat(((Discovery.Found) outcome).description()).isEqualTo("stand-in embedded server");
        assertThat(embeddedStarts).hasValue(1);
    }

    @Test
    void outsideCiWithoutAnyServerTheEngineIsUnavailableWithReasonAndRemedy() {
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatFails));

        Discovery.Outcome outcome = Discovery.discover(spec, Map.of());

        assertThat(outcome).isInstanceOf(Discovery.Unavailable.class);
        Discovery.Unavailable unavailable = (Discovery.Unavailable) outcome;
        assertThat(unavailable.reason())
                .contains("no PostgreSQL answers at " + closedUrl.substring(0, closedUrl.indexOf('?')))
                .contains("embedded PostgreSQL could not start: no binaries for this platform");
        assertThat(unavailable.howToEnable())
                .contains("start PostgreSQL on 127.0.0.1:5432")
                .contains("CAIRN_TEST_POSTGRES_URL=");
        assertThat(embeddedStarts).hasValue(1);
    }

    @Test
    void anEngineWithoutAnEmbeddedServerIsUnavailableOutsideCi() {
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.empty());

        assertThat(Discovery.discover(spec, Map.of()))
                .isInstanceOf(Discovery.Unavailable.class)
                .extracting(o -> ((Discovery.Unavailable) o).reason())
                .asString()
                .contains("there is no embedded PostgreSQL");
    }

    @Test
    void aConfiguredServerThatCannotBeReachedFailsEvenOutsideCi() {
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatWorks));
        String configured = closedUrl + "&password=s3cret";

        assertThatThrownBy(() -> Discovery.discover(spec, Map.of(VARIABLE, configured)))
                .isInstanceOf(MissingServerException.class)
                .hasMessageContaining("CAIRN_TEST_POSTGRES_URL names a PostgreSQL server that cannot be reached")
                .hasMessageContaining("unset it")
                .message()
                .doesNotContain("s3cret");
        assertThat(embeddedStarts).hasValue(0);
    }

    @Test
    void aConfiguredUrlThatIsNotAJdbcUrlFailsNamingTheVariable() {
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.empty());

        assertThatThrownBy(() -> Discovery.discover(spec, Map.of(VARIABLE, "localhost:5432")))
                .isInstanceOf(MissingServerException.class)
                .hasMessageStartingWith("CAIRN_TEST_POSTGRES_URL is not usable");
    }

    @Test
    void aConfiguredServerIsUsedAndTheDefaultIsNotTried() {
        String live = liveServerUrl();
        ServerSpec spec = PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatWorks));

        Discovery.Outcome outcome = Discovery.discover(spec, Map.of(VARIABLE, live, "CI", "true"));

        Discovery.Found found = (Discovery.Found) outcome;
        assertThat(found.admin()).isEqualTo(ServerAddress.parse(live));
        assertThat(found.description()).startsWith("PostgreSQL ").endsWith("from CAIRN_TEST_POSTGRES_URL");
        assertThat(embeddedStarts).hasValue(0);
    }

    @Test
    void aReachableDefaultServerIsUsedUnderCi() {
        String live = liveServerUrl();
        ServerSpec spec = PostgresBackend.spec(live, Optional.of(this::embeddedThatWorks));

        Discovery.Found found = (Discovery.Found) Discovery.discover(spec, Map.of("CI", "true"));

        assertThat(found.admin()).isEqualTo(ServerAddress.parse(live));
        assertThat(found.description()).startsWith("PostgreSQL ");
        assertThat(embeddedStarts).hasValue(0);
    }

    @Test
    void theBackendDiscoversOnceAndRepeatsTheVerdictForEveryTest() {
        PostgresBackend skipping = new PostgresBackend(
                Engine.POSTGRESQL, PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatFails)), Map.of());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(skipping::create)
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessageStartingWith("PostgreSQL tests skipped: no PostgreSQL answers at");
        }
        assertThat(embeddedStarts)
                .as("the embedded server is tried once per JVM")
                .hasValue(1);

        PostgresBackend failing = new PostgresBackend(
                Engine.POSTGRESQL,
                PostgresBackend.spec(closedUrl, Optional.of(this::embeddedThatFails)),
                Map.of("CI", "true"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(failing::create).isInstanceOf(MissingServerException.class);
        }
        assertThat(failing.servedBy()).isEmpty();
        assertThat(skipping.open()).isEmpty();
    }

    @Test
    void mariaDbUnderCiWithoutAServerFailsAndSaysHowToStartOne() {
        ServerSpec spec = MariaDbBackend.spec(closedMariaDbUrl);

        assertThatThrownBy(() -> Discovery.discover(spec, Map.of("CI", "true")))
                .isInstanceOf(MissingServerException.class)
                .hasMessageContaining("MariaDB is required when CI=true, but no MariaDB answers at "
                        + closedMariaDbUrl.substring(0, closedMariaDbUrl.indexOf('?')) + " (user root)")
                .hasMessageContaining("To fix: start MariaDB or MySQL on 127.0.0.1:3306 with user root")
                .hasMessageContaining("start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd")
                .hasMessageContaining("or set CAIRN_TEST_MARIADB_URL=jdbc:mariadb://HOST:PORT/?user=USER");
    }

    @Test
    void mariaDbOutsideCiWithoutAServerIsSkippedWithTheHint() {
        ServerSpec spec = MariaDbBackend.spec(closedMariaDbUrl);

        Discovery.Unavailable unavailable = (Discovery.Unavailable) Discovery.discover(spec, Map.of("CI", "false"));

        assertThat(unavailable.reason())
                .startsWith("no MariaDB answers at " + closedMariaDbUrl.substring(0, closedMariaDbUrl.indexOf('?')))
                .endsWith("and there is no embedded MariaDB");
        assertThat(unavailable.howToEnable())
                .startsWith("start MariaDB or MySQL on 127.0.0.1:3306")
                .endsWith(", or set CAIRN_TEST_MARIADB_URL=jdbc:mariadb://HOST:PORT/?user=USER&password=PASSWORD");

        MariaDbBackend backend = new MariaDbBackend(Engine.MARIADB, spec, Map.of());
        assertThatThrownBy(backend::create)
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("MariaDB tests skipped: no MariaDB answers at")
                .hasMessageContaining("To run them: start MariaDB or MySQL");
    }

    @Test
    void aConfiguredMariaDbThatCannotBeReachedFailsEvenOutsideCiAndHidesThePassword() {
        ServerSpec spec = MariaDbBackend.spec(closedMariaDbUrl);
        String port = closedMariaDbUrl.replaceAll(".*:(\\d+)/.*", "$1");

        for (String configured :
                List.of(closedMariaDbUrl + "&password=s3cret", "jdbc:mariadb://root:s3cret@127.0.0.1:" + port + "/")) {
            assertThatThrownBy(() -> Discovery.discover(spec, Map.of(MariaDbBackend.URL_VARIABLE, configured)))
                    .isInstanceOf(MissingServerException.class)
                    .hasMessageStartingWith("CAIRN_TEST_MARIADB_URL names a MariaDB server that cannot be reached: "
                            + "jdbc:mariadb://127.0.0.1:" + port + "/ (user root)")
                    .hasMessageContaining("unset it to try " + closedMariaDbUrl)
                    .message()
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void aConfiguredMariaDbIsUsedAndTheDefaultIsNotTried() {
        String live = liveServerUrl(Engine.MARIADB);
        ServerSpec spec = MariaDbBackend.spec(closedMariaDbUrl);

        Discovery.Outcome outcome = Discovery.discover(spec, Map.of(MariaDbBackend.URL_VARIABLE, live, "CI", "true"));

        Discovery.Found found = (Discovery.Found) outcome;
        assertThat(found.admin()).isEqualTo(ServerAddress.parse(live));
        assertThat(found.description()).startsWith("MariaDB ").endsWith("from CAIRN_TEST_MARIADB_URL");
    }

    @Test
    void aMariaDbProbeGivesUpOnAPortThatTakesConnectionsButNeverAnswers() throws IOException {
        // The kernel completes the TCP handshake for a listening socket that nobody accepts on, so
        // the driver connects and then waits for a server greeting that never comes.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ServerSpec spec = MariaDbBackend.spec("jdbc:mariadb://127.0.0.1:" + silent.getLocalPort() + "/?user=root");
            long start = System.nanoTime();

            Discovery.Outcome outcome = Discovery.discover(spec, Map.of());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(outcome).isInstanceOf(Discovery.Unavailable.class);
        }
    }

    @Test
    void ciIsRecognisedAsCiServicesSetIt() {
        assertThat(Discovery.isCi(Map.of("CI", "true"))).isTrue();
        assertThat(Discovery.isCi(Map.of("CI", "TRUE"))).isTrue();
        assertThat(Discovery.isCi(Map.of("CI", "1"))).isTrue();
        assertThat(Discovery.isCi(Map.of("CI", "false"))).isFalse();
        assertThat(Discovery.isCi(Map.of("CI", ""))).isFalse();
        assertThat(Discovery.isCi(Map.of())).isFalse();
    }

    private Discovery.Found embeddedThatWorks() {
        embeddedStarts.incrementAndGet();
        return new Discovery.Found(ServerAddress.parse(closedUrl), "stand-in embedded server");
    }

    private Discovery.Found embeddedThatFails() throws IOException {
        embeddedStarts.incrementAndGet();
        throw new IOException("no binaries for this platform");
    }

    private static String liveServerUrl() {
        return liveServerUrl(Engine.POSTGRESQL);
    }

    /** The admin URL of the server this run uses for {@code engine} (skips, like its tests, if none). */
    static String liveServerUrl(Engine engine) {
        ServerAddress admin = ((ServerBackend) engine.backend()).server().admin();
        StringBuilder url = new StringBuilder(admin.url()).append(admin.url().contains("?") ? '&' : '?');
        url.append("user=").append(encode(admin.user()));
        if (admin.password() != null) {
            url.append("&password=").append(encode(admin.password()));
        }
        return url.toString();
    }

    private static String encode(String value) {
        // ServerAddress keeps + as a plus sign, so a space must be %20.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
