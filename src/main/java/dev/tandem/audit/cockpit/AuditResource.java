package dev.tandem.audit.cockpit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

import dev.tandem.audit.BillingLineage;
import dev.tandem.common.BillingException;
import dev.tandem.common.Groups;

/**
 * Billing lineage and the audit trail, as JSON for the plugin page. Cockpit only asks for a login
 * to reach plugin resources, so this resource lets in auditors, process owners and administrators
 * only. Everything here reads; nothing changes.
 */
public class AuditResource extends AbstractCockpitPluginResource {

    private static final List<String> READERS = List.of(Groups.AUDITORS, Groups.PROCESS_OWNERS, Groups.ADMINISTRATORS);

    public AuditResource(String engineName) {
        super(engineName);
    }

    @GET
    @Path("invoice")
    @Produces(MediaType.APPLICATION_JSON)
    public BillingLineage.InvoiceLineage invoice(@QueryParam("number") String number) {
        checkReader();
        if (number == null || number.isBlank()) {
            throw new InvalidRequestException(Status.BAD_REQUEST, "Give the invoice number, e.g. INV/2026/00007.");
        }
        return asked(() -> SpringBeans.get(BillingLineage.class).ofInvoice(number));
    }

    @GET
    @Path("entry")
    @Produces(MediaType.APPLICATION_JSON)
    public BillingLineage.EntryLineage entry(@QueryParam("id") Long id) {
        checkReader();
        if (id == null) {
            throw new InvalidRequestException(Status.BAD_REQUEST, "Give the timesheet entry's id.");
        }
        return asked(() -> SpringBeans.get(BillingLineage.class).ofEntry(id));
    }

    /** The company's time zone, in which the page shows every time and reads every date. */
    @GET
    @Path("time-zone")
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.Map<String, String> timeZone() {
        checkReader();
        return java.util.Map.of("timeZone", SpringBeans.get(BillingLineage.class).timeZone());
    }

    @GET
    @Path("changes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<BillingLineage.TrailRow> changes(@QueryParam("entity") String entity, @QueryParam("by") String by,
                                                 @QueryParam("from") String from, @QueryParam("to") String to) {
        checkReader();
        return SpringBeans.get(BillingLineage.class).recentChanges(entity, by, day(from), day(to));
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            throw new InvalidRequestException(Status.BAD_REQUEST, "Dates are written 2026-11-23, not " + text + ".");
        }
    }

    private void checkReader() {
        Authentication user = getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READERS::contains)) {
            throw new InvalidRequestException(Status.FORBIDDEN, "Only auditors and process owners read billing lineage.");
        }
    }

    private static <T> T asked(Supplier<T> query) {
        try {
            return query.get();
        } catch (BillingException unknown) {
            throw new InvalidRequestException(Status.NOT_FOUND, unknown.getMessage());
        }
    }
}
