package dev.tandem.common;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/** The options of a Camunda Form's select with a {@code valuesKey}: a JSON variable of {value, label}. */
public final class FormOptions {

    private FormOptions() {
    }

    /** The list as the variable a select reads: serialized JSON, as Tasklist hands it over. */
    public static TypedValue of(List<? extends Map<String, ?>> options) {
        return SpinValues.jsonValue(Spin.JSON(options).toString()).create();
    }

    /** One option. */
    public static Map<String, String> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }
}
