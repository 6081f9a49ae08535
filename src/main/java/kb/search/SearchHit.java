package kb.search;

import java.util.List;

/**
 * One ranked passage. {@code text} is the passage's plain text; {@code snippet} is its best sentences with the
 * query's matches marked (stemmed matches too), and {@code matches} every match as offsets into {@code text}.
 * {@code ordinal}, {@code authors} and {@code date} are what a citation is composed from, beside the title, section
 * path and page (the page the passage starts on, PDF; null for formats without pages). {@code matchedBy} says
 * whether its words, its meaning or both found it; found by meaning only, its snippet is its sentence closest in
 * meaning to the query, with nothing marked. No markup and no links: the edges compose those.
 */
public record SearchHit(
        String id,
        String article,
        String title,
        String section,
        List<String> sectionPath,
        String kind,
        int ordinal,
        String text,
        MarkedText snippet,
        List<Span> matches,
        Integer page,
        List<String> authors,
        String date,
        MatchedBy matchedBy,
        float score) {}
