package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvoiceLineRepository extends JpaRepository<InvoiceLine, Long> {

    /** 1 while a posted down payment on this order line has not been credited. */
    @Query("""
            select coalesce(sum(l.quantity), 0) from InvoiceLine l
            where l.salesOrderLine.id = :orderLineId
              and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT
              and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED""")
    BigDecimal postedDownPayment(Long orderLineId);

    /** The posted down-payment invoice's line of this down payment. */
    @Query("""
            select l from InvoiceLine l
            where l.salesOrderLine.id = :orderLineId
              and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT and l.quantity > 0
              and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED""")
    InvoiceLine postedDownPaymentLine(Long orderLineId);

    /**
     * The down-payment lines among these order lines that an invoice (draft or posted) deducts and
     * no credit note gave back: the one rule for "deducted", in the order's figures, the planner and
     * credit notes alike.
     */
    @Query("""
            select l.salesOrderLine.id from InvoiceLine l
            where l.salesOrderLine.id in :orderLineIds
              and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION
              and l.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED
            group by l.salesOrderLine.id having sum(l.quantity) <> 0""")
    Set<Long> deducted(Collection<Long> orderLineIds);

    default boolean isDeducted(Long downPaymentLineId) {
        return deducted(List.of(downPaymentLineId)).contains(downPaymentLineId);
    }

    /** Quantity of an invoice's line already given back by its credit notes (negative or zero). */
    @Query("""
            select coalesce(sum(l.quantity), 0) from InvoiceLine l
            where l.invoice.reversedInvoice.id = :invoiceId
              and l.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED
              and l.salesOrderLine.id = :orderLineId and l.kind = :kind""")
    BigDecimal creditedQuantity(Long invoiceId, Long orderLineId, InvoiceLine.Kind kind);

    /** Minutes of an entry still billed by an invoice: its own rows and those of its credit notes. */
    @Query("""
            select coalesce(sum(a.minutes), 0) from BillingAllocation a
            where a.entry.id = :entryId
              and (a.invoiceLine.invoice.id = :invoiceId or a.invoiceLine.invoice.reversedInvoice.id = :invoiceId)""")
    long minutesStillBilled(Long entryId, Long invoiceId);
}
