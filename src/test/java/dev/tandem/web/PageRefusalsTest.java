package dev.tandem.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.security.Groups;

/** What a page answers when the billing core refuses what was sent: the reason on the page, not an error page. */
@TandemIntegrationTest
class PageRefusalsTest {

    @Autowired WebApplicationContext context;
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
    void aTechnicianCannotStartAnInvoiceRun() throws Exception {
        pages.perform(post("/tandem/to-invoice").param("orderIds", "1")
                        .with(user("theo").authorities(() -> Groups.TECHNICIANS)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
