package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article signal on a tiny corpus: a long article whose many passages each hold a few of the question's rarer
 * words ("bigtable", "night", "pages") against a one-passage article whose heading merely repeats the question's
 * generic words ("how does the team cut down", common in the corpus). Passage by passage the short one wins (its
 * heading weighs 3); in the light of their articles the long one's answer ranks first, at passage and at article
 * level. With the article's weight at 0 and articles folded from their best passage (kb before article ranking) all
 * three tests fail: the short article comes first.
 */
class ArticleRankingTest {
    static final String QUESTION = "how does the bigtable team cut down the pages at night";
    static final String LONG = "bigtable-paging";
    static final String ANSWER = LONG + ".paging-at-night.1";
    static final String SHORT = "household-budget";

    @TempDir
    Path tmp;
    Path corpus;
    Path index;

    @BeforeEach
    void build() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        write(SHORT, "Household budget", List.of(
                "## How does the team cut down?\n\nWe plan meals and walk to work."));
        List<String> sections = new ArrayList<>();
        sections.add("## Paging at night\n\nThe team cut the pages it sends at night by half: alerts now fire on "
                + "symptoms users see, not on every cause.");
        String[] topics = {"Bigtable replication", "Bigtable storage", "Night shifts", "Pages and tickets",
                "Bigtable latency", "Escalation"};
        for (String topic : topics) {
            sections.add("## " + topic + "\n\nBigtable serves many clusters; a night on call used to bring "
                    + "dozens of pages about " + topic.toLowerCase() + ".\n\nEach of the pages named a server.");
        }
        write(LONG, "Operating Bigtable", sections);
        // Generic words are common: other notes use them too.
        for (String other : new String[] {"garden-notes", "bicycle-repair", "bread-baking", "team-sports"}) {
            write(other, other.replace('-', ' '), List.of("## How to start\n\nHow does one cut down the work? "
                    + "A short note on " + other + " for the team at the weekend, with a list of tools."));
        }
        new Indexer(new CorpusReader()).rebuild(corpus, index);
    }

    @Test
    void aLongArticleOnTheQuestionOutranksAShortPassageOfGenericWords() throws Exception {
        try (LuceneSearchEngine kb = LuceneSearchEngine.openForQueries(index, Duration.ofSeconds(10), null)) {
            List<RankedId> articles = kb.rank(QUESTION, 5, true, true);
            assertEquals(LONG, articles.get(0).id(), articles.toString());
            List<RankedId> passages = kb.rank(QUESTION, 5, false, true);
            assertEquals(ANSWER, passages.get(0).id(), passages.toString());
        }
    }

    @Test
    void theSearchPageListsTheArticlesItIsAboutTheSameOnEveryPage() throws Exception {
        try (LuceneSearchEngine kb = LuceneSearchEngine.openForQueries(index, Duration.ofSeconds(10), null)) {
            SearchPage first = kb.search(new SearchRequest(QUESTION, 1, 3, null, null));
            assertEquals(LONG, first.articles().get(0).slug(), first.articles().toString());
            assertEquals("Operating Bigtable", first.articles().get(0).title());
            long matching = first.facets().articles().stream().filter(f -> f.value().equals(LONG))
                    .findFirst().orElseThrow().count();
            assertEquals(matching, first.articles().get(0).passages(), "counted as the article facet counts");
            assertTrue(first.articles().size() <= SearchLimits.TOP_ARTICLES);
            assertTrue(first.articles().stream().allMatch(a -> a.passages() > 0));
            assertEquals(kb.rank(QUESTION, 5, true, false).stream().map(RankedId::id).toList().subList(0, 2),
                    first.articles().stream().map(ArticleHit::slug).toList().subList(0, 2), "as rank(byArticle)");
            SearchPage second = kb.search(new SearchRequest(QUESTION, 2, 3, null, null));
            assertEquals(first.articles(), second.articles());
            SearchPage filtered = kb.search(new SearchRequest(QUESTION, 1, 3, SHORT, null));
            assertEquals(List.of(SHORT), filtered.articles().stream().map(ArticleHit::slug).toList(),
                    "a filter leaves out the articles it excludes");
        }
    }

    @Test
    void articlesAreStillFoundAfterAnUpdateRewritesOne() throws Exception {
        write(SHORT, "Household budget", List.of("## How does the team cut down?\n\nWe plan meals.",
                "## Costs\n\nAnd we cycle."));
        new Indexer(new CorpusReader()).update(corpus, index);
        try (LuceneSearchEngine kb = LuceneSearchEngine.openForQueries(index, Duration.ofSeconds(10), null)) {
            assertEquals(LONG, kb.rank(QUESTION, 5, true, true).get(0).id());
            assertEquals(ANSWER, kb.rank(QUESTION, 5, false, true).get(0).id());
            SearchPage page = kb.search(SearchRequest.of("cycle"));
            assertEquals(List.of(SHORT), page.articles().stream().map(ArticleHit::slug).toList());
        }
    }

    private void write(String slug, String title, List<String> sections) throws IOException {
        String body = "---\ntitle: " + title + "\n---\n\n" + String.join("\n\n", sections) + "\n";
        Files.writeString(corpus.resolve(slug + ".md"), body);
    }
}
