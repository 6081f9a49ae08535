package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void terminalLineShowsBarCountsSpeedAndTimeLeft() {
        // 10 MB of 40 MB in 5 s: 2 MB/s, 30 MB to go at that speed is 15 s.
        String line = ProgressDisplay.line(1234, 5678, 10_000_000, 40_000_000, 5 * SECOND, true);
        assertEquals("[######------------------]  25%  1,234 articles, 5,678 passages, 2.0 MB/s, 0:15 left", line);
    }

    @Test
    void plainLineHasNoBar() {
        String line = ProgressDisplay.line(2, 3, 500_000, 1_000_000, SECOND, false);
        assertEquals("Indexing:  50%  2 articles, 3 passages, 0.5 MB/s, 0:01 left", line);
    }

    @Test
    void finishedOrUnstartedWorkGivesNoTimeLeft() {
        assertFalse(ProgressDisplay.line(5, 5, 100, 100, SECOND, false).contains("left"));
        assertFalse(ProgressDisplay.line(0, 0, 0, 100, 0, false).contains("left"));
    }

    @Test
    void longDurationsShowHours() {
        assertEquals("1:01:05", ProgressDisplay.duration(3665));
        assertEquals("2:05", ProgressDisplay.duration(125));
    }

    @Test
    void withoutTerminalPrintsAPlainLineOncePerInterval() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> now[0], 5 * SECOND);
        for (int article = 1; article <= 12; article++) {
            now[0] = article * SECOND; // one article a second: lines at 5 s and 10 s only
            display.article(article, article * 2L, article * 100L, 1_200);
        }
        display.finish();
        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text.toString());
        assertTrue(lines[0].startsWith("Indexing:  42%  5 articles, 10 passages"), lines[0]);
        assertTrue(lines[1].startsWith("Indexing:  83%  10 articles, 20 passages"), lines[1]);
        assertFalse(text.toString().contains("\r"));
    }

    @Test
    void aRunThatMakesVectorsShowsHowManyPassagesHaveOne() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> now[0], SECOND);
        now[0] = 2 * SECOND;
        display.meaning(1_200, 3_400);
        display.article(10, 3_400, 100, 1_000);
        assertTrue(text.toString().strip().endsWith(", meaning: 1,200 of 3,400 passages"), text.toString());
    }

    @Test
    void onTerminalRedrawsOneLineAndEndsItWhenFinished() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), true, () -> now[0], SECOND);
        for (int article = 1; article <= 3; article++) {
            now[0] = article * SECOND;
            display.article(article, article, article, 3);
        }
        display.finish();
        String out = text.toString();
        assertEquals(3, out.chars().filter(c -> c == '\r').count(), out);
        assertTrue(out.endsWith(System.lineSeparator()), out);
        assertTrue(out.contains("[########################] 100%  3 articles"), out);
    }
}
