package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import db.migration.JarScripts;
import dev.tandem.TestDatabase.Database;

/**
 * Camunda's tables are Tandem's Flyway migrations: created from Camunda's own scripts on an empty
 * database, left alone on a database whose engine created them before Flyway did, and in both
 * cases the engine, which no longer creates or updates its schema, starts and finds its data.
 * On H2 and on PostgreSQL, each test on a database of its own.
 */
@Tag("integration")
class CamundaSchemaTest {

    @Test
    void anEmptyDatabaseGetsCamundasTablesFromFlyway() throws Exception {
        Database database = TestDatabase.fresh("camunda_schema_new");

        migrate(database, MigrationVersion.LATEST);

        try (Connection connection = connect(database)) {
            assertThat(single(connection, "select version_ from act_ge_schema_log")).isEqualTo("7.24.0");
            assertThat(indexedOnParentTask(connection)).as("the subtask index Camunda lacks").isTrue();
            assertThat(JarScripts.camundaUpgrade(connection, "7.23", "7.24"))
                    .as("an upgrade to the version the tables were created at is skipped").isFalse();
        }
        ProcessEngine engine = engine(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        try {
            deployAndStart(engine);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void aDatabaseWhoseEngineCreatedCamundasTablesKeepsThemAndItsInstances() throws Exception {
        Database database = TestDatabase.fresh("camunda_schema_old");
        migrate(database, MigrationVersion.fromVersion("15"));
        ProcessEngine before = engine(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        String instance;
        try {
            instance = deployAndStart(before);
        } finally {
            before.close();
        }

        migrate(database, MigrationVersion.LATEST);

        try (Connection connection = connect(database)) {
            assertThat(indexedOnParentTask(connection)).isTrue();
        }
        ProcessEngine after = engine(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        try {
            assertThat(after.getTaskService().createTaskQuery().processInstanceId(instance).count())
                    .as("the instance started before the upgrade still waits at its task").isEqualTo(1);
        } finally {
            after.close();
        }
    }

    private static void migrate(Database database, MigrationVersion target) {
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    /** A bare engine on the database, as Tandem's nodes build theirs but without Spring. */
    private static ProcessEngine engine(Database database, String schemaUpdate) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("schema-test-" + System.nanoTime());
        configuration.setJdbcUrl(database.url());
        configuration.setJdbcUsername(database.user());
        configuration.setJdbcPassword(database.password());
        configuration.setJdbcDriver(TestDatabase.postgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        configuration.setDatabaseSchemaUpdate(schemaUpdate);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        return configuration.buildProcessEngine();
    }

    private static String deployAndStart(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
                Bpmn.createExecutableProcess("wait").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").endEvent().done()).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey("wait").getId();
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static boolean indexedOnParentTask(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String table : new String[] {"act_ru_task", "ACT_RU_TASK"}) {
            try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
                while (indexes.next()) {
                    if ("PARENT_TASK_ID_".equals(String.valueOf(indexes.getString("COLUMN_NAME"))
                            .toUpperCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
