package kb.search;

import java.util.List;
import kb.meaning.Embedder;
import kb.meaning.Sentences;

/**
 * The snippets of one page's passages found by meaning only: each passage's sentence nearest the query in meaning,
 * nothing marked (no word matched). A reference entry is shown whole. Sentences are embedded on the request's own
 * thread, never behind a batch, and their number is bounded, because each costs a run of the model: at most
 * {@value #PER_PASSAGE} of a passage (past that the first sentences stand for it) and {@value #PER_PAGE} for the
 * whole page, shared evenly among the page's meaning-only passages in rank order (what one passage leaves unused
 * goes to those after it), so a page of ten such passages costs no more than a page of four.
 */
final class NearestSentence {
    static final int PER_PASSAGE = 8;
    static final int PER_PAGE = 32;

    private final Embedder embedder;
    private final float[] query;
    private int sentencesLeft = PER_PAGE;
    private int passagesLeft;

    /** For a page with {@code meaningOnly} passages found by meaning only, nearest {@code query}. */
    NearestSentence(Embedder embedder, float[] query, int meaningOnly) {
        this.embedder = embedder;
        this.query = query;
        this.passagesLeft = meaningOnly;
    }

    /** {@code hit} with its nearest sentence as the snippet; call once per meaning-only hit, in rank order. */
    SearchHit asSnippet(SearchHit hit) {
        // A reference entry is one citation: its initials ("Zarate Jr, C.") are no sentence ends.
        List<Sentences.Span> spans = "reference".equals(hit.kind()) ? List.of() : Sentences.split(hit.text());
        int share = Math.min(PER_PASSAGE, Math.max(1, sentencesLeft / Math.max(1, passagesLeft)));
        List<Sentences.Span> candidates = spans.subList(0, Math.min(share, spans.size()));
        Sentences.Span best = candidates.isEmpty() ? new Sentences.Span(0, hit.text().length())
                : Sentences.mostSimilar(embedder, hit.text(), candidates, query);
        // One candidate is taken as it is, without running the model.
        sentencesLeft -= candidates.size() > 1 ? candidates.size() : 0;
        passagesLeft--;
        MarkedText snippet = MarkedText.plain(best.of(hit.text()));
        return new SearchHit(hit.id(), hit.article(), hit.title(), hit.section(), hit.sectionPath(), hit.kind(),
                hit.ordinal(), hit.text(), snippet, List.of(), hit.page(), hit.authors(), hit.date(), hit.matchedBy(),
                hit.score());
    }
}
