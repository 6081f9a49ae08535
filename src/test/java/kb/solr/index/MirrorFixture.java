package kb.solr.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.corpus.CorpusReader;
import kb.index.IndexProgress;
import kb.index.Indexer;
import kb.testing.SharedMeaning;

/** A small corpus (front matter, sections, numbers with units, a reference list) and its embedded index, with vectors. */
final class MirrorFixture {
    private MirrorFixture() {}

    /** Writes the corpus under {@code root}/corpus. */
    static Path corpus(Path root) throws IOException {
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        Files.writeString(corpus.resolve("alpha.md"), "---\ntitle: Alpha trial\nauthors: [A. Author, B. Author]\n"
                + "date: 2013-10-01\nurl: https://example.org/alpha\n---\n# Alpha trial\n\nKetamine eases depression "
                + "within 24h [1].\n\n## Methods\n\nMidazolam 0.5mg/kg served as the active placebo.\n\n"
                + "## References\n\n1. Murrough JW, Iosifescu DV. Antidepressant efficacy of ketamine. Am J "
                + "Psychiatry. 2013;170(10):1134-42.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks to work.\n");
        return corpus;
    }

    /** The corpus under {@code root}/corpus indexed, vectors and all, into {@code root}/index; answers the index. */
    static Path index(Path root) throws IOException {
        Path index = root.resolve("index");
        new Indexer(new CorpusReader()).index(corpus(root), index, Indexer.Mode.FULL, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withEmbedder(SharedMeaning.embedder(), Indexer.Options.UNLIMITED));
        return index;
    }
}
