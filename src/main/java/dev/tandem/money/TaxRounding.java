package dev.tandem.money;

/**
 * How tax is rounded to the cent, a company setting ({@code tandem.company.tax-rounding}) that each
 * order keeps from the day it was created.
 */
public enum TaxRounding {

    /** Each line's tax is rounded, then the line taxes are summed ({@code per-line}). */
    PER_LINE,

    /** Tax is computed once per tax rate on the sum of the lines at that rate ({@code per-document}). */
    PER_DOCUMENT;

    /** As people read it on a document. */
    public String describe() {
        return this == PER_LINE ? "tax rounded to the cent on each line"
                : "tax computed per rate on the amount at that rate and rounded once";
    }
}
