package dev.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
        if (!postgres()) {
            System.out.println("Tandem tests run on H2");
            return;
        }
        Database server = server();
        System.out.println("Tandem tests run on PostgreSQL at " + server.url());
        TestPropertyValues.of(
                "spring.datasource.url=" + server.url(),
                "spring.datasource.username=" + server.user(),
                "spring.datasource.password=" + server.password()).applyTo(context);
    }

    /** The PostgreSQL database the tests share: the one TANDEM_TEST_POSTGRES_URL names, or the embedded server's. */
    private static Database server() {
        String url = System.getenv("TANDEM_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return new Database(embedded().getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
        return new Database(url, System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_PASSWORD", ""));
    }

    /** Whether this run's tests are on PostgreSQL (failsafe) rather than H2 (surefire). */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("tandem.test.database"));
    }

    /** A database of a test's own, empty: its JDBC URL, user and password. */
    public record Database(String url, String user, String password) {
    }

    /**
     * A new empty database for a test that needs one of its own (a start on an empty database, an
     * upgrade of an old one): in memory on H2; on PostgreSQL created on the test server.
     */
    public static Database fresh(String name) {
        String unique = name + "_" + Long.toHexString(System.nanoTime());
        if (!postgres()) {
            return new Database("jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        Database server = server();
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + unique);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + unique, e);
        }
        return new Database(server.url().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + unique),
                server.user(), server.password());
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
