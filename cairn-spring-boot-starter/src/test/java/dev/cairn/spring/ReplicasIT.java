// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Replicas of one application starting at once against one database, as a rolling deploy or a
 * scale-out starts them: every one starts, and each migration is applied once (the others wait for
 * the lock, then find nothing pending).
 */
class ReplicasIT {

    private static final int REPLICAS = 4;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void fourReplicasStartTogetherAndEachMigrationIsAppliedOnce() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Logger log = (Logger) LoggerFactory.getLogger("dev.cairn.spring");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        CountDownLatch ready = new CountDownLatch(REPLICAS);
        ExecutorService pool = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<Throwable>> starts = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                Callable<Throwable> start = () -> {
                    ready.countDown();
                    ready.await(); // all at once
                    Throwable[] failure = new Throwable[1];
                    new ApplicationContextRunner()
                            .withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                            .withBean(DataSource.class, () -> TestDataSources.of(db))
                            .withPropertyValues("cairn.locations=classpath:cairn/spring/slow")
                            .run(context -> failure[0] = context.getStartupFailure());
                    return failure[0];
                };
                starts.add(pool.submit(start));
            }
            for (Future<Throwable> start : starts) {
                assertThat(start.get(120, TimeUnit.SECONDS))
                        .as("a replica's start failure")
                        .isNull();
            }
        } finally {
            pool.shutdownNow();
            log.detachAppender(lines);
        }

        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .as("the replicas met at the lock, and the waiting ones said who held it")
                .anyMatch(line -> line.startsWith("Waiting for the migration lock: held by "));

        assertThat(db.query("SELECT name, batch FROM cairn_migrations ORDER BY id"))
                .extracting(row -> row.get("name") + "@" + row.get("batch"))
                .containsExactly("20260101000000_create_accounts@1", "20260101000001_add_accounts_email@1");
        assertThat(db.columns("accounts")).containsExactly("id", "name", "email");
    }
}
