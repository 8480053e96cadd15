package dev.tandem.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.spin.json.SpinJsonNode;

/**
 * One value a person may send to a step of a process (a start form or a user task's form): the
 * variable's name, its type and its limits, as the form declares it. A step accepts its declared
 * inputs and nothing else, whatever the channel (Tasklist, {@code /engine-rest}, Tandem's pages):
 * see {@code security.EngineGuard}.
 */
public record StepInput(String name, Type type, int limit, List<String> choices, boolean mandatory) {

    /** A name, a code or a number typed by a person. */
    public static final int NAME = 200;
    /** What was done or found: the length of a timesheet entry's description. */
    public static final int DESCRIPTION = 1000;
    /** Longer notes (a ticket's description, the worksheet's findings). */
    public static final int NOTES = 4000;

    public enum Type {
        /** Text up to {@code limit} characters. */
        TEXT,
        /** A number with at most {@code limit} decimals. */
        DECIMAL,
        /** A date such as 2026-11-20, as a form's date field sends it. */
        DATE,
        /** A checkbox: true or false. */
        FLAG,
        /** One of {@code choices}. */
        CHOICE,
        /** A list of whole numbers, as a checklist of ids sends it. */
        IDS,
        /** Time worked: hours and minutes ({@code 5:20}) or decimal hours ({@code 5.33}), as {@link HoursAndMinutes} reads it. */
        DURATION
    }

    /**
     * A step's inputs as a page of Tandem's sent them (form fields by name), the way Tasklist sends a
     * form: every input, a field left empty as null (it replaces what the step held), an unticked
     * box as false. The engine's guard then checks them as it checks Tasklist's.
     */
    public static Map<String, Object> fromPage(List<StepInput> inputs, Function<String, String> typed) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (StepInput input : inputs) {
            String value = typed.apply(input.name());
            form.put(input.name(), input.type() == Type.FLAG ? Boolean.valueOf(Boolean.parseBoolean(value))
                    : value == null || value.isBlank() ? null : value);
        }
        return form;
    }

    public static StepInput text(String name, int maxLength) {
        return new StepInput(name, Type.TEXT, maxLength, List.of(), false);
    }

    public static StepInput decimal(String name, int scale) {
        return new StepInput(name, Type.DECIMAL, scale, List.of(), false);
    }

    public static StepInput date(String name) {
        return new StepInput(name, Type.DATE, 0, List.of(), false);
    }

    public static StepInput flag(String name) {
        return new StepInput(name, Type.FLAG, 0, List.of(), false);
    }

    public static StepInput choice(String name, String... choices) {
        return new StepInput(name, Type.CHOICE, 0, List.of(choices), false);
    }

    public static StepInput duration(String name) {
        return new StepInput(name, Type.DURATION, 0, List.of(), false);
    }

    public static StepInput ids(String name) {
        return new StepInput(name, Type.IDS, 0, List.of(), false);
    }

    /** The same input, which a completion or start must carry (a choice that routes the process). */
    public StepInput required() {
        return new StepInput(name, type, limit, choices, true);
    }

    /**
     * Why this value cannot be taken, in words for the person who sent it, or null when it can.
     * An empty value (null) is refused only when the input is {@link #required()}.
     */
    public String refusal(Object value) {
        if (value == null) {
            return mandatory ? "%s is required.".formatted(name) : null;
        }
        return switch (type) {
            case TEXT -> textRefusal(value);
            case DECIMAL -> decimalRefusal(value);
            case DATE -> dateRefusal(value);
            case FLAG -> value instanceof Boolean ? null : "%s must be true or false.".formatted(name);
            case CHOICE -> choices.contains(value) ? null
                    : "%s must be one of %s, not %s.".formatted(name, String.join(", ", choices), shown(value));
            case IDS -> idsRefusal(value);
            case DURATION -> FormValues.minutesOrNull(value) != null ? null
                    : "%s must be hours and minutes like 5:20 or decimal hours like 5.33, not %s."
                    .formatted(name, shown(value));
        };
    }

    private String textRefusal(Object value) {
        if (!(value instanceof String text)) {
            return "%s must be text.".formatted(name);
        }
        if (text.length() > limit) {
            return "%s is too long: at most %d characters, not %d.".formatted(name, limit, text.length());
        }
        // Control characters (NUL above all) and half of a surrogate pair cannot be stored as text.
        int position = 0;
        while (position < text.length()) {
            int c = text.codePointAt(position);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            if (control || c <= Character.MAX_VALUE && Character.isSurrogate((char) c)) {
                return "%s contains a character that is not text (at position %d).".formatted(name, position + 1);
            }
            position += Character.charCount(c);
        }
        return null;
    }

    private String decimalRefusal(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            return "%s must be a number.".formatted(name);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return "%s must be a number, not %s.".formatted(name, shown(value));
        }
        if (number.stripTrailingZeros().scale() > limit) {
            return "%s has more decimals than Tandem keeps: at most %d, not %s."
                    .formatted(name, limit, number.toPlainString());
        }
        return number.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0
                ? "%s is out of range: %s.".formatted(name, number.toPlainString()) : null;
    }

    private String dateRefusal(Object value) {
        if (!(value instanceof String text)) {
            return "%s must be a date like 2026-11-20.".formatted(name);
        }
        try {
            LocalDate.parse(text.strip());
            return null;
        } catch (DateTimeParseException e) {
            return "%s must be a date like 2026-11-20, not %s.".formatted(name, shown(value));
        }
    }

    private String idsRefusal(Object value) {
        List<?> elements;
        if (value instanceof SpinJsonNode node && node.isArray()) {
            elements = node.elements().stream().map(element -> element.isNumber() ? element.numberValue() : element)
                    .toList();
        } else if (value instanceof List<?> list) {
            elements = list;
        } else {
            return "%s must be a list of ids.".formatted(name);
        }
        boolean wholeNumbers = elements.stream().allMatch(element -> element instanceof Integer || element instanceof Long
                || element instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue()));
        return wholeNumbers ? null : "%s must be a list of ids.".formatted(name);
    }

    /** A value quoted in a refusal: short, so a refusal never repeats a whole pasted text. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
