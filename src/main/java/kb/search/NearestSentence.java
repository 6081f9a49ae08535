package kb.search;

import java.util.List;
import kb.meaning.Embedder;
import kb.meaning.Sentences;

/**
 * The snippet of a passage found by meaning only: its sentence nearest the query in meaning, nothing marked (no word
 * matched). Sentences are embedded on the request's own thread, never behind a batch, and at most
 * {@value #MAX_SENTENCES} of them: past that the first sentences stand for the passage. A reference entry is shown
 * whole.
 */
final class NearestSentence {
    static final int MAX_SENTENCES = 8;

    private NearestSentence() {}

    static SearchHit asSnippet(SearchHit hit, Embedder embedder, float[] query) {
        // A reference entry is one citation: its initials ("Zarate Jr, C.") are no sentence ends.
        List<Sentences.Span> spans = "reference".equals(hit.kind()) ? List.of() : Sentences.split(hit.text());
        Sentences.Span best = spans.isEmpty() ? new Sentences.Span(0, hit.text().length())
                : Sentences.mostSimilar(embedder, hit.text(), spans.subList(0, Math.min(MAX_SENTENCES, spans.size())), query);
        MarkedText snippet = MarkedText.plain(best.of(hit.text()));
        return new SearchHit(hit.id(), hit.article(), hit.title(), hit.section(), hit.sectionPath(), hit.kind(),
                hit.ordinal(), hit.text(), snippet, List.of(), hit.page(), hit.authors(), hit.date(), hit.matchedBy(),
                hit.score());
    }
}
