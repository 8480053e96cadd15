package dev.tandem.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * An index Camunda's own schema lacks: every completed task looks for its subtasks by
 * {@code PARENT_TASK_ID_}, which PostgreSQL has no index for, so each completion read the whole
 * task table (12 ms a step with 100,000 open tasks, on every step of every process). Created once
 * the engine has created or checked its schema, when the catalog shows it missing (creating it
 * locks the table, so a start with the index in place does nothing); a node that loses the race to
 * create it with another node finds it there. Until Camunda's schema becomes Tandem's own
 * migrations.
 */
@Component
class CamundaIndexes extends AbstractProcessEnginePlugin {

    static final String INDEX = "act_idx_task_parent";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
        DataSource dataSource = configuration.getDataSource() instanceof TransactionAwareDataSourceProxy proxy
                ? proxy.getTargetDataSource() : configuration.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (indexed(connection, table)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create index if not exists %s on %s (parent_task_id_)".formatted(INDEX, table));
            } catch (SQLException createdMeanwhile) {
                if (!indexed(connection, table)) {
                    throw createdMeanwhile;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The index of Camunda's subtasks could not be created", e);
        }
    }

    /** Whether the task table has an index on its parent task column, as the database names them. */
    static boolean indexed(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, false)) {
                while (indexes.next()) {
                    String column = indexes.getString("COLUMN_NAME");
                    if (column != null && column.equalsIgnoreCase("PARENT_TASK_ID_")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
