package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import kb.index.ExpansionDictionary;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LuceneSearchEngine} counts a page's matches and facets with the expanded query minus its proximity bonus, so the
 * bonus must never change which passages match, only their order.
 */
class QueryExpanderTest {
    @TempDir
    static Path tmp;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static ExpansionDictionary dictionary;
    final UserQueryParser parser = new UserQueryParser();
    final QueryExpander expander = new QueryExpander(parser);

    @BeforeAll
    static void index() throws IOException {
        SeedIndex.build(tmp, "receptors.md", "abbrev.md", "synonyms.txt");
        reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")));
        searcher = new IndexSearcher(reader);
        dictionary = ExpansionDictionary.fromCommit(reader.getIndexCommit().getUserData());
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"how does ketamine work on NMDA receptors", "ketamine depression midazolam",
            "is ketamine safe for treatment-resistant depression?", "glutamate binding receptors",
            "\"single infusion\" ketamine response", "esketamine nasal spray dose"})
    void theProximityBonusAddsNoMatchOnlyOrder(String text) throws Exception {
        QueryExpander.Expanded e = expander.expand(parser.parse(text).main(), text, dictionary);
        assertNotEquals(e.highlight(), e.query(), "the query has a proximity bonus to test");
        assertEquals(searcher.count(e.highlight()), searcher.count(e.query()), text);
    }
}
