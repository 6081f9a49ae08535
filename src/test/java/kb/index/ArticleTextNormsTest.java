package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import kb.corpus.CorpusReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article's whole text is on its first passage alone, yet every passage has a norm for it (the others hold the
 * field empty): scoring whole articles then reads lengths directly rather than through a sparse index of the few
 * passages that have one. The field's statistics count articles only, so its scores are those of the text alone.
 */
class ArticleTextNormsTest {
    @TempDir
    Path tmp;

    @Test
    void everyPassageHasAnArticleTextNormButOnlyArticlesCountInItsStatistics() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int a = 0; a < 3; a++) {
            Files.writeString(corpus.resolve("article-" + a + ".md"), "# Article " + a + "\n\nFirst paragraph on"
                    + " ketamine.\n\nSecond paragraph on midazolam.\n\nThird paragraph on esketamine.\n");
        }
        CorpusReader reader = new CorpusReader();
        Path index = tmp.resolve("index");
        new Indexer(reader::read).rebuild(corpus, index);
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            assertEquals(1, r.leaves().size());
            LeafReader leaf = r.leaves().get(0).reader();
            assertEquals(9, leaf.maxDoc(), "three passages per article");
            NumericDocValues norms = leaf.getNormValues(Fields.ARTICLE_TEXT);
            int withNorm = 0;
            while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                withNorm++;
            }
            assertEquals(9, withNorm, "a norm on every passage");
            assertEquals(3, leaf.terms(Fields.ARTICLE_TEXT).getDocCount(), "only the first passages hold the text");
            assertEquals(3, leaf.docFreq(new org.apache.lucene.index.Term(Fields.ARTICLE_TEXT, "midazolam")));
        }
    }
}
