package kb.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.search.ArticleHit;
import kb.search.ArticleView;
import kb.search.BadQueryException;
import kb.search.Completion;
import kb.search.CorpusExamples;
import kb.search.FacetCount;
import kb.search.Facets;
import kb.search.IndexState;
import kb.search.MarkedText;
import kb.search.MatchedBy;
import kb.search.PassageView;
import kb.search.RankedId;
import kb.search.RelatedPassages;
import kb.search.SearchEngine;
import kb.search.SearchHit;
import kb.search.SearchLimits;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.Span;

/**
 * A search engine answering canned records, so the web pages' handling of meaning (hits found by meaning, related
 * passages, the mode used) can be tested before the real engine fills them. Articles: {@code alpha} (3 passages,
 * every one with related passages), {@code plain} (2 passages; the engine answers {@link RelatedPassages#NONE}, as
 * an index without vectors does) and {@code long} (61 passages: over the inline limit). {@code old-alpha} moved to
 * {@code alpha}. Every search finds 25 passages; page 1 holds one hit by words, one by meaning, one by both; a
 * query with a quote is ranked lexically, as the real engine does with syntax; {@code semantic words} is answered
 * lexically, as without vectors.
 */
final class FakeSearchEngine implements SearchEngine {
    static final String HOSTILE = "<script>alert(1)</script>";
    /** A related passage's text far over the JSON's 240 characters, words of 9 letters and a space. */
    static final String LONG_TEXT = "abcdefghi ".repeat(40).strip();

    private final Map<String, ArticleView> articles = new LinkedHashMap<>();
    private final Map<String, PassageView> passages = new LinkedHashMap<>();
    volatile SearchRequest lastRequest;

    FakeSearchEngine() {
        add("alpha", "Alpha " + HOSTILE, 3);
        add("plain", "Plain", 2);
        add("long", "Long", ArticleRelated.MAX_INLINE + 1);
    }

    private void add(String slug, String title, int count) {
        List<PassageView> list = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String id = slug + ".s." + n;
            String text = "Passage " + n + " of " + slug + " about ketamine.";
            PassageView p = new PassageView(id, slug, title, "Section", List.of("Section"), "paragraph", n, text,
                    MarkedText.plain(text), slug + ".md", null, List.of("A. Author"), "2020");
            list.add(p);
            passages.put(id, p);
        }
        articles.put(slug, new ArticleView(slug, title, slug + ".md", null,
                List.of(new ArticleView.Section(List.of("Section"), "Section", 1, list)), count, List.of(), "", "", ""));
    }

    @Override
    public SearchPage search(SearchRequest request) throws BadQueryException {
        lastRequest = request;
        String q = request.query();
        SearchMode used = q.contains("\"") || q.equals("semantic words") ? SearchMode.LEXICAL : request.mode();
        List<SearchHit> hits = request.page() > 1 ? List.of() : List.of(
                hit("alpha.s.1", MatchedBy.WORDS, "ketamine works", List.of(new Span(0, 8))),
                hit("alpha.s.2", MatchedBy.MEANING, "a drug for " + HOSTILE, List.of()),
                hit("alpha.s.3", MatchedBy.BOTH, "ketamine again", List.of(new Span(0, 8))));
        Facets facets = new Facets(List.of(new FacetCount("alpha", "Alpha", List.of(), 25)),
                List.of(new FacetCount("Section", "Section", List.of("Section"), 25)));
        if (q.equals("many")) {
            // More matches than kb counts: every page is full, the total a lower bound.
            List<SearchHit> full = new ArrayList<>();
            for (int i = 0; i < request.size(); i++) {
                full.add(hit("alpha.s.1", MatchedBy.WORDS, "ketamine works", List.of(new Span(0, 8))));
            }
            SearchMode mode = request.mode() == SearchMode.SEMANTIC ? SearchMode.SEMANTIC : SearchMode.LEXICAL;
            return new SearchPage(q, SearchLimits.EXACT_COUNT, 1, request.page(), request.size(), full, facets, List.of(),
                    null, List.of(), mode, SearchLimits.EXACT_COUNT, List.of(), false);
        }
        String corrected = q.equals("ketamin") ? "ketamine" : null;
        return new SearchPage(q, 25, 1, request.page(), request.size(), hits, facets, List.of("esketamine"), corrected,
                List.of(), used, used == SearchMode.LEXICAL ? 25 : 20, List.of(new ArticleHit("alpha", "Alpha", 1f, 25)));
    }

    private SearchHit hit(String id, MatchedBy by, String snippet, List<Span> marks) {
        PassageView p = passages.get(id);
        return new SearchHit(id, p.article(), p.title(), p.section(), p.sectionPath(), p.kind(), p.ordinal(), p.text(),
                new MarkedText(snippet, marks), List.of(), null, p.authors(), p.date(), by, 1f);
    }

    @Override
    public List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText, SearchMode mode) {
        return List.of();
    }

    @Override
    public Optional<PassageView> passage(String id) {
        return Optional.ofNullable(passages.get(id));
    }

    @Override
    public Optional<ArticleView> article(String slug, String query) {
        return Optional.ofNullable(articles.get(slug));
    }

    @Override
    public Optional<RelatedPassages> related(String passageId, int limit) {
        PassageView p = passages.get(passageId);
        if (p == null) {
            return Optional.empty();
        }
        if (p.article().equals("plain")) {
            return Optional.of(RelatedPassages.NONE);
        }
        List<RelatedPassages.Item> other = List.of(
                new RelatedPassages.Item("plain.s.1", "plain", "Plain " + HOSTILE, List.of("Section", "Sub"), "paragraph",
                        1, 4, LONG_TEXT, 0.8f),
                new RelatedPassages.Item("plain.s.2", "plain", "Plain", List.of(), "faq", 2, null, "Short.", 0.7f));
        List<RelatedPassages.Item> same = passages.values().stream()
                .filter(o -> o.article().equals(p.article()) && !o.id().equals(passageId)).limit(Math.min(limit, 2))
                .map(o -> new RelatedPassages.Item(o.id(), o.article(), o.title(), o.sectionPath(), o.kind(), o.ordinal(),
                        o.page(), o.text(), 0.6f))
                .toList();
        return Optional.of(new RelatedPassages(other, same));
    }

    @Override
    public Optional<String> movedTo(String id) {
        return id.startsWith("old-alpha") ? Optional.of(id.substring("old-".length())) : Optional.empty();
    }

    @Override
    public Optional<Path> sourceOf(String slug) {
        return Optional.empty();
    }

    @Override
    public List<Completion> complete(String typed, int limit) {
        return List.of();
    }

    @Override
    public CorpusExamples examples() {
        return CorpusExamples.NONE;
    }

    @Override
    public IndexState state() {
        return new IndexState(1, passages.size(), passages.size());
    }

    @Override
    public void refresh() {}

    @Override
    public void close() {}
}
