package dev.tandem.sales;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SalesOrderLineRepository extends JpaRepository<SalesOrderLine, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from SalesOrderLine l where l.id = :id")
    Optional<SalesOrderLine> lock(Long id);
}
