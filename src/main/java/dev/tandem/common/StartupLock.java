package dev.tandem.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL database take turns for the part of the start that
 * writes: the administrator's account, groups, grants and Tasklist filters, each added only when
 * missing, which two nodes checking at the same moment would both add (or one of them fail on).
 * Held from just before the engine is built (a plugin's first step, after Flyway's migrations)
 * until the application is ready, as a PostgreSQL advisory lock on a connection of its own, so a
 * node that dies while holding it releases it with its connection. A node that cannot have it
 * within {@link #PATIENCE} stops with a message naming it. Flyway's own lock already serializes
 * the migrations; Camunda's serializes its deployments. On H2, which one node uses at a time,
 * there is nothing to wait for.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    /** The advisory lock's key: "tandemSt" as a number, to be told apart in pg_locks. */
    static final long KEY = 0x74616e64656d5374L;
    /** Far more than a node's start takes (about a minute on 2 busy cores). */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private Connection holding;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                connection = null;
                return;
            }
            long since = System.nanoTime();
            while (!tryLock(connection)) {
                if (System.nanoTime() - since > PATIENCE.toNanos()) {
                    throw new IllegalStateException(("Another node has held the start-up lock for %s (pg_locks: "
                            + "advisory lock %d): stop it or end its database session").formatted(PATIENCE, KEY));
                }
                Thread.sleep(250);
            }
            holding = connection;
            connection = null;
            log.info("Start-up lock taken after {} ms", (System.nanoTime() - since) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
        } finally {
            if (connection != null) {
                discard(connection);
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet locked = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            locked.next();
            return locked.getBoolean(1);
        }
    }

    /** When the node stops, also after a failed start. */
    @Override
    public void destroy() {
        release();
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void release() {
        if (holding == null) {
            return;
        }
        try (Statement statement = holding.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
            holding.close();
        } catch (SQLException e) {
            log.warn("The start-up lock goes with its connection: {}", e.getMessage());
            discard(holding);
        } finally {
            holding = null;
        }
    }

    /** Closes the connection for good: a pooled connection must not go back holding the lock. */
    private void discard(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException e) {
            log.warn("Could not discard a connection: {}", e.getMessage());
        }
    }
}
