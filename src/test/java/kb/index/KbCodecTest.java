package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kb.corpus.CorpusReader;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb writes its index with {@link KbCodec}, found by name when the index is opened, and every stored value reads
 * back; an index written with Lucene's default codec (every index before it) is read and updated as it is.
 */
class KbCodecTest {
    @TempDir
    Path tmp;

    @Test
    void aRebuiltIndexIsWrittenWithKbsCodecAndChecksClean() throws Exception {
        Path corpus = corpus(3);
        Path index = tmp.resolve("index");
        new Indexer(new CorpusReader()).rebuild(corpus, index);
        try (Directory dir = FSDirectory.open(index)) {
            assertEquals(Set.of(KbCodec.NAME), codecs(dir));
            assertTrue(Codec.availableCodecs().contains(KbCodec.NAME), "found by name, as an index is opened");
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                StoredFields stored = r.storedFields();
                Set<String> texts = new TreeSet<>();
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    texts.add(stored.document(doc).get(Fields.TEXT));
                }
                assertEquals(new TreeSet<>(List.of("About ketamine in article 0.", "About ketamine in article 1.",
                        "About ketamine in article 2.", "Midazolam was the comparison in article 0.",
                        "Midazolam was the comparison in article 1.", "Midazolam was the comparison in article 2.")),
                        texts);
            }
            try (CheckIndex check = new CheckIndex(dir)) {
                check.setInfoStream(null);
                assertTrue(check.checkIndex().clean);
            }
        }
    }

    @Test
    void anIndexWrittenWithLucenesDefaultCodecIsReadAndUpdated() throws Exception {
        Path corpus = corpus(2);
        Path built = tmp.resolve("built");
        new Indexer(new CorpusReader()).rebuild(corpus, built);
        // The same index, commit data and all, as kb wrote it before it had a codec of its own.
        Path index = tmp.resolve("index");
        try (Directory from = FSDirectory.open(built); Directory to = FSDirectory.open(index);
                DirectoryReader r = DirectoryReader.open(from);
                IndexWriter w = new IndexWriter(to, new IndexWriterConfig(Analyzers.perField()))) {
            List<CodecReader> leaves = new ArrayList<>();
            for (LeafReaderContext leaf : r.leaves()) {
                leaves.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
            }
            w.addIndexes(leaves.toArray(CodecReader[]::new));
            w.setLiveCommitData(r.getIndexCommit().getUserData().entrySet());
            w.commit();
        }
        try (Directory dir = FSDirectory.open(index)) {
            assertEquals(Set.of(Codec.getDefault().getName()), codecs(dir));
        }
        Files.writeString(corpus.resolve("article-9.md"), "# Article 9\n\nAbout esketamine in article 9.\n");
        IndexReport report = new Indexer(new CorpusReader()).update(corpus, index);
        assertEquals(1, report.changes().added());
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            assertEquals(Set.of(Codec.getDefault().getName(), KbCodec.NAME), codecs(dir), "old segments stay as written");
            assertEquals(5, r.numDocs());
        }
    }

    private Path corpus(int articles) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int a = 0; a < articles; a++) {
            Files.writeString(corpus.resolve("article-" + a + ".md"), "# Article " + a + "\n\nAbout ketamine in article "
                    + a + ".\n\nMidazolam was the comparison in article " + a + ".\n");
        }
        return corpus;
    }

    private static Set<String> codecs(Directory dir) throws Exception {
        Set<String> names = new TreeSet<>();
        for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(dir)) {
            names.add(info.info.getCodec().getName());
        }
        return names;
    }
}
