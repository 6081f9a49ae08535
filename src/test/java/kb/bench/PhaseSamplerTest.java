package kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PhaseSamplerTest {
    private static StackTraceElement frame(String cls, String method) {
        return new StackTraceElement(cls, method, null, -1);
    }

    @Test
    void sampleIsChargedToTheOutermostPhaseInsideASearch() {
        StackTraceElement[] stack = { // innermost first, as Thread.getStackTrace gives it
            frame("org.apache.lucene.index.StoredFields", "document"),
            frame("org.apache.lucene.search.uhighlight.UnifiedHighlighter", "highlight"),
            frame("kb.search.ResultPages", "hits"),
            frame("kb.search.LuceneSearchEngine", "search"),
            frame("kb.bench.SearchBench", "run")};
        assertEquals("highlight", PhaseSampler.phaseOf(stack));
    }

    @Test
    void searchWithoutAKnownPhaseIsOtherAndOutsideASearchIsNothing() {
        assertEquals("other (plan, result records)", PhaseSampler.phaseOf(new StackTraceElement[] {
            frame("java.util.ArrayList", "add"), frame("kb.search.LuceneSearchEngine", "search")}));
        assertNull(PhaseSampler.phaseOf(new StackTraceElement[] {frame("kb.bench.SearchBench", "run")}));
    }
}
