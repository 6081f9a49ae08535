package kb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds an article's original file in the corpus its index was built from, and only there: a regular file (no
 * link) inside the corpus folder, also once every link on the way is resolved. Empty for an unknown article, a
 * missing corpus, or a stored path that would leave it.
 */
final class CorpusSources {
    private CorpusSources() {}

    static Optional<Path> fileOf(IndexSearcher searcher, Path root, String slug) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ARTICLE, slug)), 1);
        if (root == null || top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return fileAt(root, searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE));
    }

    /** The file at the stored {@code source} path within {@code root}, by the same rules; any engine's. */
    static Optional<Path> fileAt(Path root, String source) {
        if (root == null || source == null || source.isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(source).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return file.toRealPath().startsWith(root.toRealPath()) ? Optional.of(file) : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
