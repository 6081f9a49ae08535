package kb.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A corpus that flips between two generations. Every passage of generation A carries the words "marker" and
 * "generationalpha", every passage of B "marker" and "generationbeta"; the generations differ in article and passage
 * counts, and a few articles without the marker are the same in both. So a search for "marker" tells exactly which
 * generation answered, and a mix of the two cannot go unnoticed.
 */
final class TwoGenerations {
    static final String WORD_A = "generationalpha";
    static final String WORD_B = "generationbeta";
    final int articlesA;
    final int articlesB;
    final int paragraphsA;
    final int paragraphsB;

    TwoGenerations(int articlesA, int paragraphsA, int articlesB, int paragraphsB) {
        this.articlesA = articlesA;
        this.paragraphsA = paragraphsA;
        this.articlesB = articlesB;
        this.paragraphsB = paragraphsB;
    }

    int passagesA() {
        return articlesA * paragraphsA;
    }

    int passagesB() {
        return articlesB * paragraphsB;
    }

    /** Rewrites {@code corpus} as generation A ({@code a}) or B, removing articles the generation lacks. */
    void write(Path corpus, boolean a) throws IOException {
        int articles = a ? articlesA : articlesB;
        int paragraphs = a ? paragraphsA : paragraphsB;
        String word = a ? WORD_A : WORD_B;
        for (int i = 0; i < Math.max(articlesA, articlesB); i++) {
            Path file = corpus.resolve(String.format("art-%04d.md", i));
            if (i >= articles) {
                Files.deleteIfExists(file);
                continue;
            }
            StringBuilder text = new StringBuilder("# Article " + i + "\n\n");
            for (int p = 0; p < paragraphs; p++) {
                text.append("Paragraph ").append(p).append(" of article ").append(i).append(" has the marker and ")
                        .append(word).append(" with filler words about receptors and ketamine.\n\n");
            }
            Files.writeString(file, text);
        }
        for (int i = 0; i < 5; i++) {
            Path file = corpus.resolve("stable-" + i + ".md");
            if (!Files.exists(file)) {
                Files.writeString(file, "# Stable " + i + "\n\nThis article never changes and has no special word.\n");
            }
        }
    }

    /** Which generation a text belongs to: 'A', 'B', or '?' for neither or both. */
    static char generationOf(String text) {
        boolean a = text.contains(WORD_A);
        boolean b = text.contains(WORD_B);
        return a == b ? '?' : a ? 'A' : 'B';
    }

    static long files(Path corpus) throws IOException {
        try (Stream<Path> s = Files.list(corpus)) {
            return s.count();
        }
    }
}
