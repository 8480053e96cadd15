package dev.tandem.timesheets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TimerRepository extends JpaRepository<Timer, Long> {

    Optional<Timer> findByEmployeeIdAndWorkItem(Long employeeId, String workItem);

    List<Timer> findByEmployeeIdAndPausedAtIsNull(Long employeeId);
}
