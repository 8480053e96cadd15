package dev.tandem.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.HelpdeskTeam;
import dev.tandem.helpdesk.HelpdeskTeamRepository;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.inventory.InventoryService;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.common.ActingUser;
import dev.tandem.common.Groups;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * Demo people and data for the embedded default, so a newcomer can log in as any role and work a
 * task at once. Never in production. Created once: a database that has them is left alone.
 */
@Component
@Profile("!prod")
@Order(2)
class DemoData implements ApplicationRunner {

    /** User id, full name, group; the password of each demo user is its user id. */
    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("sam", "Sam", "Seller", Groups.SALES),
            new DemoUser("hannah", "Hannah", "Helpdesk", Groups.HELPDESK),
            new DemoUser("theo", "Theo", "Technician", Groups.TECHNICIANS),
            new DemoUser("alice", "Alice", "Accountant", Groups.ACCOUNTING),
            new DemoUser("olivia", "Olivia", "Owner", Groups.PROCESS_OWNERS),
            new DemoUser("audrey", "Audrey", "Auditor", Groups.AUDITORS));

    static final String DEMO_CUSTOMER = "Globex Corporation";
    /** The demo's tax on services and goods: 21 %, as Belgian VAT. */
    static final String DEMO_TAX = "21";

    private final IdentityService identity;
    private final ActingUser acting;
    private final RuntimeService runtime;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final EmployeeRepository employees;
    private final HelpdeskTeamRepository teams;
    private final InventoryService inventory;

    DemoData(IdentityService identity, ActingUser acting, RuntimeService runtime, CustomerRepository customers,
             ProductRepository products, EmployeeRepository employees, HelpdeskTeamRepository teams,
             InventoryService inventory) {
        this.identity = identity;
        this.acting = acting;
        this.runtime = runtime;
        this.customers = customers;
        this.products = products;
        this.employees = employees;
        this.teams = teams;
        this.inventory = inventory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        USERS.forEach(this::user);
        if (customers.findByName(DEMO_CUSTOMER).isPresent()) {
            return;
        }
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        employees.save(new Employee("Hannah Helpdesk", "hannah", brussels));
        employees.save(new Employee("Theo Technician", "theo", brussels));

        Customer acme = customers.save(new Customer("Acme Corp", "billing@acme.example", "1 Main Street, Springfield",
                brussels, "en"));
        Customer globex = customers.save(new Customer(DEMO_CUSTOMER, "accounts@globex.example",
                "42 Industrial Way, Cypress Creek", brussels, "en").withVatNumber("BE 0987.654.321")
                .withPaymentTermsDays(15));

        Product prepaid = products.save(Product.service("PREPAID", "Prepaid support hours",
                Product.BillingPolicy.PREPAID, Product.Unit.HOUR, "100.00").withTaxRate(DEMO_TAX));
        Product timesheet = products.save(Product.service("TIMESHEET", "Service on Timesheets",
                Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, "80.00").withTaxRate(DEMO_TAX));
        Product cable = products.save(Product.storable("CABLE", "Network cable (5 m)", "25.00").withTaxRate(DEMO_TAX));
        Product accessPoint = products.save(Product.storable("AP", "Wi-Fi access point", "120.00").withTaxRate(DEMO_TAX));
        products.save(Product.storable("RJ45", "RJ45 connector", "1.50").withTaxRate(DEMO_TAX)
                .allowingNegativeStock());
        inventory.receive(cable.getId(), new BigDecimal("50"));
        inventory.receive(accessPoint.getId(), new BigDecimal("5"));

        teams.save(new HelpdeskTeam("Customer Care", true, true));

        // The demo orders come through their processes, so each role finds a task waiting.
        start(PrepaidSupportProcess.KEY, Map.of(PrepaidSupportProcess.CUSTOMER_NAME, acme.getName(),
                PrepaidSupportProcess.PRODUCT_CODE, prepaid.getCode(), PrepaidSupportProcess.ORDERED_HOURS, 10));
        ProcessInstance postpaid = start(PostpaidSupportProcess.KEY, Map.of(
                PrepaidSupportProcess.CUSTOMER_NAME, globex.getName(),
                PrepaidSupportProcess.PRODUCT_CODE, timesheet.getCode(), PrepaidSupportProcess.ORDERED_HOURS, 20));
        runtime.startProcessInstanceByKey(LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, postpaid.getBusinessKey()));
        start(FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, globex.getName(),
                FieldServiceProcess.ORDER_NUMBER, postpaid.getBusinessKey(),
                FieldServiceProcess.TECHNICIAN, "theo",
                FieldServiceProcess.SITE, globex.getAddress(),
                FieldServiceProcess.DESCRIPTION, "Install two Wi-Fi access points in the warehouse",
                FieldServiceProcess.PLANNED_DATE, LocalDate.now().toString()));
        runtime.startProcessInstanceByKey(SupportTicketProcess.KEY, Map.of(
                SupportTicketProcess.CUSTOMER_NAME, acme.getName(),
                SupportTicketProcess.TEAM_NAME, "Customer Care",
                SupportTicketProcess.TITLE, "Printer offline after the network change",
                SupportTicketProcess.DESCRIPTION, "The second-floor printer is no longer reachable."));
    }

    /** Started in the salesperson's name, as from Tasklist. */
    private ProcessInstance start(String key, Map<String, Object> variables) {
        return acting.as("sam", () -> runtime.startProcessInstanceByKey(key, variables));
    }

    private void user(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() > 0) {
            return;
        }
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@tandem.example");
        user.setPassword(demo.id());
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group());
    }
}
