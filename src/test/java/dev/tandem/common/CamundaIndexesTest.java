package dev.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.TandemIntegrationTest;

/** Camunda's task table gets the index it lacks for finding subtasks, on H2 and on PostgreSQL. */
@TandemIntegrationTest
class CamundaIndexesTest {

    @Autowired DataSource dataSource;

    @Test
    void completingATaskFindsItsSubtasksByAnIndex() throws Exception {
        List<String> indexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String table : List.of("act_ru_task", "ACT_RU_TASK")) {
                try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
                    while (indexes.next()) {
                        indexed.add(indexes.getString("COLUMN_NAME").toLowerCase());
                    }
                }
            }
        }
        assertThat(indexed).contains("parent_task_id_");
    }
}
