package dev.tandem.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * An index Camunda's own schema lacks: every completed task looks for its subtasks by
 * {@code PARENT_TASK_ID_}, which PostgreSQL has no index for, so each completion read the whole
 * task table (12 ms a step with 100,000 open tasks, on every step of every process). Created once
 * the engine has created or checked its schema, on every start if missing, until Camunda's schema
 * becomes Tandem's own migrations.
 */
@Component
class CamundaIndexes extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists act_idx_task_parent on act_ru_task (parent_task_id_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The index of Camunda's subtasks could not be created", e);
        }
    }
}
