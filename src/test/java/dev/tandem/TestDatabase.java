package dev.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chooses the test database: H2 in memory by default; PostgreSQL when the system property
 * tandem.test.database=postgresql (set by failsafe). PostgreSQL is the empty database named by
 * TANDEM_TEST_POSTGRES_URL (with _USER and _PASSWORD), or else an embedded server from Maven Central.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres embedded;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"postgresql".equals(System.getProperty("tandem.test.database"))) {
            System.out.println("Tandem tests run on H2");
            return;
        }
        String url = System.getenv("TANDEM_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_PASSWORD", "");
        if (url == null || url.isBlank()) {
            url = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        System.out.println("Tandem tests run on PostgreSQL at " + url);
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password).applyTo(context);
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return embedded;
    }
}
