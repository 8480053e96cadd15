package dev.tandem.fieldservice;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldTaskRepository extends JpaRepository<FieldTask, Long> {

    Optional<FieldTask> findByNumber(String number);

    List<FieldTask> findByTechnicianUserIdAndStateOrderByNumberDesc(String userId, FieldTask.State state,
                                                                   Pageable page);

    List<FieldTask> findBySalesOrderIdAndStateOrderByNumber(Long salesOrderId, FieldTask.State state);
}
