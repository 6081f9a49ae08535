package kb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kb.corpus.CorpusReader;
import kb.index.IndexReport;
import kb.index.Indexer;

/** Builds a test index from the seed article plus named fixtures, in a temporary folder. */
final class SeedIndex {
    static final Path SEED = Path.of("corpus", "ketamines-for-depression.txt");
    static final Path FIXTURES = Path.of("src", "test", "resources", "search");

    private SeedIndex() {}

    static IndexReport build(Path tmp, String... fixtures) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(SEED, corpus.resolve(SEED.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        for (String f : fixtures) {
            Files.copy(FIXTURES.resolve(f), corpus.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, tmp.resolve("index"));
    }
}
