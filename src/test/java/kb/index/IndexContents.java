package kb.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** What an index on disk holds, read the way the index tests compare it: live passages and the commit generation. */
final class IndexContents {
    private IndexContents() {}

    /** Passage id to text of every live passage, sorted by id. */
    static Map<String, String> documents(Path index) throws IOException {
        Map<String, String> docs = new TreeMap<>();
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            StoredFields stored = r.storedFields();
            Bits live = MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    docs.put(stored.document(i).get(Fields.ID), stored.document(i).get(Fields.TEXT));
                }
            }
        }
        return docs;
    }

    /** Passage id to vector of every live passage that has one, sorted by id. */
    static Map<String, float[]> vectors(Path index) throws IOException {
        Map<String, float[]> vectors = new TreeMap<>();
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            for (org.apache.lucene.index.LeafReaderContext leaf : r.leaves()) {
                org.apache.lucene.index.FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                if (values == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        vectors.put(stored.document(doc).get(Fields.ID), values.vectorValue().clone());
                    }
                }
            }
        }
        return vectors;
    }

    /** The user data of the index's last commit. */
    static Map<String, String> commitData(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index)) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData();
        }
    }

    /** The generation of the index's last commit. */
    static long generation(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return r.getIndexCommit().getGeneration();
        }
    }
}
