package kb.corpus;

import java.util.List;

/**
 * The unit kb indexes and returns: one paragraph, FAQ answer or reference entry of an article.
 *
 * <p>{@code id} is stable and human-readable ({@code articleSlug.sectionSlug.ordinal}); it is the same after
 * rebuilding an unchanged corpus and does not move when other sections or articles change. {@code ordinal}
 * counts passages within their section from 1; {@code position} counts passages within the article from 0 and
 * gives reading order. {@code sectionPath} runs from the outermost heading to the innermost (never the article
 * title itself); {@code reference} is set only for {@link PassageKind#REFERENCE} passages. {@code page} is the
 * 1-based page the passage starts on, for formats with pages (PDF), and null for the others.
 */
public record Passage(
        String id,
        String articleSlug,
        String articleTitle,
        List<String> sectionPath,
        PassageKind kind,
        int ordinal,
        int position,
        String text,
        String sourceFile,
        List<String> cites,
        Reference reference,
        Integer page) {

    public Passage {
        sectionPath = List.copyOf(sectionPath);
        cites = List.copyOf(cites);
    }

    /** The innermost section heading, or "" for a passage outside any section. */
    public String section() {
        return sectionPath.isEmpty() ? "" : sectionPath.get(sectionPath.size() - 1);
    }
}
