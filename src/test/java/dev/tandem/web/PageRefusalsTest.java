package dev.tandem.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.common.Groups;

/**
 * What a page answers when the billing core refuses what was sent: the reason on the page, not an
 * error page; and what a person may not open at all.
 */
@TandemIntegrationTest
class PageRefusalsTest {

    @Autowired WebApplicationContext context;
    @Autowired SupportProcesses people;
    private MockMvc pages;

    @BeforeEach
    void setUp() {
        pages = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anInvoiceRunOverAnUnknownOrderIsRefusedWithTheReason() throws Exception {
        pages.perform(post("/tandem/to-invoice").param("orderIds", "987654")
                        .with(user("alice").authorities(() -> Groups.ACCOUNTING)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tandem/to-invoice"))
                .andExpect(flash().attribute("error", "Unknown sales order 987654."));
    }

    @Test
    void theToInvoiceListTakesAnyPageAndFilterWithoutFailing() throws Exception {
        var alice = user("alice").authorities(() -> Groups.ACCOUNTING);
        pages.perform(get("/tandem/to-invoice").param("page", "-3").with(alice))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("· page 1 of ")));
        pages.perform(get("/tandem/to-invoice").param("customer", "%_!" + "x".repeat(5_000)).with(alice))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("0 orders to invoice for %_!xxx")));
        pages.perform(get("/tandem/to-invoice").param("page", "second").with(alice))
                .andExpect(status().isBadRequest());
        pages.perform(get("/tandem/to-invoice").param("upTo", "2026-13-45").with(alice))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aTechnicianReachesOnlyTheirOwnFieldTasksWhileAccountingReadsAnyReport() throws Exception {
        String number = people.interventionForTheo("Server room", "Rack check").getBusinessKey();
        var theo = user("theo").authorities(() -> Groups.TECHNICIANS);
        var otherTechnician = user("tom").authorities(() -> Groups.TECHNICIANS);
        var alice = user("alice").authorities(() -> Groups.ACCOUNTING);

        pages.perform(get("/tandem/field-tasks/{n}/signature", number).with(theo)).andExpect(status().isOk());
        pages.perform(get("/tandem/field-tasks/{n}/signature", number).with(otherTechnician))
                .andExpect(status().isNotFound());
        pages.perform(post("/tandem/field-tasks/{n}/signature", number).param("signerName", "Mallory")
                .with(otherTechnician).with(csrf())).andExpect(status().isNotFound());
        pages.perform(get("/tandem/field-tasks/{n}/report.pdf", number).with(otherTechnician))
                .andExpect(status().isNotFound());
        pages.perform(get("/tandem/field-tasks/{n}/report.pdf", number).with(alice))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        pages.perform(get("/tandem/field-tasks/{n}/signature", number).with(alice)).andExpect(status().isForbidden());
    }

    @Test
    void aTechnicianCannotStartAnInvoiceRun() throws Exception {
        pages.perform(post("/tandem/to-invoice").param("orderIds", "1")
                        .with(user("theo").authorities(() -> Groups.TECHNICIANS)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
