package kb.corpus;

import java.util.List;

/**
 * What one pass over a corpus directory read and what it left out. {@code filesRead} counts files that gave
 * at least one article; {@code bytesRead} is their total size; every file or line not read is in {@code skipped};
 * {@code chromeDropped} counts web-page blocks left out as site chrome.
 */
public record CorpusScan(int filesRead, int articles, long bytesRead, List<SkippedFile> skipped, int chromeDropped) {
    public CorpusScan {
        skipped = List.copyOf(skipped);
    }

    public CorpusScan(int filesRead, int articles, long bytesRead, List<SkippedFile> skipped) {
        this(filesRead, articles, bytesRead, skipped, 0);
    }
}
