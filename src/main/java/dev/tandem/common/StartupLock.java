package dev.tandem.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL database take turns for the part of the start that
 * writes: the administrator's account, groups, grants and Tasklist filters, each added only when
 * missing, which two nodes checking at the same moment would both add (or one of them fail on).
 * Held from just before the engine is built (a plugin's first step, after Flyway's migrations)
 * until the application is ready, as a PostgreSQL advisory lock on a connection of its own, so a
 * node that dies while holding it releases it with its connection. Flyway's own lock already
 * serializes the migrations; Camunda's serializes its deployments. On H2, which one node uses at
 * a time, there is nothing to wait for.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    /** The advisory lock's key: "tandem-start" as a number, to be told apart in pg_locks. */
    static final long KEY = 0x74616e64656d5374L;

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
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            long since = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
            holding = connection;
            log.info("Start-up lock taken after {} ms", (System.nanoTime() - since) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock", e);
        }
    }

    @EventListener({ApplicationReadyEvent.class, ContextClosedEvent.class})
    synchronized void release() {
        if (holding == null) {
            return;
        }
        try (Connection connection = holding; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("The start-up lock is released with its connection: {}", e.getMessage());
        } finally {
            holding = null;
        }
    }
}
