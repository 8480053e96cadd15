package dev.tandem.inventory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StockPickingRepository extends JpaRepository<StockPicking, Long> {

    Optional<StockPicking> findFirstBySalesOrderIdAndState(Long salesOrderId, StockPicking.State state);
}
