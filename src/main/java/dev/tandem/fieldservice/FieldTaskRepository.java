package dev.tandem.fieldservice;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldTaskRepository extends JpaRepository<FieldTask, Long> {

    List<FieldTask> findBySalesOrderIdAndStateOrderByNumber(Long salesOrderId, FieldTask.State state);
}
