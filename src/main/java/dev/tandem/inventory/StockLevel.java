package dev.tandem.inventory;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.tandem.common.Audited;

/** Quantity on hand of a storable product. */
@Entity
@Audited
public class StockLevel {

    @Id
    private Long productId;
    private BigDecimal onHand;

    protected StockLevel() {
    }

    StockLevel(Long productId) {
        this.productId = productId;
        this.onHand = BigDecimal.ZERO;
    }

    void add(BigDecimal quantity) {
        onHand = onHand.add(quantity);
    }

    public Long getProductId() {
        return productId;
    }

    public BigDecimal getOnHand() {
        return onHand;
    }
}
