package dev.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

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
        try (Connection connection = dataSource.getConnection()) {
            assertThat(CamundaIndexes.indexed(connection, "ACT_RU_TASK")).isTrue();
        }
    }
}
