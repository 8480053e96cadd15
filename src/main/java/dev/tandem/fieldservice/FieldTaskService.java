package dev.tandem.fieldservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.Groups;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;
import dev.tandem.inventory.InventoryService;
import dev.tandem.inventory.StockPicking;
import dev.tandem.inventory.StockPickingRepository;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;
import dev.tandem.timesheets.Timer;
import dev.tandem.timesheets.TimerRepository;

/**
 * Interventions on site: planned on a confirmed order, the materials used become delivered order
 * lines on a planned picking, and Mark as done validates that picking; stock moves only then.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class FieldTaskService {

    private final FieldTaskRepository tasks;
    private final CustomerRepository customers;
    private final EmployeeRepository employees;
    private final ProductRepository products;
    private final SalesOrderRepository orders;
    private final SalesOrderService salesOrders;
    private final InventoryService inventory;
    private final StockPickingRepository pickings;
    private final TimerRepository timers;
    private final NumberSequences numbers;
    private final WorksheetService worksheets;
    private final IdentityService identity;

    FieldTaskService(FieldTaskRepository tasks, CustomerRepository customers, EmployeeRepository employees,
                     ProductRepository products, SalesOrderRepository orders, SalesOrderService salesOrders,
                     InventoryService inventory, StockPickingRepository pickings, TimerRepository timers,
                     NumberSequences numbers, WorksheetService worksheets, IdentityService identity) {
        this.identity = identity;
        this.tasks = tasks;
        this.customers = customers;
        this.employees = employees;
        this.products = products;
        this.orders = orders;
        this.salesOrders = salesOrders;
        this.inventory = inventory;
        this.pickings = pickings;
        this.timers = timers;
        this.numbers = numbers;
        this.worksheets = worksheets;
    }

    /** An intervention as the start form names it: the customer, its order and a technician's user id. */
    public FieldTask plan(String customerName, String orderNumber, String technicianUserId, String site,
                          String description, LocalDate plannedDate) {
        Customer customer = customers.named(customerName);
        SalesOrder order = orders.numbered(orderNumber);
        Employee technician = employees.ofUser(technicianUserId);
        if (identity.createUserQuery().userId(technicianUserId).memberOfGroup(Groups.TECHNICIANS).count() == 0) {
            throw new BillingException("%s is not a technician: only technicians can be planned on site."
                    .formatted(technicianUserId));
        }
        return plan(customer.getId(), order.getId(), technician.getId(), site, description, plannedDate);
    }

    public FieldTask plan(Long customerId, Long orderId, Long technicianId, String site, String description,
                          LocalDate plannedDate) {
        Customer customer = customers.findById(customerId).orElseThrow(() -> NotFound.of("customer", customerId));
        SalesOrder order = orders.findById(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
        Employee technician = employees.findById(technicianId)
                .orElseThrow(() -> NotFound.of("employee", technicianId));
        if (!order.getCustomer().getId().equals(customer.getId())) {
            throw new BillingException("Order %s belongs to another customer than %s."
                    .formatted(order.getNumber(), customer.getName()));
        }
        order.requireOpenForWork();
        String number = "F%05d".formatted(numbers.next("field_task"));
        return tasks.save(new FieldTask(number, customer, order, technician, site, description, plannedDate));
    }

    /** A material as the worksheet names it: its code and the quantity used. */
    public record MaterialUsed(String productCode, BigDecimal quantity) {
    }

    /**
     * A round of the worksheet: the technician's answers, and the materials used, each a delivered
     * line on the task's order. Every material is checked before any is recorded, so a bad row
     * records no material; the answers are kept.
     *
     * @return the materials recorded, as people read them ("2 × Network cable (5 m)")
     */
    public List<String> recordWorksheet(Long taskId, String answers, List<MaterialUsed> materials) {
        List<Product> used = new ArrayList<>();
        for (MaterialUsed material : materials) {
            Product product = products.coded(material.productCode());
            if (product.getBillingPolicy() != Product.BillingPolicy.DELIVERED) {
                throw new BillingException("%s is not a material billed on delivery.".formatted(product.getName()));
            }
            if (material.quantity() == null || material.quantity().signum() <= 0) {
                throw new BillingException("The quantity used of %s must be positive.".formatted(material.productCode()));
            }
            used.add(product);
        }
        worksheets.answer(taskId, answers);
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            useMaterial(taskId, used.get(i).getId(), materials.get(i).quantity());
            recorded.add("%s × %s".formatted(materials.get(i).quantity().stripTrailingZeros().toPlainString(),
                    used.get(i).getName()));
        }
        return recorded;
    }

    /**
     * Material used on site: a delivered line on the task's order, planned on its picking, and listed
     * on the worksheet; stock is not touched. Refused once the customer signed the worksheet.
     */
    public SalesOrderLine useMaterial(Long taskId, Long productId, BigDecimal quantity) {
        FieldTask task = find(taskId);
        if (task.getState() == FieldTask.State.DONE) {
            throw new BillingException("Field task %s is done: no more material can be added.".formatted(task.getNumber()));
        }
        if (worksheets.of(task).isSigned()) {
            throw new BillingException("Worksheet %s is signed: no more material can be added.".formatted(task.getNumber()));
        }
        Product product = products.findById(productId).orElseThrow(() -> NotFound.of("product", productId));
        if (product.getBillingPolicy() != Product.BillingPolicy.DELIVERED) {
            throw new BillingException("%s is not a material billed on delivery.".formatted(product.getName()));
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new BillingException("The quantity used must be positive.");
        }
        SalesOrderLine line = salesOrders.addLine(task.getSalesOrder().getId(), productId, quantity, null);
        inventory.planDelivery(line.getId(), quantity);
        worksheets.stored(task).addMaterial(line);
        return line;
    }

    /**
     * Mark as done: refused while the technician's timer runs; validates the order's planned picking,
     * all or nothing, so the stock decreases and the materials count as delivered.
     */
    public FieldTask markDone(Long taskId) {
        FieldTask task = find(taskId);
        if (task.getState() == FieldTask.State.DONE) {
            throw new BillingException("Field task %s is already done.".formatted(task.getNumber()));
        }
        Optional<Timer> timer = task.getTechnician() == null ? Optional.empty()
                : timers.findByEmployeeIdAndWorkItem(task.getTechnician().getId(), task.getWorkItem());
        if (timer.isPresent()) {
            String first = timer.get().isStopped() ? "Confirm the time of the stopped timer" : "Stop the timer";
            throw new BillingException("%s on %s before marking it as done.".formatted(first, task.getNumber()));
        }
        pickings.findFirstBySalesOrderIdAndState(task.getSalesOrder().getId(), StockPicking.State.DRAFT)
                .ifPresent(picking -> inventory.validate(picking.getId()));
        task.markDone();
        return task;
    }

    private FieldTask find(Long taskId) {
        return tasks.findById(taskId).orElseThrow(() -> NotFound.of("field task", taskId));
    }
}
