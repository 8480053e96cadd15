package dev.tandem.catalog;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.tandem.common.BillingException;

public interface EmployeeRepository extends JpaRepository<Employee, Long> {

    Optional<Employee> findByUserId(String userId);

    /** The employee behind a Camunda user; refused when the user logs no time (not an employee). */
    default Employee ofUser(String userId) {
        return findByUserId(userId).orElseThrow(() -> new BillingException(
                "User %s is not an employee: time cannot be logged in their name.".formatted(userId)));
    }
}
