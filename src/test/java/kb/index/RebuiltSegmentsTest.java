package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.corpus.CorpusReader;
import kb.search.LuceneSearchEngine;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild leaves the index as one segment, however many the writer flushed on the way (a writer's buffer of a
 * fifth of a megabyte makes this small corpus flush many); an update adds its changes as a segment of their own and
 * rewrites nothing else. Articles stay whole blocks through the merge: a search names each passage's article.
 */
class RebuiltSegmentsTest {
    @TempDir
    Path tmp;

    @Test
    void aRebuildLeavesOneSegmentAndAnUpdateOnlyAddsItsOwn() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int a = 0; a < 40; a++) {
            StringBuilder md = new StringBuilder("# Article " + a + "\n\n");
            for (int p = 0; p < 30; p++) {
                md.append("Paragraph ").append(p).append(" of article ").append(a).append(" mentions word")
                        .append(a).append(" and filler text that fills the writer's buffer quickly.\n\n");
            }
            Files.writeString(corpus.resolve("article-" + a + ".md"), md);
        }
        CorpusReader reader = new CorpusReader();
        Indexer indexer = new Indexer(reader::read, 0.2);
        Path index = tmp.resolve("index");
        indexer.rebuild(corpus, index);
        assertEquals(1, segments(index));

        Files.writeString(corpus.resolve("article-7.md"), "# Article 7\n\nNow one paragraph with word7 alone.\n");
        indexer.update(corpus, index);
        assertEquals(2, segments(index), "the update's own segment beside the rebuilt one");

        try (LuceneSearchEngine engine = LuceneSearchEngine.open(index)) {
            SearchPage page = engine.search(SearchRequest.of("word23"));
            assertEquals(30, page.total());
            assertEquals("article-23", page.articles().get(0).slug());
            assertEquals(30, page.articles().get(0).passages());
            assertTrue(page.hits().stream().allMatch(h -> h.article().equals("article-23")));
            assertEquals(1, engine.search(SearchRequest.of("word7")).total());
        }
    }

    private static int segments(Path index) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            return r.leaves().size();
        }
    }
}
