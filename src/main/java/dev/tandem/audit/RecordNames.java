package dev.tandem.audit;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;

import org.hibernate.Hibernate;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.Worksheet;
import dev.tandem.helpdesk.Ticket;
import dev.tandem.inventory.StockMove;
import dev.tandem.invoicing.BillingAllocation;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceLine;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * Names records as people know them in the audit trail, which stores ids: an invoice by its
 * number, an order line as "S00001 line 2", a customer or an employee by name, a product by its
 * code. A value of a property that refers to another record is named the same way, and an instant
 * is shown on the company's clock, as everything else on the audit page. Used within
 * one read-only transaction, remembering what it looked up.
 */
final class RecordNames {

    /** How the audit trail stores an instant (Instant.toString()). */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final EntityManager entities;
    private final ZoneId zone;
    private final Map<String, Class<?>> typesByName = new HashMap<>();
    private final Map<String, String> named = new HashMap<>();

    RecordNames(EntityManager entities, ZoneId zone) {
        this.entities = entities;
        this.zone = zone;
        for (EntityType<?> type : entities.getMetamodel().getEntities()) {
            typesByName.put(type.getName(), type.getJavaType());
        }
    }

    /** The record an audit row is about, e.g. "Invoice INV/2026/00007"; its type and id if it is gone. */
    String record(String entity, String id) {
        Class<?> type = typesByName.get(entity);
        return entity + " " + (type == null ? id : name(type, id).orElse(id));
    }

    /**
     * A property's value as people read it: a referred record by its name, an instant on the
     * company's clock, anything else as stored.
     */
    String value(String entity, String property, String value) {
        if (value == null) {
            return null;
        }
        if (INSTANT.matcher(value).matches()) {
            try {
                return MOMENT.format(Instant.parse(value).atZone(zone));
            } catch (java.time.format.DateTimeParseException typedText) {
                return value;
            }
        }
        Class<?> type = typesByName.get(entity);
        Class<?> referred = type == null ? null : referredType(type, property);
        if (referred == null && property.endsWith("Id")) {
            // a record of another feature kept by its id, e.g. a timesheet entry's ticketId
            referred = typesByName.get(Character.toUpperCase(property.charAt(0))
                    + property.substring(1, property.length() - 2));
        }
        return referred == null ? value : name(referred, value).orElse(value);
    }

    private static Class<?> referredType(Class<?> type, String property) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(property);
                return field.getType().isAnnotationPresent(Entity.class) ? field.getType() : null;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return null;
    }

    private Optional<String> name(Class<?> type, String id) {
        String key = type.getSimpleName() + "#" + id;
        if (!named.containsKey(key)) {
            Object found;
            try {
                found = entities.find(type, Long.valueOf(id));
            } catch (NumberFormatException notAnId) {
                found = null;
            }
            named.put(key, found == null ? null : name(found));
        }
        return Optional.ofNullable(named.get(key));
    }

    private static String name(Object found) {
        Object record = Hibernate.unproxy(found);
        if (record instanceof Invoice invoice) {
            return invoice.getNumber() != null ? invoice.getNumber() : "draft " + invoice.getId();
        } else if (record instanceof InvoiceLine line) {
            return name(line.getInvoice()) + " line " + line.getPosition();
        } else if (record instanceof BillingAllocation allocation) {
            return name(allocation.getEntry()) + " on " + name(allocation.getInvoiceLine());
        } else if (record instanceof SalesOrder order) {
            return order.getNumber();
        } else if (record instanceof SalesOrderLine line) {
            return line.getOrder().getNumber() + " line " + line.getPosition();
        } else if (record instanceof Customer customer) {
            return customer.getName();
        } else if (record instanceof Employee employee) {
            return employee.getName();
        } else if (record instanceof Product product) {
            return product.getCode();
        } else if (record instanceof FieldTask task) {
            return task.getNumber();
        } else if (record instanceof Worksheet worksheet) {
            return "of " + worksheet.getFieldTask().getNumber();
        } else if (record instanceof Ticket ticket) {
            return ticket.getNumber();
        } else if (record instanceof StockMove move) {
            return move.getProduct().getCode() + (move.getSalesOrderLine() == null ? ""
                    : " for " + name(move.getSalesOrderLine()));
        } else if (record instanceof TimesheetEntry entry) {
            return "%d (%s, %s)".formatted(entry.getId(), entry.getWorkDate(), entry.getEmployee().getName());
        }
        return null;
    }
}
