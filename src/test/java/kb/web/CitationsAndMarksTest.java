package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kb.search.MarkedText;
import kb.search.Span;
import org.junit.jupiter.api.Test;

class CitationsAndMarksTest {
    @Test
    void marksBecomeMarkTagsAndEverythingElseIsEscaped() {
        MarkedText t = new MarkedText("<b>NMDA</b> & \"x\"", List.of(new Span(3, 7)));
        assertEquals("&lt;b&gt;<mark>NMDA</mark>&lt;/b&gt; &amp; &quot;x&quot;", MarkedHtml.of(t));
        assertEquals("<b>[NMDA]</b> & \"x\"", t.wrap(s -> s, "[", "]"));
    }

    @Test
    void marksMustBeInOrderApartAndInsideTheText() {
        assertThrows(IllegalArgumentException.class, () -> new MarkedText("abc", List.of(new Span(1, 3), new Span(2, 3))));
        assertThrows(IllegalArgumentException.class, () -> new MarkedText("abc", List.of(new Span(1, 4))));
    }

    @Test
    void aCitationNamesAuthorsYearTitleSectionPageAndPassage() {
        assertEquals("Ada Lovelace et al. (2021). Sleep, \"Results › Adults\", p. 3, paragraph 2. /passages/sleep.adults.2",
                Citations.of("sleep.adults.2", "Sleep", List.of("Results", "Adults"), "paragraph", 2, 3,
                        List.of("Ada Lovelace", "Grace Hopper", "Alan Turing"), "2021/03/15"));
        assertEquals("A and B. Sleep, answer 1. /passages/s.faq-x.1",
                Citations.of("s.faq-x.1", "Sleep", List.of(), "faq", 1, null, List.of("A", "B"), ""));
        assertEquals("A title that is a sentence, table 4. /passages/t.intro.4",
                Citations.of("t.intro.4", "A title that is a sentence.", List.of(), "table", 4, null, List.of(), ""));
        assertEquals("Smith J. Paper, reference 7. /passages/p%20q.references.7",
                Citations.of("p q.references.7", "Paper", List.of(), "reference", 7, null, List.of("Smith J."), "n.d."));
    }
}
