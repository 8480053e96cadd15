package dev.tandem.fieldservice;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FieldTaskRepository extends JpaRepository<FieldTask, Long> {

    Optional<FieldTask> findByNumber(String number);

    /** The task a field-service instance is about, by its business key; missing is a technical failure. */
    default FieldTask ofInstance(String businessKey) {
        return findByNumber(businessKey)
                .orElseThrow(() -> new IllegalStateException("No field task " + businessKey + " for this instance"));
    }

    /** The task, locked until the transaction ends: one signature or one restart at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from FieldTask t where t.number = :number")
    Optional<FieldTask> lockByNumber(String number);

    List<FieldTask> findByTechnicianUserIdAndStateOrderByNumberDesc(String userId, FieldTask.State state,
                                                                   Pageable page);

    List<FieldTask> findBySalesOrderIdAndStateOrderByNumber(Long salesOrderId, FieldTask.State state);

    List<FieldTask> findBySalesOrderIdInAndStateOrderByNumber(Collection<Long> salesOrderIds, FieldTask.State state);
}
