package dev.tandem.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;
import dev.tandem.money.TaxRounding;

/** Quotations, their lines, confirmation and closing. */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class SalesOrderService {

    private final SalesOrderRepository orders;
    private final SalesOrderLineRepository lines;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final NumberSequences numbers;
    private final Clock clock;
    private final Company company;

    SalesOrderService(SalesOrderRepository orders, SalesOrderLineRepository lines, CustomerRepository customers,
                      ProductRepository products, NumberSequences numbers, Clock clock,
                      Company company) {
        this.company = company;
        this.orders = orders;
        this.lines = lines;
        this.customers = customers;
        this.products = products;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** A quotation at the company's tax rounding of today, which the order keeps for all its documents. */
    public SalesOrder createQuotation(Long customerId, String salesperson, LocalDate orderDate) {
        return createQuotation(customerId, salesperson, orderDate, company.taxRounding());
    }

    public SalesOrder createQuotation(Long customerId, String salesperson, LocalDate orderDate, TaxRounding rounding) {
        Customer customer = customers.findById(customerId).orElseThrow(() -> NotFound.of("customer", customerId));
        String number = "S%05d".formatted(numbers.next("sales_order"));
        return orders.save(new SalesOrder(number, customer, salesperson,
                orderDate != null ? orderDate : LocalDate.now(clock), rounding));
    }

    /** Adds a product line; the unit price defaults to the product's list price. */
    public SalesOrderLine addLine(Long orderId, Long productId, BigDecimal quantity, BigDecimal unitPrice) {
        SalesOrder order = find(orderId);
        Product product = products.findById(productId).orElseThrow(() -> NotFound.of("product", productId));
        if (order.getState() == SalesOrder.State.CANCELLED || order.getState() == SalesOrder.State.LOCKED) {
            throw new BillingException("Order %s is %s: no line can be added.".formatted(
                    order.getNumber(), order.getState().name().toLowerCase()));
        }
        if (quantity == null || quantity.signum() < 0) {
            throw new BillingException("The ordered quantity must be zero or more.");
        }
        BigDecimal price = unitPrice != null ? unitPrice : product.getListPrice();
        if (price.signum() < 0) {
            throw new BillingException("The unit price cannot be negative.");
        }
        if (price.stripTrailingZeros().scale() > 2 || quantity.stripTrailingZeros().scale() > 2) {
            throw new BillingException("Prices and quantities have at most two decimals.");
        }
        return lines.save(order.addLine(new SalesOrderLine(order, order.nextPosition(), product, product.getName(),
                quantity, price, product.getTaxRate(), false)));
    }

    /** A down-payment line: what was asked in advance, deducted later by the final invoice. */
    public SalesOrderLine addDownPaymentLine(SalesOrder order, String description, BigDecimal untaxedAmount,
                                             BigDecimal taxRate) {
        return lines.save(order.addLine(new SalesOrderLine(order, order.nextPosition(), null, description,
                BigDecimal.ZERO, untaxedAmount, taxRate, true)));
    }

    public SalesOrder confirm(Long orderId) {
        SalesOrder order = find(orderId);
        if (order.getState() != SalesOrder.State.QUOTATION) {
            throw new BillingException("Order %s cannot be confirmed: it is %s.".formatted(
                    order.getNumber(), order.getState().name().toLowerCase()));
        }
        if (order.getLines().isEmpty()) {
            throw new BillingException("Order %s has no lines to confirm.".formatted(order.getNumber()));
        }
        order.confirm(clock.instant());
        return order;
    }

    /**
     * A support order as the salesperson's start form gives it: hours of a product sold under a
     * billing policy, at its list price or another, and optionally one more product at list price.
     */
    public record SupportOrder(String customerName, String productCode, BigDecimal hours, BigDecimal unitPrice,
                               String itemCode, BigDecimal itemQuantity, Product.BillingPolicy policy,
                               String salesperson) {
    }

    /** Confirms a support order at once; refused whole, with the reason, when anything is wrong. */
    public SalesOrder confirmSupportOrder(SupportOrder request) {
        Customer customer = customers.named(request.customerName());
        Product product = products.coded(request.productCode());
        if (product.getBillingPolicy() != request.policy() || product.getUnit() != Product.Unit.HOUR) {
            throw new BillingException("Product %s is not sold as %s hours.".formatted(product.getCode(),
                    request.policy() == Product.BillingPolicy.PREPAID ? "prepaid" : "timesheet"));
        }
        if (request.hours() == null || request.hours().signum() <= 0) {
            throw new BillingException("The ordered hours must be positive.");
        }
        Product item = request.itemCode() == null ? null : products.coded(request.itemCode());
        SalesOrder order = createQuotation(customer.getId(), request.salesperson(), null);
        addLine(order.getId(), product.getId(), request.hours(), request.unitPrice());
        if (item != null) {
            if (request.itemQuantity() == null || request.itemQuantity().signum() <= 0) {
                throw new BillingException("Say how many of %s are sold.".formatted(item.getCode()));
            }
            addLine(order.getId(), item.getId(), request.itemQuantity(), null);
        }
        return confirm(order.getId());
    }

    /** The salesperson's proposal: a quotation for more hours of an order line's product, at its price. */
    public SalesOrder proposeMoreHours(Long orderLineId, BigDecimal hours) {
        if (hours == null || hours.signum() <= 0) {
            throw new BillingException("The additional hours must be positive.");
        }
        SalesOrderLine line = lines.findById(orderLineId).orElseThrow(() -> NotFound.of("order line", orderLineId));
        SalesOrder quotation = createQuotation(line.getOrder().getCustomer().getId(), line.getOrder().getSalesperson(),
                null);
        addLine(quotation.getId(), line.getProduct().getId(), hours, line.getUnitPrice());
        return quotation;
    }

    /** A quotation of prepaid hours the customer accepted, confirmed as it was offered. */
    public SalesOrder confirmQuotedHours(String quotationNumber) {
        SalesOrder quotation = orders.numbered(quotationNumber);
        if (quotation.hoursLine().getProduct().getBillingPolicy() != Product.BillingPolicy.PREPAID) {
            throw new BillingException("Quotation %s sells no prepaid hours.".formatted(quotationNumber));
        }
        return confirm(quotation.getId());
    }

    /** Closes a confirmed order: no more time, lines or invoices on it. */
    public SalesOrder lock(Long orderId) {
        SalesOrder order = find(orderId);
        if (order.getState() != SalesOrder.State.CONFIRMED) {
            throw new BillingException("Only a confirmed order can be closed; %s is %s.".formatted(
                    order.getNumber(), order.getState().name().toLowerCase()));
        }
        order.changeState(SalesOrder.State.LOCKED);
        return order;
    }

    /** Cancels a quotation nobody accepted; a confirmed order is closed instead, never cancelled. */
    public SalesOrder cancelQuotation(Long orderId) {
        SalesOrder order = find(orderId);
        if (order.getState() != SalesOrder.State.QUOTATION) {
            throw new BillingException("Only a quotation can be cancelled; %s is %s.".formatted(
                    order.getNumber(), order.getState().name().toLowerCase()));
        }
        order.changeState(SalesOrder.State.CANCELLED);
        return order;
    }

    private SalesOrder find(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
    }
}
