package kb.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of reading one file: its articles, or why the whole file was skipped ({@code skipped}, null when
 * it was read). {@code skippedLines} holds the bad lines of a JSON Lines file whose other lines were still read;
 * {@code chromeDropped} counts the blocks of a web page left out as site chrome ({@link SiteChrome}).
 */
public record FileResult(List<Article> articles, SkippedFile skipped, List<SkippedFile> skippedLines, int chromeDropped) {
    public FileResult {
        articles = List.copyOf(articles);
        skippedLines = List.copyOf(skippedLines);
    }

    public FileResult(List<Article> articles, SkippedFile skipped, List<SkippedFile> skippedLines) {
        this(articles, skipped, skippedLines, 0);
    }

    public FileResult(List<Article> articles, SkippedFile skipped) {
        this(articles, skipped, List.of());
    }

    static FileResult skip(String file, String reason) {
        return new FileResult(List.of(), new SkippedFile(file, reason));
    }

    /** The whole-file skip (if any) followed by the skipped lines, for reporting. */
    public List<SkippedFile> allSkipped() {
        List<SkippedFile> all = new ArrayList<>();
        if (skipped != null) {
            all.add(skipped);
        }
        all.addAll(skippedLines);
        return all;
    }
}
