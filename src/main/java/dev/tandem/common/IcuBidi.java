package dev.tandem.common;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left text in printed documents (a Hebrew or Arabic customer name, a technician's
 * findings): ICU cuts each line into runs of one direction, lays right-to-left runs out in reading
 * order, and joins Arabic letters into their connected forms, as a reader expects to see them.
 */
final class IcuBidi implements BidiSplitterFactory, BidiReorderer {

    private static final int SHAPE = ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL;
    private static final int UNSHAPE = ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL;

    @Override
    public BidiSplitter createBidiSplitter() {
        return new BidiSplitter() {
            private final Bidi bidi = new Bidi();

            @Override
            public void setParagraph(String text, byte direction) {
                bidi.setPara(text, direction == RTL ? Bidi.RTL : direction == LTR ? Bidi.LTR : Bidi.LEVEL_DEFAULT_LTR, null);
            }

            @Override
            public int countTextRuns() {
                return bidi.countRuns();
            }

            @Override
            public BidiTextRun getVisualRun(int index) {
                BidiRun run = bidi.getVisualRun(index);
                return new BidiTextRun(run.getStart(), run.getLength(), run.isOddRun() ? RTL : LTR);
            }

            @Override
            public byte getBaseDirection(String text) {
                byte direction = Bidi.getBaseDirection(text);
                return direction == Bidi.RTL ? RTL : direction == Bidi.LTR ? LTR : NEUTRAL;
            }
        };
    }

    @Override
    public String reorderRTLTextToLTR(String text) {
        return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
    }

    @Override
    public String shapeText(String text) {
        return shaped(text, SHAPE);
    }

    @Override
    public String deshapeText(String text) {
        return shaped(text, UNSHAPE);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    private static String shaped(String text, int options) {
        try {
            return new ArabicShaping(options).shape(text);
        } catch (ArabicShapingException unshapeable) {
            return text;
        }
    }
}
