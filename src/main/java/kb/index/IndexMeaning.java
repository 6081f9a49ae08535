package kb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Search by meaning as an index's last commit has it: whether it is switched off ({@link MeaningSwitch}), the model
 * its vectors come from (null: none yet), and how many of its live passages have a vector. Rule: reading never
 * fails; a missing or unreadable index reads as a new one (on, no passages), and the indexer reports the damage.
 */
public record IndexMeaning(boolean off, String model, int passages, int withMeaning) {
    /** A new index: meaning on, nothing in it. */
    public static final IndexMeaning NEW = new IndexMeaning(false, null, 0, 0);

    /** True when every passage has a vector. */
    public boolean complete() {
        return passages > 0 && withMeaning == passages;
    }

    /** The index in {@code indexDir} as it stands. */
    public static IndexMeaning of(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            return NEW;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return NEW;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                return new IndexMeaning(MeaningSwitch.isOff(data), data.get(Fields.COMMIT_MEANING_MODEL),
                        reader.numDocs(), withVectors(reader));
            }
        } catch (IOException | RuntimeException e) {
            return NEW;
        }
    }

    /** Live passages that carry a meaning vector, over the whole reader. */
    public static int withVectors(org.apache.lucene.index.IndexReader reader) throws IOException {
        int count = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                count += live == null || live.get(doc) ? 1 : 0;
            }
        }
        return count;
    }
}
