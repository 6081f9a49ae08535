package kb.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.search.PassageView;
import kb.search.SearchHit;

/**
 * Composes a passage's citation from what the index stores about it, at the edge where it is shown, so the style
 * or the link can change without re-indexing: "Lener et al. (2017). Title, "Section › Sub", p. 3, paragraph 2.
 * /passages/id". The byline is there only when the article names its authors (one name, two joined by "and", more
 * as the first "et al."), the year only when its date has one; a title that is a sentence loses its final period.
 */
public final class Citations {
    private static final Pattern YEAR = Pattern.compile("\\b(?:1[6-9]|20)\\d\\d\\b");

    private Citations() {}

    public static String of(SearchHit hit) {
        return of(hit.id(), hit.title(), hit.sectionPath(), hit.kind(), hit.ordinal(), hit.page(), hit.authors(),
                hit.date());
    }

    public static String of(PassageView p) {
        return of(p.id(), p.title(), p.sectionPath(), p.kind(), p.ordinal(), p.page(), p.authors(), p.date());
    }

    public static String of(String passageId, String title, List<String> sectionPath, String kind, int ordinal, Integer page,
            List<String> authors, String date) {
        String shownTitle = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
        String section = sectionPath.isEmpty() ? "" : " \"" + SectionPaths.shown(sectionPath) + "\",";
        String onPage = page == null ? "" : " p. " + page + ",";
        return byline(authors, date) + shownTitle + "," + section + onPage + " " + unit(kind) + " " + ordinal + ". "
                + Links.passage(passageId);
    }

    /** What one passage of a kind is called in a citation: an FAQ passage is an answer. */
    private static String unit(String kind) {
        return "faq".equals(kind) ? "answer" : kind;
    }

    private static String byline(List<String> authors, String date) {
        if (authors == null || authors.isEmpty()) {
            return "";
        }
        String names = switch (authors.size()) {
            case 1 -> authors.get(0);
            case 2 -> authors.get(0) + " and " + authors.get(1);
            default -> authors.get(0) + " et al.";
        };
        Matcher year = YEAR.matcher(date == null ? "" : date);
        return names + (year.find() ? " (" + year.group() + "). " : names.endsWith(".") ? " " : ". ");
    }
}
