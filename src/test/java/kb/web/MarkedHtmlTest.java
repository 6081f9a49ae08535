package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import kb.search.MarkedText;
import kb.search.Span;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
class MarkedHtmlTest {
    @Test
    void escapesEveryCodePointAsJsoupDoes() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            String expected = Entities.escape(s);
            String actual = MarkedHtml.escape(s);
            if (!expected.equals(actual)) {
                assertEquals(expected, actual, String.format("U+%04X", cp));
            }
        }
    }

    @Test
    void escapesMixedTextAsJsoupDoes(TestSeed seed) {
        Random random = seed.random();
        // plain letters, every character jsoup escapes below U+0100, other non-ASCII, pairs and lone halves
        String[] pieces = {"a", "Z", " ", "\t", "\n", "&", "<", ">", "\"", "'", "\u00a0", "\u0007", "\u0000", "é",
                "—", "\u00ff", "\ud83d\ude00", "\ud834\udd1e", "\ud836\ude00", "\ud800", "\udfff", "&amp;", "<mark>"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            assertEquals(Entities.escape(s), MarkedHtml.escape(s), s);
        }
    }

    @Test
    void plainTextComesBackAsItIs() {
        String plain = "Ketamine blocks the NMDA receptor — 0.5 mg/kg over 40 min, é.";
        assertSame(plain, MarkedHtml.escape(plain));
        assertEquals("", MarkedHtml.escape(null));
    }

    @Test
    void marksMatchesAndEscapesTheRest() {
        MarkedText marked = new MarkedText("a <b> & \"ketamine\"", java.util.List.of(new Span(9, 17)));
        assertEquals("a &lt;b&gt; &amp; &quot;<mark>ketamine</mark>&quot;", MarkedHtml.of(marked));
    }
}
