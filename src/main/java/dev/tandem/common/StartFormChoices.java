package dev.tandem.common;

import java.util.List;
import java.util.Map;

/**
 * Lists Tandem's Start page offers to pick from (customers, orders, products, teams, technicians),
 * read from Tandem's records each time the page is opened: nobody types a name from memory.
 * (Tasklist's start forms cannot load data: it loads variables for tasks only.) A Spring bean; the
 * Start page asks every one. What is picked is still checked when the process starts.
 */
public interface StartFormChoices {

    /** The most a list offers. */
    int LONGEST = 1000;

    /** The lists, by name, each as the options of a select: {value, label} ({@link FormOptions#option}). */
    Map<String, List<Map<String, String>>> choices();
}
