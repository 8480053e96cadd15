package dev.tandem.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import dev.tandem.sales.SalesOrder;

/** Goods going out for an order. Stock moves only when it is validated. */
@Entity
public class StockPicking {

    public enum State { DRAFT, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SalesOrder salesOrder;
    @Enumerated(EnumType.STRING)
    private State state = State.DRAFT;
    private Instant validatedAt;

    @OneToMany(mappedBy = "picking", cascade = CascadeType.ALL)
    private List<StockMove> moves = new ArrayList<>();

    protected StockPicking() {
    }

    StockPicking(SalesOrder salesOrder) {
        this.salesOrder = salesOrder;
    }

    void add(StockMove move) {
        moves.add(move);
    }

    void validate(Instant now) {
        state = State.DONE;
        validatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public SalesOrder getSalesOrder() {
        return salesOrder;
    }

    public State getState() {
        return state;
    }

    public Instant getValidatedAt() {
        return validatedAt;
    }

    public List<StockMove> getMoves() {
        return moves;
    }
}
