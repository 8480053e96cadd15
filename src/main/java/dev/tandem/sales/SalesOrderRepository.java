package dev.tandem.sales;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import dev.tandem.common.BillingException;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    Optional<SalesOrder> findByNumber(String number);

    /** The order a person gave by number in a form; refused with a message when there is none. */
    default SalesOrder numbered(String number) {
        if (number == null) {
            throw new BillingException("Give the order number.");
        }
        return findByNumber(number).orElseThrow(() -> new BillingException("Unknown sales order %s.".formatted(number)));
    }

    /** The order an order's process instance is about, by its business key; missing is a technical failure. */
    default SalesOrder ofInstance(String businessKey) {
        return findByNumber(businessKey)
                .orElseThrow(() -> new IllegalStateException("No sales order " + businessKey + " for this instance"));
    }

    /** Orders with their customers, lines and products, for a list's page. */
    @Query("""
            select distinct o from SalesOrder o join fetch o.customer left join fetch o.lines l left join fetch l.product
            where o.id in :ids""")
    List<SalesOrder> findWithLines(Collection<Long> ids);

    /** {@link #lock} for many orders, locked in id order so that two runs over the same orders cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id in :ids order by o.id")
    List<SalesOrder> lockAll(Collection<Long> ids);

    /** Serializes invoicing of one order: a second invoice run waits and then sees what the first billed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> lock(Long id);


    List<SalesOrder> findByCustomerIdAndStateOrderByOrderDateDescIdDesc(Long customerId, SalesOrder.State state);

    /** Confirmed orders with their customers, the newest first: what a start form offers to pick from. */
    @Query("select o from SalesOrder o join fetch o.customer where o.state = dev.tandem.sales.SalesOrder.State.CONFIRMED"
            + " order by o.id desc")
    List<SalesOrder> confirmedNewestFirst(Pageable page);
}
