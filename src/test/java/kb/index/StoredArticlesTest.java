package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.corpus.Article;
import kb.corpus.ArticleMeta;
import kb.corpus.Passage;
import kb.corpus.PassageKind;
import kb.corpus.Reference;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article read back from the index gives the very values it was indexed from, so a cluster gets them too. */
class StoredArticlesTest {
    @TempDir
    Path tmp;

    /** An article with a value of every kind: meta, headings, pages, citations, a reference, an empty heading path. */
    static Article fixture() {
        String slug = "ketamine-trial";
        String title = "Ketamine for depression";
        String file = "trials/ketamine-trial.pdf";
        List<Passage> passages = List.of(
                new Passage(slug + ".intro.1", slug, title, List.of(), PassageKind.PARAGRAPH, 1, 0,
                        "Ketamine eased the tumour patients' depression within 24h [1].", file, List.of(slug + ".references.1"),
                        null, 1),
                new Passage(slug + ".methods.1", slug, title, List.of("Methods", "Dosing"), PassageKind.TABLE, 1, 1,
                        "Dose 0.5mg/kg over 40 min", file, List.of(), null, 2),
                new Passage(slug + ".methods.2", slug, title, List.of("Methods", "Dosing"), PassageKind.PARAGRAPH, 2, 2,
                        "Midazolam served as the active placebo.", file, List.of(), null, 2),
                new Passage(slug + ".references.1", slug, title, List.of("References"), PassageKind.REFERENCE, 1, 3,
                        "Murrough JW, Iosifescu DV. Antidepressant efficacy of ketamine. Am J Psychiatry. 2013.", file,
                        List.of(), new Reference(1, "Murrough JW, Iosifescu DV", "2013",
                                "Antidepressant efficacy of ketamine", "Am J Psychiatry"), 3));
        return new Article(slug, title, file, new ArticleMeta(List.of("A. Author", "B. Author"), "2013-10-01",
                "https://example.org/ketamine", "10.1000/xyz", "Am J Psychiatry"), passages);
    }

    /** {@code article} indexed alone, as the indexer writes it, into {@code dir}. */
    static void index(Path dir, Article article) throws IOException {
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.perField()))) {
            w.addDocuments(new PassageDocuments(PassageDocuments.facetsConfig()).documents(article, "hash-1", "content-1"));
            w.setLiveCommitData(Map.of(Fields.COMMIT_RUN, "run-1").entrySet());
            w.commit();
        }
    }

    @Test
    void anArticleReadBackGivesTheValuesItWasIndexedFrom() throws IOException {
        Article article = fixture();
        index(tmp, article);
        try (StoredArticles stored = StoredArticles.open(tmp)) {
            StoredArticles.Stored read = stored.read(article.slug());
            assertEquals("hash-1", read.hash());
            assertEquals("content-1", read.contentHash());
            assertEquals(PassageValues.of(article, "hash-1", "content-1"),
                    PassageValues.of(read.article(), read.hash(), read.contentHash()));
            assertEquals(Map.of(article.slug(), "hash-1"), stored.hashes());
            assertEquals("run-1", stored.commitData().get(Fields.COMMIT_RUN));
            // Indexed without vectors: none read back, and no model named.
            assertEquals(java.util.Collections.nCopies(4, null), read.vectors());
            assertEquals(java.util.Collections.nCopies(4, null), read.textKeys());
            assertNull(read.meaningModel());
        }
    }

    @Test
    void anArticleTheIndexLacksIsRefusedByName() throws IOException {
        index(tmp, fixture());
        try (StoredArticles stored = StoredArticles.open(tmp)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stored.read("nope"));
            assertEquals("the index has no article nope", e.getMessage());
        }
    }
}
