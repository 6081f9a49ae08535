package kb.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits a unit from the number written against it ("0.5mg" gives "0.5" and "mg", "24h" gives "24" and "h"), so
 * that "0.5mg/kg", "0.5 mg/kg" and "0.5 mg / kg" all give the tokens 0.5, mg, kg. A cut falls after an ASCII digit
 * where the whole run of letters that follows is a known unit, case as written, and no digit follows that run:
 * "mmHg" is cut from "120mmHg", "H1N1" and "5mgs" are left whole. Runs on the tokenizer's output, before lower
 * casing; each piece is a token of its own, one position on, with offsets inside the original token.
 *
 * <p>Lucene's own filters do not fit: WordDelimiterGraphFilter cuts every letter–digit boundary ("H1N1"), and
 * PatternCaptureGroupTokenFilter stacks its captures on one position with the whole token's offsets.
 */
public final class NumberUnitFilter extends TokenFilter {
    /** The units, case-sensitive: "mL" and "ml" are units, "ML" is not. */
    private static final CharArraySet UNITS = new CharArraySet(List.of(
            "mg", "mcg", "µg", "ug", "ng", "kg", "g", "ml", "mL", "dl", "dL", "l", "L", "mmol", "µmol", "umol", "mol",
            "mEq", "meq", "iu", "IU", "h", "hr", "hrs", "min", "mins", "ms", "mm", "cm", "nm", "mmHg"), false);

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

    /** The token being split: its text, where each piece starts, and the attributes to give every later piece. */
    private char[] whole = new char[32];
    private int wholeLength;
    private int[] cuts = new int[4];
    private int cutCount;
    private int nextCut;
    private int startOffset;
    private boolean offsetsMatchText;
    private State state;

    public NumberUnitFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (nextCut < cutCount) {
            restoreState(state);
            emitPiece();
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        cutCount = findCuts(term.buffer(), term.length());
        if (cutCount == 0) {
            return true;
        }
        wholeLength = term.length();
        if (whole.length < wholeLength) {
            whole = new char[wholeLength];
        }
        System.arraycopy(term.buffer(), 0, whole, 0, wholeLength);
        startOffset = offset.startOffset();
        // Offsets can be cut only when they span exactly the token's text (no char filter changed its length).
        offsetsMatchText = offset.endOffset() - startOffset == wholeLength;
        state = captureState();
        nextCut = 0;
        term.setLength(cuts[0]);
        if (offsetsMatchText) {
            offset.setOffset(startOffset, startOffset + cuts[0]);
        }
        return true;
    }

    /** Writes the piece from {@code cuts[nextCut]} to the next cut (or the end) into the restored attributes. */
    private void emitPiece() {
        int from = cuts[nextCut++];
        int to = nextCut < cutCount ? cuts[nextCut] : wholeLength;
        term.copyBuffer(whole, from, to - from);
        posInc.setPositionIncrement(1);
        if (offsetsMatchText) {
            offset.setOffset(startOffset + from, startOffset + to);
        }
    }

    /** Finds the cuts in {@code text}, storing them in {@link #cuts}; returns how many there are. */
    private int findCuts(char[] text, int length) {
        int count = 0;
        int i = 1;
        while (i < length) {
            if (!isAsciiDigit(text[i - 1]) || !Character.isLetter(text[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < length) {
                int cp = Character.codePointAt(text, end, length);
                if (!Character.isLetter(cp)) {
                    break;
                }
                end += Character.charCount(cp);
            }
            if ((end == length || !isAsciiDigit(text[end])) && UNITS.contains(text, i, end - i)) {
                if (count == cuts.length) {
                    cuts = Arrays.copyOf(cuts, count * 2);
                }
                cuts[count++] = i;
            }
            i = end + 1;
        }
        return count;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        cutCount = 0;
        nextCut = 0;
        state = null;
    }
}
