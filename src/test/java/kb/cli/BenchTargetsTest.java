package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchTargetsTest {
    @Test
    void aRatioJustOverItsLimitIsPrintedWithTheDecimalsThatShowWhyItIsNotMet() {
        StringWriter text = new StringWriter();
        BenchTargets targets = new BenchTargets(new PrintWriter(text, true));
        targets.atMost(BenchTargets.GROWTH, 1.1004, 1.1);
        assertTrue(text.toString().contains(": 1.1004x (target <= 1.1x): NOT met"), text.toString());
    }

    @Test
    void aRatioJustUnderItsLimitIsPrintedApartFromItToo() {
        assertEquals("1.0996x", BenchTargets.ratioText(1.0996, 1.1));
        assertEquals("1.097x", BenchTargets.ratioText(1.097, 1.1));
    }

    @Test
    void ratiosThatDoNotReadAsTheLimitKeepTwoDecimals() {
        assertEquals("1.57x", BenchTargets.ratioText(1.5712, 1.3));
        assertEquals("1.30x", BenchTargets.ratioText(1.3, 1.3));
        assertEquals("0.55x", BenchTargets.ratioText(0.5503, 0.7));
    }
}
