package dev.tandem.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;

/**
 * What Camunda Forms submit, read strictly: a number field sends an Integer or a Double, a date
 * field text like "2026-11-20", an empty field nothing. Bad values are refused with a message.
 */
public final class FormValues {

    private FormValues() {
    }

    public static BigDecimal decimal(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new BillingException("%s must be a number, not %s.".formatted(label, value));
        }
    }

    /**
     * Time worked as minutes, from {@code 5:20}, {@code 5.33} or a number of hours with at most two
     * decimals; null when empty.
     */
    public static Integer minutes(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Integer minutes = minutesOrNull(value);
        if (minutes == null) {
            throw new BillingException("%s must be hours and minutes like 5:20 or decimal hours like 5.33, not %s."
                    .formatted(label, value));
        }
        return minutes;
    }

    static Integer minutesOrNull(Object value) {
        if (value instanceof Number number) {
            BigDecimal hours;
            try {
                hours = new BigDecimal(number.toString());
            } catch (NumberFormatException notFinite) {
                return null;
            }
            return hours.signum() < 0 || hours.stripTrailingZeros().scale() > 2 ? null
                    : HoursAndMinutes.parse(hours.toPlainString());
        }
        return value instanceof String text ? HoursAndMinutes.parse(text) : null;
    }

    public static LocalDate date(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new BillingException("%s must be a date like 2026-11-20, not %s.".formatted(label, value));
        }
    }

    public static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** Ids chosen in a form or a request: a JSON array (Tasklist, REST) or a Java list of numbers. */
    public static List<Long> ids(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof SpinJsonNode node) {
            node.elements().forEach(element -> ids.add(element.numberValue().longValue()));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> ids.add(((Number) element).longValue()));
        } else if (value != null) {
            throw new BillingException("Ids must be sent as a list, not as %s.".formatted(value.getClass().getSimpleName()));
        }
        return ids;
    }

    public static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }
}
