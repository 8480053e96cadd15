package dev.tandem.timesheets;

/**
 * A surcharge on the hourly price of an entry, in percent, with the name of the rule of
 * processes/rate-surcharge.dmn that chose it; {@link #NONE} for the order line's price.
 */
public record RateSurcharge(int percent, String rule) {

    public static final RateSurcharge NONE = new RateSurcharge(0, null);

    public RateSurcharge {
        if (percent < 0) {
            throw new IllegalArgumentException("A surcharge cannot be negative");
        }
        if (percent == 0) {
            rule = null;
        }
    }
}
