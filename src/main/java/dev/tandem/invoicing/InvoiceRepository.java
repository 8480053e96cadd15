package dev.tandem.invoicing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lock(Long id);

    Optional<Invoice> findByNumber(String number);

    long countByState(Invoice.State state);

    List<Invoice> findByReversedInvoiceId(Long invoiceId);

    /** The documents that bill an order (invoice_order), oldest first. */
    List<Invoice> findByOrdersNumberOrderById(String orderNumber);

    /** Each order's drafts (not posted, not cancelled), as (order id, draft) pairs, for planning many orders at once. */
    @Query("""
            select o.id, i from Invoice i join i.orders o
            where o.id in :orderIds and i.state = dev.tandem.invoicing.Invoice.State.DRAFT""")
    List<Object[]> draftsOfOrders(Collection<Long> orderIds);

    /** A draft of this order, if there is one. */
    default Optional<Invoice> openDraftOf(Long orderId) {
        return draftsOfOrders(List.of(orderId)).stream().map(row -> (Invoice) row[1]).findFirst();
    }

    /** The posted invoices (not credit notes) of this order, newest first. */
    @Query("""
            select i from Invoice i join i.orders o where o.number = :orderNumber
            and i.state = dev.tandem.invoicing.Invoice.State.POSTED
            and i.moveType = dev.tandem.invoicing.Invoice.MoveType.INVOICE order by i.id desc""")
    List<Invoice> postedInvoicesOfOrder(String orderNumber);

    /** The first of an invoice run's invoices, with their customers, for its page. */
    @Query("select i from Invoice i join fetch i.customer where i.invoiceRun = :run order by i.number, i.id")
    List<Invoice> findByRunWithCustomer(String run, Pageable page);

    /** For pages read outside a transaction: the invoices with their customers loaded. */
    @Query("select i from Invoice i join fetch i.customer where i.id in :ids order by i.id")
    List<Invoice> findWithCustomer(List<Long> ids);
}
