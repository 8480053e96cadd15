package dev.tandem.timesheets;

/**
 * How a timer's minutes are billed: at least {@code minimumMinutes}, then rounded up to a
 * multiple of {@code stepMinutes} (0 = no rounding). Applies to timer entries only. {@code rule}
 * names the rule of the decision table that chose it, or is null.
 */
public record TimeRounding(int minimumMinutes, int stepMinutes, String rule) {

    public TimeRounding {
        if (minimumMinutes < 0 || stepMinutes < 0) {
            throw new IllegalArgumentException("Minimum and step must be zero or more");
        }
    }

    public TimeRounding(int minimumMinutes, int stepMinutes) {
        this(minimumMinutes, stepMinutes, null);
    }

    public int billedMinutes(int actualMinutes) {
        int minutes = Math.max(minimumMinutes, actualMinutes);
        if (stepMinutes > 0 && minutes % stepMinutes != 0) {
            minutes = (minutes / stepMinutes + 1) * stepMinutes;
        }
        return minutes;
    }

    /** For the invoice and the confirmation: which rule was applied. */
    public String describe() {
        String how = stepMinutes > 0
                ? "timer time billed at least %d min, rounded up to %d min".formatted(minimumMinutes, stepMinutes)
                : "timer time billed at least %d min".formatted(minimumMinutes);
        return rule == null ? how : rule + ": " + how;
    }
}
