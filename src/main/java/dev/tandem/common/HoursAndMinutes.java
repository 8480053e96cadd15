package dev.tandem.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.money.Money;

/**
 * Time as people read and type it: {@code 6:10} for six hours ten minutes, shown beside the decimal
 * hours money is computed with ({@code 6:10 h · 6.17 h}); typed as {@code 5:20} or as decimal hours
 * ({@code 5.5}).
 */
public final class HoursAndMinutes {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):([0-5]\\d)");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}([.,]\\d{1,2})?");
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private HoursAndMinutes() {
    }

    /** 370 → {@code 6:10}; negative minutes get a minus sign. */
    public static String of(long minutes) {
        long abs = Math.abs(minutes);
        return "%s%d:%02d".formatted(minutes < 0 ? "-" : "", abs / 60, abs % 60);
    }

    /** 370 → {@code 6:10 h · 6.17 h}: the clock time and the decimal hours money is computed with. */
    public static String withDecimal(long minutes) {
        return of(minutes) + " h · " + Money.hours(minutes).toPlainString() + " h";
    }

    /** Decimal hours as a person reads them: 6.17 → {@code 6:10 h · 6.17 h}. */
    public static String withDecimal(BigDecimal hours) {
        long minutes = hours.multiply(SIXTY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return of(minutes) + " h · " + hours.setScale(2, RoundingMode.HALF_UP).toPlainString() + " h";
    }

    /**
     * Minutes from {@code 5:20} (hours and minutes) or {@code 5.33} / {@code 5,33} (decimal hours,
     * at most two decimals, rounded to the minute); null for anything else.
     */
    public static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        Matcher clock = CLOCK.matcher(trimmed);
        if (clock.matches()) {
            return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
        }
        if (DECIMAL.matcher(trimmed).matches()) {
            return new BigDecimal(trimmed.replace(',', '.')).multiply(SIXTY).setScale(0, RoundingMode.HALF_UP)
                    .intValueExact();
        }
        return null;
    }
}
