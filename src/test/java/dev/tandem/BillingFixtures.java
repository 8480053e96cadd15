package dev.tandem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hibernate.Hibernate;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceLine;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.ToInvoiceList;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;
import dev.tandem.common.Groups;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/** Builds each test's own customers, products, orders and time, so tests never share data. */
@TestComponent
public class BillingFixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final EmployeeRepository employees;
    private final SalesOrderService salesOrders;
    private final SalesOrderRepository orders;
    private final TimesheetService timesheets;
    private final InvoiceRepository invoices;
    private final TransactionTemplate tx;
    private final IdentityService identity;
    private final ToInvoiceList toInvoiceList;

    BillingFixtures(CustomerRepository customers, ProductRepository products, EmployeeRepository employees,
                    SalesOrderService salesOrders, SalesOrderRepository orders, TimesheetService timesheets,
                    InvoiceRepository invoices, PlatformTransactionManager transactionManager,
                    IdentityService identity, ToInvoiceList toInvoiceList) {
        this.identity = identity;
        this.toInvoiceList = toInvoiceList;
        this.customers = customers;
        this.products = products;
        this.employees = employees;
        this.salesOrders = salesOrders;
        this.orders = orders;
        this.timesheets = timesheets;
        this.invoices = invoices;
        this.tx = new TransactionTemplate(transactionManager);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public Customer customer() {
        int n = UNIQUE.incrementAndGet();
        return customers.save(new Customer("Customer " + n, "customer" + n + "@example.com", "Street " + n, ZONE, "en"));
    }

    public Product prepaid(String price) {
        return products.save(Product.service("PRE-" + UNIQUE.incrementAndGet(), "Prepaid support hours",
                Product.BillingPolicy.PREPAID, Product.Unit.HOUR, price));
    }

    public Product postpaid(String price) {
        return products.save(Product.service("POST-" + UNIQUE.incrementAndGet(), "Service on Timesheets",
                Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, price));
    }

    public Product save(Product product) {
        return products.save(product);
    }

    public Employee employee() {
        int n = UNIQUE.incrementAndGet();
        return employees.save(new Employee("Employee " + n, "employee-" + n, ZONE));
    }

    /** An employee who is a Camunda user in the technicians group, as interventions are planned for. */
    public Employee technician() {
        Employee employee = employee();
        User user = identity.newUser(employee.getUserId());
        user.setFirstName(employee.getName());
        identity.saveUser(user);
        identity.createMembership(employee.getUserId(), Groups.TECHNICIANS);
        return employee;
    }

    /** A quotation with one line per product and quantity, e.g. quotation(c, date, pre, "10"). */
    public Long quotation(Customer customer, LocalDate date, Object... productsAndQuantities) {
        SalesOrder order = salesOrders.createQuotation(customer.getId(), "sam", date);
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            salesOrders.addLine(order.getId(), ((Product) productsAndQuantities[i]).getId(),
                    new BigDecimal((String) productsAndQuantities[i + 1]), null);
        }
        return order.getId();
    }

    public Long confirmedOrder(Customer customer, Object... productsAndQuantities) {
        Long orderId = quotation(customer, today(), productsAndQuantities);
        salesOrders.confirm(orderId);
        return orderId;
    }

    /** Order line ids by position. */
    public List<Long> lines(Long orderId) {
        return tx.execute(status -> orders.findById(orderId).orElseThrow().getLines().stream()
                .filter(line -> !line.isDownPayment()).map(line -> line.getId()).toList());
    }

    public Long line(Long orderId) {
        return lines(orderId).get(0);
    }

    public String orderNumber(Long orderId) {
        return orders.findById(orderId).orElseThrow().getNumber();
    }

    public TimesheetEntry log(Employee employee, Long lineId, LocalDate date, String hours) {
        return timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(lineId), date, new BigDecimal(hours),
                "Work on the customer's network");
    }

    public TimesheetEntry log(Employee employee, Long lineId, String hours) {
        return log(employee, lineId, today(), hours);
    }

    /** An invoice as a reader sees it, read in one transaction. */
    public record InvoiceView(Long id, String number, Invoice.MoveType moveType, Invoice.State state, String orders,
                              BigDecimal untaxed, BigDecimal tax, BigDecimal total, List<LineView> lines) {
    }

    public record LineView(InvoiceLine.Kind kind, BigDecimal quantity, BigDecimal unitPrice, BigDecimal subtotal,
                           BigDecimal tax, List<Long> entryIds, int minutes) {
    }

    /** Every row of the To-Invoice list for customers whose name contains this text, page after page. */
    public List<ToInvoiceList.Row> toInvoice(String customerName) {
        List<ToInvoiceList.Row> rows = new java.util.ArrayList<>();
        ToInvoiceList.Page page = toInvoiceList.page(0, customerName, null);
        rows.addAll(page.rows());
        while (page.hasNext()) {
            page = toInvoiceList.page(page.number() + 1, customerName, null);
            rows.addAll(page.rows());
        }
        return rows;
    }

    /** An invoice run's invoices with their customers and orders, read in one transaction. */
    public List<Invoice> invoicesOfRun(String run) {
        return tx.execute(status -> {
            List<Invoice> found = invoices.findByRunWithCustomer(run, Pageable.unpaged());
            found.forEach(invoice -> Hibernate.initialize(invoice.getOrders()));
            return found;
        });
    }

    public InvoiceView view(Long invoiceId) {
        return tx.execute(status -> {
            Invoice invoice = invoices.findById(invoiceId).orElseThrow();
            return new InvoiceView(invoice.getId(), invoice.getNumber(), invoice.getMoveType(), invoice.getState(),
                    invoice.getOrderNumbers(), invoice.getAmountUntaxed(), invoice.getAmountTax(), invoice.getAmountTotal(),
                    invoice.getLines().stream().map(line -> new LineView(line.getKind(), line.getQuantity(),
                            line.getUnitPrice(), line.getSubtotal(), line.getTax(),
                            line.getAllocations().stream().map(a -> a.getEntry().getId()).toList(),
                            line.getAllocations().stream().mapToInt(a -> a.getMinutes()).sum())).toList());
        });
    }
}
