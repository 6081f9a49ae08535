package kb.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;

/**
 * A running kb site over the test fixture corpus ({@code src/test/resources/web/corpus}): the corpus is copied
 * out of the classpath, indexed into {@code workDir}, and served on a free loopback port.
 */
final class TestSite implements AutoCloseable {
    static final String[] CORPUS_FILES = {"ketamines-for-depression.txt", "hostile-markup.md"};

    final LuceneSearchEngine search;
    final WebApp app;

    private TestSite(LuceneSearchEngine search, WebApp app) {
        this.search = search;
        this.app = app;
    }

    static TestSite start(Path workDir) throws IOException {
        Path corpus = Files.createDirectories(workDir.resolve("corpus"));
        for (String name : CORPUS_FILES) {
            try (InputStream in = TestSite.class.getResourceAsStream("/web/corpus/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("fixture missing from the test classpath: " + name);
                }
                Files.copy(in, corpus.resolve(name));
            }
        }
        Path index = workDir.resolve("index");
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, index);
        LuceneSearchEngine search = LuceneSearchEngine.open(index);
        WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0)).start();
        return new TestSite(search, app);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        search.close();
    }
}
