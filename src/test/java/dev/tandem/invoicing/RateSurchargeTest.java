package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.common.ActingUser;
import dev.tandem.timesheets.RateSurcharge;
import dev.tandem.timesheets.RateSurchargeRules;
import dev.tandem.timesheets.TimeRoundingRules;
import dev.tandem.timesheets.TimerService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * Rate surcharges from processes/rate-surcharge.dmn: the shipped table gives Globex Corporation's
 * contract +100 % on public holidays, +50 % at weekends and +25 % for timer work after hours;
 * each surcharge is its own invoice line, named after its rule.
 */
@TandemIntegrationTest
class RateSurchargeTest {

    private static final String GLOBEX = "Globex Corporation";

    @Autowired BillingFixtures fixtures;
    @Autowired CustomerRepository customers;
    @Autowired RateSurchargeRules rules;
    @Autowired TimesheetService timesheets;
    @Autowired TimerService timers;
    @Autowired TimeRoundingRules rounding;
    @Autowired InvoicingService invoicing;
    @Autowired CreditNotes creditNotes;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired RepositoryService repository;
    @Autowired ActingUser acting;
    @Autowired TestClock clock;

    private Employee employee;
    private Long order;
    private Long line;

    @BeforeEach
    void aGlobexOrderOnTimesheets() {
        Customer globex = customers.named(GLOBEX);
        employee = fixtures.employee();
        order = fixtures.confirmedOrder(globex, fixtures.postpaid("80"), "40");
        line = fixtures.line(order);
    }

    @AfterEach
    void realTimeAgainAndLedgerIntact() {
        clock.reset();
        assertThat(integrity.run().violations()).isEmpty();
    }

    /** The most recent past day the table treats as wanted (the holiday list may hit any weekday). */
    private LocalDate lastDay(Predicate<LocalDate> wanted) {
        LocalDate day = BillingFixtures.today().minusDays(1);
        while (!wanted.test(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private LocalDate lastOfficeDay() {
        return lastDay(day -> day.getDayOfWeek().getValue() <= 5 && rules.forWork(GLOBEX, day, null).percent() == 0);
    }

    private LocalDate lastWeekendDay() {
        return lastDay(day -> day.getDayOfWeek() == DayOfWeek.SATURDAY && rules.forWork(GLOBEX, day, null).percent() == 50);
    }

    private TimesheetEntry byHand(LocalDate day, String hours) {
        return timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(line), day, new BigDecimal(hours), "Support");
    }

    private TimesheetEntry timerFrom(LocalDate day, String from, String to) {
        clock.set(ZonedDateTime.of(day, LocalTime.parse(from), BillingFixtures.ZONE).toInstant());
        String work = "order line " + line;
        timers.start(employee.getId(), work);
        clock.set(ZonedDateTime.of(day, LocalTime.parse(to), BillingFixtures.ZONE).toInstant());
        TimesheetEntry entry = timesheets.recordTimer(employee.getId(), TimesheetTarget.orderLine(line),
                timers.stop(employee.getId(), work, rounding.forWork(GLOBEX)), "Night maintenance");
        clock.reset();
        return entry;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    @Test
    void holidayWeekendAndAfterHoursTimeIsBilledAtItsSurchargedPriceOnLinesNamedAfterTheRule() {
        LocalDate office = lastOfficeDay();
        assertThat(byHand(office, "1").getSurcharge()).isEqualTo(RateSurcharge.NONE);
        assertThat(timerFrom(office, "20:00", "21:00").getSurcharge())
                .isEqualTo(new RateSurcharge(25, "Globex contract: after hours +25 %"));
        assertThat(byHand(lastWeekendDay(), "2").getSurcharge())
                .isEqualTo(new RateSurcharge(50, "Globex contract: weekend +50 %"));
        assertThat(byHand(LocalDate.parse("2026-11-11"), "1").getSurcharge())
                .isEqualTo(new RateSurcharge(100, "Globex contract: public holiday +100 %"));

        assertThat(fixtures.toInvoice(GLOBEX)).filteredOn(row -> row.orderId().equals(order)).singleElement()
                .satisfies(row -> assertThat(row.amount()).isEqualByComparingTo("580"));
        Invoice invoice = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);

        assertThat(invoice.getLines()).extracting(InvoiceLine::getDescription, l -> plain(l.getQuantity()),
                        l -> plain(l.getUnitPrice()))
                .containsExactly(
                        tuple("Service on Timesheets", "1", "80"),
                        tuple("Service on Timesheets · Globex contract: after hours +25 %", "1", "100"),
                        tuple("Service on Timesheets · Globex contract: weekend +50 %", "2", "120"),
                        tuple("Service on Timesheets · Globex contract: public holiday +100 %", "1", "160"));
        assertThat(invoice.getAmountTotal()).isEqualByComparingTo("580");
    }

    @Test
    void aCreditedSurchargedEntryIsGivenBackAndBilledAgainAtItsSurchargedPrice() {
        byHand(lastOfficeDay(), "1");
        TimesheetEntry weekend = byHand(lastWeekendDay(), "2");
        Invoice posted = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        Invoice credit = invoicing.post(creditNotes.create(posted.getId(), Set.of(weekend.getId())).getId());

        assertThat(credit.getAmountTotal()).isEqualByComparingTo("-240");
        assertThat(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getAmountTotal())
                .isEqualByComparingTo("240");
    }

    @Test
    void otherCustomersPayTheLinePriceAtAnyTime() {
        Long other = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry saturday = timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(fixtures.line(other)),
                lastWeekendDay(), new BigDecimal("2"), "Support");

        assertThat(saturday.getSurcharge()).isEqualTo(RateSurcharge.NONE);
        assertThat(invoicing.createInvoice(other, TimesheetsPeriod.ALL, false).getAmountTotal())
                .isEqualByComparingTo("160");
    }

    @Test
    void aTableAProcessOwnerDeploysRulesTheNextEntry() throws Exception {
        LocalDate saturday = lastWeekendDay();
        String table = Files.readString(Path.of("processes", "rate-surcharge.dmn"))
                .replace("<outputEntry id=\"outputEntry_globexWeekendPercent\"><text>50</text>",
                        "<outputEntry id=\"outputEntry_globexWeekendPercent\"><text>75</text>")
                .replace("\"Globex contract: weekend +50 %\"", "\"Globex contract: weekend +75 %\"");
        String deployment = acting.as("olivia", () -> repository.createDeployment().name("rate surcharge, changed")
                .addString("rate-surcharge.dmn", table).deploy().getId());
        try {
            assertThat(byHand(saturday, "1").getSurcharge())
                    .isEqualTo(new RateSurcharge(75, "Globex contract: weekend +75 %"));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(byHand(saturday, "1").getSurcharge()).isEqualTo(new RateSurcharge(50, "Globex contract: weekend +50 %"));
    }
}
