package dev.tandem.inventory;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.tandem.common.Audited;
import dev.tandem.catalog.Product;
import dev.tandem.sales.SalesOrderLine;

@Entity
@Audited
public class StockMove {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private StockPicking picking;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Product product;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SalesOrderLine salesOrderLine;
    private BigDecimal quantity;

    protected StockMove() {
    }

    StockMove(StockPicking picking, SalesOrderLine line, BigDecimal quantity) {
        this.picking = picking;
        this.product = line.getProduct();
        this.salesOrderLine = line;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public SalesOrderLine getSalesOrderLine() {
        return salesOrderLine;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }
}
