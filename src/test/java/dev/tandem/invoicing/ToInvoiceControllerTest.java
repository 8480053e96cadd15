package dev.tandem.invoicing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.tandem.common.BillingException;
import dev.tandem.invoicing.process.InvoiceRunService;

/**
 * The To-Invoice page alone (a web slice: no database, no engine): what it shows of the list, what
 * it asks the invoice runs for, and how it answers a refusal and an unknown run.
 */
@WebMvcTest(ToInvoiceController.class)
class ToInvoiceControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean ToInvoiceList list;
    @MockitoBean InvoiceRunService runs;

    @Test
    void thePageListsTheOrdersToInvoiceOfTheCustomersAskedFor() throws Exception {
        when(list.page(0, "Acme", null)).thenReturn(new ToInvoiceList.Page(List.of(new ToInvoiceList.Row(7L, "S00007",
                "Acme Corp", List.of("F00003"), new BigDecimal("1.50"), new BigDecimal("120.00"))), 0, 1, 1,
                new BigDecimal("1.50"), "Acme", null));

        mvc.perform(get("/tandem/to-invoice").param("customer", "Acme").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("S00007"),
                        Matchers.containsString("Acme Corp"), Matchers.containsString("F00003"),
                        Matchers.containsString("1:30 h · 1.50 h"), Matchers.containsString("120.00"),
                        Matchers.containsString("1 order to invoice for Acme"))));
    }

    @Test
    void creatingInvoicesStartsARunInTheAccountantsNameAndShowsIt() throws Exception {
        when(runs.start(eq("alice"), eq(List.of(7L, 9L)), eq(true), any(), any())).thenReturn("R00004");

        mvc.perform(post("/tandem/to-invoice").param("orderIds", "7", "9").param("consolidated", "true")
                        .with(user("alice")).with(csrf()))
                .andExpect(redirectedUrl("/tandem/invoice-runs/R00004"))
                .andExpect(flash().attribute("message", "Invoice run R00004 started."));
        verify(runs).start("alice", List.of(7L, 9L), true, null, null);
    }

    @Test
    void aRefusedRunComesBackToTheListWithTheReason() throws Exception {
        when(runs.start(any(), any(), eq(false), any(), any()))
                .thenThrow(new BillingException("Choose at least one order to invoice."));

        mvc.perform(post("/tandem/to-invoice").with(user("alice")).with(csrf()))
                .andExpect(redirectedUrl("/tandem/to-invoice"))
                .andExpect(flash().attribute("error", "Choose at least one order to invoice."));
    }

    @Test
    void anUnknownRunIsNotFound() throws Exception {
        when(runs.progress("R99999")).thenReturn(Optional.empty());

        mvc.perform(get("/tandem/invoice-runs/R99999").with(user("alice"))).andExpect(status().isNotFound());
    }
}
