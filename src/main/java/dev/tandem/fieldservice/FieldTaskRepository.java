package dev.tandem.fieldservice;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldTaskRepository extends JpaRepository<FieldTask, Long> {
}
