package dev.tandem.common;

import java.util.List;
import java.util.Map;

/**
 * Lists a start form offers to pick from (customers, orders, products, teams, technicians), read
 * from Tandem's records each time a start form is opened: nobody types a name from memory. A Spring
 * bean; the engine's form service asks every one. The forms' selects name the lists in their
 * {@code valuesKey} ({@link FormOptions}); what is picked is still checked when the process starts.
 */
public interface StartFormChoices {

    /** The most a list offers; the form's select searches within it. */
    int LONGEST = 1000;

    /** The lists, by variable name, each as the options of a select: {value, label}. */
    Map<String, List<Map<String, String>>> choices();
}
